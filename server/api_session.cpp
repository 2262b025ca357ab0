// Sign-in, sign-out and "who am I". Failed sign-ins are throttled per account and per address and
// answered with one generic message, so the answer never tells whether an account exists.
#include <algorithm>
#include <optional>

#include "api_support.h"
#include "json_reader.h"
#include "requests.h"
#include "wire.h"

namespace ll::server {

using nlohmann::json;

namespace {

constexpr std::int64_t untrusted_session_seconds = 12 * 3600;

// No max_age: a browser-session cookie, gone when the browser closes.
std::string cookie_header(const ApiContext& ctx, const std::string& token, std::optional<std::int64_t> max_age) {
    std::string c = std::string(session_cookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    if (max_age) c += "; Max-Age=" + std::to_string(*max_age);
    if (ctx.settings.secure_cookies) c += "; Secure";
    return c;
}

Result<json> me(Transaction& tx, const Principal& p, const std::string& csrf, bool persistent) {
    auto account = tx.account(p.account_id);
    if (!account) return account.error();
    if (!*account) return make_error("unauthenticated", "sign in first");
    SessionInfo info{p.account_id, (*account)->email, to_string(p.role), (*account)->language, p.worker_id, (*account)->email,
                     "", "", csrf, {}, persistent};
    if (!p.employer_id.empty()) {
        auto e = tx.employer(p.employer_id);
        if (!e) return e.error();
        if (*e) {
            info.employer_id = (*e)->id;
            info.employer_name = (*e)->name;
        }
    }
    if (!p.worker_id.empty()) {
        auto w = tx.worker(p.employer_id, p.worker_id);
        if (!w) return w.error();
        if (*w) info.display_name = (*w)->display_name;
    }
    if (p.role == Role::operator_) {
        auto m = tx.mandates(p.account_id);
        if (!m) return m.error();
        info.mandates = std::move(*m);
    }
    return wire::to_json(info);
}

Result<std::optional<AccountRecord>> read_account_by_email(ApiContext& ctx, const std::string& email) {
    auto tx = ctx.store->read();
    if (!tx) return tx.error();
    return (*tx)->account_by_email(email);
}

void login(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
    if (req.body.size() > 4096) return send_error(res, make_error("too_large", "the body is larger than 4 kB"));
    if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
        return send_error(res, make_error("unsupported_media_type", "send JSON (application/json)", "Content-Type"));
    auto body = parse_json(req.body);
    if (!body) return send_error(res, body.error());
    auto credentials = requests::login(*body);
    if (!credentials) return send_error(res, credentials.error());
    const std::int64_t now = ctx.now();
    const std::string account_key = "account:" + credentials->email;
    const std::string address_key = "address:" + req.remote_addr;
    std::int64_t wait = std::max(ctx.account_throttle.wait_seconds(account_key, now), ctx.address_throttle.wait_seconds(address_key, now));
    if (wait > 0) {
        res.set_header("Retry-After", std::to_string(wait));
        return send_error(res, make_error("throttled", "too many failed sign-ins; try again later"));
    }
    // The password is checked outside any write transaction: hashing takes tens of milliseconds,
    // and a write transaction holds every other writer.
    auto account = read_account_by_email(ctx, credentials->email);
    if (!account) return send_error(res, account.error());
    // Without an account, verify against a fixed hash anyway so both answers take as long.
    bool ok = verify_password(*account ? (*account)->password_hash : decoy_password_hash, credentials->password) && *account;
    if (!ok) {
        ctx.account_throttle.failure(account_key, now);
        ctx.address_throttle.failure(address_key, now);
        return send_error(res, make_error("invalid_credentials", "wrong e-mail address or password"));
    }
    ctx.account_throttle.success(account_key);
    const std::string token = random_token();
    // Without "keep me signed in" the session ends with the browser's, and within 12 hours at most.
    const std::int64_t lifetime = credentials->remember ? ctx.settings.session_max_seconds
                                                        : std::min<std::int64_t>(ctx.settings.session_max_seconds, untrusted_session_seconds);
    SessionRecord s{sha256_hex(token), (*account)->id, random_token(), now, now, now + lifetime, credentials->remember};
    // A queued write: on a fiber, the thread answers others while the commit becomes durable.
    auto saved = ctx.store->run_write([&](Transaction& tx) { return tx.insert_session(s); }, Batching::shared);
    if (!saved) return send_error(res, saved.error());
    const AccountRecord& a = **account;
    Principal p{a.id, a.role == "operator" ? "" : a.employer_id, a.worker_id, Role::worker};
    for (Role r : {Role::worker, Role::manager, Role::hr, Role::operator_})
        if (a.role == to_string(r)) p.role = r;
    auto tx = ctx.store->read();
    if (!tx) return send_error(res, tx.error());
    auto body_out = me(**tx, p, s.csrf_token, s.persistent);
    if (!body_out) return send_error(res, body_out.error());
    res.set_header("Set-Cookie", cookie_header(ctx, token, s.persistent ? std::optional<std::int64_t>(lifetime) : std::nullopt));
    res.set_header("Cache-Control", "no-store");
    send_json(res, 200, *body_out);
}

}  // namespace

void install_session_routes(httplib::Server& http, ApiContext& ctx) {
    http.Post("/api/v1/session", [&ctx](const httplib::Request& req, httplib::Response& res) { login(ctx, req, res); });

    http.Delete("/api/v1/session", [&ctx](const httplib::Request& req, httplib::Response& res) {
        auto p = authenticate(ctx, req, true);
        if (!p) return send_error(res, p.error());
        const std::string hash = sha256_hex(session_token(req));
        auto deleted = ctx.store->run_write([&](Transaction& tx) { return tx.delete_session(hash); }, Batching::shared);
        if (!deleted) return send_error(res, deleted.error());
        res.set_header("Set-Cookie", cookie_header(ctx, "", 0));
        send_json(res, 200, {{"signed_out", true}});
    });

    http.Get("/api/v1/me", [&ctx](const httplib::Request& req, httplib::Response& res) {
        auto tx = ctx.store->read();
        if (!tx) return send_error(res, tx.error());
        auto p = authenticate(ctx, req, false, tx->get());
        if (!p) return send_error(res, p.error());
        if (!p->is_person()) return send_error(res, forbidden("devices have no profile"));
        // The CSRF token goes back so an app reopened with its cookie can write again.
        auto session = (*tx)->session(sha256_hex(session_token(req)));
        std::string csrf = session && *session ? (*session)->csrf_token : "";
        auto body = me(**tx, *p, csrf, session && *session ? (*session)->persistent : true);
        if (!body) return send_error(res, body.error());
        res.set_header("Cache-Control", "no-store");
        send_json(res, 200, *body);
    });
}

}  // namespace ll::server
