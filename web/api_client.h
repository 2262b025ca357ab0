// Turns the app's commands into API requests and the server's answers into actions.
// Plain C++ over an injected transport, so it runs natively in tests with a fake transport.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app_state.h"

namespace ll::web {

struct HttpRequest {
    std::string method;
    std::string path;  // under the page's origin, e.g. /api/v1/...
    std::string body;  // JSON, or empty
    std::vector<std::pair<std::string, std::string>> headers;
    // The body is a file the host holds: the certificate just picked, one kept on the device under
    // `file_key` for a training submitted offline, or the CSV picked for an import.
    enum class File { none, picked, kept, import } file = File::none;
    std::string file_key;
};

class ApiClient {
public:
    using Transport = std::function<void(int request_id, const HttpRequest&)>;
    using Dispatch = std::function<void(ui::Action)>;
    ApiClient(Transport transport, Dispatch dispatch) : transport_(std::move(transport)), dispatch_(std::move(dispatch)) {}

    // Sends API commands; commands for the host itself (language, file picker, storage) are not its business.
    void send(const ui::Command& command);
    // status 0 means no answer (offline, aborted); body is the raw response text.
    void on_response(int request_id, int status, std::string_view body);

private:
    // A request on its way; a training with a certificate goes in two steps (upload, then submit).
    struct InFlight {
        ui::Command command;
        bool uploading = false;
    };
    void issue(InFlight pending, HttpRequest request);
    HttpRequest request_for(const InFlight& pending) const;
    std::optional<ui::Action> answer_for(InFlight& pending, int status, std::string_view body);
    Transport transport_;
    Dispatch dispatch_;
    std::map<int, InFlight> in_flight_;
    int next_id_ = 1;
    std::string csrf_token_;  // from sign-in or /me; sent with every write
};

// Commands that become API requests; the others are for the host itself.
bool is_api_command(const ui::Command& c);
// The action an answer to FetchYear becomes (exposed for tests).
ui::Action year_answer(int year, int status, std::string_view body);
// An answer that does not decode as the request's kind of answer.
Error unexpected_answer();
// The error an unsuccessful answer carries (the server's envelope, or a plain description).
Error answer_error(int status, std::string_view body);

}  // namespace ll::web
