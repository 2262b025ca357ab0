// A seeded demo database served by a real learnledger process, shared by the API suites.
#pragma once
#include <string>
#include <vector>

#include "api_client.h"
#include "server_process.h"

namespace ll::test {

struct DemoServer {
    explicit DemoServer(const std::vector<std::string>& extra = {});
    TempDir dir;
    bool seeded = false;  // before db: set while db is initialised
    std::string db;
    ServerProcess server;
    ApiClient client() const { return ApiClient(server.port()); }
    // A client signed in as one of the demo accounts (see README).
    ApiClient signed_in(const std::string& email) const;
};

// A demo database file in `dir` (`seed-demo` run on it, required to succeed), for tests that start
// and stop servers on it themselves.
std::string seeded_demo_db(const TempDir& dir);

// Counts the rows of every table of the database file, to prove a refused request wrote nothing.
std::string table_fingerprint(const std::string& db_path);
// Whether `text` holds something shaped like a national number (11 digits, dotted or not).
bool has_national_number(const std::string& text);
// Runs one SQL statement against the file directly (to tamper with it in tests).
bool execute_sql(const std::string& db_path, const std::string& sql);
std::string integrity_check(const std::string& db_path);
// The first column of the first row of `sql` on the file (read-only), as text; "no answer" if none.
std::string sql_text(const std::string& db_path, const std::string& sql);

}  // namespace ll::test
