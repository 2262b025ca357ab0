// Picks the last folded year out of a balance for the app's year screen.
#include "year_view.h"

#include <algorithm>

namespace ll {

YearView year_view(const std::string& worker_id, const Balance& balance, std::vector<EntryRecord> entries) {
    YearView v;
    v.worker_id = worker_id;
    v.minutes_per_day = balance.minutes_per_day;
    v.periods = balance.periods;
    v.end_of_contract = balance.end_of_contract;
    v.entries = std::move(entries);
    if (balance.years.empty()) return v;
    const YearBalance& y = balance.years.back();
    v.year = y.year;
    v.entitled_days = y.entitlement.days;
    v.entitled_minutes = y.entitled_minutes;
    v.complementary_minutes = y.complementary_minutes;
    v.carried_in_minutes = y.carried_in_minutes;
    v.credit_minutes = y.credit_minutes;
    v.used_minutes = y.used_minutes;
    v.pending_minutes = y.pending_minutes;
    v.beyond_right_minutes = y.beyond_right_minutes;
    v.remaining_minutes = y.remaining_minutes;
    v.expired_minutes = y.expired_minutes;
    v.carried_out_minutes = y.carried_out_minutes;
    v.lapses_on = y.lapses_on;
    v.entitlement_explanation = y.entitlement.explanation;
    v.explanation = y.explanation;
    return v;
}

long long remaining_if_approved(const YearView& v, const CivilDate& date, long long minutes) {
    if (date.year() != v.year) return v.remaining_minutes;
    return std::max(0LL, v.remaining_minutes - minutes);
}

}  // namespace ll
