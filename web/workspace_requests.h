// The employer workspace's requests and answers: which API call each workspace command is, and
// which action its answer becomes. Plain C++ (tested natively with the ApiClient's fake transport).
#pragma once
#include <string>
#include <string_view>

#include "api_client.h"

namespace ll::web {

// Saving a file and choosing one are the browser's own work, not API requests.
bool is_host_command(const ui::WorkspaceCommand& command);
HttpRequest workspace_request(const ui::WorkspaceCommand& command, const std::string& csrf_token);
ui::Action workspace_answer(const ui::WorkspaceCommand& command, int status, std::string_view body);

}  // namespace ll::web
