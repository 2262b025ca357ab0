// Group commit: concurrent writes share one SQLite transaction and one fsync, each in a savepoint of
// its own. Queued writes (run_write) run one after another on one thread; write() hands the turn on.
#include <cstdio>

#include "request_fiber.h"
#include "sqlite_store.h"

namespace ll::server {

namespace {

// A batch stops taking writes at this size or age, so no write waits long for those behind it.
constexpr int batch_max_members = 64;
constexpr auto batch_max_age = std::chrono::milliseconds(4);

}  // namespace

Result<std::unique_ptr<Transaction>> SqliteStore::write(Batching batching) {
    if (read_only_) return read_only_error();
    ++writers_waiting_;
    std::unique_lock turn(writer_);
    --writers_waiting_;
    if (auto opened = open_batch(batching); !opened) return opened.error();
    std::unique_ptr<SqliteTransaction> tx(new SqliteTransaction(*this, std::move(writer_conn_)));
    tx->turn_ = WriteTurn{std::move(turn), batch_, batching};
    // On failure the destructor ends the turn, which passes the batch on or commits it as usual.
    if (auto s = tx->conn_->exec("SAVEPOINT request"); !s) return s.error();
    tx->open_ = true;
    return std::unique_ptr<Transaction>(std::move(tx));
}

// Under the writer's turn: the batch to write into, begun when none is open.
Result<bool> SqliteStore::open_batch(Batching batching) {
    if (auto opened = open_writer(); !opened) return opened;
    if (batching == Batching::alone && batch_ && batch_->members > 0) {
        // The others first, durable before this one starts: it would hold their answers back.
        auto others = batch_;
        batch_.reset();
        close_batch(*others, commit_batch());
    }
    if (!batch_) {
        if (auto b = writer_conn_->exec("BEGIN IMMEDIATE"); !b) return b;
        batch_ = std::make_shared<WriteBatch>();
    }
    return true;
}

Result<bool> SqliteStore::open_writer() {
    if (writer_conn_) return true;
    auto c = Connection::open(path_);
    if (!c) return c.error();
    auto checkpointer = WalCheckpointer::start(path_);
    if (!checkpointer) return checkpointer.error();
    checkpointer_ = std::move(checkpointer).value();
    writer_conn_ = std::move(c).value();
    checkpointer_->watch(*writer_conn_);
    return true;
}

// Ends a write's turn: `joined` when its savepoint was released into the batch; a joined write
// returns the batch's outcome.
Result<bool> SqliteStore::end_write(SqliteTransaction& tx, bool joined) {
    WriteTurn turn = std::move(*tx.turn_);
    tx.turn_.reset();
    writer_conn_ = std::move(tx.conn_);
    WriteBatch& batch = *turn.batch;
    if (joined) join(batch);
    end_turn(std::move(turn.lock), batch, turn.batching);
    if (!joined) return false;
    std::unique_lock lock(batch_mutex_);
    batch_done_.wait(lock, [&] { return batch.done; });
    if (batch.failure) return *batch.failure;
    return true;
}

void SqliteStore::join(WriteBatch& batch) {
    if (batch.members++ == 0) batch.first_member = std::chrono::steady_clock::now();
}

// Gives the writer's turn up: the batch goes on with the next writer in line, or ends here.
void SqliteStore::end_turn(std::unique_lock<std::mutex> turn, WriteBatch& batch, Batching batching) {
    std::optional<Result<bool>> outcome;  // set when the batch ends here
    if (sqlite3_get_autocommit(writer_conn_->handle())) {
        // SQLite rolled the transaction back after an error (a full disk does): the batch is lost.
        outcome = storage_error(writer_conn_->handle(), "write batch rolled back");
    } else if (!hand_off(batch, batching)) {
        if (batch.members > 0) outcome = commit_batch();
        else if (auto r = writer_conn_->exec("ROLLBACK"); r) outcome = true;
        else outcome = storage_error(writer_conn_->handle(), "rollback");
    }
    if (outcome) batch_.reset();
    turn.unlock();
    if (outcome) close_batch(batch, *outcome);
}

// Queued writes (run_write) run on the store's thread for them, in batches of those waiting when
// a batch begins, one after another in savepoints of one transaction. Their callers sleep meanwhile,
// or, on fibers, lend their threads to other requests: no thread is woken for each write.
Result<bool> SqliteStore::run_write(const WriteWork& work, Batching batching) {
    if (batching == Batching::alone) {
        auto tx = write(Batching::alone);
        if (!tx) return tx.error();
        if (auto done = guarded(work, **tx); !done) return done;
        return (*tx)->commit();
    }
    if (read_only_) return read_only_error();
    auto me = std::make_shared<QueuedWrite>(work);
    {
        std::lock_guard lock(queue_mutex_);
        queued_.push_back(me);
        if (!queue_thread_.joinable()) queue_thread_ = std::thread([this] { run_queue_thread(); });
    }
    queue_ready_.notify_one();  // no system call while the thread is busy
    me->wait_done();
    if (me->failure) return *me->failure;
    return true;
}

SqliteStore::~SqliteStore() {
    {
        std::lock_guard lock(queue_mutex_);
        queue_stopping_ = true;
    }
    queue_ready_.notify_one();
    if (queue_thread_.joinable()) queue_thread_.join();
}

void SqliteStore::run_queue_thread() {
    std::unique_lock lock(queue_mutex_);
    for (;;) {
        queue_ready_.wait(lock, [this] { return queue_stopping_ || !queued_.empty(); });
        if (queued_.empty()) return;  // stopping, nothing left
        lock.unlock();
        run_queue();
        lock.lock();
    }
}

void SqliteStore::run_queue() {
    std::unique_lock turn(writer_);
    std::vector<std::shared_ptr<QueuedWrite>> taken;
    {
        std::lock_guard lock(queue_mutex_);
        while (!queued_.empty() && taken.size() < static_cast<std::size_t>(batch_max_members)) {
            taken.push_back(std::move(queued_.front()));
            queued_.pop_front();
        }
    }
    auto opened = open_batch(Batching::shared);
    std::shared_ptr<WriteBatch> batch = opened ? batch_ : std::make_shared<WriteBatch>();
    for (auto& q : taken) {
        if (opened) run_queued(*q, *batch);
        else q->failure = opened.error();
        batch->queued.push_back(std::move(q));
    }
    if (opened) return end_turn(std::move(turn), *batch, Batching::shared);
    turn.unlock();
    close_batch(*batch, opened);
}

// One queued write, in a savepoint of the batch's transaction, kept when its work succeeds.
void SqliteStore::run_queued(QueuedWrite& q, WriteBatch& batch) {
    if (sqlite3_get_autocommit(writer_conn_->handle())) {
        q.failure = storage_error(writer_conn_->handle(), "write batch rolled back");  // after an earlier write
        return;
    }
    SqliteTransaction tx(*this, std::move(writer_conn_));
    Result<bool> done = tx.conn_->exec("SAVEPOINT request");
    if (done) done = guarded(q.work, tx);
    writer_conn_ = std::move(tx.conn_);
    const bool batch_lost = sqlite3_get_autocommit(writer_conn_->handle());
    if (done && !batch_lost) done = writer_conn_->exec("RELEASE request");
    if (done && !batch_lost) return join(batch);
    q.failure = done ? storage_error(writer_conn_->handle(), "write batch rolled back") : done.error();
    if (!batch_lost) writer_conn_->exec("ROLLBACK TO request; RELEASE request");
}

// A work that throws fails alone: it may be running on another request's thread.
Result<bool> SqliteStore::guarded(const WriteWork& work, Transaction& tx) {
    try {
        return work(tx);
    } catch (const std::exception&) {
        std::fprintf(stderr, "storage: a write ended with an exception; it was not saved\n");
        return make_error("internal_error", "the change could not be completed: nothing was saved");
    }
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
    for (auto& q : batch.queued) {
        if (!q->failure && !outcome) q->failure = outcome.error();
        q->done();
    }
}

void QueuedWrite::wait_done() {
    std::unique_lock lock(mutex_);
    if (RequestFiber* fiber = current_fiber()) {
        while (!done_) {
            suspended_ = fiber;
            lock.unlock();
            suspend_fiber(*fiber);
            lock.lock();
        }
        return;
    }
    changed_.wait(lock, [this] { return done_; });
}

void QueuedWrite::done() {
    RequestFiber* fiber;
    {
        std::lock_guard lock(mutex_);
        done_ = true;
        fiber = std::exchange(suspended_, nullptr);
    }
    if (fiber) resume_fiber(*fiber);
    else changed_.notify_one();
}

}  // namespace ll::server
