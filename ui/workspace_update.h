// State transitions of the employer workspace (inbox, team, cockpit); called by update() for
// every WorkspaceAction, pure like it, so the workspace is tested without a browser.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

// Whether the signed-in person may open a section (the server checks again on every request).
bool may_open(const AppState& s, Section section);
std::vector<Command> update_workspace(AppState& s, const WorkspaceAction& action);
// The commands that (re)load what a section shows.
std::vector<Command> load_section(AppState& s);
// Loads the reminders (at sign-in too, for the unread count in the account bar).
std::vector<Command> load_messages(AppState& s);
std::vector<Command> load_plan(AppState& s);

}  // namespace ll::ui
