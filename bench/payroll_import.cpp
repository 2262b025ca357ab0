// Import benchmark: a payroll CSV of 10,000 and 100,000 new workers sent to the real server (dry
// run, apply in one transaction, then the same file's dry run again against the workers it made):
// time and the peak memory of a fresh server for each step, against the storage floor measured in
// the same run (the same rows inserted by raw SQLite in one transaction).
// Usage: bench_payroll_import [N ...]   (default 10000 100000)     Prints a Markdown table.
#include <httplib.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "load_client.h"
#include "server_process.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace ll::test;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A valid national number per row: birth dates from 1960 to 1999 times a serial, mod-97 checked.
std::string national_number(int i) {
    const int dates = 40 * 12 * 28, d = i % dates;
    char base[16];
    std::snprintf(base, sizeof base, "%02d%02d%02d%03d", 60 + d / (12 * 28), 1 + d / 28 % 12, 1 + d % 28, 1 + i / dates);
    const long long check = 97 - std::atoll(base) % 97;
    char out[24];
    std::snprintf(out, sizeof out, "%s%02lld", base, check);
    return out;
}

std::string payroll_csv(int n) {
    std::string csv = "national_number;name;department;start;fraction\n";
    for (int i = 0; i < n; ++i)
        csv += national_number(i) + ";Worker " + std::to_string(i + 1) + (i % 2 ? ";Warehouse" : ";Office") + ";2024-01-01;" +
               (i % 3 ? "1" : "0,8") + "\n";
    return csv;
}

// The peak resident memory of a process since the last reset, in MB; resetting it (Linux 4.0+)
// lets each step report its own peak.
double peak_mb(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024;
    return 0;
}

void reset_peak(pid_t pid) { std::ofstream("/proc/" + std::to_string(pid) + "/clear_refs") << "5"; }

struct Step {
    double seconds = 0, peak = 0;
    json summary;
};

// One step in a server of its own on the same database, so that each step's peak is its own and not
// what the allocator kept from the step before.
Step send(const std::string& db, const std::string& path, const std::string& csv, const std::string& key) {
    ServerProcess server(db);
    auto hr = sign_in(server.port(), "hr@demo.example", "demo-hr");
    if (!server.running() || !hr) std::exit(1);
    httplib::Client http("127.0.0.1", server.port());
    http.set_read_timeout(600);
    reset_peak(server.pid());
    const auto t = Clock::now();
    auto r = http.Post(path, headers_of(*hr, key), csv, "text/csv");
    Step s{seconds_since(t), peak_mb(server.pid()), json()};
    if (!r || r->status >= 300) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), r ? r->body.substr(0, 300).c_str() : httplib::to_string(r.error()).c_str());
        std::exit(1);
    }
    s.summary = json::parse(r->body)["summary"];
    return s;
}

// What a server signed in and idle holds, in MB.
double memory_at_rest(const std::string& db) {
    ServerProcess server(db);
    if (!server.running() || !sign_in(server.port(), "hr@demo.example", "demo-hr")) std::exit(1);
    reset_peak(server.pid());
    return peak_mb(server.pid());
}

// The floor: the same rows, as workers with their employment, inserted by raw SQLite in one
// durable transaction into a file of its own.
double sqlite_floor(const TempDir& dir, int n) {
    sqlite3* db = nullptr;
    const std::string path = dir.file("floor-" + std::to_string(n) + ".db");
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) std::exit(1);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE TABLE workers(id TEXT PRIMARY KEY, national_number TEXT UNIQUE, name TEXT, department TEXT);"
                     "CREATE TABLE employment(worker_id TEXT, start TEXT, fraction TEXT);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *worker = nullptr, *employment = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO workers VALUES (?, ?, ?, ?)", -1, &worker, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO employment VALUES (?, '2024-01-01', ?)", -1, &employment, nullptr);
    const auto t = Clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (int i = 0; i < n; ++i) {
        const std::string id = "w-" + std::to_string(i), nn = national_number(i), name = "Worker " + std::to_string(i + 1);
        sqlite3_bind_text(worker, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(worker, 2, nn.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(worker, 3, name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(worker, 4, i % 2 ? "Warehouse" : "Office", -1, SQLITE_STATIC);
        sqlite3_bind_text(employment, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(employment, 2, i % 3 ? "1" : "0.8", -1, SQLITE_STATIC);
        if (sqlite3_step(worker) != SQLITE_DONE || sqlite3_step(employment) != SQLITE_DONE) std::exit(1);
        sqlite3_reset(worker);
        sqlite3_reset(employment);
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) std::exit(1);
    const double took = seconds_since(t);
    sqlite3_finalize(worker);
    sqlite3_finalize(employment);
    sqlite3_close(db);
    return took;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty()) sizes = {10000, 100000};
    std::printf("| rows (payroll CSV) | file | dry run | peak memory | apply | peak memory | raw SQLite insert (floor) | apply / floor "
                "| again, all unchanged (dry run) | peak memory | server memory at rest |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int n : sizes) {
        TempDir dir;
        const std::string db = dir.file("ll.db");
        if (run_learnledger({"seed-demo", "--db", db}).exit_code != 0) return 1;
        const std::string csv = payroll_csv(n);
        const double at_rest = memory_at_rest(db);
        const Step plan = send(db, "/api/v1/imports/payroll/dry-run", csv, "");
        const Step apply = send(db, "/api/v1/imports/payroll", csv, "bench-import-" + std::to_string(n));
        // Next month's file: the same rows, now matched against the n workers the apply made.
        const Step again = send(db, "/api/v1/imports/payroll/dry-run", csv, "");
        if (plan.summary["created"] != n || apply.summary["created"] != n || again.summary["unchanged"] != n) {
            std::fprintf(stderr, "created %s, %s, %s of %d\n", plan.summary.dump().c_str(), apply.summary.dump().c_str(),
                         again.summary.dump().c_str(), n);
            return 1;
        }
        const double floor = sqlite_floor(dir, n);
        std::printf("| %d | %.1f MB | %.2f s | %.0f MB | %.2f s | %.0f MB | %.3f s | %.1fx | %.2f s | %.0f MB | %.0f MB |\n", n,
                    csv.size() / 1e6, plan.seconds, plan.peak, apply.seconds, apply.peak, floor, apply.seconds / floor, again.seconds,
                    again.peak, at_rest);
        std::fflush(stdout);
    }
    return 0;
}
