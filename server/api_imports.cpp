// Imports for HR: a payroll CSV of workers and employment periods. The dry run answers the plan
// (row by row: create, update, unchanged, rejected with line, column and reason) and writes
// nothing; applying stores every good row in one transaction, with an audit record per worker.
#include "api_support.h"
#include "csv_records.h"
#include "payroll_import.h"
#include "wire.h"
#include "workspace_wire.h"
#include "worker_figures.h"

namespace ll::server {

using nlohmann::json;

namespace {

// The plan of `csv` against the employer's workers, or the error that stops it (not CSV, no HR).
Result<ImportPlan> payroll_plan(ApiContext& ctx, Transaction& tx, const Principal& p, const httplib::Request& req) {
    if (!may_administer(p, p.employer_id)) return forbidden("only HR imports");
    const std::string type = req.get_header_value("Content-Type");
    if (type.rfind("text/csv", 0) != 0 && type.rfind("text/plain", 0) != 0)
        return make_error("unsupported_media_type", "send the payroll export as text/csv", "Content-Type");
    auto records = read_csv_records(req.body);
    if (!records) return records.error();
    auto facts = employer_facts(ctx, tx, p.employer_id);
    if (!facts) return facts.error();
    auto workers = tx.workers(p.employer_id, WorkerFilter{});
    auto departments = tx.departments(p.employer_id);
    if (!workers) return workers.error();
    if (!departments) return departments.error();
    std::vector<ExistingWorker> existing;
    for (const auto& w : *workers) existing.push_back({w, employment_of(*facts, w.id)});
    return plan_payroll_import(*records, existing, *departments, p.employer_id, facts->rules->full_time_weekly_hours);
}

Result<Answer> apply_payroll(ApiContext& ctx, Transaction& tx, const Principal& p, const httplib::Request& req) {
    auto plan = payroll_plan(ctx, tx, p, req);
    if (!plan) return plan.error();
    if (!plan->file_problems.empty()) {
        const ImportProblem& first = plan->file_problems.front();
        return make_error("malformed_csv", "line " + std::to_string(first.line) + ": " + first.message, first.field);
    }
    auto departments = tx.departments(p.employer_id);
    if (!departments) return departments.error();
    for (auto& row : plan->rows) {
        if (row.action == ImportAction::rejected || row.action == ImportAction::unchanged) continue;
        WorkerRecord& w = row.worker;
        for (const auto& d : *departments)
            if (d.id == w.department_id) w.department_name = d.name;
        json before = nullptr;
        if (row.action == ImportAction::create) {
            w.id = new_worker_id();
            row.worker_id = w.id;
            if (auto r = tx.insert_worker(w); !r) return r.error();
        } else {
            auto current = tx.worker(p.employer_id, w.id);
            if (!current) return current.error();
            if (*current) before = wire::to_json(**current);
            if (auto r = tx.update_worker(w); !r) return r.error();
        }
        if (row.new_period)
            if (auto r = tx.insert_employment(p.employer_id, w.id, *row.new_period); !r) return r.error();
        json after = wire::to_json(w);
        if (row.new_period) after["employment_added"] = wire::to_json(*row.new_period);
        if (auto r = journal(ctx, tx, p, "worker.import", "worker", w.id, w.id, before, after); !r) return r.error();
    }
    return Answer{201, wire::to_json(*plan, false)};
}

}  // namespace

void install_import_routes(httplib::Server& http, ApiContext& ctx) {
    // A dry run is a read: it writes nothing and needs no idempotency key (but, a POST, the CSRF token).
    http.Post("/api/v1/imports/payroll/dry-run", [&ctx](const httplib::Request& req, httplib::Response& res) {
        auto p = authenticate(ctx, req, true);
        if (!p) return send_error(res, p.error());
        auto tx = ctx.store->read();
        if (!tx) return send_error(res, tx.error());
        auto plan = payroll_plan(ctx, **tx, *p, req);
        if (!plan) return send_error(res, plan.error());
        send_json(res, 200, wire::to_json(*plan, true));
    });
    http.Post("/api/v1/imports/payroll", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) { return apply_payroll(ctx, tx, p, req); },
                     Body::raw);
    });
}

}  // namespace ll::server
