// Ledger entries, comments and certificates in SQLite. Approved entries are never rewritten:
// update_entry_status only moves the status forward (the core decides whether it may).
#include "sqlite_rows.h"

namespace ll::server {

using sql::all;
using sql::done;
using sql::one;

namespace {

constexpr std::string_view entry_fields =
    "SELECT id, employer_id, worker_id, kind, status, date, end_date, minutes, title, provider, training_type, "
    "counts_for_right, cost_cents, origin_year, coalesce(certificate_id, ''), created_by, created_at, "
    "coalesce(decided_by, ''), coalesce(decided_at, ''), coalesce(decision_reason, ''), version, fund_cents, subsidy_cents, certificate_valid_until ";
const std::string entry_columns = std::string(entry_fields) + "FROM entries ";

// The entries of the workers in reach, or of the employer's every worker (parameter 1); the reach's
// own parameters from `first`.
std::string entries_from(const WorkerReach& reach, int first) {
    if (!reach.department_ids) return entry_columns + "WHERE employer_id = ?1";
    return std::string(entry_fields) + sql::from_reach("entries", "entries.worker_id", 1, first) + "WHERE employer_id = ?1";
}

EntryRecord entry_row(Statement& s) {
    EntryRecord e;
    e.entry.id = s.text(0);
    e.employer_id = s.text(1);
    e.worker_id = s.text(2);
    e.entry.kind = entry_kind_from(s.text(3)).value_or(EntryKind::training);
    e.entry.status = entry_status_from(s.text(4)).value_or(EntryStatus::draft);
    e.entry.date = sql::date_or_none(s.text(5)).value_or(CivilDate());
    e.end_date = sql::date_or_none(s.optional_text(6));
    e.entry.minutes = s.integer(7);
    e.entry.title = s.text(8);
    e.provider = s.text(9);
    e.training_type = s.text(10);
    e.entry.counts_for_right = s.integer(11) != 0;
    e.cost_cents = s.integer(12);
    if (s.optional_text(13)) e.entry.origin_year = static_cast<int>(s.integer(13));
    e.certificate_id = s.text(14);
    e.created_by = s.text(15);
    e.created_at = s.text(16);
    e.decided_by = s.text(17);
    e.decided_at = s.text(18);
    e.decision_reason = s.text(19);
    e.version = s.integer(20);
    e.fund_cents = s.integer(21);
    e.subsidy_cents = s.integer(22);
    e.certificate_valid_until = sql::date_or_none(s.optional_text(23));
    return e;
}

}  // namespace

Result<std::optional<EntryRecord>> SqliteTransaction::entry(const std::string& employer_id, const std::string& id) {
    Statement s(db(), std::string(entry_columns) + "WHERE employer_id = ? AND id = ?");
    s.bind(1, employer_id).bind(2, id);
    return one<EntryRecord>(s, entry_row);
}

Result<std::vector<EntryRecord>> SqliteTransaction::entries_of(const std::string& employer_id, const std::string& worker_id) {
    Statement s(db(), std::string(entry_columns) + "WHERE employer_id = ? AND worker_id = ? ORDER BY date, id");
    s.bind(1, employer_id).bind(2, worker_id);
    return all<EntryRecord>(s, entry_row);
}

Result<std::map<std::string, std::vector<EntryRecord>>> SqliteTransaction::entries_of_employer(const std::string& employer_id,
                                                                                               const WorkerReach& reach) {
    Statement s(db(), entries_from(reach, 2) + " ORDER BY worker_id, date, id");
    sql::bind_reach(s.bind(1, employer_id), reach, 2);
    std::map<std::string, std::vector<EntryRecord>> out;
    while (s.step()) {
        EntryRecord e = entry_row(s);
        out[e.worker_id].push_back(std::move(e));
    }
    if (s.error()) return *s.error();
    return out;
}

Result<std::vector<EntryRecord>> SqliteTransaction::entries_with_status(const std::string& employer_id, EntryStatus status) {
    Statement s(db(), entry_columns + "WHERE employer_id = ?1 AND status = ?2 ORDER BY date, id");
    s.bind(1, employer_id).bind(2, to_string(status));
    return all<EntryRecord>(s, entry_row);
}

Result<std::vector<EntryOwner>> SqliteTransaction::entry_owners(const std::string& employer_id, EntryStatus status, const WorkerReach& reach) {
    // Within a reach, the unary + keeps SQLite from the status index: that would read every such
    // entry of the employer where the worker index reads only the reach's.
    const std::string fields = "SELECT x.id, x.worker_id, coalesce(w.department_id, '') ";
    const std::string owners = "JOIN workers w ON w.id = x.worker_id AND w.employer_id = ?1 WHERE x.employer_id = ?1 ";
    const std::string from = reach.department_ids ? sql::from_reach("entries x", "x.worker_id", 1, 3) : "FROM entries x ";
    const std::string in_status = reach.department_ids ? "AND +x.status = ?2 " : "AND x.status = ?2 ";
    Statement s(db(), fields + from + owners + in_status + "ORDER BY x.date, x.id");
    sql::bind_reach(s.bind(1, employer_id).bind(2, to_string(status)), reach, 3);
    return all<EntryOwner>(s, [](Statement& r) { return EntryOwner{r.text(0), r.text(1), r.text(2)}; });
}

Result<bool> SqliteTransaction::insert_entry(const EntryRecord& e) {
    Statement s(db(), "INSERT INTO entries(id, employer_id, worker_id, kind, status, date, end_date, minutes, title, provider, "
                      "training_type, counts_for_right, cost_cents, origin_year, certificate_id, created_by, created_at, "
                      "decided_by, decided_at, decision_reason, fund_cents, subsidy_cents, certificate_valid_until) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif(?, ''), ?, ?, nullif(?, ''), nullif(?, ''), nullif(?, ''), ?, ?, ?)");
    s.bind(1, e.entry.id).bind(2, e.employer_id).bind(3, e.worker_id).bind(4, to_string(e.entry.kind))
        .bind(5, to_string(e.entry.status)).bind(6, e.entry.date.iso());
    sql::bind_optional(s, 7, e.end_date ? std::optional<std::string>(e.end_date->iso()) : std::nullopt);
    s.bind(8, static_cast<std::int64_t>(e.entry.minutes)).bind(9, e.entry.title).bind(10, e.provider).bind(11, e.training_type)
        .bind(12, static_cast<std::int64_t>(e.entry.counts_for_right ? 1 : 0)).bind(13, e.cost_cents);
    if (e.entry.origin_year) {
        s.bind(14, static_cast<std::int64_t>(*e.entry.origin_year));
    } else {
        s.bind_null(14);
    }
    s.bind(15, e.certificate_id).bind(16, e.created_by).bind(17, e.created_at).bind(18, e.decided_by).bind(19, e.decided_at)
        .bind(20, e.decision_reason).bind(21, e.fund_cents).bind(22, e.subsidy_cents);
    sql::bind_optional(s, 23, e.certificate_valid_until ? std::optional<std::string>(e.certificate_valid_until->iso()) : std::nullopt);
    return done(s);
}

Result<bool> SqliteTransaction::update_entry_status(const EntryRecord& e) {
    Statement s(db(), "UPDATE entries SET status = ?, decided_by = nullif(?, ''), decided_at = nullif(?, ''), "
                      "decision_reason = nullif(?, ''), version = version + 1 "
                      "WHERE employer_id = ? AND id = ? AND status IN ('draft', 'submitted')");
    s.bind(1, to_string(e.entry.status)).bind(2, e.decided_by).bind(3, e.decided_at).bind(4, e.decision_reason)
        .bind(5, e.employer_id).bind(6, e.entry.id);
    auto r = done(s);
    if (!r) return r;
    if (sqlite3_changes(db().handle()) != 1) return make_error("invalid_transition", "the entry changed meanwhile", "status");
    return true;
}

Result<std::vector<CommentRecord>> SqliteTransaction::comments(const std::string& employer_id, const std::string& entry_id) {
    Statement s(db(), "SELECT id, author_id, text, created_at FROM comments WHERE employer_id = ? AND entry_id = ? ORDER BY id");
    s.bind(1, employer_id).bind(2, entry_id);
    return all<CommentRecord>(s, [](Statement& r) { return CommentRecord{r.integer(0), r.text(1), r.text(2), r.text(3)}; });
}

Result<bool> SqliteTransaction::insert_comment(const std::string& employer_id, const std::string& entry_id, const CommentRecord& c) {
    Statement s(db(), "INSERT INTO comments(employer_id, entry_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, employer_id).bind(2, entry_id).bind(3, c.author_id).bind(4, c.text).bind(5, c.created_at);
    return done(s);
}

Result<bool> SqliteTransaction::insert_certificate(const CertificateRecord& c) {
    Statement s(db(), "INSERT INTO certificates(id, employer_id, worker_id, content_type, sha256, size, data, uploaded_by, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))");
    s.bind(1, c.id).bind(2, c.employer_id).bind(3, c.worker_id).bind(4, c.content_type).bind(5, c.sha256).bind(6, c.size);
    s.bind_blob(7, c.data).bind(8, c.worker_id);
    return done(s);
}

Result<std::optional<CertificateRecord>> SqliteTransaction::certificate(const std::string& employer_id, const std::string& id) {
    Statement s(db(), "SELECT id, employer_id, worker_id, content_type, sha256, size, data FROM certificates "
                      "WHERE employer_id = ? AND id = ?");
    s.bind(1, employer_id).bind(2, id);
    return one<CertificateRecord>(s, [](Statement& r) {
        return CertificateRecord{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5), r.blob(6)};
    });
}

}  // namespace ll::server
