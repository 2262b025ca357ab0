// Reminders end to end: the real server mails a real SMTP server on loopback (Debian's aiosmtpd,
// writing a maildir); every mail is read back with Python's e-mail parser. Each occasion is sent
// once, in the recipient's language, without national numbers; the app lists the same words.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <regex>
#include <sstream>
#include <thread>

#include "demo_server.h"
#include "tool_output.h"

using namespace ll::test;
using nlohmann::json;

namespace {

// A socket listening on a free loopback port: a mail server the test plays itself. Closed on exec,
// so that the server process does not hold it open.
struct Listener {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int port = 0;
    Listener() {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t n = sizeof a;
        REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(listen(fd, 16) == 0);
        getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n);
        port = ntohs(a.sin_port);
    }
    ~Listener() { close_now(); }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;
    std::string smtp_url() const { return "smtp://127.0.0.1:" + std::to_string(port); }
    void close_now() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

// A loopback port nobody listens on (a mail server that is down).
int free_port() { return Listener().port; }

bool accepts(int port) {
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    close(s);
    return ok;
}

// A mail server that takes each connection and closes it at once, counting them.
struct HangingUp {
    Listener listener;
    std::atomic<int> connections{0};
    std::thread accepting{[this] {
        for (int c; (c = accept(listener.fd, nullptr, nullptr)) >= 0;) {
            ++connections;
            close(c);
        }
    }};
    ~HangingUp() {
        shutdown(listener.fd, SHUT_RDWR);  // ends the accept loop
        accepting.join();
    }
};

// aiosmtpd on a free loopback port, storing what it receives in a maildir.
struct SmtpSink {
    TempDir dir;
    int port = free_port();
    pid_t pid = -1;

