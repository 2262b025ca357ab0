// English rendering of explanation lines; translations of the same keys live in the UI catalogs.
// Unknown keys render as "key: arg=value" so nothing is ever silently hidden.
#include "explanation.h"

#include <algorithm>
#include <map>

namespace ll {

const std::string& ExplanationLine::arg(const std::string& name) const {
    static const std::string empty;
    for (const auto& [k, v] : args)
        if (k == name) return v;
    return empty;
}

std::string format_minutes(long long minutes) {
    std::string sign = minutes < 0 ? "-" : "";
    if (minutes < 0) minutes = -minutes;
    long long h = minutes / 60, m = minutes % 60;
    if (h == 0) return sign + std::to_string(m) + " min";
    if (m == 0) return sign + std::to_string(h) + " h";
    return sign + std::to_string(h) + " h " + std::to_string(m) + " min";
}

std::string format_days_and_minutes(long long minutes, long long minutes_per_day) {
    if (minutes_per_day <= 0) return format_minutes(minutes);
    std::string sign = minutes < 0 ? "-" : "";
    if (minutes < 0) minutes = -minutes;
    long long d = minutes / minutes_per_day, rest = minutes % minutes_per_day;
    if (d == 0) return sign + format_minutes(rest);
    if (rest == 0) return sign + std::to_string(d) + " d";
    return sign + std::to_string(d) + " d " + format_minutes(rest);
}

namespace {

// English templates: {name} is replaced by the argument of that name.
const std::map<std::string, std::string>& english_templates() {
    static const std::map<std::string, std::string> t = {
        {"entitlement.full_time_days", "company of {company_fte} FTE in {year}: {days} d per full-time worker ({basis}, {rule_set})"},
        {"entitlement.pro_rata", "{full_time_days} d x {fraction_percent} % x {months}/12 months = {days} d"},
        {"entitlement.rounded", "rounded up from {from} d to {days} d (rule set)"},
        {"entitlement.day_length", "1 d = {duration} ({weekly_hours} h a week / 5)"},
        {"entitlement.total", "entitlement {year}: {days} d ({duration})"},
        {"entitlement.complementary", "complementary days from the employer: {days} d ({duration})"},
        {"entitlement.not_employed", "not employed in {year}: 0 d"},
        {"ledger.carried_in", "carried from {origin_year}: {duration}"},
        {"ledger.right", "right {year}: {duration}"},
        {"ledger.complementary", "complementary days {year}: {duration}"},
        {"ledger.grant", "complementary grant \"{title}\", {date}: {duration}"},
        {"ledger.opening", "opening balance from {origin_year}, {date}: {duration}"},
        {"ledger.training", "training \"{title}\", {date}: {duration}"},
        {"ledger.pending", "pending training \"{title}\", {date}: {duration}"},
        {"ledger.correction", "correction \"{title}\", {date}: {duration}"},
        {"ledger.beyond_right", "trained beyond the right: {duration} (not carried as a debt)"},
        {"ledger.not_rolled", "balance of {origin_year} does not roll into {next_year}: -{duration}"},
        {"ledger.period_reset", "5-year period {period} ends: balance reset (sector rule), -{duration}"},
        {"ledger.period_shortfall", "5-year period {period} ends {shortfall} short of its goal; the balance keeps carrying"},
        {"ledger.lapsed", "contract ended {date} ({reason}): open balance lapses, -{duration}"},
        {"ledger.open_at_end", "contract ends {date} ({reason}): {duration} to take during the notice period or to include in the notice indemnity"},
        {"ledger.remaining", "remaining at the end of {year}: {duration}"},
    };
    return t;
}

}  // namespace

std::string render_english(const ExplanationLine& line) {
    auto it = english_templates().find(line.key);
    if (it == english_templates().end()) {
        std::string out = line.key;
        for (const auto& [k, v] : line.args) out += " " + k + "=" + v;
        return out;
    }
    return fill_template(it->second, line.args);
}

std::string fill_template(std::string_view tpl, const std::vector<std::pair<std::string, std::string>>& args) {
    std::string out;
    for (size_t i = 0; i < tpl.size(); ++i) {
        size_t close = tpl[i] == '{' ? tpl.find('}', i) : std::string_view::npos;
        if (close == std::string_view::npos) {
            out += tpl[i];
            continue;
        }
        std::string_view name = tpl.substr(i + 1, close - i - 1);
        auto it = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        out += it != args.end() ? std::string_view(it->second) : tpl.substr(i, close - i + 1);  // unknown: left visible
        i = close;
    }
    return out;
}

}  // namespace ll
