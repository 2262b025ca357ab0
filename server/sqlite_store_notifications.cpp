// Notifications in SQLite: one row per account and occasion (the UNIQUE key makes a reminder
// planned twice a no-op), read and e-mail marks written after the fact.
#include "sqlite_rows.h"

namespace ll::server {

using sql::all;
using sql::done;

Result<std::int64_t> SqliteTransaction::insert_notification(const NotificationRecord& n) {
    Statement s(db(), "INSERT INTO notifications(employer_id, account_id, key, kind, subject, body, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(account_id, key) DO NOTHING");
    s.bind(1, n.employer_id).bind(2, n.account_id).bind(3, n.key).bind(4, n.kind).bind(5, n.subject).bind(6, n.body).bind(7, n.created_at);
    if (auto r = done(s); !r) return r.error();
    if (sqlite3_changes(db().handle()) == 0) return std::int64_t{0};
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db().handle()));
}

Result<std::vector<NotificationRecord>> SqliteTransaction::notifications(const std::string& account_id, int limit) {
    Statement s(db(), "SELECT id, employer_id, account_id, key, kind, subject, body, created_at, coalesce(read_at, ''), "
                      "coalesce(emailed_at, ''), coalesce(email_error, '') FROM notifications WHERE account_id = ? "
                      "ORDER BY id DESC LIMIT ?");
    s.bind(1, account_id).bind(2, static_cast<std::int64_t>(limit));
    return all<NotificationRecord>(s, [](Statement& r) {
        return NotificationRecord{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                                  r.text(6),    r.text(7), r.text(8), r.text(9), r.text(10)};
    });
}

Result<bool> SqliteTransaction::mark_notification_read(const std::string& account_id, std::int64_t id, const std::string& at) {
    Statement s(db(), "UPDATE notifications SET read_at = coalesce(read_at, ?) WHERE account_id = ? AND id = ?");
    s.bind(1, at).bind(2, account_id).bind(3, id);
    if (auto r = done(s); !r) return r;
    return sqlite3_changes(db().handle()) == 1;
}

Result<bool> SqliteTransaction::mark_notification_emailed(std::int64_t id, const std::string& at, const std::string& error) {
    Statement s(db(), "UPDATE notifications SET emailed_at = nullif(?, ''), email_error = nullif(?, '') WHERE id = ?");
    s.bind(1, error.empty() ? at : std::string()).bind(2, error).bind(3, id);
    return done(s);
}

}  // namespace ll::server
