// Storage behind a narrow interface: a Store opens the database and hands out transactions; a
// Transaction has one method per question or change the server needs. SQLite here; a PostgreSQL
// implementation can follow the same interface. Every query carries the employer id it serves.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "access.h"
#include "ledger.h"
#include "records.h"
#include "result.h"
#include "sqlite_db.h"

namespace ll::server {

struct EmployerRecord {
    std::string id, name, enterprise_number, rule_set;
};

struct CompanySize {
    int year;
    Rational fte;
};

struct AccountRecord {
    std::string id, employer_id, worker_id, email, password_hash, role, language;
};

struct SessionRecord {
    std::string token_hash, account_id, csrf_token;
    std::int64_t created_at = 0, last_seen_at = 0, expires_at = 0;
};

struct DeviceRecord {  // a kiosk device or a provider key
    std::string id, employer_id, label;
    bool revoked = false;
};

struct CertificateRecord {
    std::string id, employer_id, worker_id, content_type, sha256;
    std::int64_t size = 0;
    std::string data;
};

struct AuditRecord {
    std::int64_t seq = 0;
    std::string employer_id, at, actor, action, target, before_json, after_json, prev_hash, hash;
};

struct ChangeRecord {
    std::int64_t seq = 0;
    std::string kind, object_id, worker_id;
};

struct StoredAnswer {
    std::string request_hash;
    int status = 0;
    std::string body;
};

struct WorkerFilter {
    std::string department_id, text;  // text matches the display name
    std::optional<bool> active;       // employed on `today` (and not terminated before it)
    CivilDate today;
};

class Store;

// One transaction. Reads see one snapshot; a write transaction holds the write lock from the start
// (BEGIN IMMEDIATE) and is rolled back unless committed, so nothing is ever half written.
class Transaction {
public:
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Result<bool> commit();

    // --- accounts and sessions ---
    Result<std::optional<AccountRecord>> account_by_email(const std::string& email);
    Result<std::optional<AccountRecord>> account(const std::string& id);
    Result<std::vector<std::string>> mandates(const std::string& account_id);
    Result<bool> insert_account(const AccountRecord& a);
    Result<bool> insert_mandate(const std::string& account_id, const std::string& employer_id);
    Result<std::optional<SessionRecord>> session(const std::string& token_hash);
    Result<bool> insert_session(const SessionRecord& s);
    Result<bool> touch_session(const std::string& token_hash, std::int64_t now);
    Result<bool> delete_session(const std::string& token_hash);
    Result<std::optional<DeviceRecord>> kiosk_by_token_hash(const std::string& hash);
    Result<std::optional<DeviceRecord>> provider_by_key_hash(const std::string& hash);
    Result<bool> insert_kiosk(const DeviceRecord& d, const std::string& token_hash, const std::string& by, const std::string& at);
    Result<bool> insert_provider_key(const DeviceRecord& d, const std::string& key_hash, const std::string& by, const std::string& at);
    Result<bool> revoke_device(const std::string& table, const std::string& employer_id, const std::string& id, const std::string& at);

    // --- employers and workers ---
    Result<std::optional<EmployerRecord>> employer(const std::string& id);
    Result<std::map<int, Rational>> company_sizes(const std::string& employer_id);
    Result<std::optional<WorkerRecord>> worker(const std::string& employer_id, const std::string& worker_id);
    Result<std::optional<WorkerRecord>> worker_by_national_number(const std::string& employer_id, const std::string& digits);
    // Workers matching the filter, by name; visibility is applied by the caller with core rules.
    Result<std::vector<WorkerRecord>> workers(const std::string& employer_id, const WorkerFilter& f);
    Result<bool> insert_worker(const WorkerRecord& w);
    Result<bool> update_worker(const WorkerRecord& w);  // bumps version
    Result<std::vector<EmploymentPeriod>> employment(const std::string& employer_id, const std::string& worker_id);
    Result<bool> insert_employment(const std::string& employer_id, const std::string& worker_id, const EmploymentPeriod& p);
    Result<std::vector<DepartmentRecord>> departments(const std::string& employer_id);
    Result<bool> insert_department(const std::string& employer_id, const DepartmentRecord& d);
    Result<bool> set_department_managers(const std::string& employer_id,
                                         const std::vector<std::pair<std::string, std::string>>& department_to_manager);
    Result<bool> insert_company_size(const std::string& employer_id, const CompanySize& s);

