// GDPR: a worker downloads everything kept about them; HR erases a departed worker once the
// retention period is over, and the figures stay while nothing personal does.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include "demo_server.h"

using namespace ll::test;
using nlohmann::json;

namespace {

const std::string tiny_png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde", 33);

// Every text value stored anywhere in the database file that contains `needle`.
std::vector<std::string> stored_anywhere(const std::string& db_path, const std::string& needle) {
    std::vector<std::string> found;
    sqlite3* db = nullptr;
    sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::vector<std::string> tables;
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &q, nullptr);
    while (sqlite3_step(q) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
    sqlite3_finalize(q);
    for (const auto& t : tables) {
        sqlite3_prepare_v2(db, ("SELECT * FROM \"" + t + "\"").c_str(), -1, &q, nullptr);
        while (sqlite3_step(q) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(q); ++c) {
                const unsigned char* text = sqlite3_column_text(q, c);
                if (text && std::string(reinterpret_cast<const char*>(text)).find(needle) != std::string::npos)
                    found.push_back(t + "." + sqlite3_column_name(q, c));
            }
        sqlite3_finalize(q);
    }
    sqlite3_close(db);
    return found;
}

}  // namespace

TEST_CASE("a worker downloads all their data, and only theirs") {
    DemoServer s;
    auto worker = s.signed_in("worker@demo.example");
    auto mine = worker.get("/api/v1/me/export");
    REQUIRE(mine.status == 200);
    CHECK(mine.headers.find("Content-Disposition")->second == "attachment; filename=\"learnledger-my-data.json\"");
    CHECK(mine.headers.find("Cache-Control")->second == "no-store");
    const json& d = mine.body;
    CHECK(d["account"]["email"] == "worker@demo.example");
    CHECK(d["worker"]["id"] == "w-0001");
    CHECK(d["worker"]["national_number"].get<std::string>().size() == 11);  // whole: it is their own
    CHECK_FALSE(d["worker"]["employment"].empty());
    REQUIRE_FALSE(d["entries"].empty());
    for (const auto& e : d["entries"]) CHECK(e["worker_id"] == "w-0001");
    REQUIRE(d["certificates"].size() == 1);
    CHECK(worker.get(d["certificates"][0]["download"].get<std::string>()).status == 200);
    CHECK(d["audit"].is_array());
    CHECK(d.dump().find("acc-worker2") == std::string::npos);

    auto manager = s.signed_in("manager@demo.example").get("/api/v1/me/export");
    REQUIRE(manager.status == 200);
    CHECK(manager.body["worker"]["id"] == "w-0003");
    for (const auto& e : manager.body["entries"]) CHECK(e["worker_id"] == "w-0003");
}