    SmtpSink() {
        const std::string listen = "127.0.0.1:" + std::to_string(port), maildir = dir.file("mail");
        pid = fork();
        if (pid == 0) {
            execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c", "aiosmtpd.handlers.Mailbox",
                  maildir.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        for (int i = 0; i < 100 && !accepts(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ~SmtpSink() {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    std::vector<std::string> messages() const {
        std::vector<std::string> out;
        const auto dir_new = std::filesystem::path(dir.file("mail")) / "new";
        if (!std::filesystem::exists(dir_new)) return out;
        for (const auto& f : std::filesystem::directory_iterator(dir_new)) {
            std::ifstream in(f.path(), std::ios::binary);
            out.push_back(std::string(std::istreambuf_iterator<char>(in), {}));
        }
        return out;
    }
};

// To, Subject and the decoded body of a message, as Python's standard e-mail parser reads them.
struct ReadMail {
    std::string to, subject, body;
};

ReadMail read_mail(const std::string& raw) {
    const std::string parsed = tool_output(
        "/usr/bin/python3 -c 'import sys, email, email.policy; "
        "m = email.message_from_binary_file(open(sys.argv[1], \"rb\"), policy=email.policy.default); "
        "print(m[\"To\"]); print(m[\"Subject\"]); print(m.get_content(), end=\"\")'",
        raw);
    std::istringstream lines(parsed);
    ReadMail m;
    std::getline(lines, m.to);
    std::getline(lines, m.subject);
    m.body = std::string(std::istreambuf_iterator<char>(lines), {});
    return m;
}

std::string iso_in_days(int days) {
    const auto t = std::chrono::system_clock::now() + std::chrono::hours(24 * days);
    const auto day = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(t));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return buf;
}


}  // namespace

TEST_CASE("reminders reach a real SMTP server once each, in the recipient's language, and are listed in the app") {
    SmtpSink smtp;
    REQUIRE(accepts(smtp.port));
    DemoServer s({"--smtp-url", "smtp://127.0.0.1:" + std::to_string(smtp.port), "--mail-from", "reminders@learnledger.example",
                  "--app-url", "https://learnledger.example"});
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    // A certificate that expires in ten days: Anna hears of it.
    const std::string valid_until = iso_in_days(10);
    auto training = hr.post("/api/v1/trainings", {{"worker_id", "w-0001"}, {"title", "Reach truck licence"}, {"date", "2026-02-02"},
                                                  {"minutes", 456}, {"certificate_valid_until", valid_until}});
    REQUIRE(training.status == 201);
    CHECK(training.body["certificate_valid_until"] == valid_until);

    CHECK(s.signed_in("worker@demo.example").post("/api/v1/reminders/run", json::object()).status == 403);
    auto run = hr.post("/api/v1/reminders/run", json::object());
    REQUIRE(run.status == 200);
    const int created = run.body["created"];
    CHECK(created >= 2);
    CHECK(run.body["emailed"] == created);
    CHECK(run.body["failed"] == 0);

    const auto raw = smtp.messages();
    REQUIRE(static_cast<int>(raw.size()) == created);
    bool certificate = false, approvals = false;
    for (const auto& r : raw) {
        CHECK_FALSE(has_national_number(r));
        const ReadMail m = read_mail(r);
        CHECK_FALSE(has_national_number(m.subject + m.body));
        CHECK(m.body.find("https://learnledger.example") != std::string::npos);
        if (m.to == "<worker@demo.example>" || m.to == "worker@demo.example") {
            // Anna's account is in Dutch; the date in Belgian order.
            const std::string dutch_date = valid_until.substr(8, 2) + "-" + valid_until.substr(5, 2) + "-" + valid_until.substr(0, 4);
            CHECK(m.subject == "Uw certificaat verloopt op " + dutch_date);
            CHECK(m.body.find("\"Reach truck licence\" is geldig tot " + dutch_date + ", nog 10 dagen") != std::string::npos);
            certificate = true;
        }
        if (m.to.find("manager@demo.example") != std::string::npos && m.subject.find("wacht") != std::string::npos) approvals = true;
    }
    CHECK(certificate);
    CHECK(approvals);  // the demo's submitted trainings have waited since 2026

    // The same day again: every occasion was sent already.
    auto again = hr.post("/api/v1/reminders/run", json::object());
    CHECK(again.body["created"] == 0);
    CHECK(smtp.messages().size() == raw.size());

    auto anna = s.signed_in("worker@demo.example");
    auto list = anna.get("/api/v1/notifications");
    REQUIRE(list.status == 200);
    const int unread = list.body["unread"];
    CHECK(unread == static_cast<int>(list.body["items"].size()));  // in January also the yearly statement
    json item;
    for (const auto& i : list.body["items"])
        if (i["kind"] == "certificate_expiring") item = i;
    REQUIRE(item.is_object());
    CHECK(item["subject"].get<std::string>().rfind("Uw certificaat verloopt op", 0) == 0);
    const std::string id = std::to_string(item["id"].get<long long>());
    CHECK(s.signed_in("worker2@demo.example").post("/api/v1/notifications/" + id + "/read", json::object()).status == 404);
    CHECK(anna.post("/api/v1/notifications/" + id + "/read", json::object()).status == 200);
    CHECK(anna.get("/api/v1/notifications").body["unread"] == unread - 1);
}

TEST_CASE("with the SMTP server down the notifications stay in the app and the failure is recorded") {
    DemoServer s({"--smtp-url", "smtp://127.0.0.1:" + std::to_string(free_port()), "--mail-from", "reminders@learnledger.example"});
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto run = hr.post("/api/v1/reminders/run", json::object());
    REQUIRE(run.status == 200);
    CHECK(run.body["created"] > 0);
    CHECK(run.body["emailed"] == 0);
    CHECK(run.body["failed"] == run.body["created"]);
    CHECK(sql_text(s.db, "SELECT count(*) FROM notifications WHERE emailed_at IS NULL AND email_error != ''") ==
          std::to_string(run.body["created"].get<int>()));
    CHECK(s.signed_in("manager@demo.example").get("/api/v1/notifications").body["unread"] > 0);
}

TEST_CASE("a reminder run waiting for the mail server holds up no other change on the one fiber thread") {
    // A mail server that takes connections (the kernel does, into its queue) and never greets.
    Listener silent;
    DemoServer s({"--fiber-threads", "1", "--smtp-url", silent.smtp_url(), "--mail-from", "reminders@learnledger.example"});
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto worker = s.signed_in("worker@demo.example");
    auto run = std::async(std::launch::async, [&] { return hr.post("/api/v1/reminders/run", json::object()); });
    pollfd mailing{silent.fd, POLLIN, 0};
    REQUIRE(poll(&mailing, 1, 10000) == 1);  // the run waits for the first greeting (30 s at most)

    auto change = std::async(std::launch::async, [&] {
        return worker.post("/api/v1/trainings", json{{"title", "First aid"}, {"date", "2026-03-02"}, {"minutes", 120}});
    });
    REQUIRE(change.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    CHECK(change.get().status == 201);
    CHECK(run.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);

    silent.close_now();  // the waiting connection is reset, the next ones refused
    const auto ran = run.get();
    REQUIRE(ran.status == 200);
    CHECK(ran.body["created"] > 0);
    CHECK(ran.body["failed"] == ran.body["created"]);
}

TEST_CASE("a mail server that hangs up is tried once per run; the rest of the run's mails are not tried, and marked") {
    HangingUp mail_server;
    DemoServer s({"--smtp-url", mail_server.listener.smtp_url(), "--mail-from", "reminders@learnledger.example"});
    REQUIRE(s.server.running());
    auto run = s.signed_in("hr@demo.example").post("/api/v1/reminders/run", json::object());
    REQUIRE(run.status == 200);
    CHECK(run.body["created"] > 1);
    CHECK(run.body["emailed"] == 0);
    CHECK(run.body["failed"] == run.body["created"]);
    CHECK(mail_server.connections == 1);
    CHECK(sql_text(s.db, "SELECT count(*) FROM notifications WHERE emailed_at IS NULL AND email_error != ''") ==
          std::to_string(run.body["created"].get<int>()));
}

TEST_CASE("reminder options are checked at start") {
    TempDir dir;
    const std::string db = seeded_demo_db(dir);
    CHECK(run_learnledger({"serve", "--db", db, "--port", "0", "--smtp-url", "http://x"}).exit_code == 2);
    CHECK(run_learnledger({"serve", "--db", db, "--port", "0", "--smtp-url", "smtp://127.0.0.1:25", "--mail-from", "nobody"}).exit_code == 2);
    CHECK(run_learnledger({"serve", "--db", db, "--port", "0", "--reminders-every", "soon"}).exit_code == 2);
}
