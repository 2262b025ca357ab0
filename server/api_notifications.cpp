// Notifications in the app: each person reads their own (newest first) and marks them read; HR can
// run today's reminders for their employer at once instead of waiting for the server's timer.
#include <optional>

#include "api_support.h"
#include "reminder_run.h"
#include "request_fiber.h"
#include "workspace_wire.h"

namespace ll::server {

using nlohmann::json;

namespace {

constexpr int notifications_shown = 50;

Result<json> my_notifications(Transaction& tx, const Principal& p) {
    if (auto ok = require_person_with_employer(p); !ok) return ok.error();
    auto stored = tx.notifications(p.account_id, notifications_shown);
    if (!stored) return stored.error();
    std::vector<NotificationItem> items;
    for (const auto& n : *stored) items.push_back({n.id, n.kind, n.subject, n.body, n.created_at, !n.read_at.empty()});
    return wire::to_json(items);
}

Result<Answer> mark_read(ApiContext& ctx, Transaction& tx, const Principal& p, const std::string& id) {
    if (auto ok = require_person_with_employer(p); !ok) return ok.error();
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) return not_found("notification", "id");
    auto marked = tx.mark_notification_read(p.account_id, std::stoll(id), ctx.timestamp());
    if (!marked) return marked.error();
    if (!*marked) return not_found("notification", "id");  // somebody else's, or none
    return Answer{200, json{{"id", std::stoll(id)}, {"read", true}}};
}

}  // namespace

void install_notification_routes(httplib::Server& http, ApiContext& ctx) {
    http.Get("/api/v1/notifications", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_read(ctx, req, res, [&](Transaction& tx, const Principal& p) { return my_notifications(tx, p); });
    });
    http.Post(R"(/api/v1/notifications/([0-9]{1,18})/read)", [&ctx](const httplib::Request& req, httplib::Response& res) {
        answer_write(ctx, req, res, [&](Transaction& tx, const Principal& p, const json&) { return mark_read(ctx, tx, p, req.matches[1]); },
                     Body::optional_json);
    });
    // Not through answer_write: the run opens its own transactions and mails between them. On a
    // thread of its own: a fiber's thread would wait with it for the mail server, and the disk.
    http.Post("/api/v1/reminders/run", [&ctx](const httplib::Request& req, httplib::Response& res) {
        auto p = authenticate(ctx, req, true);
        if (!p) return send_error(res, p.error());
        if (!may_administer(*p, p->employer_id)) return send_error(res, forbidden("only HR runs reminders"));
        std::optional<Result<ReminderRun>> run;
        run_aside([&] { run = run_reminders(ctx, p->employer_id); });
        if (!*run) return send_error(res, run->error());
        const ReminderRun& r = **run;
        send_json(res, 200, json{{"planned", r.planned}, {"created", r.created}, {"emailed", r.emailed}, {"failed", r.failed}});
    });
}

}  // namespace ll::server
