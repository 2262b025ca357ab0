// The incremental sync feed, the audit log (with chain verification), kiosk devices and provider
// keys (HR creates and revokes them) and the provider feed.
#include <algorithm>

#include "api_support.h"
#include "national_number.h"
#include "requests.h"
#include "wire.h"

namespace ll::server {

using nlohmann::json;

namespace {

Result<std::int64_t> cursor_param(const httplib::Request& req, const char* name) {
    if (!req.has_param(name)) return 0;
    const std::string v = req.get_param_value(name);
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
        return make_error("wrong_type", "expected a whole number", name);
    return std::stoll(v);
}

Result<json> sync(ApiContext& ctx, Transaction& tx, const Principal& p, const httplib::Request& req) {
    auto cursor = cursor_param(req, "cursor");
    if (!cursor) return cursor.error();
    if (p.role == Role::provider || p.employer_id.empty()) return forbidden("no sync for this caller");
    constexpr int page = 500;
    auto changes = tx.changes_since(p.employer_id, *cursor, page);
    if (!changes) return changes.error();
    std::int64_t next = changes->empty() ? *cursor : changes->back().seq;
    if (p.role == Role::kiosk) return json{{"cursor", next}, {"changed", !changes->empty()}, {"more", changes->size() == page}};
    json out = json::array();
    for (const auto& c : *changes) {
        if (c.kind != "entry" && c.kind != "worker") continue;
        if (!visible_worker(ctx, tx, p, c.worker_id)) continue;
        json object;
        if (c.kind == "entry") {
            auto e = tx.entry(p.employer_id, c.object_id);
            if (!e) return e.error();
            if (!*e) continue;
            object = wire::to_json(**e);
        } else {
            auto w = tx.worker(p.employer_id, c.object_id);
            if (!w) return w.error();
            if (!*w) continue;
            object = wire::to_json(**w);
        }
        out.push_back({{"seq", c.seq}, {"kind", c.kind}, {"id", c.object_id}, {"object", object}});
    }
    return json{{"cursor", next}, {"changes", out}, {"more", changes->size() == page}};
}


Result<json> verify_audit(Transaction& tx, const std::string& employer_id) {
    std::string prev(64, '0');
    std::int64_t after = 0, records = 0;
    for (;;) {
        auto batch = tx.audit_log(employer_id, after, 1000);
        if (!batch) return batch.error();
        for (const auto& a : *batch) {
            // An erased record keeps only the digest of its content; any other must still match it.
            const bool content_intact = a.erased || a.content_sha256 == audit_content_sha256(a.before_json, a.after_json);
            std::string expected = audit_hash(prev, a.employer_id, a.at, a.actor, a.action, a.target, a.content_sha256);
            if (!content_intact || a.prev_hash != prev || a.hash != expected)
                return json{{"ok", false}, {"records", records}, {"broken_at", a.seq}};
            prev = a.hash;
            after = a.seq;
            ++records;
        }
        if (batch->size() < 1000) break;
    }
    return json{{"ok", true}, {"records", records}, {"broken_at", nullptr}};
}

// A device on the wire: never its token (only its hash is stored).
json device_json(const DeviceRecord& d, const char* label_key) {
    json out = {{"id", d.id}, {label_key, d.label}, {"revoked", d.revoked}};
    if (!d.languages.empty()) out["languages"] = d.language_list();
    return out;
}

// Kiosk devices and provider keys share their life cycle: HR creates one (the secret is shown once)
// and revokes it.
void install_device_routes(httplib::Server& http, ApiContext& ctx, const std::string& path, const std::string& table,
                           const char* label_key) {
    http.Post(path, [&ctx, table, label_key](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) -> Result<Answer> {
            if (!may_administer(p, p.employer_id)) return forbidden("only HR manages devices and keys");
            const bool kiosk = table == "kiosk_devices";
            DeviceRecord d{(kiosk ? "k-" : "pk-") + random_token().substr(0, 12), p.employer_id, "", false, ""};
            json record = {{"id", d.id}};
            if (kiosk) {
                auto device = requests::kiosk_device(body);
                if (!device) return device.error();
                d.label = device->site;
                for (const auto& l : device->languages) d.languages += (d.languages.empty() ? "" : ",") + l;
                record["languages"] = device->languages;
            } else {
                auto label = requests::label(body, label_key);
                if (!label) return label.error();
                d.label = *label;
            }
            record[label_key] = d.label;
            const std::string secret = random_token();
            auto r = kiosk ? tx.insert_kiosk(d, sha256_hex(secret), p.account_id, ctx.timestamp())
                                              : tx.insert_provider_key(d, sha256_hex(secret), p.account_id, ctx.timestamp());
            if (!r) return r.error();
            if (auto j = journal(ctx, tx, p, table + ".create", table, d.id, "", nullptr, record); !j) return j.error();
            record["token"] = secret;  // shown once, never stored
            return Answer{201, record};
        });
    });
    http.Get(path, [&ctx, table, label_key](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            if (!may_administer(p, p.employer_id)) return forbidden("only HR manages devices and keys");
            auto devices = table == "kiosk_devices" ? tx.kiosk_devices(p.employer_id) : tx.provider_keys(p.employer_id);
            if (!devices) return devices.error();
            json items = json::array();
            for (const auto& d : *devices) items.push_back(device_json(d, label_key));
            return json{{"items", items}};
        });
    });
    http.Delete(path + R"(/([A-Za-z0-9_-]{1,64}))", [&ctx, table](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) -> Result<Answer> {
            if (!may_administer(p, p.employer_id)) return forbidden("only HR manages devices and keys");
            auto revoked = table == "kiosk_devices" ? tx.revoke_kiosk(p.employer_id, req.matches[1], ctx.timestamp())
                                                    : tx.revoke_provider_key(p.employer_id, req.matches[1], ctx.timestamp());
            if (!revoked) return revoked.error();
            if (!*revoked) return not_found("device or key");
            if (auto j = journal(ctx, tx, p, table + ".revoke", table, req.matches[1], "", nullptr, {{"revoked", true}}); !j) return j.error();
            return Answer{200, {{"id", req.matches[1]}, {"revoked", true}}};
        }, Body::optional_json);
    });
}

