// One row of the FLA-fields export: per worker and year, the data the Federal Learning Account held
// (identity, regime, joint committee and basis of the right, days entitled, followed, remaining,
// carried, the trainings) from the same fold as every other figure. Not the official FLA schema.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ledger.h"
#include "records.h"

namespace ll {

struct FlaRecord {
    std::string enterprise_number, worker_id, national_number, name, joint_committee, basis;
    std::optional<Rational> company_fte;
    std::optional<Rational> work_regime;  // share of full time at the year's end (or the day, for this year)
    int year = 0;
    Rational entitled_days, complementary_days, carried_in_days, followed_days, pending_days, remaining_days;
    int trainings = 0;                    // approved trainings of the year that count for the right
    long long training_minutes = 0;
};

// The record of `balance`'s last year; `entries` are the worker's (any year), `day` decides the regime.
FlaRecord fla_record(const WorkerRecord& w, const std::vector<EmploymentPeriod>& employment, const Balance& balance,
                     const std::vector<EntryRecord>& entries, const CivilDate& day, const std::string& enterprise_number,
                     const std::optional<Rational>& company_fte);

}  // namespace ll
