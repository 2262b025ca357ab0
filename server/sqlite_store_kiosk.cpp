// Kiosk badges with their PIN hashes and locks, and scheduled trainings with their enrolments, in
// SQLite. Every statement names the employer, so a badge number never resolves across employers.
#include "sqlite_rows.h"

namespace ll::server {

using sql::all;
using sql::done;
using sql::one;

namespace {

constexpr const char* badge_columns = "SELECT badge, worker_id, pin_hash, wrong_pins, locked_until FROM kiosk_badges ";

BadgeRecord badge_row(Statement& s) { return {s.text(0), s.text(1), s.text(2), {static_cast<int>(s.integer(3)), s.integer(4)}}; }

constexpr const char* session_columns =
    "SELECT s.id, s.site, s.title, s.provider, s.date, s.start_minute, s.minutes, s.places, "
    "(SELECT count(*) FROM session_enrolments e WHERE e.session_id = s.id) FROM training_sessions s ";

TrainingSession session_row(Statement& s) {
    TrainingSession t;
    t.id = s.text(0);
    t.site = s.text(1);
    t.title = s.text(2);
    t.provider = s.text(3);
    if (auto d = CivilDate::parse(s.text(4))) t.date = *d;
    t.start_minute = static_cast<int>(s.integer(5));
    t.minutes = s.integer(6);
    t.places = static_cast<int>(s.integer(7));
    t.enrolled = static_cast<int>(s.integer(8));
    return t;
}

}  // namespace

Result<std::optional<BadgeRecord>> SqliteTransaction::badge(const std::string& employer_id, const std::string& badge) {
    Statement s(db(), std::string(badge_columns) + "WHERE employer_id = ? AND badge = ?");
    s.bind(1, employer_id).bind(2, badge);
    return one<BadgeRecord>(s, badge_row);
}

Result<std::optional<BadgeRecord>> SqliteTransaction::badge_of_worker(const std::string& employer_id, const std::string& worker_id) {
    Statement s(db(), std::string(badge_columns) + "WHERE employer_id = ? AND worker_id = ?");
    s.bind(1, employer_id).bind(2, worker_id);
    return one<BadgeRecord>(s, badge_row);
}

Result<bool> SqliteTransaction::set_badge(const std::string& employer_id, const std::string& worker_id, const std::string& badge) {
    Statement s(db(), "INSERT INTO kiosk_badges(employer_id, badge, worker_id) VALUES (?, ?, ?) "
                      "ON CONFLICT(employer_id, worker_id) DO UPDATE SET badge = excluded.badge, wrong_pins = 0, locked_until = 0");
    s.bind(1, employer_id).bind(2, badge).bind(3, worker_id);
    return done(s);
}

Result<bool> SqliteTransaction::delete_badge(const std::string& employer_id, const std::string& worker_id) {
    Statement s(db(), "DELETE FROM kiosk_badges WHERE employer_id = ? AND worker_id = ?");
    s.bind(1, employer_id).bind(2, worker_id);
    if (auto r = done(s); !r) return r;
    return sqlite3_changes(db().handle()) > 0;
}

Result<bool> SqliteTransaction::set_pin_hash(const std::string& employer_id, const std::string& worker_id, const std::string& hash) {
    Statement s(db(), "UPDATE kiosk_badges SET pin_hash = ?, wrong_pins = 0, locked_until = 0 WHERE employer_id = ? AND worker_id = ?");
    s.bind(1, hash).bind(2, employer_id).bind(3, worker_id);
    if (auto r = done(s); !r) return r;
    return sqlite3_changes(db().handle()) > 0;
}

Result<bool> SqliteTransaction::set_badge_lock(const std::string& employer_id, const std::string& badge, const kiosk::BadgeLock& lock) {
    Statement s(db(), "UPDATE kiosk_badges SET wrong_pins = ?, locked_until = ? WHERE employer_id = ? AND badge = ?");
    s.bind(1, static_cast<std::int64_t>(lock.wrong_pins)).bind(2, lock.locked_until).bind(3, employer_id).bind(4, badge);
    return done(s);
}

Result<bool> SqliteTransaction::insert_training_session(const std::string& employer_id, const TrainingSession& t, const std::string& by,
                                                        const std::string& at) {
    Statement s(db(), "INSERT INTO training_sessions(id, employer_id, site, title, provider, date, start_minute, minutes, places, "
                      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, t.id).bind(2, employer_id).bind(3, t.site).bind(4, t.title).bind(5, t.provider).bind(6, t.date.iso())
        .bind(7, static_cast<std::int64_t>(t.start_minute)).bind(8, static_cast<std::int64_t>(t.minutes))
        .bind(9, static_cast<std::int64_t>(t.places)).bind(10, by).bind(11, at);
    return done(s);
}

Result<std::vector<TrainingSession>> SqliteTransaction::training_sessions(const std::string& employer_id, const CivilDate& from) {
    Statement s(db(), std::string(session_columns) + "WHERE s.employer_id = ? AND s.date >= ? ORDER BY s.date, s.start_minute, s.id");
    s.bind(1, employer_id).bind(2, from.iso());
    return all<TrainingSession>(s, session_row);
}

Result<std::optional<TrainingSession>> SqliteTransaction::training_session(const std::string& employer_id, const std::string& id) {
    Statement s(db(), std::string(session_columns) + "WHERE s.employer_id = ? AND s.id = ?");
    s.bind(1, employer_id).bind(2, id);
    return one<TrainingSession>(s, session_row);
}

Result<bool> SqliteTransaction::delete_training_session(const std::string& employer_id, const std::string& id) {
    Statement e(db(), "DELETE FROM session_enrolments WHERE employer_id = ? AND session_id = ?");
    e.bind(1, employer_id).bind(2, id);
    if (auto r = done(e); !r) return r;
    Statement s(db(), "DELETE FROM training_sessions WHERE employer_id = ? AND id = ?");
    s.bind(1, employer_id).bind(2, id);
    if (auto r = done(s); !r) return r;
    return sqlite3_changes(db().handle()) > 0;
}

Result<std::vector<std::string>> SqliteTransaction::enrolled_sessions(const std::string& employer_id, const std::string& worker_id) {
    Statement s(db(), "SELECT session_id FROM session_enrolments WHERE employer_id = ? AND worker_id = ? ORDER BY session_id");
    s.bind(1, employer_id).bind(2, worker_id);
    return all<std::string>(s, [](Statement& r) { return r.text(0); });
}

Result<bool> SqliteTransaction::insert_enrolment(const std::string& employer_id, const std::string& session_id,
                                                 const std::string& worker_id, const std::string& at) {
    Statement s(db(), "INSERT INTO session_enrolments(session_id, employer_id, worker_id, created_at) VALUES (?, ?, ?, ?)");
    s.bind(1, session_id).bind(2, employer_id).bind(3, worker_id).bind(4, at);
    return done(s);
}

Result<bool> SqliteTransaction::delete_enrolment(const std::string& employer_id, const std::string& session_id,
                                                 const std::string& worker_id) {
    Statement s(db(), "DELETE FROM session_enrolments WHERE employer_id = ? AND session_id = ? AND worker_id = ?");
    s.bind(1, employer_id).bind(2, session_id).bind(3, worker_id);
    if (auto r = done(s); !r) return r;
    return sqlite3_changes(db().handle()) > 0;
}

}  // namespace ll::server
