// Loading and validating rule-set files: a broken law file must fail loudly at start,
// naming the file, the key and the reason, rather than produce wrong balances later.
#include "rule_set.h"

#include "json_reader.h"

namespace ll {
namespace {

using nlohmann::json;

constexpr const char* rule_set_format = "learnledger-rules/1";

Error in_file(Error e, const std::string& file_name) {
    e.code = "invalid_rule_set";
    e.message = file_name + ": " + e.field + ": " + e.message;
    return e;
}

Result<SizeBand> read_band(const json& j, const std::string& path) {
    JsonReader r(j, path);
    auto min_fte = r.rational("min_fte", true, Rational(0), Rational(1000000), false);
    auto days = r.rational("days", true, Rational(0), Rational(365), false);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    return SizeBand{*min_fte, *days};
}

Result<LegalDays> read_legal_days(const json& j, const std::string& path, int last_year) {
    JsonReader r(j, path);
    LegalDays out;
    auto from = r.integer("from_year", true, CivilDate::min_year, CivilDate::max_year);
    auto to = r.integer("to_year", false, CivilDate::min_year, CivilDate::max_year);  // null: open-ended
    const json* bands = r.member("bands", true, json::value_t::array);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    out.from_year = static_cast<int>(*from);
    out.to_year = to ? static_cast<int>(*to) : last_year;
    if (out.to_year < out.from_year) return make_error("out_of_range", "to_year is before from_year", path + ".to_year");
    for (size_t i = 0; i < bands->size(); ++i) {
        std::string band_path = path + ".bands[" + std::to_string(i) + "]";
        auto band = read_band((*bands)[i], band_path);
        if (!band) return band.error();
        if (i == 0 && band->min_fte != Rational(0))
            return make_error("out_of_range", "the first band must start at min_fte 0", band_path + ".min_fte");
        if (i > 0 && band->min_fte <= out.bands.back().min_fte)
            return make_error("out_of_order", "bands must have increasing min_fte", band_path + ".min_fte");
        out.bands.push_back(*band);
    }
    if (out.bands.empty()) return make_error("missing_field", "at least one band is required", path + ".bands");
    return out;
}

}  // namespace

Result<Rational> RuleSet::full_time_days(int year, Rational company_fte) const {
    for (const auto& period : legal_days) {
        if (year < period.from_year || year > period.to_year) continue;
        Rational days = period.bands.front().days;
        for (const auto& band : period.bands)
            if (company_fte >= band.min_fte) days = band.days;
        return days;
    }
    return make_error("out_of_range",
                      "the rule set covers " + std::to_string(first_year) + " to " + std::to_string(last_year), "year");
}

Result<RuleSet> load_rule_set(std::string_view json_text, const std::string& file_name) {
    auto parsed = parse_json(json_text);
    if (!parsed) return in_file(parsed.error(), file_name);
    const json& j = *parsed;
    JsonReader r(j);
    RuleSet rs;
    auto format = r.string("format", true);
    auto id = r.string("id", true);
    auto version = r.string("version", true);
    auto title = r.string("title", true);
    auto first = r.integer("first_year", true, CivilDate::min_year, CivilDate::max_year);
    auto last = r.integer("last_year", true, CivilDate::min_year, CivilDate::max_year);
    auto hours = r.rational("full_time_weekly_hours", true, Rational(0), Rational(60), true);
    const json* legal = r.member("legal_days", true, json::value_t::array);
    r.reject_unknown_fields();
    if (r.ok() && *format != rule_set_format)
        r.fail(make_error("unsupported_format", std::string("expected \"") + rule_set_format + "\"", "format"));
    if (r.ok() && *last < *first) r.fail(make_error("out_of_range", "last_year is before first_year", "last_year"));
    if (!r.ok()) return in_file(r.error(), file_name);

    rs.id = *id;
    rs.version = *version;
    rs.title = *title;
    rs.first_year = static_cast<int>(*first);
    rs.last_year = static_cast<int>(*last);
    rs.full_time_weekly_hours = *hours;
    int expected_year = rs.first_year;
    for (size_t i = 0; i < legal->size(); ++i) {
        std::string path = "legal_days[" + std::to_string(i) + "]";
        auto period = read_legal_days((*legal)[i], path, rs.last_year);
        if (!period) return in_file(period.error(), file_name);
        if (period->from_year != expected_year)
            return in_file(make_error("gap_or_overlap", "expected from_year " + std::to_string(expected_year), path + ".from_year"),
                           file_name);
        expected_year = period->to_year + 1;
        rs.legal_days.push_back(std::move(*period));
    }
    if (expected_year != rs.last_year + 1)
        return in_file(make_error("gap_or_overlap", "years up to last_year must be covered", "legal_days"), file_name);
    return rs;
}

}  // namespace ll
