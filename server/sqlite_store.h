// The SQLite implementation of the storage interface: a pool of reading connections (WAL, foreign
// keys, synchronous=FULL), one writing connection whose commits concurrent writes share, migrations.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "sqlite_db.h"
#include "store.h"
#include "wal_checkpointer.h"

namespace ll::server {

class RequestFiber;
class SqliteStore;

// A write waiting in SqliteStore::run_write's queue, until its batch is durable or failed. On a
// fiber (request_fiber.h) it lends its thread to other requests meanwhile.
class QueuedWrite {
public:
    explicit QueuedWrite(const Store::WriteWork& w) : work(w) {}
    const Store::WriteWork& work;
    std::optional<Error> failure;  // its own, or its batch's; set before done()

    void wait_done();
    void done();

private:
    std::mutex mutex_;
    bool done_ = false;                // under mutex_
    RequestFiber* suspended_ = nullptr;  // under mutex_: its fiber, while it waits
    std::condition_variable changed_;
};

// Writes sharing one SQLite transaction and its commit; each is answered when the commit is durable.
struct WriteBatch {
    int members = 0;  // writes released into the transaction so far
    std::chrono::steady_clock::time_point first_member;
    bool done = false;             // under SqliteStore::batch_mutex_
    std::optional<Error> failure;  // under SqliteStore::batch_mutex_: why its writes were not saved
    std::vector<std::shared_ptr<QueuedWrite>> queued;  // run from the queue, told when the batch ends
};

// A write transaction's turn: the store's writer lock and the batch it writes into.
struct WriteTurn {
    std::unique_lock<std::mutex> lock;
    std::shared_ptr<WriteBatch> batch;
    Batching batching = Batching::shared;
};

// Migration 004's follow-up: every audit chain recomputed over content digests.
Result<bool> rehash_audit_chains(Connection& c);

class SqliteTransaction final : public Transaction {
public:
    ~SqliteTransaction() override;
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    Result<bool> commit() override;

