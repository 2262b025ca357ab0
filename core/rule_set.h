// A versioned rule set: the law as data (days per company-size band per year, working-time basis).
// Loaded from JSON under assets/rules/ and validated; code interprets it and hard-codes no figures.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rational.h"
#include "result.h"

namespace ll {

struct SizeBand {
    Rational min_fte;  // the band applies from this company size (FTE) upwards
    Rational days;     // days per full-time worker per year
};

struct LegalDays {
    int from_year = 0;
    int to_year = 0;  // inclusive
    std::vector<SizeBand> bands;  // ascending min_fte, first starts at 0
};

struct RuleSet {
    std::string id;
    std::string version;
    std::string title;
    int first_year = 0;
    int last_year = 0;
    Rational full_time_weekly_hours;
    std::vector<LegalDays> legal_days;  // covers first_year..last_year without gaps or overlaps

    // Days per full-time worker for a company of `company_fte` in `year`; error names "year".
    Result<Rational> full_time_days(int year, Rational company_fte) const;
};

// Parses and validates rule-set JSON; errors name the file (in the message) and the key (field).
Result<RuleSet> load_rule_set(std::string_view json_text, const std::string& file_name);

}  // namespace ll
