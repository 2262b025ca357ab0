// The approval inbox: submitted trainings of the people the signed-in manager (or HR) decides on,
// each with its effect on the worker's balance, approve / reject with a reason, bulk approval with
// one confirmation, certificate previews and keyboard shortcuts on desktop.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_approvals_screen(const AppState& state, std::vector<Action>& out);

}  // namespace ll::ui
