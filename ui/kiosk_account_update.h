// State transitions of the app's kiosk section, called by update_workspace for every
// KioskAccountAction; pure like it, so the section is tested without a browser.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

// HR and operators manage kiosk displays and plan trainings with places (the server checks again).
bool may_manage_kiosks(const AppState& s);
std::vector<Command> update_kiosk_account(AppState& s, const KioskAccountAction& action);
// What opening the section loads: the badge (people with a worker record), the trainings with
// places, and for HR the displays.
std::vector<Command> load_kiosk_account(AppState& s);
// HR opened a worker from the team table: their badge is loaded to be shown and changed.
std::vector<Command> load_worker_badge(AppState& s, const std::string& worker_id);

}  // namespace ll::ui
