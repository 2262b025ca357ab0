// Connections as the event loop serves them: slow, idle, pipelined, half-closed, streamed and
// oversized requests, on a server with two request threads, over raw sockets.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

#include "demo_server.h"
#include "load_client.h"
#include "wire_connection.h"

using namespace ll::test;

namespace {

const std::string health_request = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";

bool answered_ok(const std::string& answer) { return answer.rfind("HTTP/1.1 200 OK\r\n", 0) == 0; }

std::string sign_in_request(const std::string& extra_headers, const std::string& body) {
    return "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + extra_headers + "\r\n" + body;
}

const std::string worker_credentials = R"({"email":"worker@demo.example","password":"demo-worker"})";

}  // namespace

TEST_CASE("clients slow to send their headers, and idle ones, hold none of the server's two threads") {
    DemoServer s({"--threads", "2"});
    std::vector<std::unique_ptr<WireConnection>> idle, slow;
    for (int i = 0; i < 40; ++i) {
        idle.push_back(std::make_unique<WireConnection>(s.server.port()));
        slow.push_back(std::make_unique<WireConnection>(s.server.port()));
        REQUIRE(slow.back()->connected());
        REQUIRE(slow.back()->send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"));  // and no end of headers yet
    }
    // A thread per connection would have 80 clients ahead of this one, each holding a thread until
    // its read timed out (5 s), and the slow ones would then have been closed.
    WireConnection prompt(s.server.port());
    REQUIRE(prompt.send(health_request));
    CHECK(answered_ok(prompt.answer()));
    for (auto& c : slow) {
        REQUIRE(c->send("\r\n"));
        CHECK(answered_ok(c->answer()));
    }
    for (auto& c : idle) {
        REQUIRE(c->send(health_request));
        CHECK(answered_ok(c->answer()));
    }
}

TEST_CASE("requests sent together are answered in order; one trickled byte by byte is answered too") {
    DemoServer s({"--threads", "2"});
    WireConnection c(s.server.port());
    REQUIRE(c.send(health_request + "GET /api/v1/nothing-here HTTP/1.1\r\nHost: x\r\n\r\n" + health_request));
    CHECK(answered_ok(c.answer()));
    CHECK(c.answer().rfind("HTTP/1.1 404", 0) == 0);
    CHECK(answered_ok(c.answer()));

    const std::string sign_in = sign_in_request("Content-Length: " + std::to_string(worker_credentials.size()) + "\r\n", worker_credentials);
    for (char byte : sign_in) {
        REQUIRE(c.send(std::string(1, byte)));
        std::this_thread::sleep_for(std::chrono::microseconds(300));
    }
    const std::string signed_in = c.answer();
    CHECK(answered_ok(signed_in));
    CHECK(signed_in.find("Set-Cookie: ") != std::string::npos);
}

TEST_CASE("a body with neither length nor chunks is empty: what follows its headers is the next request, however it arrives") {
    DemoServer s({"--threads", "2"});
    const std::string no_length = sign_in_request("", "");
    for (const bool together : {true, false}) {
        CAPTURE(together);
        WireConnection c(s.server.port());
        if (together) {
            REQUIRE(c.send(no_length + health_request));
        } else {
            REQUIRE(c.send(no_length));
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            REQUIRE(c.send(health_request));
        }
        const std::string refused = c.answer();
        CHECK(refused.rfind("HTTP/1.1 400", 0) == 0);
        CHECK(refused.find("Set-Cookie: ") == std::string::npos);
        CHECK(answered_ok(c.answer()));
        REQUIRE(c.send(health_request));  // the connection carries on
        CHECK(answered_ok(c.answer()));
    }
    // Credentials sent as if a body, without a length, are no body: no one is signed in by them,
    // and they are then a malformed request, which closes the connection.
    WireConnection c(s.server.port());
    REQUIRE(c.send(sign_in_request("", worker_credentials) + health_request));
    const std::string first = c.answer(), second = c.answer();
    CHECK(first.rfind("HTTP/1.1 400", 0) == 0);
    CHECK(second.rfind("HTTP/1.1 400", 0) == 0);
    CHECK((first + second).find("Set-Cookie: ") == std::string::npos);
    CHECK(c.closed_by_server());
}

TEST_CASE("a client that stops sending after its request still gets the answer") {
    DemoServer s({"--threads", "2"});
    WireConnection c(s.server.port());
    REQUIRE(c.send(sign_in_request("Content-Length: " + std::to_string(worker_credentials.size()) + "\r\n", worker_credentials)));
    c.finish_sending();
    CHECK(answered_ok(c.answer()));
    CHECK(c.closed_by_server());
}

TEST_CASE("bodies that are streamed, announced with 100-continue or larger than what is gathered arrive whole") {
    DemoServer s({"--threads", "2"});
    SUBCASE("chunked") {
        WireConnection c(s.server.port());
        const std::string half = worker_credentials.substr(0, 20), rest = worker_credentials.substr(20);
        auto chunk = [](const std::string& data) {
            char size[16];
            std::snprintf(size, sizeof size, "%zx\r\n", data.size());
            return size + data + "\r\n";
        };
        REQUIRE(c.send(sign_in_request("Transfer-Encoding: chunked\r\n", chunk(half))));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        REQUIRE(c.send(chunk(rest) + "0\r\n\r\n"));
        CHECK(answered_ok(c.answer()));
        REQUIRE(c.send(health_request));  // the connection carries on after it
        CHECK(answered_ok(c.answer()));
    }
    SUBCASE("100-continue") {
        WireConnection c(s.server.port());
        REQUIRE(c.send(sign_in_request("Expect: 100-continue\r\nContent-Length: " + std::to_string(worker_credentials.size()) + "\r\n", "")));
        CHECK(c.answer() == "HTTP/1.1 100 Continue\r\n\r\n");
        REQUIRE(c.send(worker_credentials));
        CHECK(answered_ok(c.answer()));
    }
    SUBCASE("a body of 300 KB, read by its thread as it arrives") {
        // JSON padded with spaces: valid, larger than the 256 KB the loop gathers before a thread takes it.
        auto worker = sign_in(s.server.port(), "worker@demo.example", "demo-worker");
        REQUIRE(worker);
        const std::string body = R"({"title":"Forklift refresher","date":"2026-10-02","minutes":90})" + std::string(300 << 10, ' ');
        WireConnection c(s.server.port());
        REQUIRE(c.send("POST /api/v1/trainings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nCookie: " + worker->cookie +
                       "\r\nX-CSRF-Token: " + worker->csrf + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                       body.substr(0, 100000)));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        WireConnection other(s.server.port());  // served meanwhile by a read thread
        REQUIRE(other.send(health_request));
        CHECK(answered_ok(other.answer()));
        REQUIRE(c.send(body.substr(100000)));
        const std::string created = c.answer();
        CHECK(created.rfind("HTTP/1.1 201", 0) == 0);
        CHECK(created.find("Forklift refresher") != std::string::npos);
    }
}

TEST_CASE("a body announced past the upload limit is refused at once, unread, and its connection closed") {
    DemoServer s({"--threads", "2"});
    WireConnection long_sign_in(s.server.port());
    REQUIRE(long_sign_in.send(sign_in_request("Content-Length: 5000\r\n", worker_credentials + std::string(5000 - worker_credentials.size(), ' '))));
    CHECK(long_sign_in.answer().find("the body is larger than 4 kB") != std::string::npos);

    WireConnection c(s.server.port());
    REQUIRE(c.send(sign_in_request("Content-Length: 100000000000\r\n", "{\"email\":")));
    const std::string refused = c.answer();
    CHECK(refused.rfind("HTTP/1.1 413", 0) == 0);
    CHECK(refused.find("\"too_large\"") != std::string::npos);
    CHECK(refused.find("Connection: close") != std::string::npos);
    CHECK(c.closed_by_server());
}

TEST_CASE("a keep-alive connection is closed after 1,000 requests and the client carries on") {
    DemoServer s({"--threads", "2"});
    auto worker = sign_in(s.server.port(), "worker@demo.example", "demo-worker");
    REQUIRE(worker);
    httplib::Client http("127.0.0.1", s.server.port());
    http.set_keep_alive(true);
    int ok = 0;
    for (int i = 0; i < 1100; ++i) ok += ok_status(http.Get("/api/v1/me/balance?year=2026", headers_of(*worker)));
    CHECK(ok == 1100);
    WireConnection c(s.server.port());
    std::string pipelined;
    for (int i = 0; i < 999; ++i) pipelined += health_request;
    REQUIRE(c.send(pipelined));
    for (int i = 0; i < 999; ++i) REQUIRE(answered_ok(c.answer()));
    REQUIRE(c.send(health_request));
    const std::string last = c.answer();
    CHECK(answered_ok(last));
    CHECK(last.find("Connection: close") != std::string::npos);
    CHECK(c.closed_by_server());
}

TEST_CASE("connections silent mid-headers or idle are closed after 5 s; the server stops with others open") {
    DemoServer s({"--threads", "2"});
    WireConnection stalled(s.server.port()), idle(s.server.port());
    REQUIRE(stalled.send("GET /api/v1/health HTTP/1.1\r\nHo"));
    REQUIRE(idle.connected());
    CHECK(stalled.closed_by_server());  // after 5 to 6 s: the timeouts are checked every second
    CHECK(idle.closed_by_server());
    WireConnection open(s.server.port()), half(s.server.port());
    REQUIRE(open.send(health_request));
    CHECK(answered_ok(open.answer()));
    REQUIRE(half.send("GET /api/v1/health HTTP/1.1\r\n"));
    CHECK(s.server.terminate() == 0);  // SIGTERM with both still open: run() returns and main exits 0
}

TEST_CASE("slow senders past the server's request memory are answered 503 busy; whole requests still are answered") {
    TempDir dir;
    const std::string log = dir.file("server.log");
    ServerProcess server(seeded_demo_db(dir), {"--threads", "2", "--request-buffers-mb", "1"}, log);
    REQUIRE(server.running());
    // Each holds 150 kB of a 200 kB body (under the 256 kB a connection may gather): about 1 MB in five.
    // The query string carries a national number, which the log must not.
    const std::string head = "POST /api/v1/trainings?worker=85073100189 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n\r\n";
    auto send_most = [&](WireConnection& c) {
        REQUIRE(c.send(head + std::string(150000, ' ')));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the server reads it before the next comes
    };
    std::vector<std::unique_ptr<WireConnection>> slow;
    for (int i = 0; i < 10; ++i) {
        slow.push_back(std::make_unique<WireConnection>(server.port()));
        send_most(*slow.back());
    }
    WireConnection whole(server.port());
    REQUIRE(whole.send(health_request));
    CHECK(answered_ok(whole.answer()));

    int refused = 0, answered = 0;
    for (auto& c : slow) {
        (void)c->send(std::string(50000, ' '));  // the rest: a refused connection drops it, or is gone
        const std::string answer = c->answer();
        if (answer.rfind("HTTP/1.1 503", 0) == 0) {
            CHECK(answer.find("\"busy\"") != std::string::npos);
            CHECK(answer.find("Retry-After: 5") != std::string::npos);
            ++refused;
        } else if (answer.rfind("HTTP/1.1 401", 0) == 0) {
            ++answered;  // a whole body, of a request without a session
        }
    }
    CHECK(answered >= 3);
    CHECK(refused >= 4);
    CHECK(answered + refused == 10);
    slow.clear();

    // Closed connections give their memory back: the next slow sender is served again.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    WireConnection later(server.port());
    send_most(later);
    REQUIRE(later.send(std::string(50000, ' ')));
    CHECK(later.answer().rfind("HTTP/1.1 401", 0) == 0);

    // Each refusal is in the access log, as cpp-httplib's logger writes the requests it answers.
    CHECK(server.terminate() == 0);
    std::ifstream in(log);
    int logged_refusals = 0, logged_health = 0;
    for (std::string line; std::getline(in, line);) {
        logged_refusals += line == "POST /api/v1/trainings 503";
        logged_health += line == "GET /api/v1/health 200";
        CHECK_FALSE(has_national_number(line));
    }
    CHECK(logged_refusals == refused);
    CHECK(logged_health == 1);
}

TEST_CASE("changes on one fiber thread: a client not reading its answers holds up no other; uploads between them go to a thread") {
    TempDir web, dir;
    std::string big(2 << 20, '\0');
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 2654435761u) >> 13);
    web.write("big.bin", big);
    ServerProcess server(seeded_demo_db(dir), {"--web", web.path(), "--fiber-threads", "1"});
    REQUIRE(server.running());
    const std::string sign_in_worker =
        sign_in_request("Content-Length: " + std::to_string(worker_credentials.size()) + "\r\n", worker_credentials);

    SUBCASE("a client not reading") {
        // A change, then 16 MB of answers it does not read: its fiber waits for the socket.
        WireConnection slow(server.port());
        std::string requests = sign_in_worker;
        for (int i = 0; i < 8; ++i) requests += "GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n";
        REQUIRE(slow.send(requests));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        // Meanwhile the one fiber thread answers others' changes. Had it blocked in the wait, the slow
        // client's answer would have been cut off after the 5 s write timeout.
        for (int i = 0; i < 5; ++i) {
            WireConnection other(server.port());
            REQUIRE(other.send(sign_in_worker));
            CHECK(answered_ok(other.answer()));
        }
        CHECK(answered_ok(slow.answer()));
        for (int i = 0; i < 8; ++i) {
            const std::string answer = slow.answer();
            CHECK(answered_ok(answer));
            CHECK((answer.size() > big.size() && answer.compare(answer.size() - big.size(), big.size(), big) == 0));
        }
    }
    SUBCASE("the first sign-ins, all at once") {
        // Each hashes aside from the fiber thread; none may wait for another's first use of the decoy.
        std::vector<std::unique_ptr<WireConnection>> signing_in;
        const std::string stranger = R"({"email":"nobody@demo.example","password":"guess"})";
        for (int i = 0; i < 8; ++i) {
            signing_in.push_back(std::make_unique<WireConnection>(server.port()));
            const std::string& credentials = i % 2 ? stranger : worker_credentials;
            REQUIRE(signing_in.back()->send(sign_in_request("Content-Length: " + std::to_string(credentials.size()) + "\r\n", credentials)));
        }
        for (int i = 0; i < 8; ++i) CHECK(signing_in[i]->answer().rfind(i % 2 ? "HTTP/1.1 400" : "HTTP/1.1 200", 0) == 0);  // 400: invalid_credentials
    }
    SUBCASE("an upload between two changes, sent together") {
        auto worker = sign_in(server.port(), "worker@demo.example", "demo-worker");
        REQUIRE(worker);
        const std::string auth = "Cookie: " + worker->cookie + "\r\nX-CSRF-Token: " + worker->csrf + "\r\n";
        auto training = [&](const std::string& title) {
            const std::string body = R"({"title":")" + title + R"(","date":"2026-10-02","minutes":90})";
            return "POST /api/v1/trainings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth +
                   "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        };
        const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0\x90wS\xDE", 33);
        const std::string upload = "POST /api/v1/certificates HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\n" + auth +
                                   "Content-Length: " + std::to_string(png.size()) + "\r\n\r\n" + png;
        WireConnection c(server.port());
        REQUIRE(c.send(training("Before the upload") + upload + training("After the upload")));
        const std::string before = c.answer(), uploaded = c.answer(), after = c.answer();
        CHECK(before.rfind("HTTP/1.1 201", 0) == 0);
        CHECK(before.find("Before the upload") != std::string::npos);
        CHECK(uploaded.rfind("HTTP/1.1 201", 0) == 0);
        CHECK(uploaded.find("\"content_type\":\"image/png\"") != std::string::npos);
        CHECK(after.rfind("HTTP/1.1 201", 0) == 0);
        CHECK(after.find("After the upload") != std::string::npos);
    }
}
