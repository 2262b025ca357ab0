// A versioned rule set: the law as data. Days per company-size band per year, sector agreements
// per joint committee, complementary days, carry-over and the 5-year period, rounding, the
// full-time week, and dated obligations. Code interprets it and hard-codes no figure.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "obligation.h"
#include "rational.h"
#include "result.h"

namespace ll {

struct SizeBand {
    Rational min_fte;             // the band applies from this company size (FTE) upwards
    std::optional<Rational> days;  // days per full-time worker; absent (sector bands only): the legal figure
};

struct YearBands {
    int from_year = 0;
    int to_year = 0;  // inclusive
    std::vector<SizeBand> bands;  // ascending min_fte, first starts at 0
};

enum class PeriodEnd { carry, reset };  // what happens to unused days when a 5-year period ends

struct SectorRule {
    std::string joint_committee;  // "200", "225.01", "305.02.09"
    std::string name;
    std::vector<YearBands> days;  // years not listed: the legal figure
    std::optional<PeriodEnd> at_period_end;  // overrides the carry-over policy
};

struct CarryOverPolicy {
    int period_start_year = 0;   // first 5-year period starts on 1 January of this year
    int period_years = 5;
    PeriodEnd at_period_end = PeriodEnd::carry;
    bool roll_before_period = false;  // whether balances of years before the first period roll into it
};

enum class Rounding { exact, up_to_half_day, up_to_day };

// The days a worker's year is based on, and where they come from.
struct DaysRule {
    Rational days;
    std::string basis;  // "legal" or "sector <joint committee>"
};

struct RuleSet {
    std::string id;
    std::string version;
    std::string title;
    int first_year = 0;
    int last_year = 0;
    Rational full_time_weekly_hours;
    std::vector<YearBands> legal_days;  // covers first_year..last_year without gaps or overlaps
    std::vector<SectorRule> sectors;
    Rational complementary_days;  // granted by default per full-time worker per year, prorated
    CarryOverPolicy carry_over;
    Rounding rounding = Rounding::exact;
    std::vector<Obligation> obligations;

    // Days per full-time worker: the sector figure where the worker's joint committee (or its
    // parent, "200.01" -> "200") has one for that year and size, else the legal one.
    Result<DaysRule> days_for(int year, Rational company_fte, const std::string& joint_committee = {}) const;
    const SectorRule* sector_for(const std::string& joint_committee) const;
    PeriodEnd period_end_for(const std::string& joint_committee) const;
    // First year of the 5-year period containing `year`; nullopt before the first period. Inline:
    // a fold asks twice a year, and the call cost as much as the arithmetic.
    std::optional<int> period_start(int year) const {
        if (year < carry_over.period_start_year) return std::nullopt;
        return year - (year - carry_over.period_start_year) % carry_over.period_years;
    }
    Result<bool> covers(int year) const;  // error names "year"
};

// Parses and validates rule-set JSON; errors name the file (in the message) and the key (field).
Result<RuleSet> load_rule_set(std::string_view json_text, const std::string& file_name);

// "200", "225.01", "305.02.09": three digits, then up to two groups of two.
bool is_joint_committee_code(std::string_view code);

}  // namespace ll
