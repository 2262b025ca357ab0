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

std::string at(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

Result<SizeBand> read_band(const json& j, const std::string& path, bool days_optional) {
    JsonReader r(j, path);
    auto min_fte = r.rational("min_fte", true, Rational(0), Rational(1000000), false);
    auto days = r.rational("days", !days_optional, Rational(0), Rational(365), false);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    return SizeBand{*min_fte, days};
}

Result<YearBands> read_year_bands(const json& j, const std::string& path, int last_year, bool days_optional) {
    JsonReader r(j, path);
    YearBands out;
    auto from = r.integer("from_year", true, CivilDate::min_year, CivilDate::max_year);
    auto to = r.integer("to_year", false, CivilDate::min_year, CivilDate::max_year);  // null: open-ended
    const json* bands = r.member("bands", true, json::value_t::array);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    out.from_year = static_cast<int>(*from);
    out.to_year = to ? static_cast<int>(*to) : last_year;
    if (out.to_year < out.from_year) return make_error("out_of_range", "to_year is before from_year", path + ".to_year");
    for (size_t i = 0; i < bands->size(); ++i) {
        std::string band_path = at(path + ".bands", i);
        auto band = read_band((*bands)[i], band_path, days_optional);
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

// Year ranges in order; `contiguous` also requires them to cover first..last exactly.
Result<std::vector<YearBands>> read_year_ranges(const json& list, const std::string& path, int first, int last,
                                                bool contiguous, bool days_optional) {
    std::vector<YearBands> out;
    int expected = first;
    for (size_t i = 0; i < list.size(); ++i) {
        auto yb = read_year_bands(list[i], at(path, i), last, days_optional);
        if (!yb) return yb.error();
        bool fits = contiguous ? yb->from_year == expected : yb->from_year >= expected;
        if (!fits || yb->to_year > last)
            return make_error("gap_or_overlap", "year ranges must follow each other inside first_year..last_year",
                              at(path, i) + ".from_year");
        expected = yb->to_year + 1;
        out.push_back(std::move(*yb));
    }
    if (contiguous && expected != last + 1)
        return make_error("gap_or_overlap", "years up to last_year must be covered", path);
    return out;
}

std::optional<PeriodEnd> period_end_from(const std::string& s) {
    if (s == "carry") return PeriodEnd::carry;
    if (s == "reset") return PeriodEnd::reset;
    return std::nullopt;
}

Result<SectorRule> read_sector(const json& j, const std::string& path, int first, int last) {
    JsonReader r(j, path);
    auto jc = r.string("joint_committee", true, 16);
    auto name = r.string("name", true);
    const json* days = r.member("days", true, json::value_t::array);
    auto end = r.string("at_period_end", false, 10);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (!is_joint_committee_code(*jc))
        return make_error("wrong_type", "expected a joint committee code like 200 or 305.02.09", path + ".joint_committee");
    SectorRule s{*jc, *name, {}, std::nullopt};
    if (end) {
        s.at_period_end = period_end_from(*end);
        if (!s.at_period_end) return make_error("out_of_range", "expected \"carry\" or \"reset\"", path + ".at_period_end");
    }
    auto ranges = read_year_ranges(*days, path + ".days", first, last, false, true);
    if (!ranges) return ranges.error();
    s.days = std::move(*ranges);
    return s;
}

Result<CarryOverPolicy> read_carry_over(const json& j, int first, int last) {
    JsonReader r(j, "carry_over");
    auto start = r.integer("period_start_year", true, first, last);
    auto years = r.integer("period_years", true, 1, 20);
    auto end = r.string("at_period_end", true, 10);
    auto roll = r.boolean("roll_before_period", true);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto policy = period_end_from(*end);
    if (!policy) return make_error("out_of_range", "expected \"carry\" or \"reset\"", "carry_over.at_period_end");
    return CarryOverPolicy{static_cast<int>(*start), static_cast<int>(*years), *policy, *roll};
}

std::optional<Rounding> rounding_from(const std::string& s) {
    if (s == "exact") return Rounding::exact;
    if (s == "up_to_half_day") return Rounding::up_to_half_day;
    if (s == "up_to_day") return Rounding::up_to_day;
    return std::nullopt;
}

const YearBands* range_for(const std::vector<YearBands>& ranges, int year) {
    for (const auto& r : ranges)
        if (year >= r.from_year && year <= r.to_year) return &r;
    return nullptr;
}

std::optional<Rational> band_days(const YearBands& range, Rational fte) {
    std::optional<Rational> days = range.bands.front().days;
    for (const auto& band : range.bands)
        if (fte >= band.min_fte) days = band.days;
    return days;
}

}  // namespace

bool is_joint_committee_code(std::string_view code) {
    auto digits = [&](size_t from, size_t n) {
        if (code.size() < from + n) return false;
        for (size_t i = from; i < from + n; ++i)
            if (code[i] < '0' || code[i] > '9') return false;
        return true;
    };
    if (!digits(0, 3)) return false;
    size_t pos = 3;
    for (int group = 0; group < 2 && pos < code.size(); ++group) {
        if (code[pos] != '.' || !digits(pos + 1, 2)) return false;
        pos += 3;
    }
    return pos == code.size();
}

Result<bool> RuleSet::covers(int year) const {
    if (year < first_year || year > last_year)
        return make_error("out_of_range",
                          "the rule set covers " + std::to_string(first_year) + " to " + std::to_string(last_year), "year");
    return true;
}

const SectorRule* RuleSet::sector_for(const std::string& joint_committee) const {
    std::string_view code = joint_committee;
    while (!code.empty()) {
        for (const auto& s : sectors)
            if (s.joint_committee == code) return &s;
        auto dot = code.rfind('.');
        code = dot == std::string_view::npos ? std::string_view() : code.substr(0, dot);
    }
    return nullptr;
}

PeriodEnd RuleSet::period_end_for(const std::string& joint_committee) const {
    const SectorRule* s = sector_for(joint_committee);
    return s && s->at_period_end ? *s->at_period_end : carry_over.at_period_end;
}

Result<DaysRule> RuleSet::days_for(int year, Rational company_fte, const std::string& joint_committee) const {
    if (auto c = covers(year); !c) return c.error();
    if (const SectorRule* s = sector_for(joint_committee))
        if (const YearBands* range = range_for(s->days, year))
            if (auto days = band_days(*range, company_fte)) return DaysRule{*days, "sector " + s->joint_committee};
    return DaysRule{*band_days(*range_for(legal_days, year), company_fte), "legal"};
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
    const json* sectors = r.member("sectors", false, json::value_t::array);
    auto complementary = r.rational("complementary_days", false, Rational(0), Rational(365), false);
    const json* carry = r.member("carry_over", true, json::value_t::object);
    auto rounding = r.string("rounding", false, 20);
    const json* obligations = r.member("obligations", false, json::value_t::array);
    r.reject_unknown_fields();
    if (r.ok() && *format != rule_set_format)
        r.fail(make_error("unsupported_format", std::string("expected \"") + rule_set_format + "\"", "format"));
    if (r.ok() && *last < *first) r.fail(make_error("out_of_range", "last_year is before first_year", "last_year"));
    if (r.ok() && rounding && !rounding_from(*rounding))
        r.fail(make_error("out_of_range", "expected exact, up_to_half_day or up_to_day", "rounding"));
    if (!r.ok()) return in_file(r.error(), file_name);

    rs.id = *id;
    rs.version = *version;
    rs.title = *title;
    rs.first_year = static_cast<int>(*first);
    rs.last_year = static_cast<int>(*last);
    rs.full_time_weekly_hours = *hours;
    rs.complementary_days = complementary.value_or(Rational(0));
    rs.rounding = rounding ? *rounding_from(*rounding) : Rounding::exact;
    auto ranges = read_year_ranges(*legal, "legal_days", rs.first_year, rs.last_year, true, false);
    if (!ranges) return in_file(ranges.error(), file_name);
    rs.legal_days = std::move(*ranges);
    auto policy = read_carry_over(*carry, rs.first_year, rs.last_year);
    if (!policy) return in_file(policy.error(), file_name);
    rs.carry_over = *policy;
    for (size_t i = 0; sectors && i < sectors->size(); ++i) {
        auto s = read_sector((*sectors)[i], at("sectors", i), rs.first_year, rs.last_year);
        if (!s) return in_file(s.error(), file_name);
        for (const auto& other : rs.sectors)
            if (other.joint_committee == s->joint_committee)
                return in_file(make_error("duplicate", "joint committee listed twice", at("sectors", i) + ".joint_committee"),
                               file_name);
        rs.sectors.push_back(std::move(*s));
    }
    for (size_t i = 0; obligations && i < obligations->size(); ++i) {
        auto o = read_obligation((*obligations)[i], at("obligations", i));
        if (!o) return in_file(o.error(), file_name);
        for (const auto& other : rs.obligations)
            if (other.id == o->id)
                return in_file(make_error("duplicate", "obligation id used twice", at("obligations", i) + ".id"), file_name);
        rs.obligations.push_back(std::move(*o));
    }
    return rs;
}

}  // namespace ll
