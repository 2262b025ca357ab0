// The wire format of the employer workspace: approval inbox items, team rows and the compliance
// report, encoded by the server and decoded by the app through the same functions.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compliance.h"
#include "import_plan.h"
#include "records.h"
#include "result.h"
#include "team_row.h"

namespace ll::wire {

nlohmann::json to_json(const ApprovalItem& a);
nlohmann::json to_json(const TeamRow& r);
nlohmann::json to_json(const ComplianceReport& r);
nlohmann::json to_json(const ApprovalPage& p);                         // {"items":[...],"total":n}
Result<ApprovalPage> approvals_from_json(const nlohmann::json& j);
Result<std::vector<TeamRow>> team_from_json(const nlohmann::json& j);            // {"year","items":[...]}
Result<ComplianceReport> compliance_from_json(const nlohmann::json& j);
// An import plan: row by row what the dry run would do, or what applying did (`dry_run` false).
// It is written as text row by row because a file of 100,000 rows as one JSON tree would take
// twenty times the memory of its text.
std::string to_json_text(const ImportPlan& plan, bool dry_run);
Result<ImportPlan> import_plan_from_json(const nlohmann::json& j);
// The signed-in person's notifications, newest first: {"unread": n, "items": [...]}.
nlohmann::json to_json(const std::vector<NotificationItem>& items);
Result<std::vector<NotificationItem>> notifications_from_json(const nlohmann::json& j);

}  // namespace ll::wire
