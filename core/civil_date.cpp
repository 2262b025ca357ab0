// Strict ISO 8601 calendar-date parsing: a phone or an import must never smuggle in "2024-02-30"
// or "2024-2-3"; the error says which field and why.
#include "civil_date.h"

#include <cstdio>

namespace ll {
namespace {

bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

Result<CivilDate> CivilDate::parse(std::string_view text, std::string_view field) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4)) ||
        !digits(text.substr(5, 2)) || !digits(text.substr(8, 2)))
        return make_error("invalid_date", "expected a date as YYYY-MM-DD", std::string(field));
    return from_ymd(to_int(text.substr(0, 4)), static_cast<unsigned>(to_int(text.substr(5, 2))),
                    static_cast<unsigned>(to_int(text.substr(8, 2))), field);
}

Result<CivilDate> CivilDate::from_ymd(int year, unsigned month, unsigned day, std::string_view field) {
    if (year < min_year || year > max_year)
        return make_error("invalid_date", "year must be between 1900 and 2199", std::string(field));
    if (month < 1 || month > 12) return make_error("invalid_date", "month must be 01 to 12", std::string(field));
    if (day < 1 || day > days_in_month(year, month))
        return make_error("invalid_date", "day does not exist in that month", std::string(field));
    using namespace std::chrono;
    return CivilDate(sys_days(std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}));
}

std::string CivilDate::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
    return buf;
}

bool CivilDate::is_leap_year(int year) { return std::chrono::year{year}.is_leap(); }

unsigned CivilDate::days_in_month(int year, unsigned month) {
    using namespace std::chrono;
    return static_cast<unsigned>((std::chrono::year{year} / std::chrono::month{month} / last).day());
}

CivilDate CivilDate::end_of_month() const {
    using namespace std::chrono;
    return CivilDate(sys_days(ymd().year() / ymd().month() / last));
}

}  // namespace ll
