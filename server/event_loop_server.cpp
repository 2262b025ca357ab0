// The server's connections: every thread waits on one epoll set whose connections fire once until
// re-armed, so a connection is served by one thread at a time and idle ones cost a descriptor only.
#include "event_loop_server.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "access_log.h"
#include "request_fiber.h"

namespace ll::server {

namespace {

// ThreadSanitizer takes EPOLL_CTL_ADD for a hand-over between threads, but not MOD, and counts
// epoll_ctl as a use of the descriptor: without these marks every connection re-armed by one
// thread and taken (or closed) by another is reported as a race.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define LL_THREAD_SANITIZER 1
#endif
#endif
#ifdef LL_THREAD_SANITIZER
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();
int hand_over(int epoll_fd, int operation, int fd, epoll_event& event) {
    __tsan_release(event.data.ptr);
    __tsan_ignore_thread_begin();
    const int r = epoll_ctl(epoll_fd, operation, fd, &event);
    __tsan_ignore_thread_end();
    return r;
}
void taking_over(void* tag) { __tsan_acquire(tag); }
#else
int hand_over(int epoll_fd, int operation, int fd, epoll_event& event) { return epoll_ctl(epoll_fd, operation, fd, &event); }
void taking_over(void*) {}
#endif

constexpr std::size_t header_limit = 64 << 10;  // a request's line and headers, gathered at most
constexpr std::size_t read_chunk = 16 << 10;
constexpr std::size_t write_chunk = 64 << 10;  // an answer is sent in pieces this size

// The access log's line for a request refused before cpp-httplib parsed it: method and path read
// from its first line as received.
std::string refused_log_line(std::string_view request, int status) {
    const std::string_view line = request.substr(0, std::min(request.find("\r\n"), std::size_t{200}));
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) return access_log_line("-", "-", status);
    const std::string_view target = line.substr(space + 1);
    return access_log_line(line.substr(0, space), target.substr(0, target.find(' ')), status);
}

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void name_address(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
    char host[NI_MAXHOST] = "", service[NI_MAXSERV] = "";
    if (getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host;
        port = std::atoi(service);
    }
}

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

// The headers a loop must read to know where a request ends, read as cpp-httplib reads them: the
// first of a name counts, and Content-Length is what strtoull makes of it.
struct Framing {
    std::uint64_t content_length = 0;
    bool chunked = false, expects_continue = false, json = false;
};

Framing framing_of(std::string_view headers) {
    Framing f;
    bool seen_length = false, seen_encoding = false, seen_expect = false, seen_type = false;
    for (std::size_t at = 0; at < headers.size();) {
        std::size_t end = headers.find("\r\n", at);
        if (end == std::string_view::npos) end = headers.size();
        std::string_view line = headers.substr(at, end - at);
        at = end + 2;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string_view name = line.substr(0, colon), value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        if (same_name(name, "Content-Length") && !std::exchange(seen_length, true))
            f.content_length = std::strtoull(std::string(value).c_str(), nullptr, 10);
        else if (same_name(name, "Transfer-Encoding") && !std::exchange(seen_encoding, true))
            f.chunked = value.find("chunked") != std::string_view::npos;
        else if (same_name(name, "Expect") && !std::exchange(seen_expect, true))
            f.expects_continue = value.substr(0, value.find_last_not_of(" \t") + 1) == "100-continue";
        else if (same_name(name, "Content-Type") && !std::exchange(seen_type, true))
            f.json = value.substr(0, 16) == "application/json";
    }
    return f;
}

bool changes_something(std::string_view request) {
    const std::string_view method = request.substr(0, request.find(' '));
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

}  // namespace

struct EventLoopServer::Connection {
    int fd = -1;
    std::string in;        // bytes received; those before `from` are read already
    std::size_t from = 0;
    std::size_t answered = 0;
    bool peer_done = false;  // the client sent all it will (it shut its side down)
    // Bytes of a refused body still to come: read and dropped after the answer, so that closing
    // with them unread does not reset the connection before the client has read why.
    std::uint64_t unwanted = 0;
    std::size_t counted = 0;  // of `in`'s capacity, in the server's gathered_
    // Set by request_ready for the request at `from`. Where it ends in `in` as its headers frame it:
    // a body with neither length nor chunks is empty (RFC 9112, 6.3), so the bytes after the headers
    // are the next request, however the client's segments fell.
    std::size_t request_end = std::string::npos;
    // Whether a fiber may answer it: its body, JSON or none, is gathered and stored at once. An
    // upload or an import would hold the fiber's thread, and every fiber on it, for its whole write.
    bool light = false;
    std::string remote_ip, local_ip;
    int remote_port = 0, local_port = 0;
    // Read by the idle sweep while no thread serves the connection.
    std::atomic<bool> in_service{false}, partial{false};
    std::atomic<std::int64_t> last_active_ms{0};
};

// One request's view of its connection for cpp-httplib: reads come from what the loop gathered (and,
// for a streamed body, from the socket as it arrives); writes are gathered and sent in large pieces.
class EventLoopServer::ConnectionStream final : public httplib::Stream {
public:
    ConnectionStream(Connection& c, bool streamed, time_t read_seconds, time_t write_seconds)
        : c_(c), streamed_(streamed), read_ms_(static_cast<int>(read_seconds * 1000)), write_ms_(static_cast<int>(write_seconds * 1000)) {}

