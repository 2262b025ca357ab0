// The training workflow over HTTP against a real server and SQLite file: submit with a
// certificate, retries with idempotency keys, approve, reject, withdraw, bulk approve, comments,
// HR registrations and corrections, delegation, sync, audit chain, sessions and throttling.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "demo_server.h"

using namespace ll::test;
using nlohmann::json;

namespace {

const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0\x90wS\xDE", 33);

json training(const std::string& title, const std::string& date = "2026-11-23", int minutes = 228) {
    return {{"title", title}, {"provider", "Academy"}, {"training_type", "formal"}, {"date", date}, {"minutes", minutes}};
}

bool has_entry(const Reply& list, const std::string& id) {
    for (const auto& e : list.body["items"])
        if (e["id"] == id) return true;
    return false;
}

}  // namespace

TEST_CASE("submit with a certificate, retry safely, approve; the balance follows") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto worker = s.signed_in("worker@demo.example");
    auto me = worker.get("/api/v1/me");
    CHECK(me.body["role"] == "worker");
    CHECK(me.body["worker_id"] == "w-0001");
    CHECK(me.body["employer"]["id"] == "demo");
    CHECK(me.body["display_name"] == "Anna Peeters");

    auto y24 = worker.get("/api/v1/me/balance?year=2024");
    REQUIRE(y24.status == 200);
    CHECK(y24.body["entitled_minutes"] == 1368);
    CHECK(y24.body["used_minutes"] == 456);  // "First aid", approved in the demo data

    auto cert = worker.post_raw("/api/v1/certificates", png, "image/png");
    REQUIRE(cert.status == 201);
    CHECK(cert.body["content_type"] == "image/png");
    CHECK(cert.body["sha256"] == "9eaf66cb2ab9389f42744617015dfdbfa9a382221513149241ab355a2bd32ea4");  // sha256sum of `png`

    json body = training("Warehouse safety");
    body["certificate_id"] = cert.body["id"];
    auto first = worker.post("/api/v1/trainings", body, "key-1");
    REQUIRE(first.status == 201);
    CHECK(first.body["status"] == "submitted");
    const std::string id = first.body["id"];
    // The phone retries: same answer, nothing written twice.
    auto retry = worker.post("/api/v1/trainings", body, "key-1");
    CHECK(retry.status == 201);
    CHECK(retry.raw == first.raw);
    CHECK(retry.headers.find("Idempotent-Replayed") != retry.headers.end());
    CHECK(worker.post("/api/v1/trainings", training("Something else"), "key-1").status == 422);
    int copies = 0;
    auto year = worker.get("/api/v1/me/balance?year=2026");
    for (const auto& e : year.body["entries"]) copies += e["title"] == "Warehouse safety";
    CHECK(copies == 1);
    CHECK(worker.get("/api/v1/me/balance?year=2026").body["pending_minutes"] == 228 + 228);  // + demo "Safe loading"

    auto manager = s.signed_in("manager@demo.example");
    auto inbox = manager.get("/api/v1/approvals");
    CHECK(has_entry(inbox, id));
    auto approved = manager.post("/api/v1/entries/" + id + "/approve", json::object());
    REQUIRE(approved.status == 200);
    CHECK(approved.body["status"] == "approved");
    CHECK(approved.body["decided_by"] == "w-0003");
    CHECK(manager.post("/api/v1/entries/" + id + "/approve", json::object()).status == 409);
    CHECK(manager.post("/api/v1/entries/" + id + "/reject", {{"reason", "late"}}).status == 409);
    CHECK_FALSE(has_entry(manager.get("/api/v1/approvals"), id));
    CHECK(worker.get("/api/v1/me/balance?year=2026").body["used_minutes"] == 228);

    // The certificate is served to the worker and their manager, with its hash.
    auto file = manager.get("/api/v1/certificates/" + cert.body["id"].get<std::string>());
    CHECK(file.status == 200);
    CHECK(file.raw == png);
    auto other = s.signed_in("worker2@demo.example");
    CHECK(other.get("/api/v1/certificates/" + cert.body["id"].get<std::string>()).status == 404);
}

TEST_CASE("uploads are checked by content and size") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto worker = s.signed_in("worker@demo.example");
    const std::string before = table_fingerprint(s.db);
    auto fake = worker.post_raw("/api/v1/certificates", "<html>not an image</html>", "image/png");
    CHECK(fake.status == 415);
    CHECK(fake.error()["field"] == "Content-Type");
    CHECK(worker.post_raw("/api/v1/certificates", "%PDF-1.7 ...", "image/png").status == 415);  // content says PDF
    CHECK(worker.post_raw("/api/v1/certificates", "", "image/png").status == 400);
    CHECK(worker.post_raw("/api/v1/certificates", std::string(6 << 20, 'x'), "image/jpeg").status == 413);
    CHECK(table_fingerprint(s.db) == before);
    CHECK(worker.post_raw("/api/v1/certificates", "%PDF-1.7\n%...", "application/pdf").status == 201);
}

