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

// The workers in reach as a table, reach(reach_id), for a join to start from: those of the listed
// departments (one JSON array, so one prepared statement serves any number of them), then the one
// named worker unless already listed. Parameters: `employer`, then the reach's two from `first`.
// A join rather than `IN (...)`: SQLite builds a temporary b-tree for each IN list, and opening
// them took a fifth of a manager's inbox.
inline std::string reach_table(int employer, int first) {
    const std::string e = "?" + std::to_string(employer), d = "?" + std::to_string(first), w = "?" + std::to_string(first + 1);
    return "(SELECT rw.id AS reach_id FROM json_each(" + d + ") rd CROSS JOIN workers rw ON rw.employer_id = " + e +
           " AND rw.department_id = rd.value UNION ALL SELECT rs.id FROM workers rs WHERE rs.employer_id = " + e + " AND rs.id = " + w +
           " AND NOT EXISTS (SELECT 1 FROM json_each(" + d + ") rx WHERE rx.value = rs.department_id)) AS reach ";
}

// "FROM (the reach) CROSS JOIN `joined` ON `worker_id` = reach.reach_id ": the reach drives the join.
inline std::string from_reach(std::string_view joined, std::string_view worker_id, int employer, int first) {
    return "FROM " + reach_table(employer, first) + "CROSS JOIN " + std::string(joined) + " ON " + std::string(worker_id) + " = reach.reach_id ";
}

inline Statement& bind_reach(Statement& s, const WorkerReach& r, int first) {
    if (!r.department_ids) return s;
    return s.bind(first, nlohmann::json(*r.department_ids).dump()).bind(first + 1, r.worker_id);
}

}  // namespace ll::server::sql
