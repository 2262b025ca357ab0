// The kiosk over HTTP: the board shows its site's aggregates and nothing personal, a badge and PIN
// open the worker's own year, wrong PINs lock the badge and then the device, PINs are stored
// hashed and never kept with an idempotency key, and trainings with places fill up.
#include <doctest/doctest.h>

#include "demo_server.h"

using namespace ll::test;
using nlohmann::json;

namespace {

ApiClient kiosk_client(DemoServer& s, const char* token = "demo-kiosk-antwerp") {
    auto k = s.client();
    k.set_bearer(token);
    return k;
}

Reply lookup(ApiClient& k, const std::string& badge, const std::string& pin) {
    return k.post("/api/v1/kiosk/lookup", {{"badge", badge}, {"pin", pin}});
}

}  // namespace

TEST_CASE("the board shows its site's progress, trainings with places and the QR code, never a person") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto k = kiosk_client(s);
    auto board = k.get("/api/v1/kiosk/board");
    REQUIRE(board.status == 200);
    CHECK(board.body["site"] == "Antwerp");
    CHECK(board.body["employer_name"] == "Demo Logistics NV");
    CHECK(board.body["languages"] == json::array({"nl", "fr"}));
    const auto& progress = board.body["progress"];
    CHECK(progress["shown"] == true);
    CHECK(progress["workers"].get<int>() >= 30);
    CHECK(progress["goal_minutes"].get<long long>() > 0);
    CHECK(progress["percent"].get<int>() == progress["followed_minutes"].get<long long>() * 100 / progress["goal_minutes"].get<long long>());
    // The full "Reach truck safety" and Ghent's training are not shown; the others by date.
    const auto& sessions = board.body["sessions"];
    REQUIRE(sessions.size() == 3);
    CHECK(sessions[0]["title"] == "First aid refresher");
    CHECK(sessions[0]["free"] == 5);
    CHECK(sessions[1]["title"] == "Dutch at work");
    CHECK(sessions[2]["title"] == "Fire warden");
    const int size = board.body["qr"]["size"];
    CHECK(size >= 21);
    CHECK(board.body["qr"]["modules"].get<std::string>().size() == static_cast<size_t>(size * size));
    CHECK(board.body["app_url"].get<std::string>().rfind("http://127.0.0.1:", 0) == 0);

    auto hr = s.signed_in("hr@demo.example");
    auto workers = hr.get("/api/v1/workers");
    REQUIRE(workers.status == 200);
    for (const auto& w : workers.body["items"]) CHECK_MESSAGE(board.raw.find(w["display_name"].get<std::string>()) == std::string::npos, w["id"]);
    CHECK(board.raw.find("\"1001\"") == std::string::npos);  // no badge numbers either

    auto ghent = kiosk_client(s, "demo-kiosk-ghent").get("/api/v1/kiosk/board");
    REQUIRE(ghent.status == 200);
    CHECK(ghent.body["site"] == "Ghent");
    CHECK(ghent.body["sessions"].size() == 1);
    CHECK(ghent.body["progress"]["workers"].get<int>() + progress["workers"].get<int>() <= 60);
    CHECK(hr.get("/api/v1/kiosk/board").status == 403);
}

TEST_CASE("a badge and its PIN open the worker's own year, read-only, and are audited") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto k = kiosk_client(s);
    auto r = lookup(k, "1001", "2580");
    REQUIRE(r.status == 200);
    CHECK(r.body["display_name"] == "Anna Peeters");
    auto anna = s.signed_in("worker@demo.example");
    auto own = anna.get("/api/v1/me/balance?year=" + std::to_string(r.body["year"]["year"].get<int>()));
    REQUIRE(own.status == 200);
    CHECK(r.body["year"]["remaining_minutes"] == own.body["remaining_minutes"]);
    CHECK(r.body["year"]["worker_id"] == "w-0001");
    bool no_store = false;
    for (const auto& [name, value] : r.headers) no_store |= name == "Cache-Control" && value == "no-store";
    CHECK(no_store);
    CHECK(r.raw.find("national_number") == std::string::npos);
    CHECK(sql_text(s.db, "SELECT count(*) FROM audit_log WHERE action = 'kiosk.lookup' AND worker_id = 'w-0001'") == "1");
    // The PIN is an argon2id hash, and the lookup wrote no idempotency record.
    CHECK(sql_text(s.db, "SELECT substr(pin_hash, 1, 10) FROM kiosk_badges WHERE badge = '1001'") == "$argon2id$");
    CHECK(sql_text(s.db, "SELECT count(*) FROM kiosk_badges WHERE pin_hash LIKE '%2580%'") == "0");
    // A worker's session cannot look anyone up.
    CHECK(anna.post("/api/v1/kiosk/lookup", {{"badge", "1002"}, {"pin", "1357"}}).status == 403);
    CHECK(lookup(k, "B-1001", "2580").error()["field"] == "badge");
    CHECK(lookup(k, "1001", "").error()["field"] == "pin");
}

