// Rule-set files: the shipped one loads and encodes the law, and broken ones fail naming the
// file, the key and the reason.
#include <doctest/doctest.h>

#include <string>

#include "entitlement.h"
#include "shipped_rules.h"

using namespace ll;

namespace {

const RuleSet& shipped_rules() {
    const auto& r = shipped::belgian_rule_set();
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}

Rational days(int year, int fte, const std::string& jc = {}) {
    auto d = shipped_rules().days_for(year, Rational(fte), jc);
    REQUIRE(d.ok());
    return d->days;
}

std::string rules_with(const std::string& legal_days, const std::string& extra = "") {
    return R"({"format":"learnledger-rules/1","id":"t","version":"1","title":"test","first_year":2023,
               "last_year":2030,"full_time_weekly_hours":38,
               "carry_over":{"period_start_year":2024,"period_years":5,"at_period_end":"carry","roll_before_period":false},
               "legal_days":)" +
           legal_days + extra + "}";
}

const std::string one_range = R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":0,"days":1}]}])";

}  // namespace

TEST_CASE("the shipped Belgian rule set encodes the size bands") {
    CHECK(shipped_rules().full_time_weekly_hours == Rational(38));
    CHECK(days(2023, 20) == Rational(4));
    CHECK(days(2024, 20) == Rational(5));
    CHECK(days(2040, 20) == Rational(5));
    CHECK(days(2025, 10) == Rational(1));
    CHECK(days(2025, 19) == Rational(1));
    CHECK(days(2025, 9) == Rational(0));
    CHECK_FALSE(shipped_rules().days_for(2022, Rational(20)).ok());
    CHECK(shipped_rules().days_for(2041, Rational(20)).error().field == "year");
}

TEST_CASE("PC 200's growth path and reset; sub-committees inherit; other committees get the legal days") {
    CHECK(days(2024, 50, "200") == Rational(3));
    CHECK(days(2025, 50, "200") == Rational(3));
    CHECK(days(2026, 50, "200") == Rational(4));
    CHECK(days(2027, 50, "200") == Rational(4));
    CHECK(days(2028, 50, "200") == Rational(5));
    CHECK(days(2035, 50, "200") == Rational(5));
    CHECK(days(2023, 50, "200") == Rational(4));   // no sector figure for 2023: legal
    CHECK(days(2025, 15, "200") == Rational(1));   // below 20 FTE the sector leaves the legal figure
    CHECK(days(2026, 50, "200.01") == Rational(4));  // a sub-committee follows its parent
    CHECK(days(2026, 50, "124") == Rational(5));
    CHECK(shipped_rules().days_for(2026, Rational(50), "200")->basis == "sector 200");
    CHECK(shipped_rules().period_end_for("200") == PeriodEnd::reset);
    CHECK(shipped_rules().period_end_for("124") == PeriodEnd::carry);
}

TEST_CASE("5-year periods") {
    const auto& r = shipped_rules();
    CHECK_FALSE(r.period_start(2023).has_value());
    CHECK(*r.period_start(2024) == 2024);
    CHECK(*r.period_start(2028) == 2024);
    CHECK(*r.period_start(2029) == 2029);
    CHECK_FALSE(r.carry_over.roll_before_period);
}

TEST_CASE("joint committee codes") {
    for (const char* ok : {"200", "225.01", "305.02.09", "124"}) CHECK_MESSAGE(is_joint_committee_code(ok), ok);
    for (const char* bad : {"20", "2000", "200.", "200.1", "200.01.02.03", "PC200", "", "200 "})
        CHECK_MESSAGE(!is_joint_committee_code(bad), bad);
}

