// The write-ahead log on the real SQLite store: a thread copies it into the database beside the
// writes, the writer restarts it with little left to copy, and a reader holding it back only delays that.
#include <doctest/doctest.h>

#include <filesystem>

#include "demo_server.h"
#include "store_in_process.h"

using namespace ll::server;
using namespace ll::test;

namespace {

// A frame of the log: a 4 KB page and its header.
constexpr std::uintmax_t log_frame_bytes = 4096 + 24;
// Employers with 64 KB names: 17 frames of the log each, with the table's own page.
constexpr std::size_t wide_name_bytes = 64 << 10;

std::uintmax_t log_frames(const TempDir& dir) { return std::filesystem::file_size(dir.file("ll.db-wal")) / log_frame_bytes; }

}  // namespace

TEST_CASE("the log is copied beside the writes and restarted by the writer with little left to copy") {
    TempDir dir;
    auto store = open_store(dir);
    constexpr int writes = 600;  // about 10,000 frames: a log never restarted would hold them all
    for (int i = 0; i < writes; ++i) REQUIRE(write_employer(*store, "e" + std::to_string(i), wide_name_bytes));
    const auto counts = store->wal_checkpoints();
    MESSAGE("copies ", counts.copies, ", restarts ", counts.restarts, ", log ", log_frames(dir), " frames");
    CHECK(counts.restarts >= 3);
    CHECK(counts.copies >= counts.restarts);
    CHECK(counts.restarts_in_turn == 0);
    // Restarted each time from its start: the file stays below the point where the writer would
    // copy the whole log itself.
    CHECK(log_frames(dir) < 4000);
    CHECK(stored_employers(*store).size() == writes);
    store.reset();
    CHECK(integrity_check(dir.file("ll.db")) == "ok");
}

TEST_CASE("a reader holding the log back delays its restart; the writer restarts it once the reader ends") {
    TempDir dir;
    auto store = open_store(dir);
    REQUIRE(write_employer(*store, "first"));
    auto reader = std::move(store->read()).value();
    REQUIRE(reader->employer_ids());  // its snapshot is taken: the log cannot start again under it
    int written = 1;
    while (log_frames(dir) < 4100) REQUIRE(write_employer(*store, "e" + std::to_string(written++), wide_name_bytes));
    CHECK(store->wal_checkpoints().restarts == 0);
    CHECK(reader->employer_ids()->size() == 1);  // still its own snapshot
    reader.reset();

    // The log is past the point where the writer copies it whole, as when the thread falls behind.
    for (int tries = 0; tries < 10 && store->wal_checkpoints().restarts == 0; ++tries)
        REQUIRE(write_employer(*store, "e" + std::to_string(written++)));
    const auto counts = store->wal_checkpoints();
    CHECK(counts.restarts == 1);
    CHECK(counts.restarts_in_turn == 1);
    CHECK(stored_employers(*store).size() == static_cast<std::size_t>(written));
    store.reset();
    CHECK(integrity_check(dir.file("ll.db")) == "ok");
}