    // --- ledger ---
    Result<std::optional<EntryRecord>> entry(const std::string& employer_id, const std::string& id);
    Result<std::vector<EntryRecord>> entries_of(const std::string& employer_id, const std::string& worker_id);
    Result<std::vector<EntryRecord>> entries_with_status(const std::string& employer_id, EntryStatus status);
    Result<bool> insert_entry(const EntryRecord& e);
    Result<bool> update_entry_status(const EntryRecord& e);  // status + decision fields, bumps version
    Result<std::vector<CommentRecord>> comments(const std::string& employer_id, const std::string& entry_id);
    Result<bool> insert_comment(const std::string& employer_id, const std::string& entry_id, const CommentRecord& c);
    Result<bool> insert_certificate(const CertificateRecord& c);
    Result<std::optional<CertificateRecord>> certificate(const std::string& employer_id, const std::string& id);
    Result<std::vector<Delegation>> delegations(const std::string& employer_id);
    Result<bool> insert_delegation(const std::string& employer_id, const std::string& id, const Delegation& d);

    // --- journal: idempotency, audit, change feed ---
    Result<std::optional<StoredAnswer>> stored_answer(const std::string& account_id, const std::string& key);
    Result<bool> store_answer(const std::string& account_id, const std::string& key, const std::string& employer_id,
                              const StoredAnswer& a, const std::string& at);
    // Appends to the employer's hash chain: hash = SHA-256(prev_hash | fields).
    Result<bool> audit(const std::string& employer_id, const std::string& at, const std::string& actor,
                       const std::string& action, const std::string& target, const std::string& before_json,
                       const std::string& after_json);
    Result<std::vector<AuditRecord>> audit_log(const std::string& employer_id, std::int64_t after_seq, int limit);
    Result<bool> record_change(const std::string& employer_id, const std::string& kind, const std::string& object_id,
                               const std::string& worker_id);
    Result<std::vector<ChangeRecord>> changes_since(const std::string& employer_id, std::int64_t cursor, int limit);
    Result<std::int64_t> latest_change(const std::string& employer_id);

    // Seeding and imports write whole employers.
    Result<bool> insert_employer(const EmployerRecord& e);

private:
    friend class Store;
    Transaction(Store& store, std::unique_ptr<Connection> conn) : store_(store), conn_(std::move(conn)) {}
    sqlite3* db() const { return conn_->handle(); }
    Store& store_;
    std::unique_ptr<Connection> conn_;
    bool open_ = false;
};

class Store {
public:
    // Opens the database file and applies pending migrations.
    static Result<std::unique_ptr<Store>> open(const std::string& path);
    Result<std::unique_ptr<Transaction>> read();
    Result<std::unique_ptr<Transaction>> write();
    Result<int> schema_version();
    Result<std::string> integrity_check();

private:
    friend class Transaction;
    explicit Store(std::string path) : path_(std::move(path)) {}
    Result<bool> migrate();
    Result<std::unique_ptr<Transaction>> begin(const char* sql);
    Result<std::unique_ptr<Connection>> connection();
    void give_back(std::unique_ptr<Connection> c);

    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Connection>> idle_;  // SQLite connections are used by one thread at a time
};

// SHA-256 as lower-case hex (libsodium), for tokens, certificates and the audit chain.
std::string sha256_hex(std::string_view data);
// The hash of one audit record, chained to the previous one's.
std::string audit_hash(const std::string& prev, const std::string& employer_id, const std::string& at, const std::string& actor,
                       const std::string& action, const std::string& target, const std::string& before_json,
                       const std::string& after_json);

}  // namespace ll::server
