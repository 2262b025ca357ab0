// The entitlement memo of bulk folds: whatever it has seen, evicted or not, and whichever rule set
// it is asked with, it answers exactly what compute_entitlement answers.
#include <doctest/doctest.h>

#include <tuple>

#include "entitlement_memo.h"
#include "shipped_rules.h"

using namespace ll;

namespace {

const RuleSet& belgian_rules() {
    const auto& r = shipped::belgian_rule_set();
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}

auto entitlement_figures(const Entitlement& e) {
    return std::tuple(e.year, e.basis, e.full_time_days, e.month_sum, e.days, e.minutes, e.complementary_days,
                      e.complementary_minutes, e.minutes_per_day, e.months_counted, e.explanation.size());
}

void check_same_answer(EntitlementMemo& memo, const RuleSet& rs, const EntitlementInput& input) {
    auto direct = compute_entitlement(rs, input);
    auto remembered = memo.compute(rs, input);
    REQUIRE(direct.ok() == remembered.ok());
    if (!direct) {
        CHECK(direct.error().field == remembered.error().field);
        CHECK(direct.error().code == remembered.error().code);
        return;
    }
    CHECK(entitlement_figures(*direct) == entitlement_figures(**remembered));
}

// Many distinct inputs (more than the memo's slots), a few of them invalid.
std::vector<EntitlementInput> memo_inputs() {
    std::uint64_t state = 99;
    auto next = [&](int bound) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
    };
    const Rational fractions[] = {Rational(1), *Rational::make(4, 5), *Rational::make(1, 2), Rational(0)};
    std::vector<EntitlementInput> out;
    for (int i = 0; i < 700; ++i) {
        EntitlementInput in;
        in.year = 2024 + next(5);
        in.company_fte = Rational(5 + next(40));
        in.joint_committee = next(3) == 0 ? "200" : "";
        if (next(5) == 0) in.full_time_weekly_hours = Rational(36 + next(4));
        in.explain = next(4) == 0;
        const CivilDate start = *CivilDate::from_ymd(2023 + next(6), 1 + static_cast<unsigned>(next(12)), 1);
        in.employment.push_back({start, next(2) ? std::nullopt : std::optional(start.plus_days(next(700) - 20)), fractions[next(4)]});
        out.push_back(std::move(in));
    }
    return out;
}

}  // namespace

TEST_CASE("the entitlement memo answers what compute_entitlement answers, errors included, past its capacity") {
    const auto all = memo_inputs();
    for (std::size_t slots : {std::size_t{256}, std::size_t{1}}) {  // one slot: every input meets every other's key
        EntitlementMemo memo(slots);
        for (int pass = 0; pass < 2; ++pass)  // the second pass meets inputs remembered and evicted alike
            for (const auto& in : all) check_same_answer(memo, belgian_rules(), in);
    }
    int refused = 0;
    for (const auto& in : all) refused += compute_entitlement(belgian_rules(), in).ok() ? 0 : 1;
    CHECK(refused > 0);  // the fraction 0 and ends before starts are in the mix
    CHECK(refused < static_cast<int>(all.size()) / 2);
}

TEST_CASE("the entitlement memo tells inputs apart that differ in one thing only") {
    for (const auto& in : memo_inputs()) {
        std::vector<EntitlementInput> variants(6, in);
        variants[0].year += 1;
        variants[1].company_fte = Rational(in.company_fte.num() + 60);  // another size band
        variants[2].joint_committee = in.joint_committee.empty() ? "200" : "";
        variants[3].full_time_weekly_hours = in.full_time_weekly_hours ? std::nullopt : std::optional(Rational(40));
        variants[4].explain = !in.explain;
        variants[5].employment.front().fraction = in.employment.front().fraction == Rational(1) ? *Rational::make(1, 2) : Rational(1);
        EntitlementMemo memo(1);  // one slot: each variant meets the input's key
        for (const auto& v : variants) {
            check_same_answer(memo, belgian_rules(), in);
            check_same_answer(memo, belgian_rules(), v);
        }
    }
}

TEST_CASE("the entitlement memo forgets what it learnt under another rule set") {
    RuleSet forty_hours = belgian_rules();
    forty_hours.full_time_weekly_hours = Rational(40);  // 480 minutes a day instead of 456
    const EntitlementInput in{2025, Rational(30), {{*CivilDate::from_ymd(2020, 1, 1), std::nullopt, Rational(1)}}};
    EntitlementMemo memo;
    auto legal = memo.compute(belgian_rules(), in);
    REQUIRE(legal.ok());
    CHECK((*legal)->minutes == 5 * 456);
    auto other = memo.compute(forty_hours, in);
    REQUIRE(other.ok());
    CHECK((*other)->minutes == 5 * 480);
    check_same_answer(memo, belgian_rules(), in);
}
