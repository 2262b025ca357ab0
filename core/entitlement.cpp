// Entitlement arithmetic. Several periods in one year follow the spec's DECISION: each month takes
// the highest fraction of any period touching it, so a regime change never shortens the worker.
#include "entitlement.h"

#include <array>
#include <map>

namespace ll {
namespace {

// Checks the periods and turns weekly hours into fractions of the full-time week.
Result<std::vector<EmploymentPeriod>> resolve_periods(std::vector<EmploymentPeriod> periods, const Rational& full_time_hours) {
    for (size_t i = 0; i < periods.size(); ++i) {
        std::string path = "employment[" + std::to_string(i) + "]";
        auto& p = periods[i];
        if (p.weekly_hours) {
            auto f = fraction_from_hours(*p.weekly_hours, full_time_hours);
            if (!f || *f <= Rational(0) || *f > Rational(1))
                return make_error("out_of_range", "weekly hours must be above 0 and at most the full-time week",
                                  path + ".weekly_hours");
            p.fraction = *f;
        }
        if (p.fraction <= Rational(0) || p.fraction > Rational(1))
            return make_error("out_of_range", "fraction must be above 0 and at most 1", path + ".fraction");
        if (p.end && *p.end < p.start) return make_error("out_of_range", "end is before start", path + ".end");
    }
    return periods;
}

// Highest fraction of any period touching each month of `year` (0 where none does).
std::array<Rational, 12> month_fractions(int year, const std::vector<EmploymentPeriod>& periods) {
    std::array<Rational, 12> out{};
    for (unsigned m = 1; m <= 12; ++m) {
        CivilDate first = *CivilDate::from_ymd(year, m, 1);
        CivilDate last = first.end_of_month();
        for (const auto& p : periods) {
            bool touches = p.start <= last && (!p.end || *p.end >= first);
            if (touches && p.fraction > out[m - 1]) out[m - 1] = p.fraction;
        }
    }
    return out;
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
    auto r = full_time_days.times(month_sum);
    return r ? r->divided_by(Rational(12)) : std::nullopt;
}

}  // namespace

long long minutes_per_day(const Rational& weekly_hours) {
    auto m = weekly_hours.times(Rational(60))->divided_by(Rational(5));
    return m ? m->ceil() : 0;
}

std::optional<Rational> fraction_from_hours(const Rational& weekly_hours, const Rational& full_time_weekly_hours) {
    return weekly_hours.divided_by(full_time_weekly_hours);
}

Result<Entitlement> compute_entitlement(const RuleSet& rules, const EntitlementInput& input) {
    const Rational weekly_hours = input.full_time_weekly_hours.value_or(rules.full_time_weekly_hours);
    auto periods = resolve_periods(input.employment, weekly_hours);
    if (!periods) return periods.error();
    auto rule = rules.days_for(input.year, input.company_fte, input.joint_committee);
    if (!rule) return rule.error();

    Entitlement e;
    e.year = input.year;
    e.basis = rule->basis;
    e.full_time_days = rule->days;
    e.minutes_per_day = minutes_per_day(weekly_hours);
    e.explanation.push_back({"entitlement.full_time_days",
                             {{"year", std::to_string(input.year)},
                              {"company_fte", input.company_fte.to_decimal(2)},
                              {"days", rule->days.to_decimal(2)},
                              {"basis", rule->basis},
                              {"rule_set", rules.id + " " + rules.version}}});

    // Group months by fraction so the explanation reads "5 d x 80 % x 9/12 months".
    std::map<Rational, int, std::greater<>> months_by_fraction;
    for (const auto& f : month_fractions(input.year, *periods))
        if (f > Rational(0)) ++months_by_fraction[f];

    for (const auto& [fraction, months] : months_by_fraction) {
        auto part_months = fraction.times(Rational(months));
        auto sum = part_months ? e.month_sum.plus(*part_months) : std::nullopt;
        auto part = part_months ? prorate(rule->days, *part_months) : std::nullopt;
        if (!sum || !part) return overflow();
        e.month_sum = *sum;
        e.months_counted += months;
        e.explanation.push_back({"entitlement.pro_rata",
                                 {{"full_time_days", rule->days.to_decimal(2)},
                                  {"fraction_percent", fraction.times(Rational(100))->to_decimal(2)},
                                  {"months", std::to_string(months)},
                                  {"days", part->to_decimal(2)}}});
    }
    if (months_by_fraction.empty())
        e.explanation.push_back({"entitlement.not_employed", {{"year", std::to_string(input.year)}}});

    auto exact = prorate(rule->days, e.month_sum);
    auto complementary = prorate(rules.complementary_days, e.month_sum);
    if (!exact || !complementary) return overflow();
    e.days = rounded(*exact, rules.rounding);
    if (e.days != *exact)
        e.explanation.push_back({"entitlement.rounded", {{"from", exact->to_decimal(2)}, {"days", e.days.to_decimal(2)}}});
    e.complementary_days = *complementary;
    auto minutes = e.days.times(Rational(e.minutes_per_day));
    auto complementary_minutes = complementary->times(Rational(e.minutes_per_day));
    if (!minutes || !complementary_minutes) return overflow();
    e.minutes = minutes->ceil();
    e.complementary_minutes = complementary_minutes->ceil();
    e.explanation.push_back({"entitlement.day_length",
                             {{"duration", format_minutes(e.minutes_per_day)}, {"weekly_hours", weekly_hours.to_decimal(2)}}});
    e.explanation.push_back({"entitlement.total",
                             {{"year", std::to_string(input.year)},
                              {"days", e.days.to_decimal(2)},
                              {"duration", format_minutes(e.minutes)}}});
    if (e.complementary_minutes > 0)
        e.explanation.push_back({"entitlement.complementary",
                                 {{"days", e.complementary_days.to_decimal(2)}, {"duration", format_minutes(e.complementary_minutes)}}});
    return e;
}

}  // namespace ll
