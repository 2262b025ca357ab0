// The snapshot is plain JSON in the browser's storage; it holds the worker's own data only and is
// cleared on sign-out. Session tokens never go in it (the cookie stays HttpOnly).
#include "offline_snapshot.h"

#include <nlohmann/json.hpp>

#include "json_reader.h"
#include "wire.h"

namespace ll::ui {

using nlohmann::json;

bool keeps_offline_data(const AppState& s) { return s.session && s.session->persistent; }

std::string offline_snapshot(const AppState& s) {
    // Not a trusted device: nothing personal is written to it (the empty snapshot erases it all).
    if (!keeps_offline_data(s)) return {};
    SessionInfo session = *s.session;
    session.csrf_token.clear();
    json views = json::array(), outbox = json::array();
    for (const auto& v : s.saved_views) views.push_back(wire::to_json(v));
    for (const auto& q : s.outbox) {
        json kept = {{"key", q.key},   {"body", q.body},       {"title", q.title},
                     {"date", q.date}, {"minutes", q.minutes}, {"with_certificate", q.with_certificate}};
        if (q.refused) kept["refused"] = wire::to_json(*q.refused);
        outbox.push_back(std::move(kept));
    }
    return json{{"version", 1}, {"session", wire::to_json(session)}, {"views", views}, {"outbox", outbox}}.dump();
}

OfflineRestored restore_offline(std::string_view snapshot) {
    OfflineRestored out;
    auto j = parse_json(snapshot);
    if (!j || !j->is_object() || j->value("version", 0) != 1) return out;
    if (auto session = j->find("session"); session != j->end())
        if (auto s = wire::session_from_json(*session)) out.session = *s;
    if (auto views = j->find("views"); views != j->end() && views->is_array())
        for (const auto& v : *views)
            if (auto view = wire::year_view_from_json(v)) out.views.push_back(std::move(*view));
    if (auto outbox = j->find("outbox"); outbox != j->end() && outbox->is_array())
        for (const auto& q : *outbox) {
            JsonReader r(q);
            auto key = r.string("key", true, 100);
            auto body = r.string("body", true, 4096);
            auto title = r.string("title", true, 200);
            auto date = r.string("date", true, 10);
            auto minutes = r.integer("minutes", true, 0, 1000000);
            auto with_certificate = r.boolean("with_certificate", false);
            const json* refused = r.member("refused", false, json::value_t::object);
            r.reject_unknown_fields();
            if (!r.ok()) continue;
            out.outbox.push_back({*key, *body, *title, *date, *minutes, with_certificate.value_or(false), false,
                                  refused ? wire::error_from_json(*refused) : std::nullopt});
        }
    if (!out.session) out = OfflineRestored{};  // nothing personal without its owner
    return out;
}

}  // namespace ll::ui
