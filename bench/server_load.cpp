// Server benchmark: requests/s and p50/p99 latency of "my balance", "approval inbox", "submit" and
// "approve" at 1, 16 and 64 keep-alive connections over loopback against the real binary (each also
// through wrk), beside the storage floor: the same rows read (or one row durably updated) by
// raw SQLite in one process; the manager's team table through wrk. Last, a balance, the inbox and
// the team table again at an employer grown around the manager, and HR's first inbox page there.
// Usage: bench_server_load [--seconds S (3)]     Prints a Markdown table.
#include <httplib.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "civil_date.h"
#include "load_client.h"
#include "server_process.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace ll::test;

// Where the floor's reads end up, so the compiler cannot drop them.
volatile long long kept_sink = 0;

// The storage floor: `statement` stepped to its end (reads) or run in its own durable transaction
// (writes) in one thread of this process, as often as it goes in `seconds`.
Measured floor(const std::string& db_path, const std::string& sql, const std::vector<std::string>& binds, double seconds, bool write) {
    sqlite3* db = nullptr;
    Measured m;
    if (sqlite3_open_v2(db_path.c_str(), &db, write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return m;
    sqlite3_exec(db, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;", nullptr, nullptr, nullptr);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
        std::exit(1);
    }
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    long long sink = 0;
    while (Clock::now() < deadline) {
        const auto t = Clock::now();
        if (write) sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (size_t i = 0; i < binds.size(); ++i) sqlite3_bind_text(s, static_cast<int>(i + 1), binds[i].c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(s) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(s); ++c) sink += sqlite3_column_bytes(s, c);
        sqlite3_reset(s);
        if (write && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) ++m.errors;
        m.latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
        ++m.requests;
    }
    m.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    sqlite3_finalize(s);
    sqlite3_close(db);
    kept_sink = sink;
    return m;
}

// What a row shows of a load step, from our own client or from wrk.
struct Summary {
    double per_second = 0, p50_ms = 0, p99_ms = 0;
    long errors = 0, requests = 0;
    bool failed = false;  // wrk did not run: the row says so and the benchmark ends with status 1
};

bool any_failed = false;

Summary summary_of(const Measured& m) { return {m.per_second(), m.percentile(0.5), m.percentile(0.99), m.errors, m.requests}; }

void row(const std::string& scenario, int connections, const Summary& m, const Measured& base) {
    if (m.failed) {
        std::printf("| %s | %d | wrk failed | | | | | |\n", scenario.c_str(), connections);
        any_failed = true;
        return;
    }
    std::printf("| %s | %d | %.0f | %.2f ms | %.2f ms | %ld | %.0f/s, p99 %.2f ms | %.2f |\n", scenario.c_str(), connections,
                m.per_second, m.p50_ms, m.p99_ms, m.errors, base.per_second(), base.percentile(0.99),
                base.per_second() > 0 ? m.per_second / base.per_second() : 0);
    std::fflush(stdout);
}

// wrk's latency figures ("455.00us", "2.24ms", "1.01s") in milliseconds.
double wrk_ms(const std::string& figure) {
    const double x = std::atof(figure.c_str());
    if (figure.ends_with("us")) return x / 1000;
    if (figure.ends_with("ms")) return x;
    return figure.ends_with("s") ? x * 1000 : x;
}

int wrk_threads(int connections) { return std::min(2, connections); }

// The same requests through wrk (Debian's), whose one or two event-loop threads take far less of
// the 2 cores than 64 client threads do: closer to the server's own latency at many connections.
// `script_args` (after "--") go to bench/wrk_writes.lua when given.
Summary wrk_load(int port, int connections, double seconds, const std::string& path, const Session& as,
                 const std::string& script_args = "") {
    std::string command = "wrk --latency -t" + std::to_string(wrk_threads(connections)) + " -c" + std::to_string(connections) +
                          " -d" + std::to_string(std::max(1, static_cast<int>(seconds))) + "s -H 'Cookie: " + as.cookie +
                          "' 'http://127.0.0.1:" + std::to_string(port) + path + "'";
    if (!script_args.empty()) command += " -s '" LL_BENCH_DIR "/wrk_writes.lua' -- " + script_args;
    command += " 2>&1";
    Summary m;
    std::FILE* out = popen(command.c_str(), "r");
    if (!out) return Summary{.failed = true};
    char line[512];
    while (std::fgets(line, sizeof line, out)) {
        char figure[64] = "";
        long a = 0, b = 0, c = 0, d = 0;
        if (std::sscanf(line, " 50%% %63s", figure) == 1) m.p50_ms = wrk_ms(figure);
        else if (std::sscanf(line, " 99%% %63s", figure) == 1) m.p99_ms = wrk_ms(figure);
        else if (std::sscanf(line, "Requests/sec: %lf", &m.per_second) == 1) continue;
        else if (std::sscanf(line, " %ld requests in", &a) == 1) m.requests = a;
        else if (std::sscanf(line, " Non-2xx or 3xx responses: %ld", &a) == 1) m.errors += a;
        else if (std::sscanf(line, " Socket errors: connect %ld, read %ld, write %ld, timeout %ld", &a, &b, &c, &d) == 4)
            m.errors += a + b + c + d;
    }
    // A failed run is reported, not fatal: the server must still be stopped, and other rows may run.
    m.failed = pclose(out) != 0 || m.per_second <= 0;
    if (m.failed) std::fprintf(stderr, "wrk failed (scripts/setup installs it): %d connections, %s\n", connections, path.c_str());
    return m;
}

// Lines in the files of `folder`: the ids a wrk submit run kept.
long lines_in(const std::string& folder) {
    long n = 0;
    for (const auto& file : std::filesystem::directory_iterator(folder)) {
        std::ifstream in(file.path());
        for (std::string line; std::getline(in, line);) ++n;
    }
    return n;
}

// Grows the employer around the manager `keep_out`: `n` departments, each managed by one of its
// other workers, as many delegations among those, and `n_workers` workers in those departments,
// each employed and with a training waiting. A request about one worker, or a manager's lists,
// should cost what it does at the demo's size.
bool grow_employer(const std::string& db_path, const std::string& employer_id, const std::string& keep_out, int n, int n_workers) {
    sqlite3* db = nullptr;
    const bool opened = sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK;
    sqlite3_busy_timeout(db, 5000);
    const std::string e = "'" + employer_id + "'", count = std::to_string(n), staff_count = std::to_string(n_workers);
    const std::string sql =
        "BEGIN IMMEDIATE;"
        "CREATE TEMP TABLE staff AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM workers WHERE employer_id = " + e +
        " AND id <> '" + keep_out + "';"
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < " + count + ") "
        "INSERT INTO departments(id, employer_id, name, manager_id) SELECT " + e + " || ':grown-' || i, " + e + ", 'Grown ' || i, "
        "(SELECT id FROM staff WHERE k = i % (SELECT count(*) FROM staff)) FROM n;"
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < " + count + ") "
        "INSERT INTO delegations(id, employer_id, approver_id, delegate_id, from_date, to_date) SELECT 'grown-' || i, " + e + ", "
        "(SELECT id FROM staff WHERE k = i % (SELECT count(*) FROM staff)), (SELECT id FROM staff WHERE k = (i + 7) % (SELECT count(*) FROM staff)), "
        "'2026-01-01', '2026-12-31' FROM n;"
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < " + staff_count + ") "
        "INSERT INTO workers(id, employer_id, display_name, department, department_id, joint_committee) SELECT 'grown-w-' || i, " + e +
        ", 'Grown worker ' || i, 'Grown ' || (i % " + count + "), " + e + " || ':grown-' || (i % " + count + "), '226' FROM n;"
        "INSERT INTO employment_periods(employer_id, worker_id, start_date, end_date, fraction) SELECT " + e +
        ", id, '2020-01-01', NULL, '1' FROM workers WHERE id LIKE 'grown-w-%';"
        "INSERT INTO entries(id, employer_id, worker_id, kind, status, date, minutes, title, created_by, created_at) SELECT 'grown-e-' || id, " + e +
        ", id, 'training', 'submitted', '2026-06-01', 240, 'Grown course', id, '2026-06-01T09:00:00Z' FROM workers WHERE id LIKE 'grown-w-%';"
        "COMMIT;";
    const bool grown = opened && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!grown) std::fprintf(stderr, "growing the employer: %s\n", sqlite3_errmsg(db));
    sqlite3_close(db);
    return grown;
}

