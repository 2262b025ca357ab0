// Leads are thresholds, not exact days: a server that was down on the 7th-day mark still sends the
// 7-day reminder on day 5, and only the nearest lead passed is sent (no burst of three at once).
#include "reminders.h"

#include <algorithm>
#include <map>

namespace ll {

const char* to_string(ReminderKind k) {
    switch (k) {
        case ReminderKind::deadline: return "deadline";
        case ReminderKind::approvals_waiting: return "approvals_waiting";
        case ReminderKind::yearly_statement: return "yearly_statement";
        case ReminderKind::certificate_expiring: return "certificate_expiring";
    }
    return "";
}

namespace {

// "7" for the nearest lead passed, "overdue" after the deadline; nothing before the first lead.
std::optional<std::string> lead_passed(int days_left, std::vector<int> leads) {
    if (days_left < 0) return std::string("overdue");
    std::sort(leads.begin(), leads.end());
    for (int lead : leads)
        if (days_left <= lead) return std::to_string(lead);
    return std::nullopt;
}

void deadline_reminders(const ReminderFacts& f, const ReminderPolicy& policy, std::vector<Reminder>& out) {
    for (const auto& g : f.duties) {
        if (g.status == DutyStatus::done || g.status == DutyStatus::upcoming) continue;
        auto lead = lead_passed(g.days_left, policy.deadline_lead_days);
        if (!lead) continue;
        Reminder r;
        r.kind = ReminderKind::deadline;
        r.key = "deadline:" + g.obligation_id + "@" + g.trigger.iso() + ":" + *lead;
        r.obligation_id = g.obligation_id;
        r.obligation_name = g.name;
        r.deadline = g.deadline;
        r.days_left = g.days_left;
        r.open = g.total - g.done;
        out.push_back(std::move(r));
    }
}

// One reminder a day per approver, counting what waits for them.
void approval_reminders(const ReminderFacts& f, const ReminderPolicy& policy, std::vector<Reminder>& out) {
    std::map<std::string, int> waiting_for;
    for (const auto& e : f.waiting) {
        if (e.submitted_on.days_until(f.today) < policy.approvals_waiting_days) continue;
        for (const auto& d : e.deciders) ++waiting_for[d];
    }
    for (const auto& [person, count] : waiting_for) {
        Reminder r;
        r.kind = ReminderKind::approvals_waiting;
        r.worker_id = person;
        r.key = "approvals:" + f.today.iso();
        r.open = count;
        out.push_back(std::move(r));
    }
}

void statement_reminders(const ReminderFacts& f, const ReminderPolicy& policy, std::vector<Reminder>& out) {
    const auto january = CivilDate::from_ymd(f.today.year(), 1, 1);
    if (!january || january->days_until(f.today) >= policy.statement_days) return;
    for (const auto& w : f.workers) {
        Reminder r;
        r.kind = ReminderKind::yearly_statement;
        r.worker_id = w;
        r.year = f.today.year() - 1;
        r.key = "statement:" + std::to_string(r.year);
        out.push_back(std::move(r));
    }
}

void certificate_reminders(const ReminderFacts& f, const ReminderPolicy& policy, std::vector<Reminder>& out) {
    for (const auto& c : f.certificates) {
        const int left = f.today.days_until(c.valid_until);
        if (left < 0 || left > policy.certificate_lead_days) continue;
        Reminder r;
        r.kind = ReminderKind::certificate_expiring;
        r.worker_id = c.worker_id;
        r.key = "certificate:" + c.entry_id + ":" + c.valid_until.iso();
        r.deadline = c.valid_until;
        r.days_left = left;
        r.title = c.title;
        out.push_back(std::move(r));
    }
}

}  // namespace

std::vector<Reminder> plan_reminders(const ReminderFacts& facts, const ReminderPolicy& policy) {
    std::vector<Reminder> out;
    deadline_reminders(facts, policy, out);
    approval_reminders(facts, policy, out);
    statement_reminders(facts, policy, out);
    certificate_reminders(facts, policy, out);
    return out;
}

}  // namespace ll
