// Implementation of the test client over cpp-httplib.
#include "api_client.h"

namespace ll::test {

using nlohmann::json;

httplib::Headers ApiClient::headers(const std::string& idempotency_key) const {
    httplib::Headers h;
    if (!cookie_.empty()) h.emplace("Cookie", cookie_);
    if (!csrf_.empty()) h.emplace("X-CSRF-Token", csrf_);
    if (!idempotency_key.empty()) h.emplace("Idempotency-Key", idempotency_key);
    for (const auto& [k, v] : extra_) h.emplace(k, v);
    return h;
}

Reply ApiClient::reply(const httplib::Result& r) {
    Reply out;
    if (!r) return out;
    out.status = r->status;
    out.raw = r->body;
    out.headers = r->headers;
    out.body = json::parse(r->body, nullptr, false);
    return out;
}

Reply ApiClient::login(const std::string& email, const std::string& password, bool remember) {
    auto r = http_.Post("/api/v1/session", json{{"email", email}, {"password", password}, {"remember", remember}}.dump(), "application/json");
    Reply out = reply(r);
    if (r && r->status == 200) {
        std::string set = r->get_header_value("Set-Cookie");
        cookie_ = set.substr(0, set.find(';'));
        csrf_ = out.body.value("csrf_token", "");
    }
    return out;
}

Reply ApiClient::get(const std::string& path) { return reply(http_.Get(path, headers())); }

Reply ApiClient::post(const std::string& path, const json& body, const std::string& idempotency_key) {
    return reply(http_.Post(path, headers(idempotency_key), body.dump(), "application/json"));
}

Reply ApiClient::post_raw(const std::string& path, const std::string& body, const std::string& content_type) {
    return reply(http_.Post(path, headers(), body, content_type.c_str()));
}

Reply ApiClient::patch(const std::string& path, const json& body) {
    return reply(http_.Patch(path, headers(), body.dump(), "application/json"));
}

Reply ApiClient::put(const std::string& path, const json& body) {
    return reply(http_.Put(path, headers(), body.dump(), "application/json"));
}

Reply ApiClient::del(const std::string& path) { return reply(http_.Delete(path, headers())); }

}  // namespace ll::test
