// The write-ahead log's checkpoints. Copying 1,000 pages and syncing the database took 5-10 ms in
// the writer's turn, so every write queued behind it waited that long (bench/RESULTS.md).
#include "wal_checkpointer.h"

namespace ll::server {

namespace {

// A commit that leaves this many pages (4 KB each) in the log asks for a copy.
constexpr int copy_at_pages = 1000;
// Past this the thread is not keeping up: the writer copies and restarts the log itself, as it
// always did, so the log stays bounded whatever the load.
constexpr int restart_in_turn_at_pages = 4 * copy_at_pages;
// How long a restart waits for readers still reading the log; they are short, and writers wait too.
constexpr int restart_wait_ms = 20;

}  // namespace

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::start(const std::string& path) {
    auto conn = Connection::open(path);
    if (!conn) return conn.error();
    std::unique_ptr<WalCheckpointer> c(new WalCheckpointer(std::move(conn).value()));
    c->thread_ = std::thread([self = c.get()] { self->run(); });
    return c;
}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wanted_.notify_one();
    thread_.join();
}

void WalCheckpointer::watch(Connection& writer) { sqlite3_wal_hook(writer.handle(), committed, this); }

int WalCheckpointer::committed(void* self, sqlite3* writer, const char* name, int pages) {
    static_cast<WalCheckpointer*>(self)->after_commit(writer, name, pages);
    return SQLITE_OK;
}

// On the writing connection, in the writer's turn, after each commit.
void WalCheckpointer::after_commit(sqlite3* writer, const char* name, int pages) {
    if (pages < copy_at_pages) return;
    std::unique_lock lock(mutex_);
    if (pages >= restart_in_turn_at_pages) {
        // Refused at once while the thread copies (checkpoints take turns): the next commit tries again.
        lock.unlock();
        return restart(writer, name, false);
    }
    if (copying_ || copy_wanted_) return;
    if (copied_ > 0 && pages - copied_ < copy_at_pages) {
        // The thread copied most of it: what the writer copies now is what came since.
        lock.unlock();
        return restart(writer, name, true);
    }
    copy_wanted_ = true;
    lock.unlock();
    wanted_.notify_one();
}

// Copies what is left and waits briefly for readers of the log, so the next commit writes the log
// from its start. Readers never all stop at once under load, which is why SQLite's own passive
// checkpoints let the log grow without end (420 MB in a 60 s soak test).
void WalCheckpointer::restart(sqlite3* writer, const char* name, bool after_copy) {
    sqlite3_busy_timeout(writer, restart_wait_ms);
    const int rc = sqlite3_wal_checkpoint_v2(writer, name, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    sqlite3_busy_timeout(writer, busy_timeout_ms);
    std::lock_guard lock(mutex_);
    copied_ = 0;  // restarted, or readers still there: either way the next copy starts afresh
    if (rc != SQLITE_OK) return;
    ++counts_.restarts;
    if (!after_copy) ++counts_.restarts_in_turn;
}

WalCheckpointer::Counts WalCheckpointer::counts() const {
    std::lock_guard lock(mutex_);
    return counts_;
}

// A passive checkpoint runs beside writes: it copies what every reader's snapshot allows, never waits.
void WalCheckpointer::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wanted_.wait(lock, [&] { return copy_wanted_ || stopping_; });
        if (stopping_) return;
        copy_wanted_ = false;
        copying_ = true;
        const std::int64_t restarts = counts_.restarts;
        lock.unlock();
        int log = 0, copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(conn_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
        lock.lock();
        copying_ = false;
        ++counts_.copies;
        // A copy of a log restarted meanwhile says nothing of the new one.
        if (rc == SQLITE_OK && counts_.restarts == restarts) copied_ = copied;
    }
}

}  // namespace ll::server
