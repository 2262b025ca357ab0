// The backup API copies in steps and restarts by itself when a writer changes the source, so a
// backup taken under load is still one consistent snapshot. Both directions verify the result.
#include "sqlite_backup.h"

#include <sqlite3.h>

#include <filesystem>

namespace ll::server {
namespace {

struct Handle {
    sqlite3* db = nullptr;
    ~Handle() { sqlite3_close(db); }
};

Error failed(const std::string& what, sqlite3* db) {
    return make_error("storage_error", what + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
}

Result<bool> check(sqlite3* db, const std::string& what) {
    sqlite3_stmt* s = nullptr;
    bool ok = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW &&
              std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) == "ok";
    sqlite3_finalize(s);
    if (!ok) return make_error("storage_error", what + " fails its integrity check");
    return true;
}

Result<bool> copy(sqlite3* from, sqlite3* to, const std::string& what) {
    sqlite3_busy_timeout(from, 5000);
    sqlite3_busy_timeout(to, 5000);
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) return failed(what, to);
    int rc;
    do {
        rc = sqlite3_backup_step(b, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) return failed(what, to);
    return true;
}

}  // namespace

Result<bool> backup_database(const std::string& db_path, const std::string& target_path) {
    std::error_code ec;
    if (std::filesystem::exists(target_path, ec)) return make_error("conflict", "the backup file exists already", "--to");
    Handle from, to;
    if (sqlite3_open_v2(db_path.c_str(), &from.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return failed("open the database", from.db);
    if (sqlite3_open_v2(target_path.c_str(), &to.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        return failed("create the backup", to.db);
    if (auto r = copy(from.db, to.db, "copy the database"); !r) {
        std::filesystem::remove(target_path, ec);
        return r;
    }
    return check(to.db, "the backup");
}

Result<bool> restore_database(const std::string& backup_path, const std::string& db_path) {
    Handle from, to;
    if (sqlite3_open_v2(backup_path.c_str(), &from.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return failed("open the backup", from.db);
    if (auto ok = check(from.db, "the backup"); !ok) return ok;
    if (sqlite3_open_v2(db_path.c_str(), &to.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        return failed("open the database", to.db);
    if (auto r = copy(from.db, to.db, "restore the database"); !r) return r;
    return check(to.db, "the restored database");
}

}  // namespace ll::server
