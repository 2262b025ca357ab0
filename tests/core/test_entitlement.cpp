// Entitlement for one worker and year: the spec's public worked examples and the month rule.
#include <doctest/doctest.h>

#include "entitlement.h"
#include "shipped_rules.h"

using namespace ll;

namespace {

const RuleSet& rules() {
    const auto& r = shipped::belgian_rule_set();
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}

EmploymentPeriod period(const char* start, const char* end, const char* fraction) {
    EmploymentPeriod p;
    p.start = *CivilDate::parse(start);
    if (end) p.end = *CivilDate::parse(end);
    p.fraction = *Rational::parse_decimal(fraction);
    return p;
}

Entitlement compute(int year, int fte, std::vector<EmploymentPeriod> periods) {
    auto e = compute_entitlement(rules(), EntitlementInput{year, Rational(fte), std::move(periods)});
    REQUIRE_MESSAGE(e.ok(), (e.ok() ? "" : e.error().message));
    return *e;
}

}  // namespace

TEST_CASE("spec examples") {
    SUBCASE(">= 20 FTE, 80 %, hired 29 Apr 2024: 5 x 0.8 x 9/12 = 3 days") {
        auto e = compute(2024, 40, {period("2024-04-29", nullptr, "0.8")});
        CHECK(e.days == Rational(3));
        CHECK(e.months_counted == 9);
        CHECK(e.minutes == 3 * 456);
    }
    SUBCASE(">= 20 FTE, full-time, whole of 2024: 5 days") {
        CHECK(compute(2024, 20, {period("2020-01-01", nullptr, "1")}).days == Rational(5));
    }
    SUBCASE(">= 20 FTE, full-time, whole of 2023: 4 days") {
        CHECK(compute(2023, 25, {period("2020-01-01", nullptr, "1")}).days == Rational(4));
    }
    SUBCASE("10-19 FTE, full-time, whole of 2025: 1 day") {
        CHECK(compute(2025, 19, {period("2020-01-01", nullptr, "1")}).days == Rational(1));
    }
    SUBCASE(">= 20 FTE, 50 %, whole of 2024: 2.5 days") {
        auto e = compute(2024, 100, {period("2024-01-01", "2024-12-31", "0.5")});
        CHECK(e.days == *Rational::make(5, 2));
        CHECK(e.minutes == 1140);  // 2.5 x 456
    }
    SUBCASE("one day in a 38 h week is 7 h 36 min") {
        CHECK(minutes_per_day(Rational(38)) == 456);
        CHECK(compute(2024, 20, {period("2024-01-01", nullptr, "1")}).minutes == 38 * 60);
    }
}

TEST_CASE("size-band boundaries") {
    auto full_year = std::vector{period("2020-01-01", nullptr, "1")};
    CHECK(compute(2024, 9, full_year).days == Rational(0));
    CHECK(compute(2024, 10, full_year).days == Rational(1));
    CHECK(compute(2024, 20, full_year).days == Rational(5));
    auto e = compute_entitlement(rules(), EntitlementInput{2024, *Rational::parse_decimal("19.99"), full_year});
    CHECK(e->days == Rational(1));
}

TEST_CASE("a started month counts as a full month") {
    CHECK(compute(2024, 20, {period("2024-12-31", nullptr, "1")}).months_counted == 1);
    CHECK(compute(2024, 20, {period("2024-01-01", "2024-01-01", "1")}).days == *Rational::make(5, 12));
    // 29 Feb to 1 Mar touches two months in a leap year.
    CHECK(compute(2024, 20, {period("2024-02-29", "2024-03-01", "1")}).months_counted == 2);
    // Periods outside the year count for nothing.
    auto none = compute(2024, 20, {period("2022-01-01", "2023-12-31", "1")});
    CHECK(none.days == Rational(0));
    CHECK(none.minutes == 0);
    CHECK(none.explanation[1].key == "entitlement.not_employed");
}