    bool is_readable() const override { return c_.from < readable_end() || streamed_; }
    bool is_writable() const override { return !failed_; }

    ssize_t read(char* ptr, size_t size) override {
        // cpp-httplib reads a body without a length until the stream ends: here, at the request's end.
        if (!streamed_ && c_.from >= c_.request_end) return 0;
        if (c_.from == c_.in.size()) {
            c_.in.clear();
            c_.from = 0;
            // An answer already begun (100 Continue) must reach the client before its body can.
            if (!streamed_ || !flush() || !receive()) {
                starved_ = true;
                return failed_ ? -1 : 0;
            }
        }
        const std::size_t n = std::min(size, readable_end() - c_.from);
        std::memcpy(ptr, c_.in.data() + c_.from, n);
        c_.from += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (failed_) return -1;
        out_.append(ptr, size);
        if (out_.size() >= write_chunk && !flush()) return -1;
        return static_cast<ssize_t>(size);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = c_.remote_ip;
        port = c_.remote_port;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = c_.local_ip;
        port = c_.local_port;
    }
    socket_t socket() const override { return c_.fd; }

    bool flush() {
        for (std::size_t sent = 0; sent < out_.size() && !failed_;) {
            const ssize_t n = ::send(c_.fd, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL);
            if (n > 0) sent += static_cast<std::size_t>(n);
            else if (n < 0 && errno == EINTR) continue;
            else if (n < 0 && errno == EAGAIN) failed_ = !wait_for(POLLOUT, write_ms_);
            else failed_ = true;
        }
        out_.clear();
        return !failed_;
    }
    // Whether the connection can carry another request: its whole body was read, its answer sent.
    bool reusable() const { return !starved_ && !failed_; }

private:
    // Where reading what was gathered stops: a gathered request's end, or all of a streamed body.
    std::size_t readable_end() const { return streamed_ ? c_.in.size() : std::min(c_.in.size(), c_.request_end); }
    bool wait_for(short events, int timeout_ms) {
        if (RequestFiber* fiber = current_fiber()) return await_fd(*fiber, c_.fd, events, timeout_ms);
        pollfd p{c_.fd, events, 0};
        int n;
        while ((n = ::poll(&p, 1, timeout_ms)) < 0 && errno == EINTR) {}
        return n > 0 && (p.revents & events);
    }
    bool receive() {
        if (!wait_for(POLLIN, read_ms_)) return false;
        c_.in.resize(read_chunk);
        ssize_t n;
        while ((n = ::recv(c_.fd, c_.in.data(), read_chunk, 0)) < 0 && errno == EINTR) {}
        c_.in.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        if (n < 0) failed_ = true;
        return n > 0;
    }

