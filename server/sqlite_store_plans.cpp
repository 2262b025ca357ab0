// Training plans in SQLite: one per employer and year, saved only over the version that was edited
// (two HR people editing at once: the second save is refused, nothing is overwritten unseen).
#include "sqlite_rows.h"

namespace ll::server {

using sql::done;
using sql::one;

Result<std::optional<StoredPlan>> SqliteTransaction::training_plan(const std::string& employer_id, int year) {
    Statement s(db(), "SELECT plan_json, version FROM training_plans WHERE employer_id = ? AND year = ?");
    s.bind(1, employer_id).bind(2, static_cast<std::int64_t>(year));
    return one<StoredPlan>(s, [](Statement& r) { return StoredPlan{r.text(0), r.integer(1)}; });
}

Result<bool> SqliteTransaction::save_training_plan(const std::string& employer_id, int year, const std::string& plan_json,
                                                   std::int64_t expected, const std::string& by, const std::string& at) {
    Statement s(db(), expected == 0 ? "INSERT INTO training_plans(employer_id, year, plan_json, updated_by, updated_at) "
                                      "VALUES (?1, ?2, ?3, ?5, ?6) ON CONFLICT DO NOTHING"
                                    : "UPDATE training_plans SET plan_json = ?3, version = version + 1, updated_by = ?5, updated_at = ?6 "
                                      "WHERE employer_id = ?1 AND year = ?2 AND version = ?4");
    s.bind(1, employer_id).bind(2, static_cast<std::int64_t>(year)).bind(3, plan_json).bind(4, expected).bind(5, by).bind(6, at);
    if (auto r = done(s); !r) return r;
    return sqlite3_changes(db().handle()) == 1;
}

}  // namespace ll::server
