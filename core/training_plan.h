// The yearly training plan (employers of 20 or more): planned formal and informal trainings per
// target group (everyone, women, men, the risk groups 50+, under 26, disabled and foreign
// nationality, bottleneck jobs), how it is evaluated, and what was realised from the ledger.
// The plan holds no personal data; its export shows groups only, small realised counts hidden.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "civil_date.h"
#include "result.h"
#include "rule_set.h"

namespace ll {

enum class PlanGroup { everyone, women, men, age_50_plus, under_26, disabled, foreign_nationality, bottleneck_jobs };

struct PlanLine {
    PlanGroup group = PlanGroup::everyone;
    std::string training_type = "formal";  // formal or informal
    std::string description;               // what is planned ("forklift refresher, warehouse")
    int workers = 0;                       // planned participants
    long long minutes = 0;                 // planned training time in total
};

struct TrainingPlan {
    int year = 0;
    CivilDate from, to;      // at least one year
    std::string evaluation;  // how the plan is evaluated
    std::vector<PlanLine> lines;
    std::optional<CivilDate> advice_on;  // the works council's advice
    std::optional<CivilDate> filed_on;   // filed with the FPS Employment
    std::int64_t version = 0;            // 0: not stored yet
};

// What the ledger says about one worker for the realised figures: nothing that names them.
struct PlanPerson {
    std::string gender;                   // "female", "male" or ""
    std::optional<CivilDate> birth_date;  // from the national number, when it tells
    struct Training {
        CivilDate date;
        std::string training_type;
        long long minutes = 0;
    };
    std::vector<Training> trainings;  // approved trainings
};

struct LineProgress {
    bool known = false;  // false for groups the ledger does not record (disabled, nationality, bottleneck jobs)
    int workers = 0;     // distinct people of the group with a training of the line's type in the plan period
    long long minutes = 0;
};

// Realised figures per line, for trainings inside the plan's period; age on the plan's first day.
std::vector<LineProgress> plan_progress(const TrainingPlan& plan, const std::vector<PlanPerson>& people);

// The plan's deadlines: those of the rule set's training-plan obligations for the plan's year (the
// works council's advice, the plan itself), and its filing within a month of its first day.
struct PlanDeadline {
    std::string obligation_id, name;  // name: the rule set's English (a catalog key); filing: "Filing"
    CivilDate deadline;
};
std::vector<PlanDeadline> plan_deadlines(const RuleSet& rules, const TrainingPlan& plan);

// Realised counts below this are shown as "<5" in the export (and their hours left empty): a group
// of one or two is a person.
constexpr int smallest_shown_count = 5;
// The anonymised plan as a table (for the FPS Employment and the works council): one row per line.
std::vector<std::string> training_plan_columns();
std::vector<std::vector<std::string>> training_plan_rows(const TrainingPlan& plan, const std::vector<LineProgress>& progress);

nlohmann::json to_json(const TrainingPlan& plan, const std::vector<LineProgress>& progress);
// A plan as HR sends it (with the version edited, 0 for a new one; no progress): fields named in
// errors ("lines[2].workers").
// Descriptions and the evaluation may not hold a national number.
Result<TrainingPlan> training_plan_from_json(const nlohmann::json& j);
// The plan as the server answers it, with the realised figures (the client's side).
Result<std::pair<TrainingPlan, std::vector<LineProgress>>> training_plan_answer_from_json(const nlohmann::json& j);

const char* to_string(PlanGroup g);
std::optional<PlanGroup> plan_group_from(const std::string& s);

}  // namespace ll
