// Fuzz target: JSON request bodies as a phone or an attacker sends them, through every decoder of
// the wire format. A decoder may refuse, never crash; an accepted body re-encodes and decodes alike.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "json_reader.h"
#include "requests.h"
#include "wire.h"
#include "workspace_wire.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto j = ll::parse_json(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!j) return 0;
    (void)ll::requests::login(*j);
    (void)ll::requests::training(*j);
    (void)ll::requests::correction(*j);
    (void)ll::requests::worker(*j, true);
    (void)ll::requests::worker(*j, false);
    (void)ll::requests::employment_period(*j);
    (void)ll::requests::delegation(*j);
    (void)ll::requests::fulfilment(*j, *ll::CivilDate::parse("2026-12-01"));
    (void)ll::wire::session_from_json(*j);
    (void)ll::wire::error_from_json(*j);
    (void)ll::wire::entitlement_from_json(*j);
    if (auto e = ll::wire::entry_from_json(*j)) {
        auto again = ll::wire::entry_from_json(ll::wire::to_json(*e));
        if (!again || ll::wire::to_json(*again) != ll::wire::to_json(*e)) __builtin_trap();
    }
    if (auto v = ll::wire::year_view_from_json(*j)) {
        auto again = ll::wire::year_view_from_json(ll::wire::to_json(*v));
        if (!again || ll::wire::to_json(*again) != ll::wire::to_json(*v)) __builtin_trap();
    }
    // The workspace answers the app decodes: refused or round-tripped alike.
    if (auto a = ll::wire::approvals_from_json(*j)) {
        auto again = ll::wire::approvals_from_json(ll::wire::to_json(*a));
        if (!again || again->items.size() != a->items.size() || again->total != a->total) __builtin_trap();
    }
    if (auto t = ll::wire::team_from_json(*j)) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& r : *t) items.push_back(ll::wire::to_json(r));
        auto again = ll::wire::team_from_json({{"items", items}});
        if (!again || again->size() != t->size()) __builtin_trap();
    }
    if (auto c = ll::wire::compliance_from_json(*j)) {
        auto again = ll::wire::compliance_from_json(ll::wire::to_json(*c));
        if (!again || ll::wire::to_json(*again) != ll::wire::to_json(*c)) __builtin_trap();
    }
    return 0;
}
