// SQLite implementation of the store: connection pool, migrations, transactions. Migrations are
// SQL files in server/migrations, embedded at build time, each applied once in its own transaction.
#include "sqlite_store.h"

#include <array>
#include <string_view>

#include <openssl/evp.h>
#include <sodium.h>

namespace ll::server {

namespace migrations {
std::string_view m001_initial();             // server/migrations/001_initial.sql
std::string_view m002_accounts_and_ledger();  // server/migrations/002_accounts_and_ledger.sql
std::string_view m003_session_persistence();  // server/migrations/003_session_persistence.sql
std::string_view m004_erasure();              // server/migrations/004_erasure.sql
std::string_view m005_fulfilments();          // server/migrations/005_fulfilments.sql
std::string_view m006_social_balance();       // server/migrations/006_social_balance.sql
std::string_view m007_reminders();            // server/migrations/007_reminders.sql
std::string_view m008_training_plan();        // server/migrations/008_training_plan.sql
std::string_view m009_kiosk();                // server/migrations/009_kiosk.sql
std::string_view m010_delegations_by_approver();  // server/migrations/010_delegations_by_approver.sql
std::string_view m011_approvers_by_person();      // server/migrations/011_approvers_by_person.sql
std::string_view m012_workers_by_department();    // server/migrations/012_workers_by_department.sql
}  // namespace migrations

namespace {

struct Migration {
    int version;
    std::string_view (*sql)();
    Result<bool> (*then)(Connection&) = nullptr;  // work SQL cannot do, in the same transaction
};

constexpr std::array<Migration, 12> all_migrations{{{1, migrations::m001_initial},
                                                    {2, migrations::m002_accounts_and_ledger},
                                                    {3, migrations::m003_session_persistence},
                                                    {4, migrations::m004_erasure, rehash_audit_chains},
                                                    {5, migrations::m005_fulfilments},
                                                    {6, migrations::m006_social_balance},
                                                    {7, migrations::m007_reminders},
                                                    {8, migrations::m008_training_plan},
                                                    {9, migrations::m009_kiosk},
                                                    {10, migrations::m010_delegations_by_approver},
                                                    {11, migrations::m011_approvers_by_person},
                                                    {12, migrations::m012_workers_by_department}}};

}  // namespace

// OpenSSL's SHA-256, not libsodium's: it uses the CPU's SHA instructions, 3-5x faster on an audit
// record's kilobyte, and every write hashes one inside the writer's turn (bench/RESULTS.md).
std::string sha256_hex(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    EVP_Digest(data.data(), data.size(), digest, nullptr, EVP_sha256(), nullptr);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

Result<std::unique_ptr<Connection>> SqliteStore::connection() {
    std::unique_lock<std::mutex> lock(mutex_);
    // A request waits for a free connection rather than opening one more: each holds its own page
    // cache and prepared statements (megabytes), and 2 cores gain nothing from 64 at once.
    const bool free = returned_.wait_for(lock, std::chrono::seconds(10), [&] { return !idle_.empty() || open_count_ < max_connections; });
    if (!free) return make_error("storage_error", "the database is busy; try again");
    if (!idle_.empty()) {
        auto c = std::move(idle_.back());
        idle_.pop_back();
        return c;
    }
    ++open_count_;
    lock.unlock();
    auto c = Connection::open(path_, read_only_);
    if (!c) {
        std::lock_guard<std::mutex> again(mutex_);
        --open_count_;
        returned_.notify_one();
    }
    return c;
}

void SqliteStore::give_back(std::unique_ptr<Connection> c) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        idle_.push_back(std::move(c));
    }
    returned_.notify_one();
}

Result<std::unique_ptr<Transaction>> SqliteStore::read() {
    auto c = connection();
    if (!c) return c.error();
    std::unique_ptr<SqliteTransaction> tx(new SqliteTransaction(*this, std::move(c).value()));
    auto b = tx->conn_->exec("BEGIN");
    if (!b) return b.error();
    tx->open_ = true;
    return std::unique_ptr<Transaction>(std::move(tx));
}

SqliteTransaction::~SqliteTransaction() {
    if (turn_) {
        // A failed statement may have rolled the whole transaction back already (a full disk does).
        if (open_ && !sqlite3_get_autocommit(conn_->handle())) conn_->exec("ROLLBACK TO request; RELEASE request");
        store_.end_write(*this, false);
        return;
    }
    if (open_ && !sqlite3_get_autocommit(conn_->handle())) conn_->exec("ROLLBACK");
    if (conn_) store_.give_back(std::move(conn_));
}

Result<bool> SqliteTransaction::commit() {
    // Not open: ended already, or a queued write's, which its batch commits (run_write).
    if (!conn_ || !open_) return make_error("storage_error", "the transaction has already ended");
    if (!turn_) {
        auto r = conn_->exec("COMMIT");
        if (r) open_ = false;
        return r;
    }
    auto released = conn_->exec("RELEASE request");
    if (!released) return released;  // the destructor rolls the request back
    open_ = false;
    return store_.end_write(*this, true);
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path, bool read_only) {
    if (sodium_init() < 0) return make_error("storage_error", "libsodium failed to initialise");
    std::unique_ptr<SqliteStore> store(new SqliteStore(path, read_only));
    if (read_only) {
        // Nothing can be migrated: the file must already have the schema this binary expects.
        auto version = store->schema_version();
        if (!version) return version.error();
        if (*version != all_migrations.back().version)
            return make_error("storage_error", "the database needs its schema upgraded: start once without --read-only");
        return store;
    }
    auto migrated = store->migrate();
    if (!migrated) return migrated.error();
    return store;
}

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, bool read_only) {
    auto s = SqliteStore::open(path, read_only);
    if (!s) return s.error();
    return std::unique_ptr<Store>(std::move(s).value());
}

Result<int> SqliteStore::schema_version() {
    auto tx = read();
    if (!tx) return tx.error();
    Statement q(static_cast<SqliteTransaction&>(**tx).db(), "SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!q.step()) return q.error().value_or(make_error("storage_error", "no schema version"));
    return static_cast<int>(q.integer(0));
}

Result<bool> SqliteStore::migrate() {
    auto c = connection();
    if (!c) return c.error();
    std::unique_ptr<Connection> conn = std::move(c).value();
    auto created = conn->exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    if (!created) return created.error();
    for (const auto& m : all_migrations) {
        // BEGIN IMMEDIATE, then look: two servers starting at once cannot both apply a migration.
        if (auto b = conn->exec("BEGIN IMMEDIATE"); !b) return b.error();
        Statement q(conn->handle(), "SELECT 1 FROM schema_migrations WHERE version = ?");
        q.bind(1, static_cast<std::int64_t>(m.version));
        bool applied_before = q.step();
        Result<bool> applied = true;
        if (q.error()) applied = *q.error();
        if (applied && !applied_before) {
            applied = conn->exec(m.sql());
            if (applied && m.then) applied = m.then(*conn);
            if (applied) {
                Statement rec(conn->handle(), "INSERT INTO schema_migrations(version, applied_at) VALUES (?, datetime('now'))");
                rec.bind(1, static_cast<std::int64_t>(m.version));
                rec.step();
                if (rec.error()) applied = *rec.error();
            }
        }
        if (!applied) {
            conn->exec("ROLLBACK");
            return applied.error();
        }
        if (auto done = conn->exec("COMMIT"); !done) return done.error();
    }
    give_back(std::move(conn));
    return true;
}

}  // namespace ll::server
