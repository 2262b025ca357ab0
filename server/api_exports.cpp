// Exports for HR, as JSON or CSV (`format=csv`, `;`-separated, UTF-8 with BOM): the social balance
// sheet's training section of a year (codes 5801-5853), the FLA fields per worker and year, and the
// training plan without personal data.
// Every figure comes from the core (social_balance.h, fla_record.h); this file reads and renders.
#include "api_support.h"
#include "csv_text.h"
#include "fla_record.h"
#include "social_balance.h"
#include "wire.h"
#include "worker_figures.h"

namespace ll::server {

using nlohmann::json;

namespace {

struct ExportRequest {
    int year = 0;
    bool csv = false;
};

Result<ExportRequest> export_request(const httplib::Request& req) {
    ExportRequest r;
    auto year = year_param(req);
    if (!year) return year.error();
    r.year = *year;
    auto format = format_param(req, "json", {"json", "csv"});
    if (!format) return format.error();
    r.csv = *format == "csv";
    return r;
}

// A table rendered as the caller asked: JSON {"columns","rows", ...extra} or CSV with a header line.
struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    json extra = json::object();
};

void send_table(httplib::Response& res, const Table& t, const ExportRequest& r, const std::string& name) {
    res.set_header("Cache-Control", "no-store");
    const std::string file = name + "-" + std::to_string(r.year) + (r.csv ? ".csv" : ".json");
    res.set_header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    if (r.csv) {
        std::vector<std::vector<std::string>> all{t.columns};
        all.insert(all.end(), t.rows.begin(), t.rows.end());
        res.set_content(csv_text(all), "text/csv; charset=utf-8");
        return;
    }
    json body = t.extra;
    body["year"] = r.year;
    body["columns"] = t.columns;
    body["rows"] = t.rows;
    send_json(res, 200, body);
}

// Authenticates HR, opens a read transaction and builds the table; errors are answered as JSON.
void answer_export(ApiContext& ctx, const httplib::Request& req, httplib::Response& res, const std::string& name,
                   const std::function<Result<Table>(Transaction&, const Principal&, int year)>& build) {
    auto p = authenticate(ctx, req, false);
    if (!p) return send_error(res, p.error());
    if (!may_administer(*p, p->employer_id)) return send_error(res, forbidden("exports are for HR"));
    auto r = export_request(req);
    if (!r) return send_error(res, r.error());
    auto tx = ctx.store->read();
    if (!tx) return send_error(res, tx.error());
    auto table = build(**tx, *p, r->year);
    if (!table) return send_error(res, table.error());
    send_table(res, *table, *r, name);
}

const char* unit_name(SocialBalanceLine::Unit u) {
    switch (u) {
        case SocialBalanceLine::Unit::people: return "people";
        case SocialBalanceLine::Unit::hours: return "hours";
        case SocialBalanceLine::Unit::euro: return "euro";
    }
    return "";
}

Result<Table> social_balance(Transaction& tx, const Principal& p, int year) {
    auto workers = tx.workers(p.employer_id, WorkerFilter{});
    auto entries = tx.entries_of_employer(p.employer_id, every_worker);
    if (!workers) return workers.error();
    if (!entries) return entries.error();
    std::vector<EntryRecord> all;
    std::vector<std::string> genders;
    for (const auto& w : *workers) {
        auto it = entries->find(w.id);
        if (it == entries->end()) continue;
        for (const auto& e : it->second) {
            all.push_back(e);
            genders.push_back(w.gender);
        }
    }
    const SocialBalanceSheet sheet = social_balance_sheet(year, all, genders);
    Table t;
    t.columns = {"code", "label", "unit", "value"};
    for (const auto& l : social_balance_lines(sheet)) t.rows.push_back({l.code, l.label, unit_name(l.unit), l.value.to_decimal(2)});
    t.extra["unclassified_workers"] = sheet.unclassified_workers;
    t.extra["unclassified_hours"] = Rational::make(sheet.unclassified_minutes, 60)->to_decimal(2);
    return t;
}

std::string decimal_or_empty(const std::optional<Rational>& r) { return r ? r->to_decimal(4) : std::string(); }

Result<Table> fla_fields(ApiContext& ctx, Transaction& tx, const Principal& p, int year) {
    auto employer = tx.employer(p.employer_id);
    if (!employer) return employer.error();
    if (!*employer) return not_found("employer");
    auto facts = employer_facts(ctx, tx, p.employer_id);
    if (!facts) return facts.error();
    if (auto c = facts->rules->covers(year); !c) return c.error();
    auto workers = tx.workers(p.employer_id, WorkerFilter{});
    auto entries = tx.entries_of_employer(p.employer_id, every_worker);
    if (!workers) return workers.error();
    if (!entries) return entries.error();
    const CivilDate today = ctx.today();
    const CivilDate day = year < today.year() ? *CivilDate::from_ymd(year, 12, 31) : today;
    const auto fte = facts->company_fte.find(year);
    const std::optional<Rational> size = fte == facts->company_fte.end() ? std::nullopt : std::optional<Rational>(fte->second);
    static const std::vector<EntryRecord> none;
    Table t;
    t.columns = {"enterprise_number", "company_fte", "worker_id", "national_number", "name", "joint_committee", "work_regime",
                 "year", "basis", "entitled_days", "complementary_days", "carried_in_days", "followed_days", "pending_days",
                 "remaining_days", "trainings", "training_hours"};
    WorkerFolder folder;
    for (const auto& w : *workers) {
        const auto& employment = employment_of(*facts, w.id);
        // Only people employed at some time in the year had a record for it.
        if (!std::any_of(employment.begin(), employment.end(), [&](const EmploymentPeriod& e) {
                return e.start.year() <= year && (!e.end || e.end->year() >= year);
            }))
            continue;
        auto it = entries->find(w.id);
        const auto& own = it == entries->end() ? none : it->second;
        auto balance = folder.fold(*facts->rules, w, employment, facts->company_fte, own, year);
        if (!balance) return balance.error();
        const FlaRecord r = fla_record(w, employment, **balance, own, day, (*employer)->enterprise_number, size);
        t.rows.push_back({r.enterprise_number, decimal_or_empty(r.company_fte), r.worker_id, r.national_number, r.name,
                          r.joint_committee, decimal_or_empty(r.work_regime), std::to_string(r.year), r.basis,
                          r.entitled_days.to_decimal(2), r.complementary_days.to_decimal(2), r.carried_in_days.to_decimal(2),
                          r.followed_days.to_decimal(2), r.pending_days.to_decimal(2), r.remaining_days.to_decimal(2),
                          std::to_string(r.trainings), Rational::make(r.training_minutes, 60)->to_decimal(2)});
    }
    t.extra["note"] = "The data the Federal Learning Account held, per worker and year; not the official FLA schema (docs/exports.md).";
    return t;
}

}  // namespace

void install_export_routes(httplib::Server& http, ApiContext& ctx) {
    http.Get("/api/v1/exports/social-balance", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_export(ctx, req, res, "social-balance-training",
                      [&](Transaction& tx, const Principal& p, int year) { return social_balance(tx, p, year); });
    });
    http.Get("/api/v1/exports/training-plan", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_export(ctx, req, res, "training-plan", [&](Transaction& tx, const Principal& p, int year) -> Result<Table> {
            auto plan = training_plan_of(tx, p.employer_id, year);
            if (!plan) return plan.error();
            if (plan->plan.version == 0) return not_found("training plan", "year");
            Table t{training_plan_columns(), training_plan_rows(plan->plan, plan->progress)};
            t.extra["from"] = plan->plan.from.iso();
            t.extra["to"] = plan->plan.to.iso();
            t.extra["evaluation"] = plan->plan.evaluation;
            return t;
        });
    });
    http.Get("/api/v1/exports/fla-fields", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_export(ctx, req, res, "fla-fields",
                      [&](Transaction& tx, const Principal& p, int year) { return fla_fields(ctx, tx, p, year); });
    });
}

}  // namespace ll::server
