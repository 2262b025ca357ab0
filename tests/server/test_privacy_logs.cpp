// Privacy of the server's own output: after a session full of personal data (national numbers,
// names, e-mail addresses, passwords, refused and accepted alike) the log holds none of it, and no
// error answer repeats a national number.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "demo_server.h"
#include "wire_connection.h"

using namespace ll::test;
using nlohmann::json;

TEST_CASE("the server log and error answers carry no personal identifiers") {
    TempDir dir;
    const std::string db = seeded_demo_db(dir);
    const std::string log = dir.file("server.log");
    std::vector<Reply> answers;
    {
        ServerProcess server(db, {}, log);
        REQUIRE(server.running());
        ApiClient stranger(server.port());
        answers.push_back(stranger.login("nobody.private@demo.example", "secret-password-123"));
        ApiClient hr(server.port());
        REQUIRE(hr.login("hr@demo.example", "demo-hr").status == 200);
        json person{{"display_name", "Zoë Privacytest"}, {"department_id", "demo:Office"}, {"national_number", "90.02.01-123.05"},
                    {"employment", {{{"start", "2026-09-01"}, {"fraction", 1}}}}};
        answers.push_back(hr.post("/api/v1/workers", person));
        CHECK(answers.back().status == 201);
        answers.push_back(hr.post("/api/v1/workers", person));  // the same national number again: a conflict
        CHECK(answers.back().status == 409);
        person["national_number"] = "90.02.01-123.99";  // wrong check digits
        answers.push_back(hr.post("/api/v1/workers", person));
        CHECK(answers.back().status == 400);
        answers.push_back(hr.get("/api/v1/workers?q=Privacytest"));
        auto key = hr.post("/api/v1/provider-keys", {{"name", "Academy"}});
        REQUIRE(key.status == 201);
        ApiClient provider(server.port());
        provider.set_bearer(key.body["token"]);
        answers.push_back(provider.post("/api/v1/provider/trainings",
                                        {{"national_number", "90.02.01-123.05"}, {"title", "Forklift"}, {"date", "2026-10-01"}, {"minutes", 60}}));
        CHECK(answers.back().status == 201);
        answers.push_back(provider.post("/api/v1/provider/trainings",
                                        {{"national_number", "71020210199"}, {"title", "Forklift"}, {"date", "2026-10-01"}, {"minutes", 60}}));
        CHECK(answers.back().status >= 400);
    }
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    const std::string written = text.str();
    CHECK(written.find("POST /api/v1/workers") != std::string::npos);  // the log is there and has requests
    for (const char* secret : {"900201", "12305", "12399", "71020210199", "Privacytest", "Zoë", "nobody.private", "secret-password",
                               "hr@demo.example", "demo-hr"})
        CHECK_MESSAGE(written.find(secret) == std::string::npos, "the log holds ", secret);
    for (const auto& a : answers)
        if (a.status >= 400)
            for (const char* number : {"90020112305", "90.02.01-123.05", "90020112399", "71020210199"})
                CHECK_MESSAGE(a.raw.find(number) == std::string::npos, "an error answer repeats a national number: ", a.raw);
}

TEST_CASE("a path that decodes to line breaks cannot forge a line in the access log") {
    TempDir dir;
    const std::string log = dir.file("server.log");
    {
        ServerProcess server(seeded_demo_db(dir), {}, log);
        REQUIRE(server.running());
        WireConnection c(server.port());
        REQUIRE(c.send("GET /api/v1/x%0AGET%20/forged%20200%0D?worker=85073100189 HTTP/1.1\r\nHost: x\r\n\r\n"));
        CHECK(c.answer().rfind("HTTP/1.1 404", 0) == 0);
    }
    std::ifstream in(log);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (line.find("/api/v1/x") != std::string::npos || line.find("forged") != std::string::npos) lines.push_back(line);
    CHECK(lines == std::vector<std::string>{"GET /api/v1/x?GET /forged 200? 404"});
}
