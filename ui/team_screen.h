// The team and company view: every worker the signed-in manager or HR may see, with the year's
// right, use, waiting and remaining time, 5-year progress and flags; filters, sorting, and a
// drill-down to one worker's ledger with its explanation lines.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_team_screen(const AppState& state, std::vector<Action>& out);

}  // namespace ll::ui
