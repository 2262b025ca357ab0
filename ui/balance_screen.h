// The worker's year: what is left of the training right, what was followed and is waiting, what
// was carried in, progress over the 5-year period, every figure's derivation, and the history.
#pragma once
#include <string>
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_balance_screen(const AppState& state, std::vector<Action>& out);

// One entry of a history: certificate picture, title, date, duration, type, status, provider, reason.
void draw_history_entry(const AppState& state, const EntryRecord& e);

}  // namespace ll::ui
