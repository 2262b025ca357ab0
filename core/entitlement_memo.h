// Entitlements computed once per distinct input, for bulk folds: an employer's workers mostly share
// their company size, sector and contract shape, so a team table of thousands computes a few rights.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "entitlement.h"

namespace ll {

class EntitlementMemo {
public:
    // `slots`: how many results it keeps at most (tests use 1 so every input meets every other).
    explicit EntitlementMemo(std::size_t slots = 256) : capacity_(slots > 0 ? slots : 1) {}

    // The very entitlement compute_entitlement returns (errors included, never remembered); the
    // pointer is valid until the next call. Results are keyed by the rule set's address, so the rule
    // set must not change while the memo lives; another rule set empties it.
    Result<const Entitlement*> compute(const RuleSet& rules, const EntitlementInput& input);

private:
    // Everything entitlement_of_months reads: the employment only through its months.
    struct Remembered {
        bool used = false;
        int year = 0;
        bool explain = false;
        Rational company_fte;
        std::optional<Rational> full_time_weekly_hours;
        std::string joint_committee;
        MonthFractions months;
        Entitlement entitlement;

        bool answers(const EntitlementInput& input, const MonthFractions& m) const;
    };
    // Direct-mapped by a hash of the key: a lookup is one comparison, and a pathological employer
    // (every worker a new contract shape) overwrites slots instead of growing the memo.
    std::size_t capacity_;
    const RuleSet* rules_ = nullptr;
    std::vector<Remembered> slots_;
};

}  // namespace ll
