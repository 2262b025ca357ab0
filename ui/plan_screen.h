// HR's yearly training plan: its deadlines, the period, a line per target group and training type
// with what is planned and what the ledger realised, the evaluation, saving, the anonymised export.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_plan_screen(const AppState& state, std::vector<Action>& out);

}  // namespace ll::ui
