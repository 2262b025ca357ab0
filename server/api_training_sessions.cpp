// Scheduled trainings with places: HR plans them per site, workers take and give back a place, and
// kiosks show those that still have room. The core decides whether a place may be taken.
#include "api_support.h"
#include "kiosk_wire.h"
#include "requests.h"

namespace ll::server {

using nlohmann::json;

namespace {

Result<json> list_sessions(ApiContext& ctx, Transaction& tx, const Principal& p) {
    if (auto ok = require_person_with_employer(p); !ok) return ok.error();
    auto sessions = tx.training_sessions(p.employer_id, ctx.today());
    if (!sessions) return sessions.error();
    std::vector<std::string> mine;
    if (!p.worker_id.empty()) {
        auto enrolled = tx.enrolled_sessions(p.employer_id, p.worker_id);
        if (!enrolled) return enrolled.error();
        mine = std::move(*enrolled);
    }
    json items = json::array();
    for (const auto& s : *sessions) {
        json item = wire::to_json(s);
        item["enrolled_by_me"] = std::find(mine.begin(), mine.end(), s.id) != mine.end();
        items.push_back(std::move(item));
    }
    return json{{"items", items}};
}

Result<Answer> create_session(ApiContext& ctx, Transaction& tx, const Principal& p, const json& body) {
    if (!may_administer(p, p.employer_id)) return forbidden("only HR plans trainings");
    auto s = requests::training_session(body);
    if (!s) return s.error();
    if (s->date < ctx.today()) return make_error("out_of_range", "a planned training cannot be in the past", "date");
    s->id = new_id("ts-");
    if (auto r = tx.insert_training_session(p.employer_id, *s, p.account_id, ctx.timestamp()); !r) return r.error();
    json out = wire::to_json(*s);
    if (auto r = journal(ctx, tx, p, "training_session.create", "training_session", s->id, "", nullptr, out); !r) return r.error();
    return Answer{201, out};
}

Result<TrainingSession> existing(Transaction& tx, const Principal& p, const std::string& id) {
    auto s = tx.training_session(p.employer_id, id);
    if (!s) return s.error();
    if (!*s) return not_found("training session");
    return **s;
}

Result<Answer> enrol(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& id, bool take) {
    if (p.worker_id.empty()) return not_found("worker record for this account", "worker");
    auto s = existing(tx, p, id);
    if (!s) return s.error();
    auto mine = tx.enrolled_sessions(p.employer_id, p.worker_id);
    if (!mine) return mine.error();
    const bool already = std::find(mine->begin(), mine->end(), id) != mine->end();
    if (take) {
        if (auto ok = may_enrol(*s, already, ctx.today()); !ok) return ok.error();
        if (auto r = tx.insert_enrolment(p.employer_id, id, p.worker_id, ctx.timestamp()); !r) return r.error();
        ++s->enrolled;
    } else {
        if (!already) return not_found("place on this training");
        if (auto r = tx.delete_enrolment(p.employer_id, id, p.worker_id); !r) return r.error();
        --s->enrolled;
    }
    json out = wire::to_json(*s);
    out["enrolled_by_me"] = take;
    if (auto r = journal(ctx, tx, p, take ? "training_session.enrol" : "training_session.withdraw", "training_session", id, p.worker_id,
                         nullptr, {{"enrolled", s->enrolled}});
        !r)
        return r.error();
    return Answer{take ? 201 : 200, out};
}

}  // namespace

void install_training_session_routes(httplib::Server& http, ApiContext& ctx) {
    http.Get("/api/v1/training-sessions", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) { return list_sessions(ctx, tx, p); });
    });
    http.Post("/api/v1/training-sessions", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) { return create_session(ctx, tx, p, body); });
    });
    const char* one = R"(/api/v1/training-sessions/([A-Za-z0-9_-]{1,64}))";
    http.Delete(one, [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) -> Result<Answer> {
            if (!may_administer(p, p.employer_id)) return forbidden("only HR cancels planned trainings");
            auto s = existing(tx, p, req.matches[1]);
            if (!s) return s.error();
            if (auto r = tx.delete_training_session(p.employer_id, s->id); !r) return r.error();
            if (auto r = journal(ctx, tx, p, "training_session.cancel", "training_session", s->id, "", wire::to_json(*s), nullptr); !r)
                return r.error();
            return Answer{200, {{"id", s->id}, {"cancelled", true}}};
        }, Body::optional_json);
    });
    const std::string enrolment = std::string(one) + "/enrolment";
    http.Post(enrolment, [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) { return enrol(ctx, tx, p, req.matches[1], true); },
                     Body::optional_json);
    });
    http.Delete(enrolment, [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) { return enrol(ctx, tx, p, req.matches[1], false); },
                     Body::optional_json);
    });
}

}  // namespace ll::server
