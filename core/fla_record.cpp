// Days are the fold's minutes divided by the worker's minutes per day, kept exact.
#include "fla_record.h"

#include "entitlement.h"
#include "team_row.h"

namespace ll {
FlaRecord fla_record(const WorkerRecord& w, const std::vector<EmploymentPeriod>& employment, const Balance& balance,
                     const std::vector<EntryRecord>& entries, const CivilDate& day, const std::string& enterprise_number,
                     const std::optional<Rational>& company_fte) {
    FlaRecord r;
    r.enterprise_number = enterprise_number;
    r.worker_id = w.id;
    r.national_number = w.national_number.value_or("");
    r.name = w.display_name;
    r.joint_committee = w.joint_committee;
    r.company_fte = company_fte;
    r.work_regime = fraction_on(employment, day);
    if (balance.years.empty()) return r;
    const YearBalance& y = balance.years.back();
    const long long per_day = balance.minutes_per_day;
    r.year = y.year;
    r.basis = y.entitlement.basis;
    r.entitled_days = minutes_as_days(y.entitled_minutes, per_day);
    r.complementary_days = minutes_as_days(y.complementary_minutes, per_day);
    r.carried_in_days = minutes_as_days(y.carried_in_minutes, per_day);
    r.followed_days = minutes_as_days(y.used_minutes, per_day);
    r.pending_days = minutes_as_days(y.pending_minutes, per_day);
    r.remaining_days = minutes_as_days(y.remaining_minutes, per_day);
    for (const auto& e : entries)
        if (e.entry.kind == EntryKind::training && e.entry.status == EntryStatus::approved && e.entry.counts_for_right &&
            e.entry.date.year() == y.year) {
            ++r.trainings;
            r.training_minutes += e.entry.minutes;
        }
    return r;
}

}  // namespace ll
