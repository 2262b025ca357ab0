// The compliance cockpit's figures: which dated obligations an employer and its workers had on a
// chosen day (as the law stood then), their deadlines and whether each is done, due or overdue.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "civil_date.h"
#include "entitlement.h"
#include "rule_set.h"

namespace ll {

// What the evaluation needs about one worker: who, and when they were employed.
struct ComplianceWorker {
    std::string id, name;
    std::vector<EmploymentPeriod> employment;
};

// An obligation recorded as done: for one occurrence (its trigger day), and one worker when it is
// a worker duty.
struct Fulfilment {
    std::string obligation_id;
    CivilDate trigger;
    std::string worker_id;  // empty for employer duties
    CivilDate done_on;
};

struct ComplianceFacts {
    std::map<int, Rational> company_fte;  // per year; a duty with min_fte needs the size of its trigger's year
    std::vector<ComplianceWorker> workers;
    std::vector<Fulfilment> done;
};

enum class DutyStatus { done, due, overdue, upcoming };

// One occurrence of an obligation: for the employer, or for one worker.
struct Duty {
    CivilDate trigger, deadline;
    std::string worker_id, worker_name;  // worker duties only
    DutyStatus status = DutyStatus::due;
    int days_left = 0;      // deadline minus the day evaluated (negative when overdue)
    std::optional<CivilDate> done_on;
};

// All the worker duties of one obligation occurrence, counted (the cockpit shows them grouped).
// The obligation's words are copied in, so the group travels on the wire as it is.
struct DutyGroup {
    std::string obligation_id, name, action, source, applies_to;
    CivilDate trigger, deadline;
    DutyStatus status = DutyStatus::due;  // the worst of its duties: overdue > due > upcoming > done
    int days_left = 0;
    int done = 0, total = 0;
    std::vector<Duty> duties;  // one per employer duty (total 1) or per worker
};

struct ComplianceReport {
    CivilDate day;
    std::vector<DutyGroup> groups;  // by deadline, then obligation order
};

// How far the cockpit looks: occurrences whose deadline passed at most `look_back_days` ago
// (older ones are history) and whose trigger comes within `look_ahead_days`.
struct ComplianceWindow {
    int look_back_days = 366;
    int look_ahead_days = 92;
};

// The duties of `day`, using the law as it was known on `day`. A duty with a size threshold is
// left out when the company is smaller; one whose size is not recorded counts as applying (the
// cockpit would rather show a duty too many than hide one).
ComplianceReport evaluate_compliance(const RuleSet& rules, const ComplianceFacts& facts, const CivilDate& day,
                                     const ComplianceWindow& window = {});

// The days on which an obligation is triggered between two days (inclusive), in order; worker
// duties are triggered per worker and are not listed here.
std::vector<CivilDate> trigger_days(const Obligation& o, const CivilDate& from, const CivilDate& to);

// Whether `trigger` is a day on which `o` is triggered (for `worker` when it is a worker duty): a
// fulfilment must name a real occurrence.
bool is_occurrence(const Obligation& o, const ComplianceWorker* worker, const CivilDate& trigger);

const char* to_string(DutyStatus s);
std::optional<DutyStatus> duty_status_from(const std::string& s);

}  // namespace ll
