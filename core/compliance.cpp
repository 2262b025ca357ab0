// Occurrences of dated obligations around a day: each trigger kind yields its trigger days, each
// trigger day its deadline (by rule), and recorded fulfilments decide done; the rest is arithmetic.
#include "compliance.h"

#include <algorithm>
#include <tuple>

namespace ll {

const char* to_string(DutyStatus s) {
    switch (s) {
        case DutyStatus::done: return "done";
        case DutyStatus::due: return "due";
        case DutyStatus::overdue: return "overdue";
        case DutyStatus::upcoming: return "upcoming";
    }
    return "";
}

std::optional<DutyStatus> duty_status_from(const std::string& s) {
    for (auto v : {DutyStatus::done, DutyStatus::due, DutyStatus::overdue, DutyStatus::upcoming})
        if (s == to_string(v)) return v;
    return std::nullopt;
}

namespace {

CivilDate ymd(int year, unsigned month, unsigned day) { return *CivilDate::from_ymd(year, month, day); }

// overdue > due > upcoming > done: a group shows its most urgent duty.
int urgency(DutyStatus s) {
    switch (s) {
        case DutyStatus::overdue: return 3;
        case DutyStatus::due: return 2;
        case DutyStatus::upcoming: return 1;
        case DutyStatus::done: return 0;
    }
    return 0;
}

bool employed_during(const ComplianceWorker& w, const CivilDate& from, const CivilDate& to) {
    for (const auto& p : w.employment)
        if (p.start <= to && (!p.end || *p.end >= from)) return true;
    return false;
}

// The first days of employment: each period's start that does not continue an earlier period.
std::vector<CivilDate> joining_days(const ComplianceWorker& w) {
    std::vector<EmploymentPeriod> periods = w.employment;
    std::sort(periods.begin(), periods.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    std::vector<CivilDate> out;
    std::optional<CivilDate> covered_to;  // last day employed so far; nullopt before the first period
    bool open = false;
    for (const auto& p : periods) {
        const bool continues = open || (covered_to && p.start <= covered_to->plus_days(1));
        if (!continues) out.push_back(p.start);
        if (!p.end) open = true;
        else if (!covered_to || *p.end > *covered_to) covered_to = p.end;
    }
    return out;
}

std::optional<CivilDate> fulfilled(const ComplianceFacts& facts, const Obligation& o, const CivilDate& trigger,
                                   const std::string& worker_id, const CivilDate& day) {
    for (const auto& f : facts.done)
        if (f.obligation_id == o.id && f.trigger == trigger && f.worker_id == worker_id && f.done_on <= day) return f.done_on;
    return std::nullopt;
}

Duty make_duty(const ComplianceFacts& facts, const Obligation& o, const CivilDate& trigger, const ComplianceWorker* worker,
               const CivilDate& day) {
    const std::string worker_id = worker ? worker->id : std::string();
    Duty d;
    d.trigger = trigger;
    d.deadline = std::max(o.deadline_for(trigger), trigger);
    d.worker_id = worker_id;
    if (worker) d.worker_name = worker->name;
    d.days_left = day.days_until(d.deadline);
    d.done_on = fulfilled(facts, o, trigger, worker_id, day);
    if (d.done_on) d.status = DutyStatus::done;
    else if (trigger > day) d.status = DutyStatus::upcoming;
    else if (d.deadline < day) d.status = DutyStatus::overdue;
    else d.status = DutyStatus::due;
    return d;
}

bool size_allows(const Obligation& o, const ComplianceFacts& facts, int year) {
    if (!o.min_fte) return true;
    auto it = facts.company_fte.find(year);
    return it == facts.company_fte.end() || !(it->second < *o.min_fte);
}

// The workers a worker duty of this trigger day concerns, with the trigger day of each.
std::vector<std::pair<const ComplianceWorker*, CivilDate>> worker_occurrences(const Obligation& o, const ComplianceFacts& facts,
                                                                 const CivilDate& from, const CivilDate& to) {
    std::vector<std::pair<const ComplianceWorker*, CivilDate>> out;
    for (const auto& w : facts.workers) {
        if (o.trigger == ObligationTrigger::worker_joined) {
            for (const auto& joined : joining_days(w))
                if (joined >= from && joined <= to) out.emplace_back(&w, joined);
            continue;
        }
        // Yearly and quarterly duties concern every worker employed in the period the trigger closes or opens.
        for (const auto& t : trigger_days(o, from, to)) {
            const bool opens = o.trigger == ObligationTrigger::year_start || o.trigger == ObligationTrigger::fixed_date;
            const CivilDate period_from = opens ? t : ymd(t.year(), 1, 1);
            const CivilDate period_to = opens ? ymd(t.year(), 12, 31) : t;
            if (employed_during(w, period_from, period_to)) out.emplace_back(&w, t);
        }
    }
    return out;
}

}  // namespace

std::vector<CivilDate> trigger_days(const Obligation& o, const CivilDate& from, const CivilDate& to) {
    std::vector<CivilDate> out;
    auto keep = [&](const CivilDate& d) {
        if (d >= from && d <= to) out.push_back(d);
    };
    switch (o.trigger) {
        case ObligationTrigger::worker_joined: break;
        case ObligationTrigger::fixed_date:
            if (o.trigger_date) keep(*o.trigger_date);
            break;
        case ObligationTrigger::year_start:
            for (int y = from.year(); y <= to.year(); ++y) keep(ymd(y, 1, 1));
            break;
        case ObligationTrigger::year_end:
            for (int y = from.year(); y <= to.year(); ++y) keep(ymd(y, 12, 31));
            break;
        case ObligationTrigger::quarter_end:
            for (int y = from.year(); y <= to.year(); ++y)
                for (unsigned m : {3u, 6u, 9u, 12u}) keep(ymd(y, m, CivilDate::days_in_month(y, m)));
            break;
    }
    return out;
}

bool is_occurrence(const Obligation& o, const ComplianceWorker* worker, const CivilDate& trigger) {
    if ((o.applies_to == "worker") != (worker != nullptr)) return false;
    if (o.trigger == ObligationTrigger::worker_joined) {
        auto days = joining_days(*worker);
        return std::find(days.begin(), days.end(), trigger) != days.end();
    }
    return !trigger_days(o, trigger, trigger).empty();
}

ComplianceReport evaluate_compliance(const RuleSet& rules, const ComplianceFacts& facts, const CivilDate& day,
                                     const ComplianceWindow& window) {
    ComplianceReport report;
    report.day = day;
    // Triggers far enough back for a deadline still inside the window: deadlines run at most a
    // year and seven months after their trigger in the shipped rules; two years is safe.
    const CivilDate from = day.plus_days(-window.look_back_days - 2 * 366);
    const CivilDate to = day.plus_days(window.look_ahead_days);
    for (const auto& o : rules.obligations) {
        std::vector<DutyGroup> groups;
        auto group_for = [&](const CivilDate& trigger) -> DutyGroup& {
            for (auto& g : groups)
                if (g.trigger == trigger) return g;
            DutyGroup g;
            g.obligation_id = o.id;
            g.name = o.name;
            g.action = o.action;
            g.source = o.source;
            g.applies_to = o.applies_to;
            g.trigger = trigger;
            groups.push_back(g);
            return groups.back();
        };
        auto consider = [&](const CivilDate& trigger, const ComplianceWorker* worker) {
            if (!o.applies_on(trigger, day) || !size_allows(o, facts, trigger.year())) return;
            Duty d = make_duty(facts, o, trigger, worker, day);
            if (d.deadline < day.plus_days(-window.look_back_days)) return;
            group_for(trigger).duties.push_back(std::move(d));
        };
        if (o.applies_to == "worker") {
            for (const auto& [worker, trigger] : worker_occurrences(o, facts, from, to)) consider(trigger, worker);
        } else {
            for (const auto& trigger : trigger_days(o, from, to)) consider(trigger, nullptr);
        }
        for (auto& g : groups) {
            g.total = static_cast<int>(g.duties.size());
            g.status = DutyStatus::done;
            g.deadline = g.duties.front().deadline;
            for (const auto& d : g.duties) {
                if (d.status == DutyStatus::done) ++g.done;
                if (urgency(d.status) > urgency(g.status)) g.status = d.status;
                g.deadline = std::min(g.deadline, d.deadline);
            }
            g.days_left = day.days_until(g.deadline);
            report.groups.push_back(std::move(g));
        }
    }
    std::stable_sort(report.groups.begin(), report.groups.end(),
                     [](const DutyGroup& a, const DutyGroup& b) { return a.deadline < b.deadline; });
    return report;
}

}  // namespace ll
