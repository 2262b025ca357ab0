// How the server takes connections: worker threads for many keep-alive clients at once, a listen
// backlog that survives a burst of them, and no Nagle delay on answers.
#pragma once
#include <string>

#include <httplib.h>

namespace ll::server {

struct ListenerOptions {
    int threads = 64;               // connections served at once (each keep-alive client holds one)
    int backlog = 1024;             // connections waiting to be accepted
    int keep_alive_requests = 1000;  // requests on one connection before it is closed
};

// Binds `host:port` (0: any free port) and returns the port, or -1; then `http.listen_after_bind()`.
int bind_listener(httplib::Server& http, const std::string& host, int port, const ListenerOptions& options);

}  // namespace ll::server
