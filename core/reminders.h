// Reminders: who should hear about what, and when. HR before the deadlines of the compliance
// report (and once a deadline passed), approvers while trainings wait for them, every worker when
// their yearly statement is ready, and workers whose certificates are about to expire.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "compliance.h"

namespace ll {

enum class ReminderKind { deadline, approvals_waiting, yearly_statement, certificate_expiring };

// When reminders go out: product policy, kept as data beside the rule set's legal dates.
struct ReminderPolicy {
    std::vector<int> deadline_lead_days = {30, 7, 1};  // before an open deadline; then once when overdue
    int approvals_waiting_days = 2;                    // a training submitted at least this many days ago
    int statement_days = 31;                           // the statement of year Y: from 1 January of Y + 1, this long
    int certificate_lead_days = 30;                    // before a certificate's last valid day
};

// One reminder, for HR (`worker_id` empty) or for one person (a worker or an approver, by worker id).
// Each carries figures only: counts, dates, an obligation's id and a training's title, never a
// national number and never another worker's name (mails leave the building).
struct Reminder {
    ReminderKind kind = ReminderKind::deadline;
    std::string worker_id;
    std::string key;  // the same key is never sent twice to the same person
    std::string obligation_id, obligation_name;  // deadline
    CivilDate deadline;                          // deadline; certificate: its last valid day
    int days_left = 0;                           // deadline (negative: overdue); certificate
    int open = 0;                                // deadline: occurrences not done; approvals: trainings waiting
    int year = 0;                                // yearly statement
    std::string title;                           // certificate: the training
};

struct WaitingEntry {
    std::string entry_id;
    CivilDate submitted_on;
    std::vector<std::string> deciders;  // who may decide on it today (approvers, active delegates)
};

struct CertificateValidity {
    std::string worker_id, entry_id, title;
    CivilDate valid_until;
};

struct ReminderFacts {
    CivilDate today;
    std::vector<DutyGroup> duties;  // the compliance report of `today`
    std::vector<WaitingEntry> waiting;
    std::vector<std::string> workers;  // employed on `today`
    std::vector<CertificateValidity> certificates;
};

// Everything due on `today`, in a stable order. Keys name the occasion (the deadline and the lead
// that was passed, the day for approvals, the year for statements), so planning the same day twice,
// or every hour, yields the same keys and the host sends each reminder once.
std::vector<Reminder> plan_reminders(const ReminderFacts& facts, const ReminderPolicy& policy = {});

const char* to_string(ReminderKind k);

}  // namespace ll
