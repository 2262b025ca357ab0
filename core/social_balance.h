// The training section of the Belgian social balance sheet (National Bank model, codes 5801-5853)
// for one year, from the same ledger entries as everything else: per block (formal continuing,
// less formal or informal, initial) and gender, the workers involved, hours and net cost.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "rational.h"
#include "records.h"

namespace ll {

struct SocialBalanceCell {
    int workers = 0;                 // distinct people, not trainings
    long long minutes = 0;           // hours = minutes / 60
    std::int64_t gross_cents = 0, fund_cents = 0, subsidy_cents = 0;
    std::int64_t net_cents() const { return gross_cents + fund_cents - subsidy_cents; }
};

enum class TrainingBlock { formal, informal, initial };

struct SocialBalanceSheet {
    int year = 0;
    SocialBalanceCell cells[3][2];  // [block][0 men, 1 women]
    int unclassified_workers = 0;   // trained in the year, gender not recorded: not in any cell
    long long unclassified_minutes = 0;
    const SocialBalanceCell& cell(TrainingBlock b, bool women) const { return cells[static_cast<int>(b)][women ? 1 : 0]; }
};

// One line of the form: its code, what it is, and its value (people, hours, or euro).
struct SocialBalanceLine {
    std::string code, label;
    enum class Unit { people, hours, euro } unit = Unit::people;
    Rational value;
};

// Approved trainings dated in `year` count; `gender_of` gives each entry's worker's gender
// ("female", "male", "" when not recorded), in the same order as `entries`.
SocialBalanceSheet social_balance_sheet(int year, const std::vector<EntryRecord>& entries, const std::vector<std::string>& gender_of);

// The codes in the order of the form: 5801 5802 5803 58031 58032 58033, 5811 ... 5853.
std::vector<SocialBalanceLine> social_balance_lines(const SocialBalanceSheet& sheet);

}  // namespace ll
