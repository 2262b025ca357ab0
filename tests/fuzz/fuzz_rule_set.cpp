// Fuzz target: rule-set files (the rules are data, and a file can be wrong in any way). Loading
// may refuse; a loaded rule set must then answer every year it claims to cover without crashing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entitlement.h"
#include "rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto rules = ll::load_rule_set(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    if (!rules) return 0;
    const ll::EmploymentPeriod full_year{*ll::CivilDate::from_ymd(rules->first_year, 3, 1), std::nullopt, ll::Rational(1)};
    for (int year = rules->first_year; year <= rules->last_year && year < rules->first_year + 10; ++year)
        for (int fte : {1, 19, 20, 50})
            for (const char* jc : {"", "200", "118.03"}) {
                auto e = ll::compute_entitlement(*rules, ll::EntitlementInput{year, ll::Rational(fte), {full_year}, jc});
                if (e && e->minutes < 0) __builtin_trap();
            }
    return 0;
}
