// HR's imports (payroll, a provider's trainings, opening balances): pick a file, read the dry run
// row by row (new, changed, unchanged, refused with line, column and reason), then apply it.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_import_screen(const AppState& state, std::vector<Action>& out);

}  // namespace ll::ui
