// The compliance cockpit's evaluation on the shipped rule set: the FLA duties of a day in 2024
// exactly as they stood, today's duties after the abolition, size thresholds and fulfilments.
#include <doctest/doctest.h>

#include <algorithm>

#include "compliance.h"
#include "shipped_rules.h"

using namespace ll;

namespace {

CivilDate d(const char* iso) { return *CivilDate::parse(iso); }

ComplianceFacts company(int fte) {
    ComplianceFacts f;
    for (int y = 2023; y <= 2027; ++y) f.company_fte[y] = Rational(fte);
    f.workers.push_back({"w-old", "Old", {{d("2019-03-01"), std::nullopt, Rational(1)}}});
    f.workers.push_back({"w-new", "New", {{d("2024-05-02"), std::nullopt, *Rational::make(4, 5)}}});
    return f;
}

const DutyGroup* group(const ComplianceReport& r, const std::string& id, const char* trigger = nullptr) {
    for (const auto& g : r.groups)
        if (g.obligation_id == id && (!trigger || g.trigger == d(trigger))) return &g;
    return nullptr;
}

bool any_fla(const ComplianceReport& r, bool except_abolition) {
    return std::any_of(r.groups.begin(), r.groups.end(), [&](const DutyGroup& g) {
        return g.obligation_id.rfind("fla.", 0) == 0 && !(except_abolition && g.obligation_id == "fla.abolished.data_retrieval");
    });
}

}  // namespace

TEST_CASE("cockpit on 15 June 2024: the FLA duties of the time, with deadlines and days left") {
    const auto& rules = *shipped::belgian_rule_set();
    auto r = evaluate_compliance(rules, company(40), d("2024-06-15"));

    const DutyGroup* initial = group(r, "fla.initial_registration.v1");
    REQUIRE(initial);
    CHECK(initial->deadline == d("2024-09-30"));
    CHECK(initial->status == DutyStatus::due);
    CHECK(initial->days_left == 107);

    // The new worker joined on 2 May 2024: 60 calendar days -> 1 July 2024.
    const DutyGroup* joined = group(r, "fla.new_worker.v1");
    REQUIRE(joined);
    CHECK(joined->total == 1);
    CHECK(joined->duties[0].worker_id == "w-new");
    CHECK(joined->deadline == d("2024-07-01"));
    CHECK(joined->days_left == 16);

    // Q2 ends after the day: upcoming, due the last day of the month after the quarter.
    const DutyGroup* q2 = group(r, "fla.quarterly_update.v1", "2024-06-30");
    REQUIRE(q2);
    CHECK(q2->status == DutyStatus::upcoming);
    CHECK(q2->deadline == d("2024-07-31"));
    // Q1 2024 ended before the FLA started (1 April 2024): no update was owed.
    CHECK_FALSE(group(r, "fla.quarterly_update.v1", "2024-03-31"));

    // The plan of 2024 was due before 31 March: overdue unless recorded as done.
    const DutyGroup* plan = group(r, "training_plan", "2024-01-01");
    REQUIRE(plan);
    CHECK(plan->status == DutyStatus::overdue);
    CHECK(plan->days_left == -76);

    // The yearly statement concerns both workers employed in 2024.
    const DutyGroup* statement = group(r, "yearly_balance_statement", "2024-01-01");
    REQUIRE(statement);
    CHECK(statement->total == 2);
    CHECK(statement->status == DutyStatus::due);
    CHECK_FALSE(group(r, "fla.abolished.data_retrieval"));
}

TEST_CASE("cockpit on 1 December 2026: the FLA is abolished, its data goes on 1 January 2027") {
    const auto& rules = *shipped::belgian_rule_set();
    auto r = evaluate_compliance(rules, company(40), d("2026-12-01"));
    CHECK_FALSE(any_fla(r, true));
    const DutyGroup* abolished = group(r, "fla.abolished.data_retrieval");
    REQUIRE(abolished);
    CHECK(abolished->deadline == d("2026-12-31"));
    CHECK(abolished->days_left == 30);
    CHECK(abolished->status == DutyStatus::due);
    // What still applies: the individual training account, the yearly statement, plan, social balance.
    CHECK(group(r, "individual_training_account", "2026-01-01"));
    CHECK(group(r, "yearly_balance_statement", "2026-01-01"));
    CHECK(group(r, "training_plan", "2026-01-01"));
    const DutyGroup* sbs = group(r, "social_balance_sheet", "2025-12-31");
    REQUIRE(sbs);
    CHECK(sbs->deadline == d("2026-07-31"));
    CHECK(sbs->status == DutyStatus::overdue);
    // Next year's plan is announced within the look-ahead window.
    const DutyGroup* next_plan = group(r, "training_plan", "2027-01-01");
    REQUIRE(next_plan);
    CHECK(next_plan->status == DutyStatus::upcoming);
}