TEST_CASE("a broken rule set names the file, the key and the reason") {
    struct Case {
        std::string text, field;
    };
    const Case cases[] = {
        {"{", ""},
        {rules_with(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":5,"days":1}]}])"), "legal_days[0].bands[0].min_fte"},
        {rules_with(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":0,"days":1},{"min_fte":0,"days":2}]}])"), "legal_days[0].bands[1].min_fte"},
        {rules_with(R"([{"from_year":2023,"to_year":2024,"bands":[{"min_fte":0,"days":1}]}])"), "legal_days"},
        {rules_with(R"([{"from_year":2024,"to_year":null,"bands":[{"min_fte":0,"days":1}]}])"), "legal_days[0].from_year"},
        {rules_with(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":0,"days":-1}]}])"), "legal_days[0].bands[0].days"},
        {rules_with(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":0,"days":"x"}]}])"), "legal_days[0].bands[0].days"},
        {rules_with(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":0}]}])"), "legal_days[0].bands[0].days"},
        {rules_with(R"([{"from_year":2023,"to_year":null,"bands":[],"extra":1}])"), "legal_days[0].extra"},
        {rules_with(R"([{"from_year":2023,"to_year":null,"bands":[]}])"), "legal_days[0].bands"},
        {rules_with(R"({})"), "legal_days"},
        {rules_with(one_range, R"(,"rounding":"sometimes")"), "rounding"},
        {rules_with(one_range, R"(,"sectors":[{"joint_committee":"2x0","name":"n","days":[]}])"), "sectors[0].joint_committee"},
        {rules_with(one_range, R"(,"sectors":[{"joint_committee":"200","name":"n","days":[],"at_period_end":"keep"}])"), "sectors[0].at_period_end"},
        {rules_with(one_range, R"(,"sectors":[{"joint_committee":"200","name":"n","days":[]},{"joint_committee":"200","name":"m","days":[]}])"), "sectors[1].joint_committee"},
        {rules_with(one_range, R"(,"obligations":[{"id":"x","name":"n","applies_to":"everyone","trigger":"year_start","deadline":{},"valid_from":"2024-01-01","action":"a","source":"s"}])"), "obligations[0].applies_to"},
        {rules_with(one_range, R"(,"obligations":[{"id":"x","name":"n","applies_to":"employer","trigger":"someday","deadline":{},"valid_from":"2024-01-01","action":"a","source":"s"}])"), "obligations[0].trigger"},
        {rules_with(one_range, R"(,"obligations":[{"id":"x","name":"n","applies_to":"employer","trigger":"fixed_date","deadline":{},"valid_from":"2024-01-01","action":"a","source":"s"}])"), "obligations[0].trigger_date"},
        {rules_with(one_range, R"(,"obligations":[{"id":"x","name":"n","applies_to":"employer","trigger":"year_start","deadline":{"month":2,"day":30},"valid_from":"2024-01-01","action":"a","source":"s"}])"), "obligations[0].deadline.day"},
        {rules_with(one_range, R"(,"obligations":[{"id":"x","name":"n","applies_to":"employer","trigger":"year_start","deadline":{},"valid_from":"2024-13-01","action":"a","source":"s"}])"), "obligations[0].valid_from"},
    };
    for (const auto& c : cases) {
        auto r = load_rule_set(c.text, "rules/test.json");
        REQUIRE_FALSE_MESSAGE(r.ok(), c.text);
        CHECK(r.error().code == "invalid_rule_set");
        CHECK_MESSAGE(r.error().field == c.field, c.text);
        CHECK(r.error().message.rfind("rules/test.json: ", 0) == 0);
    }
    CHECK(load_rule_set(rules_with(one_range), "x").ok());
}

TEST_CASE("rounding policy applies once, at entitlement time") {
    auto half = load_rule_set(rules_with(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":0,"days":5}]}])",
                                         R"(,"rounding":"up_to_half_day")"), "half.json");
    REQUIRE(half.ok());
    EmploymentPeriod p{*CivilDate::parse("2024-05-01"), std::nullopt, Rational(1)};  // 8 months: 3.33 d
    auto e = compute_entitlement(*half, EntitlementInput{2024, Rational(1), {p}});
    REQUIRE(e.ok());
    CHECK(e->days == *Rational::make(7, 2));
    CHECK(e->minutes == 1596);  // 3.5 x 456
}
