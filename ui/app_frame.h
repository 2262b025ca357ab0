// One frame of the whole app: a full-viewport window with the current screen. The host calls
// it between ImGui::NewFrame() and ImGui::Render() and applies the actions it returns.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

// Returns true while the page is still moving on its own (a flick's inertia): the host keeps
// rendering frames until it stops.
bool draw_app_frame(const AppState& state, std::vector<Action>& out);

}  // namespace ll::ui
