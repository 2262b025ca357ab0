// HR's yearly training plan: read (a new one when none is stored yet) with what the ledger realised
// of each line, and saved whole over the version that was edited. The rules are the core's.
#include "api_support.h"
#include "json_reader.h"
#include "worker_figures.h"

namespace ll::server {

using nlohmann::json;

namespace {

Result<json> read_plan(Transaction& tx, const Principal& p, const httplib::Request& req) {
    if (!may_administer(p, p.employer_id)) return forbidden("the training plan is for HR");
    auto year = year_param(req);
    if (!year) return year.error();
    auto plan = training_plan_of(tx, p.employer_id, *year);
    if (!plan) return plan.error();
    return to_json(plan->plan, plan->progress);
}

Result<Answer> save_plan(ApiContext& ctx, Transaction& tx, const Principal& p, const json& body) {
    if (!may_administer(p, p.employer_id)) return forbidden("the training plan is for HR");
    auto plan = training_plan_from_json(body);
    if (!plan) return plan.error();
    // The plan as stored before, for the audit record (no realised figures needed: the stored text).
    auto before = tx.training_plan(p.employer_id, plan->year);
    if (!before) return before.error();
    json previous = nullptr;
    if (*before) {
        if (auto j = parse_json((*before)->plan_json)) previous = *j;
        previous["version"] = (*before)->version;
    }
    const std::int64_t edited = plan->version;
    plan->version = 0;  // the stored JSON has no version: the row's column is the one
    const json stored = to_json(*plan, {});
    auto saved = tx.save_training_plan(p.employer_id, plan->year, stored.dump(), edited, p.person_id(), ctx.timestamp());
    if (!saved) return saved.error();
    if (!*saved) return make_error("conflict", "somebody saved this plan meanwhile; reload it and make your change again", "version");
    auto after = training_plan_of(tx, p.employer_id, plan->year);
    if (!after) return after.error();
    const json answer = to_json(after->plan, after->progress);
    const std::string target = std::to_string(plan->year);
    if (auto r = journal(ctx, tx, p, "training_plan.save", "training_plan", target, "", previous, stored); !r) return r.error();
    return Answer{200, answer};
}

}  // namespace

void install_training_plan_routes(httplib::Server& http, ApiContext& ctx) {
    http.Get("/api/v1/training-plan", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) { return read_plan(tx, p, req); });
    });
    http.Put("/api/v1/training-plan", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) { return save_plan(ctx, tx, p, body); });
    });
}

}  // namespace ll::server
