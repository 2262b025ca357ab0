// Consistent copies of a live SQLite database (SQLite's online backup API): `backup` copies while
// the server keeps serving; `restore` replaces a database with a copy after checking it.
#pragma once
#include <string>

#include "result.h"

namespace ll::server {

// Copies `db_path` to `target_path` (which must not exist yet), then checks the copy's integrity.
Result<bool> backup_database(const std::string& db_path, const std::string& target_path);
// Checks `backup_path`, then copies it over `db_path` page by page under SQLite's locks.
Result<bool> restore_database(const std::string& backup_path, const std::string& db_path);

}  // namespace ll::server