    Connection& c_;
    bool streamed_;
    int read_ms_, write_ms_;
    std::string out_;
    bool starved_ = false, failed_ = false;
};

EventLoopServer::EventLoopServer(ListenerOptions options) : options_(options) {
    set_keep_alive_max_count(static_cast<std::size_t>(options_.keep_alive_requests));
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    timer_fd_ = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    const itimerspec every_second{{1, 0}, {1, 0}};
    timerfd_settime(timer_fd_, 0, &every_second, nullptr);
    // The wake-up stays level-triggered so that every thread sees it; the rest fire once per arming.
    epoll_event wake{EPOLLIN, {.ptr = &wake_fd_}};
    epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake);
    arm(EPOLL_CTL_ADD, timer_fd_, &timer_fd_);
}

EventLoopServer::~EventLoopServer() {
    close_all_connections();
    for (int fd : {listen_fd_, timer_fd_, wake_fd_, epoll_fd_})
        if (fd >= 0) ::close(fd);
}

int EventLoopServer::bind(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return -1;
    for (addrinfo* a = found; a && listen_fd_ < 0; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        const int yes = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, options_.backlog) == 0) listen_fd_ = fd;
        else ::close(fd);
    }
    freeaddrinfo(found);
    if (listen_fd_ < 0) return -1;
    sockaddr_storage bound{};
    socklen_t length = sizeof bound;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&bound), &length);
    std::string ip;
    name_address(bound, length, ip, port);
    arm(EPOLL_CTL_ADD, listen_fd_, &listen_fd_);
    svr_sock_ = listen_fd_;  // cpp-httplib sends a content provider's body only while this is set
    return port;
}

void EventLoopServer::run() {
    std::vector<std::thread> readers, writers;
    for (int i = 0; i < options_.fiber_hosts; ++i)
        fiber_hosts_.push_back(std::make_unique<FiberHost>([this](void* c) { answer_ready(*static_cast<Connection*>(c), true); }));
    for (int i = 1; i < options_.threads; ++i) readers.emplace_back([this] { serve_events(); });
    for (int i = 0; i < options_.write_threads; ++i) writers.emplace_back([this] { serve_writes(); });
    serve_events();
    for (auto& t : readers) t.join();
    fiber_hosts_.clear();  // once their requests are answered: some may go on to the write threads
    {
        std::lock_guard lock(writes_mutex_);
        stopping_ = true;
    }
    writes_ready_.notify_all();
    for (auto& t : writers) t.join();
    std::uint64_t wakes;
    (void)!::read(wake_fd_, &wakes, sizeof wakes);
    close_all_connections();
}

void EventLoopServer::close_all_connections() {
    std::lock_guard lock(connections_mutex_);
    for (Connection* c : connections_) {
        ::close(c->fd);
        delete c;
    }
    connections_.clear();
}

bool EventLoopServer::arm(int operation, int fd, void* tag) {
    epoll_event ready{EPOLLIN | EPOLLONESHOT, {.ptr = tag}};
    return hand_over(epoll_fd_, operation, fd, ready) == 0;
}

void EventLoopServer::stop() {
    svr_sock_ = INVALID_SOCKET;  // bodies being sent stop at their next piece
    const std::uint64_t one = 1;
    (void)!::write(wake_fd_, &one, sizeof one);
}

void EventLoopServer::serve_events() {
    for (;;) {
        epoll_event event;
        const int n = epoll_wait(epoll_fd_, &event, 1, -1);
        if (n < 0 && errno != EINTR) return;
        if (n <= 0) continue;
        void* tag = event.data.ptr;
        taking_over(tag);
        if (tag == &wake_fd_) return;
        if (tag == &listen_fd_) {
            accept_connections();
        } else if (tag == &timer_fd_) {
            std::uint64_t ticks;
            (void)!::read(timer_fd_, &ticks, sizeof ticks);
            close_idle_connections();
            arm(EPOLL_CTL_MOD, timer_fd_, &timer_fd_);
        } else {
            auto* c = static_cast<Connection*>(tag);
            c->in_service = true;
            serve(*c);
        }
    }
}

void EventLoopServer::serve_writes() {
    for (;;) {
        Connection* c;
        {
            std::unique_lock lock(writes_mutex_);
            writes_ready_.wait(lock, [this] { return stopping_ || !writes_.empty(); });
            if (stopping_) return;
            c = writes_.front();
            writes_.pop_front();
        }
        answer_ready(*c, true);
    }
}