TEST_CASE("five wrong PINs lock the badge, an unknown badge looks like a wrong PIN, other employers' badges do not exist") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto k = kiosk_client(s);
    for (int i = 0; i < 4; ++i) {
        auto wrong = lookup(k, "1001", "9999");
        CHECK(wrong.status == 401);
        CHECK(wrong.error()["code"] == "wrong_pin");
    }
    auto locked = lookup(k, "1001", "9999");
    CHECK(locked.status == 429);
    CHECK(locked.error()["code"] == "badge_locked");
    bool retry_after = false;
    for (const auto& [name, value] : locked.headers) retry_after |= name == "Retry-After" && std::stoi(value) > 800;
    CHECK(retry_after);
    CHECK(lookup(k, "1001", "2580").status == 429);  // even the right PIN, until the lock ends
    CHECK(lookup(k, "1002", "1357").status == 200);  // other badges are not affected
    CHECK(sql_text(s.db, "SELECT count(*) FROM audit_log WHERE action = 'kiosk.badge_locked'") == "1");
    auto unknown = lookup(k, "9999", "2580");
    CHECK(unknown.status == 401);
    CHECK(unknown.raw == lookup(k, "1003", "2580").raw);  // no PIN set: the same answer as any wrong one

    auto bakery_hr = s.signed_in("hr@bakery.example");
    auto device = bakery_hr.post("/api/v1/kiosk-devices", {{"site", "Shop"}});
    REQUIRE(device.status == 201);
    auto bakery = kiosk_client(s, device.body["token"].get<std::string>().c_str());
    CHECK(lookup(bakery, "1002", "1357").status == 401);
}

TEST_CASE("twenty wrong PINs on one device lock the device, whatever the badges") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto k = kiosk_client(s);
    for (int i = 0; i < 20; ++i) CHECK(lookup(k, std::to_string(2000 + i), "4071").status == 401);
    auto throttled = lookup(k, "1001", "2580");
    CHECK(throttled.status == 429);
    CHECK(throttled.error()["code"] == "throttled");
    auto other_device = kiosk_client(s, "demo-kiosk-ghent");
    CHECK(lookup(other_device, "1001", "2580").status == 200);
}

TEST_CASE("HR gives out badges, workers choose their PIN, and the PIN is never kept in clear") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto anna = s.signed_in("worker@demo.example");
    auto mine = anna.get("/api/v1/me/kiosk");
    REQUIRE(mine.status == 200);
    CHECK(mine.body["badge"] == "1001");
    CHECK(mine.body["pin_set"] == true);

    CHECK(hr.put("/api/v1/workers/w-0006/badge", {{"badge", "1001"}}).error()["code"] == "conflict");
    auto given = hr.put("/api/v1/workers/w-0006/badge", {{"badge", "2006"}});
    REQUIRE(given.status == 200);
    CHECK(given.body["pin_set"] == false);
    CHECK(s.signed_in("manager@demo.example").put("/api/v1/workers/w-0006/badge", {{"badge", "3006"}}).status == 403);
    CHECK(hr.put("/api/v1/workers/b-0001/badge", {{"badge", "3001"}}).status == 404);  // another employer's worker

    auto weak = anna.put("/api/v1/me/kiosk-pin", {{"pin", "1234"}});
    CHECK(weak.status == 400);
    CHECK(weak.error()["field"] == "pin");
    CHECK(weak.raw.find("1234") == std::string::npos);
    const std::string idempotency_before = sql_text(s.db, "SELECT count(*) FROM idempotency");
    anna.set_header("Idempotency-Key", "pin-change-1");
    auto changed = anna.put("/api/v1/me/kiosk-pin", {{"pin", "40719"}});
    REQUIRE(changed.status == 200);
    CHECK(sql_text(s.db, "SELECT count(*) FROM idempotency") == idempotency_before);
    CHECK(sql_text(s.db, "SELECT count(*) FROM audit_log WHERE after_json LIKE '%40719%' OR before_json LIKE '%40719%'") == "0");
    auto k = kiosk_client(s);
    CHECK(lookup(k, "1001", "2580").status == 401);
    CHECK(lookup(k, "1001", "40719").status == 200);

    CHECK(hr.del("/api/v1/workers/w-0002/badge").status == 200);
    auto no_badge = s.signed_in("worker2@demo.example").put("/api/v1/me/kiosk-pin", {{"pin", "4071"}});
    CHECK(no_badge.status == 409);
    CHECK(no_badge.error()["code"] == "no_badge");
    CHECK(lookup(k, "1002", "1357").status == 401);
    CHECK(k.put("/api/v1/me/kiosk-pin", {{"pin", "4071"}}).status == 403);
}

