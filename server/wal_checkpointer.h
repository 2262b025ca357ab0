// Keeps the write-ahead log short without holding writers up: a thread of its own copies the log
// into the database beside the writes, and the writer restarts the log once little is left to copy.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "sqlite_db.h"

namespace ll::server {

class WalCheckpointer {
public:
    // Opens its own connection to `path` and starts its thread.
    static Result<std::unique_ptr<WalCheckpointer>> start(const std::string& path);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Makes `writer` (the store's one writing connection) report its commits here.
    void watch(Connection& writer);

    // For tests and benchmarks.
    struct Counts {
        std::int64_t copies = 0;            // made by the thread
        std::int64_t restarts = 0;          // of the log, by the writer
        std::int64_t restarts_in_turn = 0;  // of those, with the whole log copied in the writer's turn: the thread fell behind
    };
    Counts counts() const;

private:
    explicit WalCheckpointer(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}
    static int committed(void* self, sqlite3* writer, const char* name, int pages);
    void after_commit(sqlite3* writer, const char* name, int pages);
    void restart(sqlite3* writer, const char* name, bool after_copy);
    void run();

    std::unique_ptr<Connection> conn_;  // the thread's: checkpoints need a connection outside any transaction
    mutable std::mutex mutex_;
    std::condition_variable wanted_;
    bool copy_wanted_ = false;  // under mutex_
    bool copying_ = false;      // under mutex_
    bool stopping_ = false;     // under mutex_
    int copied_ = 0;            // under mutex_: the log's pages in the database after the thread's last copy
    Counts counts_;             // under mutex_
    std::thread thread_;  // last: started once everything above is ready
};

}  // namespace ll::server
