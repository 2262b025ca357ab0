// Group commit: concurrent writes share one SQLite transaction and one fsync. Each write runs in a
// savepoint of its own while it holds the writer's turn; the last in line commits for all of them.
#include "sqlite_store.h"

namespace ll::server {

namespace {

// A batch stops taking writes at this size or age, so no write waits long for those behind it.
constexpr int batch_max_members = 64;
constexpr auto batch_max_age = std::chrono::milliseconds(4);

}  // namespace

Result<std::unique_ptr<Transaction>> SqliteStore::write(Batching batching) {
    if (read_only_) return make_error("storage_read_only", "the database is read-only at the moment: nothing was saved");
    ++writers_waiting_;
    std::unique_lock turn(writer_);
    --writers_waiting_;
    if (auto opened = open_writer(); !opened) return opened.error();
    if (batching == Batching::alone && batch_ && batch_->members > 0) {
        // The others first, durable before this one starts: it would hold their answers back.
        auto others = batch_;
        batch_.reset();
        close_batch(*others, commit_batch());
    }
    if (!batch_) {
        if (auto b = writer_conn_->exec("BEGIN IMMEDIATE"); !b) return b.error();
        batch_ = std::make_shared<WriteBatch>();
    }
    std::unique_ptr<SqliteTransaction> tx(new SqliteTransaction(*this, std::move(writer_conn_)));
    tx->turn_ = WriteTurn{std::move(turn), batch_, batching};
    // On failure the destructor ends the turn, which passes the batch on or commits it as usual.
    if (auto s = tx->conn_->exec("SAVEPOINT request"); !s) return s.error();
    tx->open_ = true;
    return std::unique_ptr<Transaction>(std::move(tx));
}

Result<bool> SqliteStore::open_writer() {
    if (writer_conn_) return true;
    auto c = Connection::open(path_);
    if (!c) return c.error();
    writer_conn_ = std::move(c).value();
    return true;
}

// Ends a write's turn: `joined` when its savepoint was released into the batch. The batch then
// goes to the next writer in line, or is committed; a joined write returns the batch's outcome.
Result<bool> SqliteStore::end_write(SqliteTransaction& tx, bool joined) {
    WriteTurn turn = std::move(*tx.turn_);
    tx.turn_.reset();
    writer_conn_ = std::move(tx.conn_);
    WriteBatch& batch = *turn.batch;
    if (joined && batch.members++ == 0) batch.first_member = std::chrono::steady_clock::now();
    std::optional<Result<bool>> outcome;  // set when the batch ends here
    if (sqlite3_get_autocommit(writer_conn_->handle())) {
        // SQLite rolled the transaction back after an error (a full disk does): the batch is lost.
        outcome = storage_error(writer_conn_->handle(), "write batch rolled back");
    } else if (!hand_off(batch, turn.batching)) {
        if (batch.members > 0) outcome = commit_batch();
        else if (auto r = writer_conn_->exec("ROLLBACK"); r) outcome = true;
        else outcome = storage_error(writer_conn_->handle(), "rollback");
    }
    if (outcome) batch_.reset();
    turn.lock.unlock();
    if (outcome) close_batch(batch, *outcome);
    if (!joined) return false;
    std::unique_lock lock(batch_mutex_);
    batch_done_.wait(lock, [&] { return batch.done; });
    if (batch.failure) return *batch.failure;
    return true;
}

// The next writer in line takes the open transaction on, while the batch is young and small: it
// commits for everyone, or passes it on again. Bulk writes never share theirs.
bool SqliteStore::hand_off(const WriteBatch& batch, Batching batching) const {
    if (batching == Batching::alone || writers_waiting_ == 0) return false;
    if (batch.members == 0) return true;
    return batch.members < batch_max_members && std::chrono::steady_clock::now() - batch.first_member < batch_max_age;
}

// One COMMIT and one fsync (synchronous=FULL) for every write in the batch.
Result<bool> SqliteStore::commit_batch() {
    auto committed = writer_conn_->exec("COMMIT");
    if (committed) {
        ++batches_committed_;
        return committed;
    }
    // A failed COMMIT may have rolled back already; if not, nothing of it may stay pending.
    if (!sqlite3_get_autocommit(writer_conn_->handle())) writer_conn_->exec("ROLLBACK");
    return committed;
}

void SqliteStore::close_batch(WriteBatch& batch, const Result<bool>& outcome) {
    {
        std::lock_guard lock(batch_mutex_);
        batch.done = true;
        if (!outcome) batch.failure = outcome.error();
    }
    batch_done_.notify_all();
}

}  // namespace ll::server
