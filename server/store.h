// Storage behind a narrow interface: a Store opens the database and hands out transactions; a
// Transaction has one method per question or change the server needs. SQLite here; a PostgreSQL
// implementation can follow the same interface. Every query carries the employer id it serves.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "access.h"
#include "compliance.h"
#include "kiosk.h"
#include "ledger.h"
#include "records.h"
#include "result.h"
#include "training_session.h"

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
    bool persistent = true;  // "keep me signed in": the cookie outlives the browser session
};

struct DeviceRecord {  // a kiosk device or a provider key
    std::string id, employer_id, label;
    bool revoked = false;
    std::string languages;  // kiosks: "nl,fr", alternated in this order
    std::vector<std::string> language_list() const {
        std::vector<std::string> out;
        for (size_t pos = 0; pos <= languages.size();) {
            const size_t end = std::min(languages.find(',', pos), languages.size());
            if (end > pos) out.push_back(languages.substr(pos, end - pos));
            pos = end + 1;
        }
        return out;
    }
};

// A worker's kiosk badge: the number on the card, the PIN's hash ("" until set) and its lock.
struct BadgeRecord {
    std::string badge, worker_id, pin_hash;
    kiosk::BadgeLock lock;
};

struct CertificateRecord {
    std::string id, employer_id, worker_id, content_type, sha256;
    std::int64_t size = 0;
    std::string data;
};

struct AuditRecord {
    std::int64_t seq = 0;
    std::string employer_id, at, actor, action, target, before_json, after_json, prev_hash, hash;
    std::string worker_id;       // the worker the record concerns, if any
    std::string content_sha256;  // of before/after: what the chain covers, so erasure keeps it whole
    bool erased = false;         // before/after emptied by an erasure
};

struct ChangeRecord {
    std::int64_t seq = 0;
    std::string kind, object_id, worker_id;
};

// A reminder as it was sent to one account: in the app, and by e-mail when the server has SMTP.
struct NotificationRecord {
    std::int64_t id = 0;
    std::string employer_id, account_id, key, kind, subject, body, created_at, read_at, emailed_at, email_error;
};

struct StoredPlan {
    std::string plan_json;
    std::int64_t version = 0;
};

struct StoredAnswer {
    std::string request_hash;
    int status = 0;
    std::string body;
};

// Which of an employer's workers a read covers: all of them, or those of some departments and one
// more (the asker). A manager's lists read what concerns the manager, however large the employer.
struct WorkerReach {
    std::optional<std::vector<std::string>> department_ids;  // none: every worker of the employer
    std::string worker_id;                                   // covered too, in whatever department
};
inline const WorkerReach every_worker{};
inline const WorkerReach no_worker{std::vector<std::string>{}, {}};

// An entry with what decides who may act on it: its worker and their department.
struct EntryOwner {
    std::string entry_id, worker_id, department_id;
};

struct WorkerFilter {
    std::string department_id, text;  // text matches the display name
    std::optional<bool> active;       // employed on `today` (and not terminated before it)
    CivilDate today;
    WorkerReach reach;
};

// One transaction: the storage interface. Reads see one snapshot; a write transaction holds the
// write lock from the start and is rolled back unless committed, so nothing is ever half written.
// Methods speak the domain (no SQL crosses this line), so a PostgreSQL implementation can follow.
class Transaction {
public:
    virtual ~Transaction() = default;
    // Ends the transaction: nothing else is asked of it afterwards (a write's connection has gone
    // back to the store, to the next write in line).
    virtual Result<bool> commit() = 0;

