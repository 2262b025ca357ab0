// Rule-set files: the shipped one loads, and broken ones fail naming the file, key and reason.
#include <doctest/doctest.h>

#include <string>

#include "shipped_rules.h"

using namespace ll;

namespace {

std::string valid_rules(const std::string& legal_days) {
    return R"({"format":"learnledger-rules/1","id":"t","version":"1","title":"test","first_year":2023,
               "last_year":2030,"full_time_weekly_hours":38,"legal_days":)" +
           legal_days + "}";
}

}  // namespace

TEST_CASE("the shipped Belgian rule set loads and encodes the size bands") {
    const auto& r = shipped::belgian_rule_set();
    REQUIRE(r.ok());
    CHECK(r->full_time_weekly_hours == Rational(38));
    CHECK(*r->full_time_days(2023, Rational(20)) == Rational(4));
    CHECK(*r->full_time_days(2024, Rational(20)) == Rational(5));
    CHECK(*r->full_time_days(2040, Rational(20)) == Rational(5));
    CHECK(*r->full_time_days(2025, Rational(10)) == Rational(1));
    CHECK(*r->full_time_days(2025, Rational(9)) == Rational(0));
    CHECK_FALSE(r->full_time_days(2022, Rational(20)).ok());
    CHECK_FALSE(r->full_time_days(2041, Rational(20)).ok());
}

TEST_CASE("a broken rule set names the file, the key and the reason") {
    struct Case {
        std::string text, field, code;
    };
    const Case cases[] = {
        {"{", "", "invalid_rule_set"},
        {valid_rules(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":5,"days":1}]}])"), "legal_days[0].bands[0].min_fte", ""},
        {valid_rules(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":0,"days":1},{"min_fte":0,"days":2}]}])"), "legal_days[0].bands[1].min_fte", ""},
        {valid_rules(R"([{"from_year":2023,"to_year":2024,"bands":[{"min_fte":0,"days":1}]}])"), "legal_days", ""},
        {valid_rules(R"([{"from_year":2024,"to_year":null,"bands":[{"min_fte":0,"days":1}]}])"), "legal_days[0].from_year", ""},
        {valid_rules(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":0,"days":-1}]}])"), "legal_days[0].bands[0].days", ""},
        {valid_rules(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":0,"days":"x"}]}])"), "legal_days[0].bands[0].days", ""},
        {valid_rules(R"([{"from_year":2023,"to_year":null,"bands":[],"extra":1}])"), "legal_days[0].extra", ""},
        {valid_rules(R"([{"from_year":2023,"to_year":null,"bands":[]}])"), "legal_days[0].bands", ""},
        {valid_rules(R"({})"), "legal_days", ""},
    };
    for (const auto& c : cases) {
        auto r = load_rule_set(c.text, "rules/test.json");
        REQUIRE_FALSE_MESSAGE(r.ok(), c.text);
        CHECK(r.error().code == "invalid_rule_set");
        CHECK_MESSAGE(r.error().field == c.field, c.text);
        CHECK(r.error().message.rfind("rules/test.json: ", 0) == 0);
    }
    CHECK(load_rule_set(valid_rules(R"([{"from_year":2023,"to_year":null,"bands":[{"min_fte":0,"days":1}]}])"), "x").ok());
}
