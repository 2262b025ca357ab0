// Parses the embedded Belgian rule set once; immutable afterwards, so it is safe to share.
// (A function-local static is the one global the core allows: constant data, no clock, no I/O.)
#include "shipped_rules.h"

namespace ll::shipped {

const Result<RuleSet>& belgian_rule_set() {
    static const Result<RuleSet> rules = load_rule_set(belgian_rule_set_text(), "assets/rules/be-federal.json");
    return rules;
}

}  // namespace ll::shipped
