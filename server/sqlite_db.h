// Thin RAII over the SQLite C API: a connection and prepared statements with typed binding.
// Errors come back as ll::Error values; nothing here knows the learnledger schema.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "result.h"

namespace ll::server {

class Statement {
public:
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
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::optional<Error> error_;
};

class Connection {
public:
    // Opens (creating if needed) with WAL, foreign keys and a busy timeout.
    static Result<std::unique_ptr<Connection>> open(const std::string& path);
    ~Connection();
    sqlite3* handle() const { return db_; }
    // Runs one or more statements without results.
    Result<bool> exec(std::string_view sql);

private:
    explicit Connection(sqlite3* db) : db_(db) {}
    sqlite3* db_;
};

// A database error for API answers: the SQLite message stays in the server log, not the client.
Error storage_error(sqlite3* db, std::string_view what);

}  // namespace ll::server
