// Workspace data for UI tests: manager and HR sessions, an inbox, a team of any size and a
// compliance report evaluated by the real core on the shipped rule set.
#pragma once
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

}  // namespace ll::test
