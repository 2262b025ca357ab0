// Accounts, sessions, devices, employers, workers, departments and employment in SQLite.
#include <cstdio>

#include "json_reader.h"
#include "sqlite_rows.h"
#include "wire.h"

namespace ll::server {

using sql::all;
using sql::done;
using sql::one;

namespace {

AccountRecord account_row(Statement& s) {
    return {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)};
}

constexpr const char* account_columns =
    "SELECT id, coalesce(employer_id, ''), coalesce(worker_id, ''), email, password_hash, role, language FROM accounts ";

constexpr std::string_view worker_fields =
    "SELECT w.id, w.employer_id, w.display_name, coalesce(w.department_id, ''), coalesce(d.name, ''), w.joint_committee, "
    "w.language, w.national_number, w.termination_date, w.termination_reason, w.version, w.gender, w.site ";
constexpr std::string_view with_department_name = "LEFT JOIN departments d ON d.id = w.department_id ";
const std::string worker_columns = std::string(worker_fields) + "FROM workers w " + std::string(with_department_name);

WorkerRecord worker_row(Statement& s) {
    WorkerRecord w{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.optional_text(7), {}, s.integer(10),
                   s.text(11), s.text(12)};
    auto date = sql::date_or_none(s.optional_text(8));
    auto reason = s.optional_text(9);
    if (date && reason)
        if (auto r = termination_reason_from(*reason)) w.termination = Termination{*date, *r};
    return w;
}

DeviceRecord kiosk_row(Statement& r) { return DeviceRecord{r.text(0), r.text(1), r.text(2), r.integer(3) != 0, r.text(4)}; }

std::optional<Rational> stored_fraction(const std::string& text) { return json_to_rational(nlohmann::json(text)); }

}  // namespace

Result<std::optional<AccountRecord>> SqliteTransaction::account_by_email(const std::string& email) {
    Statement s(db(), std::string(account_columns) + "WHERE email = ?");
    s.bind(1, email);
    return one<AccountRecord>(s, account_row);
}

Result<std::vector<AccountRecord>> SqliteTransaction::accounts_of_employer(const std::string& employer_id) {
    Statement s(db(), std::string(account_columns) + "WHERE employer_id = ? ORDER BY id");
    s.bind(1, employer_id);
    return all<AccountRecord>(s, account_row);
}

Result<std::vector<std::string>> SqliteTransaction::employer_ids() {
    Statement s(db(), "SELECT id FROM employers ORDER BY id");
    return all<std::string>(s, [](Statement& r) { return r.text(0); });
}

Result<std::optional<AccountRecord>> SqliteTransaction::account(const std::string& id) {
    Statement s(db(), std::string(account_columns) + "WHERE id = ?");
    s.bind(1, id);
    return one<AccountRecord>(s, account_row);
}

Result<std::vector<std::string>> SqliteTransaction::mandates(const std::string& account_id) {
    Statement s(db(), "SELECT employer_id FROM operator_mandates WHERE account_id = ? ORDER BY employer_id");
    s.bind(1, account_id);
    return all<std::string>(s, [](Statement& r) { return r.text(0); });
}

Result<bool> SqliteTransaction::insert_account(const AccountRecord& a) {
    Statement s(db(), "INSERT INTO accounts(id, employer_id, worker_id, email, password_hash, role, language, created_at) "
                      "VALUES (?, nullif(?, ''), nullif(?, ''), ?, ?, ?, ?, datetime('now'))");
    s.bind(1, a.id).bind(2, a.employer_id).bind(3, a.worker_id).bind(4, a.email).bind(5, a.password_hash).bind(6, a.role).bind(7, a.language);
    return done(s);
}

Result<bool> SqliteTransaction::insert_mandate(const std::string& account_id, const std::string& employer_id) {
    Statement s(db(), "INSERT INTO operator_mandates(account_id, employer_id) VALUES (?, ?)");
    s.bind(1, account_id).bind(2, employer_id);
    return done(s);
}

Result<std::optional<SessionRecord>> SqliteTransaction::session(const std::string& token_hash) {
    Statement s(db(), "SELECT token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at, persistent FROM sessions WHERE token_hash = ?");
    s.bind(1, token_hash);
    return one<SessionRecord>(s, [](Statement& r) {
        return SessionRecord{r.text(0), r.text(1), r.text(2), r.integer(3), r.integer(4), r.integer(5), r.integer(6) != 0};
    });
}

