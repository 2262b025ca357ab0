// The sign-in screen: e-mail, password, a clear error, and a button that says what it does.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_sign_in_screen(const AppState& state, std::vector<Action>& out);

}  // namespace ll::ui