TEST_CASE("cockpit on 1 February 2025: the first postponement as it was known then") {
    const auto& rules = *shipped::belgian_rule_set();
    auto r = evaluate_compliance(rules, company(40), d("2025-02-01"));
    const DutyGroup* initial = group(r, "fla.initial_registration.v2");
    REQUIRE(initial);
    CHECK(initial->deadline == d("2025-03-31"));
    CHECK_FALSE(group(r, "fla.initial_registration.v1"));
    CHECK_FALSE(group(r, "fla.quarterly_update.v1"));
}

TEST_CASE("small companies have no training plan; an unknown size shows it") {
    const auto& rules = *shipped::belgian_rule_set();
    auto small = evaluate_compliance(rules, company(8), d("2026-02-01"));
    CHECK_FALSE(group(small, "training_plan"));
    CHECK_FALSE(group(small, "training_plan.advice"));
    ComplianceFacts unknown = company(8);
    unknown.company_fte.clear();
    CHECK(group(evaluate_compliance(rules, unknown, d("2026-02-01")), "training_plan"));
}

TEST_CASE("fulfilments mark duties done, per worker, and only from the day they were done") {
    const auto& rules = *shipped::belgian_rule_set();
    ComplianceFacts f = company(40);
    f.done.push_back({"yearly_balance_statement", d("2026-01-01"), "w-old", d("2026-03-02")});
    f.done.push_back({"training_plan", d("2026-01-01"), "", d("2026-03-20")});

    auto r = evaluate_compliance(rules, f, d("2026-06-01"));
    const DutyGroup* statement = group(r, "yearly_balance_statement", "2026-01-01");
    REQUIRE(statement);
    CHECK(statement->done == 1);
    CHECK(statement->total == 2);
    CHECK(statement->status == DutyStatus::due);
    const DutyGroup* plan = group(r, "training_plan", "2026-01-01");
    REQUIRE(plan);
    CHECK(plan->status == DutyStatus::done);
    CHECK(*plan->duties[0].done_on == d("2026-03-20"));

    // Seen as of a day before it was done, the plan was still due.
    auto before = evaluate_compliance(rules, f, d("2026-03-10"));
    CHECK(group(before, "training_plan", "2026-01-01")->status == DutyStatus::due);
}

TEST_CASE("a worker who returns after a gap joins again; a contiguous new period does not") {
    Obligation o;
    o.id = "new";
    o.applies_to = "worker";
    o.trigger = ObligationTrigger::worker_joined;
    o.deadline.days_after = 60;
    o.valid_from = d("2020-01-01");
    RuleSet rules;
    rules.obligations.push_back(o);
    ComplianceFacts f;
    f.workers.push_back({"w", "W", {{d("2026-01-01"), d("2026-03-31"), Rational(1)},
                               {d("2026-04-01"), d("2026-05-31"), *Rational::make(1, 2)},
                               {d("2026-09-01"), std::nullopt, Rational(1)}}});
    auto r = evaluate_compliance(rules, f, d("2026-10-01"));
    std::vector<CivilDate> triggers;
    for (const auto& g : r.groups) triggers.push_back(g.trigger);
    CHECK(triggers == std::vector<CivilDate>{d("2026-01-01"), d("2026-09-01")});
    CHECK(r.groups[0].status == DutyStatus::overdue);
    CHECK(r.groups[1].deadline == d("2026-10-31"));
}

TEST_CASE("groups come by deadline") {
    const auto& rules = *shipped::belgian_rule_set();
    auto r = evaluate_compliance(rules, company(40), d("2024-06-15"));
    REQUIRE(r.groups.size() > 3);
    for (size_t i = 1; i < r.groups.size(); ++i) CHECK_FALSE(r.groups[i].deadline < r.groups[i - 1].deadline);
}
