// The yearly training right of one worker: full-time days from the rule set (legal or sector),
// prorated by the employment fraction per month (a started month counts whole; spec section 1),
// kept exact, rounded only if the rule set asks, once. Complementary days are kept apart.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "civil_date.h"
#include "explanation.h"
#include "rational.h"
#include "result.h"
#include "rule_set.h"

namespace ll {

struct EmploymentPeriod {
    CivilDate start;
    std::optional<CivilDate> end;  // inclusive last day; open-ended when absent
    Rational fraction{1};          // share of full time, in (0, 1]
    std::optional<Rational> weekly_hours;  // when set, the fraction is weekly_hours / full-time weekly hours
};

struct EntitlementInput {
    int year = 0;
    Rational company_fte;
    std::vector<EmploymentPeriod> employment;
    std::string joint_committee;                    // empty: no sector agreement
    std::optional<Rational> full_time_weekly_hours;  // overrides the rule set's full-time week
    bool explain = true;                             // false: no explanation lines, same figures
};

struct Entitlement {
    int year = 0;
    std::string basis;              // "legal" or "sector 200"
    Rational full_time_days;        // from the rule set, before proration
    Rational month_sum;             // sum over the months of the fraction counted, in months
    Rational days;                  // exact (or rounded as the rule set says)
    long long minutes = 0;          // days x minutes per day, rounded up to a whole minute (worker's favour)
    Rational complementary_days;    // employer's complementary days, prorated the same way
    long long complementary_minutes = 0;
    long long minutes_per_day = 0;
    int months_counted = 0;         // months with any employment
    Explanation explanation;
};

// Validates the periods (fraction in (0,1], end not before start) and computes the entitlement:
// entitlement_of_months of month_fractions.
Result<Entitlement> compute_entitlement(const RuleSet& rules, const EntitlementInput& input);

// Each month of the input's year at the highest fraction of any period touching it (0 where none
// does). Checks every period, also those outside the year, so a bad one is reported whatever the year.
using MonthFractions = std::array<Rational, 12>;
Result<MonthFractions> month_fractions(const RuleSet& rules, const EntitlementInput& input);

// The entitlement once the months are known: it depends on the input's employment only through them.
Result<Entitlement> entitlement_of_months(const RuleSet& rules, const EntitlementInput& input, const MonthFractions& months);

// Minutes of one training day for a full-time regime of `weekly_hours` (38 h -> 456), rounded up.
long long minutes_per_day(const Rational& weekly_hours);

// Minutes as (exact) days of `per_day` minutes each; 0 days when per_day is not positive.
Rational minutes_as_days(long long minutes, long long per_day);

// The employment fraction of a part-time week: weekly_hours / full-time weekly hours.
std::optional<Rational> fraction_from_hours(const Rational& weekly_hours, const Rational& full_time_weekly_hours);

}  // namespace ll
