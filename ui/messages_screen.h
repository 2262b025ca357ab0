// Everybody's reminders (deadlines for HR, waiting approvals for managers, the yearly statement and
// expiring certificates for workers), newest first, each marked read by its own button.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_messages_screen(const AppState& state, std::vector<Action>& out);

}  // namespace ll::ui
