// The permission matrix: role x endpoint x own / same team / same employer / other employer.
// A refused read answers 404 (nobody learns what exists elsewhere); a refused write writes nothing.
#include <doctest/doctest.h>

#include <map>

#include "demo_server.h"

using namespace ll::test;
using nlohmann::json;

namespace {

// Targets: Anna (w-0001, warehouse), a warehouse colleague (w-0006), an office worker (w-0002),
// the warehouse manager (w-0003), a transport worker (w-0007), a bakery worker (b-0001).
const std::vector<std::string> targets{"w-0001", "w-0006", "w-0002", "w-0003", "w-0007", "b-0001"};

std::string balance_path(const std::string& worker) { return "/api/v1/workers/" + worker + "/balance?year=2025"; }

}  // namespace

TEST_CASE("who may read whose balance") {
    DemoServer s;
    REQUIRE(s.server.running());
    // Expected status per target, in the order of `targets`.
    const std::map<std::string, std::vector<int>> expected = {
        {"worker@demo.example", {200, 404, 404, 404, 404, 404}},
        {"worker2@demo.example", {404, 404, 200, 404, 404, 404}},
        {"manager@demo.example", {200, 200, 404, 200, 404, 404}},
        {"manager.transport@demo.example", {404, 404, 404, 404, 200, 404}},
        {"hr@demo.example", {200, 200, 200, 200, 200, 404}},
        {"hr@bakery.example", {404, 404, 404, 404, 404, 200}},
        {"worker@bakery.example", {404, 404, 404, 404, 404, 200}},
    };
    for (const auto& row : expected) {
        const auto& who = row.first;  // not a binding: clang 14 cannot capture one
        const auto& statuses = row.second;
        auto c = s.signed_in(who);
        for (size_t i = 0; i < targets.size(); ++i) {
            auto r = c.get(balance_path(targets[i]));
            CHECK_MESSAGE(r.status == statuses[i], who << " -> " << targets[i]);
            if (r.status == 404) CHECK(r.raw.find("Anna") == std::string::npos);
        }
    }
}

TEST_CASE("operators act for one mandated employer at a time") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto op = s.signed_in("operator@secretariat.example");
    CHECK(op.get(balance_path("w-0001")).status == 404);  // no employer chosen
    op.set_header("X-Employer-Id", "demo");
    CHECK(op.get(balance_path("w-0001")).status == 200);
    CHECK(op.get(balance_path("b-0001")).status == 404);
    op.set_header("X-Employer-Id", "bakery");
    CHECK(op.get(balance_path("b-0001")).status == 200);
    CHECK(op.get(balance_path("w-0001")).status == 404);
    op.set_header("X-Employer-Id", "someone-else");
    CHECK(op.get(balance_path("b-0001")).status == 403);
    op.set_header("X-Employer-Id", "");
    CHECK(op.get("/api/v1/me").body["mandates"].size() == 2);
}

TEST_CASE("lists show only what the caller may see") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto worker = s.signed_in("worker@demo.example").get("/api/v1/workers");
    REQUIRE(worker.status == 200);
    CHECK(worker.body["total"] == 1);
    auto manager = s.signed_in("manager@demo.example").get("/api/v1/workers?page_size=100");
    for (const auto& w : manager.body["items"]) CHECK(w["department"] == "Warehouse");
    CHECK(manager.body["total"] == 21);  // the 20 warehouse workers plus Anna
    auto hr = s.signed_in("hr@demo.example");
    auto all = hr.get("/api/v1/workers?page=2&page_size=25");
    CHECK(all.body["total"] == 60);
    CHECK(all.body["items"].size() == 25);
    for (const auto& w : all.body["items"]) {
        CHECK(w["national_number"].get<std::string>().rfind("******-***-", 0) == 0);  // masked
    }
    CHECK(hr.get("/api/v1/workers?department=demo:Office").body["total"] == 20);
    CHECK(hr.get("/api/v1/workers?active=true").body["total"] == 57);  // three demo workers left in 2025
    CHECK(hr.get("/api/v1/workers?active=false").body["total"] == 3);
    CHECK(hr.get("/api/v1/workers?q=Peeters").body["items"][0]["id"] == "w-0001");
    CHECK(hr.get("/api/v1/workers?page=0").status == 400);
    CHECK(s.signed_in("hr@bakery.example").get("/api/v1/workers").body["total"] == 6);
}

