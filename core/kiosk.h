// The kiosk's rules: what a badge and its PIN look like, when wrong PINs lock a badge, how long a
// personal lookup stays on screen, which dashboard and language a wall display shows, and the site
// aggregates it may show (never a person's figures, never a group small enough to point at one).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compliance.h"
#include "result.h"

namespace ll::kiosk {

struct Policy {
    int pin_min_digits = 4, pin_max_digits = 8;
    int max_wrong_pins = 5;              // in a row; then the badge is locked
    std::int64_t lock_seconds = 15 * 60;
    int lookup_seconds = 30;             // a lookup signs out after this long without a touch
    int slot_seconds = 10;               // each dashboard, in each language, in turn
    int min_group = 5;                   // fewer workers at a site: no progress figure at all
};

// A PIN of digits only, not one digit repeated nor a run such as 1234 (field "pin").
Result<std::string> validate_pin(std::string_view pin, const Policy& policy = {});
// A badge number as printed on the card and typed on the kiosk's keypad: 1 to 12 digits (field "badge").
Result<std::string> validate_badge(std::string_view badge);

// Wrong PINs of one badge in a row, and until when it is locked (unix seconds).
struct BadgeLock {
    int wrong_pins = 0;
    std::int64_t locked_until = 0;
};
// Seconds until the badge may try again; 0 when it may.
std::int64_t seconds_locked(const BadgeLock& lock, std::int64_t now);
// After a wrong PIN: counted, and the badge locked once the count reaches the policy's maximum
// (the count starts again after the lock).
BadgeLock after_wrong_pin(BadgeLock lock, std::int64_t now, const Policy& policy = {});

// What a rotating display shows at a moment: dashboard `dashboard` in language `language`. Each
// dashboard is shown in every language before the next one, so a reader waits one slot, not a turn.
struct Slot {
    int dashboard = 0, language = 0;
    double progress = 0;  // 0..1 through the slot (for a progress line or a cross-fade)
};
Slot slot_at(std::int64_t elapsed_ms, int dashboards, int languages, const Policy& policy = {});

// Seconds a lookup has left after `idle_ms` without a touch; 0 means sign out now.
int lookup_seconds_left(std::int64_t idle_ms, const Policy& policy = {});

// One worker's year towards the site's goal.
struct WorkerYear {
    long long right_minutes = 0;     // this year's right
    long long followed_minutes = 0;  // approved trainings that count
};
struct SiteProgress {
    int workers = 0;
    long long goal_minutes = 0;
    long long followed_minutes = 0;  // each worker counted up to their own right
    bool shown = false;              // enough workers that no one can be singled out
    int percent = 0;                 // of the goal, rounded down
};
// Those who trained beyond their right do not hide those who did not train: each counts up to
// their own right.
SiteProgress site_progress(const std::vector<WorkerYear>& workers, const Policy& policy = {});

// The employer's deadlines that fall in `today`'s month and are not done, counted per group and
// without names (what a wall may show), by deadline.
struct MonthDeadline {
    std::string obligation_id, name;
    CivilDate deadline;
    DutyStatus status = DutyStatus::due;
    int done = 0, total = 0;
};
std::vector<MonthDeadline> deadlines_this_month(const ComplianceReport& report, const CivilDate& today);

}  // namespace ll::kiosk
