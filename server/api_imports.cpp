// Imports for HR: a payroll CSV of workers and employment periods, a provider's feed of trainings
// (CSV or JSON) and opening balances from another tool. The dry run answers the plan row by row and
// writes nothing; applying stores every good row in one transaction, with an audit record per row.
#include "api_support.h"
#include "csv_records.h"
#include "json_reader.h"
#include "payroll_import.h"
#include "training_import.h"
#include "wire.h"
#include "workspace_wire.h"
#include "worker_figures.h"

namespace ll::server {

using nlohmann::json;

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// The file as records: CSV for every kind, a JSON feed for trainings (then rows are items).
Result<std::vector<CsvRecord>> file_records(const httplib::Request& req, ImportKind kind, bool& by_item) {
    const std::string type = req.get_header_value("Content-Type");
    if (kind == ImportKind::trainings && starts_with(type, "application/json")) {
        auto feed = parse_json(req.body);
        if (!feed) return feed.error();
        by_item = true;
        return feed_records_from_json(*feed);
    }
    if (!starts_with(type, "text/csv") && !starts_with(type, "text/plain"))
        return make_error("unsupported_media_type",
                          kind == ImportKind::trainings ? "send the feed as text/csv or application/json" : "send the file as text/csv",
                          "Content-Type");
    return read_csv_records(req.body);
}

// The plan of the request's file against the employer's workers, or the error that stops it.
Result<ImportPlan> import_plan(ApiContext& ctx, Transaction& tx, const Principal& p, const httplib::Request& req, ImportKind kind) {
    if (!may_administer(p, p.employer_id)) return forbidden("only HR imports");
    bool by_item = false;
    auto records = file_records(req, kind, by_item);
    if (!records) return records.error();
    auto facts = employer_facts(ctx, tx, p.employer_id);
    if (!facts) return facts.error();
    auto workers = tx.workers(p.employer_id, WorkerFilter{});
    if (!workers) return workers.error();
    std::vector<ExistingWorker> existing;
    existing.reserve(workers->size());
    for (auto& w : *workers) {
        auto employment = employment_of(*facts, w.id);
        existing.push_back({std::move(w), std::move(employment), {}});
    }
    const Rational week = facts->rules->full_time_weekly_hours;
    if (kind == ImportKind::payroll) {
        auto departments = tx.departments(p.employer_id);
        if (!departments) return departments.error();
        return plan_payroll_import(*records, existing, *departments, p.employer_id, week);
    }
    auto entries = tx.entries_of_employer(p.employer_id, every_worker);
    if (!entries) return entries.error();
    for (auto& w : existing)
        if (auto it = entries->find(w.record.id); it != entries->end()) w.entries = std::move(it->second);
    const EntryImportScope scope{p.employer_id, p.worker_id, week};
    ImportPlan plan = kind == ImportKind::trainings ? plan_training_import(*records, existing, scope) : plan_opening_import(*records, existing, scope);
    plan.numbered_by_item = by_item;
    return plan;
}

Result<bool> apply_worker_row(ApiContext& ctx, Transaction& tx, const Principal& p, PlannedRow& row,
                              const std::vector<DepartmentRecord>& departments) {
    WorkerRecord& w = row.worker;
    for (const auto& d : departments)
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
    return journal(ctx, tx, p, "worker.import", "worker", w.id, w.id, before, after);
}

// Imported entries are registered by HR, approved at once, like a training HR types in.
Result<bool> apply_entry_row(ApiContext& ctx, Transaction& tx, const Principal& p, PlannedRow& row, ImportKind kind) {
    EntryRecord& e = *row.entry;
    e.entry.id = new_id("e-");
    e.created_by = e.decided_by = p.person_id();
    e.created_at = e.decided_at = ctx.timestamp();
    e.decision_reason = kind == ImportKind::trainings ? "imported from a provider feed" : "opening balance imported";
    if (auto r = tx.insert_entry(e); !r) return r.error();
    return journal(ctx, tx, p, kind == ImportKind::trainings ? "entry.import" : "entry.opening_import", "entry", e.entry.id,
                   e.worker_id, nullptr, wire::to_json(e));
}

Result<Answer> apply_import(ApiContext& ctx, Transaction& tx, const Principal& p, const httplib::Request& req, ImportKind kind) {
    auto plan = import_plan(ctx, tx, p, req, kind);
    if (!plan) return plan.error();
    if (!plan->file_problems.empty()) {
        const ImportProblem& first = plan->file_problems.front();
        if (plan->numbered_by_item) return make_error("malformed_json", first.message, first.field);
        return make_error("malformed_csv", "line " + std::to_string(first.line) + ": " + first.message, first.field);
    }
    std::vector<DepartmentRecord> departments;  // payroll rows carry the department's name
    if (kind == ImportKind::payroll) {
        auto d = tx.departments(p.employer_id);
        if (!d) return d.error();
        departments = std::move(*d);
    }
    for (auto& row : plan->rows) {
        if (row.action == ImportAction::rejected || row.action == ImportAction::unchanged) continue;
        auto r = kind == ImportKind::payroll ? apply_worker_row(ctx, tx, p, row, departments) : apply_entry_row(ctx, tx, p, row, kind);
        if (!r) return r.error();
    }
    return Answer{201, nullptr, wire::to_json_text(*plan, false)};
}

}  // namespace

void install_import_routes(httplib::Server& http, ApiContext& ctx) {
    for (ImportKind kind : {ImportKind::payroll, ImportKind::trainings, ImportKind::openings}) {
        const std::string path = std::string("/api/v1/imports/") + to_string(kind);
        // A dry run is a read: it writes nothing and needs no idempotency key (but, a POST, the CSRF token).
        http.Post(path + "/dry-run", [&ctx, kind](const httplib::Request& req, httplib::Response& res) {
            auto p = authenticate(ctx, req, true);
            if (!p) return send_error(res, p.error());
            auto tx = ctx.store->read();
            if (!tx) return send_error(res, tx.error());
            auto plan = import_plan(ctx, **tx, *p, req, kind);
            if (!plan) return send_error(res, plan.error());
            send_json_text(res, 200, wire::to_json_text(*plan, true));
        });
        http.Post(path, [&ctx, kind](const httplib::Request& req, httplib::Response& res) {
            answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) { return apply_import(ctx, tx, p, req, kind); },
                         Body::raw);
        });
    }
}

}  // namespace ll::server
