// A signed-in HTTP client for server tests: logs in like the app (cookie + CSRF token), sends
// JSON with optional idempotency keys, and returns status and parsed body.
#pragma once
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace ll::test {

struct Reply {
    int status = 0;
    nlohmann::json body;  // discarded (is_discarded()) when not JSON
    std::string raw;
    httplib::Headers headers;
    const nlohmann::json& error() const { return body["error"]; }
};

class ApiClient {
public:
    explicit ApiClient(int port) : http_("127.0.0.1", port) {}
    // Signs in; returns the login reply (200 on success). Keeps the cookie and CSRF token.
    Reply login(const std::string& email, const std::string& password, bool remember = true);
    Reply get(const std::string& path);
    Reply post(const std::string& path, const nlohmann::json& body, const std::string& idempotency_key = "");
    Reply post_raw(const std::string& path, const std::string& body, const std::string& content_type);
    Reply patch(const std::string& path, const nlohmann::json& body);
    Reply put(const std::string& path, const nlohmann::json& body);
    Reply del(const std::string& path);
    void set_header(const std::string& name, const std::string& value) { extra_[name] = value; }
    void set_bearer(const std::string& token) { extra_["Authorization"] = "Bearer " + token; }
    const std::string& csrf() const { return csrf_; }
    void forget_csrf() { csrf_.clear(); }

private:
    httplib::Headers headers(const std::string& idempotency_key = "") const;
    static Reply reply(const httplib::Result& r);
    httplib::Client http_;
    std::string cookie_, csrf_;
    std::map<std::string, std::string> extra_;
};

}  // namespace ll::test
