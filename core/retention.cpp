// Retention arithmetic on calendar dates: the day after the last day of the contract plus whole
// years (29 February moves to 28 February in a year without it).
#include "retention.h"

#include <algorithm>

namespace ll {

Result<CivilDate> erasable_from(const std::optional<Termination>& termination, int retention_years) {
    if (!termination) return make_error("not_left", "the worker has not left: their data is still needed", "termination");
    const CivilDate next = termination->date.plus_days(1);
    const int year = std::min(next.year() + std::max(retention_years, 0), CivilDate::max_year);
    const unsigned day = std::min(next.day(), CivilDate::days_in_month(year, next.month()));
    return CivilDate::from_ymd(year, next.month(), day, "termination");
}

Result<bool> may_erase(const std::optional<Termination>& termination, int retention_years, CivilDate today) {
    auto from = erasable_from(termination, retention_years);
    if (!from) return from.error();
    if (today < *from) return make_error("retention", "kept until the retention period ends on " + from->iso(), "termination");
    return true;
}

}  // namespace ll
