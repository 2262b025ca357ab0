// Load over loopback for the soak test and the server benchmark: signed-in sessions shared by many
// keep-alive connections, each on its own thread, with every request's latency kept.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>

namespace ll::test {

struct Session {
    std::string cookie, csrf, worker_id, employer_id;
};

// Signs in over HTTP like the app; nullopt when refused.
std::optional<Session> sign_in(int port, const std::string& email, const std::string& password);
httplib::Headers headers_of(const Session& s, const std::string& idempotency_key = "");
bool ok_status(const httplib::Result& r);

struct Measured {
    long requests = 0, errors = 0;
    double seconds = 0;
    std::vector<double> latencies_ms;
    double per_second() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
    double percentile(double p) const;
};

// One request on a connection: true when it succeeded. Setting `stop` ends that connection's loop
// (nothing left to do); a request that returns false with `stop` set is not counted.
using Request = std::function<bool(httplib::Client& http, int connection, bool& stop)>;

// `connections` threads, each with its own keep-alive connection, sending `request` for `seconds`.
Measured load(int port, int connections, double seconds, const Request& request);

}  // namespace ll::test
