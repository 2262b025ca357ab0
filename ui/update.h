// The one place the app state changes: apply an action, return the commands the host must run.
// Pure and deterministic, so it is tested natively without a browser.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

// A state for `worker_id` on `today`, showing today's year; the first command loads it.
AppState initial_state(const CivilDate& today, std::string worker_id, int first_year, int last_year);
std::vector<Command> start(AppState& state);
std::vector<Command> update(AppState& state, const Action& action);

}  // namespace ll::ui
