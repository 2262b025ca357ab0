// The worker's balance screen: the training right of a year, its derivation, year navigation.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_balance_screen(const AppState& state, std::vector<Action>& out);

// "3 days", "1 day", "2.5 days": exact value shown to two decimals at most.
std::string days_text(const Rational& days);

}  // namespace ll::ui
