// How the server takes connections: one epoll loop shared by a few request threads, so an idle
// keep-alive client holds no thread and ready requests are answered in the order they arrive.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include <httplib.h>

namespace ll::server {

class FiberHost;

struct ListenerOptions {
    int threads = 4;               // reads answered at once
    // Changes (any method but GET, HEAD and OPTIONS) wait for the database's one writer and the disk,
    // so reads go on without them. A change with a JSON body or none is answered on a fiber of one
    // of `fiber_hosts` threads (request_fiber.h): while it waits for its batch to be durable
    // (sqlite_group_commit.cpp), its thread answers the next. Bodies of other kinds (uploads,
    // imports) and bodies read as they arrive wait on `write_threads` threads of their own.
    int fiber_hosts = 2;
    int write_threads = 16;
    int backlog = 1024;            // connections waiting to be accepted
    int keep_alive_requests = 1000;  // requests on one connection before it is closed
    int max_connections = 4096;    // open at once; more are closed as they come
    // A request body up to this size is gathered by the loop before a thread takes the request; a
    // larger one (a certificate photo, a payroll file) is read by its thread as it arrives.
    std::size_t gathered_body = 256 << 10;
    // What all connections may hold gathered at once: past it, a connection whose request is still
    // incomplete is answered 503 `busy` and closed, so thousands of slow senders cannot take the memory.
    std::size_t gathered_total = 64 << 20;
    bool access_log = false;  // a request refused busy is logged to stderr like cpp-httplib's logger's
};

// cpp-httplib's routes, handlers and HTTP parsing, served from an epoll loop instead of its thread
// per keep-alive connection: with 64 clients on 2 cores, 64 runnable threads made the slowest
// answer wait for all the others (p99 29 ms at 64 connections; bench/RESULTS.md, 2026-12-05).
class EventLoopServer : public httplib::Server {
public:
    explicit EventLoopServer(ListenerOptions options = {});
    ~EventLoopServer();
    EventLoopServer(const EventLoopServer&) = delete;
    EventLoopServer& operator=(const EventLoopServer&) = delete;

    // Binds `host:port` (0: any free port) and listens; returns the port, or -1.
    int bind(const std::string& host, int port);
    // Serves on this thread and `threads - 1 + fiber_hosts + write_threads` more until stop(); then
    // closes every connection.
    void run();
    // Safe in a signal handler: wakes every thread of run() to return.
    void stop();

private:
    struct Connection;
    class ConnectionStream;
    enum class Ready { incomplete, gathered, streamed, refused };

    void serve_events();
    void serve_writes();
    void accept_connections();
    void serve(Connection& c);
    void answer_ready(Connection& c, bool writer);
    void hand_write(Connection& c, Ready ready, bool on_fiber);
    bool answer(Connection& c, Ready ready);
    Ready request_ready(Connection& c) const;
    void drop_unwanted(Connection& c);
    void rearm(Connection& c);
    void close_connection(Connection& c);
    void count_gathered(Connection& c);
    void refuse_busy(Connection& c);
    void close_idle_connections();
    void close_all_connections();
    bool arm(int operation, int fd, void* tag);  // epoll_ctl: one event from `fd`, then quiet until armed again

    ListenerOptions options_;
    int listen_fd_ = -1, epoll_fd_ = -1, wake_fd_ = -1, timer_fd_ = -1;
    std::atomic<bool> listen_paused_{false};  // out of descriptors: retried on the next tick
    std::atomic<std::size_t> gathered_{0};      // bytes the connections' buffers hold (their capacity)
    std::mutex connections_mutex_;
    std::unordered_set<Connection*> connections_;
    std::mutex writes_mutex_;
    std::condition_variable writes_ready_;
    std::deque<Connection*> writes_;  // connections whose next request changes something
    bool stopping_ = false;           // under writes_mutex_
    std::vector<std::unique_ptr<FiberHost>> fiber_hosts_;  // while run() runs
    std::atomic<unsigned> next_host_{0};
};

}  // namespace ll::server
