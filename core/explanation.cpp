// English rendering of explanation lines; translations of the same keys live in the UI catalogs.
// Unknown keys render as "key: arg=value" so nothing is ever silently hidden.
#include "explanation.h"

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

std::string render_english(const ExplanationLine& line) {
    const auto& a = [&](const char* n) -> const std::string& { return line.arg(n); };
    if (line.key == "entitlement.full_time_days")
        return "company of " + a("company_fte") + " FTE in " + a("year") + ": " + a("days") + " d per full-time worker (" +
               a("rule_set") + ")";
    if (line.key == "entitlement.pro_rata")
        return a("full_time_days") + " d x " + a("fraction_percent") + " % x " + a("months") + "/12 months = " +
               a("days") + " d";
    if (line.key == "entitlement.total")
        return "entitlement " + a("year") + ": " + a("days") + " d (" + a("duration") + ")";
    if (line.key == "entitlement.day_length")
        return "1 d = " + a("duration") + " (" + a("weekly_hours") + " h a week / 5)";
    if (line.key == "entitlement.not_employed") return "not employed in " + a("year") + ": 0 d";
    std::string out = line.key;
    for (const auto& [k, v] : line.args) out += " " + k + "=" + v;
    return out;
}

}  // namespace ll
