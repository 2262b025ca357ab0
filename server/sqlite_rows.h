// Small helpers shared by the SQLite store files: finishing a write statement, mapping rows.
// Private to server/sqlite_store*.cpp.
#pragma once
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

}  // namespace ll::server::sql
