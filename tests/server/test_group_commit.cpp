// Group commit on the real SQLite store: writes waiting together share one commit, a write that
// fails leaves the others of its batch saved, and a commit that fails saves none of them.
#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <csignal>
#include <functional>
#include <future>
#include <set>
#include <thread>

#include "store_in_process.h"

using namespace ll::server;
using namespace ll::test;

namespace {

// A write with one employer inserted, left open.
std::unique_ptr<Transaction> open_write_of(SqliteStore& store, const std::string& id, size_t name_bytes = 8) {
    auto tx = writing(store);
    REQUIRE(tx->insert_employer(employer_named(id, name_bytes)));
    return tx;
}

// Waits until `counted()` reaches `count`: writers blocked on the turn or in the queue stay there.
void await_count(const std::function<std::size_t()>& counted, std::size_t count) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (counted() < count && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    REQUIRE(counted() == count);
}

// Two writes of one batch, both told that the disk refused their commit.
void check_refused_by_disk(const ll::Result<bool>& a, const ll::Result<bool>& b) {
    REQUIRE_FALSE(a);
    REQUIRE_FALSE(b);
    CHECK(a.error().code == "storage_write_failed");
    CHECK(b.error().code == "storage_write_failed");
}

void await_waiting_writers(const SqliteStore& store, int count) {
    await_count([&] { return static_cast<std::size_t>(store.writers_waiting()); }, static_cast<std::size_t>(count));
}

}  // namespace

TEST_CASE("group commit: writes waiting together share one commit, and every one is saved") {
    TempDir dir;
    auto store = open_store(dir);
    const auto commits_before = store->batches_committed();
    auto first = open_write_of(*store, "first");
    auto second = std::async(std::launch::async, [&] { return write_employer(*store, "second"); });
    auto third = std::async(std::launch::async, [&] { return write_employer(*store, "third"); });
    await_waiting_writers(*store, 2);
    CHECK(first->commit());
    CHECK(second.get());
    CHECK(third.get());
    // The first hands its transaction on to a waiting writer; at most one more commit follows
    // (when the batch was already older than its limit when the second finished).
    CHECK(store->batches_committed() - commits_before <= 2);
    CHECK(stored_employers(*store) == std::set<std::string>{"first", "second", "third"});
    // Alone, a write commits at once.
    CHECK(write_employer(*store, "fourth"));
    CHECK(stored_employers(*store).count("fourth") == 1);
}

TEST_CASE("group commit: a write that fails leaves the others of its batch saved") {
    TempDir dir;
    auto store = open_store(dir);
    auto first = open_write_of(*store, "kept");
    auto failing = std::async(std::launch::async, [&] {
        auto tx = writing(*store);
        REQUIRE(tx->insert_employer(employer_named("dropped")));
        // A duplicate id fails; the request ends without commit(), as a failed handler does.
        CHECK_FALSE(tx->insert_employer(employer_named("kept")));
    });
    await_waiting_writers(*store, 1);
    CHECK(first->commit());  // committed by the failing write's turn, which ended the batch
    failing.get();
    CHECK(stored_employers(*store) == std::set<std::string>{"kept"});
}

TEST_CASE("group commit: a bulk write commits the batch before it and runs alone") {
    TempDir dir;
    auto store = open_store(dir);
    const auto commits_before = store->batches_committed();
    auto first = open_write_of(*store, "small");
    std::promise<void> bulk_written, bulk_may_commit;
    auto bulk = std::async(std::launch::async, [&] {
        auto tx = writing(*store, Batching::alone);
        REQUIRE(tx->insert_employer(employer_named("bulk")));
        bulk_written.set_value();
        bulk_may_commit.get_future().wait();
        return tx->commit();
    });
    await_waiting_writers(*store, 1);
    CHECK(first->commit());  // answered while the bulk write is still under way
    bulk_written.get_future().wait();
    CHECK(stored_employers(*store) == std::set<std::string>{"small"});
    bulk_may_commit.set_value();
    CHECK(bulk.get());
    CHECK(store->batches_committed() - commits_before == 2);
    CHECK(stored_employers(*store) == std::set<std::string>{"small", "bulk"});
}

