// Turns a kiosk display's commands into API requests with its device token, and the answers into
// its actions. Plain C++ over an injected transport: the browser and the native kiosk both use it.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "api_client.h"
#include "kiosk_state.h"

namespace ll::web {

class KioskClient {
public:
    using Transport = std::function<void(int request_id, const HttpRequest&)>;
    using Dispatch = std::function<void(ui::KioskAction)>;
    KioskClient(Transport transport, Dispatch dispatch) : transport_(std::move(transport)), dispatch_(std::move(dispatch)) {}

    void set_token(std::string token) { token_ = std::move(token); }
    // Sends the request commands; token storage is the host's.
    void send(const ui::KioskCommand& command);
    // status 0 means no answer (offline, aborted); body is the raw response text.
    void on_response(int request_id, int status, std::string_view body);

private:
    enum class Asked { board, sync, lookup };
    Transport transport_;
    Dispatch dispatch_;
    std::string token_;
    std::map<int, Asked> in_flight_;
    int next_id_ = 1;
};

// The action an answer becomes (exposed for tests).
ui::KioskAction kiosk_board_answer(int status, std::string_view body);
ui::KioskAction kiosk_sync_answer(int status, std::string_view body);
ui::KioskAction kiosk_lookup_answer(int status, std::string_view body);

}  // namespace ll::web
