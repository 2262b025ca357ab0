// The HTTP API of a real server process over loopback, backed by a temporary SQLite file.
#include <doctest/doctest.h>

#include <cstdlib>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "demo_server.h"

using namespace ll::test;
using nlohmann::json;

namespace {

void check_error(const Reply& r, int status, const std::string& code, const std::string& field) {
    CHECK(r.status == status);
    REQUIRE(r.body.is_object());
    REQUIRE(r.body.contains("error"));
    CHECK(r.error()["code"] == code);
    CHECK(r.error()["message"].is_string());
    if (!field.empty()) CHECK(r.error()["field"] == field);
}

}  // namespace

TEST_CASE("health answers with the schema version") {
    DemoServer s;
    REQUIRE(s.seeded);
    REQUIRE(s.server.running());
    auto r = s.client().get("/api/v1/health");
    CHECK(r.status == 200);
    CHECK(r.body["status"] == "ok");
    CHECK(r.body["schema_version"] == 12);
}

TEST_CASE("figures need a session; the demo worker's entitlement comes from the database and the core") {
    DemoServer s;
    REQUIRE(s.server.running());
    check_error(s.client().get("/api/v1/workers/w-0001/entitlement?year=2024"), 401, "unauthenticated", "");
    auto worker = s.signed_in("worker@demo.example");
    auto r = worker.get("/api/v1/workers/w-0001/entitlement?year=2024");
    REQUIRE(r.status == 200);
    CHECK(r.body["year"] == 2024);
    CHECK(r.body["entitled_days_exact"] == "3");
    CHECK(r.body["entitled_minutes"] == 1368);
    CHECK(r.body["months_counted"] == 9);
    CHECK(r.body["explanation"][1]["text"] == "5 d x 80 % x 9/12 months = 3 d");
    CHECK(worker.get("/api/v1/workers/w-0001/entitlement?year=2025").body["entitled_days_exact"] == "4");
    CHECK(worker.get("/api/v1/workers/w-0001/entitlement?year=2023").body["entitled_days_exact"] == "0");
    // A worker of the small employer (8 FTE): no legal days.
    auto bakery = s.signed_in("worker@bakery.example");
    CHECK(bakery.get("/api/v1/workers/b-0001/entitlement?year=2024").body["entitled_days_exact"] == "0");
}

TEST_CASE("keep me signed in: a persistent cookie on a trusted device, a browser-session one otherwise") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto trusted = s.client();
    auto kept = trusted.login("worker@demo.example", "demo-worker", true);
    REQUIRE(kept.status == 200);
    CHECK(kept.body["persistent"] == true);
    auto kept_cookie = kept.headers.find("Set-Cookie");
    REQUIRE(kept_cookie != kept.headers.end());
    CHECK(kept_cookie->second.find("Max-Age=") != std::string::npos);

    auto shared = s.client();
    auto once = shared.login("worker@demo.example", "demo-worker", false);
    REQUIRE(once.status == 200);
    CHECK(once.body["persistent"] == false);
    auto once_cookie = once.headers.find("Set-Cookie");
    REQUIRE(once_cookie != once.headers.end());
    CHECK(once_cookie->second.find("Max-Age") == std::string::npos);  // gone with the browser session
    CHECK(once_cookie->second.find("HttpOnly") != std::string::npos);
    CHECK(shared.get("/api/v1/me").body["persistent"] == false);  // reported again when the app reopens
    CHECK(trusted.get("/api/v1/me").body["persistent"] == true);
    auto typed = s.client();
    auto wrong = typed.post("/api/v1/session", {{"email", "worker@demo.example"}, {"password", "demo-worker"}, {"remember", "yes"}});
    CHECK(wrong.status == 400);
    CHECK(wrong.error()["field"] == "remember");
}

TEST_CASE("JSON answers are compressed for clients that accept it, and decode to the same") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto plain = s.signed_in("worker@demo.example");
    auto zipped = s.signed_in("worker@demo.example");
    zipped.set_header("Accept-Encoding", "gzip");
    auto a = plain.get("/api/v1/me/balance?year=2026");
    auto b = zipped.get("/api/v1/me/balance?year=2026");
    REQUIRE(a.status == 200);
    REQUIRE(b.status == 200);
    CHECK(a.headers.find("Content-Encoding") == a.headers.end());
    REQUIRE(b.headers.find("Content-Encoding") != b.headers.end());
    CHECK(b.headers.find("Content-Encoding")->second == "gzip");
    CHECK(b.headers.find("Content-Type")->second == "application/json; charset=utf-8");
    CHECK(a.body == b.body);
}

