// Data protection: a worker downloads everything kept about them (GDPR access), and HR erases a
// departed worker once the retention period is over (storage limitation), keeping the figures.
#include "api_support.h"
#include "retention.h"
#include "wire.h"

namespace ll::server {

using nlohmann::json;

namespace {

// Everything about the caller: account, worker record with the whole national number (it is their
// own, sent only to them), employment, every entry with its comments, certificates (metadata and
// where to fetch each), and the audit records about them.
Result<json> my_data(ApiContext& ctx, Transaction& tx, const Principal& p) {
    if (p.worker_id.empty()) return make_error("not_found", "this account has no worker record", "worker");
    auto account = tx.account(p.account_id);
    if (!account) return account.error();
    auto worker = tx.worker(p.employer_id, p.worker_id);
    if (!worker) return worker.error();
    if (!*account || !*worker) return not_found("worker", "worker");
    auto employment = tx.employment(p.employer_id, p.worker_id);
    if (!employment) return employment.error();
    auto entries = tx.entries_of(p.employer_id, p.worker_id);
    if (!entries) return entries.error();
    auto audit = tx.audit_of_worker(p.employer_id, p.worker_id);
    if (!audit) return audit.error();
    json out;
    out["exported_at"] = ctx.timestamp();
    out["account"] = {{"email", (*account)->email}, {"role", (*account)->role}, {"language", (*account)->language}};
    json w = wire::to_json(**worker);
    w["national_number"] = (*worker)->national_number ? json(*(*worker)->national_number) : json(nullptr);
    w["employment"] = json::array();
    for (const auto& e : *employment) w["employment"].push_back(wire::to_json(e));
    out["worker"] = w;
    out["entries"] = json::array();
    out["certificates"] = json::array();
    for (const auto& e : *entries) {
        json entry = wire::to_json(e);
        auto comments = tx.comments(p.employer_id, e.entry.id);
        if (!comments) return comments.error();
        entry["comments"] = json::array();
        for (const auto& c : *comments) entry["comments"].push_back(wire::to_json(c));
        out["entries"].push_back(entry);
        if (e.certificate_id.empty()) continue;
        auto c = tx.certificate(p.employer_id, e.certificate_id);
        if (!c) return c.error();
        if (*c)
            out["certificates"].push_back({{"id", (*c)->id}, {"content_type", (*c)->content_type}, {"size", (*c)->size},
                                           {"sha256", (*c)->sha256}, {"download", "/api/v1/certificates/" + (*c)->id}});
    }
    out["audit"] = json::array();
    for (const auto& a : *audit) out["audit"].push_back(audit_json(a));
    return out;
}

Result<Answer> erase(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& worker_id) {
    if (!may_administer(p, p.employer_id)) return forbidden("only HR erases workers");
    auto w = tx.worker(p.employer_id, worker_id);
    if (!w) return w.error();
    if (!*w) return not_found("worker", "worker");
    if (auto ok = may_erase((*w)->termination, ctx.settings.retention_years, ctx.today()); !ok) return ok.error();
    // The placeholder keeps rows apart in lists without saying who it was.
    const std::string placeholder = "Erased worker " + worker_id;
    if (auto r = tx.erase_worker(p.employer_id, worker_id, placeholder, ctx.timestamp()); !r) return r.error();
    const json after{{"erased", true}, {"retention_years", ctx.settings.retention_years}};
    if (auto r = journal(ctx, tx, p, "worker.erase", "worker", worker_id, worker_id, json::object(), after); !r) return r.error();
    return Answer{200, {{"id", worker_id}, {"erased", true}, {"display_name", placeholder}}};
}

}  // namespace

void install_privacy_routes(httplib::Server& http, ApiContext& ctx) {
    http.Get("/api/v1/me/export", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) { return my_data(ctx, tx, p); });
        if (res.status == 200) {
            res.set_header("Content-Disposition", "attachment; filename=\"learnledger-my-data.json\"");
            res.set_header("Cache-Control", "no-store");
        }
    });
    http.Post(R"(/api/v1/workers/([A-Za-z0-9_-]{1,64})/erase)", [&ctx](const httplib::Request& req, httplib::Response& res) {
        const std::string id = req.matches[1];
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) { return erase(ctx, tx, p, id); },
                     Body::optional_json);
    });
}

}  // namespace ll::server
