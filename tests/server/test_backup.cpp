// Backups: a consistent copy taken while the server writes, checked; a restore brings the data back.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "demo_server.h"

using namespace ll::test;
using nlohmann::json;

TEST_CASE("backup under load, then restore over a damaged database") {
    DemoServer s;
    REQUIRE(s.server.running());
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        auto c = s.signed_in("worker@demo.example");
        for (int i = 0; !stop && i < 400; ++i) c.post("/api/v1/trainings", {{"title", "Load " + std::to_string(i)}, {"date", "2026-11-02"}, {"minutes", 5}});
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const std::string copy = s.dir.file("backup.db");
    auto backed_up = run_learnledger({"backup", "--db", s.db, "--to", copy});
    stop = true;
    writer.join();
    INFO(backed_up.err);
    REQUIRE(backed_up.exit_code == 0);
    CHECK(backed_up.out == "backup written and checked\n");
    CHECK(integrity_check(copy) == "ok");
    CHECK(run_learnledger({"backup", "--db", s.db, "--to", copy}).exit_code == 1);  // never overwrites

    // The copy is a working database: a server on it signs in and answers.
    {
        ServerProcess from_copy(copy);
        REQUIRE(from_copy.running());
        ApiClient c(from_copy.port());
        REQUIRE(c.login("worker@demo.example", "demo-worker").status == 200);
        CHECK(c.get("/api/v1/me/balance?year=2024").body["entitled_minutes"] == 1368);
    }

    const std::string target = s.dir.file("restored.db");
    REQUIRE(execute_sql(target, "CREATE TABLE junk(x); INSERT INTO junk VALUES (1);"));
    auto restored = run_learnledger({"restore", "--from", copy, "--db", target});
    INFO(restored.err);
    REQUIRE(restored.exit_code == 0);
    CHECK(integrity_check(target) == "ok");
    CHECK(table_fingerprint(target) == table_fingerprint(copy));

    s.dir.write("not-a-db.db", "this is not a database");
    auto refused = run_learnledger({"restore", "--from", s.dir.file("not-a-db.db"), "--db", target});
    CHECK(refused.exit_code == 1);
    CHECK(table_fingerprint(target) == table_fingerprint(copy));  // untouched
    CHECK(run_learnledger({"backup", "--db", s.db}).exit_code == 2);
}
