// Entitlement arithmetic. Several periods in one year follow the spec's DECISION: each month takes
// the highest fraction of any period touching it, so a regime change never shortens the worker.
#include "entitlement.h"

#include <algorithm>
#include <array>

namespace ll {
namespace {

using Args = std::vector<std::pair<std::string, std::string>>;

// The share of full time of one period, checked: weekly hours become a fraction of the full-time week.
Result<Rational> period_fraction(const EmploymentPeriod& p, const Rational& full_time_hours) {
    Rational fraction = p.fraction;
    if (p.weekly_hours) {
        auto f = fraction_from_hours(*p.weekly_hours, full_time_hours);
        if (!f || *f <= Rational(0) || *f > Rational(1))
            return make_error("out_of_range", "weekly hours must be above 0 and at most the full-time week", "weekly_hours");
        fraction = *f;
    }
    if (fraction <= Rational(0) || fraction > Rational(1))
        return make_error("out_of_range", "fraction must be above 0 and at most 1", "fraction");
    if (p.end && *p.end < p.start) return make_error("out_of_range", "end is before start", "end");
    return fraction;
}

Error overflow() { return make_error("out_of_range", "numbers too large to compute exactly", "employment"); }

Rational rounded(const Rational& days, Rounding rounding) {
    switch (rounding) {
        case Rounding::exact: return days;
        case Rounding::up_to_half_day: return *Rational::make(days.times(Rational(2))->ceil(), 2);
        case Rounding::up_to_day: return Rational(days.ceil());
    }
    return days;
}

std::optional<Rational> prorate(const Rational& full_time_days, const Rational& month_sum) {
    if (full_time_days == Rational(0)) return Rational(0);  // no complementary days: the usual case
    auto r = full_time_days.times(month_sum);
    return r ? r->divided_by(Rational(12)) : std::nullopt;
}

Rational full_time_week(const RuleSet& rules, const EntitlementInput& input) {
    return input.full_time_weekly_hours.value_or(rules.full_time_weekly_hours);
}

}  // namespace

long long minutes_per_day(const Rational& weekly_hours) {
    auto m = weekly_hours.times(Rational(12));  // x 60 minutes / 5 days
    return m && m->num() > 0 ? m->ceil() : 0;
}

std::optional<Rational> fraction_from_hours(const Rational& weekly_hours, const Rational& full_time_weekly_hours) {
    return weekly_hours.divided_by(full_time_weekly_hours);
}

Result<MonthFractions> month_fractions(const RuleSet& rules, const EntitlementInput& input) {
    const Rational full_time_hours = full_time_week(rules, input);
    MonthFractions out{};
    for (size_t i = 0; i < input.employment.size(); ++i) {
        const EmploymentPeriod& p = input.employment[i];
        auto fraction = period_fraction(p, full_time_hours);
        if (!fraction) return at_field(fraction.error(), "employment[" + std::to_string(i) + "]");
        if (p.start.year() > input.year || (p.end && p.end->year() < input.year)) continue;
        const unsigned first = p.start.year() < input.year ? 1 : p.start.month();
        const unsigned last = !p.end || p.end->year() > input.year ? 12 : p.end->month();
        for (unsigned m = first; m <= last; ++m)
            if (*fraction > out[m - 1]) out[m - 1] = *fraction;
    }
    return out;
}

Result<Entitlement> compute_entitlement(const RuleSet& rules, const EntitlementInput& input) {
    auto fractions = month_fractions(rules, input);
    if (!fractions) return fractions.error();
    return entitlement_of_months(rules, input, *fractions);
}

Result<Entitlement> entitlement_of_months(const RuleSet& rules, const EntitlementInput& input, const MonthFractions& fractions) {
    const Rational weekly_hours = full_time_week(rules, input);
    auto rule = rules.days_for(input.year, input.company_fte, input.joint_committee);
    if (!rule) return rule.error();

    Entitlement e;
    e.year = input.year;
    e.basis = rule->basis;
    e.full_time_days = rule->days;
    e.minutes_per_day = minutes_per_day(weekly_hours);
    auto note = [&](const char* key, auto make_args) {
        if (input.explain) e.explanation.push_back({key, make_args()});
    };
    note("entitlement.full_time_days", [&] {
        return Args{{"year", std::to_string(input.year)},
                    {"company_fte", input.company_fte.to_decimal(2)},
                    {"days", rule->days.to_decimal(2)},
                    {"basis", rule->basis},
                    {"rule_set", rules.id + " " + rules.version}};
    });

    // Group months by fraction, highest first, so the explanation reads "5 d x 80 % x 9/12 months".
    std::array<std::pair<Rational, int>, 12> groups{};
    size_t group_count = 0;
    for (const Rational& f : fractions) {
        if (f == Rational(0)) continue;
        auto g = std::find_if(groups.begin(), groups.begin() + group_count, [&](const auto& x) { return x.first == f; });
        if (g == groups.begin() + group_count) *g = {f, 0}, ++group_count;
        ++g->second;
    }
    std::sort(groups.begin(), groups.begin() + group_count, [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < group_count; ++i) {
        const Rational fraction = groups[i].first;
        const int months = groups[i].second;
        auto part_months = fraction.times(Rational(months));
        auto sum = part_months ? e.month_sum.plus(*part_months) : std::nullopt;
        if (!sum) return overflow();
        e.month_sum = *sum;
        e.months_counted += months;
        if (!input.explain) continue;
        auto part = prorate(rule->days, *part_months);  // only the line shows a group's days
        if (!part) return overflow();
        note("entitlement.pro_rata", [&] {
            return Args{{"full_time_days", rule->days.to_decimal(2)},
                        {"fraction_percent", fraction.times(Rational(100))->to_decimal(2)},
                        {"months", std::to_string(months)},
                        {"days", part->to_decimal(2)}};
        });
    }
    if (e.months_counted == 0) note("entitlement.not_employed", [&] { return Args{{"year", std::to_string(input.year)}}; });

    auto exact = prorate(rule->days, e.month_sum);
    auto complementary = prorate(rules.complementary_days, e.month_sum);
    if (!exact || !complementary) return overflow();
    e.days = rounded(*exact, rules.rounding);
    if (e.days != *exact)
        note("entitlement.rounded", [&] { return Args{{"from", exact->to_decimal(2)}, {"days", e.days.to_decimal(2)}}; });
    e.complementary_days = *complementary;
    auto minutes = e.days.times(Rational(e.minutes_per_day));
    auto complementary_minutes = complementary->times(Rational(e.minutes_per_day));
    if (!minutes || !complementary_minutes) return overflow();
    e.minutes = minutes->ceil();
    e.complementary_minutes = complementary_minutes->ceil();
    note("entitlement.day_length",
         [&] { return Args{{"duration", format_minutes(e.minutes_per_day)}, {"weekly_hours", weekly_hours.to_decimal(2)}}; });
    note("entitlement.total", [&] {
        return Args{{"year", std::to_string(input.year)}, {"days", e.days.to_decimal(2)}, {"duration", format_minutes(e.minutes)}};
    });
    if (e.complementary_minutes > 0)
        note("entitlement.complementary", [&] {
            return Args{{"days", e.complementary_days.to_decimal(2)}, {"duration", format_minutes(e.complementary_minutes)}};
        });
    return e;
}

Rational minutes_as_days(long long minutes, long long per_day) {
    auto r = Rational::make(minutes, per_day > 0 ? per_day : 1);
    return per_day > 0 && r ? *r : Rational(0);
}

}  // namespace ll