    // --- accounts and sessions ---
    virtual Result<std::optional<AccountRecord>> account_by_email(const std::string& email) = 0;
    virtual Result<std::optional<AccountRecord>> account(const std::string& id) = 0;
    virtual Result<std::vector<std::string>> mandates(const std::string& account_id) = 0;
    virtual Result<bool> insert_account(const AccountRecord& a) = 0;
    virtual Result<bool> insert_mandate(const std::string& account_id, const std::string& employer_id) = 0;
    virtual Result<std::optional<SessionRecord>> session(const std::string& token_hash) = 0;
    virtual Result<bool> insert_session(const SessionRecord& s) = 0;
    virtual Result<bool> touch_session(const std::string& token_hash, std::int64_t now) = 0;
    virtual Result<bool> delete_session(const std::string& token_hash) = 0;
    virtual Result<std::optional<DeviceRecord>> kiosk_by_token_hash(const std::string& hash) = 0;
    virtual Result<std::optional<DeviceRecord>> provider_by_key_hash(const std::string& hash) = 0;
    virtual Result<bool> insert_kiosk(const DeviceRecord& d, const std::string& token_hash, const std::string& by, const std::string& at) = 0;
    virtual Result<bool> insert_provider_key(const DeviceRecord& d, const std::string& key_hash, const std::string& by, const std::string& at) = 0;
    // Revokes one; false when there is no such (unrevoked) device or key in the employer.
    virtual Result<bool> revoke_kiosk(const std::string& employer_id, const std::string& id, const std::string& at) = 0;
    virtual Result<bool> revoke_provider_key(const std::string& employer_id, const std::string& id, const std::string& at) = 0;
    virtual Result<std::optional<DeviceRecord>> kiosk_device(const std::string& employer_id, const std::string& id) = 0;
    // The employer's kiosk devices or provider keys, revoked ones too, oldest first.
    virtual Result<std::vector<DeviceRecord>> kiosk_devices(const std::string& employer_id) = 0;
    virtual Result<std::vector<DeviceRecord>> provider_keys(const std::string& employer_id) = 0;

    // --- kiosk badges (one per worker) and scheduled trainings with places ---
    virtual Result<std::optional<BadgeRecord>> badge(const std::string& employer_id, const std::string& badge) = 0;
    virtual Result<std::optional<BadgeRecord>> badge_of_worker(const std::string& employer_id, const std::string& worker_id) = 0;
    // Gives the worker this badge number (a new card keeps the PIN); the number must be free.
    virtual Result<bool> set_badge(const std::string& employer_id, const std::string& worker_id, const std::string& badge) = 0;
    virtual Result<bool> delete_badge(const std::string& employer_id, const std::string& worker_id) = 0;
    // A new PIN hash, which also clears wrong PINs and any lock.
    virtual Result<bool> set_pin_hash(const std::string& employer_id, const std::string& worker_id, const std::string& hash) = 0;
    virtual Result<bool> set_badge_lock(const std::string& employer_id, const std::string& badge, const kiosk::BadgeLock& lock) = 0;
    virtual Result<bool> insert_training_session(const std::string& employer_id, const TrainingSession& s, const std::string& by,
                                                 const std::string& at) = 0;
    // The employer's sessions on or after `from` (all sites), with their enrolled counts, by date.
    virtual Result<std::vector<TrainingSession>> training_sessions(const std::string& employer_id, const CivilDate& from) = 0;
    virtual Result<std::optional<TrainingSession>> training_session(const std::string& employer_id, const std::string& id) = 0;
    virtual Result<bool> delete_training_session(const std::string& employer_id, const std::string& id) = 0;
    virtual Result<std::vector<std::string>> enrolled_sessions(const std::string& employer_id, const std::string& worker_id) = 0;
    virtual Result<bool> insert_enrolment(const std::string& employer_id, const std::string& session_id, const std::string& worker_id,
                                          const std::string& at) = 0;
    // False when the worker had no place on it.
    virtual Result<bool> delete_enrolment(const std::string& employer_id, const std::string& session_id, const std::string& worker_id) = 0;

