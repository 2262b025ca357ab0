// What every API handler shares: settings, the store, who is asking (sessions, kiosk tokens,
// provider keys, CSRF), JSON in and out, and the write path with idempotency keys, so each
// handler only says what it reads, checks with the core, and writes.
#pragma once
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <unordered_map>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "access.h"
#include "auth.h"
#include "rule_set.h"
#include "smtp_mailer.h"
#include "static_files.h"
#include "store.h"

namespace ll::server {

struct ServerSettings {
    std::int64_t session_idle_seconds = 7 * 24 * 3600;   // signed out after a week without use
    std::int64_t session_max_seconds = 30 * 24 * 3600;   // and after 30 days in any case
    bool secure_cookies = false;                          // behind TLS: add Secure
    size_t max_json_bytes = 1 << 20;
    size_t max_upload_bytes = 5 << 20;
    int retention_years = 5;  // after a worker left, before HR may erase their personal data
    SmtpSettings smtp;        // reminders by e-mail; in the app only when its url is empty
    std::string app_url;      // where people open learnledger, ending each reminder mail
};

struct ApiContext {
    Store* store = nullptr;
    const StaticFiles* web = nullptr;
    std::map<std::string, const RuleSet*> rule_sets;
    ServerSettings settings;
    bool access_log = true;
    LoginThrottle account_throttle{5, 15 * 60, 15 * 60};
    LoginThrottle address_throttle{30, 15 * 60, 15 * 60};
    LoginThrottle kiosk_throttle{20, 15 * 60, 15 * 60};  // wrong PINs per kiosk device, whatever the badge
    std::function<std::int64_t()> now = default_now;  // unix seconds
    CivilDate today() const;                          // the server's local calendar date (TZ)
    std::string timestamp() const;                    // ISO 8601 UTC, for records