Result<bool> SqliteTransaction::insert_session(const SessionRecord& x) {
    Statement s(db(), "INSERT INTO sessions(token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at, persistent) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, x.token_hash).bind(2, x.account_id).bind(3, x.csrf_token).bind(4, x.created_at).bind(5, x.last_seen_at).bind(6, x.expires_at);
    s.bind(7, static_cast<std::int64_t>(x.persistent ? 1 : 0));
    return done(s);
}

Result<bool> SqliteTransaction::touch_session(const std::string& token_hash, std::int64_t now) {
    Statement s(db(), "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?");
    s.bind(1, now).bind(2, token_hash);
    return done(s);
}

Result<bool> SqliteTransaction::delete_session(const std::string& token_hash) {
    Statement s(db(), "DELETE FROM sessions WHERE token_hash = ?");
    s.bind(1, token_hash);
    return done(s);
}

Result<std::optional<DeviceRecord>> SqliteTransaction::kiosk_by_token_hash(const std::string& hash) {
    Statement s(db(), "SELECT id, employer_id, site, revoked_at IS NOT NULL, languages FROM kiosk_devices WHERE token_hash = ?");
    s.bind(1, hash);
    return one<DeviceRecord>(s, kiosk_row);
}

Result<std::optional<DeviceRecord>> SqliteTransaction::kiosk_device(const std::string& employer_id, const std::string& id) {
    Statement s(db(), "SELECT id, employer_id, site, revoked_at IS NOT NULL, languages FROM kiosk_devices WHERE employer_id = ? AND id = ?");
    s.bind(1, employer_id).bind(2, id);
    return one<DeviceRecord>(s, kiosk_row);
}

Result<std::vector<DeviceRecord>> SqliteTransaction::kiosk_devices(const std::string& employer_id) {
    Statement s(db(), "SELECT id, employer_id, site, revoked_at IS NOT NULL, languages FROM kiosk_devices WHERE employer_id = ? "
                      "ORDER BY created_at, id");
    s.bind(1, employer_id);
    return all<DeviceRecord>(s, kiosk_row);
}

Result<std::vector<DeviceRecord>> SqliteTransaction::provider_keys(const std::string& employer_id) {
    Statement s(db(), "SELECT id, employer_id, name, revoked_at IS NOT NULL FROM provider_keys WHERE employer_id = ? ORDER BY created_at, id");
    s.bind(1, employer_id);
    return all<DeviceRecord>(s, [](Statement& r) { return DeviceRecord{r.text(0), r.text(1), r.text(2), r.integer(3) != 0, ""}; });
}

Result<std::optional<DeviceRecord>> SqliteTransaction::provider_by_key_hash(const std::string& hash) {
    Statement s(db(), "SELECT id, employer_id, name, revoked_at IS NOT NULL FROM provider_keys WHERE key_hash = ?");
    s.bind(1, hash);
    return one<DeviceRecord>(s, [](Statement& r) { return DeviceRecord{r.text(0), r.text(1), r.text(2), r.integer(3) != 0}; });
}

Result<bool> SqliteTransaction::insert_kiosk(const DeviceRecord& d, const std::string& token_hash, const std::string& by, const std::string& at) {
    Statement s(db(), "INSERT INTO kiosk_devices(id, employer_id, site, token_hash, created_by, created_at, languages) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, d.id).bind(2, d.employer_id).bind(3, d.label).bind(4, token_hash).bind(5, by).bind(6, at).bind(7, d.languages);
    return done(s);
}

Result<bool> SqliteTransaction::insert_provider_key(const DeviceRecord& d, const std::string& key_hash, const std::string& by,
                                              const std::string& at) {
    Statement s(db(), "INSERT INTO provider_keys(id, employer_id, name, key_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, d.id).bind(2, d.employer_id).bind(3, d.label).bind(4, key_hash).bind(5, by).bind(6, at);
    return done(s);
}

Result<bool> SqliteTransaction::revoke(const char* table, const std::string& employer_id, const std::string& id,
                                       const std::string& at) {
    Statement s(db(), std::string("UPDATE ") + table + " SET revoked_at = ? WHERE employer_id = ? AND id = ? AND revoked_at IS NULL");
    s.bind(1, at).bind(2, employer_id).bind(3, id);
    auto r = done(s);
    if (!r) return r;
    return sqlite3_changes(db().handle()) > 0;
}

Result<bool> SqliteTransaction::revoke_kiosk(const std::string& employer_id, const std::string& id, const std::string& at) {
    return revoke("kiosk_devices", employer_id, id, at);
}

Result<bool> SqliteTransaction::revoke_provider_key(const std::string& employer_id, const std::string& id, const std::string& at) {
    return revoke("provider_keys", employer_id, id, at);
}

Result<std::optional<EmployerRecord>> SqliteTransaction::employer(const std::string& id) {
    Statement s(db(), "SELECT id, name, enterprise_number, rule_set FROM employers WHERE id = ?");
    s.bind(1, id);
    return one<EmployerRecord>(s, [](Statement& r) { return EmployerRecord{r.text(0), r.text(1), r.text(2), r.text(3)}; });
}

Result<bool> SqliteTransaction::insert_employer(const EmployerRecord& e) {
    Statement s(db(), "INSERT INTO employers(id, name, enterprise_number, rule_set) VALUES (?, ?, ?, ?)");
    s.bind(1, e.id).bind(2, e.name).bind(3, e.enterprise_number).bind(4, e.rule_set);
    return done(s);
}

Result<std::map<int, Rational>> SqliteTransaction::company_sizes(const std::string& employer_id) {
    Statement s(db(), "SELECT year, fte FROM company_sizes WHERE employer_id = ?");
    s.bind(1, employer_id);
    std::map<int, Rational> out;
    while (s.step()) {
        auto fte = stored_fraction(s.text(1));
        if (!fte) return make_error("storage_error", "a stored company size is not a number");
        out[static_cast<int>(s.integer(0))] = *fte;
    }
    if (s.error()) return *s.error();
    return out;
}

Result<bool> SqliteTransaction::insert_company_size(const std::string& employer_id, const CompanySize& c) {
    Statement s(db(), "INSERT INTO company_sizes(employer_id, year, fte) VALUES (?, ?, ?)");
    s.bind(1, employer_id).bind(2, static_cast<std::int64_t>(c.year)).bind(3, wire::exact(c.fte));
    return done(s);
}

Result<std::optional<WorkerRecord>> SqliteTransaction::worker(const std::string& employer_id, const std::string& worker_id) {
    Statement s(db(), std::string(worker_columns) + "WHERE w.employer_id = ? AND w.id = ?");
    s.bind(1, employer_id).bind(2, worker_id);
    return one<WorkerRecord>(s, worker_row);
}

Result<std::optional<WorkerRecord>> SqliteTransaction::worker_by_national_number(const std::string& employer_id, const std::string& digits) {
    Statement s(db(), std::string(worker_columns) + "WHERE w.employer_id = ? AND w.national_number = ?");
    s.bind(1, employer_id).bind(2, digits);
    return one<WorkerRecord>(s, worker_row);
}

Result<std::vector<WorkerRecord>> SqliteTransaction::workers(const std::string& employer_id, const WorkerFilter& f) {
    std::string q = f.reach.department_ids
                        ? std::string(worker_fields) + sql::from_reach("workers w", "w.id", 1, 5) + std::string(with_department_name)
                        : worker_columns;
    q += "WHERE w.employer_id = ?1";
    if (!f.department_id.empty()) q += " AND w.department_id = ?2";
    if (!f.text.empty()) q += " AND w.display_name LIKE '%' || ?3 || '%' ESCAPE '\\'";
    if (f.active) {
        std::string employed =
            "(EXISTS (SELECT 1 FROM employment_periods p WHERE p.employer_id = w.employer_id AND p.worker_id = w.id "
            "AND p.start_date <= ?4 AND (p.end_date IS NULL OR p.end_date >= ?4)) "
            "AND (w.termination_date IS NULL OR w.termination_date >= ?4))";
        q += *f.active ? " AND " + employed : " AND NOT " + employed;
    }
    q += " ORDER BY w.display_name, w.id";
    Statement s(db(), q);
    std::string like;
    for (char c : f.text) {
        if (c == '%' || c == '_' || c == '\\') like += '\\';
        like += c;
    }
    s.bind(1, employer_id);
    if (!f.department_id.empty()) s.bind(2, f.department_id);
    if (!f.text.empty()) s.bind(3, like);
    if (f.active) s.bind(4, f.today.iso());
    sql::bind_reach(s, f.reach, 5);
    return all<WorkerRecord>(s, worker_row);
}

Result<bool> SqliteTransaction::insert_worker(const WorkerRecord& w) {
    Statement s(db(), "INSERT INTO workers(id, employer_id, display_name, department, department_id, joint_committee, language, "
                      "national_number, termination_date, termination_reason, gender, site) VALUES (?, ?, ?, ?, nullif(?, ''), ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, w.id).bind(2, w.employer_id).bind(3, w.display_name).bind(4, w.department_name).bind(5, w.department_id)
        .bind(6, w.joint_committee).bind(7, w.language);
    sql::bind_optional(s, 8, w.national_number);
    sql::bind_optional(s, 9, w.termination ? std::optional<std::string>(w.termination->date.iso()) : std::nullopt);
    sql::bind_optional(s, 10, w.termination ? std::optional<std::string>(to_string(w.termination->reason)) : std::nullopt);
    s.bind(11, w.gender).bind(12, w.site);
    return done(s);
}

Result<bool> SqliteTransaction::update_worker(const WorkerRecord& w) {
    Statement s(db(), "UPDATE workers SET display_name = ?, department_id = nullif(?, ''), department = ?, joint_committee = ?, "
                      "language = ?, national_number = ?, termination_date = ?, termination_reason = ?, gender = ?, site = ?, "
                      "version = version + 1 WHERE employer_id = ? AND id = ?");
    s.bind(1, w.display_name).bind(2, w.department_id).bind(3, w.department_name).bind(4, w.joint_committee).bind(5, w.language);
    sql::bind_optional(s, 6, w.national_number);
    sql::bind_optional(s, 7, w.termination ? std::optional<std::string>(w.termination->date.iso()) : std::nullopt);
    sql::bind_optional(s, 8, w.termination ? std::optional<std::string>(to_string(w.termination->reason)) : std::nullopt);
    s.bind(9, w.gender).bind(10, w.site).bind(11, w.employer_id).bind(12, w.id);
    return done(s);
}

namespace {

Result<EmploymentPeriod> employment_row(Statement& s, int first) {
    auto start = CivilDate::parse(s.text(first));
    auto fraction = stored_fraction(s.text(first + 2));
    if (!start || !fraction) return make_error("storage_error", "a stored employment period is invalid");
    return EmploymentPeriod{*start, sql::date_or_none(s.optional_text(first + 1)), *fraction};
}

}  // namespace

Result<std::vector<EmploymentPeriod>> SqliteTransaction::employment(const std::string& employer_id, const std::string& worker_id) {
    Statement s(db(), "SELECT start_date, end_date, fraction FROM employment_periods WHERE employer_id = ? AND worker_id = ? "
                      "ORDER BY start_date, id");
    s.bind(1, employer_id).bind(2, worker_id);
    std::vector<EmploymentPeriod> out;
    while (s.step()) {
        auto p = employment_row(s, 0);
        if (!p) return p.error();
        out.push_back(*p);
    }
    if (s.error()) return *s.error();
    return out;
}

Result<std::map<std::string, std::vector<EmploymentPeriod>>> SqliteTransaction::employment_of_employer(const std::string& employer_id,
                                                                                                       const WorkerReach& reach) {
    const std::string from = reach.department_ids ? sql::from_reach("employment_periods p", "p.worker_id", 1, 2) : "FROM employment_periods p ";
    Statement s(db(), "SELECT p.worker_id, p.start_date, p.end_date, p.fraction " + from +
                          "WHERE p.employer_id = ?1 ORDER BY p.worker_id, p.start_date, p.id");
    sql::bind_reach(s.bind(1, employer_id), reach, 2);
    std::map<std::string, std::vector<EmploymentPeriod>> out;
    while (s.step()) {
        auto p = employment_row(s, 1);
        if (!p) return p.error();
        out[s.text(0)].push_back(*p);
    }
    if (s.error()) return *s.error();
    return out;
}

Result<std::vector<Fulfilment>> SqliteTransaction::fulfilments(const std::string& employer_id) {
    Statement s(db(), "SELECT obligation_id, trigger_date, worker_id, done_on FROM obligation_fulfilments WHERE employer_id = ?");
    s.bind(1, employer_id);
    std::vector<Fulfilment> out;
    while (s.step()) {
        auto trigger = CivilDate::parse(s.text(1));
        auto done_on = CivilDate::parse(s.text(3));
        if (!trigger || !done_on) return make_error("storage_error", "a stored fulfilment is invalid");
        out.push_back({s.text(0), *trigger, s.text(2), *done_on});
    }
    if (s.error()) return *s.error();
    return out;
}

Result<bool> SqliteTransaction::upsert_fulfilment(const std::string& employer_id, const Fulfilment& f, const std::string& by,
                                                  const std::string& at) {
    Statement s(db(), "INSERT INTO obligation_fulfilments(employer_id, obligation_id, trigger_date, worker_id, done_on, recorded_by, "
                      "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(employer_id, obligation_id, trigger_date, worker_id) "
                      "DO UPDATE SET done_on = excluded.done_on, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at");
    s.bind(1, employer_id).bind(2, f.obligation_id).bind(3, f.trigger.iso()).bind(4, f.worker_id).bind(5, f.done_on.iso());
    s.bind(6, by).bind(7, at);
    return done(s);
}

Result<bool> SqliteTransaction::insert_employment(const std::string& employer_id, const std::string& worker_id, const EmploymentPeriod& p) {
    Statement s(db(), "INSERT INTO employment_periods(employer_id, worker_id, start_date, end_date, fraction) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, employer_id).bind(2, worker_id).bind(3, p.start.iso()).bind(5, wire::exact(p.fraction));
    sql::bind_optional(s, 4, p.end ? std::optional<std::string>(p.end->iso()) : std::nullopt);
    return done(s);
}

namespace {

DepartmentRecord department_row(Statement& r) { return DepartmentRecord{r.text(0), r.text(1), r.text(2)}; }

}  // namespace

Result<std::vector<DepartmentRecord>> SqliteTransaction::departments(const std::string& employer_id) {
    Statement s(db(), "SELECT id, name, coalesce(manager_id, '') FROM departments WHERE employer_id = ? ORDER BY name");
    s.bind(1, employer_id);
    return all<DepartmentRecord>(s, department_row);
}

Result<std::vector<DepartmentRecord>> SqliteTransaction::departments_managed_by(const std::string& employer_id, const std::string& manager_id) {
    Statement s(db(), "SELECT id, name, manager_id FROM departments WHERE employer_id = ? AND manager_id = ?");
    s.bind(1, employer_id).bind(2, manager_id);
    return all<DepartmentRecord>(s, department_row);
}

Result<std::string> SqliteTransaction::department_manager(const std::string& employer_id, const std::string& department_id) {
    Statement s(db(), "SELECT coalesce(manager_id, '') FROM departments WHERE employer_id = ? AND id = ?");
    s.bind(1, employer_id).bind(2, department_id);
    if (s.step()) return s.text(0);
    if (s.error()) return *s.error();
    return std::string();
}

Result<bool> SqliteTransaction::insert_department(const std::string& employer_id, const DepartmentRecord& d) {
    Statement s(db(), "INSERT INTO departments(id, employer_id, name, manager_id) VALUES (?, ?, ?, nullif(?, ''))");
    s.bind(1, d.id).bind(2, employer_id).bind(3, d.name).bind(4, d.manager_id);
    return done(s);
}

Result<bool> SqliteTransaction::set_department_managers(const std::string& employer_id,
                                                  const std::vector<std::pair<std::string, std::string>>& department_to_manager) {
    for (const auto& [department, manager] : department_to_manager) {
        Statement s(db(), "UPDATE departments SET manager_id = nullif(?, '') WHERE employer_id = ? AND id = ?");
        s.bind(1, manager).bind(2, employer_id).bind(3, department);
        if (auto r = done(s); !r) return r;
    }
    return true;
}

namespace {

Result<std::vector<Delegation>> delegation_rows(Statement& s) {
    std::vector<Delegation> out;
    while (s.step()) {
        auto from = CivilDate::parse(s.text(2));
        auto to = CivilDate::parse(s.text(3));
        if (!from || !to) return make_error("storage_error", "a stored delegation is invalid");
        out.push_back({s.text(0), s.text(1), *from, *to});
    }
    if (s.error()) return *s.error();
    return out;
}

}  // namespace

Result<std::vector<Delegation>> SqliteTransaction::delegations(const std::string& employer_id) {
    Statement s(db(), "SELECT approver_id, delegate_id, from_date, to_date FROM delegations WHERE employer_id = ? ORDER BY from_date");
    s.bind(1, employer_id);
    return delegation_rows(s);
}

Result<std::vector<Delegation>> SqliteTransaction::delegations_from(const std::string& employer_id, const std::string& approver_id) {
    Statement s(db(), "SELECT approver_id, delegate_id, from_date, to_date FROM delegations WHERE employer_id = ? AND approver_id = ? "
                      "ORDER BY from_date");
    s.bind(1, employer_id).bind(2, approver_id);
    return delegation_rows(s);
}

Result<std::vector<Delegation>> SqliteTransaction::delegations_to(const std::string& employer_id, const std::string& delegate_id) {
    Statement s(db(), "SELECT approver_id, delegate_id, from_date, to_date FROM delegations WHERE employer_id = ? AND delegate_id = ? "
                      "ORDER BY from_date");
    s.bind(1, employer_id).bind(2, delegate_id);
    return delegation_rows(s);
}

Result<bool> SqliteTransaction::insert_delegation(const std::string& employer_id, const std::string& id, const Delegation& d) {
    Statement s(db(), "INSERT INTO delegations(id, employer_id, approver_id, delegate_id, from_date, to_date) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, id).bind(2, employer_id).bind(3, d.approver_id).bind(4, d.delegate_id).bind(5, d.from.iso()).bind(6, d.to.iso());
    return done(s);
}

}  // namespace ll::server

namespace ll::server {

Result<bool> SqliteTransaction::erase_worker(const std::string& employer_id, const std::string& worker_id,
                                             const std::string& placeholder_name, const std::string& at) {
    // In this order: rows that point at others go before what they point at.
    const char* steps[] = {
        "DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE employer_id = ?1 AND worker_id = ?2)",
        "DELETE FROM idempotency WHERE account_id IN (SELECT id FROM accounts WHERE employer_id = ?1 AND worker_id = ?2) "
        "OR (employer_id = ?1 AND instr(response_body, '\"worker_id\":\"' || ?2 || '\"') > 0)",
        "DELETE FROM notifications WHERE account_id IN (SELECT id FROM accounts WHERE employer_id = ?1 AND worker_id = ?2)",
        "DELETE FROM accounts WHERE employer_id = ?1 AND worker_id = ?2",
        "DELETE FROM kiosk_badges WHERE employer_id = ?1 AND worker_id = ?2",
        "DELETE FROM session_enrolments WHERE employer_id = ?1 AND worker_id = ?2",
        "DELETE FROM comments WHERE employer_id = ?1 AND (author_id = ?2 OR entry_id IN "
        "(SELECT id FROM entries WHERE employer_id = ?1 AND worker_id = ?2))",
        "UPDATE entries SET title = '', provider = '', certificate_id = NULL, decision_reason = NULL, version = version + 1 "
        "WHERE employer_id = ?1 AND worker_id = ?2",
        "DELETE FROM certificates WHERE employer_id = ?1 AND worker_id = ?2",
        "UPDATE audit_log SET before_json = '{}', after_json = '{}', erased = 1 WHERE employer_id = ?1 AND worker_id = ?2",
    };
    for (const char* sql : steps) {
        Statement s(db(), sql);
        s.bind(1, employer_id).bind(2, worker_id);
        if (auto r = sql::done(s); !r) return r;
    }
    Statement w(db(), "UPDATE workers SET display_name = ?3, national_number = NULL, erased_at = ?4, version = version + 1 "
                      "WHERE employer_id = ?1 AND id = ?2");
    w.bind(1, employer_id).bind(2, worker_id).bind(3, placeholder_name).bind(4, at);
    return sql::done(w);
}

}  // namespace ll::server