    // --- employers and workers ---
    virtual Result<std::optional<EmployerRecord>> employer(const std::string& id) = 0;
    virtual Result<std::map<int, Rational>> company_sizes(const std::string& employer_id) = 0;
    virtual Result<std::optional<WorkerRecord>> worker(const std::string& employer_id, const std::string& worker_id) = 0;
    virtual Result<std::optional<WorkerRecord>> worker_by_national_number(const std::string& employer_id, const std::string& digits) = 0;
    // Workers matching the filter, by name; visibility is applied by the caller with core rules.
    virtual Result<std::vector<WorkerRecord>> workers(const std::string& employer_id, const WorkerFilter& f) = 0;
    virtual Result<bool> insert_worker(const WorkerRecord& w) = 0;
    virtual Result<bool> update_worker(const WorkerRecord& w) = 0;  // bumps version
    virtual Result<std::vector<EmploymentPeriod>> employment(const std::string& employer_id, const std::string& worker_id) = 0;
    // Every employment period of the workers in reach by worker id, for tables and the cockpit (one query).
    virtual Result<std::map<std::string, std::vector<EmploymentPeriod>>> employment_of_employer(const std::string& employer_id,
                                                                                               const WorkerReach& reach) = 0;
    virtual Result<bool> insert_employment(const std::string& employer_id, const std::string& worker_id, const EmploymentPeriod& p) = 0;
    virtual Result<std::vector<DepartmentRecord>> departments(const std::string& employer_id) = 0;
    // The department's manager's worker id; empty when it has none (or no such department).
    virtual Result<std::string> department_manager(const std::string& employer_id, const std::string& department_id) = 0;
    virtual Result<std::vector<DepartmentRecord>> departments_managed_by(const std::string& employer_id, const std::string& manager_id) = 0;
    virtual Result<bool> insert_department(const std::string& employer_id, const DepartmentRecord& d) = 0;
    virtual Result<bool> set_department_managers(const std::string& employer_id,
                                                 const std::vector<std::pair<std::string, std::string>>& department_to_manager) = 0;
    virtual Result<bool> insert_company_size(const std::string& employer_id, const CompanySize& s) = 0;

    // --- ledger ---
    virtual Result<std::optional<EntryRecord>> entry(const std::string& employer_id, const std::string& id) = 0;
    virtual Result<std::vector<EntryRecord>> entries_of(const std::string& employer_id, const std::string& worker_id) = 0;
    // Every entry of the workers in reach by worker id, in date order (team tables fold them per worker).
    virtual Result<std::map<std::string, std::vector<EntryRecord>>> entries_of_employer(const std::string& employer_id,
                                                                                        const WorkerReach& reach) = 0;
    // Every entry of the employer in `status`, whole, oldest first (date, id): reminders date them.
    virtual Result<std::vector<EntryRecord>> entries_with_status(const std::string& employer_id, EntryStatus status) = 0;
    // The entries in `status` of the workers in reach, oldest first (date, id), with their owners:
    // enough to count what a person may act on without reading every row whole.
    virtual Result<std::vector<EntryOwner>> entry_owners(const std::string& employer_id, EntryStatus status, const WorkerReach& reach) = 0;
    virtual Result<bool> insert_entry(const EntryRecord& e) = 0;
    virtual Result<bool> update_entry_status(const EntryRecord& e) = 0;  // status + decision fields, bumps version
    virtual Result<std::vector<CommentRecord>> comments(const std::string& employer_id, const std::string& entry_id) = 0;
    virtual Result<bool> insert_comment(const std::string& employer_id, const std::string& entry_id, const CommentRecord& c) = 0;
    virtual Result<bool> insert_certificate(const CertificateRecord& c) = 0;
    virtual Result<std::optional<CertificateRecord>> certificate(const std::string& employer_id, const std::string& id) = 0;
    virtual Result<std::vector<Delegation>> delegations(const std::string& employer_id) = 0;
    // Those standing in for one approver.
    virtual Result<std::vector<Delegation>> delegations_from(const std::string& employer_id, const std::string& approver_id) = 0;
    // Those one person stands in for.
    virtual Result<std::vector<Delegation>> delegations_to(const std::string& employer_id, const std::string& delegate_id) = 0;
    virtual Result<bool> insert_delegation(const std::string& employer_id, const std::string& id, const Delegation& d) = 0;

    // --- compliance: obligations recorded as done ---
    virtual Result<std::vector<Fulfilment>> fulfilments(const std::string& employer_id) = 0;
    // Records (or re-dates) one occurrence as done.
    virtual Result<bool> upsert_fulfilment(const std::string& employer_id, const Fulfilment& f, const std::string& by,
                                           const std::string& at) = 0;

    // --- journal: idempotency, audit, change feed ---
    // --- the yearly training plan (the core's JSON; version bumped on every save) ---
    virtual Result<std::optional<StoredPlan>> training_plan(const std::string& employer_id, int year) = 0;
    // Saves when the stored version is `expected` (0: none yet); false when somebody saved meanwhile.
    virtual Result<bool> save_training_plan(const std::string& employer_id, int year, const std::string& plan_json, std::int64_t expected,
                                            const std::string& by, const std::string& at) = 0;

