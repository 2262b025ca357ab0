// A cell beginning with = + - @ (or a tab or carriage return) is prefixed with ' so that opening
// the file never runs what a worker typed into a training title (CSV injection).
#include "csv_text.h"

namespace ll::server {
namespace {

std::string cell(const std::string& value, char separator) {
    std::string v = value;
    const bool number = !v.empty() && v.find_first_not_of("0123456789.-") == std::string::npos && v != "-";
    if (!v.empty() && !number && std::string("=+-@\t\r").find(v.front()) != std::string::npos) v.insert(v.begin(), '\'');
    if (v.find_first_of(std::string("\"\r\n") + separator) == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

}  // namespace

std::string csv_text(const std::vector<std::vector<std::string>>& rows, char separator) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) {
            if (i) out += separator;
            out += cell(row[i], separator);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace ll::server
