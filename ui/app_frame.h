// One frame of the whole app: a full-viewport window with the current screen. The host calls
// it between ImGui::NewFrame() and ImGui::Render() and applies the actions it returns.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

// Returns true while the page is still moving on its own (a flick's inertia): the host keeps
// rendering frames until it stops.
bool draw_app_frame(const AppState& state, std::vector<Action>& out);

// Scrolls the page on the next frame so that an item (its top and bottom in display pixels) sits
// well inside the screen: keyboard and screen-reader focus moving down the page brings the next
// items into view (items off screen are not drawn, so they could not be reached otherwise).
void reveal_on_next_frame(float top, float bottom);

}  // namespace ll::ui
