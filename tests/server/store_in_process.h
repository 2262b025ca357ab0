// The SQLite store opened in the test's own process, for suites on its writes (group commit, the
// write-ahead log): employers are the smallest record a write can insert.
#pragma once
#include <memory>
#include <set>
#include <string>

#include "server_process.h"
#include "sqlite_store.h"

namespace ll::test {

std::unique_ptr<server::SqliteStore> open_store(const TempDir& dir);
// A write transaction, open.
std::unique_ptr<server::Transaction> writing(server::SqliteStore& store, server::Batching batching = server::Batching::shared);
server::EmployerRecord employer_named(const std::string& id, std::size_t name_bytes = 8);
// A write of one employer, committed; its commit's outcome.
Result<bool> write_employer(server::SqliteStore& store, const std::string& id, std::size_t name_bytes = 8,
                            server::Batching batching = server::Batching::shared);
std::set<std::string> stored_employers(server::SqliteStore& store);

}  // namespace ll::test
