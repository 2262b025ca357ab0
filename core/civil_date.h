// Civil (calendar) dates without time zones: the only notion of time the core has.
// ISO 8601 "YYYY-MM-DD" in and out, strictly validated; arithmetic through std::chrono calendar types.
#pragma once
#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include "result.h"

namespace ll {

class CivilDate {
public:
    static constexpr int min_year = 1900;
    static constexpr int max_year = 2199;

    CivilDate() = default;
    // Parses exactly "YYYY-MM-DD" (no time, no offset); `field` names the input in the error.
    static Result<CivilDate> parse(std::string_view text, std::string_view field = "date");
    // nullopt-like failure is impossible to ignore: invalid y/m/d gives an Error.
    static Result<CivilDate> from_ymd(int year, unsigned month, unsigned day, std::string_view field = "date");

    int year() const { return static_cast<int>(ymd().year()); }
    unsigned month() const { return static_cast<unsigned>(ymd().month()); }
    unsigned day() const { return static_cast<unsigned>(ymd().day()); }
    std::string iso() const;

    CivilDate plus_days(int days) const { return CivilDate(days_ + days); }
    int days_until(const CivilDate& later) const { return later.days_ - days_; }
    static unsigned days_in_month(int year, unsigned month);
    static bool is_leap_year(int year);
    // Last day of the month of this date.
    CivilDate end_of_month() const;

    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;

private:
    // Days since 1970-01-01 as a plain int: libc++ 14 has no <=> for sys_days.
    explicit CivilDate(int days) : days_(days) {}
    explicit CivilDate(std::chrono::sys_days d) : days_(static_cast<int>(d.time_since_epoch().count())) {}
    std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(std::chrono::sys_days(std::chrono::days(days_))); }
    int days_ = 0;
};

}  // namespace ll
