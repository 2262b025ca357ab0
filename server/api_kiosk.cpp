// The kiosk: the board a paired display rotates through (its site's aggregates only), the personal
// lookup by badge and PIN (locked after wrong PINs, per badge and per device), and the badges and
// PINs behind it: HR gives a worker a badge number, the worker chooses the PIN, stored hashed.
#include <algorithm>

#include "api_support.h"
#include "compliance.h"
#include "json_reader.h"
#include "kiosk_wire.h"
#include "qr_code.h"
#include "requests.h"
#include "wire.h"
#include "worker_figures.h"

namespace ll::server {

using nlohmann::json;

namespace {

// Where the QR code leads: the configured address, else the one this display reached the server at.
std::string app_url_for(const ApiContext& ctx, const httplib::Request& req) {
    if (!ctx.settings.app_url.empty()) return ctx.settings.app_url;
    const std::string host = req.get_header_value("Host");
    const bool plain = !host.empty() && host.find_first_of(" /\\\"'<>") == std::string::npos && host.size() <= 255;
    return plain ? "http://" + host + "/" : "";
}

Result<kiosk::SiteProgress> site_progress_of(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& site,
                                             EmployerFacts& facts) {
    const CivilDate today = ctx.today();
    WorkerFilter f;
    f.active = true;
    f.today = today;
    auto workers = tx.workers(p.employer_id, f);
    if (!workers) return workers.error();
    std::vector<kiosk::WorkerYear> years;
    WorkerFolder folder;
    for (const auto& w : *workers) {
        if (w.site != site) continue;
        auto entries = tx.entries_of(p.employer_id, w.id);
        if (!entries) return entries.error();
        auto balance = folder.fold(*facts.rules, w, employment_of(facts, w.id), facts.company_fte, *entries, today.year());
        if (!balance) continue;  // a year without a recorded company size has no goal to show
        const YearBalance& y = (*balance)->years.back();
        years.push_back({y.entitled_minutes, y.used_minutes});
    }
    return kiosk::site_progress(years);
}

Result<json> board(ApiContext& ctx, Transaction& tx, const Principal& p, const httplib::Request& req) {
    if (p.role != Role::kiosk) return forbidden("kiosk devices only");
    auto device = tx.kiosk_device(p.employer_id, p.account_id);
    if (!device) return device.error();
    if (!*device) return make_error("unauthenticated", "the token is not valid");
    auto employer = tx.employer(p.employer_id);
    if (!employer) return employer.error();
    auto facts = employer_facts(ctx, tx, p.employer_id);
    if (!facts) return facts.error();
    KioskBoard b;
    b.site = (*device)->label;
    b.employer_name = *employer ? (*employer)->name : "";
    b.languages = (*device)->language_list();
    if (b.languages.empty()) b.languages.push_back("nl");
    b.today = ctx.today();
    auto progress = site_progress_of(ctx, tx, p, b.site, *facts);
    if (!progress) return progress.error();
    b.progress = *progress;
    auto sessions = tx.training_sessions(p.employer_id, b.today);
    if (!sessions) return sessions.error();
    b.sessions = upcoming_with_places(*sessions, b.site, b.today, 6);
    auto compliance = compliance_facts(tx, p.employer_id, *facts);
    if (!compliance) return compliance.error();
    b.deadlines = kiosk::deadlines_this_month(evaluate_compliance(*facts->rules, *compliance, b.today), b.today);
    b.app_url = app_url_for(ctx, req);
    if (!b.app_url.empty())
        if (auto qr = qr_matrix(b.app_url)) b.qr = std::move(*qr);
    return wire::to_json(b);
}

json badge_json(const std::optional<BadgeRecord>& b, std::int64_t now) {
    if (!b) return {{"badge", nullptr}, {"pin_set", false}, {"locked_seconds", 0}};
    return {{"badge", b->badge}, {"pin_set", !b->pin_hash.empty()}, {"locked_seconds", kiosk::seconds_locked(b->lock, now)}};
}

void audit_kiosk(ApiContext& ctx, Transaction& tx, const Principal& p, const char* action, const std::string& worker_id) {
    AuditRecord a;
    a.employer_id = p.employer_id;
    a.at = ctx.timestamp();
    a.actor = p.account_id;
    a.action = action;
    a.target = worker_id.empty() ? "kiosk:" + p.account_id : "worker:" + worker_id;
    a.before_json = "{}";
    a.after_json = "{}";
    a.worker_id = worker_id;
    tx.audit(a);
}

Error locked_error(httplib::Response& res, std::int64_t seconds) {
    res.set_header("Retry-After", std::to_string(seconds));
    return make_error("badge_locked", "this badge is locked after wrong PINs; try again in " + std::to_string((seconds + 59) / 60) +
                                          " minutes", "badge");
}

Error wrong_pin_error() { return make_error("wrong_pin", "badge or PIN not recognised", "pin"); }

// A wrong PIN for a known badge counts towards its lock. Queued writes: on a fiber, the thread
// answers others while the commit becomes durable. The lock after it, if the badge still exists.
Result<std::optional<kiosk::BadgeLock>> record_wrong_pin(ApiContext& ctx, const Principal& p, const std::string& badge, std::int64_t now) {
    std::optional<kiosk::BadgeLock> lock;
    auto saved = ctx.store->run_write([&](Transaction& tx) -> Result<bool> {
        auto current = tx.badge(p.employer_id, badge);
        if (!current) return current.error();
        if (!*current) return false;
        lock = kiosk::after_wrong_pin((*current)->lock, now);
        if (auto r = tx.set_badge_lock(p.employer_id, badge, *lock); !r) return r.error();
        audit_kiosk(ctx, tx, p, lock->locked_until > now ? "kiosk.badge_locked" : "kiosk.wrong_pin", (*current)->worker_id);
        return true;
    }, Batching::shared);
    if (!saved) return saved.error();
    return lock;
}

// A right PIN: the badge's count of wrong ones starts again, the lookup is audited, and the
// worker's year is read in the same transaction. Nothing when the worker is gone meanwhile.
Result<std::optional<KioskLookup>> record_lookup(ApiContext& ctx, const Principal& p, const BadgeRecord& badge, const std::string& number) {
    std::optional<KioskLookup> found;
    auto saved = ctx.store->run_write([&](Transaction& tx) -> Result<bool> {
        if (badge.lock.wrong_pins > 0)
            if (auto r = tx.set_badge_lock(p.employer_id, number, {}); !r) return r.error();
        audit_kiosk(ctx, tx, p, "kiosk.lookup", badge.worker_id);
        auto worker = tx.worker(p.employer_id, badge.worker_id);
        if (!worker) return worker.error();
        if (!*worker) return false;
        auto view = worker_year_view(ctx, tx, **worker, ctx.today().year());
        if (!view) return as_lookup_error(view.error());
        found = KioskLookup{(*worker)->display_name, (*worker)->language, std::move(*view)};
        return true;
    }, Batching::shared);
    if (!saved) return saved.error();
    return found;
}

// Checks badge and PIN outside any write lock (argon2 takes a while), then records the outcome.
void lookup(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    auto p = authenticate(ctx, req, true);
    if (!p) return send_error(res, p.error());
    if (p->role != Role::kiosk) return send_error(res, forbidden("kiosk devices only"));
    if (req.body.size() > 4096) return send_error(res, make_error("too_large", "the body is larger than 4 kB"));
    auto parsed = parse_json(req.body);
    if (!parsed) return send_error(res, parsed.error());
    auto sign_in = requests::kiosk_sign_in(*parsed);
    if (!sign_in) return send_error(res, sign_in.error());
    const std::int64_t now = ctx.now();
    if (auto wait = ctx.kiosk_throttle.wait_seconds(p->account_id, now); wait > 0) {
        res.set_header("Retry-After", std::to_string(wait));
        return send_error(res, make_error("throttled", "too many wrong PINs on this kiosk; try again later"));
    }
    std::optional<BadgeRecord> badge;
    {
        auto tx = ctx.store->read();
        if (!tx) return send_error(res, tx.error());
        auto found = (*tx)->badge(p->employer_id, sign_in->badge);
        if (!found) return send_error(res, found.error());
        badge = *found;
    }
    if (badge)
        if (auto locked = kiosk::seconds_locked(badge->lock, now); locked > 0) return send_error(res, locked_error(res, locked));
    // An unknown badge costs the same hashing as a known one, so timing does not tell them apart.
    const bool right = verify_password(badge && !badge->pin_hash.empty() ? badge->pin_hash : decoy_password_hash, sign_in->pin) &&
                       badge && !badge->pin_hash.empty();

    if (!right) {
        ctx.kiosk_throttle.failure(p->account_id, now);
        if (!badge) return send_error(res, wrong_pin_error());
        auto lock = record_wrong_pin(ctx, *p, sign_in->badge, now);
        if (!lock) return send_error(res, lock.error());
        if (*lock)
            if (auto locked = kiosk::seconds_locked(**lock, now); locked > 0) return send_error(res, locked_error(res, locked));
        return send_error(res, wrong_pin_error());
    }
    ctx.kiosk_throttle.success(p->account_id);
    auto found = record_lookup(ctx, *p, *badge, sign_in->badge);
    if (!found) return send_error(res, found.error());
    if (!*found) return send_error(res, wrong_pin_error());
    send_json(res, 200, wire::to_json(**found));
}

Result<Answer> set_badge(ApiContext& ctx, Transaction& tx, const Principal& p, const json& body, const std::string& id) {
    if (!may_administer(p, p.employer_id)) return forbidden("only HR gives out badges");
    auto w = visible_worker(ctx, tx, p, id);
    if (!w) return w.error();
    auto number = requests::badge(body);
    if (!number) return number.error();
    auto holder = tx.badge(p.employer_id, *number);
    if (!holder) return holder.error();
    if (*holder && (*holder)->worker_id != id) return make_error("conflict", "another worker has this badge", "badge");
    auto before = tx.badge_of_worker(p.employer_id, id);
    if (!before) return before.error();
    if (auto r = tx.set_badge(p.employer_id, id, *number); !r) return r.error();
    auto after = tx.badge_of_worker(p.employer_id, id);
    if (!after) return after.error();
    json out = badge_json(*after, ctx.now());
    if (auto r = journal(ctx, tx, p, "worker.badge", "worker", id, id, badge_json(*before, ctx.now()), out); !r) return r.error();
    return Answer{200, out};
}

}  // namespace

void install_kiosk_routes(httplib::Server& http, ApiContext& ctx) {
    http.Get("/api/v1/kiosk/board", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) { return board(ctx, tx, p, req); });
    });
    http.Post("/api/v1/kiosk/lookup", [&ctx](const httplib::Request& req, httplib::Response& res) { lookup(ctx, req, res); });
    const char* badge_path = R"(/api/v1/workers/([A-Za-z0-9_-]{1,64})/badge)";
    http.Get(badge_path, [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            if (!may_administer(p, p.employer_id)) return forbidden("only HR reads badges");
            auto w = visible_worker(ctx, tx, p, req.matches[1]);
            if (!w) return w.error();
            auto b = tx.badge_of_worker(p.employer_id, w->id);
            if (!b) return b.error();
            return badge_json(*b, ctx.now());
        });
    });
    http.Put(badge_path, [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) { return set_badge(ctx, tx, p, body, req.matches[1]); });
    });
    http.Delete(badge_path, [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) -> Result<Answer> {
            if (!may_administer(p, p.employer_id)) return forbidden("only HR takes badges back");
            auto w = visible_worker(ctx, tx, p, req.matches[1]);
            if (!w) return w.error();
            auto removed = tx.delete_badge(p.employer_id, w->id);
            if (!removed) return removed.error();
            if (!*removed) return not_found("badge", "badge");
            json out = badge_json(std::nullopt, ctx.now());
            if (auto r = journal(ctx, tx, p, "worker.badge_removed", "worker", w->id, w->id, nullptr, out); !r) return r.error();
            return Answer{200, out};
        }, Body::optional_json);
    });
    http.Get("/api/v1/me/kiosk", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            if (p.worker_id.empty()) return not_found("worker record for this account", "worker");
            auto b = tx.badge_of_worker(p.employer_id, p.worker_id);
            if (!b) return b.error();
            return badge_json(*b, ctx.now());
        });
    });
    http.Put("/api/v1/me/kiosk-pin", [&ctx](const httplib::Request& req, httplib::Response& res) {
        std::string pin_hash;  // hashed before the write: argon2id takes about 0.1 s
        const auto hash_pin = [&](const Principal& p, const json& body) -> std::optional<Error> {
            if (p.worker_id.empty()) return not_found("worker record for this account", "worker");
            auto pin = requests::pin(body);
            if (!pin) return pin.error();
            pin_hash = hash_password(*pin);
            return std::nullopt;
        };
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) -> Result<Answer> {
            auto b = tx.badge_of_worker(p.employer_id, p.worker_id);
            if (!b) return b.error();
            if (!*b) return make_error("no_badge", "HR has not given you a badge yet", "badge");
            if (auto r = tx.set_pin_hash(p.employer_id, p.worker_id, pin_hash); !r) return r.error();
            auto after = tx.badge_of_worker(p.employer_id, p.worker_id);
            if (!after) return after.error();
            json out = badge_json(*after, ctx.now());
            if (auto r = journal(ctx, tx, p, "worker.kiosk_pin", "worker", p.worker_id, p.worker_id, nullptr, {{"pin_set", true}}); !r)
                return r.error();
            return Answer{200, out};
        }, Body::secret_json, hash_pin);
    });
}

}  // namespace ll::server
