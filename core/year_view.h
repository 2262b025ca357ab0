// The view of one worker's year that the app shows: the figures of the ledger fold, their
// explanation lines, the 5-year periods and the year's entries, in one value.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ledger.h"
#include "records.h"

namespace ll {

// GET /me/balance and /workers/{id}/balance answer with this.
struct YearView {
    std::string worker_id;
    int year = 0;
    long long minutes_per_day = 0;
    Rational entitled_days;
    long long entitled_minutes = 0, complementary_minutes = 0, carried_in_minutes = 0, credit_minutes = 0, used_minutes = 0,
              pending_minutes = 0, beyond_right_minutes = 0, remaining_minutes = 0, expired_minutes = 0, carried_out_minutes = 0;
    std::optional<CivilDate> lapses_on;  // see YearBalance
    Explanation entitlement_explanation, explanation;
    std::vector<PeriodProgress> periods;
    std::optional<EndOfContract> end_of_contract;
    std::vector<EntryRecord> entries;
};

// What would remain of the year shown if a training of `minutes` on `date` were approved: the
// preview the app shows before sending. Trainings of other years leave this year unchanged.
long long remaining_if_approved(const YearView& v, const CivilDate& date, long long minutes);

// The view of `year` from a folded balance (the year must be the balance's last) and that year's entries.
YearView year_view(const std::string& worker_id, const Balance& balance, std::vector<EntryRecord> entries);

}  // namespace ll
