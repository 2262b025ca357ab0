// Mails go out after the transaction commits, so a slow or failing SMTP server never holds the
// write lock; a failed mail keeps its notification (in the app) and records the error.
#include "reminder_run.h"

#include <map>
#include <optional>

#include "approval.h"
#include "reminder_message.h"
#include "reminders.h"
#include "team_row.h"
#include "worker_figures.h"

namespace ll::server {
namespace {

struct Outgoing {
    std::int64_t id = 0;
    std::string to;
    ui::ReminderMessage message;
};

Result<ReminderFacts> reminder_facts(ApiContext& ctx, Transaction& tx, const std::string& employer_id) {
    ReminderFacts f;
    f.today = ctx.today();
    auto facts = employer_facts(ctx, tx, employer_id);
    if (!facts) return facts.error();
    auto compliance = compliance_facts(tx, employer_id, *facts);
    if (!compliance) return compliance.error();
    f.duties = evaluate_compliance(*facts->rules, *compliance, f.today).groups;
    auto workers = tx.workers(employer_id, WorkerFilter{});
    if (!workers) return workers.error();
    std::map<std::string, const WorkerRecord*> by_id;
    for (const auto& w : *workers) {
        by_id[w.id] = &w;
        if (status_on(employment_of(*facts, w.id), w.termination, f.today) == WorkerStatus::active) f.workers.push_back(w.id);
    }
    auto approvers = employer_approvers(tx, employer_id);
    if (!approvers) return approvers.error();
    auto waiting = tx.entries_with_status(employer_id, EntryStatus::submitted);
    if (!waiting) return waiting.error();
    for (const auto& e : *waiting) {
        auto w = by_id.find(e.worker_id);
        if (w == by_id.end()) return not_found("worker", "worker");
        auto submitted = CivilDate::parse(e.created_at.substr(0, 10));
        f.waiting.push_back({e.entry.id, submitted ? *submitted : f.today, deciders_on(approval_case(e, approvers->scope_of(*w->second)), f.today)});
    }
    auto entries = tx.entries_of_employer(employer_id, every_worker);
    if (!entries) return entries.error();
    for (const auto& [worker, list] : *entries)
        for (const auto& e : list)
            if (e.certificate_valid_until && e.entry.status == EntryStatus::approved)
                f.certificates.push_back({worker, e.entry.id, e.entry.title, *e.certificate_valid_until});
    return f;
}

// HR reminders go to every HR account of the employer; the others to the person's own accounts.
bool is_recipient(const AccountRecord& a, const Reminder& r) {
    return r.worker_id.empty() ? a.role == "hr" : a.worker_id == r.worker_id;
}

Result<std::vector<Outgoing>> store_notifications(ApiContext& ctx, const std::string& employer_id, ReminderRun& run) {
    auto tx = ctx.store->write(Batching::alone);
    if (!tx) return tx.error();
    auto facts = reminder_facts(ctx, **tx, employer_id);
    if (!facts) return facts.error();
    auto accounts = (*tx)->accounts_of_employer(employer_id);
    if (!accounts) return accounts.error();
    const auto reminders = plan_reminders(*facts);
    run.planned = static_cast<int>(reminders.size());
    std::vector<Outgoing> out;
    for (const auto& r : reminders) {
        for (const auto& a : *accounts) {
            if (!is_recipient(a, r)) continue;
            ui::LanguageScope language(ui::language_from(a.language).value_or(ui::Language::en));
            ui::ReminderMessage m = ui::reminder_message(r, ctx.settings.app_url);
            NotificationRecord n{0, employer_id, a.id, r.key, to_string(r.kind), m.subject, m.body, ctx.timestamp()};
            auto id = (*tx)->insert_notification(n);
            if (!id) return id.error();
            if (*id == 0) continue;
            ++run.created;
            out.push_back({*id, a.email, std::move(m)});
        }
    }
    if (auto c = (*tx)->commit(); !c) return c.error();
    return out;
}

}  // namespace

Result<ReminderRun> run_reminders(ApiContext& ctx, const std::string& employer_id) {
    ReminderRun run;
    auto outgoing = store_notifications(ctx, employer_id, run);
    if (!outgoing) return outgoing.error();
    if (ctx.settings.smtp.url.empty() || outgoing->empty()) return run;
    std::vector<std::pair<std::int64_t, std::string>> results;  // id -> error ("" when sent)
    // Once the mail server cannot be reached, the rest are not tried: each would wait as long again
    // (30 s for one that never answers). They stay in the app, marked with why.
    std::optional<Error> unreachable;
    for (const auto& o : *outgoing) {
        auto sent = unreachable ? Result<bool>(*unreachable) : send_mail(ctx.settings.smtp, Mail{o.to, o.message.subject, o.message.body}, ctx.now());
        if (!sent && sent.error().code == "mail_server_unreachable") unreachable = sent.error();
        results.emplace_back(o.id, sent ? std::string() : sent.error().message.substr(0, 300));
        if (sent) ++run.emailed;
        else ++run.failed;
    }
    auto tx = ctx.store->write();
    if (!tx) return tx.error();
    for (const auto& [id, error] : results)
        if (auto r = (*tx)->mark_notification_emailed(id, ctx.timestamp(), error); !r) return r.error();
    if (auto c = (*tx)->commit(); !c) return c.error();
    return run;
}

ReminderTimer::ReminderTimer(ApiContext& ctx, int seconds)
    : thread_([this, &ctx, seconds] {
          std::unique_lock lock(mutex_);
          while (!stop_) {
              lock.unlock();
              run_all_reminders(ctx);
              lock.lock();
              wake_.wait_for(lock, std::chrono::seconds(seconds), [this] { return stop_; });
          }
      }) {}

ReminderTimer::~ReminderTimer() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

ReminderRun run_all_reminders(ApiContext& ctx) {
    ReminderRun total;
    std::vector<std::string> employers;
    if (auto tx = ctx.store->read()) {
        if (auto ids = (*tx)->employer_ids()) employers = std::move(*ids);
    }
    for (const auto& id : employers) {
        auto r = run_reminders(ctx, id);
        if (!r) {
            ++total.failed;
            continue;
        }
        total.planned += r->planned;
        total.created += r->created;
        total.emailed += r->emailed;
        total.failed += r->failed;
    }
    return total;
}

}  // namespace ll::server