    Result<std::optional<AccountRecord>> account_by_email(const std::string& email) override;
    Result<std::vector<std::string>> employer_ids() override;
    Result<std::optional<StoredPlan>> training_plan(const std::string& employer_id, int year) override;
    Result<bool> save_training_plan(const std::string& employer_id, int year, const std::string& plan_json, std::int64_t expected,
                                    const std::string& by, const std::string& at) override;
    Result<std::vector<AccountRecord>> accounts_of_employer(const std::string& employer_id) override;
    Result<std::int64_t> insert_notification(const NotificationRecord& n) override;
    Result<std::vector<NotificationRecord>> notifications(const std::string& account_id, int limit) override;
    Result<bool> mark_notification_read(const std::string& account_id, std::int64_t id, const std::string& at) override;
    Result<bool> mark_notification_emailed(std::int64_t id, const std::string& at, const std::string& error) override;
    Result<std::optional<AccountRecord>> account(const std::string& id) override;
    Result<std::vector<std::string>> mandates(const std::string& account_id) override;
    Result<bool> insert_account(const AccountRecord& a) override;
    Result<bool> insert_mandate(const std::string& account_id, const std::string& employer_id) override;
    Result<std::optional<SessionRecord>> session(const std::string& token_hash) override;
    Result<bool> insert_session(const SessionRecord& s) override;
    Result<bool> touch_session(const std::string& token_hash, std::int64_t now) override;
    Result<bool> delete_session(const std::string& token_hash) override;
    Result<std::optional<DeviceRecord>> kiosk_by_token_hash(const std::string& hash) override;
    Result<std::optional<DeviceRecord>> provider_by_key_hash(const std::string& hash) override;
    Result<bool> insert_kiosk(const DeviceRecord& d, const std::string& token_hash, const std::string& by, const std::string& at) override;
    Result<bool> insert_provider_key(const DeviceRecord& d, const std::string& key_hash, const std::string& by, const std::string& at) override;
    Result<bool> revoke_kiosk(const std::string& employer_id, const std::string& id, const std::string& at) override;
    Result<bool> revoke_provider_key(const std::string& employer_id, const std::string& id, const std::string& at) override;
    Result<std::optional<DeviceRecord>> kiosk_device(const std::string& employer_id, const std::string& id) override;
    Result<std::vector<DeviceRecord>> kiosk_devices(const std::string& employer_id) override;
    Result<std::vector<DeviceRecord>> provider_keys(const std::string& employer_id) override;
    Result<std::optional<BadgeRecord>> badge(const std::string& employer_id, const std::string& badge) override;
    Result<std::optional<BadgeRecord>> badge_of_worker(const std::string& employer_id, const std::string& worker_id) override;
    Result<bool> set_badge(const std::string& employer_id, const std::string& worker_id, const std::string& badge) override;
    Result<bool> delete_badge(const std::string& employer_id, const std::string& worker_id) override;
    Result<bool> set_pin_hash(const std::string& employer_id, const std::string& worker_id, const std::string& hash) override;
    Result<bool> set_badge_lock(const std::string& employer_id, const std::string& badge, const kiosk::BadgeLock& lock) override;
    Result<bool> insert_training_session(const std::string& employer_id, const TrainingSession& s, const std::string& by,
                                         const std::string& at) override;
    Result<std::vector<TrainingSession>> training_sessions(const std::string& employer_id, const CivilDate& from) override;
    Result<std::optional<TrainingSession>> training_session(const std::string& employer_id, const std::string& id) override;
    Result<bool> delete_training_session(const std::string& employer_id, const std::string& id) override;
    Result<std::vector<std::string>> enrolled_sessions(const std::string& employer_id, const std::string& worker_id) override;
    Result<bool> insert_enrolment(const std::string& employer_id, const std::string& session_id, const std::string& worker_id,
                                  const std::string& at) override;
    Result<bool> delete_enrolment(const std::string& employer_id, const std::string& session_id, const std::string& worker_id) override;
    Result<std::optional<EmployerRecord>> employer(const std::string& id) override;
    Result<std::map<int, Rational>> company_sizes(const std::string& employer_id) override;
    Result<std::optional<WorkerRecord>> worker(const std::string& employer_id, const std::string& worker_id) override;
    Result<std::optional<WorkerRecord>> worker_by_national_number(const std::string& employer_id, const std::string& digits) override;
    Result<std::vector<WorkerRecord>> workers(const std::string& employer_id, const WorkerFilter& f) override;
    Result<bool> insert_worker(const WorkerRecord& w) override;
    Result<bool> update_worker(const WorkerRecord& w) override;
    Result<std::vector<EmploymentPeriod>> employment(const std::string& employer_id, const std::string& worker_id) override;
    Result<bool> insert_employment(const std::string& employer_id, const std::string& worker_id, const EmploymentPeriod& p) override;
    Result<std::vector<DepartmentRecord>> departments(const std::string& employer_id) override;
    Result<std::string> department_manager(const std::string& employer_id, const std::string& department_id) override;
    Result<std::vector<DepartmentRecord>> departments_managed_by(const std::string& employer_id, const std::string& manager_id) override;
    Result<bool> insert_department(const std::string& employer_id, const DepartmentRecord& d) override;
    Result<bool> set_department_managers(const std::string& employer_id,
                                         const std::vector<std::pair<std::string, std::string>>& department_to_manager) override;
    Result<bool> insert_company_size(const std::string& employer_id, const CompanySize& s) override;
    Result<std::optional<EntryRecord>> entry(const std::string& employer_id, const std::string& id) override;
    Result<std::vector<EntryRecord>> entries_of(const std::string& employer_id, const std::string& worker_id) override;
    Result<std::vector<EntryRecord>> entries_with_status(const std::string& employer_id, EntryStatus status) override;
    Result<std::vector<EntryOwner>> entry_owners(const std::string& employer_id, EntryStatus status, const WorkerReach& reach) override;
    Result<bool> insert_entry(const EntryRecord& e) override;
    Result<bool> update_entry_status(const EntryRecord& e) override;
    Result<std::vector<CommentRecord>> comments(const std::string& employer_id, const std::string& entry_id) override;
    Result<bool> insert_comment(const std::string& employer_id, const std::string& entry_id, const CommentRecord& c) override;
    Result<bool> insert_certificate(const CertificateRecord& c) override;
    Result<std::optional<CertificateRecord>> certificate(const std::string& employer_id, const std::string& id) override;
    Result<std::vector<Delegation>> delegations(const std::string& employer_id) override;
    Result<std::vector<Delegation>> delegations_from(const std::string& employer_id, const std::string& approver_id) override;
    Result<std::vector<Delegation>> delegations_to(const std::string& employer_id, const std::string& delegate_id) override;
    Result<bool> insert_delegation(const std::string& employer_id, const std::string& id, const Delegation& d) override;
    Result<std::map<std::string, std::vector<EmploymentPeriod>>> employment_of_employer(const std::string& employer_id,
                                                                                       const WorkerReach& reach) override;
    Result<std::map<std::string, std::vector<EntryRecord>>> entries_of_employer(const std::string& employer_id,
                                                                                const WorkerReach& reach) override;
    Result<std::vector<Fulfilment>> fulfilments(const std::string& employer_id) override;
    Result<bool> upsert_fulfilment(const std::string& employer_id, const Fulfilment& f, const std::string& by,
                                   const std::string& at) override;
    Result<std::optional<StoredAnswer>> stored_answer(const std::string& account_id, const std::string& key) override;
    Result<bool> store_answer(const std::string& account_id, const std::string& key, const std::string& employer_id,
                              const StoredAnswer& a, const std::string& at) override;
    Result<bool> audit(const AuditRecord& record) override;
    Result<std::vector<AuditRecord>> audit_log(const std::string& employer_id, std::int64_t after_seq, int limit) override;
    Result<std::vector<AuditRecord>> audit_of_worker(const std::string& employer_id, const std::string& worker_id) override;
    Result<bool> erase_worker(const std::string& employer_id, const std::string& worker_id, const std::string& placeholder_name,
                              const std::string& at) override;
    Result<bool> record_change(const std::string& employer_id, const std::string& kind, const std::string& object_id,
                               const std::string& worker_id) override;
    Result<std::vector<ChangeRecord>> changes_since(const std::string& employer_id, std::int64_t cursor, int limit) override;
    Result<bool> insert_employer(const EmployerRecord& e) override;

private:
    friend class SqliteStore;
    SqliteTransaction(SqliteStore& store, std::unique_ptr<Connection> conn) : store_(store), conn_(std::move(conn)) {}
    Connection& db() const { return *conn_; }
    Result<bool> revoke(const char* table, const std::string& employer_id, const std::string& id, const std::string& at);
    SqliteStore& store_;
    std::unique_ptr<Connection> conn_;
    std::optional<WriteTurn> turn_;  // write transactions, until they end: conn_ is then the store's writer
    bool open_ = false;
};

class SqliteStore final : public Store {
public:
    static Result<std::unique_ptr<SqliteStore>> open(const std::string& path, bool read_only = false);
    ~SqliteStore() override;
    Result<std::unique_ptr<Transaction>> read() override;
    using Store::write;
    Result<std::unique_ptr<Transaction>> write(Batching batching) override;
    Result<bool> run_write(const WriteWork& work, Batching batching) override;
    Result<int> schema_version() override;
    // Commits of write batches so far, writers waiting for their turn and queued writes not yet taken
    // (for tests and benchmarks).
    std::int64_t batches_committed() const { return batches_committed_; }
    int writers_waiting() const { return writers_waiting_; }
    std::size_t writes_queued() {
        std::lock_guard lock(queue_mutex_);
        return queued_.size();
    }
    // The write-ahead log's copies and restarts so far (for tests and benchmarks).
    WalCheckpointer::Counts wal_checkpoints() {
        std::lock_guard turn(writer_);
        return checkpointer_ ? checkpointer_->counts() : WalCheckpointer::Counts{};
    }

private:
    friend class SqliteTransaction;
    SqliteStore(std::string path, bool read_only) : path_(std::move(path)), read_only_(read_only) {}
    Result<bool> migrate();
    Result<std::unique_ptr<Connection>> connection();
    void give_back(std::unique_ptr<Connection> c);
    // Group commit (sqlite_group_commit.cpp), under the writer lock.
    Result<bool> open_writer();
    Result<bool> open_batch(Batching batching);
    Result<bool> end_write(SqliteTransaction& tx, bool joined);
    void join(WriteBatch& batch);
    void end_turn(std::unique_lock<std::mutex> turn, WriteBatch& batch, Batching batching);
    void run_queue_thread();
    void run_queue();
    void run_queued(QueuedWrite& q, WriteBatch& batch);
    static Result<bool> guarded(const WriteWork& work, Transaction& tx);
    bool hand_off(const WriteBatch& batch, Batching batching) const;
    Result<bool> commit_batch();
    void close_batch(WriteBatch& batch, const Result<bool>& outcome);

