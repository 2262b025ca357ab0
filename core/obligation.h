// Dated obligations: what the law asks of employers (registrations, updates, plans, statements),
// each valid for a span of days and known from a publication date, so the duties of any day can
// be shown as they stood then. Deadlines are computed from a trigger date by rule, never by code.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "civil_date.h"
#include "rational.h"
#include "result.h"

namespace ll {

enum class ObligationTrigger {
    worker_joined,  // per worker: the first day of employment
    quarter_end,    // the last day of each calendar quarter
    year_start,     // 1 January
    year_end,       // 31 December
    fixed_date,     // once, on `trigger_date`
};

struct DeadlineRule {
    int days_after = 0;            // calendar days after the trigger
    int months_after = 0;          // whole months after the trigger (applied first)
    bool end_of_month = false;     // then move to the last day of that month
    std::optional<unsigned> month, day;  // or: a fixed day of the trigger's year (training plan: 31 March)
};

struct Obligation {
    std::string id;            // stable key, e.g. "fla.quarterly_update.v1"
    std::string name;          // English; the UI translates by id
    std::string applies_to;    // "employer" or "worker"
    std::optional<Rational> min_fte;  // only employers of at least this size (training plan: 20)
    ObligationTrigger trigger = ObligationTrigger::year_start;
    std::optional<CivilDate> trigger_date;  // for fixed_date
    DeadlineRule deadline;
    CivilDate valid_from;                 // first day the duty applies (to triggers on/after it)
    std::optional<CivilDate> valid_to;    // last day; open-ended when absent
    std::optional<CivilDate> known_from;  // publication of the text that created this version
    std::optional<CivilDate> known_to;    // the day a later text replaced or repealed it
    std::string action;                   // what to do, in one sentence
    std::string source;                   // legal basis or the source of the date

    // The deadline for a trigger on `trigger_day`.
    CivilDate deadline_for(const CivilDate& trigger_day) const;
    // In force on `day`, as the law was known on `known_on` (usually the same day).
    bool applies_on(const CivilDate& day, const CivilDate& known_on) const;
};

Result<Obligation> read_obligation(const nlohmann::json& j, const std::string& path);

// Obligations in force on `day` as known on `known_on`, in rule-set order.
std::vector<const Obligation*> obligations_on(const std::vector<Obligation>& all, const CivilDate& day,
                                              const CivilDate& known_on);

const char* to_string(ObligationTrigger t);

}  // namespace ll
