// Answers are decoded by the core's workspace wire format; anything unexpected becomes a failure
// action with a plain message, never a crash or a figure made up.
#include "workspace_requests.h"

#include "json_reader.h"
#include "kiosk_account_requests.h"
#include "overloaded.h"
#include "wire.h"
#include "workspace_wire.h"

namespace ll::web {

using nlohmann::json;

namespace {

using Header = std::pair<std::string, std::string>;

std::string import_path(ImportKind kind) { return std::string("/api/v1/imports/") + to_string(kind); }
std::string import_type(bool json) { return json ? "application/json" : "text/csv"; }

// The decoded body of a successful answer, or the error it carries.
template <class T, class Decode>
Result<T> decoded(int status, int expected, std::string_view body, Decode decode) {
    if (status != expected) return answer_error(status, body);
    auto j = parse_json(body);
    if (!j) return unexpected_answer();
    auto v = decode(*j);
    if (!v) return unexpected_answer();
    return std::move(*v);
}

}  // namespace

bool is_host_command(const ui::WorkspaceCommand& command) {
    return std::holds_alternative<ui::SaveFile>(command) || std::holds_alternative<ui::OpenImportPicker>(command);
}

HttpRequest workspace_request(const ui::WorkspaceCommand& command, const std::string& csrf_token) {
    const Header csrf{"X-CSRF-Token", csrf_token};
    return std::visit(
        Overloaded{
            [](const ui::FetchApprovals& c) { return HttpRequest{"GET", "/api/v1/approvals?limit=" + std::to_string(c.limit), {}, {}}; },
            [&](const ui::SendDecision& c) {
                const json body = c.approve ? json::object() : json{{"reason", c.reason}};
                return HttpRequest{"POST", "/api/v1/entries/" + c.id + (c.approve ? "/approve" : "/reject"), body.dump(),
                                   {csrf, {"Idempotency-Key", c.key}}};
            },
            [&](const ui::SendBulkApprove& c) {
                return HttpRequest{"POST", "/api/v1/entries/bulk-approve", json{{"ids", c.ids}}.dump(), {csrf, {"Idempotency-Key", c.key}}};
            },
            [](const ui::FetchTeam& c) { return HttpRequest{"GET", "/api/v1/team?year=" + std::to_string(c.year), {}, {}}; },
            [](const ui::FetchWorkerYear& c) {
                return HttpRequest{"GET", "/api/v1/workers/" + c.worker_id + "/balance?year=" + std::to_string(c.year), {}, {}};
            },
            [](const ui::FetchCompliance& c) {
                return HttpRequest{"GET", c.date.empty() ? "/api/v1/compliance" : "/api/v1/compliance?date=" + c.date, {}, {}};
            },
            [&](const ui::SendFulfilment& c) {
                json body{{"obligation_id", c.obligation_id}, {"trigger", c.trigger}};
                if (!c.worker_id.empty()) body["worker_id"] = c.worker_id;
                return HttpRequest{"POST", "/api/v1/compliance/fulfilments", body.dump(), {csrf, {"Idempotency-Key", c.key}}};
            },
            // A CSV goes as text/csv whatever the system calls it (Windows says application/vnd.ms-excel).
            [&](const ui::SendImportDryRun& c) {
                return HttpRequest{"POST", import_path(c.kind) + "/dry-run", {}, {csrf, {"Content-Type", import_type(c.json)}},
                                   HttpRequest::File::import};
            },
            [&](const ui::SendImportApply& c) {
                return HttpRequest{"POST", import_path(c.kind), {}, {csrf, {"Idempotency-Key", c.key}, {"Content-Type", import_type(c.json)}},
                                   HttpRequest::File::import};
            },
            [&](const ui::FetchPlan& c) { return HttpRequest{"GET", "/api/v1/training-plan?year=" + std::to_string(c.year), {}, {}}; },
            [&](const ui::SendPlan& c) {
                return HttpRequest{"PUT", "/api/v1/training-plan", to_json(c.plan, {}).dump(), {csrf, {"Idempotency-Key", c.key}}};
            },
            [&](const ui::FetchMessages&) { return HttpRequest{"GET", "/api/v1/notifications", {}, {}}; },
            [&](const ui::KioskAccountCommand& c) { return kiosk_account_request(c, csrf_token); },
            [&](const ui::SendMessageRead& c) {
                return HttpRequest{"POST", "/api/v1/notifications/" + std::to_string(c.id) + "/read", "{}", {csrf}};
            },
            [](const ui::SaveFile&) { return HttpRequest{}; },          // host commands (is_host_command)
            [](const ui::OpenImportPicker&) { return HttpRequest{}; },
        },
        command);
}

ui::Action workspace_answer(const ui::WorkspaceCommand& command, int status, std::string_view body) {
    using ui::WorkspaceAction;
    using ui::WorkspaceFailed;
    using ui::WorkspacePart;
    return std::visit(
        Overloaded{
            [&](const ui::FetchApprovals&) -> ui::Action {
                auto page = decoded<ApprovalPage>(status, 200, body, wire::approvals_from_json);
                if (!page) return WorkspaceAction{WorkspaceFailed{WorkspacePart::inbox, page.error()}};
                return WorkspaceAction{ui::InboxLoaded{std::move(page->items), page->total}};
            },
            [&](const ui::SendDecision& c) -> ui::Action {
                auto entry = decoded<EntryRecord>(status, 200, body, [](const json& j) { return wire::entry_from_json(j); });
                if (!entry) return WorkspaceAction{ui::DecisionFailed{{c.id}, entry.error()}};
                return WorkspaceAction{ui::Decided{{std::move(*entry)}}};
            },
            [&](const ui::SendBulkApprove& c) -> ui::Action {
                auto entries = decoded<std::vector<EntryRecord>>(status, 200, body, [](const json& j) -> Result<std::vector<EntryRecord>> {
                    if (!j.is_object() || !j.contains("items") || !j["items"].is_array()) return unexpected_answer();
                    std::vector<EntryRecord> out;
                    for (const auto& e : j["items"]) {
                        auto r = wire::entry_from_json(e);
                        if (!r) return r.error();
                        out.push_back(std::move(*r));
                    }
                    return out;
                });
                if (!entries) return WorkspaceAction{ui::DecisionFailed{c.ids, entries.error()}};
                return WorkspaceAction{ui::Decided{std::move(*entries)}};
            },
            [&](const ui::FetchTeam& c) -> ui::Action {
                auto rows = decoded<std::vector<TeamRow>>(status, 200, body, wire::team_from_json);
                if (!rows) return WorkspaceAction{WorkspaceFailed{WorkspacePart::team, rows.error()}};
                return WorkspaceAction{ui::TeamLoaded{c.year, std::move(*rows)}};
            },
            [&](const ui::FetchWorkerYear& c) -> ui::Action {
                auto view = decoded<YearView>(status, 200, body, wire::year_view_from_json);
                if (!view) return WorkspaceAction{WorkspaceFailed{WorkspacePart::worker, view.error()}};
                return WorkspaceAction{ui::WorkerYearLoaded{c.worker_id, std::move(*view)}};
            },
            [&](const ui::FetchCompliance&) -> ui::Action {
                auto report = decoded<ComplianceReport>(status, 200, body, wire::compliance_from_json);
                if (!report) return WorkspaceAction{WorkspaceFailed{WorkspacePart::compliance, report.error()}};
                return WorkspaceAction{ui::ComplianceLoaded{std::move(*report)}};
            },
            [&](const ui::SendFulfilment& c) -> ui::Action {
                if (status != 201) return WorkspaceAction{WorkspaceFailed{WorkspacePart::compliance, answer_error(status, body)}};
                return WorkspaceAction{ui::MarkedDone{c.obligation_id, c.trigger, c.worker_id}};
            },
            [&](const ui::SendImportDryRun&) -> ui::Action {
                auto plan = decoded<ImportPlan>(status, 200, body, wire::import_plan_from_json);
                if (!plan) return WorkspaceAction{WorkspaceFailed{WorkspacePart::import, plan.error()}};
                return WorkspaceAction{ui::ImportPlanned{std::move(*plan)}};
            },
            [&](const ui::SendImportApply&) -> ui::Action {
                auto plan = decoded<ImportPlan>(status, 201, body, wire::import_plan_from_json);
                if (!plan) return WorkspaceAction{WorkspaceFailed{WorkspacePart::import, plan.error()}};
                return WorkspaceAction{ui::ImportApplied{std::move(*plan)}};
            },
            [&](const ui::FetchPlan&) -> ui::Action {
                auto plan = decoded<std::pair<TrainingPlan, std::vector<LineProgress>>>(status, 200, body, training_plan_answer_from_json);
                if (!plan) return WorkspaceAction{WorkspaceFailed{WorkspacePart::plan, plan.error()}};
                return WorkspaceAction{ui::PlanLoaded{std::move(plan->first), std::move(plan->second)}};
            },
            [&](const ui::SendPlan&) -> ui::Action {
                auto plan = decoded<std::pair<TrainingPlan, std::vector<LineProgress>>>(status, 200, body, training_plan_answer_from_json);
                if (!plan) return WorkspaceAction{WorkspaceFailed{WorkspacePart::plan, plan.error()}};
                return WorkspaceAction{ui::PlanSaved{std::move(plan->first), std::move(plan->second)}};
            },
            [&](const ui::FetchMessages&) -> ui::Action {
                auto items = decoded<std::vector<NotificationItem>>(status, 200, body, wire::notifications_from_json);
                if (!items) return WorkspaceAction{WorkspaceFailed{WorkspacePart::messages, items.error()}};
                return WorkspaceAction{ui::MessagesLoaded{std::move(*items)}};
            },
            [&](const ui::SendMessageRead& c) -> ui::Action {
                if (status != 200) return WorkspaceAction{WorkspaceFailed{WorkspacePart::messages, answer_error(status, body)}};
                return WorkspaceAction{ui::MessageRead{c.id}};
            },
            [&](const ui::KioskAccountCommand& c) -> ui::Action { return kiosk_account_answer(c, status, body); },
            [](const auto&) -> ui::Action { return ui::WorkspaceAction{ui::WorkspaceFailed{ui::WorkspacePart::import, unexpected_answer()}}; },
        },
        command);
}

}  // namespace ll::web
