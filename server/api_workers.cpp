// Workers, departments, managers, and balances. Lists are filtered by the core's visibility rule
// (own record, team, delegated team, whole employer for HR) before paging.
#include <algorithm>

#include "api_support.h"
#include "requests.h"
#include "wire.h"
#include "worker_figures.h"

namespace ll::server {

using nlohmann::json;

namespace {

Result<json> balance_of(ApiContext& ctx, Transaction& tx, const WorkerRecord& w, int year) {
    auto view = worker_year_view(ctx, tx, w, year);
    if (!view) return view.error();
    return wire::to_json(*view);
}

Result<json> entitlement_of(ApiContext& ctx, Transaction& tx, const WorkerRecord& w, int year) {
    auto wy = load_worker_year(ctx, tx, w, year);
    if (!wy) return wy.error();
    auto fte = wy->facts.company_fte.find(year);
    if (fte == wy->facts.company_fte.end()) return make_error("not_found", "no company size is recorded for that year", "year");
    auto e = compute_entitlement(*wy->rules, EntitlementInput{year, fte->second, wy->facts.employment, w.joint_committee});
    if (!e) return e.error();
    return wire::to_json(*e);
}

Result<json> list_workers(ApiContext& ctx, Transaction& tx, const Principal& p, const httplib::Request& req) {
    if (auto ok = require_person_with_employer(p); !ok) return ok.error();
    auto page = int_param(req, "page", 1, 1, 1000000);
    auto size = int_param(req, "page_size", 50, 1, 500);
    if (!page) return page.error();
    if (!size) return size.error();
    WorkerFilter f;
    f.department_id = req.get_param_value("department");
    f.text = req.get_param_value("q").substr(0, 100);
    f.today = ctx.today();
    if (req.has_param("active")) {
        const std::string a = req.get_param_value("active");
        if (a != "true" && a != "false") return make_error("wrong_type", "expected true or false", "active");
        f.active = a == "true";
    }
    auto approvers = approvers_for(tx, p);
    if (!approvers) return approvers.error();
    f.reach = approvers->reach();
    auto workers = tx.workers(p.employer_id, f);
    if (!workers) return workers.error();
    json items = json::array();
    std::int64_t total = 0, first = static_cast<std::int64_t>(*page - 1) * *size;
    for (const auto& w : *workers) {
        if (!may_view_worker(p, approvers->scope_of(w), f.today)) continue;
        if (total >= first && total < first + *size) items.push_back(wire::to_json(w));
        ++total;
    }
    return json{{"items", items}, {"total", total}, {"page", *page}, {"page_size", *size}};
}

Result<bool> check_department(Transaction& tx, const std::string& employer_id, const std::string& department_id, std::string& name) {
    auto departments = tx.departments(employer_id);
    if (!departments) return departments.error();
    for (const auto& d : *departments)
        if (d.id == department_id) {
            name = d.name;
            return true;
        }
    return make_error("not_found", "no such department", "department_id");
}

Result<Answer> create_worker(ApiContext& ctx, Transaction& tx, const Principal& p, const json& body) {
    if (!may_administer(p, p.employer_id)) return forbidden("only HR creates workers");
    auto change = requests::worker(body, true);
    if (!change) return change.error();
    WorkerRecord w;
    w.id = new_worker_id();
    w.employer_id = p.employer_id;
    w.display_name = *change->display_name;
    w.joint_committee = change->joint_committee.value_or("");
    w.language = change->language.value_or("nl");
    w.national_number = change->national_number;
    w.gender = change->gender.value_or("");
    w.site = change->site.value_or("");
    if (change->termination) w.termination = *change->termination;
    if (change->department_id) {
        w.department_id = *change->department_id;
        if (auto ok = check_department(tx, p.employer_id, w.department_id, w.department_name); !ok) return ok.error();
    }
    if (w.national_number) {
        auto existing = tx.worker_by_national_number(p.employer_id, *w.national_number);
        if (!existing) return existing.error();
        if (*existing) return make_error("conflict", "a worker with this national number exists", "national_number");
    }
    if (auto r = tx.insert_worker(w); !r) return r.error();
    for (const auto& period : change->employment)
        if (auto r = tx.insert_employment(p.employer_id, w.id, period); !r) return r.error();
    json out = wire::to_json(w);
    if (auto r = journal(ctx, tx, p, "worker.create", "worker", w.id, w.id, nullptr, out); !r) return r.error();
    return Answer{201, out};
}

Result<Answer> update_worker(ApiContext& ctx, Transaction& tx, const Principal& p, const json& body, const std::string& id) {
    auto current = visible_worker(ctx, tx, p, id);
    if (!current) return current.error();
    auto change = requests::worker(body, false);
    if (!change) return change.error();
    const bool admin = may_administer(p, p.employer_id);
    // A worker corrects their own name and language; everything else is HR's.
    if (!admin && (p.worker_id != id || change->department_id || change->joint_committee || change->national_number ||
                   change->termination || change->gender || change->site))
        return forbidden("only HR changes these fields");
    WorkerRecord w = *current;
    json before = wire::to_json(w);
    if (change->display_name) w.display_name = *change->display_name;
    if (change->language) w.language = *change->language;
    if (change->joint_committee) w.joint_committee = *change->joint_committee;
    if (change->gender) w.gender = *change->gender;
    if (change->site) w.site = *change->site;
    if (change->termination) w.termination = *change->termination;
    if (change->national_number) {
        auto existing = tx.worker_by_national_number(p.employer_id, *change->national_number);
        if (!existing) return existing.error();
        if (*existing && (*existing)->id != id) return make_error("conflict", "a worker with this national number exists", "national_number");
        w.national_number = change->national_number;
    }
    if (change->department_id) {
        w.department_id = *change->department_id;
        if (auto ok = check_department(tx, p.employer_id, w.department_id, w.department_name); !ok) return ok.error();
    }
    if (auto r = tx.update_worker(w); !r) return r.error();
    ++w.version;
    json out = wire::to_json(w);
    if (auto r = journal(ctx, tx, p, "worker.update", "worker", w.id, w.id, before, out); !r) return r.error();
    return Answer{200, out};
}

}  // namespace

void install_worker_routes(httplib::Server& http, ApiContext& ctx) {
    http.Get("/api/v1/workers", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) { return list_workers(ctx, tx, p, req); });
    });
    http.Post("/api/v1/workers", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) { return create_worker(ctx, tx, p, body); });
    });
    http.Get(R"(/api/v1/workers/([A-Za-z0-9_-]{1,64}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            auto w = visible_worker(ctx, tx, p, req.matches[1]);
            if (!w) return w.error();
            auto employment = tx.employment(w->employer_id, w->id);
            if (!employment) return employment.error();
            json out = wire::to_json(*w);
            out["employment"] = json::array();
            for (const auto& period : *employment) out["employment"].push_back(wire::to_json(period));
            return out;
        });
    });
    http.Patch(R"(/api/v1/workers/([A-Za-z0-9_-]{1,64}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) {
            return update_worker(ctx, tx, p, body, req.matches[1]);
        });
    });
    http.Post(R"(/api/v1/workers/([A-Za-z0-9_-]{1,64})/employment)", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) -> Result<Answer> {
            if (!may_administer(p, p.employer_id)) return forbidden("only HR records employment");
            auto w = visible_worker(ctx, tx, p, req.matches[1]);
            if (!w) return w.error();
            auto period = requests::employment_period(body);
            if (!period) return period.error();
            if (auto r = tx.insert_employment(p.employer_id, w->id, *period); !r) return r.error();
            json out = wire::to_json(*period);
            if (auto r = journal(ctx, tx, p, "employment.create", "worker", w->id, w->id, nullptr, out); !r) return r.error();
            return Answer{201, out};
        });
    });
    for (const char* path : {R"(/api/v1/workers/([A-Za-z0-9_-]{1,64})/balance)", R"(/api/v1/workers/([A-Za-z0-9_-]{1,64})/entitlement)"}) {
        const bool balance = std::string(path).find("balance") != std::string::npos;
        http.Get(path, [&ctx, balance](const httplib::Request& req, httplib::Response& res) {
            answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
                auto year = year_param(req);
                if (!year) return year.error();
                auto w = visible_worker(ctx, tx, p, req.matches[1]);
                if (!w) return w.error();
                return balance ? balance_of(ctx, tx, *w, *year) : entitlement_of(ctx, tx, *w, *year);
            });
        });
    }
    http.Get("/api/v1/me/balance", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            auto year = year_param(req);
            if (!year) return year.error();
            if (p.worker_id.empty()) return not_found("worker record for this account", "worker");
            auto w = visible_worker(ctx, tx, p, p.worker_id);
            if (!w) return w.error();
            return balance_of(ctx, tx, *w, *year);
        });
    });
    http.Get("/api/v1/departments", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            if (auto ok = require_person_with_employer(p); !ok) return ok.error();
            auto departments = tx.departments(p.employer_id);
            if (!departments) return departments.error();
            json items = json::array();
            for (const auto& d : *departments) items.push_back(wire::to_json(d));
            return json{{"items", items}};
        });
    });
    http.Get("/api/v1/managers", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            if (auto ok = require_person_with_employer(p); !ok) return ok.error();
            auto departments = tx.departments(p.employer_id);
            if (!departments) return departments.error();
            json items = json::array();
            for (const auto& d : *departments) {
                if (d.manager_id.empty()) continue;
                auto w = tx.worker(p.employer_id, d.manager_id);
                if (!w) return w.error();
                if (*w) items.push_back({{"worker_id", d.manager_id}, {"display_name", (*w)->display_name}, {"department_id", d.id}});
            }
            return json{{"items", items}};
        });
    });
}

}  // namespace ll::server
