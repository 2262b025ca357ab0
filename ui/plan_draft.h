// The training plan between what HR types and what the server stores: a plan as editable text,
// and the text read back into a plan, each problem naming its field ("lines[1].hours").
#pragma once
#include "result.h"
#include "training_plan.h"
#include "workspace_state.h"

namespace ll::ui {

PlanDraft draft_of(const TrainingPlan& plan);
Result<TrainingPlan> plan_from_draft(const PlanDraft& draft, int year, std::int64_t version);

}  // namespace ll::ui