TEST_CASE("who may write what") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto worker = s.signed_in("worker@demo.example");
    auto manager = s.signed_in("manager@demo.example");
    auto bakery_hr = s.signed_in("hr@bakery.example");
    const json course = {{"title", "Course"}, {"date", "2026-11-02"}, {"minutes", 60}};
    const std::string before = table_fingerprint(s.db);

    json for_other = course;
    for_other["worker_id"] = "w-0006";
    CHECK(worker.post("/api/v1/trainings", for_other).status == 404);   // not visible
    CHECK(manager.post("/api/v1/trainings", for_other).status == 403);  // a manager does not register for others
    for_other["worker_id"] = "w-0001";
    CHECK(bakery_hr.post("/api/v1/trainings", for_other).status == 404);  // other employer
    CHECK(worker.post("/api/v1/corrections", {{"worker_id", "w-0001"}, {"date", "2026-01-01"}, {"minutes", 60}, {"reason", "x"}}).status == 403);
    CHECK(worker.patch("/api/v1/workers/w-0001", {{"department_id", "demo:Office"}}).status == 403);
    CHECK(worker.patch("/api/v1/workers/w-0006", {{"language", "fr"}}).status == 404);
    CHECK(bakery_hr.patch("/api/v1/workers/w-0001", {{"display_name", "X"}}).status == 404);
    CHECK(worker.post("/api/v1/workers", {{"display_name", "New"}, {"employment", json::array()}}).status == 403);
    CHECK(manager.post("/api/v1/kiosk-devices", {{"site", "Hall"}}).status == 403);
    CHECK(table_fingerprint(s.db) == before);

    // What is allowed does go through.
    CHECK(worker.patch("/api/v1/workers/w-0001", {{"language", "fr"}}).body["language"] == "fr");
    auto hr = s.signed_in("hr@demo.example");
    auto created = hr.post("/api/v1/workers", {{"display_name", "Nina Claes"}, {"department_id", "demo:Office"},
                                                {"national_number", "90.02.01-123.05"},
                                                {"employment", {{{"start", "2026-09-01"}, {"fraction", 0.5}}}}});
    CHECK(created.status == 201);
    if (created.status == 201) {
        auto got = hr.get("/api/v1/workers/" + created.body["id"].get<std::string>());
        CHECK(got.body["employment"][0]["fraction"] == "1/2");
        CHECK(got.raw.find("123") == std::string::npos);  // the national number never comes back whole
    }
}

TEST_CASE("kiosk tokens read aggregates only; provider keys push trainings matched by national number") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto kiosk_device = hr.post("/api/v1/kiosk-devices", {{"site", "Canteen"}});
    REQUIRE(kiosk_device.status == 201);
    auto provider_key = hr.post("/api/v1/provider-keys", {{"name", "Academy"}});
    REQUIRE(provider_key.status == 201);

    auto kiosk = s.client();
    kiosk.set_bearer(kiosk_device.body["token"]);
    auto board = kiosk.get("/api/v1/kiosk/board");
    REQUIRE(board.status == 200);
    CHECK(board.body["site"] == "Canteen");
    CHECK(board.body["progress"]["workers"] == 0);  // nobody works at a site called Canteen
    CHECK(board.raw.find("Peeters") == std::string::npos);
    CHECK(kiosk.get(balance_path("w-0001")).status == 404);
    CHECK(kiosk.get("/api/v1/workers").status == 403);
    auto sync = kiosk.get("/api/v1/sync?cursor=0");
    CHECK(sync.body["changed"] == true);
    CHECK_FALSE(sync.body.contains("changes"));
    const std::string before = table_fingerprint(s.db);
    auto write = kiosk.post("/api/v1/trainings", {{"title", "x"}, {"date", "2026-01-01"}, {"minutes", 5}});
    CHECK(write.status == 403);
    CHECK(write.error()["code"] == "read_only");
    CHECK(table_fingerprint(s.db) == before);

    auto provider = s.client();
    provider.set_bearer(provider_key.body["token"]);
    auto bad = provider.post("/api/v1/provider/trainings", {{"national_number", "85073003329"}, {"title", "x"}, {"date", "2026-01-01"}, {"minutes", 5}});
    CHECK(bad.status == 400);
    CHECK(bad.error()["field"] == "national_number");
    CHECK(bad.raw.find("85073003329") == std::string::npos);
    auto unknown = provider.post("/api/v1/provider/trainings", {{"national_number", "85073003328"}, {"title", "x"}, {"date", "2026-01-01"}, {"minutes", 5}});
    CHECK(unknown.status == 404);
    CHECK(provider.get(balance_path("w-0001")).status == 404);
    // Anna's (fictional) demo national number: the training lands on her ledger, pending approval.
    auto pushed = provider.post("/api/v1/provider/trainings", {{"national_number", "71.02.02-101.83"}, {"title", "Reach truck"},
                                                               {"provider", "Academy"}, {"date", "2026-11-10"}, {"minutes", 240}});
    REQUIRE(pushed.status == 201);
    CHECK(pushed.body["worker_id"] == "w-0001");
    CHECK(pushed.body["status"] == "submitted");
    CHECK(pushed.raw.find("710202") == std::string::npos);
    CHECK(provider.post("/api/v1/provider/trainings", {{"national_number", "71.02.02-101.83"}, {"worker_id", "w-0002"},
                                                       {"title", "x"}, {"date", "2026-11-10"}, {"minutes", 5}}).status == 400);

    // After revocation the tokens stop working.
    CHECK(hr.del("/api/v1/kiosk-devices/" + kiosk_device.body["id"].get<std::string>()).status == 200);
    CHECK(kiosk.get("/api/v1/kiosk/board").status == 401);
}

