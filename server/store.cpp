// SQLite implementation of the store. Migrations are SQL files in server/migrations, embedded at
// build time and applied in order inside one transaction each, recorded in schema_migrations.
#include "store.h"

#include <array>
#include <string_view>

#include "json_reader.h"
#include "wire.h"

namespace ll::server {

namespace migrations {
std::string_view m001_initial();  // generated from server/migrations/001_initial.sql
}

namespace {

struct Migration {
    int version;
    std::string_view (*sql)();
};

constexpr std::array<Migration, 1> all_migrations{{{1, migrations::m001_initial}}};

std::optional<Rational> stored_fraction(const std::string& text) { return json_to_rational(nlohmann::json(text)); }

}  // namespace

Store::Lease::~Lease() {
    std::lock_guard<std::mutex> lock(store_.mutex_);
    store_.idle_.push_back(std::move(conn_));
}

Result<std::unique_ptr<Store::Lease>> Store::lease() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!idle_.empty()) {
            auto c = std::move(idle_.back());
            idle_.pop_back();
            return std::make_unique<Lease>(*this, std::move(c));
        }
    }
    auto c = Connection::open(path_);
    if (!c) return c.error();
    return std::make_unique<Lease>(*this, std::move(c).value());
}

Result<std::unique_ptr<Store>> Store::open(const std::string& path) {
    std::unique_ptr<Store> store(new Store(path));
    auto migrated = store->migrate();
    if (!migrated) return migrated.error();
    return store;
}

Result<int> Store::schema_version() {
    auto l = lease();
    if (!l) return l.error();
    Statement q((*l)->db(), "SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!q.step()) return q.error().value_or(make_error("storage_error", "no schema version"));
    return static_cast<int>(q.integer(0));
}

Result<bool> Store::migrate() {
    auto l = lease();
    if (!l) return l.error();
    auto& c = **l;
    auto created = c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    if (!created) return created.error();
    for (const auto& m : all_migrations) {
        Statement q(c.db(), "SELECT 1 FROM schema_migrations WHERE version = ?");
        q.bind(1, static_cast<std::int64_t>(m.version));
        if (q.step()) continue;
        if (q.error()) return *q.error();
        // BEGIN IMMEDIATE: two servers starting at once cannot both apply a migration.
        if (auto b = c.exec("BEGIN IMMEDIATE"); !b) return b.error();
        Statement again(c.db(), "SELECT 1 FROM schema_migrations WHERE version = ?");
        again.bind(1, static_cast<std::int64_t>(m.version));
        if (again.step()) {
            c.exec("ROLLBACK");
            continue;
        }
        auto applied = c.exec(m.sql());
        if (applied) {
            Statement rec(c.db(), "INSERT INTO schema_migrations(version, applied_at) VALUES (?, datetime('now'))");
            rec.bind(1, static_cast<std::int64_t>(m.version));
            rec.step();
            if (rec.error()) applied = *rec.error();
        }
        if (!applied) {
            c.exec("ROLLBACK");
            return applied.error();
        }
        if (auto done = c.exec("COMMIT"); !done) return done.error();
    }
    return true;
}

Result<bool> Store::employer_exists(const std::string& employer_id) {
    auto l = lease();
    if (!l) return l.error();
    Statement q((*l)->db(), "SELECT 1 FROM employers WHERE id = ?");
    q.bind(1, employer_id);
    bool found = q.step();
    if (q.error()) return *q.error();
    return found;
}

Result<std::optional<EntitlementSource>> Store::entitlement_source(const std::string& worker_id, int year) {
    auto l = lease();
    if (!l) return l.error();
    sqlite3* db = (*l)->db();
    Statement w(db,
                "SELECT w.employer_id, e.rule_set, s.fte FROM workers w JOIN employers e ON e.id = w.employer_id "
                "LEFT JOIN company_sizes s ON s.employer_id = w.employer_id AND s.year = ? WHERE w.id = ?");
    w.bind(1, static_cast<std::int64_t>(year)).bind(2, worker_id);
    if (!w.step()) {
        if (w.error()) return *w.error();
        return std::optional<EntitlementSource>();
    }
    EntitlementSource src;
    src.employer_id = w.text(0);
    src.rule_set = w.text(1);
    if (auto fte = w.optional_text(2)) {
        src.company_fte = stored_fraction(*fte);
        if (!src.company_fte) return make_error("storage_error", "a stored company size is not a number");
    }
    Statement p(db,
                "SELECT start_date, end_date, fraction FROM employment_periods "
                "WHERE employer_id = ? AND worker_id = ? ORDER BY start_date");
    p.bind(1, src.employer_id).bind(2, worker_id);
    while (p.step()) {
        auto start = CivilDate::parse(p.text(0));
        auto end_text = p.optional_text(1);
        auto fraction = stored_fraction(p.text(2));
        if (!start || !fraction) return make_error("storage_error", "a stored employment period is invalid");
        EmploymentPeriod period{*start, std::nullopt, *fraction};
        if (end_text) {
            auto end = CivilDate::parse(*end_text);
            if (!end) return make_error("storage_error", "a stored employment period is invalid");
            period.end = *end;
        }
        src.employment.push_back(period);
    }
    if (p.error()) return *p.error();
    return std::optional<EntitlementSource>(std::move(src));
}

Result<bool> Store::insert_employer(const EmployerRecord& employer, const std::vector<CompanySize>& sizes,
                                    const std::vector<std::pair<WorkerRecord, std::vector<EmploymentPeriod>>>& workers) {
    auto l = lease();
    if (!l) return l.error();
    auto& c = **l;
    if (auto b = c.exec("BEGIN IMMEDIATE"); !b) return b.error();
    auto fail = [&](const Error& e) -> Result<bool> {
        c.exec("ROLLBACK");
        return e;
    };
    Statement e(c.db(), "INSERT INTO employers(id, name, enterprise_number, rule_set) VALUES (?, ?, ?, ?)");
    e.bind(1, employer.id).bind(2, employer.name).bind(3, employer.enterprise_number).bind(4, employer.rule_set);
    e.step();
    if (e.error()) return fail(*e.error());
    for (const auto& s : sizes) {
        Statement q(c.db(), "INSERT INTO company_sizes(employer_id, year, fte) VALUES (?, ?, ?)");
        q.bind(1, employer.id).bind(2, static_cast<std::int64_t>(s.year)).bind(3, wire::exact(s.fte));
        q.step();
        if (q.error()) return fail(*q.error());
    }
    for (const auto& [worker, periods] : workers) {
        Statement q(c.db(), "INSERT INTO workers(id, employer_id, display_name, department) VALUES (?, ?, ?, ?)");
        q.bind(1, worker.id).bind(2, employer.id).bind(3, worker.display_name).bind(4, worker.department);
        q.step();
        if (q.error()) return fail(*q.error());
        for (const auto& p : periods) {
            Statement pq(c.db(),
                         "INSERT INTO employment_periods(employer_id, worker_id, start_date, end_date, fraction) "
                         "VALUES (?, ?, ?, ?, ?)");
            pq.bind(1, employer.id).bind(2, worker.id).bind(3, p.start.iso()).bind(5, wire::exact(p.fraction));
            if (p.end) {
                pq.bind(4, p.end->iso());
            } else {
                pq.bind_null(4);
            }
            pq.step();
            if (pq.error()) return fail(*pq.error());
        }
    }
    if (auto done = c.exec("COMMIT"); !done) return fail(done.error());
    return true;
}

}  // namespace ll::server
