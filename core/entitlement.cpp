// Entitlement arithmetic. Several periods in one year follow the spec's DECISION: each month takes
// the highest fraction of any period touching it, so a regime change never shortens the worker.
#include "entitlement.h"

#include <array>
#include <map>

namespace ll {
namespace {

Result<bool> validate_periods(const std::vector<EmploymentPeriod>& periods) {
    for (size_t i = 0; i < periods.size(); ++i) {
        std::string path = "employment[" + std::to_string(i) + "]";
        const auto& p = periods[i];
        if (p.fraction <= Rational(0) || p.fraction > Rational(1))
            return make_error("out_of_range", "fraction must be above 0 and at most 1", path + ".fraction");
        if (p.end && *p.end < p.start) return make_error("out_of_range", "end is before start", path + ".end");
    }
    return true;
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

}  // namespace

long long minutes_per_day(const Rational& weekly_hours) {
    auto m = weekly_hours.times(Rational(60))->divided_by(Rational(5));
    return m ? m->ceil() : 0;
}

Result<Entitlement> compute_entitlement(const RuleSet& rules, const EntitlementInput& input) {
    auto valid = validate_periods(input.employment);
    if (!valid) return valid.error();
    auto ft_days = rules.full_time_days(input.year, input.company_fte);
    if (!ft_days) return ft_days.error();

    Entitlement e;
    e.year = input.year;
    e.full_time_days = *ft_days;
    e.minutes_per_day = minutes_per_day(rules.full_time_weekly_hours);
    e.explanation.push_back({"entitlement.full_time_days",
                             {{"year", std::to_string(input.year)},
                              {"company_fte", input.company_fte.to_decimal(2)},
                              {"days", ft_days->to_decimal(2)},
                              {"rule_set", rules.id + " " + rules.version}}});

    // Group months by fraction so the explanation reads "5 d x 80 % x 9/12 months".
    std::map<Rational, int, std::greater<>> months_by_fraction;
    for (const auto& f : month_fractions(input.year, input.employment))
        if (f > Rational(0)) ++months_by_fraction[f];

    Rational total;
    for (const auto& [fraction, months] : months_by_fraction) {
        auto part = ft_days->times(fraction);
        if (part) part = part->times(*Rational::make(months, 12));
        if (!part) return overflow();
        auto sum = total.plus(*part);
        if (!sum) return overflow();
        total = *sum;
        e.months_counted += months;
        e.explanation.push_back({"entitlement.pro_rata",
                                 {{"full_time_days", ft_days->to_decimal(2)},
                                  {"fraction_percent", fraction.times(Rational(100))->to_decimal(2)},
                                  {"months", std::to_string(months)},
                                  {"days", part->to_decimal(2)}}});
    }
    if (months_by_fraction.empty())
        e.explanation.push_back({"entitlement.not_employed", {{"year", std::to_string(input.year)}}});

    e.days = total;
    auto minutes = total.times(Rational(e.minutes_per_day));
    if (!minutes) return overflow();
    e.minutes = minutes->ceil();
    e.explanation.push_back({"entitlement.day_length",
                             {{"duration", format_minutes(e.minutes_per_day)},
                              {"weekly_hours", rules.full_time_weekly_hours.to_decimal(2)}}});
    e.explanation.push_back({"entitlement.total",
                             {{"year", std::to_string(input.year)},
                              {"days", total.to_decimal(2)},
                              {"duration", format_minutes(e.minutes)}}});
    return e;
}

}  // namespace ll
