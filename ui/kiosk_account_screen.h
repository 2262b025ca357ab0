// The app's kiosk section: your badge and PIN, trainings with free places, and for HR the kiosk
// displays and the trainings with places they plan.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_kiosk_account_screen(const AppState& state, std::vector<Action>& out);

}  // namespace ll::ui
