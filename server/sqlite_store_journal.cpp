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

Result<bool> SqliteTransaction::audit(const std::string& employer_id, const std::string& at, const std::string& actor,
                                const std::string& action, const std::string& target, const std::string& before_json,
                                const std::string& after_json) {
    Statement last(db(), "SELECT hash FROM audit_log WHERE employer_id = ? ORDER BY seq DESC LIMIT 1");
    last.bind(1, employer_id);
    std::string prev = last.step() ? last.text(0) : std::string(64, '0');
    if (last.error()) return *last.error();
    std::string hash = audit_hash(prev, employer_id, at, actor, action, target, before_json, after_json);
    Statement s(db(), "INSERT INTO audit_log(employer_id, at, actor, action, target, before_json, after_json, prev_hash, hash) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, employer_id).bind(2, at).bind(3, actor).bind(4, action).bind(5, target).bind(6, before_json).bind(7, after_json)
        .bind(8, prev).bind(9, hash);
    return done(s);
}

Result<std::vector<AuditRecord>> SqliteTransaction::audit_log(const std::string& employer_id, std::int64_t after_seq, int limit) {
    Statement s(db(), "SELECT seq, employer_id, at, actor, action, target, before_json, after_json, prev_hash, hash FROM audit_log "
                      "WHERE employer_id = ? AND seq > ? ORDER BY seq LIMIT ?");
    s.bind(1, employer_id).bind(2, after_seq).bind(3, static_cast<std::int64_t>(limit));
    return all<AuditRecord>(s, [](Statement& r) {
        return AuditRecord{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8), r.text(9)};
    });
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

std::string audit_hash(const std::string& prev, const std::string& employer_id, const std::string& at, const std::string& actor,
                       const std::string& action, const std::string& target, const std::string& before_json,
                       const std::string& after_json) {
    // Fields joined with a separator that cannot occur in them unescaped (JSON escapes control characters).
    const char sep = '\x1f';
    std::string material = prev;
    for (const std::string* f : {&employer_id, &at, &actor, &action, &target, &before_json, &after_json}) (material += sep) += *f;
    return sha256_hex(material);
}

}  // namespace ll::server
