// Request building and answer decoding for the app. Decoding goes through the core wire format;
// anything unexpected becomes a failure action with a plain message, never a crash.
#include "api_client.h"

#include "json_reader.h"
#include "overloaded.h"
#include "wire.h"
#include "workspace_requests.h"

namespace ll::web {

Error unexpected_answer() { return make_error("server_error", "the server sent an unexpected answer"); }

Error answer_error(int status, std::string_view body) {
    if (status == 0) return make_error("offline", "no connection to the server");
    if (auto j = parse_json(body); j.ok())
        if (auto e = wire::error_from_json(*j)) return *e;
    return make_error("server_error", "the server answered with status " + std::to_string(status));
}

namespace {

std::optional<std::string> uploaded_id(int status, std::string_view body) {
    if (status != 201) return std::nullopt;
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    auto id = j->find("id");
    if (id == j->end() || !id->is_string()) return std::nullopt;
    return id->get<std::string>();
}

std::optional<EntryRecord> created_entry(int status, std::string_view body) {
    if (status != 201) return std::nullopt;
    auto j = parse_json(body);
    if (!j) return std::nullopt;
    auto e = wire::entry_from_json(*j);
    return e ? std::optional<EntryRecord>(std::move(*e)) : std::nullopt;
}

}  // namespace

bool is_api_command(const ui::Command& c) {
    return std::holds_alternative<ui::CheckSession>(c) || std::holds_alternative<ui::SendSignIn>(c) ||
           std::holds_alternative<ui::SendSignOut>(c) || std::holds_alternative<ui::FetchYear>(c) ||
           std::holds_alternative<ui::SendTraining>(c) ||
           (std::holds_alternative<ui::WorkspaceCommand>(c) && !is_host_command(std::get<ui::WorkspaceCommand>(c)));
}

HttpRequest ApiClient::request_for(const InFlight& pending) const {
    const std::pair<std::string, std::string> csrf{"X-CSRF-Token", csrf_token_};
    return std::visit(
        Overloaded{
            [](const ui::CheckSession&) { return HttpRequest{"GET", "/api/v1/me", {}, {}}; },
            [](const ui::SendSignIn& c) {
                return HttpRequest{"POST", "/api/v1/session",
                                   nlohmann::json{{"email", c.email}, {"password", c.password}, {"remember", c.remember}}.dump(), {}};
            },
            [&](const ui::SendSignOut&) { return HttpRequest{"DELETE", "/api/v1/session", {}, {csrf}}; },
            [](const ui::FetchYear& c) { return HttpRequest{"GET", "/api/v1/me/balance?year=" + std::to_string(c.year), {}, {}}; },
            [&](const ui::SendTraining& c) {
                if (pending.uploading)
                    return HttpRequest{"POST", "/api/v1/certificates", {}, {csrf},
                                       c.certificate_kept ? HttpRequest::File::kept : HttpRequest::File::picked, c.key};
                return HttpRequest{"POST", "/api/v1/trainings", c.body, {csrf, {"Idempotency-Key", c.key}}};
            },
            [&](const ui::WorkspaceCommand& c) { return workspace_request(c, csrf_token_); },
            [](const auto&) { return HttpRequest{}; },  // host commands never get here (see send)
        },
        pending.command);
}

std::optional<ui::Action> ApiClient::answer_for(InFlight& pending, int status, std::string_view body) {
    auto session = [&]() -> std::optional<SessionInfo> {
        if (status != 200) return std::nullopt;
        auto j = parse_json(body);
        if (!j) return std::nullopt;
        auto s = wire::session_from_json(*j);
        if (!s) return std::nullopt;
        csrf_token_ = s->csrf_token;
        return *s;
    };
    return std::visit(
        Overloaded{
            [&](const ui::CheckSession&) -> std::optional<ui::Action> {
                if (status == 0) return ui::ConnectionLost{};
                return ui::SessionChecked{session()};
            },
            [&](const ui::SendSignIn&) -> std::optional<ui::Action> {
                if (auto s = session()) return ui::SignedIn{*s};
                return ui::SignInFailed{status == 200 ? unexpected_answer()
                                                      : answer_error(status, body)};
            },
            [&](const ui::SendSignOut&) -> std::optional<ui::Action> {
                csrf_token_.clear();
                return ui::SessionChecked{std::nullopt};
            },
            [&](const ui::FetchYear& c) -> std::optional<ui::Action> { return year_answer(c.year, status, body); },
            [&](const ui::SendTraining& c) -> std::optional<ui::Action> {
                if (pending.uploading) {
                    auto id = uploaded_id(status, body);
                    if (!id) {
                        Error e = answer_error(status, body);
                        e.field = "certificate";
                        return ui::SubmitFailed{e, c.key};
                    }
                    // Step two: the training, linked to the stored certificate.
                    auto training = *parse_json(c.body);
                    training["certificate_id"] = *id;
                    InFlight next{ui::SendTraining{training.dump(), true, c.key, c.certificate_kept}, false};
                    issue(next, request_for(next));
                    return std::nullopt;
                }
                if (auto e = created_entry(status, body)) return ui::TrainingSubmitted{std::move(*e), c.key};
                return ui::SubmitFailed{answer_error(status, body), c.key};
            },
            [&](const ui::WorkspaceCommand& c) -> std::optional<ui::Action> { return workspace_answer(c, status, body); },
            [](const auto&) -> std::optional<ui::Action> { return std::nullopt; },
        },
        pending.command);
}

void ApiClient::issue(InFlight pending, HttpRequest request) {
    int id = next_id_++;
    in_flight_.emplace(id, std::move(pending));
    transport_(id, request);
}

void ApiClient::send(const ui::Command& command) {
    if (!is_api_command(command)) return;
    InFlight pending{command, false};
    if (const auto* t = std::get_if<ui::SendTraining>(&command)) pending.uploading = t->with_certificate;
    issue(pending, request_for(pending));
}

void ApiClient::on_response(int request_id, int status, std::string_view body) {
    auto it = in_flight_.find(request_id);
    if (it == in_flight_.end()) return;  // unknown or duplicate answer
    InFlight pending = std::move(it->second);
    in_flight_.erase(it);
    if (auto action = answer_for(pending, status, body)) dispatch_(std::move(*action));
}

ui::Action year_answer(int year, int status, std::string_view body) {
    if (status != 200) return ui::RequestFailed{year, answer_error(status, body)};
    auto j = parse_json(body);
    if (!j) return ui::RequestFailed{year, make_error("server_error", "the server sent an unreadable answer")};
    auto v = wire::year_view_from_json(*j);
    if (!v) return ui::RequestFailed{year, unexpected_answer()};
    if (v->year != year) return ui::RequestFailed{year, make_error("server_error", "the server answered for another year")};
    return ui::YearLoaded{std::move(*v)};
}

}  // namespace ll::web