TEST_CASE("bad requests get the JSON error naming the field") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto c = s.signed_in("worker@demo.example");
    check_error(c.get("/api/v1/workers/w-0001/entitlement"), 400, "missing_field", "year");
    check_error(c.get("/api/v1/workers/w-0001/entitlement?year=20x4"), 400, "wrong_type", "year");
    check_error(c.get("/api/v1/workers/w-0001/entitlement?year=2019"), 400, "out_of_range", "year");
    check_error(c.get("/api/v1/workers/w-0001/entitlement?year=2041"), 400, "out_of_range", "year");
    check_error(c.get("/api/v1/workers/w-0001/entitlement?year=2030"), 404, "not_found", "year");
    check_error(c.get("/api/v1/workers/nobody/entitlement?year=2024"), 404, "not_found", "worker");
    check_error(c.get("/api/v1/workers/%2e%2e%2f/entitlement?year=2024"), 404, "not_found", "");
    check_error(c.get("/api/v1/nothing/here"), 404, "not_found", "");
    check_error(c.post("/api/v1/health", nlohmann::json::object()), 404, "not_found", "");
}

TEST_CASE("seed-demo is idempotent and the CLI refuses bad usage") {
    TempDir dir;
    std::string db = dir.file("ll.db");
    auto first = run_learnledger({"seed-demo", "--db", db});
    CHECK(first.exit_code == 0);
    CHECK(first.out == "demo data created\n");
    auto second = run_learnledger({"seed-demo", "--db", db});
    CHECK(second.exit_code == 0);
    CHECK(second.out == "demo data already present\n");

    auto no_db = run_learnledger({"seed-demo"});
    CHECK(no_db.exit_code == 2);
    CHECK(no_db.err.find("--db") != std::string::npos);
    CHECK(no_db.out.empty());
    auto typo = run_learnledger({"serve", "--db", db, "--prot", "80"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.err.find("unknown option --prot") != std::string::npos);
    auto bad_port = run_learnledger({"serve", "--db", db, "--port", "99999"});
    CHECK(bad_port.exit_code == 2);
    for (const char* threads : {"0", "abc", "5000"}) {
        auto bad_threads = run_learnledger({"serve", "--db", db, "--port", "0", "--threads", threads});
        CHECK(bad_threads.exit_code == 2);
        CHECK(bad_threads.err.find("--threads must be a number from 1 to 1024") != std::string::npos);
    }
    auto unknown = run_learnledger({"frobnicate"});
    CHECK(unknown.exit_code == 2);
    auto missing_web = run_learnledger({"serve", "--db", db, "--port", "0", "--web", dir.file("absent")});
    CHECK(missing_web.exit_code == 1);
    CHECK(missing_web.err.find("web folder not found") != std::string::npos);
}

TEST_CASE("the web bundle is served with types, gzip, validators and security headers") {
    TempDir web;
    web.write("index.html", "<!doctype html><title>t</title>");
    web.write("app.wasm", std::string("\0asm\1\0\0\0", 8));
    const std::string script(5000, 'x');
    web.write("app.js", script);
    REQUIRE(std::system(("gzip -k -9 " + web.file("app.js") + " " + web.file("app.wasm")).c_str()) == 0);
    web.write(".hidden", "secret");
    TempDir dir;
    ServerProcess server(dir.file("ll.db"), {"--web", web.path()});
    REQUIRE(server.running());
    httplib::Client c("127.0.0.1", server.port());

    auto index = c.Get("/");
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(index->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(index->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);

    auto plain = c.Get("/app.wasm");
    REQUIRE(plain);
    CHECK(plain->get_header_value("Content-Type") == "application/wasm");
    CHECK(plain->body.size() == 8);
    CHECK_FALSE(plain->has_header("Content-Encoding"));

    // The client decompresses: the body equals the original only if it was compressed exactly once.
    for (const char* path : {"/app.wasm", "/app.js"}) {
        auto gz = c.Get(path, {{"Accept-Encoding", "gzip, deflate, br"}});
        REQUIRE(gz);
        CHECK(gz->get_header_value("Content-Encoding") == "gzip");
        CHECK(gz->get_header_value("Vary") == "Accept-Encoding");
        CHECK(gz->body == c.Get(path)->body);
    }
    CHECK(c.Get("/app.js")->body == script);

    auto again = c.Get("/app.wasm", {{"If-None-Match", plain->get_header_value("ETag")}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());

    for (const char* path : {"/.hidden", "/../ll.db", "/%2e%2e/ll.db", "/app.wasm.gz", "/nothing"}) {
        auto r = c.Get(path);
        REQUIRE(r);
        CHECK_MESSAGE(r->status == 404, path);
    }
}