TEST_CASE("trainings with places: HR plans, workers take and give back places, kiosks see the change") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto k = kiosk_client(s);
    const std::int64_t cursor = k.get("/api/v1/sync?cursor=0").body["cursor"];
    auto sessions = hr.get("/api/v1/training-sessions");
    REQUIRE(sessions.status == 200);
    const std::string day = sessions.body["items"][0]["date"];
    CHECK(hr.post("/api/v1/training-sessions", {{"site", "Antwerp"}, {"title", "x"}, {"date", "2020-01-01"}, {"start", "09:00"},
                                                {"minutes", 60}, {"places", 2}}).error()["field"] == "date");
    auto created = hr.post("/api/v1/training-sessions", {{"site", "Antwerp"}, {"title", "Ladder safety"}, {"date", day}, {"start", "07:30"},
                                                         {"minutes", 60}, {"places", 1}});
    REQUIRE(created.status == 201);
    const std::string id = created.body["id"];
    auto sync = k.get("/api/v1/sync?cursor=" + std::to_string(cursor));
    CHECK(sync.body["changed"] == true);
    auto board = k.get("/api/v1/kiosk/board");
    CHECK(board.body["sessions"][0]["title"] == "Ladder safety");  // same day, earlier start

    auto anna = s.signed_in("worker@demo.example");
    auto taken = anna.post("/api/v1/training-sessions/" + id + "/enrolment", json::object());
    REQUIRE(taken.status == 201);
    CHECK(taken.body["free"] == 0);
    CHECK(anna.post("/api/v1/training-sessions/" + id + "/enrolment", json::object()).error()["code"] == "already_enrolled");
    CHECK(s.signed_in("worker2@demo.example").post("/api/v1/training-sessions/" + id + "/enrolment", json::object()).error()["code"] ==
          "session_full");
    CHECK(k.get("/api/v1/kiosk/board").body["sessions"][0]["title"] != "Ladder safety");  // full: no longer shown
    auto listed = anna.get("/api/v1/training-sessions");
    bool mine = false;
    for (const auto& item : listed.body["items"]) mine |= item["id"] == id && item["enrolled_by_me"] == true;
    CHECK(mine);
    CHECK(anna.del("/api/v1/training-sessions/" + id + "/enrolment").status == 200);
    CHECK(anna.del("/api/v1/training-sessions/" + id + "/enrolment").status == 404);
    CHECK(anna.post("/api/v1/training-sessions", {{"site", "Antwerp"}, {"title", "x"}, {"date", day}, {"start", "09:00"}, {"minutes", 60},
                                                  {"places", 2}}).status == 403);
    CHECK(hr.del("/api/v1/training-sessions/" + id).status == 200);
    CHECK(s.signed_in("hr@bakery.example").get("/api/v1/training-sessions").body["items"].empty());
}

TEST_CASE("HR lists kiosk devices with their sites and languages, never their tokens") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto created = hr.post("/api/v1/kiosk-devices", {{"site", "Ghent"}, {"languages", {"fr", "nl"}}});
    REQUIRE(created.status == 201);
    CHECK(created.body["languages"] == json::array({"fr", "nl"}));
    const std::string token = created.body["token"];
    CHECK(hr.post("/api/v1/kiosk-devices", {{"site", "Ghent"}, {"languages", {"xx"}}}).error()["field"] == "languages");
    auto list = hr.get("/api/v1/kiosk-devices");
    REQUIRE(list.status == 200);
    REQUIRE(list.body["items"].size() == 3);  // the two demo displays and this one
    CHECK(list.body["items"][0]["site"] == "Antwerp");
    CHECK(list.body["items"][0]["languages"] == json::array({"nl", "fr"}));
    CHECK(list.raw.find(token) == std::string::npos);
    CHECK(list.raw.find("demo-kiosk") == std::string::npos);
    CHECK(hr.del("/api/v1/kiosk-devices/" + created.body["id"].get<std::string>()).status == 200);
    CHECK(hr.get("/api/v1/kiosk-devices").body["items"][2]["revoked"] == true);
    CHECK(s.signed_in("manager@demo.example").get("/api/v1/kiosk-devices").status == 403);
    CHECK(s.signed_in("hr@bakery.example").get("/api/v1/kiosk-devices").body["items"].empty());
}
