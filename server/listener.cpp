// cpp-httplib as Debian ships it is a compiled library: its listen backlog (5) and thread count (8)
// are fixed at its build, so a burst of 64 clients lost connections to SYN retries (1 s each).
#include "listener.h"

#include <sys/socket.h>

#include <memory>

namespace ll::server {

int bind_listener(httplib::Server& http, const std::string& host, int port, const ListenerOptions& options) {
    // The last socket cpp-httplib creates is the one it binds: it stops at the first that works.
    auto socket_fd = std::make_shared<int>(-1);
    http.set_socket_options([socket_fd](socket_t sock) {
        httplib::default_socket_options(sock);
        *socket_fd = sock;
    });
    http.new_task_queue = [threads = options.threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    http.set_keep_alive_max_count(static_cast<size_t>(options.keep_alive_requests));
    // cpp-httplib writes headers and body apart; with Nagle's algorithm the body then waits for the
    // client's delayed ACK, ~40 ms on every answer (bench/server_load.cpp showed it).
    http.set_tcp_nodelay(true);
    const int bound = port == 0 ? http.bind_to_any_port(host) : http.bind_to_port(host, port) ? port : -1;
    // Listening again on a listening socket sets its backlog (Linux), past the compiled-in 5.
    if (bound > 0 && *socket_fd >= 0) ::listen(*socket_fd, options.backlog);
    return bound;
}

}  // namespace ll::server