void EventLoopServer::accept_connections() {
    for (;;) {
        sockaddr_storage peer{};
        socklen_t peer_length = sizeof peer;
        const int fd = accept4(listen_fd_, reinterpret_cast<sockaddr*>(&peer), &peer_length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            // Out of descriptors, the listening socket would stay ready: wait for the next tick.
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                listen_paused_ = true;
                return;
            }
            break;
        }
        const int yes = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        auto* c = new Connection;
        c->fd = fd;
        c->last_active_ms = now_ms();  // before the idle sweep can see it
        name_address(peer, peer_length, c->remote_ip, c->remote_port);
        sockaddr_storage local{};
        socklen_t local_length = sizeof local;
        getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length);
        name_address(local, local_length, c->local_ip, c->local_port);
        {
            std::lock_guard lock(connections_mutex_);
            if (connections_.size() >= static_cast<std::size_t>(options_.max_connections)) {
                ::close(fd);
                delete c;
                continue;
            }
            connections_.insert(c);
        }
        arm(EPOLL_CTL_ADD, fd, c);
    }
    arm(EPOLL_CTL_MOD, listen_fd_, &listen_fd_);
}

void EventLoopServer::serve(Connection& c) {
    if (c.unwanted > 0) return drop_unwanted(c);
    // What the socket holds now, up to what one request may gather.
    const std::size_t gather_limit = header_limit + options_.gathered_body + read_chunk;
    while (c.in.size() - c.from < gather_limit) {
        const std::size_t had = c.in.size();
        c.in.resize(had + read_chunk);
        const ssize_t n = ::recv(c.fd, c.in.data() + had, read_chunk, 0);
        c.in.resize(had + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
        if (n > 0) continue;
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno != EAGAIN) return close_connection(c);
        c.peer_done = n == 0;
        break;
    }
    count_gathered(c);
    // Past the server's total, a request that has more than one read gathered and is not complete
    // yet is refused: slow senders, not the requests that arrive whole.
    if (gathered_ > options_.gathered_total && c.in.size() - c.from > read_chunk && request_ready(c) == Ready::incomplete)
        return refuse_busy(c);
    answer_ready(c, options_.write_threads <= 0);
}

// Keeps gathered_ up to date with the connection's buffer, which is freed when empty: an idle
// connection holds no buffer.
void EventLoopServer::count_gathered(Connection& c) {
    if (c.in.empty()) std::string().swap(c.in);
    gathered_ += c.in.capacity() - c.counted;  // modulo 2^64: a smaller buffer subtracts
    c.counted = c.in.capacity();
}

