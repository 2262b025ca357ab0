// SQLite connection settings follow the storage rules: WAL journal, foreign keys enforced,
// synchronous=FULL so an acknowledged write survives a crash or power loss.
#include "sqlite_db.h"

#include <cstdio>
#include <memory>

namespace ll::server {

Error storage_error(sqlite3* db, std::string_view what) {
    std::fprintf(stderr, "storage: %.*s: %s (SQLite %d, errno %d)\n", static_cast<int>(what.size()), what.data(),
                 db ? sqlite3_errmsg(db) : "no connection", db ? sqlite3_extended_errcode(db) : 0, db ? sqlite3_system_errno(db) : 0);
    const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    // SQLite says FULL only for ENOSPC; a quota or a file-size limit comes as a failed write.
    if (code == SQLITE_FULL || code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC || code == SQLITE_IOERR_TRUNCATE)
        return make_error("storage_write_failed", "the server could not write to its disk (it may be full): nothing was saved");
    if ((code & 0xff) == SQLITE_READONLY)
        return read_only_error();
    return make_error("storage_error", "the database could not complete the request");
}

Error read_only_error() {
    return make_error("storage_read_only", "the database is read-only at the moment: nothing was saved");
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) { prepare_once(sql); }

void Statement::prepare_once(std::string_view sql) {
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
        error_ = storage_error(db_, "prepare");
        stmt_ = nullptr;
    }
}

Statement::Statement(Connection& c, std::string_view sql) : db_(c.db_) {
    auto it = c.kept_.find(sql);
    if (it == c.kept_.end()) {
        Connection::Kept kept;
        if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &kept.stmt, nullptr) != SQLITE_OK) {
            error_ = storage_error(db_, "prepare");
            return;
        }
        it = c.kept_.emplace(std::string(sql), kept).first;
    }
    if (it->second.in_use) {
        prepare_once(sql);
        return;
    }
    stmt_ = it->second.stmt;
    kept_in_use_ = &it->second.in_use;
    *kept_in_use_ = true;
}

Statement::~Statement() {
    if (!kept_in_use_) {
        sqlite3_finalize(stmt_);
        return;
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *kept_in_use_ = false;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (stmt_) sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (stmt_) sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (stmt_) sqlite3_bind_null(stmt_, index);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    if (stmt_) sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

std::string Statement::blob(int column) const {
    const void* p = sqlite3_column_blob(stmt_, column);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : "";
}

bool Statement::step() {
    if (!stmt_ || error_) return false;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) error_ = storage_error(db_, "step");
    return false;
}

std::string Statement::text(int column) const {
    const unsigned char* t = sqlite3_column_text(stmt_, column);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : "";
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
    return text(column);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

namespace {

constexpr int page_cache_pages_per_connection = 256;  // 1 MB of 4 KB pages
constexpr int page_cache_lines = max_connections * page_cache_pages_per_connection;

// Process-wide settings, possible only before SQLite initialises (later calls change nothing).
bool configure_sqlite() {
    // Memory statistics take one global mutex on every allocation of every connection: with many
    // request threads that lock was the busiest thing in the server.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    // Page caches draw from one fixed buffer, not malloc: pages freed and taken again by connections
    // that move between threads fragmented glibc's per-thread arenas, and the server kept growing
    // in the soak test (tests/server/test_soak.cpp).
    int header = 0;
    sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header);
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 4096 + header, page_cache_lines);
    return true;
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path, bool read_only) {
    static const bool configured = configure_sqlite();
    (void)configured;
    sqlite3* db = nullptr;
    const int mode = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path.c_str(), &db, mode | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        Error e = storage_error(db, "open");
        sqlite3_close(db);
        return e;
    }
    std::unique_ptr<Connection> c(new Connection(db));
    sqlite3_busy_timeout(db, busy_timeout_ms);
    auto set = c->exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; "
                       "PRAGMA journal_size_limit=16777216; PRAGMA cache_size=" + std::to_string(page_cache_pages_per_connection) + ";");
    if (!set) return set.error();
    return c;
}

Connection::~Connection() {
    for (auto& [sql, kept] : kept_) sqlite3_finalize(kept.stmt);
    sqlite3_close(db_);
}

Result<bool> Connection::exec(std::string_view sql) {
    // One statement (a transaction's BEGIN, SAVEPOINT, RELEASE or COMMIT, on every request) runs
    // kept: parsing it again each time was a twentieth of a write's share of the writer's turn.
    if (sql.find(';') == std::string_view::npos) {
        Statement s(*this, sql);
        while (s.step()) {
        }
        if (s.error()) return *s.error();
        return true;
    }
    std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        sqlite3_free(message);
        return storage_error(db_, "exec");
    }
    return true;
}

}  // namespace ll::server
