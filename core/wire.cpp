// Encoders and decoders for entitlement figures and errors. Decoders use JsonReader, so a
// malformed server answer becomes an Error on the client instead of a crash.
#include "wire.h"

#include "json_reader.h"

namespace ll::wire {

using nlohmann::json;

std::string exact(const Rational& r) {
    if (r.den() == 1) return std::to_string(r.num());
    return std::to_string(r.num()) + "/" + std::to_string(r.den());
}

json to_json(const Error& e) {
    json inner = {{"code", e.code}, {"message", e.message}};
    if (!e.field.empty()) inner["field"] = e.field;
    return {{"error", inner}};
}

json to_json(const ExplanationLine& line) {
    json args = json::object();
    for (const auto& [k, v] : line.args) args[k] = v;
    return {{"key", line.key}, {"args", args}, {"text", render_english(line)}};
}

json to_json(const Entitlement& e) {
    json lines = json::array();
    for (const auto& l : e.explanation) lines.push_back(to_json(l));
    return {{"year", e.year},
            {"full_time_days", exact(e.full_time_days)},
            {"entitled_days", e.days.to_double()},
            {"entitled_days_exact", exact(e.days)},
            {"entitled_minutes", e.minutes},
            {"minutes_per_day", e.minutes_per_day},
            {"months_counted", e.months_counted},
            {"explanation", lines}};
}

namespace {

Result<ExplanationLine> line_from_json(const json& j, const std::string& path) {
    JsonReader r(j, path);
    auto key = r.string("key", true);
    const json* args = r.member("args", true, json::value_t::object);
    r.string("text", false, 2000);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    ExplanationLine line{*key, {}};
    for (auto it = args->begin(); it != args->end(); ++it) {
        if (!it->is_string()) return make_error("wrong_type", "expected a string", path + ".args." + it.key());
        line.args.emplace_back(it.key(), it->get<std::string>());
    }
    return line;
}

Result<Rational> exact_from(const std::optional<std::string>& text, const std::string& field) {
    auto r = text ? json_to_rational(json(*text)) : std::nullopt;
    if (!r) return make_error("wrong_type", "expected an exact fraction", field);
    return *r;
}

}  // namespace

Result<Entitlement> entitlement_from_json(const json& j) {
    JsonReader r(j);
    Entitlement e;
    auto year = r.integer("year", true, CivilDate::min_year, CivilDate::max_year);
    auto ft = r.string("full_time_days", true, 40);
    r.rational("entitled_days", true, Rational(0), Rational(365), false);
    auto days = r.string("entitled_days_exact", true, 40);
    auto minutes = r.integer("entitled_minutes", true, 0, 365LL * 24 * 60);
    auto per_day = r.integer("minutes_per_day", true, 0, 24 * 60);
    auto months = r.integer("months_counted", true, 0, 12);
    const json* lines = r.member("explanation", true, json::value_t::array);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto ft_exact = exact_from(ft, "full_time_days");
    if (!ft_exact) return ft_exact.error();
    auto days_exact = exact_from(days, "entitled_days_exact");
    if (!days_exact) return days_exact.error();
    e.year = static_cast<int>(*year);
    e.full_time_days = *ft_exact;
    e.days = *days_exact;
    e.minutes = *minutes;
    e.minutes_per_day = *per_day;
    e.months_counted = static_cast<int>(*months);
    for (size_t i = 0; i < lines->size(); ++i) {
        auto line = line_from_json((*lines)[i], "explanation[" + std::to_string(i) + "]");
        if (!line) return line.error();
        e.explanation.push_back(std::move(*line));
    }
    return e;
}

std::optional<Error> error_from_json(const json& j) {
    JsonReader outer(j);
    const json* inner = outer.member("error", true, json::value_t::object);
    outer.reject_unknown_fields();
    if (!outer.ok()) return std::nullopt;
    JsonReader r(*inner, "error");
    auto code = r.string("code", true);
    auto message = r.string("message", true, 2000);
    auto field = r.string("field", false);
    r.reject_unknown_fields();
    if (!r.ok()) return std::nullopt;
    return Error{*code, *message, field.value_or("")};
}

}  // namespace ll::wire
