// One row of the team table: a worker's figures for a year, taken from a figures-only fold, with
// the regime and status of the day and the flags HR acts on (days behind, time about to lapse).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ledger.h"
#include "records.h"

namespace ll {

enum class WorkerStatus { active, not_started, left };

struct TeamRow {
    std::string worker_id, name, department_id, department, joint_committee;
    std::optional<Rational> fraction;  // share of full time on the day (nullopt: not employed then)
    WorkerStatus status = WorkerStatus::active;
    int year = 0;
    long long minutes_per_day = 0;
    long long entitled_minutes = 0, complementary_minutes = 0, carried_in_minutes = 0, used_minutes = 0,
              pending_minutes = 0, remaining_minutes = 0;
    long long period_goal_minutes = 0, period_followed_minutes = 0, period_shortfall_minutes = 0;
    int period_start_year = 0, period_end_year = 0;  // 0: the year is in no 5-year period
    std::optional<CivilDate> lapses_on;
    bool behind = false;   // unused time carried in from earlier years
    bool lapsing = false;  // time left that lapses (lapses_on set and something remains)
};

// The share of full time worked on `day`, nullopt when no period covers it.
std::optional<Rational> fraction_on(const std::vector<EmploymentPeriod>& employment, const CivilDate& day);
WorkerStatus status_on(const std::vector<EmploymentPeriod>& employment, const std::optional<Termination>& termination,
                       const CivilDate& day);

// The row of `balance`'s last folded year; `day` decides regime and status.
TeamRow team_row(const WorkerRecord& w, const std::vector<EmploymentPeriod>& employment, const Balance& balance,
                 const CivilDate& day);

const char* to_string(WorkerStatus s);
std::optional<WorkerStatus> worker_status_from(const std::string& s);

}  // namespace ll
