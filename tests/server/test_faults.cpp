// Faults: a full disk, a read-only database and a client that vanishes mid-upload. Each gets a clear
// answer or none, nothing acknowledged is lost, and the file stays sound.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <set>
#include <thread>

#include "demo_server.h"
#include "load_client.h"
#include "wire_connection.h"

using namespace ll::test;
using nlohmann::json;

namespace {

json training(int i) { return {{"title", "Fault " + std::to_string(i)}, {"date", "2026-10-0" + std::to_string(1 + i % 9)}, {"minutes", 15}}; }

// Starts the server with a limit on the size of any file it writes, as a full disk would stop it.
std::unique_ptr<ServerProcess> server_with_file_limit(const std::string& db, rlim_t bytes) {
    signal(SIGXFSZ, SIG_IGN);  // inherited: the server gets EFBIG instead of being killed
    rlimit before{};
    getrlimit(RLIMIT_FSIZE, &before);
    rlimit limited{bytes, before.rlim_max};
    setrlimit(RLIMIT_FSIZE, &limited);
    auto server = std::make_unique<ServerProcess>(db);
    setrlimit(RLIMIT_FSIZE, &before);
    signal(SIGXFSZ, SIG_DFL);
    return server;
}

}  // namespace

TEST_CASE("a full disk: writes are refused with a clear error, what was acknowledged stays, the file is sound") {
    TempDir dir;
    const std::string db = seeded_demo_db(dir);
    std::set<std::string> acknowledged;
    json refusal;
    {
        auto server = server_with_file_limit(db, 512 * 1024);
        REQUIRE(server->running());
        ApiClient worker(server->port());
        REQUIRE(worker.login("worker@demo.example", "demo-worker").status == 200);
        for (int i = 0; i < 2000 && refusal.is_null(); ++i) {
            auto r = worker.post("/api/v1/trainings", training(i), "full-" + std::to_string(i));
            if (r.status == 201)
                acknowledged.insert(r.body["id"].get<std::string>());
            else
                refusal = r.body, refusal["status"] = r.status;
        }
        REQUIRE_FALSE(refusal.is_null());
        CHECK(refusal["status"] == 507);
        CHECK(refusal["error"]["code"] == "storage_write_failed");
        CHECK(refusal["error"]["message"] == "the server could not write to its disk (it may be full): nothing was saved");
        // Reads still work while the disk is full.
        CHECK(worker.get("/api/v1/me/balance?year=2026").status == 200);
    }
    CHECK(acknowledged.size() > 5);
    CHECK(integrity_check(db) == "ok");
    // With room again, everything acknowledged is there and writing goes on.
    ServerProcess restarted(db);
    ApiClient worker(restarted.port());
    REQUIRE(worker.login("worker@demo.example", "demo-worker").status == 200);
    auto year = worker.get("/api/v1/me/balance?year=2026");
    std::set<std::string> stored;
    for (const auto& e : year.body["entries"]) stored.insert(e["id"].get<std::string>());
    for (const auto& id : acknowledged) CHECK(stored.count(id) == 1);
    CHECK(worker.post("/api/v1/trainings", training(3), "after-full").status == 201);
}

TEST_CASE("a read-only database: reads answer, every write is refused with a clear error, nothing changes") {
    TempDir dir;
    const std::string db = seeded_demo_db(dir);
    std::optional<Session> worker;
    {
        ServerProcess server(db);
        worker = sign_in(server.port(), "worker@demo.example", "demo-worker");
        REQUIRE(worker);
    }
    const std::string before = table_fingerprint(db);
    ServerProcess server(db, {"--read-only", "true"});
    REQUIRE(server.running());
    httplib::Client http("127.0.0.1", server.port());
    auto read = http.Get("/api/v1/me/balance?year=2026", headers_of(*worker));
    REQUIRE(read);
    CHECK(read->status == 200);
    auto write = http.Post("/api/v1/trainings", headers_of(*worker, "ro-1"), training(1).dump(), "application/json");
    REQUIRE(write);
    CHECK(write->status == 503);
    auto error = json::parse(write->body)["error"];
    CHECK(error["code"] == "storage_read_only");
    CHECK(error["message"] == "the database is read-only at the moment: nothing was saved");
    auto login = http.Post("/api/v1/session", json{{"email", "hr@demo.example"}, {"password", "demo-hr"}}.dump(), "application/json");
    REQUIRE(login);
    CHECK(login->status == 503);
    CHECK(table_fingerprint(db) == before);
    CHECK(run_learnledger({"serve", "--db", db, "--port", "0", "--read-only", "maybe"}).exit_code == 2);
}

TEST_CASE("a client that vanishes mid-upload leaves nothing behind") {
    DemoServer s;
    auto worker = sign_in(s.server.port(), "worker@demo.example", "demo-worker");
    REQUIRE(worker);
    const std::string before = table_fingerprint(s.db);
    for (int attempt = 0; attempt < 5; ++attempt) {
        WireConnection c(s.server.port());
        REQUIRE(c.connected());
        const std::string head = "POST /api/v1/certificates HTTP/1.1\r\nHost: x\r\nCookie: " + worker->cookie +
                                 "\r\nX-CSRF-Token: " + worker->csrf + "\r\nContent-Type: image/png\r\nContent-Length: 2000000\r\n\r\n";
        CHECK(c.send(head + "\x89PNG\r\n\x1a\n" + std::string(300000, 'x')));
        // gone when `c` closes, 300 KB into 2 MB
    }
    // The server still answers, and nothing of the uploads was stored.
    httplib::Client http("127.0.0.1", s.server.port());
    auto health = http.Get("/api/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(table_fingerprint(s.db) == before);
}
