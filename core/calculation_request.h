// Calculation requests: one JSON document in, one out. They back the `entitlement` and `balance`
// commands and can serve any host that needs a figure for data it holds itself.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ledger.h"

namespace ll {

struct EntitlementRequest {
    EntitlementInput input;
    std::vector<LedgerEntry> trainings;
    long long carried_in_minutes = 0;
    std::optional<std::string> rules_path;  // the host loads it; default: the shipped rule set
};

struct BalanceRequest {
    WorkerFacts facts;
    std::vector<LedgerEntry> entries;
    LedgerOptions options;
    std::optional<std::string> rules_path;
};

Result<EntitlementRequest> parse_entitlement_request(std::string_view text);
Result<BalanceRequest> parse_balance_request(std::string_view text);

// {"year","entitled_days","entitled_minutes","months_counted","used_minutes","carried_in_minutes",
//  "remaining_minutes","explanation":[English lines]}
Result<nlohmann::json> answer_entitlement_request(const RuleSet& rules, const EntitlementRequest& request);
// The folded balance in the wire format (wire::to_json(Balance)).
Result<nlohmann::json> answer_balance_request(const RuleSet& rules, const BalanceRequest& request);

}  // namespace ll
