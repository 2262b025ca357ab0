// Fictional people only; figures are plausible values, the compliance report is the core's own.
#include "demo_workspace.h"

#include "shipped_rules.h"
#include "update.h"

namespace ll::test {

SessionInfo manager_session() {
    SessionInfo s;
    s.account_id = "acc-manager";
    s.email = "manager@demo.example";
    s.role = "manager";
    s.worker_id = "w-0003";
    s.display_name = "Noah Jacobs";
    s.employer_id = "demo";
    return s;
}

SessionInfo hr_session() {
    SessionInfo s = manager_session();
    s.account_id = "acc-hr";
    s.email = "hr@demo.example";
    s.role = "hr";
    s.worker_id = "w-0008";
    s.display_name = "Elena Goossens";
    return s;
}

std::vector<ApprovalItem> demo_inbox() {
    auto item = [](const char* id, const char* name, const char* title, const char* date, long long minutes, long long remaining) {
        ApprovalItem a;
        a.entry.entry = LedgerEntry{id, EntryKind::training, EntryStatus::submitted, *CivilDate::parse(date), minutes, title};
        a.entry.employer_id = "demo";
        a.entry.worker_id = std::string("w-") + id;
        a.entry.provider = "Academy";
        a.worker_name = name;
        a.minutes_per_day = 456;
        a.remaining_minutes = remaining;
        a.remaining_after_minutes = std::max(0LL, remaining - minutes);
        return a;
    };
    auto items = std::vector<ApprovalItem>{item("e1", "Anna Peeters", "Safe loading", "2026-10-12", 228, 4332),
                                           item("e2", "Lucas Maes", "Forklift refresher", "2026-11-03", 456, 1824),
                                           item("e3", "Emma Willems", "Dutch B1", "2026-11-20", 912, 456)};
    items[0].entry.certificate_id = "c-1";
    return items;
}

std::vector<TeamRow> demo_team(int workers, int year) {
    const char* departments[] = {"Warehouse", "Transport", "Office"};
    std::vector<TeamRow> rows;
    for (int n = 1; n <= workers; ++n) {
        TeamRow r;
        r.worker_id = "w-" + std::to_string(n);
        r.name = (n == 1 ? std::string("Anna Peeters") : "Worker " + std::to_string(100000 + n));
        r.department = departments[n % 3];
        r.department_id = std::string("demo:") + r.department;
        r.joint_committee = n % 4 == 0 ? "200" : "226";
        r.fraction = n % 2 ? Rational(1) : *Rational::make(1, 2);
        r.status = n % 13 == 0 ? WorkerStatus::left : WorkerStatus::active;
        r.year = year;
        r.minutes_per_day = 456;
        r.entitled_minutes = n % 2 ? 2280 : 1140;
        r.used_minutes = (n * 37) % 900;
        r.pending_minutes = n % 5 == 0 ? 228 : 0;
        r.carried_in_minutes = n % 3 == 0 ? 456 : 0;
        r.remaining_minutes = r.entitled_minutes + r.carried_in_minutes - r.used_minutes;
        r.period_start_year = 2024;
        r.period_end_year = 2028;
        r.period_goal_minutes = 3 * r.entitled_minutes;
        r.period_followed_minutes = r.used_minutes * 2;
        r.period_shortfall_minutes = r.period_goal_minutes - r.period_followed_minutes;
        r.behind = r.carried_in_minutes > 0;
        if (r.status == WorkerStatus::left) r.lapses_on = *CivilDate::from_ymd(year, 9, 30), r.lapsing = true;
        rows.push_back(r);
    }
    return rows;
}

ComplianceReport demo_compliance(const char* day) {
    ComplianceFacts f;
    for (int y = 2023; y <= 2027; ++y) f.company_fte[y] = Rational(55);
    f.workers.push_back({"w-1", "Anna Peeters", {{*CivilDate::parse("2024-04-29"), std::nullopt, *Rational::make(4, 5)}}});
    f.workers.push_back({"w-2", "Lucas Maes", {{*CivilDate::parse("2019-02-01"), std::nullopt, Rational(1)}}});
    f.done.push_back({"training_plan", *CivilDate::parse("2026-01-01"), "", *CivilDate::parse("2026-03-20")});
    return evaluate_compliance(*shipped::belgian_rule_set(), f, *CivilDate::parse(day));
}

ui::AppState workspace_state(const SessionInfo& session, ui::Language language) {
    auto s = ui::initial_state(*CivilDate::parse("2026-12-01"), 2023, 2040, language);
    ui::update(s, ui::SignedIn{session});
    return s;
}

std::vector<ui::Command> run_actions(ui::AppState& s, const std::vector<ui::Action>& actions, const std::string& key) {
    std::vector<ui::Command> out;
    for (const auto& a : actions) {
        auto c = ui::update(s, ui::with_key(a, [&] { return key; }));
        out.insert(out.end(), c.begin(), c.end());
    }
    return out;
}

}  // namespace ll::test
