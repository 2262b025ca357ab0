// The yearly training plan: realised figures per target group from the ledger (distinct people,
// inside the period, age on the first day), the anonymised table, and strict reading.
#include <doctest/doctest.h>

#include "shipped_rules.h"
#include "training_plan.h"

using namespace ll;

namespace {

CivilDate day_of(const char* iso) { return *CivilDate::parse(iso); }

TrainingPlan plan_2027() {
    TrainingPlan p;
    p.year = 2027;
    p.from = day_of("2027-01-01");
    p.to = day_of("2027-12-31");
    p.lines = {{PlanGroup::everyone, "formal", "Safety refreshers", 40, 40 * 456},
               {PlanGroup::women, "formal", "Leadership", 5, 5 * 912},
               {PlanGroup::age_50_plus, "informal", "Digital skills coaching", 6, 6 * 240},
               {PlanGroup::bottleneck_jobs, "formal", "Welders", 3, 3 * 1824}};
    return p;
}

std::vector<PlanPerson> people() {
    PlanPerson ann{"female", day_of("1970-05-01"), {{day_of("2027-02-01"), "formal", 456}, {day_of("2027-03-01"), "informal", 120}}};
    PlanPerson bob{"male", day_of("1990-01-01"), {{day_of("2027-02-01"), "formal", 228}, {day_of("2026-12-31"), "formal", 999}}};
    PlanPerson cas{"male", day_of("1977-01-02"), {{day_of("2027-06-01"), "informal", 60}}};  // turns 50 after the first day
    PlanPerson dee{"female", std::nullopt, {{day_of("2027-04-01"), "formal", 456}}};
    return {ann, bob, cas, dee};
}

}  // namespace

TEST_CASE("realised figures per line: distinct people of the group, trainings of the line's type inside the period") {
    auto progress = plan_progress(plan_2027(), people());
    REQUIRE(progress.size() == 4);
    CHECK(progress[0].known);
    CHECK(progress[0].workers == 3);  // Ann, Bob, Dee (Bob's training of 2026 is outside the plan)
    CHECK(progress[0].minutes == 456 + 228 + 456);
    CHECK(progress[1].workers == 2);  // Ann and Dee
    CHECK(progress[2].workers == 1);  // Ann (56); Cas is 49 on 1 January
    CHECK(progress[2].minutes == 120);
    CHECK_FALSE(progress[3].known);   // the ledger does not record bottleneck jobs

    auto rows = training_plan_rows(plan_2027(), progress);
    REQUIRE(rows.size() == 4);
    CHECK(training_plan_columns().size() == rows[0].size());
    CHECK(rows[0] == std::vector<std::string>{"everyone", "formal", "Safety refreshers", "40", "304", "<5", ""});
    CHECK(rows[3][5].empty());  // not recorded: no figure rather than 0
    std::vector<PlanPerson> many(6, people()[0]);
    CHECK(training_plan_rows(plan_2027(), plan_progress(plan_2027(), many))[1][5] == "6");
}

TEST_CASE("a plan is read strictly: a year at least, known groups and types, no national numbers") {
    const auto j = to_json(plan_2027(), {});
    auto back = training_plan_from_json(j);
    REQUIRE(back.ok());
    CHECK(back->lines.size() == 4);
    CHECK(back->lines[2].group == PlanGroup::age_50_plus);
    auto with = [&](const char* pointer, nlohmann::json value) {
        auto c = j;
        c[nlohmann::json::json_pointer(pointer)] = value;
        auto r = training_plan_from_json(c);
        return r.ok() ? std::string("ok") : r.error().field;
    };
    CHECK(with("/to", "2027-06-30") == "to");
    CHECK(with("/lines/1/group", "managers") == "lines[1].group");
    CHECK(with("/lines/0/training_type", "initial") == "lines[0].training_type");
    CHECK(with("/lines/0/workers", -1) == "lines[0].workers");
    CHECK(with("/lines/2/description", "Coaching for 85.07.30-033.28") == "lines[2].description");
    CHECK(with("/evaluation", "Reviewed with the works council in June") == "ok");

    auto answer = to_json(plan_2027(), plan_progress(plan_2027(), people()));
    auto decoded = training_plan_answer_from_json(answer);
    REQUIRE(decoded.ok());
    CHECK(decoded->second[0].workers == 3);
    CHECK_FALSE(decoded->second[3].known);
}

TEST_CASE("the plan's deadlines come from the rule set, and filing is a month after its first day") {
    const auto& rules = shipped::belgian_rule_set();
    REQUIRE(rules.ok());
    auto d = plan_deadlines(*rules, plan_2027());
    REQUIRE(d.size() == 3);
    CHECK(d[0].obligation_id == "training_plan.filing");
    CHECK(d[0].deadline.iso() == "2027-02-01");
    CHECK(d[1].deadline.iso() == "2027-03-15");  // the works council's advice
    CHECK(d[2].deadline.iso() == "2027-03-31");  // the plan
    TrainingPlan late = plan_2027();
    late.from = day_of("2027-01-31");
    CHECK(plan_deadlines(*rules, late)[0].deadline.iso() == "2027-02-28");
}
