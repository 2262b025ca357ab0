// Explanation lines: every computed figure can show its derivation, as data (a message key plus
// named arguments) so the UI can translate it; an English rendering serves the CLI and logs.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ll {

struct ExplanationLine {
    std::string key;  // e.g. "entitlement.pro_rata"
    std::vector<std::pair<std::string, std::string>> args;  // name -> value, already formatted neutrally

    const std::string& arg(const std::string& name) const;
};

using Explanation = std::vector<ExplanationLine>;

// "7 h 36 min", "1 d 3 h 48 min"-style durations need the minutes of one day; 0 means hours only.
std::string format_minutes(long long minutes);
std::string format_days_and_minutes(long long minutes, long long minutes_per_day);

// English text of a line, from the same arguments the UI translates.
std::string render_english(const ExplanationLine& line);

// Replaces each {name} in `tpl` by its argument; a placeholder without one stays as written.
std::string fill_template(std::string_view tpl, const std::vector<std::pair<std::string, std::string>>& args);

}  // namespace ll
