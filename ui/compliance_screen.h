// The compliance cockpit: the obligations of the employer and its workers on a chosen day (today
// by default) as the law stood then, each with its deadline, status (done, due in N days,
// overdue, upcoming), what to do, its source, and a way to record it as done.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_compliance_screen(const AppState& state, std::vector<Action>& out);

}  // namespace ll::ui
