// Requests carry the device token as a bearer token (never a cookie, never in the URL); a PIN
// goes only in the body of one POST. An answer that does not decode is treated as no answer, so
// the display keeps its last board.
#include "kiosk_client.h"

#include <nlohmann/json.hpp>

#include "json_reader.h"
#include "kiosk_wire.h"
#include "overloaded.h"

namespace ll::web {

ui::KioskAction kiosk_board_answer(int status, std::string_view body) {
    if (status != 200) return ui::KioskBoardAnswer{status >= 500 ? 0 : status, std::nullopt};
    auto j = parse_json(body);
    if (!j) return ui::KioskBoardAnswer{0, std::nullopt};
    auto board = wire::kiosk_board_from_json(*j);
    if (!board) return ui::KioskBoardAnswer{0, std::nullopt};
    return ui::KioskBoardAnswer{200, std::move(*board)};
}

ui::KioskAction kiosk_sync_answer(int status, std::string_view body) {
    if (status != 200) return ui::KioskSyncAnswer{status >= 500 ? 0 : status, 0, false};
    auto j = parse_json(body);
    if (!j) return ui::KioskSyncAnswer{0, 0, false};
    JsonReader r(*j);
    auto cursor = r.integer("cursor", true, 0, INT64_MAX);
    auto changed = r.boolean("changed", true);
    r.boolean("more", false);
    if (!r.ok()) return ui::KioskSyncAnswer{0, 0, false};
    return ui::KioskSyncAnswer{200, *cursor, *changed};
}

ui::KioskAction kiosk_lookup_answer(int status, std::string_view body) {
    if (status == 0) return ui::KioskLookupAnswer{0, std::nullopt, std::nullopt};
    if (status == 200) {
        auto j = parse_json(body);
        if (j)
            if (auto lookup = wire::kiosk_lookup_from_json(*j)) return ui::KioskLookupAnswer{200, std::move(*lookup), std::nullopt};
        return ui::KioskLookupAnswer{502, std::nullopt, make_error("bad_answer", "the server's answer was not understood")};
    }
    return ui::KioskLookupAnswer{status, std::nullopt, answer_error(status, body)};
}

void KioskClient::send(const ui::KioskCommand& command) {
    HttpRequest request;
    Asked asked = Asked::board;
    const bool is_request = std::visit(Overloaded{
                                           [&](const ui::KioskFetchBoard&) {
                                               request = {"GET", "/api/v1/kiosk/board", "", {}};
                                               return true;
                                           },
                                           [&](const ui::KioskFetchSync& s) {
                                               request = {"GET", "/api/v1/sync?cursor=" + std::to_string(s.cursor), "", {}};
                                               asked = Asked::sync;
                                               return true;
                                           },
                                           [&](const ui::KioskSendLookup& l) {
                                               request = {"POST", "/api/v1/kiosk/lookup",
                                                          nlohmann::json{{"badge", l.badge}, {"pin", l.pin}}.dump(), {}};
                                               request.headers.emplace_back("Content-Type", "application/json");
                                               asked = Asked::lookup;
                                               return true;
                                           },
                                           [](const auto&) { return false; },
                                       },
                                       command);
    if (!is_request) return;
    request.headers.emplace_back("Authorization", "Bearer " + token_);
    const int id = next_id_++;
    in_flight_[id] = asked;
    transport_(id, request);
}

void KioskClient::on_response(int request_id, int status, std::string_view body) {
    auto it = in_flight_.find(request_id);
    if (it == in_flight_.end()) return;
    const Asked asked = it->second;
    in_flight_.erase(it);
    switch (asked) {
        case Asked::board: return dispatch_(kiosk_board_answer(status, body));
        case Asked::sync: return dispatch_(kiosk_sync_answer(status, body));
        case Asked::lookup: return dispatch_(kiosk_lookup_answer(status, body));
    }
}

}  // namespace ll::web