const std::string entry_columns =
    "SELECT id, kind, status, date, end_date, minutes, title, provider, training_type, counts_for_right, cost_cents, "
    "origin_year, certificate_id, created_by, created_at, decided_by, decided_at, decision_reason, version FROM entries ";

}  // namespace

int main(int argc, char** argv) {
    double seconds = 3;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--seconds") seconds = std::atof(argv[i + 1]);
    TempDir dir;
    const std::string db = dir.file("ll.db");
    if (ll::test::run_learnledger({"seed-demo", "--db", db}).exit_code != 0) return 1;
    // The durable write floor first, while the database is the server's alone to come.
    const auto write_floor =
        floor(db, "UPDATE entries SET version = version + 1 WHERE id = (SELECT min(id) FROM entries)", {}, seconds, true);
    auto server = std::make_unique<ServerProcess>(db);
    if (!server->running()) return 1;
    const int port = server->port();
    auto worker = sign_in(port, "worker@demo.example", "demo-worker");
    auto manager = sign_in(port, "manager@demo.example", "demo-manager");
    if (!worker || !manager) return 1;
    const int levels[] = {1, 16, 64};

    std::printf("| scenario | connections | requests/s | p50 | p99 | errors | storage floor (raw SQLite, 1 thread) | server / floor |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");

    const auto balance_floor = floor(db, entry_columns + "WHERE employer_id = ? AND worker_id = ? ORDER BY date, id",
                                     {worker->employer_id, worker->worker_id}, seconds, false);
    for (int c : levels)
        row("my balance (GET /me/balance)", c, summary_of(load(port, c, seconds, [&](httplib::Client& http, int, bool&) {
                return ok_status(http.Get("/api/v1/me/balance?year=2026", headers_of(*worker)));
            })), balance_floor);
    for (int c : levels)
        row("my balance, wrk", c, wrk_load(port, c, seconds, "/api/v1/me/balance?year=2026", *worker), balance_floor);

    const auto inbox_floor =
        floor(db, entry_columns + "WHERE employer_id = ? AND status = 'submitted' ORDER BY date, id", {manager->employer_id}, seconds, false);
    for (int c : levels)
        row("approval inbox (GET /approvals)", c, summary_of(load(port, c, seconds, [&](httplib::Client& http, int, bool&) {
                return ok_status(http.Get("/api/v1/approvals", headers_of(*manager)));
            })), inbox_floor);
    for (int c : levels) row("approval inbox, wrk", c, wrk_load(port, c, seconds, "/api/v1/approvals", *manager), inbox_floor);

    // The team table folds every worker of the manager's department: its floor reads their entries.
    const auto team_floor = floor(db, entry_columns + "WHERE employer_id = ?1 AND worker_id IN (SELECT w.id FROM workers w JOIN departments d "
                                                      "ON d.id = w.department_id WHERE d.employer_id = ?1 AND d.manager_id = ?2) ORDER BY worker_id, date, id",
                                  {manager->employer_id, manager->worker_id}, seconds, false);
    for (int c : levels) row("team table, wrk", c, wrk_load(port, c, seconds, "/api/v1/team?year=2026", *manager), team_floor);

    // Submissions fill the inbox the approvals then empty: 40 half hours a day from 1 January 2025,
    // under the 24 hours a day allows.
    std::atomic<long> slot{0};
    std::mutex ids_mutex;
    std::vector<std::string> submitted;
    for (int c : levels)
        row("submit (POST /trainings)", c, summary_of(load(port, c, seconds, [&](httplib::Client& http, int, bool&) {
                const long k = slot++;
                const std::string date = ll::CivilDate::from_ymd(2025, 1, 1)->plus_days(static_cast<int>(k / 40)).iso();
                json body{{"title", "Load " + std::to_string(k)}, {"training_type", "informal"}, {"date", date}, {"minutes", 30}};
                auto r = http.Post("/api/v1/trainings", headers_of(*worker, "load-" + std::to_string(k)), body.dump(), "application/json");
                if (!ok_status(r)) return false;
                std::lock_guard lock(ids_mutex);
                submitted.push_back(json::parse(r->body)["id"]);
                return true;
            })), write_floor);

    std::atomic<size_t> next{0};
    for (int c : levels)
        row("approve (POST /entries/{id}/approve)", c, summary_of(load(port, c, seconds, [&](httplib::Client& http, int, bool& stop) {
                const size_t i = next++;
                if (i >= submitted.size()) return !(stop = true);
                auto r = http.Post("/api/v1/entries/" + submitted[i] + "/approve", headers_of(*manager), "{}", "application/json");
                return ok_status(r);
            })), write_floor);

    // The same writes through wrk: each submit run keeps its new ids in a folder, one file per wrk
    // thread, which the approve run at the same level then approves. Submits run twice as long, so
    // the faster approvals do not run out of ids (checked: a row that did is flagged).
    long wrk_submitted = 0, wrk_approved = 0;
    for (int c : levels) {
        const std::string ids = dir.file("wrk-ids-" + std::to_string(c));
        std::filesystem::create_directories(ids);
        const auto sent = wrk_load(port, c, 2 * seconds, "/", *worker,
                                   "submit " + ids + " " + std::to_string(slot.load()) + " " + std::to_string(wrk_threads(c)) + " " + worker->csrf);
        row("submit, wrk", c, sent, write_floor);
        slot += sent.requests + 64;
        wrk_submitted += sent.requests - sent.errors;
    }
    for (int c : levels) {
        const std::string ids = dir.file("wrk-ids-" + std::to_string(c));
        const long available = lines_in(ids);
        const auto approved = wrk_load(port, c, seconds, "/", *manager, "approve " + ids + " 0 " + std::to_string(wrk_threads(c)) + " " + manager->csrf);
        row(approved.requests < available ? "approve, wrk" : "approve, wrk (ran out of ids: too low)", c, approved, write_floor);
        wrk_approved += std::min(available, approved.requests - approved.errors);
    }
    // Last, a fresh demo whose employer grew around the manager by 2,000 departments and delegations
    // and 5,000 workers with a training waiting each: a worker's balance reads their manager's
    // delegations only, a manager's lists the workers of the departments they manage or stand in for,
    // so all should cost what they do at the demo's size (the rows above). Fresh, as the loads above
    // left thousands of trainings waiting in the manager's inbox.
    server.reset();
    constexpr int grown_by = 2000, grown_workers = 5000;
    const std::string grown_db = dir.file("grown.db");
    if (ll::test::run_learnledger({"seed-demo", "--db", grown_db}).exit_code != 0 ||
        !grow_employer(grown_db, worker->employer_id, manager->worker_id, grown_by, grown_workers))
        return 1;
    ServerProcess grown_server(grown_db);
    if (!grown_server.running()) return 1;
    auto grown_worker = sign_in(grown_server.port(), "worker@demo.example", "demo-worker");
    auto grown_manager = sign_in(grown_server.port(), "manager@demo.example", "demo-manager");
    auto grown_hr = sign_in(grown_server.port(), "hr@demo.example", "demo-hr");
    if (!grown_worker || !grown_manager || !grown_hr) return 1;
    const std::string grown = ", wrk, employer grown by " + std::to_string(grown_by) + " departments and delegations and " +
                              std::to_string(grown_workers) + " workers with a training waiting";
    row("my balance" + grown, 64, wrk_load(grown_server.port(), 64, seconds, "/api/v1/me/balance?year=2026", *grown_worker), balance_floor);
    row("approval inbox" + grown, 64, wrk_load(grown_server.port(), 64, seconds, "/api/v1/approvals", *grown_manager), inbox_floor);
    row("team table" + grown, 64, wrk_load(grown_server.port(), 64, seconds, "/api/v1/team?year=2026", *grown_manager), team_floor);
    // HR's inbox there holds every training waiting: the app asks for the oldest hundred and the count.
    const auto hr_page_floor = floor(grown_db, entry_columns + "WHERE employer_id = ? AND status = 'submitted' ORDER BY date, id LIMIT 100",
                                     {grown_hr->employer_id}, seconds, false);
    row("HR's approval inbox, first 100 (GET /approvals?limit=100)" + grown, 64,
        wrk_load(grown_server.port(), 64, seconds, "/api/v1/approvals?limit=100", *grown_hr), hr_page_floor);

    std::printf("\nThe write floor is one single-row UPDATE per transaction (WAL, synchronous=FULL). Submitted %zu trainings and "
                "approved %zu with our client; with wrk, %ld and %ld.\n",
                submitted.size(), std::min<size_t>(next, submitted.size()), wrk_submitted, wrk_approved);
    return any_failed ? 1 : 0;
}
