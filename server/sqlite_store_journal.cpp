// The journal tables: stored answers for idempotent retries, the hash-chained audit log, and the
// change feed behind incremental sync. All are written in the same transaction as the change.
#include "sqlite_rows.h"

namespace ll::server {

using sql::all;
using sql::done;
using sql::one;

Result<std::optional<StoredAnswer>> SqliteTransaction::stored_answer(const std::string& account_id, const std::string& key) {
    Statement s(db(), "SELECT request_hash, status, response_body FROM idempotency WHERE account_id = ? AND key = ?");
    s.bind(1, account_id).bind(2, key);
    return one<StoredAnswer>(s, [](Statement& r) { return StoredAnswer{r.text(0), static_cast<int>(r.integer(1)), r.text(2)}; });
}

Result<bool> SqliteTransaction::store_answer(const std::string& account_id, const std::string& key, const std::string& employer_id,
                                       const StoredAnswer& a, const std::string& at) {
    Statement s(db(), "INSERT INTO idempotency(account_id, key, employer_id, request_hash, status, response_body, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, account_id).bind(2, key).bind(3, employer_id).bind(4, a.request_hash).bind(5, static_cast<std::int64_t>(a.status))
        .bind(6, a.body).bind(7, at);
    return done(s);
}

Result<bool> SqliteTransaction::audit(const AuditRecord& a) {
    Statement last(db(), "SELECT hash FROM audit_log WHERE employer_id = ? ORDER BY seq DESC LIMIT 1");
    last.bind(1, a.employer_id);
    std::string prev = last.step() ? last.text(0) : std::string(64, '0');
    if (last.error()) return *last.error();
    const std::string content = audit_content_sha256(a.before_json, a.after_json);
    const std::string hash = audit_hash(prev, a.employer_id, a.at, a.actor, a.action, a.target, content);
    Statement s(db(), "INSERT INTO audit_log(employer_id, at, actor, action, target, before_json, after_json, prev_hash, hash, "
                      "worker_id, content_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, a.employer_id).bind(2, a.at).bind(3, a.actor).bind(4, a.action).bind(5, a.target).bind(6, a.before_json)
        .bind(7, a.after_json).bind(8, prev).bind(9, hash).bind(10, a.worker_id).bind(11, content);
    return done(s);
}

namespace {

constexpr const char* audit_columns =
    "SELECT seq, employer_id, at, actor, action, target, before_json, after_json, prev_hash, hash, coalesce(worker_id, ''), "
    "content_sha256, erased FROM audit_log ";

AuditRecord audit_row(Statement& r) {
    return AuditRecord{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7),
                       r.text(8),    r.text(9), r.text(10), r.text(11), r.integer(12) != 0};
}

}  // namespace

Result<std::vector<AuditRecord>> SqliteTransaction::audit_log(const std::string& employer_id, std::int64_t after_seq, int limit) {
    Statement s(db(), std::string(audit_columns) + "WHERE employer_id = ? AND seq > ? ORDER BY seq LIMIT ?");
    s.bind(1, employer_id).bind(2, after_seq).bind(3, static_cast<std::int64_t>(limit));
    return all<AuditRecord>(s, audit_row);
}

Result<std::vector<AuditRecord>> SqliteTransaction::audit_of_worker(const std::string& employer_id, const std::string& worker_id) {
    Statement s(db(), std::string(audit_columns) + "WHERE employer_id = ? AND worker_id = ? ORDER BY seq");
    s.bind(1, employer_id).bind(2, worker_id);
    return all<AuditRecord>(s, audit_row);
}

Result<bool> SqliteTransaction::record_change(const std::string& employer_id, const std::string& kind, const std::string& object_id,
                                        const std::string& worker_id) {
    Statement s(db(), "INSERT INTO changes(employer_id, kind, object_id, worker_id) VALUES (?, ?, ?, ?)");
    s.bind(1, employer_id).bind(2, kind).bind(3, object_id).bind(4, worker_id);
    return done(s);
}

Result<std::vector<ChangeRecord>> SqliteTransaction::changes_since(const std::string& employer_id, std::int64_t cursor, int limit) {
    Statement s(db(), "SELECT seq, kind, object_id, worker_id FROM changes WHERE employer_id = ? AND seq > ? ORDER BY seq LIMIT ?");
    s.bind(1, employer_id).bind(2, cursor).bind(3, static_cast<std::int64_t>(limit));
    return all<ChangeRecord>(s, [](Statement& r) { return ChangeRecord{r.integer(0), r.text(1), r.text(2), r.text(3)}; });
}

// Fields joined with a separator that cannot occur in them unescaped (JSON escapes control characters).
constexpr char audit_separator = '\x1f';

std::string audit_content_sha256(const std::string& before_json, const std::string& after_json) {
    return sha256_hex(before_json + audit_separator + after_json);
}

std::string audit_hash(const std::string& prev, const std::string& employer_id, const std::string& at, const std::string& actor,
                       const std::string& action, const std::string& target, const std::string& content_sha256) {
    std::string material = prev;
    for (const std::string* f : {&employer_id, &at, &actor, &action, &target, &content_sha256}) (material += audit_separator) += *f;
    return sha256_hex(material);
}

Result<bool> rehash_audit_chains(Connection& c) {
    Statement rows(c.handle(), std::string(audit_columns) + "ORDER BY employer_id, seq");
    std::vector<AuditRecord> all_rows;
    while (rows.step()) all_rows.push_back(audit_row(rows));
    if (rows.error()) return *rows.error();
    std::string employer, prev;
    for (auto& a : all_rows) {
        if (a.employer_id != employer) employer = a.employer_id, prev = std::string(64, '0');
        a.content_sha256 = audit_content_sha256(a.before_json, a.after_json);
        a.hash = audit_hash(prev, a.employer_id, a.at, a.actor, a.action, a.target, a.content_sha256);
        Statement u(c.handle(), "UPDATE audit_log SET content_sha256 = ?, prev_hash = ?, hash = ? WHERE seq = ?");
        u.bind(1, a.content_sha256).bind(2, prev).bind(3, a.hash).bind(4, a.seq);
        if (auto r = done(u); !r) return r;
        prev = a.hash;
    }
    return true;
}

}  // namespace ll::server
