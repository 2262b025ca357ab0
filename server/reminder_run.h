// One pass of reminders for one employer: plan what is due today (core), store each notification
// once per account in one transaction, then mail the new ones when SMTP is set up. The server runs
// it for every employer on a timer; HR can run it for their employer (POST /reminders/run).
#pragma once
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "api_support.h"

namespace ll::server {

struct ReminderRun {
    int planned = 0;  // reminders due today
    int created = 0;  // notifications stored now (the rest were sent before)
    int emailed = 0, failed = 0;
};

Result<ReminderRun> run_reminders(ApiContext& ctx, const std::string& employer_id);
// Every employer, one after the other; errors are counted, not fatal (the next pass tries again).
ReminderRun run_all_reminders(ApiContext& ctx);

// Runs every employer's reminders now and then every `seconds`, on its own thread, until destroyed.
class ReminderTimer {
public:
    ReminderTimer(ApiContext& ctx, int seconds);
    ~ReminderTimer();
    ReminderTimer(const ReminderTimer&) = delete;
    ReminderTimer& operator=(const ReminderTimer&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace ll::server