TEST_CASE("reject needs a reason; withdraw; comments; bulk approve is all or nothing") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto worker = s.signed_in("worker@demo.example");
    auto manager = s.signed_in("manager@demo.example");
    std::string a = worker.post("/api/v1/trainings", training("A")).body["id"];
    std::string b = worker.post("/api/v1/trainings", training("B")).body["id"];
    std::string c = worker.post("/api/v1/trainings", training("C")).body["id"];

    auto no_reason = manager.post("/api/v1/entries/" + a + "/reject", json::object());
    CHECK(no_reason.status == 400);
    CHECK(no_reason.error()["field"] == "reason");
    auto rejected = manager.post("/api/v1/entries/" + a + "/reject", {{"reason", "not job-related"}});
    CHECK(rejected.body["status"] == "rejected");
    CHECK(rejected.body["decision_reason"] == "not job-related");

    CHECK(manager.post("/api/v1/entries/" + b + "/withdraw", json::object()).status == 403);
    CHECK(worker.post("/api/v1/entries/" + b + "/withdraw", json::object()).body["status"] == "withdrawn");

    CHECK(worker.post("/api/v1/entries/" + c + "/comments", {{"text", "Certificate follows next week"}}).status == 201);
    CHECK(manager.post("/api/v1/entries/" + c + "/comments", {{"text", "Thanks"}}).status == 201);
    auto with_comments = manager.get("/api/v1/entries/" + c);
    REQUIRE(with_comments.body["comments"].size() == 2);
    CHECK(with_comments.body["comments"][0]["author_id"] == "w-0001");

    std::string d = worker.post("/api/v1/trainings", training("D")).body["id"];
    const std::string before = table_fingerprint(s.db);
    auto partial = manager.post("/api/v1/entries/bulk-approve", {{"ids", {c, "e-does-not-exist", d}}});
    CHECK(partial.status == 404);
    CHECK(partial.error()["field"] == "ids[1]");
    CHECK(table_fingerprint(s.db) == before);
    auto bulk = manager.post("/api/v1/entries/bulk-approve", {{"ids", {c, d}}});
    REQUIRE(bulk.status == 200);
    CHECK(bulk.body["items"].size() == 2);
    CHECK(bulk.body["items"][1]["status"] == "approved");
}

TEST_CASE("HR registers trainings approved at once and corrects with new entries") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    json body = training("Toolbox talk", "2026-05-04", 60);
    body["worker_id"] = "w-0001";
    auto reg = hr.post("/api/v1/trainings", body);
    REQUIRE(reg.status == 201);
    CHECK(reg.body["status"] == "approved");
    auto own = training("My own course");
    own["worker_id"] = "w-0008";  // HR's own record: never self-approved
    CHECK(hr.post("/api/v1/trainings", own).status == 201);
    auto mine = s.signed_in("hr@demo.example").get("/api/v1/workers/w-0008/balance?year=2026");
    CHECK(mine.status == 200);

    auto corr = hr.post("/api/v1/corrections", {{"worker_id", "w-0001"}, {"date", "2026-05-05"}, {"minutes", -30}, {"reason", "double count"}});
    REQUIRE(corr.status == 201);
    CHECK(corr.body["kind"] == "correction");
    CHECK(corr.body["status"] == "approved");
    auto worker = s.signed_in("worker@demo.example");
    auto balance = worker.get("/api/v1/me/balance?year=2026").body;
    CHECK(balance["used_minutes"] == 60 + 30);
    CHECK(worker.post("/api/v1/corrections", {{"worker_id", "w-0001"}, {"date", "2026-05-05"}, {"minutes", 600}, {"reason", "x"}}).status == 403);
}

TEST_CASE("a delegate decides while the delegation runs") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto worker = s.signed_in("worker@demo.example");
    auto manager = s.signed_in("manager@demo.example");
    auto deputy = s.signed_in("worker2@demo.example");
    std::string id = worker.post("/api/v1/trainings", training("Delegated")).body["id"];
    CHECK(deputy.post("/api/v1/entries/" + id + "/approve", json::object()).status == 404);  // not their team
    auto bad = manager.post("/api/v1/delegations", {{"delegate_id", "w-0002"}, {"from", "2020-01-10"}, {"to", "2020-01-01"}});
    CHECK(bad.error()["field"] == "to");
    CHECK(manager.post("/api/v1/delegations", {{"delegate_id", "w-0002"}, {"from", "2020-01-01"}, {"to", "2020-01-31"}}).status == 201);
    CHECK(deputy.post("/api/v1/entries/" + id + "/approve", json::object()).status == 404);  // that delegation is over
    // Standing in for another department's manager gives nothing over this worker.
    auto hr = s.signed_in("hr@demo.example");
    CHECK(hr.post("/api/v1/delegations", {{"approver_id", "w-0004"}, {"delegate_id", "w-0002"}, {"from", "2026-01-01"},
                                          {"to", "2026-12-31"}}).status == 201);
    CHECK(deputy.post("/api/v1/entries/" + id + "/approve", json::object()).status == 404);
    CHECK_FALSE(has_entry(deputy.get("/api/v1/approvals"), id));
    CHECK(manager.post("/api/v1/delegations", {{"delegate_id", "w-0002"}, {"from", "2026-01-01"}, {"to", "2026-12-31"}}).status == 201);
    CHECK(has_entry(deputy.get("/api/v1/approvals"), id));
    CHECK(deputy.post("/api/v1/entries/" + id + "/approve", json::object()).body["status"] == "approved");
    CHECK(deputy.post("/api/v1/delegations", {{"approver_id", "w-0003"}, {"delegate_id", "w-0002"}, {"from", "2026-01-01"},
                                              {"to", "2026-01-02"}}).status == 403);
}

