// Trainings and the approval workflow: submit (with a certificate), withdraw, approve, reject,
// bulk approve, comments, HR registrations and corrections, delegations. Every transition is
// decided by the core's approval rules; the server only loads, asks and stores.
#include "api_support.h"
#include "approval.h"
#include "requests.h"
#include "wire.h"

namespace ll::server {

using nlohmann::json;

namespace {

// The content type an upload really has, from its first bytes; empty when not accepted.
std::string sniff_certificate(const std::string& data) {
    auto starts = [&](std::string_view magic) { return data.size() >= magic.size() && data.compare(0, magic.size(), magic) == 0; };
    if (starts("\xFF\xD8\xFF")) return "image/jpeg";
    if (starts("\x89PNG\r\n\x1A\n")) return "image/png";
    if (starts("%PDF-")) return "application/pdf";
    return "";
}


struct VisibleEntry {
    EntryRecord record;
    WorkerScope scope;  // its worker's
};

// The entry, if the principal may see its worker (else 404).
Result<VisibleEntry> visible_entry(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& id) {
    if (p.employer_id.empty()) return not_found("entry", "entry");
    auto e = tx.entry(p.employer_id, id);
    if (!e) return e.error();
    if (!*e) return not_found("entry", "entry");
    auto w = visible_scoped_worker(ctx, tx, p, (*e)->worker_id);
    if (!w) return not_found("entry", "entry");
    return VisibleEntry{std::move(**e), std::move(w->scope)};
}

// The entry as decided, as the API shows it (and the audit log keeps it).
Result<json> decide(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& id, Transition t,
                    const std::string& reason) {
    auto visible = visible_entry(ctx, tx, p, id);
    if (!visible) return visible.error();
    EntryRecord& e = visible->record;
    auto next = apply_transition(approval_case(e, visible->scope), p.actor(), t, ctx.today(), reason);
    if (!next) return next.error();
    json entry = wire::to_json(e);
    std::string before = entry.dump();
    e.entry.status = *next;
    if (t == Transition::approve || t == Transition::reject) {
        e.decided_by = p.person_id();
        e.decided_at = ctx.timestamp();
        e.decision_reason = reason;
    }
    if (auto r = tx.update_entry_status(e); !r) return r.error();
    ++e.version;
    wire::set_decision(entry, e);
    const std::string action = std::string("entry.") + to_string(t);
    if (auto r = journal_text(ctx, tx, p, action, "entry", e.entry.id, e.worker_id, std::move(before), entry.dump()); !r) return r.error();
    return entry;
}

Result<Answer> submit_training(ApiContext& ctx, Transaction& tx, const Principal& p, const json& body) {
    auto t = requests::training(body);
    if (!t) return t.error();
    if (p.role == Role::provider) return forbidden("providers push trainings through /api/v1/provider/trainings");
    const std::string worker_id = t->worker_id.empty() ? p.worker_id : t->worker_id;
    if (worker_id.empty()) return make_error("missing_field", "whose training is it?", "worker_id");
    auto w = visible_scoped_worker(ctx, tx, p, worker_id);
    if (!w) return make_error("not_found", "no such worker", "worker_id");
    ApprovalCase c{worker_id, EntryStatus::draft, w->scope.approvers, w->scope.delegations};
    // The worker submits their own; HR registers for others, approved at once.
    Transition how = worker_id == p.worker_id ? Transition::submit : Transition::register_direct;
    auto status = apply_transition(c, p.actor(), how, ctx.today());
    if (!status) return status.error();
    if (!t->certificate_id.empty()) {
        auto cert = tx.certificate(p.employer_id, t->certificate_id);
        if (!cert) return cert.error();
        if (!*cert || (*cert)->worker_id != worker_id) return make_error("not_found", "no such certificate", "certificate_id");
    }
    EntryRecord e = requests::training_entry(*t);
    e.entry.id = new_id("e-");
    e.entry.status = *status;
    e.employer_id = p.employer_id;
    e.worker_id = worker_id;
    e.created_by = p.person_id();
    e.created_at = ctx.timestamp();
    if (*status == EntryStatus::approved) {
        e.decided_by = p.person_id();
        e.decided_at = e.created_at;
    }
    if (auto r = tx.insert_entry(e); !r) return r.error();
    json out = wire::to_json(e);
    if (auto r = journal(ctx, tx, p, std::string("entry.") + to_string(how), "entry", e.entry.id, worker_id, nullptr, out); !r)
        return r.error();
    return Answer{201, out};
}

Result<Answer> upload_certificate(ApiContext& ctx, Transaction& tx, const Principal& p, const httplib::Request& req) {
    if (req.body.empty()) return make_error("missing_field", "the upload is empty", "body");
    if (req.body.size() > ctx.settings.max_upload_bytes) return make_error("too_large", "certificates are at most 5 MB", "body");
    const std::string declared = req.get_header_value("Content-Type");
    const std::string actual = sniff_certificate(req.body);
    if (actual.empty()) return make_error("unsupported_media_type", "certificates are JPEG, PNG or PDF", "Content-Type");
    if (declared.rfind(actual, 0) != 0)
        return make_error("unsupported_media_type", "the content is " + actual + ", not what Content-Type says", "Content-Type");
    const std::string worker_id = req.has_param("worker_id") ? req.get_param_value("worker_id") : p.worker_id;
    if (worker_id.empty()) return make_error("missing_field", "whose certificate is it?", "worker_id");
    auto w = visible_worker(ctx, tx, p, worker_id);
    if (!w) return make_error("not_found", "no such worker", "worker_id");
    if (worker_id != p.worker_id && !may_administer(p, p.employer_id)) return forbidden("only HR uploads for somebody else");
    CertificateRecord c{new_id("c-"), p.employer_id, worker_id, actual, sha256_hex(req.body),
                        static_cast<std::int64_t>(req.body.size()), req.body};
    if (auto r = tx.insert_certificate(c); !r) return r.error();
    json out = {{"id", c.id}, {"sha256", c.sha256}, {"size", c.size}, {"content_type", c.content_type}};
    if (auto r = journal(ctx, tx, p, "certificate.upload", "certificate", c.id, worker_id, nullptr, out); !r) return r.error();
    return Answer{201, out};
}

Result<Answer> correction(ApiContext& ctx, Transaction& tx, const Principal& p, const json& body) {
    if (!may_administer(p, p.employer_id)) return forbidden("only HR records corrections");
    auto c = requests::correction(body);
    if (!c) return c.error();
    auto w = visible_worker(ctx, tx, p, c->worker_id);
    if (!w) return make_error("not_found", "no such worker", "worker_id");
    if (c->worker_id == p.worker_id) return forbidden("nobody corrects their own balance");
    EntryRecord e;
    e.entry = LedgerEntry{new_id("e-"), EntryKind::correction, EntryStatus::approved, c->date, c->minutes, c->reason};
    e.employer_id = p.employer_id;
    e.worker_id = c->worker_id;
    e.created_by = e.decided_by = p.person_id();
    e.created_at = e.decided_at = ctx.timestamp();
    e.decision_reason = c->reason;
    if (auto r = tx.insert_entry(e); !r) return r.error();
    json out = wire::to_json(e);
    if (auto r = journal(ctx, tx, p, "entry.correction", "entry", e.entry.id, e.worker_id, nullptr, out); !r) return r.error();
    return Answer{201, out};
}


Result<Answer> add_delegation(ApiContext& ctx, Transaction& tx, const Principal& p, const json& body) {
    auto d = requests::delegation(body);
    if (!d) return d.error();
    if (d->approver_id.empty()) d->approver_id = p.worker_id;
    if (d->approver_id != p.worker_id && !may_administer(p, p.employer_id))
        return forbidden("managers delegate their own approvals; HR may delegate anybody's");
    if (d->approver_id.empty()) return make_error("missing_field", "whose approvals are delegated?", "approver_id");
    for (const auto& [field, id] : {std::pair<const char*, std::string>{"approver_id", d->approver_id}, {"delegate_id", d->delegate_id}}) {
        auto w = tx.worker(p.employer_id, id);
        if (!w) return w.error();
        if (!*w) return make_error("not_found", "no such worker", field);
    }
    if (d->delegate_id == d->approver_id) return make_error("out_of_range", "delegate to somebody else", "delegate_id");
    const std::string id = new_id("d-");
    if (auto r = tx.insert_delegation(p.employer_id, id, *d); !r) return r.error();
    json out = {{"id", id}, {"approver_id", d->approver_id}, {"delegate_id", d->delegate_id}, {"from", d->from.iso()}, {"to", d->to.iso()}};
    if (auto r = journal(ctx, tx, p, "delegation.create", "delegation", id, d->approver_id, nullptr, out); !r) return r.error();
    return Answer{201, out};
}

}  // namespace

void install_entry_routes(httplib::Server& http, ApiContext& ctx) {
    http.Post("/api/v1/trainings", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) { return submit_training(ctx, tx, p, body); });
    });
    http.Post("/api/v1/certificates", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) { return upload_certificate(ctx, tx, p, req); },
                     Body::raw);
    });
    http.Get(R"(/api/v1/certificates/([A-Za-z0-9_-]{1,64}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
        auto tx = ctx.store->read();
        if (!tx) return send_error(res, tx.error());
        auto p = authenticate(ctx, req, false, tx->get());
        if (!p) return send_error(res, p.error());
        auto c = p->employer_id.empty() ? Result<std::optional<CertificateRecord>>(std::optional<CertificateRecord>())
                                        : (*tx)->certificate(p->employer_id, req.matches[1]);
        if (!c) return send_error(res, c.error());
        if (!*c || !visible_worker(ctx, **tx, *p, (*c)->worker_id)) return send_error(res, not_found("certificate"));
        res.set_header("Cache-Control", "private, no-store");
        res.set_header("Content-Disposition", "inline; filename=\"certificate\"");
        res.set_header("X-Certificate-SHA256", (*c)->sha256);
        res.set_content((*c)->data, (*c)->content_type.c_str());
    });
    http.Get(R"(/api/v1/entries/([A-Za-z0-9_-]{1,64}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            auto e = visible_entry(ctx, tx, p, req.matches[1]);
            if (!e) return e.error();
            auto comments = tx.comments(p.employer_id, e->record.entry.id);
            if (!comments) return comments.error();
            json out = wire::to_json(e->record);
            out["comments"] = json::array();
            for (const auto& c : *comments) out["comments"].push_back(wire::to_json(c));
            return out;
        });
    });
    for (auto [verb, transition] : {std::pair<const char*, Transition>{"withdraw", Transition::withdraw}, {"approve", Transition::approve},
                                    {"reject", Transition::reject}}) {
        http.Post(std::string(R"(/api/v1/entries/([A-Za-z0-9_-]{1,64})/)") + verb,
                  [&ctx, t = transition](const httplib::Request& req, httplib::Response& res) {
                      answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) -> Result<Answer> {
                          auto reason = requests::reason(body, false);
                          if (!reason) return reason.error();
                          auto e = decide(ctx, tx, p, req.matches[1], t, *reason);
                          if (!e) return e.error();
                          return Answer{200, std::move(*e)};
                      }, Body::optional_json);
                  });
    }
    http.Post("/api/v1/entries/bulk-approve", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) -> Result<Answer> {
            auto ids = requests::entry_ids(body);
            if (!ids) return ids.error();
            json items = json::array();
            for (size_t i = 0; i < ids->size(); ++i) {
                auto e = decide(ctx, tx, p, (*ids)[i], Transition::approve, "");
                if (!e) {  // all or nothing: the transaction rolls back
                    Error err = e.error();
                    err.field = "ids[" + std::to_string(i) + "]";
                    return err;
                }
                items.push_back(std::move(*e));
            }
            return Answer{200, {{"items", items}}};
        });
    });
    http.Post(R"(/api/v1/entries/([A-Za-z0-9_-]{1,64})/comments)", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) -> Result<Answer> {
            auto text = requests::comment(body);
            if (!text) return text.error();
            auto e = visible_entry(ctx, tx, p, req.matches[1]);
            if (!e) return e.error();
            CommentRecord c{0, p.person_id(), *text, ctx.timestamp()};
            if (auto r = tx.insert_comment(p.employer_id, e->record.entry.id, c); !r) return r.error();
            json out = wire::to_json(c);
            if (auto r = journal(ctx, tx, p, "entry.comment", "entry", e->record.entry.id, e->record.worker_id, nullptr, out); !r)
                return r.error();
            return Answer{201, out};
        });
    });
    http.Post("/api/v1/corrections", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) { return correction(ctx, tx, p, body); });
    });
    http.Post("/api/v1/delegations", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) { return add_delegation(ctx, tx, p, body); });
    });
    http.Get("/api/v1/delegations", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            if (auto ok = require_person_with_employer(p); !ok) return ok.error();
            auto all = tx.delegations(p.employer_id);
            if (!all) return all.error();
            json items = json::array();
            for (const auto& d : *all)
                if (p.administers() || d.approver_id == p.worker_id || d.delegate_id == p.worker_id)
                    items.push_back({{"approver_id", d.approver_id}, {"delegate_id", d.delegate_id}, {"from", d.from.iso()}, {"to", d.to.iso()}});
            return json{{"items", items}};
        });
    });
}

}  // namespace ll::server
