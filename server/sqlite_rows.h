// Small helpers shared by the SQLite store files: finishing a write statement, mapping rows.
// Private to server/sqlite_store*.cpp.
#pragma once
#include <nlohmann/json.hpp>

#include "sqlite_store.h"

namespace ll::server::sql {

// Runs a statement that returns no rows.
inline Result<bool> done(Statement& s) {
    s.step();
    if (s.error()) return *s.error();
    return true;
}

// Wraps a read that may find one row.
template <class T, class Row>
Result<std::optional<T>> one(Statement& s, Row row) {
    if (s.step()) return std::optional<T>(row(s));
    if (s.error()) return *s.error();
    return std::optional<T>();
}

template <class T, class Row>
Result<std::vector<T>> all(Statement& s, Row row) {
    std::vector<T> out;
    while (s.step()) out.push_back(row(s));
    if (s.error()) return *s.error();
    return out;
}

inline std::optional<CivilDate> date_or_none(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    auto d = CivilDate::parse(*text);
    return d ? std::optional<CivilDate>(*d) : std::nullopt;
}

inline Statement& bind_optional(Statement& s, int index, const std::optional<std::string>& v) {
    return v ? s.bind(index, *v) : s.bind_null(index);
}

// The workers in reach as a condition on `column` (a worker id), with `employer` the employer's
// parameter and the reach's own two from `first`; nothing when the reach is every worker. The
// department ids go in as one JSON array, so one prepared statement serves any number of them.
inline std::string in_reach(const WorkerReach& r, std::string_view column, int employer, int first) {
    if (!r.department_ids) return {};
    return " AND " + std::string(column) + " IN (SELECT id FROM workers WHERE employer_id = ?" + std::to_string(employer) +
           " AND department_id IN (SELECT value FROM json_each(?" + std::to_string(first) + ")) UNION ALL SELECT ?" +
           std::to_string(first + 1) + ")";
}

inline Statement& bind_reach(Statement& s, const WorkerReach& r, int first) {
    if (!r.department_ids) return s;
    return s.bind(first, nlohmann::json(*r.department_ids).dump()).bind(first + 1, r.worker_id);
}

}  // namespace ll::server::sql