    std::string path_;
    bool read_only_ = false;
    std::mutex mutex_;
    std::condition_variable returned_;
    int open_count_ = 0;
    // Writers queue here, one at a time: SQLite's own wait for its write lock sleeps in growing steps
    // (up to 100 ms), which left some writers waiting a second at 16 connections.
    std::mutex writer_;
    std::atomic<int> writers_waiting_{0};
    std::unique_ptr<WalCheckpointer> checkpointer_;  // under writer_: started with the writing connection
    std::unique_ptr<Connection> writer_conn_;  // under writer_: the open batch's transaction lives on it
    std::shared_ptr<WriteBatch> batch_;        // under writer_: null when no write transaction is open
    std::mutex batch_mutex_;
    std::condition_variable batch_done_;
    std::atomic<std::int64_t> batches_committed_{0};
    // Writes given to run_write, run in batches by a thread of the store's (sqlite_group_commit.cpp).
    std::mutex queue_mutex_;
    std::condition_variable queue_ready_;
    std::deque<std::shared_ptr<QueuedWrite>> queued_;  // under queue_mutex_
    bool queue_stopping_ = false;                      // under queue_mutex_
    std::thread queue_thread_;                         // started by the first queued write
    std::vector<std::unique_ptr<Connection>> idle_;  // SQLite connections are used by one thread at a time
};

}  // namespace ll::server
