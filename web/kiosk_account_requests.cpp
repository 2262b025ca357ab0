// A PIN travels once, in the body of a PUT, and is never part of a path; a display's token comes
// back once in the answer that created it. Answers are decoded strictly; anything else fails plainly.
#include "kiosk_account_requests.h"

#include <nlohmann/json.hpp>

#include "json_reader.h"
#include "kiosk_wire.h"
#include "overloaded.h"

namespace ll::web {

using nlohmann::json;

namespace {

using Header = std::pair<std::string, std::string>;

ui::Action failed(std::string id, Error e) { return ui::WorkspaceAction{ui::KioskAccountAction{ui::KioskAccountFailed{std::move(id), std::move(e)}}}; }
ui::Action done(ui::KioskAccountAction a) { return ui::WorkspaceAction{std::move(a)}; }
Result<ui::BadgeInfo> badge_from(const json& j) {
    JsonReader r(j);
    auto pin_set = r.boolean("pin_set", true);
    auto locked = r.integer("locked_seconds", true, 0, INT32_MAX);
    const json* badge = r.member("badge", false, json::value_t::string);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    return ui::BadgeInfo{badge ? std::optional<std::string>(badge->get<std::string>()) : std::nullopt, *pin_set, *locked};
}

Result<ui::PlannedSession> planned_from(json j, const std::string& path) {
    bool mine = false;
    if (j.is_object() && j.contains("enrolled_by_me")) {
        mine = j["enrolled_by_me"].is_boolean() && j["enrolled_by_me"].get<bool>();
        j.erase("enrolled_by_me");
    }
    auto s = wire::training_session_from_json(j, path);
    if (!s) return s.error();
    return ui::PlannedSession{std::move(*s), mine};
}

Result<ui::KioskDeviceInfo> device_from(const json& j, const std::string& path) {
    JsonReader r(j, path);
    auto id = r.string("id", true, 64);
    auto site = r.string("site", true, 100);
    auto revoked = r.boolean("revoked", false);
    const json* languages = r.member("languages", false, json::value_t::array);
    r.string("token", false, 100);  // only in the answer that created it; read by the caller
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    ui::KioskDeviceInfo d{*id, *site, {}, revoked.value_or(false)};
    if (languages)
        for (const auto& l : *languages)
            if (l.is_string()) d.languages.push_back(l.get<std::string>());
    return d;
}

template <class T, class F>
Result<std::vector<T>> items_from(const json& j, F one) {
    if (!j.is_object() || !j.contains("items") || !j["items"].is_array()) return unexpected_answer();
    std::vector<T> out;
    for (size_t i = 0; i < j["items"].size(); ++i) {
        auto v = one(j["items"][i], "items[" + std::to_string(i) + "]");
        if (!v) return v.error();
        out.push_back(std::move(*v));
    }
    return out;
}

// The JSON of a successful answer (status `expected`), or the error to show.
Result<json> body_of(int status, int expected, std::string_view body) {
    if (status != expected) return answer_error(status, body);
    auto j = parse_json(body);
    if (!j) return unexpected_answer();
    return std::move(*j);
}

json session_body(const ui::SessionDraft& d) {
    json out = {{"site", d.site}, {"title", d.title}, {"date", d.date}, {"start", d.start}};
    // Numbers as typed are sent as numbers when they are; otherwise as text, which the server
    // refuses naming the field (the app shows that message).
    auto number = [](const std::string& text) -> json {
        if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return text;
        return std::stoll(text);
    };
    out["minutes"] = number(d.minutes);
    out["places"] = number(d.places);
    return out;
}

}  // namespace

HttpRequest kiosk_account_request(const ui::KioskAccountCommand& command, const std::string& csrf_token) {
    const Header csrf{"X-CSRF-Token", csrf_token};
    return std::visit(
        Overloaded{
            [](const ui::FetchMyBadge&) { return HttpRequest{"GET", "/api/v1/me/kiosk", {}, {}}; },
            [](const ui::FetchSessions&) { return HttpRequest{"GET", "/api/v1/training-sessions", {}, {}}; },
            [](const ui::FetchKioskDevices&) { return HttpRequest{"GET", "/api/v1/kiosk-devices", {}, {}}; },
            [&](const ui::SendPin& c) { return HttpRequest{"PUT", "/api/v1/me/kiosk-pin", json{{"pin", c.pin}}.dump(), {csrf}}; },
            [&](const ui::SendPlace& c) {
                return HttpRequest{c.take ? "POST" : "DELETE", "/api/v1/training-sessions/" + c.id + "/enrolment", {}, {csrf}};
            },
            [&](const ui::SendNewDevice& c) {
                return HttpRequest{"POST", "/api/v1/kiosk-devices", json{{"site", c.site}, {"languages", c.languages}}.dump(),
                                   {csrf, {"Idempotency-Key", c.key}}};
            },
            [&](const ui::SendRevokeDevice& c) { return HttpRequest{"DELETE", "/api/v1/kiosk-devices/" + c.id, {}, {csrf}}; },
            [&](const ui::SendSession& c) {
                return HttpRequest{"POST", "/api/v1/training-sessions", session_body(c.draft).dump(), {csrf, {"Idempotency-Key", c.key}}};
            },
            [&](const ui::SendCancelSession& c) { return HttpRequest{"DELETE", "/api/v1/training-sessions/" + c.id, {}, {csrf}}; },
            [](const ui::FetchWorkerBadge& c) { return HttpRequest{"GET", "/api/v1/workers/" + c.worker_id + "/badge", {}, {}}; },
            [&](const ui::SendWorkerBadge& c) {
                // An empty field takes the badge back; otherwise the number is given (or changed).
                if (c.badge.empty()) return HttpRequest{"DELETE", "/api/v1/workers/" + c.worker_id + "/badge", {}, {csrf}};
                return HttpRequest{"PUT", "/api/v1/workers/" + c.worker_id + "/badge", json{{"badge", c.badge}}.dump(), {csrf}};
            },
        },
        command);
}

ui::Action kiosk_account_answer(const ui::KioskAccountCommand& command, int status, std::string_view body) {
    return std::visit(
        Overloaded{
            [&](const ui::FetchMyBadge&) -> ui::Action {
                auto j = body_of(status, 200, body);
                auto b = j ? badge_from(*j) : Result<ui::BadgeInfo>(j.error());
                return b ? done(ui::BadgeLoaded{*b}) : failed("", b.error());
            },
            [&](const ui::FetchSessions&) -> ui::Action {
                auto j = body_of(status, 200, body);
                if (!j) return failed("", j.error());
                auto items = items_from<ui::PlannedSession>(*j, planned_from);
                return items ? done(ui::SessionsLoaded{std::move(*items)}) : failed("", unexpected_answer());
            },
            [&](const ui::FetchKioskDevices&) -> ui::Action {
                auto j = body_of(status, 200, body);
                if (!j) return failed("", j.error());
                auto items = items_from<ui::KioskDeviceInfo>(*j, device_from);
                return items ? done(ui::DevicesLoaded{std::move(*items)}) : failed("", unexpected_answer());
            },
            [&](const ui::SendPin&) -> ui::Action {
                auto j = body_of(status, 200, body);
                auto b = j ? badge_from(*j) : Result<ui::BadgeInfo>(j.error());
                return b ? done(ui::PinSaved{*b}) : failed("", b.error());
            },
            [&](const ui::SendPlace& c) -> ui::Action {
                auto j = body_of(status, c.take ? 201 : 200, body);
                auto p = j ? planned_from(*j, "") : Result<ui::PlannedSession>(j.error());
                return p ? done(ui::PlaceChanged{std::move(*p)}) : failed(c.id, p.error());
            },
            [&](const ui::SendNewDevice&) -> ui::Action {
                auto j = body_of(status, 201, body);
                if (!j) return failed("", j.error());
                auto d = device_from(*j, "");
                if (!d || !j->contains("token") || !(*j)["token"].is_string()) return failed("", unexpected_answer());
                return done(ui::DeviceCreated{std::move(*d), (*j)["token"].get<std::string>()});
            },
            [&](const ui::SendRevokeDevice& c) -> ui::Action {
                auto j = body_of(status, 200, body);
                return j ? done(ui::DeviceRevoked{c.id}) : failed(c.id, j.error());
            },
            [&](const ui::SendSession&) -> ui::Action {
                auto j = body_of(status, 201, body);
                auto p = j ? planned_from(*j, "") : Result<ui::PlannedSession>(j.error());
                return p ? done(ui::SessionPlanned{std::move(*p)}) : failed("", p.error());
            },
            [&](const ui::SendCancelSession& c) -> ui::Action {
                auto j = body_of(status, 200, body);
                return j ? done(ui::SessionCancelled{c.id}) : failed(c.id, j.error());
            },
            [&](const ui::FetchWorkerBadge& c) -> ui::Action {
                auto j = body_of(status, 200, body);
                auto b = j ? badge_from(*j) : Result<ui::BadgeInfo>(j.error());
                if (!b) return done(ui::WorkerBadgeFailed{c.worker_id, b.error()});
                return done(ui::WorkerBadgeLoaded{c.worker_id, *b});
            },
            [&](const ui::SendWorkerBadge& c) -> ui::Action {
                auto j = body_of(status, 200, body);
                auto b = j ? badge_from(*j) : Result<ui::BadgeInfo>(j.error());
                if (!b) return done(ui::WorkerBadgeFailed{c.worker_id, b.error()});
                return done(ui::WorkerBadgeSaved{c.worker_id, *b});
            },
        },
        command);
}

}  // namespace ll::web
