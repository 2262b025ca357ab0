// The SQLite store in the test's process: opening it, writing employers, reading them back.
#include "store_in_process.h"

#include <doctest/doctest.h>

namespace ll::test {

std::unique_ptr<server::SqliteStore> open_store(const TempDir& dir) {
    auto store = server::SqliteStore::open(dir.file("ll.db"));
    REQUIRE(store);
    return std::move(store).value();
}

std::unique_ptr<server::Transaction> writing(server::SqliteStore& store, server::Batching batching) {
    auto tx = store.write(batching);
    REQUIRE(tx);
    return std::move(tx).value();
}

server::EmployerRecord employer_named(const std::string& id, std::size_t name_bytes) {
    return {id, std::string(name_bytes, 'n'), "0123456749", "be-2024"};
}

Result<bool> write_employer(server::SqliteStore& store, const std::string& id, std::size_t name_bytes, server::Batching batching) {
    auto tx = writing(store, batching);
    if (auto r = tx->insert_employer(employer_named(id, name_bytes)); !r) return r;
    return tx->commit();
}

std::set<std::string> stored_employers(server::SqliteStore& store) {
    auto tx = store.read();
    REQUIRE(tx);
    auto ids = (*tx)->employer_ids();
    REQUIRE(ids);
    return {ids->begin(), ids->end()};
}

}  // namespace ll::test
