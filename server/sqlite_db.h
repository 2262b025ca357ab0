// Thin RAII over the SQLite C API: a connection and prepared statements with typed binding.
// Errors come back as ll::Error values; nothing here knows the learnledger schema.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "result.h"

namespace ll::server {

// Connections open at once (the store's pool waits beyond that); page caches are sized for them.
inline constexpr int max_connections = 16;
// How long a statement waits for a lock another connection holds.
inline constexpr int busy_timeout_ms = 5000;

class Connection;

class Statement {
public:
    // Prepared once per connection and kept: parsing SQL was a tenth of a request's time.
    Statement(Connection& c, std::string_view sql);
    // Prepared for this use only.
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind_null(int index);
    Statement& bind_blob(int index, std::string_view bytes);
    // Advances; true while a row is available. Sets error() on failure.
    bool step();
    std::string text(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::int64_t integer(int column) const;
    std::string blob(int column) const;
    const std::optional<Error>& error() const { return error_; }

private:
    void prepare_once(std::string_view sql);
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool* kept_in_use_ = nullptr;  // the connection's flag for a kept statement, cleared when done
    std::optional<Error> error_;
};

class Connection {
public:
    // Opens (creating if needed) with WAL, foreign keys and a busy timeout; or only for reading.
    static Result<std::unique_ptr<Connection>> open(const std::string& path, bool read_only = false);
    ~Connection();
    sqlite3* handle() const { return db_; }
    // Runs one or more statements, their rows unread.
    Result<bool> exec(std::string_view sql);

private:
    friend class Statement;
    struct Kept {
        sqlite3_stmt* stmt = nullptr;
        bool in_use = false;  // a second live Statement with the same SQL gets its own
    };
    explicit Connection(sqlite3* db) : db_(db) {}
    sqlite3* db_;
    std::map<std::string, Kept, std::less<>> kept_;
};

// A database error for API answers: the SQLite message stays in the server log, not the client.
Error storage_error(sqlite3* db, std::string_view what);
// A write refused because the database is read-only (the store opened so, or the file became so).
Error read_only_error();

}  // namespace ll::server