TEST_CASE("several periods: each month takes the highest fraction touching it") {
    // Half-time Jan-Jun, full-time from 15 Jun: June counts full-time.
    auto e = compute(2024, 20, {period("2024-01-01", "2024-06-14", "0.5"), period("2024-06-15", nullptr, "1")});
    CHECK(e.months_counted == 12);
    CHECK(e.days == *Rational::make(5 * 5 + 7 * 10, 24));  // 5 x (5 x 0.5 + 7 x 1) / 12
    // Splitting one period in two never lowers the entitlement.
    auto whole = compute(2024, 20, {period("2024-03-10", "2024-10-20", "0.8")});
    auto split = compute(2024, 20, {period("2024-03-10", "2024-06-05", "0.8"), period("2024-06-06", "2024-10-20", "0.8")});
    CHECK(split.days == whole.days);
}

TEST_CASE("minutes round up in the worker's favour") {
    // 5 x 1/3 x 1/12 days = 5/36 d = 63.33 min -> 64
    EmploymentPeriod p = period("2024-05-01", "2024-05-31", "1");
    p.fraction = *Rational::make(1, 3);
    auto r = compute_entitlement(rules(), EntitlementInput{2024, Rational(20), {p}});
    REQUIRE(r.ok());
    CHECK(r->days == *Rational::make(5, 36));
    CHECK(r->minutes == 64);
}

TEST_CASE("bad periods are refused with the field named") {
    auto bad_fraction = period("2024-01-01", nullptr, "1");
    bad_fraction.fraction = Rational(0);
    auto r = compute_entitlement(rules(), EntitlementInput{2024, Rational(20), {period("2024-01-01", nullptr, "1"), bad_fraction}});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "employment[1].fraction");

    bad_fraction.fraction = *Rational::parse_decimal("1.01");
    CHECK(compute_entitlement(rules(), EntitlementInput{2024, Rational(20), {bad_fraction}}).error().field ==
          "employment[0].fraction");

    auto reversed = compute_entitlement(rules(), EntitlementInput{2024, Rational(20), {period("2024-05-01", "2024-04-30", "1")}});
    REQUIRE_FALSE(reversed.ok());
    CHECK(reversed.error().field == "employment[0].end");

    auto outside = compute_entitlement(rules(), EntitlementInput{2019, Rational(20), {period("2019-01-01", nullptr, "1")}});
    REQUIRE_FALSE(outside.ok());
    CHECK(outside.error().field == "year");
}

TEST_CASE("the explanation reads like the derivation") {
    auto e = compute(2024, 40, {period("2024-04-29", nullptr, "0.8")});
    std::vector<std::string> text;
    for (const auto& line : e.explanation) text.push_back(render_english(line));
    REQUIRE(text.size() == 4);
    CHECK(text[1] == "5 d x 80 % x 9/12 months = 3 d");
    CHECK(text[2] == "1 d = 7 h 36 min (38 h a week / 5)");
    CHECK(text[3] == "entitlement 2024: 3 d (22 h 48 min)");
}

TEST_CASE("property: an entitlement never exceeds the full-time figure and never shrinks when split") {
    // A deterministic generator (no clock, no global RNG): periods from a linear congruential sequence.
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&](int bound) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
    };
    for (int i = 0; i < 300; ++i) {
        int year = 2024 + next(3);
        int start_doy = next(365), length = 1 + next(365);
        auto start = CivilDate::from_ymd(year, 1, 1)->plus_days(start_doy);
        auto end = start.plus_days(length);
        EmploymentPeriod p{start, end, *Rational::make(1 + next(100), 100)};
        auto whole = compute(year, 20 + next(500), {p});
        CHECK(whole.days <= whole.full_time_days);
        CHECK(whole.minutes <= 5 * 456);
        int cut = next(length);
        EmploymentPeriod a{start, start.plus_days(cut), p.fraction}, b{start.plus_days(cut + 1), end, p.fraction};
        auto split = compute_entitlement(rules(), EntitlementInput{year, Rational(20), {a, b}});
        auto same = compute_entitlement(rules(), EntitlementInput{year, Rational(20), {p}});
        REQUIRE(split.ok());
        CHECK(split->days >= same->days);
    }
}
