// The rule sets shipped with the product, embedded at build time from assets/rules/.
// Parsing happens once per process; the text itself is plain data, not code.
#pragma once
#include <string_view>

#include "result.h"
#include "rule_set.h"

namespace ll::shipped {

std::string_view belgian_rule_set_text();  // generated from assets/rules/be-federal.json

// The parsed shipped Belgian rule set; a load error here is a build defect caught by the tests.
const Result<RuleSet>& belgian_rule_set();

}  // namespace ll::shipped