// Answers 503 `busy` and drops what came of the request, and what more the client sends of it
// (unread, it would reset the connection before the client read why), then closes.
void EventLoopServer::refuse_busy(Connection& c) {
    static const std::string body = R"({"error":{"code":"busy","message":"the server is busy; send the request again in a moment"}})";
    static const std::string answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 5\r\n"
                                      "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    // Written here, not by cpp-httplib's logger: the request never reaches its routes.
    if (options_.access_log) std::fprintf(stderr, "%s\n", refused_log_line(std::string_view(c.in).substr(c.from), 503).c_str());
    if (::send(c.fd, answer.data(), answer.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(answer.size())) return close_connection(c);
    ::shutdown(c.fd, SHUT_WR);
    c.in.clear();
    c.from = 0;
    c.unwanted = header_limit + options_.gathered_body;
    rearm(c);
}

// Answers the requests gathered, in order, until one needs more bytes; a change is left to a
// fiber or a write thread, with the requests after it. A fiber leaves what it may not answer (a
// body read as it arrives, or an upload) to a write thread.
void EventLoopServer::answer_ready(Connection& c, bool writer) {
    const bool on_fiber = current_fiber() != nullptr;
    for (Ready ready; (ready = request_ready(c)) != Ready::incomplete;) {
        const std::string_view request = std::string_view(c.in).substr(c.from);
        if (!writer && changes_something(request)) return hand_write(c, ready, false);
        if (on_fiber && options_.write_threads > 0 && (ready == Ready::streamed || !c.light))
            return hand_write(c, ready, true);
        if (!answer(c, ready)) return close_connection(c);
    }
    if (c.peer_done) return close_connection(c);
    c.in.erase(0, c.from);
    c.from = 0;
    rearm(c);
}

void EventLoopServer::hand_write(Connection& c, Ready ready, bool on_fiber) {
    if (!on_fiber && !fiber_hosts_.empty() && ready != Ready::streamed && c.light)
        return fiber_hosts_[next_host_++ % fiber_hosts_.size()]->post(&c);
    {
        std::lock_guard lock(writes_mutex_);
        writes_.push_back(&c);
    }
    writes_ready_.notify_one();
}

// Whether the bytes gathered hold a request a thread can answer without waiting on the client.
EventLoopServer::Ready EventLoopServer::request_ready(Connection& c) const {
    const std::string_view pending = std::string_view(c.in).substr(c.from);
    c.request_end = std::string::npos;
    c.light = false;
    if (pending.empty()) return Ready::incomplete;
    const std::size_t end = pending.find("\r\n\r\n");
    // What never ends its headers is answered from what came (cpp-httplib: 400 or 414), then closed.
    if (end == std::string_view::npos) return c.peer_done || pending.size() >= header_limit ? Ready::gathered : Ready::incomplete;
    const Framing f = framing_of(pending.substr(0, end + 2));
    if (f.chunked || f.expects_continue) return Ready::streamed;
    // A body past the limit is refused (413) with what came; the connection then closes.
    const std::size_t body_here = pending.size() - (end + 4);
    if (f.content_length > payload_max_length_) {
        c.unwanted = std::min<std::uint64_t>(f.content_length - body_here, 2 * payload_max_length_);
        return Ready::refused;
    }
    c.request_end = c.from + end + 4 + f.content_length;
    c.light = f.content_length == 0 || f.json;
    if (body_here >= f.content_length || c.peer_done) return Ready::gathered;
    return f.content_length > options_.gathered_body ? Ready::streamed : Ready::incomplete;
}

bool EventLoopServer::answer(Connection& c, Ready ready) {
    ConnectionStream stream(c, ready == Ready::streamed, read_timeout_sec_, write_timeout_sec_);
    const bool last = ++c.answered >= keep_alive_max_count_ || ready == Ready::refused;
    bool connection_closed = false;
    const bool answered = process_request(stream, last, connection_closed, nullptr);
    const bool sent = stream.flush();
    if (ready == Ready::refused && sent) {
        ::shutdown(c.fd, SHUT_WR);
        c.in.clear();
        c.from = 0;
        return true;  // kept only to drop the rest of the body: request_ready finds nothing more
    }
    return sent && answered && !connection_closed && !last && stream.reusable();
}

void EventLoopServer::drop_unwanted(Connection& c) {
    char dropped[read_chunk];
    for (;;) {
        const ssize_t n = ::recv(c.fd, dropped, static_cast<std::size_t>(std::min<std::uint64_t>(sizeof dropped, c.unwanted)), 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) return rearm(c);
        if (n <= 0 || (c.unwanted -= static_cast<std::uint64_t>(n)) == 0) return close_connection(c);
    }
}

void EventLoopServer::rearm(Connection& c) {
    count_gathered(c);
    c.partial = !c.in.empty() || c.unwanted > 0;
    c.last_active_ms = now_ms();
    c.in_service = false;
    if (!arm(EPOLL_CTL_MOD, c.fd, &c)) close_connection(c);
}

void EventLoopServer::close_connection(Connection& c) {
    {
        std::lock_guard lock(connections_mutex_);
        connections_.erase(&c);
    }
    gathered_ -= c.counted;
    ::close(c.fd);
    delete &c;
}

// Shuts idle connections down rather than closing them: the thread that then takes their event
// closes them, so a descriptor is never closed under a thread still serving it.
void EventLoopServer::close_idle_connections() {
    const std::int64_t now = now_ms();
    {
        std::lock_guard lock(connections_mutex_);
        for (Connection* c : connections_) {
            if (c->in_service) continue;
            const std::int64_t limit_ms = (c->partial ? read_timeout_sec_ : keep_alive_timeout_sec_) * 1000;
            if (now - c->last_active_ms > limit_ms) ::shutdown(c->fd, SHUT_RDWR);
        }
    }
    if (listen_paused_.exchange(false)) arm(EPOLL_CTL_MOD, listen_fd_, &listen_fd_);
}

}  // namespace ll::server
