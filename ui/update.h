// The one place the app state changes: apply an action, return the commands the host must run.
// Pure and deterministic, so it is tested natively without a browser.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app_state.h"

namespace ll::ui {

// A state on `today` in `language`, showing today's year once signed in; start() asks who is signed in.
AppState initial_state(const CivilDate& today, int first_year, int last_year, Language language = Language::en);
std::vector<Command> start(AppState& state);
std::vector<Command> update(AppState& state, const Action& action);
// Actions that send a write (a submission, a decision, a fulfilment) carry an idempotency key; the
// host, which has the randomness, fills in `fresh()` where the screen left it empty.
Action with_key(Action action, const std::function<std::string()>& fresh);

}  // namespace ll::ui