    static std::int64_t default_now();
};

constexpr const char* session_cookie = "ll_session";
// The type of every JSON answer; compressed by answer_compression.h.
constexpr const char* json_type = "application/json; charset=utf-8";

// An answer: status and JSON body, or the body already written as JSON text (an import's plan of
// 100,000 rows), which is sent and stored instead when not empty.
struct Answer {
    int status = 200;
    nlohmann::json body;
    std::string text;
};

int status_for(const Error& e);
void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_json_text(httplib::Response& res, int status, const std::string& text);  // JSON already written as text
void send_error(httplib::Response& res, const Error& e);

// The session token from the request's cookie; empty when none.
std::string session_token(const httplib::Request& req);

// Who is asking. `for_write` also checks the CSRF token of cookie sessions. Read in `reading` when
// given, the request's own read transaction (one snapshot, one transaction per read); otherwise in
// one of its own, released before a session is touched or deleted.
Result<Principal> authenticate(ApiContext& ctx, const httplib::Request& req, bool for_write, Transaction* reading = nullptr);

using ReadHandler = std::function<Result<nlohmann::json>(Transaction&, const Principal&)>;
using WriteHandler = std::function<Result<Answer>(Transaction&, const Principal&, const nlohmann::json& body)>;

// Authenticates, opens a read transaction, answers 200 with the handler's JSON or the error.
void answer_read(ApiContext& ctx, const httplib::Request& req, httplib::Response& res, const ReadHandler& handler);
// Authenticates (refusing kiosks), parses the JSON body (`body_required`), replays a stored answer
// for a known Idempotency-Key, runs the handler in one write transaction, stores the answer with
// the key, and commits: everything or nothing.
// raw: the handler reads req.body itself (uploads); secret_json: a PIN or the like, never kept with
// an Idempotency-Key (not even as the request's hash, which a short PIN would not protect).
// `prepare` runs before the write, outside its transaction, on the authenticated request's body:
// work too slow for the writer's turn (a PIN's hash), which would hold back every other change.
// Its error is answered and nothing is written.
enum class Body { json, optional_json, raw, secret_json };
using PrepareHandler = std::function<std::optional<Error>(const Principal&, const nlohmann::json& body)>;
void answer_write(ApiContext& ctx, const httplib::Request& req, httplib::Response& res, const WriteHandler& handler,
                  Body body_kind = Body::json, const PrepareHandler& prepare = {});

// A whole-number query parameter from `min` to `max`; `fallback` when absent (refusals name it).
Result<int> int_param(const httplib::Request& req, const char* name, int fallback, int min, int max);
// The `year` query parameter: four digits; without it `fallback`, or missing_field when there is none.
Result<int> year_param(const httplib::Request& req, std::optional<int> fallback = std::nullopt);
// The `format` parameter: `fallback` when absent, else one of `allowed` (refused naming "format").
Result<std::string> format_param(const httplib::Request& req, const std::string& fallback, std::initializer_list<const char*> allowed);
// A fresh worker id ("w-" and 12 random characters).
std::string new_worker_id();
// A fresh id of another record: `prefix` ("e-", "c-") and 16 random characters.
std::string new_id(const char* prefix);

// An employer's department managers and delegations, read once and indexed: what the access rules
// need about any of its workers (lists of workers or entries ask for them once, not per row).
class EmployerApprovers {
public:
    EmployerApprovers(const std::vector<DepartmentRecord>& departments, const std::vector<Delegation>& delegations,
                      WorkerReach reach = every_worker);
    // The worker's department's manager and the delegations standing in for them: a scope costs
    // what it holds, not the employer's every department and delegation.
    WorkerScope scope_of(const WorkerRecord& w) const { return scope_of(w.employer_id, w.id, w.department_id); }
    WorkerScope scope_of(const std::string& employer_id, const std::string& worker_id, const std::string& department_id) const;
    // The workers these scopes can grant anything on: a list reads those, not the employer's every worker.
    const WorkerReach& reach() const { return reach_; }

private:
    WorkerReach reach_;
    std::unordered_map<std::string, std::string> manager_of_;                    // department id -> manager
    std::unordered_map<std::string, std::vector<Delegation>> delegations_from_;  // approver -> their delegations
};
// Every approver's scope: who may decide on whose trainings (reminders tell them all).
Result<EmployerApprovers> employer_approvers(Transaction& tx, const std::string& employer_id);
// What decides which of many workers `p` may see or decide on: the departments `p` manages and
// those of the approvers `p` stands in for, with those delegations; nothing for HR, who see everyone.
// Its scopes answer questions about `p` only, and its reach (those departments' workers and `p`;
// everyone for HR) is what a list reads: it costs what concerns the manager who asks.
Result<EmployerApprovers> approvers_for(Transaction& tx, const Principal& p);

struct ScopedWorker {
    WorkerRecord record;
    WorkerScope scope;
};
// The worker, if it exists in the principal's employer and the principal may see it (else 404,
// so nobody learns whether a worker of another team or employer exists), with its scope.
Result<ScopedWorker> visible_scoped_worker(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& worker_id);
Result<WorkerRecord> visible_worker(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& worker_id);
Error not_found(const char* what, const char* field = "");
// People acting for an employer (an operator must have chosen one); devices and providers are refused.
Result<bool> require_person_with_employer(const Principal& p);
Error forbidden(const char* why);

// Records an audited change in the same transaction: audit log entry and change feed.
Result<bool> journal(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& action, const std::string& kind,
                     const std::string& object_id, const std::string& worker_id, const nlohmann::json& before,
                     const nlohmann::json& after);
// The same with before and after already encoded (a decision encodes its entry once).
Result<bool> journal_text(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& action, const std::string& kind,
                          const std::string& object_id, const std::string& worker_id, std::string before_json, std::string after_json);

// An audit record on the wire; erased records show empty content and `"erased": true`.
nlohmann::json audit_json(const AuditRecord& a);

// What the approval rules need about an entry: its owner, status, approvers and delegations.
ApprovalCase approval_case(const EntryRecord& e, const WorkerScope& scope);

const RuleSet* rules_for(const ApiContext& ctx, Transaction& tx, const std::string& employer_id);

// Registers the routes of each part of the API.
void install_session_routes(httplib::Server& http, ApiContext& ctx);
void install_worker_routes(httplib::Server& http, ApiContext& ctx);
void install_entry_routes(httplib::Server& http, ApiContext& ctx);
void install_admin_routes(httplib::Server& http, ApiContext& ctx);
void install_privacy_routes(httplib::Server& http, ApiContext& ctx);
void install_workspace_routes(httplib::Server& http, ApiContext& ctx);
void install_export_routes(httplib::Server& http, ApiContext& ctx);
void install_import_routes(httplib::Server& http, ApiContext& ctx);
void install_notification_routes(httplib::Server& http, ApiContext& ctx);
void install_training_plan_routes(httplib::Server& http, ApiContext& ctx);
void install_statement_routes(httplib::Server& http, ApiContext& ctx);
void install_kiosk_routes(httplib::Server& http, ApiContext& ctx);
void install_training_session_routes(httplib::Server& http, ApiContext& ctx);

}  // namespace ll::server