Result<Answer> provider_training(ApiContext& ctx, Transaction& tx, const Principal& p, const json& body) {
    if (p.role != Role::provider) return forbidden("only provider keys push trainings here");
    if (!body.is_object()) return make_error("wrong_type", "expected a JSON object");
    if (body.contains("worker_id") || body.contains("certificate_id"))
        return make_error("unknown_field", "providers identify workers by national number", body.contains("worker_id") ? "worker_id" : "certificate_id");
    auto nn_field = body.find("national_number");
    if (nn_field == body.end() || !nn_field->is_string()) return make_error("missing_field", "the national number is required", "national_number");
    auto nn = NationalNumber::parse(nn_field->get<std::string>(), "national_number");
    if (!nn) return nn.error();
    json rest = body;
    rest.erase("national_number");
    auto t = requests::training(rest);
    if (!t) return t.error();
    auto w = tx.worker_by_national_number(p.employer_id, nn->digits());
    if (!w) return w.error();
    if (!*w) return make_error("not_found", "no worker with this national number", "national_number");
    EntryRecord e = requests::training_entry(*t);
    e.entry.id = new_id("e-");
    e.entry.status = EntryStatus::submitted;
    e.employer_id = p.employer_id;
    e.worker_id = (*w)->id;
    if (e.provider.empty()) e.provider = "provider " + p.account_id;
    e.created_by = p.account_id;
    e.created_at = ctx.timestamp();
    if (auto r = tx.insert_entry(e); !r) return r.error();
    json out = wire::to_json(e);
    if (auto r = journal(ctx, tx, p, "entry.provider_push", "entry", e.entry.id, e.worker_id, nullptr, out); !r) return r.error();
    return Answer{201, out};
}

}  // namespace

void install_admin_routes(httplib::Server& http, ApiContext& ctx) {
    http.Get("/api/v1/sync", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) { return sync(ctx, tx, p, req); });
    });
    http.Get("/api/v1/audit", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            if (!may_administer(p, p.employer_id)) return forbidden("only HR reads the audit log");
            auto after = cursor_param(req, "after");
            if (!after) return after.error();
            auto records = tx.audit_log(p.employer_id, *after, 200);
            if (!records) return records.error();
            json items = json::array();
            for (const auto& a : *records) items.push_back(audit_json(a));
            return json{{"items", items}};
        });
    });
    http.Get("/api/v1/audit/verify", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) -> Result<json> {
            if (!may_administer(p, p.employer_id)) return forbidden("only HR reads the audit log");
            return verify_audit(tx, p.employer_id);
        });
    });
    install_device_routes(http, ctx, "/api/v1/kiosk-devices", "kiosk_devices", "site");
    install_device_routes(http, ctx, "/api/v1/provider-keys", "provider_keys", "name");
    http.Post("/api/v1/provider/trainings", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json& body) { return provider_training(ctx, tx, p, body); });
    });
}

}  // namespace ll::server