TEST_CASE("bad input is refused naming the field, and nothing is written") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto worker = s.signed_in("worker@demo.example");
    auto hr = s.signed_in("hr@demo.example");
    const std::string before = table_fingerprint(s.db);
    struct Case {
        std::string path;
        json body;
        std::string field;
    };
    const json ok = {{"title", "Course"}, {"date", "2026-11-02"}, {"minutes", 60}};
    auto with = [&](const char* key, json value) {
        json b = ok;
        b[key] = std::move(value);
        return b;
    };
    const Case cases[] = {
        {"/api/v1/trainings", with("minutes", 1441), "minutes"},
        {"/api/v1/trainings", with("minutes", -5), "minutes"},
        {"/api/v1/trainings", with("minutes", "sixty"), "minutes"},
        {"/api/v1/trainings", with("date", "2026-02-30"), "date"},
        {"/api/v1/trainings", with("date", "1850-01-01"), "date"},
        {"/api/v1/trainings", with("end_date", "2026-11-01"), "end_date"},
        {"/api/v1/trainings", with("training_type", "party"), "training_type"},
        {"/api/v1/trainings", with("colour", "red"), "colour"},
        {"/api/v1/trainings", with("title", "   "), "title"},
        {"/api/v1/trainings", with("title", std::string(300, 'x')), "title"},
        {"/api/v1/trainings", with("certificate_id", "c-missing"), "certificate_id"},
        {"/api/v1/trainings", json::array(), ""},
        {"/api/v1/workers", {{"display_name", "X"}, {"employment", json::array()}, {"national_number", "12345678901"}}, "national_number"},
        {"/api/v1/workers", {{"display_name", "X"}, {"employment", {{{"start", "2026-01-01"}, {"fraction", 1.5}}}}}, "employment[0].fraction"},
        {"/api/v1/workers", {{"display_name", "X"}, {"employment", json::array()}, {"language", "xx"}}, "language"},
        {"/api/v1/corrections", {{"worker_id", "w-0001"}, {"date", "2026-01-01"}, {"minutes", 0}, {"reason", "x"}}, "minutes"},
        {"/api/v1/corrections", {{"worker_id", "w-0001"}, {"date", "2026-01-01"}, {"minutes", 10}}, "reason"},
    };
    for (const auto& c : cases) {
        auto& who = c.path == "/api/v1/trainings" ? worker : hr;
        auto r = who.post(c.path, c.body);
        CHECK_MESSAGE(r.status >= 400, c.body.dump());
        CHECK_MESSAGE(r.status < 500, c.body.dump());
        if (!c.field.empty()) CHECK_MESSAGE(r.error()["field"] == c.field, c.body.dump() << " -> " << r.raw);
    }
    CHECK(worker.post_raw("/api/v1/trainings", "{\"title\":", "application/json").error()["code"] == "malformed_json");
    CHECK(worker.post_raw("/api/v1/trainings", ok.dump(), "text/plain").status == 415);
    CHECK(worker.post_raw("/api/v1/trainings", std::string(2 << 20, ' '), "application/json").status == 413);
    CHECK(table_fingerprint(s.db) == before);
}
