// Authentication and the read/write paths. Error answers never echo personal data; storage
// details go to the server log only.
#include "api_support.h"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "json_reader.h"
#include "wire.h"

namespace ll::server {

using nlohmann::json;

std::int64_t ApiContext::default_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

CivilDate ApiContext::today() const {
    std::time_t t = static_cast<std::time_t>(now());
    std::tm local{};
    localtime_r(&t, &local);
    auto d = CivilDate::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1), static_cast<unsigned>(local.tm_mday));
    return d ? *d : CivilDate();
}

std::string ApiContext::timestamp() const {
    std::time_t t = static_cast<std::time_t>(now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

int status_for(const Error& e) {
    static const std::map<std::string, int> statuses = {
        {"not_found", 404},          {"unauthenticated", 401},   {"session_expired", 401}, {"forbidden", 403},
        {"csrf", 403},               {"read_only", 403},         {"invalid_transition", 409}, {"conflict", 409},
        {"idempotency_key_reused", 422}, {"too_large", 413},     {"unsupported_media_type", 415},
        {"throttled", 429},          {"badge_locked", 429},      {"wrong_pin", 401},
        {"session_full", 409},       {"session_past", 409},      {"already_enrolled", 409}, {"no_badge", 409},
        {"storage_error", 503},      {"method_not_allowed", 405},  {"internal_error", 500},
        {"storage_read_only", 503},  {"storage_write_failed", 507}, {"not_left", 409},          {"retention", 409},
    };
    auto it = statuses.find(e.code);
    return it == statuses.end() ? 400 : it->second;
}

void send_json(httplib::Response& res, int status, const json& body) { send_json_text(res, status, body.dump()); }

void send_json_text(httplib::Response& res, int status, const std::string& text) {
    res.status = status;
    res.set_content(text, json_type);
}

void send_error(httplib::Response& res, const Error& e) { send_json(res, status_for(e), wire::to_json(e)); }

Error not_found(const char* what, const char* field) { return make_error("not_found", std::string("no such ") + what, field); }
Error forbidden(const char* why) { return make_error("forbidden", why); }

Result<bool> require_person_with_employer(const Principal& p) {
    if (p.employer_id.empty() || !p.is_person()) return forbidden("no employer selected");
    return true;
}

namespace {

std::string bearer_token(const httplib::Request& req) {
    const std::string h = req.get_header_value("Authorization");
    return h.rfind("Bearer ", 0) == 0 ? h.substr(7) : "";
}

std::string cookie_value(const httplib::Request& req, const std::string& name) {
    const std::string cookies = req.get_header_value("Cookie");
    size_t pos = 0;
    while (pos < cookies.size()) {
        size_t end = cookies.find(';', pos);
        if (end == std::string::npos) end = cookies.size();
        std::string part = cookies.substr(pos, end - pos);
        size_t start = part.find_first_not_of(' ');
        if (start != std::string::npos && part.compare(start, name.size() + 1, name + "=") == 0)
            return part.substr(start + name.size() + 1);
        pos = end + 1;
    }
    return "";
}

Result<Principal> device_principal(Transaction& tx, const std::string& token) {
    const std::string hash = sha256_hex(token);
    auto kiosk = tx.kiosk_by_token_hash(hash);
    if (!kiosk) return kiosk.error();
    if (*kiosk && !(*kiosk)->revoked) return Principal{(*kiosk)->id, (*kiosk)->employer_id, "", Role::kiosk};
    auto provider = tx.provider_by_key_hash(hash);
    if (!provider) return provider.error();
    if (*provider && !(*provider)->revoked) return Principal{(*provider)->id, (*provider)->employer_id, "", Role::provider};
    return make_error("unauthenticated", "the token is not valid");
}

std::optional<Role> role_from(const std::string& s) {
    for (Role r : {Role::worker, Role::manager, Role::hr, Role::operator_})
        if (s == to_string(r)) return r;
    return std::nullopt;
}

}  // namespace

std::string session_token(const httplib::Request& req) { return cookie_value(req, session_cookie); }

Result<Principal> authenticate(ApiContext& ctx, const httplib::Request& req, bool for_write, Transaction* reading) {
    const std::string bearer = bearer_token(req);
    const std::string cookie = session_token(req);
    if (bearer.empty() && cookie.empty()) return make_error("unauthenticated", "sign in first");
    // Sessions are touched at most once a minute, in their own short write.
    std::unique_ptr<Transaction> own;
    if (!reading) {
        auto opened = ctx.store->read();
        if (!opened) return opened.error();
        own = std::move(opened).value();
    }
    Transaction* tx = reading ? reading : own.get();
    if (!bearer.empty()) return device_principal(*tx, bearer);

    const std::string hash = sha256_hex(cookie);
    auto session = tx->session(hash);
    if (!session) return session.error();
    const std::int64_t now = ctx.now();
    if (!*session) return make_error("unauthenticated", "sign in first");
    const SessionRecord& s = **session;
    bool expired = now - s.last_seen_at > ctx.settings.session_idle_seconds || now >= s.expires_at;
    auto account = tx->account(s.account_id);
    if (!account) return account.error();
    Result<std::vector<std::string>> mandates = std::vector<std::string>();
    if (*account && (*account)->role == "operator") mandates = tx->mandates((*account)->id);
    if (!mandates) return mandates.error();
    own.reset();  // release its own snapshot before any write below
    // Queued writes: on a fiber, waiting for them lends the thread to other requests.
    if (expired || !*account) {
        ctx.store->run_write([&](Transaction& w) { return w.delete_session(hash); }, Batching::shared);
        return make_error("session_expired", "the session has expired; sign in again");
    }
    if (for_write && req.get_header_value("X-CSRF-Token") != s.csrf_token)
        return make_error("csrf", "missing or wrong X-CSRF-Token header", "X-CSRF-Token");
    if (now - s.last_seen_at >= 60)
        ctx.store->run_write([&](Transaction& w) { return w.touch_session(hash, now); }, Batching::shared);
    const AccountRecord& a = **account;
    auto role = role_from(a.role);
    if (!role) return make_error("storage_error", "an account has an unknown role");
    Principal p{a.id, a.employer_id, a.worker_id, *role};
    if (*role == Role::operator_) {
        // An operator acts for one mandated employer per request, named in X-Employer-Id.
        const std::string wanted = req.get_header_value("X-Employer-Id");
        p.employer_id.clear();
        for (const auto& m : *mandates)
            if (m == wanted) p.employer_id = m;
        if (!wanted.empty() && p.employer_id.empty()) return forbidden("no mandate for that employer");
    }
    return p;
}

void answer_read(ApiContext& ctx, const httplib::Request& req, httplib::Response& res, const ReadHandler& handler) {
    auto tx = ctx.store->read();
    if (!tx) return send_error(res, tx.error());
    auto p = authenticate(ctx, req, false, tx->get());
    if (!p) return send_error(res, p.error());
    auto body = handler(**tx, *p);
    if (!body) return send_error(res, body.error());
    send_json(res, 200, *body);
}

void answer_write(ApiContext& ctx, const httplib::Request& req, httplib::Response& res, const WriteHandler& handler,
                  Body body_kind, const PrepareHandler& prepare) {
    auto p = authenticate(ctx, req, true);
    if (!p) return send_error(res, p.error());
    if (p->role == Role::kiosk) return send_error(res, make_error("read_only", "kiosk devices cannot change anything"));
    json body = json::object();
    if (body_kind == Body::json || body_kind == Body::secret_json || (body_kind == Body::optional_json && !req.body.empty())) {
        if (req.body.size() > ctx.settings.max_json_bytes) return send_error(res, make_error("too_large", "the body is larger than 1 MB"));
        if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
            return send_error(res, make_error("unsupported_media_type", "send JSON (application/json)", "Content-Type"));
        auto parsed = parse_json(req.body);
        if (!parsed) return send_error(res, parsed.error());
        body = std::move(*parsed);
    }
    if (prepare)
        if (auto refused = prepare(*p, body)) return send_error(res, *refused);
    const std::string key = body_kind == Body::secret_json ? "" : req.get_header_value("Idempotency-Key");
    if (key.size() > 100) return send_error(res, make_error("too_long", "at most 100 characters", "Idempotency-Key"));
    const std::string request_hash = key.empty() ? "" : sha256_hex(req.method + " " + req.path + "\n" + req.body);

    // Run on whichever thread writes at that moment; the request's state stays on this one's stack
    // until run_write returns. A raw body is an upload or an import: written alone, not holding
    // back others' answers.
    Answer answer;
    bool replayed = false;
    auto saved = ctx.store->run_write([&](Transaction& tx) -> Result<bool> {
        if (!key.empty()) {
            auto stored = tx.stored_answer(p->account_id, key);
            if (!stored) return stored.error();
            if (*stored) {
                if ((*stored)->request_hash != request_hash)
                    return make_error("idempotency_key_reused", "this key was used for another request", "Idempotency-Key");
                replayed = true;
                answer = Answer{(*stored)->status, nullptr, (*stored)->body};
                return true;
            }
        }
        auto handled = handler(tx, *p, body);
        if (!handled) return handled.error();
        answer = std::move(*handled);
        if (key.empty()) return true;
        if (answer.text.empty()) answer.text = answer.body.dump();
        return tx.store_answer(p->account_id, key, p->employer_id, {request_hash, answer.status, answer.text}, ctx.timestamp());
    }, body_kind == Body::raw ? Batching::alone : Batching::shared);
    if (!saved) return send_error(res, saved.error());
    if (replayed) res.set_header("Idempotent-Replayed", "true");
    // Written out here, after the writer's turn, unless it was kept for its key.
    send_json_text(res, answer.status, answer.text.empty() ? answer.body.dump() : answer.text);
}

EmployerApprovers::EmployerApprovers(const std::vector<DepartmentRecord>& departments, const std::vector<Delegation>& delegations,
                                     WorkerReach reach)
    : reach_(std::move(reach)) {
    for (const auto& d : departments)
        if (!d.manager_id.empty()) manager_of_.emplace(d.id, d.manager_id);
    for (const auto& d : delegations) delegations_from_[d.approver_id].push_back(d);
}

WorkerScope EmployerApprovers::scope_of(const std::string& employer_id, const std::string& worker_id,
                                        const std::string& department_id) const {
    WorkerScope scope{employer_id, worker_id, {}, {}};
    auto manager = manager_of_.find(department_id);
    if (manager == manager_of_.end()) return scope;
    scope.approvers.push_back(manager->second);
    if (auto standing_in = delegations_from_.find(manager->second); standing_in != delegations_from_.end())
        scope.delegations = standing_in->second;
    return scope;
}

Result<EmployerApprovers> employer_approvers(Transaction& tx, const std::string& employer_id) {
    auto departments = tx.departments(employer_id);
    if (!departments) return departments.error();
    auto delegations = tx.delegations(employer_id);
    if (!delegations) return delegations.error();
    return EmployerApprovers(*departments, *delegations);
}

Result<EmployerApprovers> approvers_for(Transaction& tx, const Principal& p) {
    if (p.administers()) return EmployerApprovers({}, {});
    if (p.worker_id.empty()) return EmployerApprovers({}, {}, no_worker);
    auto standing_in = tx.delegations_to(p.employer_id, p.worker_id);
    if (!standing_in) return standing_in.error();
    std::vector<std::string> managers{p.worker_id};
    for (const auto& d : *standing_in)
        if (std::find(managers.begin(), managers.end(), d.approver_id) == managers.end()) managers.push_back(d.approver_id);
    std::vector<DepartmentRecord> departments;
    for (const auto& m : managers) {
        auto managed = tx.departments_managed_by(p.employer_id, m);
        if (!managed) return managed.error();
        departments.insert(departments.end(), managed->begin(), managed->end());
    }
    // Everybody `p` may see or decide on works in one of these departments, or is `p`.
    WorkerReach reach{std::vector<std::string>{}, p.worker_id};
    for (const auto& d : departments) reach.department_ids->push_back(d.id);
    return EmployerApprovers(departments, *standing_in, std::move(reach));
}

namespace {

// The same scope as EmployerApprovers::scope_of, read for one worker: their department's manager and
// the delegations standing in for them, not the employer's every department and delegation.
Result<WorkerScope> scope_of_worker(Transaction& tx, const WorkerRecord& w) {
    WorkerScope scope{w.employer_id, w.id, {}, {}};
    if (w.department_id.empty()) return scope;
    auto manager = tx.department_manager(w.employer_id, w.department_id);
    if (!manager) return manager.error();
    if (manager->empty()) return scope;
    auto delegations = tx.delegations_from(w.employer_id, *manager);
    if (!delegations) return delegations.error();
    scope.approvers.push_back(std::move(*manager));
    scope.delegations = std::move(*delegations);
    return scope;
}

}  // namespace

Result<ScopedWorker> visible_scoped_worker(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& worker_id) {
    if (p.employer_id.empty()) return not_found("worker", "worker");
    auto w = tx.worker(p.employer_id, worker_id);
    if (!w) return w.error();
    if (!*w) return not_found("worker", "worker");
    auto scope = scope_of_worker(tx, **w);
    if (!scope) return scope.error();
    ScopedWorker out{std::move(**w), std::move(*scope)};
    if (!may_view_worker(p, out.scope, ctx.today())) return not_found("worker", "worker");
    return out;
}

Result<WorkerRecord> visible_worker(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& worker_id) {
    auto w = visible_scoped_worker(ctx, tx, p, worker_id);
    if (!w) return w.error();
    return std::move(w->record);
}

Result<bool> journal(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& action, const std::string& kind,
                     const std::string& object_id, const std::string& worker_id, const json& before, const json& after) {
    return journal_text(ctx, tx, p, action, kind, object_id, worker_id, before.dump(), after.dump());
}

Result<bool> journal_text(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& action, const std::string& kind,
                          const std::string& object_id, const std::string& worker_id, std::string before_json, std::string after_json) {
    AuditRecord record;
    record.employer_id = p.employer_id;
    record.at = ctx.timestamp();
    record.actor = p.account_id;
    record.action = action;
    record.target = kind + ":" + object_id;
    record.before_json = std::move(before_json);
    record.after_json = std::move(after_json);
    record.worker_id = worker_id;
    auto audited = tx.audit(record);
    if (!audited) return audited;
    return tx.record_change(p.employer_id, kind, object_id, worker_id);
}

json audit_json(const AuditRecord& a) {
    auto parsed = [](const std::string& s) {
        json j = json::parse(s, nullptr, false);
        return j.is_discarded() ? json(s) : j;
    };
    return {{"seq", a.seq},
            {"at", a.at},
            {"actor", a.actor},
            {"action", a.action},
            {"target", a.target},
            {"before", parsed(a.before_json)},
            {"after", parsed(a.after_json)},
            {"erased", a.erased},
            {"content_sha256", a.content_sha256},
            {"prev_hash", a.prev_hash},
            {"hash", a.hash}};
}

Result<int> int_param(const httplib::Request& req, const char* name, int fallback, int min, int max) {
    if (!req.has_param(name)) return fallback;
    const std::string v = req.get_param_value(name);
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
        return make_error("wrong_type", "expected a whole number", name);
    int n = std::stoi(v);
    if (n < min || n > max) return make_error("out_of_range", "must be between " + std::to_string(min) + " and " + std::to_string(max), name);
    return n;
}

Result<int> year_param(const httplib::Request& req, std::optional<int> fallback) {
    if (!req.has_param("year")) {
        if (fallback) return *fallback;
        return make_error("missing_field", "the year is required", "year");
    }
    const std::string v = req.get_param_value("year");
    if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos)
        return make_error("wrong_type", "expected a four-digit year", "year");
    return std::stoi(v);
}

Result<std::string> format_param(const httplib::Request& req, const std::string& fallback, std::initializer_list<const char*> allowed) {
    if (!req.has_param("format")) return fallback;
    const std::string v = req.get_param_value("format");
    std::string names;
    for (const char* a : allowed) {
        if (v == a) return v;
        names += (names.empty() ? "" : " or ") + std::string(a);
    }
    return make_error("out_of_range", "expected " + names, "format");
}

std::string new_worker_id() { return "w-" + random_token().substr(0, 12); }

std::string new_id(const char* prefix) { return prefix + random_token().substr(0, 16); }

ApprovalCase approval_case(const EntryRecord& e, const WorkerScope& scope) {
    return ApprovalCase{e.worker_id, e.entry.status, scope.approvers, scope.delegations};
}

const RuleSet* rules_for(const ApiContext& ctx, Transaction& tx, const std::string& employer_id) {
    auto e = tx.employer(employer_id);
    if (!e || !*e) return nullptr;
    auto it = ctx.rule_sets.find((*e)->rule_set);
    return it == ctx.rule_sets.end() ? nullptr : it->second;
}

}  // namespace ll::server
