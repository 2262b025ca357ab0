// The yearly training right of one worker: full-time days from the rule set, prorated by the
// employment fraction per month (a started month counts whole; spec section 1), kept exact.
#pragma once
#include <optional>
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
};

struct EntitlementInput {
    int year = 0;
    Rational company_fte;
    std::vector<EmploymentPeriod> employment;
};

struct Entitlement {
    int year = 0;
    Rational full_time_days;    // from the rule set, before proration
    Rational days;              // exact
    long long minutes = 0;      // days x minutes per day, rounded up to a whole minute (worker's favour)
    long long minutes_per_day = 0;
    int months_counted = 0;     // months with any employment
    Explanation explanation;
};

// Validates the periods (fraction in (0,1], end not before start) and computes the entitlement.
Result<Entitlement> compute_entitlement(const RuleSet& rules, const EntitlementInput& input);

// Minutes of one training day for a full-time regime of `weekly_hours` (38 h -> 456), rounded up.
long long minutes_per_day(const Rational& weekly_hours);

}  // namespace ll
