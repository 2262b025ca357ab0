// The memo's lookup hashes the key into one slot: cheaper than the exact rational arithmetic of one
// entitlement, which it saves on every hit.
#include "entitlement_memo.h"

#include <cstdint>
#include <functional>

namespace ll {
namespace {

std::size_t mix(std::size_t h, std::uint64_t v) {
    return (h ^ v) * 0x100000001b3ULL;  // FNV-1a's prime over whole words
}

std::size_t hash_of(const EntitlementInput& input, const MonthFractions& months) {
    std::size_t h = 0xcbf29ce484222325ULL;
    h = mix(h, static_cast<std::uint64_t>(input.year) * 2 + (input.explain ? 1 : 0));
    h = mix(h, static_cast<std::uint64_t>(input.company_fte.num()));
    h = mix(h, static_cast<std::uint64_t>(input.company_fte.den()));
    if (input.full_time_weekly_hours) h = mix(h, static_cast<std::uint64_t>(input.full_time_weekly_hours->num()));
    if (!input.joint_committee.empty()) h = mix(h, std::hash<std::string>{}(input.joint_committee));
    for (const Rational& m : months) h = mix(mix(h, static_cast<std::uint64_t>(m.num())), static_cast<std::uint64_t>(m.den()));
    return h ^ (h >> 29);
}

}  // namespace

bool EntitlementMemo::Remembered::answers(const EntitlementInput& input, const MonthFractions& m) const {
    return used && year == input.year && explain == input.explain && company_fte == input.company_fte &&
           full_time_weekly_hours == input.full_time_weekly_hours && joint_committee == input.joint_committee && months == m;
}

Result<const Entitlement*> EntitlementMemo::compute(const RuleSet& rules, const EntitlementInput& input) {
    if (&rules != rules_ || slots_.empty()) {
        slots_.assign(capacity_, Remembered{});
        rules_ = &rules;
    }
    // The months are worked out (and every period checked) on each call: they are the key.
    auto months = month_fractions(rules, input);
    if (!months) return months.error();
    Remembered& slot = slots_[hash_of(input, *months) % capacity_];
    if (slot.answers(input, *months)) return &slot.entitlement;

    auto e = entitlement_of_months(rules, input, *months);
    if (!e) return e.error();
    slot.used = true;
    slot.year = input.year;
    slot.explain = input.explain;
    slot.company_fte = input.company_fte;
    slot.full_time_weekly_hours = input.full_time_weekly_hours;
    slot.joint_committee = input.joint_committee;
    slot.months = *months;
    slot.entitlement = std::move(*e);
    return &slot.entitlement;
}

}  // namespace ll
