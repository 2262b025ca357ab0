// Fuzz target: the balance calculation as the CLI and the server take it (worker facts and ledger
// entries in JSON), folded with and without explanation lines: both must give the same figures,
// and minutes are conserved year by year.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "calculation_request.h"
#include "shipped_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto request = ll::parse_balance_request(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!request) return 0;
    const ll::RuleSet& rules = *ll::shipped::belgian_rule_set();
    ll::LedgerOptions bare_options = request->options;
    bare_options.explain = false;
    auto explained = ll::fold_ledger(rules, request->facts, request->entries, request->options);
    auto bare = ll::fold_ledger(rules, request->facts, request->entries, bare_options);
    if (explained.ok() != bare.ok()) __builtin_trap();
    if (!explained) return 0;
    if (explained->years.size() != bare->years.size()) __builtin_trap();
    for (size_t i = 0; i < bare->years.size(); ++i) {
        const auto& a = explained->years[i];
        const auto& b = bare->years[i];
        if (a.remaining_minutes != b.remaining_minutes || a.used_minutes != b.used_minutes || a.expired_minutes != b.expired_minutes ||
            a.carried_out_minutes != b.carried_out_minutes || a.lapses_on != b.lapses_on)
            __builtin_trap();
        if (a.carried_in_minutes + a.entitled_minutes + a.complementary_minutes + a.credit_minutes + a.beyond_right_minutes !=
            a.used_minutes + a.remaining_minutes)
            __builtin_trap();
    }
    (void)ll::answer_balance_request(rules, *request);
    return 0;
}
