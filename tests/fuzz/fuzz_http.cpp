// Fuzz target: raw HTTP requests against the real routes (in this process, so the fuzzer sees their
// coverage) over loopback, signed in as the demo worker: "$COOKIE" and "$CSRF" in an input become
// the session's. No request may crash the server, get a 5xx, or receive a whole national number it
// did not send itself (a field echoed back is the client's own input, not a disclosure).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <sqlite3.h>

#include "demo_data.h"
#include "http_api.h"
#include "event_loop_server.h"
#include "shipped_rules.h"
#include "wire_connection.h"

namespace {

using namespace ll::server;
using ll::test::WireConnection;

struct Target {
    std::unique_ptr<Store> store;
    ApiContext ctx;
    EventLoopServer http{ListenerOptions{.threads = 4, .keep_alive_requests = 100}};
    int port = -1;
    std::string cookie, csrf;
    std::vector<std::string> national_numbers;  // of the demo workers: never in an answer
};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

std::vector<std::string> national_numbers_in(const std::string& db_path) {
    std::vector<std::string> out;
    sqlite3* db = nullptr;
    sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "SELECT national_number FROM workers WHERE national_number IS NOT NULL", -1, &q, nullptr);
    while (sqlite3_step(q) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
    sqlite3_finalize(q);
    sqlite3_close(db);
    return out;
}

// One request on a fresh connection; the answer as read until the server closes or 2 s pass.
std::string send_request(int port, const std::string& request) {
    WireConnection c(port, 2);
    if (!c.connected()) return "";
    (void)c.send(request);
    c.finish_sending();
    return c.received_until_closed();
}

Target& target() {
    static Target* t = [] {
        auto* t = new Target;
        const auto dir = std::filesystem::temp_directory_path() / ("ll-fuzz-http-" + std::to_string(getpid()));
        std::filesystem::create_directories(dir);
        const std::string db = (dir / "ll.db").string();
        auto store = open_sqlite_store(db);
        if (!store || !seed_demo(**store, t->ctx.today())) std::abort();
        t->store = std::move(*store);
        t->national_numbers = national_numbers_in(db);
        t->ctx.store = t->store.get();
        t->ctx.access_log = false;
        const auto& rules = ll::shipped::belgian_rule_set();
        t->ctx.rule_sets[rules->id] = &*rules;
        install_routes(t->http, t->ctx);
        t->port = t->http.bind("127.0.0.1", 0);
        if (t->port <= 0) std::abort();
        std::thread([t] { t->http.run(); }).detach();
        httplib::Client c("127.0.0.1", t->port);
        auto r = c.Post("/api/v1/session", R"({"email":"worker@demo.example","password":"demo-worker"})", "application/json");
        if (!r || r->status != 200) std::abort();
        std::string set = r->get_header_value("Set-Cookie");
        t->cookie = set.substr(0, set.find(';'));
        const std::string body = r->body;
        const auto at = body.find("\"csrf_token\":\"");
        t->csrf = body.substr(at + 14, body.find('"', at + 14) - at - 14);
        return t;
    }();
    return *t;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Target& t = target();
    std::string request(reinterpret_cast<const char*>(data), size);
    request = replace_all(replace_all(request, "$COOKIE", t.cookie), "$CSRF", t.csrf);
    const std::string answer = send_request(t.port, request);
    if (answer.rfind("HTTP/1.1 5", 0) == 0) __builtin_trap();
    for (const auto& n : t.national_numbers)
        if (answer.find(n) != std::string::npos && request.find(n) == std::string::npos) __builtin_trap();
    return 0;
}