    // --- notifications ---
    virtual Result<std::vector<std::string>> employer_ids() = 0;
    virtual Result<std::vector<AccountRecord>> accounts_of_employer(const std::string& employer_id) = 0;
    // Inserts unless the account already has one with that key: the id, or 0 when it existed.
    virtual Result<std::int64_t> insert_notification(const NotificationRecord& n) = 0;
    virtual Result<std::vector<NotificationRecord>> notifications(const std::string& account_id, int limit) = 0;
    virtual Result<bool> mark_notification_read(const std::string& account_id, std::int64_t id, const std::string& at) = 0;
    virtual Result<bool> mark_notification_emailed(std::int64_t id, const std::string& at, const std::string& error) = 0;

    virtual Result<std::optional<StoredAnswer>> stored_answer(const std::string& account_id, const std::string& key) = 0;
    virtual Result<bool> store_answer(const std::string& account_id, const std::string& key, const std::string& employer_id,
                                      const StoredAnswer& a, const std::string& at) = 0;
    // Appends to the employer's hash chain: hash = SHA-256(prev_hash | fields | SHA-256(before | after)).
    virtual Result<bool> audit(const AuditRecord& record) = 0;
    virtual Result<std::vector<AuditRecord>> audit_log(const std::string& employer_id, std::int64_t after_seq, int limit) = 0;
    virtual Result<std::vector<AuditRecord>> audit_of_worker(const std::string& employer_id, const std::string& worker_id) = 0;
    // Removes a departed worker's personal data: name (becomes `placeholder_name`), national number,
    // account and sessions, certificates, comments, titles and providers, stored answers about them,
    // and the content of their audit records. Minutes, dates, types and costs stay for aggregates.
    virtual Result<bool> erase_worker(const std::string& employer_id, const std::string& worker_id,
                                      const std::string& placeholder_name, const std::string& at) = 0;
    virtual Result<bool> record_change(const std::string& employer_id, const std::string& kind, const std::string& object_id,
                                       const std::string& worker_id) = 0;
    virtual Result<std::vector<ChangeRecord>> changes_since(const std::string& employer_id, std::int64_t cursor, int limit) = 0;

    // Seeding and imports write whole employers.
    virtual Result<bool> insert_employer(const EmployerRecord& e) = 0;

};

// Whether a write may share its transaction and its commit with concurrent writes (group commit),
// or runs alone: bulk writes (uploads, imports, reminder runs) would hold back the others' answers.
enum class Batching { shared, alone };

// The storage as a whole: transactions and the schema version.
class Store {
public:
    virtual ~Store() = default;
    virtual Result<std::unique_ptr<Transaction>> read() = 0;
    // A write's commit() returns once it is durable, with the writes that shared its commit.
    virtual Result<std::unique_ptr<Transaction>> write(Batching batching) = 0;
    Result<std::unique_ptr<Transaction>> write() { return write(Batching::shared); }
    // A change whose work runs on another thread, the store's for the writes queued, which run one
    // after another without a thread woken for each (alone: on this one). `work` runs once, in a
    // transaction of its own that keeps what it wrote only if it returns true; it must not commit.
    // Returns once that is durable, or why nothing of it was saved.
    using WriteWork = std::function<Result<bool>(Transaction&)>;
    virtual Result<bool> run_write(const WriteWork& work, Batching batching) = 0;
    virtual Result<int> schema_version() = 0;
};

// Opens (creating if needed) an SQLite database file and applies pending migrations.
// `read_only`: every write is refused (storage_read_only); for maintenance windows and copies.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, bool read_only = false);

// SHA-256 as lower-case hex (OpenSSL), for tokens, certificates and the audit chain.
std::string sha256_hex(std::string_view data);
// The digest of an audit record's content, and the record's hash chained to the previous one's.
std::string audit_content_sha256(const std::string& before_json, const std::string& after_json);
std::string audit_hash(const std::string& prev, const std::string& employer_id, const std::string& at, const std::string& actor,
                       const std::string& action, const std::string& target, const std::string& content_sha256);

}  // namespace ll::server
