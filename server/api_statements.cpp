// The yearly individual training account statement: GET /me/statement and /workers/{id}/statement,
// as printable HTML or as PDF, in the worker's language (or `lang`). The figures are the year view's.
#include "api_support.h"
#include "printed_statement.h"
#include "worker_figures.h"

namespace ll::server {

namespace {

struct StatementRequest {
    int year = 0;
    bool pdf = false;
    std::optional<ui::Language> language;  // nullopt: the worker's own
};

Result<StatementRequest> statement_request(const ApiContext& ctx, const httplib::Request& req) {
    StatementRequest r;
    auto year = year_param(req, ctx.today().year());
    if (!year) return year.error();
    r.year = *year;
    auto format = format_param(req, "html", {"html", "pdf"});
    if (!format) return format.error();
    r.pdf = *format == "pdf";
    if (req.has_param("lang")) {
        r.language = ui::language_from(req.get_param_value("lang"));
        if (!r.language) return make_error("out_of_range", "expected en, nl, fr or de", "lang");
    }
    return r;
}

Result<ui::StatementDocument> statement_of(ApiContext& ctx, Transaction& tx, const WorkerRecord& w, const StatementRequest& r) {
    auto employer = tx.employer(w.employer_id);
    if (!employer) return employer.error();
    if (!*employer) return not_found("employer");
    auto view = worker_year_view(ctx, tx, w, r.year);
    if (!view) return view.error();
    const ui::Language language = r.language.value_or(ui::language_from(w.language).value_or(ui::Language::nl));
    return ui::yearly_statement({(*employer)->name, w.display_name, w.department_name, ctx.today(), std::move(*view)}, language);
}

// `worker_id` empty: the signed-in worker's own statement.
void answer_statement(ApiContext& ctx, const httplib::Request& req, httplib::Response& res, const std::string& worker_id) {
    auto p = authenticate(ctx, req, false);
    if (!p) return send_error(res, p.error());
    auto r = statement_request(ctx, req);
    if (!r) return send_error(res, r.error());
    const std::string id = worker_id.empty() ? p->worker_id : worker_id;
    if (id.empty()) return send_error(res, not_found("worker record for this account", "worker"));
    auto tx = ctx.store->read();
    if (!tx) return send_error(res, tx.error());
    auto w = visible_worker(ctx, **tx, *p, id);
    if (!w) return send_error(res, w.error());
    auto document = statement_of(ctx, **tx, *w, *r);
    if (!document) return send_error(res, document.error());
    const std::string file = "training-account-" + std::to_string(r->year) + "-" + w->id + (r->pdf ? ".pdf" : ".html");
    res.set_header("Cache-Control", "no-store");
    if (!r->pdf) {
        res.set_header("Content-Disposition", "inline; filename=\"" + file + "\"");
        res.set_content(statement_html(*document), "text/html; charset=utf-8");
        return;
    }
    auto pdf = statement_pdf(*document);
    if (!pdf) return send_error(res, pdf.error());
    res.set_header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    res.set_content(*pdf, "application/pdf");
}

}  // namespace

void install_statement_routes(httplib::Server& http, ApiContext& ctx) {
    http.Get("/api/v1/me/statement", [&ctx](const httplib::Request& req, httplib::Response& res) { answer_statement(ctx, req, res, ""); });
    http.Get(R"(/api/v1/workers/([A-Za-z0-9_-]{1,64})/statement)", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_statement(ctx, req, res, req.matches[1]);
    });
}

}  // namespace ll::server
