// Demo server setup and direct database inspection for tests (read-only except execute_sql).
#include "demo_server.h"

#include <filesystem>
#include <regex>

#include <doctest/doctest.h>
#include <sqlite3.h>

namespace ll::test {

namespace {

std::string password_for(const std::string& email) {
    if (email.rfind("worker", 0) == 0) return "demo-worker";
    if (email.rfind("manager", 0) == 0) return "demo-manager";
    if (email.rfind("hr", 0) == 0) return "demo-hr";
    return "demo-operator";
}

// Seeding builds the whole demo, argon2id hashes included: 1.6 s, 2.4 s under ASan. The suites
// start some sixty servers, so `seed-demo` runs once per process and each test gets a copy of its
// file (complete: the seeding process closed it, so no write-ahead log is left beside it).
const std::string& seeded_template() {
    static const TempDir dir;
    static const std::string db = [] {
        const std::string path = dir.file("template.db");
        return run_learnledger({"seed-demo", "--db", path}).exit_code == 0 ? path : std::string();
    }();
    return db;
}

bool seed(const std::string& db) {
    const std::string& from = seeded_template();
    std::error_code error;
    return !from.empty() && std::filesystem::copy_file(from, db, std::filesystem::copy_options::overwrite_existing, error);
}

std::string seeded_db(TempDir& dir, bool& seeded) {
    std::string db = dir.file("ll.db");
    seeded = seed(db);
    return db;
}

}  // namespace

DemoServer::DemoServer(const std::vector<std::string>& extra) : db(seeded_db(dir, seeded)), server(db, extra) {}

std::string seeded_demo_db(const TempDir& dir) {
    std::string db = dir.file("ll.db");
    REQUIRE(seed(db));
    return db;
}

ApiClient DemoServer::signed_in(const std::string& email) const {
    ApiClient c(server.port());
    auto r = c.login(email, password_for(email));
    REQUIRE_MESSAGE(r.status == 200, email);
    return c;
}

bool has_national_number(const std::string& text) { return std::regex_search(text, std::regex("[0-9]{6}[-. ]?[0-9]{3}[-. ]?[0-9]{2}")); }

std::string table_fingerprint(const std::string& db_path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::string out;
    for (const char* table : {"workers", "employment_periods", "entries", "comments", "certificates", "delegations",
                              "idempotency", "audit_log", "changes", "accounts", "kiosk_devices", "provider_keys", "departments",
                              "obligation_fulfilments", "kiosk_badges", "training_sessions", "session_enrolments"}) {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, (std::string("SELECT count(*) FROM ") + table).c_str(), -1, &s, nullptr);
        if (s && sqlite3_step(s) == SQLITE_ROW) out += std::string(table) + "=" + std::to_string(sqlite3_column_int64(s, 0)) + " ";
        sqlite3_finalize(s);
    }
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT group_concat(id || status || version, ',') FROM entries", -1, &s, nullptr);
    if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        out += reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    // Updates keep the counts: worker versions show them.
    out += " " + sql_text(db_path, "SELECT group_concat(id || ':' || version, ',') FROM workers");
    sqlite3_close(db);
    return out;
}

bool execute_sql(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) return false;
    bool ok = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

std::string sql_text(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    std::string out = "no answer";
    sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
    if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

std::string integrity_check(const std::string& db_path) { return sql_text(db_path, "PRAGMA integrity_check"); }

}  // namespace ll::test
