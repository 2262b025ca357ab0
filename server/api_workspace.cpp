// The employer workspace: the approval inbox with each entry's effect on the worker's year, the
// team table (figures-only folds of every visible worker) and the compliance cockpit with the
// obligations HR records as done. Rules come from the core; this file reads rows and answers.
#include "api_support.h"
#include "requests.h"
#include "team_row.h"
#include "team_workbook.h"
#include "wire.h"
#include "workspace_wire.h"
#include "worker_figures.h"

namespace ll::server {

using nlohmann::json;

namespace {

// A worker with entries waiting, read and folded once however many of theirs wait: the inbox read
// and folded the worker's whole ledger again for each of their entries.
struct WaitingWorker {
    std::optional<WorkerRecord> record;  // none: no such worker
    // Read at the first fold: only the workers of the page the approver is shown.
    std::optional<std::vector<EntryRecord>> entries;
    std::vector<EmploymentPeriod> employment;
    struct Figures {
        long long minutes_per_day = 0;
        YearBalance year;
    };
    std::map<int, std::optional<Figures>> years;  // none: a data gap (no company size) for that year
};

Result<WaitingWorker*> waiting_worker(Transaction& tx, std::map<std::string, WaitingWorker>& seen, const std::string& employer_id,
                                      const std::string& worker_id) {
    auto [it, first] = seen.try_emplace(worker_id);
    WaitingWorker& w = it->second;
    if (!first) return &w;
    auto record = tx.worker(employer_id, worker_id);
    if (!record) return record.error();
    w.record = std::move(*record);
    return &w;
}

// What approving `e` would change: the year's remaining time before and after (the core works the
// "after" out from the same fold), so the approver sees the effect before deciding.
Result<ApprovalItem> approval_item(const EmployerFacts& f, Transaction& tx, WorkerFolder& folder, const EntryRecord& e,
                                   WaitingWorker& w) {
    ApprovalItem item{e, w.record->display_name};
    const int year = e.entry.date.year();
    if (!f.rules->covers(year)) return item;  // outside the rule set: no figures to show
    auto [it, first] = w.years.try_emplace(year);
    if (first) {
        if (!w.entries) {
            auto entries = tx.entries_of(e.employer_id, e.worker_id);
            if (!entries) return entries.error();
            auto employment = tx.employment(e.employer_id, e.worker_id);
            if (!employment) return employment.error();
            w.entries = std::move(*entries);
            w.employment = std::move(*employment);
        }
        auto now = folder.fold(*f.rules, *w.record, w.employment, f.company_fte, *w.entries, year);
        if (now) it->second = WaitingWorker::Figures{(*now)->minutes_per_day, (*now)->years.back()};
    }
    if (!it->second) return item;  // a data gap leaves the figures at 0 rather than hiding the entry
    const YearBalance& figures = it->second->year;
    item.minutes_per_day = it->second->minutes_per_day;
    item.remaining_minutes = figures.remaining_minutes;
    item.remaining_after_minutes = remaining_if_approved(figures, e.entry).value_or(figures.remaining_minutes);
    return item;
}

// The entry whole, with its figures: one of the page.
Result<ApprovalItem> page_item(const EmployerFacts& f, Transaction& tx, WorkerFolder& folder, std::map<std::string, WaitingWorker>& seen,
                               const std::string& employer_id, const EntryOwner& owner) {
    auto e = tx.entry(employer_id, owner.entry_id);
    if (!e) return e.error();
    auto w = waiting_worker(tx, seen, employer_id, owner.worker_id);
    if (!w) return w.error();
    // Both were read with the owner, in this transaction's snapshot.
    if (!*e || !(*w)->record) return make_error("internal_error", "the inbox changed while it was read");
    return approval_item(f, tx, folder, **e, **w);
}

// The oldest `limit` entries `p` may decide on, with their figures, and how many wait in all. The
// count reads each waiting entry's owner; only the page's entries, workers and ledgers are read
// whole and folded, so a long inbox costs a page, not every worker with one waiting.
Result<json> approvals(ApiContext& ctx, Transaction& tx, const Principal& p, const httplib::Request& req) {
    if (auto ok = require_person_with_employer(p); !ok) return ok.error();
    auto limit = int_param(req, "limit", 200, 1, 5000);
    if (!limit) return limit.error();
    auto approvers = approvers_for(tx, p);
    if (!approvers) return approvers.error();
    auto owners = tx.entry_owners(p.employer_id, EntryStatus::submitted, approvers->reach());
    if (!owners) return owners.error();
    auto facts = employer_facts(ctx, tx, p.employer_id, no_worker);  // each page worker's employment comes with their entries
    if (!facts) return facts.error();
    ApprovalPage page;
    WorkerFolder folder;
    std::map<std::string, WaitingWorker> seen;
    for (const auto& o : *owners) {
        WorkerScope scope = approvers->scope_of(p.employer_id, o.worker_id, o.department_id);
        const ApprovalCase decided_on{o.worker_id, EntryStatus::submitted, std::move(scope.approvers), std::move(scope.delegations)};
        if (!may_decide(decided_on, p.actor(), ctx.today())) continue;
        if (++page.total > *limit) continue;
        auto item = page_item(*facts, tx, folder, seen, p.employer_id, o);
        if (!item) return item.error();
        page.items.push_back(std::move(*item));
    }
    return wire::to_json(page);
}

// The rows of every worker `p` may see, for `year`.
Result<std::vector<TeamRow>> team_rows(ApiContext& ctx, Transaction& tx, const Principal& p, int year) {
    if (auto ok = require_person_with_employer(p); !ok) return ok.error();
    const CivilDate today = ctx.today();
    auto approvers = approvers_for(tx, p);
    if (!approvers) return approvers.error();
    const WorkerReach& reach = approvers->reach();
    auto facts = employer_facts(ctx, tx, p.employer_id, reach);
    if (!facts) return facts.error();
    if (auto c = facts->rules->covers(year); !c) return c.error();
    auto workers = tx.workers(p.employer_id, WorkerFilter{{}, {}, std::nullopt, today, reach});
    auto entries = tx.entries_of_employer(p.employer_id, reach);
    if (!workers) return workers.error();
    if (!entries) return entries.error();
    // Regime and status as of the year's last day for past years, today for this one.
    const CivilDate day = year < today.year() ? *CivilDate::from_ymd(year, 12, 31) : today;
    static const std::vector<EntryRecord> no_entries;
    std::vector<TeamRow> rows;
    WorkerFolder folder;
    for (const auto& w : *workers) {
        if (!may_view_worker(p, approvers->scope_of(w), today)) continue;
        const auto& employment = employment_of(*facts, w.id);
        auto it = entries->find(w.id);
        auto balance = folder.fold(*facts->rules, w, employment, facts->company_fte, it == entries->end() ? no_entries : it->second, year);
        if (!balance) return balance.error();
        rows.push_back(team_row(w, employment, **balance, day));
    }
    return rows;
}

// GET /team: JSON for the app, or (format=xlsx) the same rows as an Excel workbook.
void answer_team(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto tx = ctx.store->read();
    if (!tx) return send_error(res, tx.error());
    auto p = authenticate(ctx, req, false, tx->get());
    if (!p) return send_error(res, p.error());
    auto format = format_param(req, "json", {"json", "xlsx"});
    if (!format) return send_error(res, format.error());
    auto year = year_param(req, ctx.today().year());
    if (!year) return send_error(res, year.error());
    auto rows = team_rows(ctx, **tx, *p, *year);
    if (!rows) return send_error(res, rows.error());
    res.set_header("Cache-Control", "no-store");
    if (*format == "json") {
        json items = json::array();
        for (const auto& r : *rows) items.push_back(wire::to_json(r));
        return send_json(res, 200, json{{"year", *year}, {"items", items}});
    }
    auto workbook = team_workbook(*rows, *year);
    if (!workbook) return send_error(res, workbook.error());
    res.set_header("Content-Disposition", "attachment; filename=\"team-" + std::to_string(*year) + ".xlsx\"");
    res.set_content(*workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

Result<json> compliance(ApiContext& ctx, Transaction& tx, const Principal& p, const httplib::Request& req) {
    if (!may_administer(p, p.employer_id)) return forbidden("the compliance cockpit is for HR");
    CivilDate day = ctx.today();
    if (req.has_param("date")) {
        auto d = CivilDate::parse(req.get_param_value("date"), "date");
        if (!d) return d.error();
        day = *d;
    }
    auto facts = employer_facts(ctx, tx, p.employer_id);
    if (!facts) return facts.error();
    auto c = compliance_facts(tx, p.employer_id, *facts);
    if (!c) return c.error();
    return wire::to_json(evaluate_compliance(*facts->rules, *c, day));
}

Result<Answer> record_fulfilment(ApiContext& ctx, Transaction& tx, const Principal& p, const json& body) {
    if (!may_administer(p, p.employer_id)) return forbidden("only HR records obligations as done");
    auto f = requests::fulfilment(body, ctx.today());
    if (!f) return f.error();
    auto facts = employer_facts(ctx, tx, p.employer_id);
    if (!facts) return facts.error();
    const Obligation* o = nullptr;
    for (const auto& candidate : facts->rules->obligations)
        if (candidate.id == f->obligation_id) o = &candidate;
    if (!o) return make_error("not_found", "no such obligation in the employer's rule set", "obligation_id");
    std::optional<ComplianceWorker> worker;
    if (!f->worker_id.empty()) {
        auto w = tx.worker(p.employer_id, f->worker_id);
        if (!w) return w.error();
        if (!*w) return make_error("not_found", "no such worker", "worker_id");
        worker = ComplianceWorker{f->worker_id, (*w)->display_name, employment_of(*facts, f->worker_id)};
    } else if (o->applies_to == "worker") {
        return make_error("missing_field", "this duty is per worker: name the worker", "worker_id");
    }
    if (!is_occurrence(*o, worker ? &*worker : nullptr, f->trigger))
        return make_error("out_of_range", "the obligation is not triggered on that day", "trigger");
    if (auto r = tx.upsert_fulfilment(p.employer_id, *f, p.person_id(), ctx.timestamp()); !r) return r.error();
    json out = {{"obligation_id", f->obligation_id}, {"trigger", f->trigger.iso()}, {"worker_id", f->worker_id},
                {"done_on", f->done_on.iso()}};
    if (auto r = journal(ctx, tx, p, "obligation.done", "obligation", f->obligation_id, f->worker_id, nullptr, out); !r)
        return r.error();
    return Answer{201, out};
}

}  // namespace

void install_workspace_routes(httplib::Server& http, ApiContext& ctx) {
    http.Get("/api/v1/approvals", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) { return approvals(ctx, tx, p, req); });
    });
    http.Get("/api/v1/team", [&ctx](const httplib::Request& req, httplib::Response& res) { answer_team(ctx, req, res); });
    http.Get("/api/v1/compliance", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) { return compliance(ctx, tx, p, req); });
    });
    http.Post("/api/v1/compliance/fulfilments", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) { return record_fulfilment(ctx, tx, p, body); });
    });
}

}  // namespace ll::server
