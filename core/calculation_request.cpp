// Parsing is strict (unknown fields, wrong types and impossible values are refused, naming the
// field); computing reuses the entitlement and ledger code, so the CLI and the app agree.
#include "calculation_request.h"

#include "json_reader.h"
#include "wire.h"

namespace ll {

using nlohmann::json;

namespace {

Result<bool> read_common(JsonReader& r, WorkerFacts& facts, std::optional<std::string>& rules_path) {
    auto jc = r.string("joint_committee", false, 16);
    auto hours = r.rational("full_time_weekly_hours", false, Rational(0), Rational(60), true);
    const json* employment = r.member("employment", true, json::value_t::array);
    auto rules = r.string("rules", false, 4096);
    if (!r.ok()) return r.error();
    if (jc && !is_joint_committee_code(*jc))
        return make_error("wrong_type", "expected a joint committee code like 200 or 305.02.09", "joint_committee");
    facts.joint_committee = jc.value_or("");
    facts.full_time_weekly_hours = hours;
    auto periods = wire::employment_from_json(*employment, "employment");
    if (!periods) return periods.error();
    facts.employment = std::move(*periods);
    rules_path = rules;
    return true;
}

}  // namespace

Result<EntitlementRequest> parse_entitlement_request(std::string_view text) {
    auto parsed = parse_json(text);
    if (!parsed) return parsed.error();
    const json& j = *parsed;
    JsonReader r(j);
    EntitlementRequest req;
    auto year = r.integer("year", true, CivilDate::min_year, CivilDate::max_year);
    auto fte = r.rational("company_fte", true, Rational(0), Rational(1000000), false);
    const json* trainings = r.member("trainings", false, json::value_t::array);
    auto carried = r.integer("carried_in_minutes", false, 0, 100LL * 365 * 24 * 60);
    WorkerFacts facts;
    auto common = read_common(r, facts, req.rules_path);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (!common) return common.error();
    req.input = EntitlementInput{static_cast<int>(*year), *fte, facts.employment, facts.joint_committee,
                                 facts.full_time_weekly_hours};
    req.carried_in_minutes = carried.value_or(0);
    if (trainings) {
        auto list = wire::entries_from_json(*trainings, "trainings", EntryKind::training);
        if (!list) return list.error();
        req.trainings = std::move(*list);
    }
    return req;
}

Result<BalanceRequest> parse_balance_request(std::string_view text) {
    auto parsed = parse_json(text);
    if (!parsed) return parsed.error();
    const json& j = *parsed;
    JsonReader r(j);
    BalanceRequest req;
    auto from = r.integer("from_year", true, CivilDate::min_year, CivilDate::max_year);
    auto to = r.integer("to_year", true, CivilDate::min_year, CivilDate::max_year);
    const json* fte = r.member("company_fte", true, json::value_t::object);
    const json* entries = r.member("entries", false, json::value_t::array);
    const json* termination = r.member("termination", false, json::value_t::object);
    auto pending = r.boolean("count_pending", false);
    auto common = read_common(r, req.facts, req.rules_path);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (!common) return common.error();
    req.options = LedgerOptions{static_cast<int>(*from), static_cast<int>(*to), pending.value_or(false)};
    auto sizes = wire::company_sizes_from_json(*fte, "company_fte");
    if (!sizes) return sizes.error();
    req.facts.company_fte = std::move(*sizes);
    if (entries) {
        auto list = wire::entries_from_json(*entries, "entries", std::nullopt);
        if (!list) return list.error();
        req.entries = std::move(*list);
    }
    if (termination) {
        auto t = wire::termination_from_json(*termination, "termination");
        if (!t) return t.error();
        req.facts.termination = *t;
    }
    return req;
}

Result<json> answer_entitlement_request(const RuleSet& rules, const EntitlementRequest& req) {
    auto e = compute_entitlement(rules, req.input);
    if (!e) return e.error();
    Explanation lines = e->explanation;
    if (req.carried_in_minutes > 0)
        lines.push_back({"ledger.carried_in", {{"origin_year", std::to_string(req.input.year - 1)},
                                               {"duration", format_days_and_minutes(req.carried_in_minutes, e->minutes_per_day)}}});
    long long used = 0;
    for (const auto& t : req.trainings) {
        if (t.status != EntryStatus::approved || !t.counts_for_right || t.date.year() != req.input.year) continue;
        used += t.minutes;
        lines.push_back({"ledger.training", {{"title", display_title(t)}, {"date", t.date.iso()},
                                             {"duration", format_days_and_minutes(-t.minutes, e->minutes_per_day)}}});
    }
    long long remaining = e->minutes + req.carried_in_minutes - used;
    lines.push_back({"ledger.remaining", {{"year", std::to_string(req.input.year)},
                                          {"duration", format_days_and_minutes(remaining, e->minutes_per_day)}}});
    json text = json::array();
    for (const auto& l : lines) text.push_back(render_english(l));
    return json{{"year", req.input.year},
                {"entitled_days", e->days.to_double()},
                {"entitled_minutes", e->minutes},
                {"months_counted", e->months_counted},
                {"used_minutes", used},
                {"carried_in_minutes", req.carried_in_minutes},
                {"remaining_minutes", remaining},
                {"explanation", text}};
}

Result<json> answer_balance_request(const RuleSet& rules, const BalanceRequest& req) {
    auto b = fold_ledger(rules, req.facts, req.entries, req.options);
    if (!b) return b.error();
    return wire::to_json(*b);
}

}  // namespace ll