TEST_CASE("group commit: when the shared commit fails, every write in the batch is told and none is saved") {
    TempDir dir;
    auto store = open_store(dir);
    REQUIRE(write_employer(*store, "before"));
    // The log cannot grow past its size now: the batch's commit is refused as on a full disk.
    struct stat wal{};
    REQUIRE(stat(dir.file("ll.db-wal").c_str(), &wal) == 0);
    signal(SIGXFSZ, SIG_IGN);
    rlimit before{};
    getrlimit(RLIMIT_FSIZE, &before);
    rlimit limited{static_cast<rlim_t>(wal.st_size) + 4096, before.rlim_max};
    setrlimit(RLIMIT_FSIZE, &limited);

    auto first = open_write_of(*store, "lost-1", 64 << 10);
    auto second = std::async(std::launch::async, [&] { return write_employer(*store, "lost-2", 64 << 10); });
    await_waiting_writers(*store, 1);
    auto first_outcome = first->commit();
    auto second_outcome = second.get();
    setrlimit(RLIMIT_FSIZE, &before);
    signal(SIGXFSZ, SIG_DFL);

    check_refused_by_disk(first_outcome, second_outcome);
    CHECK(stored_employers(*store) == std::set<std::string>{"before"});
    // With room again, writing goes on.
    CHECK(write_employer(*store, "after"));
    CHECK(stored_employers(*store) == std::set<std::string>{"before", "after"});
}

namespace {

// A queued write of one employer; `ran_on` is the thread its work ran on.
ll::Result<bool> queue_employer(SqliteStore& store, const std::string& id, std::thread::id* ran_on = nullptr) {
    return store.run_write([&](Transaction& tx) -> ll::Result<bool> {
        if (ran_on) *ran_on = std::this_thread::get_id();
        return tx.insert_employer(employer_named(id));
    }, Batching::shared);
}

void await_queued_writes(SqliteStore& store, std::size_t count) {
    await_count([&] { return store.writes_queued(); }, count);
}

}  // namespace

TEST_CASE("queued writes: those waiting run on the store's thread, in one commit, and every one is saved") {
    TempDir dir;
    auto store = open_store(dir);
    const auto caller = std::this_thread::get_id();
    std::thread::id first_ran_on, second_ran_on, third_ran_on, second_caller, third_caller;
    std::future<ll::Result<bool>> second, third;
    const auto commits_before = store->batches_committed();
    // The first write holds the store's thread until two more wait behind it.
    auto first = store->run_write([&](Transaction& tx) -> ll::Result<bool> {
        first_ran_on = std::this_thread::get_id();
        second = std::async(std::launch::async, [&] {
            second_caller = std::this_thread::get_id();
            return queue_employer(*store, "second", &second_ran_on);
        });
        await_queued_writes(*store, 1);
        third = std::async(std::launch::async, [&] {
            third_caller = std::this_thread::get_id();
            return queue_employer(*store, "third", &third_ran_on);
        });
        await_queued_writes(*store, 2);
        return tx.insert_employer(employer_named("first"));
    }, Batching::shared);
    CHECK(first);
    CHECK(second.get());
    CHECK(third.get());
    // Every work ran on one thread, none on its caller's; the two waiting shared a commit.
    CHECK(first_ran_on != caller);
    CHECK(second_ran_on == first_ran_on);
    CHECK(third_ran_on == first_ran_on);
    CHECK(second_ran_on != second_caller);
    CHECK(third_ran_on != third_caller);
    CHECK(store->batches_committed() - commits_before == 2);
    CHECK(store->writes_queued() == 0);
    CHECK(stored_employers(*store) == std::set<std::string>{"first", "second", "third"});
}

