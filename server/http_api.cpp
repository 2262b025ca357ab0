// Route handlers. Every answer under /api is JSON; every error uses the documented envelope and
// names the field; logs carry method, path, status and time, never bodies or query strings.
#include "http_api.h"

#include <chrono>
#include <cstdio>

#include <httplib.h>

#include "wire.h"

namespace ll::server {
namespace {

using nlohmann::json;

constexpr const char* json_type = "application/json; charset=utf-8";

void send_json(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_content(body.dump(), json_type);
}

void send_error(httplib::Response& res, const Error& e) { send_json(res, status_for(e), wire::to_json(e)); }

bool is_api(const std::string& path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

Result<int> year_param(const httplib::Request& req) {
    if (!req.has_param("year")) return make_error("missing_field", "the year is required", "year");
    const std::string v = req.get_param_value("year");
    if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos)
        return make_error("wrong_type", "expected a four-digit year", "year");
    return std::stoi(v);
}

void entitlement(const ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto year = year_param(req);
    if (!year) return send_error(res, year.error());
    const std::string worker = req.matches[1];
    auto src = ctx.store->entitlement_source(worker, *year);
    if (!src) return send_error(res, src.error());
    if (!*src) return send_error(res, make_error("not_found", "no such worker", "worker"));
    auto rules = ctx.rule_sets.find((*src)->rule_set);
    if (rules == ctx.rule_sets.end())
        return send_error(res, make_error("storage_error", "the employer's rule set is not available"));
    // A year outside the rule set is the clearer answer than a missing company size.
    if (auto covered = rules->second->covers(*year); !covered) return send_error(res, covered.error());
    if (!(*src)->company_fte)
        return send_error(res, make_error("not_found", "no company size is recorded for that year", "year"));
    auto e = compute_entitlement(*rules->second, EntitlementInput{*year, *(*src)->company_fte, (*src)->employment});
    if (!e) return send_error(res, e.error());
    send_json(res, 200, wire::to_json(*e));
}

void serve_static(const ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const StaticFile* f = ctx.web ? ctx.web->find(req.path) : nullptr;
    if (!f) {
        res.status = 404;
        res.set_content("not found\n", "text/plain; charset=utf-8");
        return;
    }
    res.set_header("ETag", f->etag);
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Vary", "Accept-Encoding");
    if (req.get_header_value("If-None-Match") == f->etag) {
        res.status = 304;
        return;
    }
    res.status = 200;
    bool gzip = !f->gzip_body.empty() && req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
    if (!gzip) return res.set_content(f->body, f->content_type.c_str());
    // A sized content provider is sent as is: httplib would otherwise compress text types again.
    res.set_header("Content-Encoding", "gzip");
    res.set_content_provider(f->gzip_body.size(), f->content_type.c_str(),
                             [f](size_t offset, size_t length, httplib::DataSink& sink) {
                                 return sink.write(f->gzip_body.data() + offset, length);
                             });
}

void add_security_headers(httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    // WebAssembly compilation needs 'wasm-unsafe-eval'; the shell's one inline style block needs 'unsafe-inline'.
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                   "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                   "frame-ancestors 'none'; form-action 'self'");
}

}  // namespace

int status_for(const Error& e) {
    if (e.code == "not_found") return 404;
    if (e.code == "storage_error") return 503;
    if (e.code == "method_not_allowed") return 405;
    if (e.code == "too_large") return 413;
    return 400;
}

void install_routes(httplib::Server& http, const ApiContext& ctx) {
    http.set_payload_max_length(1 << 20);

    http.Get("/api/v1/health", [&ctx](const httplib::Request&, httplib::Response& res) {
        auto version = ctx.store->schema_version();
        if (!version) return send_error(res, version.error());
        send_json(res, 200, {{"status", "ok"}, {"schema_version", *version}});
    });
    http.Get(R"(/api/v1/workers/([A-Za-z0-9_-]{1,64})/entitlement)",
             [&ctx](const httplib::Request& req, httplib::Response& res) { entitlement(ctx, req, res); });
    http.Get(".*", [&ctx](const httplib::Request& req, httplib::Response& res) {
        if (is_api(req.path)) return send_error(res, make_error("not_found", "no such API path"));
        serve_static(ctx, req, res);
    });

    // Anything unmatched (other methods, unknown paths) under /api answers in the JSON envelope.
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!is_api(req.path) || !res.body.empty()) return;
        Error e = res.status == 404 ? make_error("not_found", "no such API path")
                : res.status == 413 ? make_error("too_large", "the request body is too large")
                                    : make_error("bad_request", "the request could not be handled");
        res.set_content(wire::to_json(e).dump(), json_type);
    });
    http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) { add_security_headers(res); });
    if (ctx.access_log) {
        http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            std::fprintf(stderr, "%s %s %d\n", req.method.c_str(), req.path.c_str(), res.status);
        });
    }
}

}  // namespace ll::server
