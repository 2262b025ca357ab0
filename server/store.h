// Storage of employers, workers and their employment, behind a narrow interface (SQLite here;
// a PostgreSQL implementation can follow). Every query carries the employer id it serves.
#pragma once
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "entitlement.h"
#include "result.h"
#include "sqlite_db.h"

namespace ll::server {

struct EmployerRecord {
    std::string id, name, enterprise_number, rule_set;
};

struct WorkerRecord {
    std::string id, employer_id, display_name, department;
};

struct CompanySize {
    int year;
    Rational fte;
};

// What the core needs to compute one worker's entitlement.
struct EntitlementSource {
    std::string employer_id;
    std::string rule_set;
    std::optional<Rational> company_fte;  // absent when no size is recorded for the year
    std::vector<EmploymentPeriod> employment;
};

class Store {
public:
    // Opens the database file and applies pending migrations.
    static Result<std::unique_ptr<Store>> open(const std::string& path);

    Result<int> schema_version();
    Result<std::optional<EntitlementSource>> entitlement_source(const std::string& worker_id, int year);
    Result<bool> employer_exists(const std::string& employer_id);

    // Writes one employer with everything under it in a single transaction (all or nothing).
    Result<bool> insert_employer(const EmployerRecord& employer, const std::vector<CompanySize>& sizes,
                                 const std::vector<std::pair<WorkerRecord, std::vector<EmploymentPeriod>>>& workers);

private:
    explicit Store(std::string path) : path_(std::move(path)) {}
    Result<bool> migrate();

    // Connections are pooled: SQLite connections must not be shared by threads at once.
    class Lease {
    public:
        Lease(Store& s, std::unique_ptr<Connection> c) : store_(s), conn_(std::move(c)) {}
        ~Lease();
        sqlite3* db() const { return conn_->handle(); }
        Result<bool> exec(std::string_view sql) const { return conn_->exec(sql); }

    private:
        Store& store_;
        std::unique_ptr<Connection> conn_;
    };
    Result<std::unique_ptr<Lease>> lease();

    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace ll::server
