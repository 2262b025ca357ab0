// Threads and keep-alive clients over cpp-httplib; latencies merged once each thread is done.
#include "load_client.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

namespace ll::test {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::optional<Session> sign_in(int port, const std::string& email, const std::string& password) {
    httplib::Client http("127.0.0.1", port);
    auto r = http.Post("/api/v1/session", json{{"email", email}, {"password", password}}.dump(), "application/json");
    if (!r || r->status != 200) return std::nullopt;
    auto body = json::parse(r->body, nullptr, false);
    if (body.is_discarded()) return std::nullopt;
    std::string set = r->get_header_value("Set-Cookie");
    Session s{set.substr(0, set.find(';')), body.value("csrf_token", ""), "", ""};
    if (body.contains("worker_id") && body["worker_id"].is_string()) s.worker_id = body["worker_id"];
    s.employer_id = body["employer"]["id"];
    return s;
}

httplib::Headers headers_of(const Session& s, const std::string& idempotency_key) {
    httplib::Headers h{{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}};
    if (!idempotency_key.empty()) h.emplace("Idempotency-Key", idempotency_key);
    return h;
}

bool ok_status(const httplib::Result& r) { return r && r->status >= 200 && r->status < 300; }

double Measured::percentile(double p) const {
    if (latencies_ms.empty()) return 0;
    auto sorted = latencies_ms;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * static_cast<double>(sorted.size())))];
}

Measured load(int port, int connections, double seconds, const Request& request) {
    Measured total;
    std::mutex merge;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c)
        threads.emplace_back([&, c] {
            httplib::Client http("127.0.0.1", port);
            http.set_keep_alive(true);
            http.set_tcp_nodelay(true);  // as browsers do
            // A slow answer is measured, not lost: under the sanitizers a few took over the default 5 s.
            http.set_read_timeout(30);
            Measured mine;
            bool stop = false;
            while (!stop && Clock::now() < deadline) {
                const auto t = Clock::now();
                const bool ok = request(http, c, stop);
                if (stop && !ok) break;
                mine.latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
                ++mine.requests;
                if (!ok) ++mine.errors;
            }
            std::lock_guard lock(merge);
            total.requests += mine.requests;
            total.errors += mine.errors;
            total.latencies_ms.insert(total.latencies_ms.end(), mine.latencies_ms.begin(), mine.latencies_ms.end());
        });
    for (auto& t : threads) t.join();
    total.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return total;
}

}  // namespace ll::test
