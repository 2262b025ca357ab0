// Request building and answer decoding for the app. Decoding goes through the core wire format;
// anything unexpected becomes a failure action with a plain message, never a crash.
#include "api_client.h"

#include "json_reader.h"
#include "overloaded.h"
#include "wire.h"

namespace ll::web {
Error answer_error(int status, std::string_view body) {
    if (status == 0) return make_error("offline", "no connection to the server");
    if (auto j = parse_json(body); j.ok())
        if (auto e = wire::error_from_json(*j)) return *e;
    return make_error("server_error", "the server answered with status " + std::to_string(status));
}

HttpRequest ApiClient::request_for(const ui::Command& command) const {
    return std::visit(
        Overloaded{
            [](const ui::CheckSession&) { return HttpRequest{"GET", "/api/v1/me", {}, {}}; },
            [](const ui::SendSignIn& c) {
                return HttpRequest{"POST", "/api/v1/session", nlohmann::json{{"email", c.email}, {"password", c.password}}.dump(), {}};
            },
            [this](const ui::SendSignOut&) {
                return HttpRequest{"DELETE", "/api/v1/session", {}, {{"X-CSRF-Token", csrf_token_}}};
            },
            [](const ui::FetchYear& c) { return HttpRequest{"GET", "/api/v1/me/balance?year=" + std::to_string(c.year), {}, {}}; },
            [](const ui::RememberLanguage&) { return HttpRequest{}; },  // not an API command (see send)
        },
        command);
}

ui::Action ApiClient::answer_for(const ui::Command& command, int status, std::string_view body) {
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
            [&](const ui::CheckSession&) -> ui::Action { return ui::SessionChecked{session()}; },
            [&](const ui::SendSignIn&) -> ui::Action {
                if (auto s = session()) return ui::SignedIn{*s};
                return ui::SignInFailed{status == 200 ? make_error("server_error", "the server sent an unexpected answer")
                                                      : answer_error(status, body)};
            },
            [&](const ui::SendSignOut&) -> ui::Action {
                csrf_token_.clear();
                return ui::SessionChecked{std::nullopt};
            },
            [&](const ui::FetchYear& c) -> ui::Action { return year_answer(c.year, status, body); },
            [&](const ui::RememberLanguage& c) -> ui::Action { return ui::SetLanguage{c.language}; },
        },
        command);
}

void ApiClient::send(const ui::Command& command) {
    if (std::holds_alternative<ui::RememberLanguage>(command)) return;  // device storage, not the API
    int id = next_id_++;
    in_flight_.emplace(id, command);
    transport_(id, request_for(command));
}

void ApiClient::on_response(int request_id, int status, std::string_view body) {
    auto it = in_flight_.find(request_id);
    if (it == in_flight_.end()) return;  // unknown or duplicate answer
    ui::Command command = std::move(it->second);
    in_flight_.erase(it);
    dispatch_(answer_for(command, status, body));
}

ui::Action year_answer(int year, int status, std::string_view body) {
    if (status != 200) return ui::RequestFailed{year, answer_error(status, body)};
    auto j = parse_json(body);
    if (!j) return ui::RequestFailed{year, make_error("server_error", "the server sent an unreadable answer")};
    auto v = wire::year_view_from_json(*j);
    if (!v) return ui::RequestFailed{year, make_error("server_error", "the server sent an unexpected answer")};
    if (v->year != year) return ui::RequestFailed{year, make_error("server_error", "the server answered for another year")};
    return ui::YearLoaded{std::move(*v)};
}

}  // namespace ll::web
