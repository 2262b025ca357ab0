// Route installation, the static bundle, and what every answer carries: JSON errors under /api,
// security headers everywhere, and an access log of method, path and status only (no query
// strings, no bodies: nothing personal reaches the log).
#include "http_api.h"

#include <cstdio>

#include "access_log.h"
#include "answer_compression.h"
#include "wire.h"

namespace ll::server {
namespace {

bool is_api(const std::string& path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

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
    res.set_content_provider(f->gzip_body.size(), f->content_type.c_str(), [f](size_t offset, size_t length, httplib::DataSink& sink) {
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

void install_routes(httplib::Server& http, ApiContext& ctx) {
    http.set_payload_max_length(ctx.settings.max_upload_bytes + 1024);

    http.Get("/api/v1/health", [&ctx](const httplib::Request&, httplib::Response& res) {
        auto version = ctx.store->schema_version();
        if (!version) return send_error(res, version.error());
        send_json(res, 200, {{"status", "ok"}, {"schema_version", *version}});
    });
    install_session_routes(http, ctx);
    install_worker_routes(http, ctx);
    install_entry_routes(http, ctx);
    install_admin_routes(http, ctx);
    install_privacy_routes(http, ctx);
    install_workspace_routes(http, ctx);
    install_export_routes(http, ctx);
    install_import_routes(http, ctx);
    install_notification_routes(http, ctx);
    install_training_plan_routes(http, ctx);
    install_statement_routes(http, ctx);
    install_kiosk_routes(http, ctx);
    install_training_session_routes(http, ctx);
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
    http.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        add_security_headers(res);
        compress_json_answer(req, res);
    });
    if (ctx.access_log) {
        http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            std::fprintf(stderr, "%s\n", access_log_line(req.method, req.path, res.status).c_str());
        });
    }
}

}  // namespace ll::server