TEST_CASE("queued writes: one that fails, throws or tries to commit leaves the others of its batch saved") {
    TempDir dir;
    auto store = open_store(dir);
    std::vector<std::future<ll::Result<bool>>> others;
    ll::Result<bool> failing = true, throwing = true, committing = true;
    auto first = store->run_write([&](Transaction& tx) -> ll::Result<bool> {
        // Queued behind this one, and run together once it ends.
        others.push_back(std::async(std::launch::async, [&] { return queue_employer(*store, "kept-1"); }));
        await_queued_writes(*store, 1);
        others.push_back(std::async(std::launch::async, [&] {
            return failing = store->run_write([](Transaction& t) -> ll::Result<bool> {
                       if (auto r = t.insert_employer(employer_named("failed")); !r) return r;
                       return ll::make_error("conflict", "refused after writing");
                   }, Batching::shared);
        }));
        await_queued_writes(*store, 2);
        others.push_back(std::async(std::launch::async, [&] {
            return throwing = store->run_write([](Transaction& t) -> ll::Result<bool> {
                       if (auto r = t.insert_employer(employer_named("thrown")); !r) return r;
                       throw std::runtime_error("a bug in a handler");
                   }, Batching::shared);
        }));
        await_queued_writes(*store, 3);
        others.push_back(std::async(std::launch::async, [&] {
            return committing = store->run_write([](Transaction& t) -> ll::Result<bool> { return t.commit(); }, Batching::shared);
        }));
        await_queued_writes(*store, 4);
        others.push_back(std::async(std::launch::async, [&] { return queue_employer(*store, "kept-2"); }));
        await_queued_writes(*store, 5);
        return tx.insert_employer(employer_named("first"));
    }, Batching::shared);
    CHECK(first);
    for (auto& o : others) o.wait();
    REQUIRE_FALSE(failing);
    CHECK(failing.error().code == "conflict");
    REQUIRE_FALSE(throwing);
    CHECK(throwing.error().code == "internal_error");
    // A queued write's transaction is its batch's: committing it is refused, not done early.
    REQUIRE_FALSE(committing);
    CHECK(committing.error().code == "storage_error");
    CHECK(stored_employers(*store) == std::set<std::string>{"first", "kept-1", "kept-2"});
}

TEST_CASE("queued writes: when the shared commit fails, every write in the batch is told and none is saved") {
    TempDir dir;
    auto store = open_store(dir);
    signal(SIGXFSZ, SIG_IGN);
    rlimit before{};
    getrlimit(RLIMIT_FSIZE, &before);
    std::future<ll::Result<bool>> second, third;
    auto first = store->run_write([&](Transaction& tx) -> ll::Result<bool> {
        // Both wait behind this one, then run in one batch.
        second = std::async(std::launch::async, [&] {
            return store->run_write([&](Transaction& t) -> ll::Result<bool> {
                if (auto r = t.insert_employer(employer_named("lost-2", 64 << 10)); !r) return r;
                // The log cannot grow past its size now: the batch's commit is refused as on a full disk.
                struct stat wal{};
                REQUIRE(stat(dir.file("ll.db-wal").c_str(), &wal) == 0);
                rlimit limited{static_cast<rlim_t>(wal.st_size) + 4096, before.rlim_max};
                setrlimit(RLIMIT_FSIZE, &limited);
                return true;
            }, Batching::shared);
        });
        await_queued_writes(*store, 1);
        third = std::async(std::launch::async, [&] { return queue_employer(*store, "lost-3"); });
        await_queued_writes(*store, 2);
        return tx.insert_employer(employer_named("first"));
    }, Batching::shared);
    auto second_outcome = second.get();
    auto third_outcome = third.get();
    setrlimit(RLIMIT_FSIZE, &before);
    signal(SIGXFSZ, SIG_DFL);
    CHECK(first);
    check_refused_by_disk(second_outcome, third_outcome);
    CHECK(stored_employers(*store) == std::set<std::string>{"first"});
    // With room again, writing goes on.
    CHECK(queue_employer(*store, "after"));
    CHECK(stored_employers(*store) == std::set<std::string>{"first", "after"});
}