TEST_CASE("sync returns what changed since a cursor, scoped to the caller") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto worker = s.signed_in("worker@demo.example");
    auto all = worker.get("/api/v1/sync?cursor=0");
    REQUIRE(all.status == 200);
    for (const auto& c : all.body["changes"]) CHECK(c["object"]["worker_id"] == "w-0001");
    CHECK(all.body["changes"].size() == 6);  // Anna's six demo entries
    std::int64_t cursor = all.body["cursor"];
    CHECK(worker.get("/api/v1/sync?cursor=" + std::to_string(cursor)).body["changes"].empty());
    std::string id = worker.post("/api/v1/trainings", training("New")).body["id"];
    auto next = worker.get("/api/v1/sync?cursor=" + std::to_string(cursor));
    REQUIRE(next.body["changes"].size() == 1);
    CHECK(next.body["changes"][0]["id"] == id);
    CHECK(worker.get("/api/v1/sync?cursor=abc").status == 400);
}

TEST_CASE("the audit log records who did what, and tampering shows") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto worker = s.signed_in("worker@demo.example");
    auto hr = s.signed_in("hr@demo.example");
    std::string id = worker.post("/api/v1/trainings", training("Audited")).body["id"];
    s.signed_in("manager@demo.example").post("/api/v1/entries/" + id + "/approve", json::object());
    auto log = hr.get("/api/v1/audit");
    REQUIRE(log.status == 200);
    REQUIRE(log.body["items"].size() == 2);
    CHECK(log.body["items"][1]["action"] == "entry.approve");
    CHECK(log.body["items"][1]["actor"] == "acc-manager");
    CHECK(log.body["items"][1]["before"]["status"] == "submitted");
    CHECK(log.body["items"][1]["after"]["status"] == "approved");
    CHECK(hr.get("/api/v1/audit/verify").body["ok"] == true);
    CHECK(worker.get("/api/v1/audit").status == 403);
    REQUIRE(execute_sql(s.db, "UPDATE audit_log SET actor = 'somebody-else' WHERE seq = 1"));
    auto verify = hr.get("/api/v1/audit/verify");
    CHECK(verify.body["ok"] == false);
    CHECK(verify.body["broken_at"] == 1);
}

TEST_CASE("sessions: CSRF on writes, sign-out, idle expiry; sign-in throttling") {
    DemoServer s({"--session-idle-seconds", "2"});
    REQUIRE(s.server.running());
    auto worker = s.signed_in("worker@demo.example");
    auto no_csrf = s.signed_in("worker@demo.example");
    no_csrf.forget_csrf();
    auto refused = no_csrf.post("/api/v1/trainings", training("x"));
    CHECK(refused.status == 403);
    CHECK(refused.error()["code"] == "csrf");
    CHECK(worker.get("/api/v1/me").body["csrf_token"] == worker.csrf());

    CHECK(worker.del("/api/v1/session").status == 200);
    CHECK(worker.get("/api/v1/me").status == 401);

    auto idle = s.signed_in("worker@demo.example");
    std::this_thread::sleep_for(std::chrono::milliseconds(3200));
    auto expired = idle.get("/api/v1/me");
    CHECK(expired.status == 401);
    CHECK(expired.error()["code"] == "session_expired");

    auto guesser = s.client();
    for (int i = 0; i < 5; ++i) CHECK(guesser.login("manager@demo.example", "wrong").status == 400);
    auto locked = guesser.login("manager@demo.example", "demo-manager");
    CHECK(locked.status == 429);
    CHECK(locked.headers.find("Retry-After") != locked.headers.end());
    // Unknown accounts get the same answer as wrong passwords.
    auto unknown = guesser.login("nobody@demo.example", "x");
    CHECK(unknown.error()["message"] == "wrong e-mail address or password");
    CHECK(s.client().login("worker@demo.example", "demo-worker").status == 200);
}
