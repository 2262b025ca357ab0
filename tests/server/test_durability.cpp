// Crash safety: SIGKILL during a burst of writes, then a restart on the same file. Every write the
// server acknowledged must be there, and SQLite's integrity check must pass.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "demo_server.h"

using namespace ll::test;
using nlohmann::json;

TEST_CASE("kill -9 during a burst of writes loses no acknowledged write") {
    TempDir dir;
    const std::string db = seeded_demo_db(dir);
    std::set<std::string> acknowledged;
    std::mutex mutex;
    {
        ServerProcess server(db);
        REQUIRE(server.running());
        std::atomic<bool> stop{false};
        std::vector<std::thread> writers;
        for (int t = 0; t < 4; ++t) {
            writers.emplace_back([&, t] {
                ApiClient c(server.port());
                if (c.login("worker@demo.example", "demo-worker").status != 200) return;
                for (int i = 0; !stop; ++i) {
                    auto r = c.post("/api/v1/trainings", {{"title", "Burst " + std::to_string(t) + "-" + std::to_string(i)},
                                                          {"date", "2026-11-16"}, {"minutes", 15}},
                                    "burst-" + std::to_string(t) + "-" + std::to_string(i));
                    if (r.status != 201) break;
                    std::lock_guard<std::mutex> lock(mutex);
                    acknowledged.insert(r.body["id"].get<std::string>());
                }
            });
        }
        for (int waited = 0; waited < 400; ++waited) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            std::lock_guard<std::mutex> lock(mutex);
            if (acknowledged.size() >= 80) break;
        }
        server.kill_hard();
        stop = true;
        for (auto& w : writers) w.join();
    }
    REQUIRE(acknowledged.size() >= 20);
    CHECK(integrity_check(db) == "ok");
    ServerProcess restarted(db);
    REQUIRE(restarted.running());
    ApiClient c(restarted.port());
    REQUIRE(c.login("worker@demo.example", "demo-worker").status == 200);
    auto year = c.get("/api/v1/me/balance?year=2026");
    std::set<std::string> present;
    for (const auto& e : year.body["entries"]) present.insert(e["id"].get<std::string>());
    for (const auto& id : acknowledged) CHECK_MESSAGE(present.count(id) == 1, id);
    auto audit_ok = c.get("/api/v1/health");
    CHECK(audit_ok.status == 200);
}