TEST_CASE("HR erases a departed worker after the retention period; figures stay, nothing personal does") {
    DemoServer s({"--retention-years", "1"});
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    json person{{"display_name", "Zoë Erasetest"}, {"department_id", "demo:Office"}, {"national_number", "90.02.01-123.05"},
                {"employment", {{{"start", "2023-01-01"}, {"end", "2024-06-30"}, {"fraction", 1}}}},
                {"termination", {{"date", "2024-06-30"}, {"reason", "dismissal"}}}};
    auto created = hr.post("/api/v1/workers", person);
    REQUIRE(created.status == 201);
    const std::string id = created.body["id"];
    auto cert = hr.post_raw("/api/v1/certificates?worker_id=" + id, tiny_png, "image/png");
    REQUIRE(cert.status == 201);
    auto training = hr.post("/api/v1/trainings", {{"worker_id", id}, {"title", "Secret course"}, {"provider", "Acme Privé"},
                                                  {"date", "2024-03-04"}, {"minutes", 120}, {"certificate_id", cert.body["id"]}});
    REQUIRE(training.status == 201);
    CHECK(hr.post("/api/v1/entries/" + training.body["id"].get<std::string>() + "/comments", {{"text", "Zoë did well"}}).status == 201);
    REQUIRE(execute_sql(s.db, "INSERT INTO accounts(id, employer_id, worker_id, email, password_hash, role, language, created_at) "
                              "SELECT 'acc-zoe', 'demo', '" + id + "', 'zoe.erase@demo.example', password_hash, 'worker', 'nl', "
                              "'2023-01-01' FROM accounts WHERE id = 'acc-worker'"));
    ApiClient zoe(s.server.port());
    REQUIRE(zoe.login("zoe.erase@demo.example", "demo-worker").status == 200);
    const auto before = hr.get("/api/v1/workers/" + id + "/balance?year=2024");
    REQUIRE_MESSAGE(before.status == 200, before.raw);
    CHECK(before.body["used_minutes"] == 120);

    // Refused: someone still employed, someone who left too recently, anyone but HR.
    auto employed = hr.post("/api/v1/workers/w-0001/erase", json::object());
    CHECK(employed.status == 409);
    CHECK(employed.error()["code"] == "not_left");
    CHECK(employed.error()["field"] == "termination");
    person["national_number"] = nullptr;
    person["display_name"] = "Recent Leaver";
    person["employment"] = {{{"start", "2024-01-01"}, {"end", "2026-06-30"}, {"fraction", 1}}};
    person["termination"] = {{"date", "2026-06-30"}, {"reason", "resignation"}};
    auto recent = hr.post("/api/v1/workers", person);
    REQUIRE(recent.status == 201);
    auto too_soon = hr.post("/api/v1/workers/" + recent.body["id"].get<std::string>() + "/erase", json::object());
    CHECK(too_soon.status == 409);
    CHECK(too_soon.error()["message"] == "kept until the retention period ends on 2027-07-01");
    CHECK(s.signed_in("manager@demo.example").post("/api/v1/workers/" + id + "/erase", json::object()).status == 403);

    auto erased = hr.post("/api/v1/workers/" + id + "/erase", json::object());
    REQUIRE(erased.status == 200);
    CHECK(erased.body["display_name"] == "Erased worker " + id);

    auto after = hr.get("/api/v1/workers/" + id + "/balance?year=2024");
    REQUIRE(after.status == 200);
    CHECK(after.body["used_minutes"] == 120);
    CHECK(after.body["entitled_minutes"] == before.body["entitled_minutes"]);
    CHECK(hr.get("/api/v1/workers/" + id).body["display_name"] == "Erased worker " + id);
    for (const char* personal : {"Erasetest", "Zoë", "Secret course", "Acme Priv", "90020112305", "zoe.erase"})
        CHECK_MESSAGE(stored_anywhere(s.db, personal).empty(), personal, " is still stored");
    CHECK(zoe.get("/api/v1/me").status == 401);
    CHECK(ApiClient(s.server.port()).login("zoe.erase@demo.example", "demo-worker").status == 400);
    auto verified = hr.get("/api/v1/audit/verify");
    CHECK(verified.body["ok"] == true);
    bool recorded = false;
    for (std::int64_t after = 0;;) {
        auto page = hr.get("/api/v1/audit?after=" + std::to_string(after)).body["items"];
        if (page.empty()) break;
        for (const auto& a : page) recorded = recorded || (a["action"] == "worker.erase" && a["target"] == "worker:" + id);
        after = page.back()["seq"];
    }
    CHECK(recorded);
    // Tampering with the content of a record that was not erased is still caught.
    REQUIRE(execute_sql(s.db, "UPDATE audit_log SET after_json = '{\"x\":1}' WHERE seq = (SELECT min(seq) FROM audit_log WHERE erased = 0)"));
    CHECK(hr.get("/api/v1/audit/verify").body["ok"] == false);
}

TEST_CASE("a database from schema 3 moves to 4 with its audit chains rehashed and records tied to workers") {
    TempDir dir;
    const std::string db = seeded_demo_db(dir);
    {
        ServerProcess server(db);
        ApiClient worker(server.port());
        REQUIRE(worker.login("worker@demo.example", "demo-worker").status == 200);
        REQUIRE(worker.post("/api/v1/trainings", {{"title", "Before the upgrade"}, {"date", "2026-05-04"}, {"minutes", 60}}).status == 201);
    }
    // Back to schema 3 as an older release left it (DROP COLUMN: SQLite 3.35 and later).
    REQUIRE(execute_sql(db, "DROP INDEX audit_by_worker; ALTER TABLE audit_log DROP COLUMN worker_id; "
                            "ALTER TABLE audit_log DROP COLUMN content_sha256; ALTER TABLE audit_log DROP COLUMN erased; "
                            "ALTER TABLE workers DROP COLUMN erased_at; DELETE FROM schema_migrations WHERE version = 4"));
    ServerProcess upgraded(db);
    REQUIRE(upgraded.running());
    ApiClient hr(upgraded.port());
    REQUIRE(hr.login("hr@demo.example", "demo-hr").status == 200);
    CHECK(hr.get("/api/v1/health").body["schema_version"] == 12);
    auto verified = hr.get("/api/v1/audit/verify");
    CHECK(verified.body["ok"] == true);
    CHECK(verified.body["records"].get<int>() > 0);
    ApiClient worker(upgraded.port());
    REQUIRE(worker.login("worker@demo.example", "demo-worker").status == 200);
    bool found = false;
    auto exported = worker.get("/api/v1/me/export");
    for (const auto& a : exported.body["audit"]) found = found || a["after"].value("title", "") == "Before the upgrade";
    CHECK_MESSAGE(found, exported.body["audit"].dump().substr(0, 600));
    CHECK(integrity_check(db) == "ok");
}
