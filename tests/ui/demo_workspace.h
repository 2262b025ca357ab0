// Workspace data for UI tests: manager and HR sessions, an inbox, a team of any size and a
// compliance report evaluated by the real core on the shipped rule set; and running actions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app_state.h"

namespace ll::test {

SessionInfo manager_session();
SessionInfo hr_session();
std::vector<ApprovalItem> demo_inbox();  // three submissions, one with a certificate
std::vector<TeamRow> demo_team(int workers, int year = 2026);
ComplianceReport demo_compliance(const char* day);
// A state signed in as `session` (manager or HR) on 2026-12-01.
ui::AppState workspace_state(const SessionInfo& session, ui::Language language = ui::Language::en);

// Applies actions as the host would (idempotency keys filled with `key`); returns the commands.
std::vector<ui::Command> run_actions(ui::AppState& s, const std::vector<ui::Action>& actions, const std::string& key = "key-2");

// The first workspace command of type T among `commands`.
template <class T>
std::optional<T> command_of(const std::vector<ui::Command>& commands) {
    for (const auto& c : commands)
        if (const auto* w = std::get_if<ui::WorkspaceCommand>(&c))
            if (const auto* t = std::get_if<T>(w)) return *t;
    return std::nullopt;
}

}  // namespace ll::test
