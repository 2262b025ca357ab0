// Team rows from folded balances: no rule of its own beyond reading the fold, so the table and a
// worker's own screen can never disagree.
#include "team_row.h"

namespace ll {

const char* to_string(WorkerStatus s) {
    switch (s) {
        case WorkerStatus::active: return "active";
        case WorkerStatus::not_started: return "not_started";
        case WorkerStatus::left: return "left";
    }
    return "";
}

std::optional<WorkerStatus> worker_status_from(const std::string& s) {
    for (auto v : {WorkerStatus::active, WorkerStatus::not_started, WorkerStatus::left})
        if (s == to_string(v)) return v;
    return std::nullopt;
}

std::optional<Rational> fraction_on(const std::vector<EmploymentPeriod>& employment, const CivilDate& day) {
    std::optional<Rational> best;
    for (const auto& p : employment)
        if (p.start <= day && (!p.end || *p.end >= day) && (!best || *best < p.fraction)) best = p.fraction;
    return best;
}

WorkerStatus status_on(const std::vector<EmploymentPeriod>& employment, const std::optional<Termination>& termination,
                       const CivilDate& day) {
    if (termination && termination->date < day) return WorkerStatus::left;
    if (fraction_on(employment, day)) return WorkerStatus::active;
    for (const auto& p : employment)
        if (p.start > day) return WorkerStatus::not_started;
    return employment.empty() ? WorkerStatus::not_started : WorkerStatus::left;
}

TeamRow team_row(const WorkerRecord& w, const std::vector<EmploymentPeriod>& employment, const Balance& balance,
                 const CivilDate& day) {
    TeamRow r;
    r.worker_id = w.id;
    r.name = w.display_name;
    r.department_id = w.department_id;
    r.department = w.department_name;
    r.joint_committee = w.joint_committee;
    r.fraction = fraction_on(employment, day);
    r.status = status_on(employment, w.termination, day);
    r.minutes_per_day = balance.minutes_per_day;
    if (balance.years.empty()) return r;
    const YearBalance& y = balance.years.back();
    r.year = y.year;
    r.entitled_minutes = y.entitled_minutes;
    r.complementary_minutes = y.complementary_minutes;
    r.carried_in_minutes = y.carried_in_minutes;
    r.used_minutes = y.used_minutes;
    r.pending_minutes = y.pending_minutes;
    r.remaining_minutes = y.remaining_minutes;
    r.lapses_on = y.lapses_on;
    for (const auto& p : balance.periods)
        if (p.start_year <= y.year && y.year <= p.end_year) {
            r.period_start_year = p.start_year;
            r.period_end_year = p.end_year;
            r.period_goal_minutes = p.goal_minutes;
            r.period_followed_minutes = p.followed_minutes;
            r.period_shortfall_minutes = p.shortfall_minutes;
        }
    r.behind = y.carried_in_minutes > 0;
    r.lapsing = y.lapses_on.has_value() && y.remaining_minutes > 0;
    return r;
}

}  // namespace ll
