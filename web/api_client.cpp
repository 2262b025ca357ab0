// Request building and answer decoding for the app. Decoding goes through the core wire format;
// anything unexpected becomes a RequestFailed with a plain message, never a crash.
#include "api_client.h"

#include <cctype>

#include "json_reader.h"
#include "wire.h"

namespace ll::web {
namespace {

std::string url_component(std::string_view s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

Error answer_error(int status, std::string_view body) {
    if (status == 0) return make_error("offline", "no connection to the server");
    if (auto j = parse_json(body); j.ok())
        if (auto e = wire::error_from_json(*j)) return *e;
    return make_error("server_error", "the server answered with status " + std::to_string(status));
}

}  // namespace

void ApiClient::send(const ui::Command& command) {
    int id = next_id_++;
    in_flight_.emplace(id, command);
    const auto& fetch = std::get<ui::FetchEntitlement>(command);
    transport_(id, HttpRequest{"GET",
                               "/api/v1/workers/" + url_component(fetch.worker_id) +
                                   "/entitlement?year=" + std::to_string(fetch.year),
                               {}});
}

void ApiClient::on_response(int request_id, int status, std::string_view body) {
    auto it = in_flight_.find(request_id);
    if (it == in_flight_.end()) return;  // unknown or duplicate answer
    ui::Command command = std::move(it->second);
    in_flight_.erase(it);
    dispatch_(entitlement_answer(std::get<ui::FetchEntitlement>(command).year, status, body));
}

ui::Action entitlement_answer(int year, int status, std::string_view body) {
    if (status != 200) return ui::RequestFailed{year, answer_error(status, body)};
    auto j = parse_json(body);
    if (!j) return ui::RequestFailed{year, make_error("server_error", "the server sent an unreadable answer")};
    auto e = wire::entitlement_from_json(*j);
    if (!e) return ui::RequestFailed{year, make_error("server_error", "the server sent an unexpected answer")};
    if (e->year != year) return ui::RequestFailed{year, make_error("server_error", "the server answered for another year")};
    return ui::EntitlementLoaded{std::move(*e)};
}

}  // namespace ll::web
