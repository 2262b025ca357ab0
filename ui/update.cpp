// State transitions of the app. Answers for a year no longer shown are dropped, so a slow
// response can never overwrite the figure of the year the user moved to; an expired session
// sends the user back to sign-in with a plain message.
#include "update.h"

#include <algorithm>

#include "offline_snapshot.h"
#include "overloaded.h"
#include "submit_form.h"
#include "workspace_update.h"

namespace ll::ui {
namespace {

std::vector<Command> load_year(AppState& s) {
    s.error.reset();
    if (s.view && s.view->year != s.year) s.view.reset();
    if (!s.session || s.session->worker_id.empty()) {
        s.load = LoadState::idle;
        return {};
    }
    s.load = LoadState::loading;
    return {FetchYear{s.year}};
}

Command save() { return SaveOffline{}; }

const YearView* saved_view(const AppState& s, int year) {
    for (const auto& v : s.saved_views)
        if (v.year == year) return &v;
    return nullptr;
}

std::vector<Command> send_outbox(AppState& s) {
    std::vector<Command> out;
    for (auto& q : s.outbox) {
        if (q.sending || q.refused) continue;
        q.sending = true;
        out.push_back(SendTraining{q.body, q.with_certificate, q.key, q.with_certificate});
    }
    return out;
}

std::vector<Command> enter(AppState& s, SessionInfo session) {
    if (s.owner != session.account_id) {  // data saved for another account is not this one's
        s.saved_views.clear();
        s.outbox.clear();
    }
    s.owner = session.account_id;
    s.offline = false;
    s.session = std::move(session);
    s.session->csrf_token.clear();  // the host keeps it; the UI has no use for it
    s.sign_in = SignInForm{s.sign_in.email, "", s.sign_in.remember, false, std::nullopt};
    s.screen = Screen::balance;
    s.year = std::clamp(s.today.year(), s.first_year, s.last_year);
    auto commands = load_year(s);
    commands.push_back(save());
    for (auto& c : load_messages(s)) commands.push_back(std::move(c));
    // Trainings kept while offline go out once the server has confirmed who is signed in.
    auto kept = send_outbox(s);
    commands.insert(commands.end(), kept.begin(), kept.end());
    return commands;
}

// No network: show what the device saved for the year, marked as such.
bool show_saved(AppState& s) {
    const YearView* saved = saved_view(s, s.year);
    if (!saved) return false;
    s.view = *saved;
    s.offline = true;
    s.load = LoadState::loaded;
    s.error.reset();
    return true;
}

QueuedTraining* queued(AppState& s, const std::string& key) {
    for (auto& q : s.outbox)
        if (!key.empty() && q.key == key) return &q;
    return nullptr;
}

// Removes a kept training and the file kept with it, and saves the device's copy.
std::vector<Command> drop_queued(AppState& s, const std::string& key) {
    s.outbox.erase(std::remove_if(s.outbox.begin(), s.outbox.end(), [&](const QueuedTraining& q) { return q.key == key; }),
                   s.outbox.end());
    return {save(), ForgetCertificate{key}};
}

void leave(AppState& s, std::optional<Error> why) {
    s.session.reset();
    s.section = Section::mine;
    s.workspace = Workspace{};
    s.view.reset();
    s.history_filter = HistoryFilter{};
    s.thumbnails.clear();
    s.tab = Tab::balance;
    s.load = LoadState::idle;
    s.show_explanation = false;
    s.screen = Screen::sign_in;
    s.sign_in.password.clear();
    s.sign_in.busy = false;
    s.sign_in.error = std::move(why);
}

void show_tab(AppState& s, Tab tab, bool explanation) {
    s.tab = tab;
    s.show_explanation = tab == Tab::balance && explanation;
    if (tab == Tab::submit && s.submit.date.empty()) s.submit.date = s.today.iso();
}

// Pictures for the certificates of the year shown, each fetched once (again after a failure).
void request_thumbnails(AppState& s, std::vector<Command>& out) {
    if (!s.view) return;
    for (const auto& e : s.view->entries) {
        if (e.certificate_id.empty()) continue;
        auto it = s.thumbnails.find(e.certificate_id);
        if (it != s.thumbnails.end() && it->second.kind != Thumbnail::Kind::unavailable) continue;
        s.thumbnails[e.certificate_id] = Thumbnail{};
        out.push_back(LoadThumbnail{e.certificate_id});
    }
}

bool session_lost(const Error& e) { return e.code == "unauthenticated" || e.code == "session_expired"; }

// The error a failed workspace request carries, if the action is one.
const Error* failure_of(const WorkspaceAction& a) {
    if (const auto* f = std::get_if<WorkspaceFailed>(&a)) return &f->error;
    if (const auto* f = std::get_if<DecisionFailed>(&a)) return &f->error;
    return nullptr;
}

}  // namespace

AppState initial_state(const CivilDate& today, int first_year, int last_year, Language language) {
    AppState s;
    s.today = today;
    s.language = language;
    s.first_year = first_year;
    s.last_year = last_year;
    s.year = std::clamp(today.year(), first_year, last_year);
    return s;
}

std::vector<Command> start(AppState&) { return {CheckSession{}}; }

Action with_key(Action action, const std::function<std::string()>& fresh) {
    auto fill = [&](std::string& key) {
        if (key.empty()) key = fresh();
    };
    if (auto* a = std::get_if<SubmitTraining>(&action)) fill(a->key);
    if (auto* w = std::get_if<WorkspaceAction>(&action)) {
        if (auto* a = std::get_if<Decide>(w)) fill(a->key);
        if (auto* a = std::get_if<ConfirmBulkApprove>(w)) fill(a->key);
        if (auto* a = std::get_if<MarkDone>(w)) fill(a->key);
        if (auto* a = std::get_if<ApplyImport>(w)) fill(a->key);
        if (auto* a = std::get_if<SavePlan>(w)) fill(a->key);
        if (auto* k = std::get_if<KioskAccountAction>(w)) {
            if (auto* a = std::get_if<CreateDevice>(k)) fill(a->key);
            if (auto* a = std::get_if<PlanSession>(k)) fill(a->key);
        }
    }
    return action;
}

std::vector<Command> update(AppState& s, const Action& action) {
    using Commands = std::vector<Command>;
    return std::visit(
        Overloaded{
            [&](const SessionChecked& a) -> Commands {
                if (a.session) return enter(s, *a.session);
                leave(s, std::nullopt);
                return {};
            },
            [&](const EditEmail& a) -> Commands {
                s.sign_in.email = a.text.substr(0, 254);
                return {};
            },
            [&](const EditPassword& a) -> Commands {
                s.sign_in.password = a.text.substr(0, 1024);
                return {};
            },
            [&](const SetRemember& a) -> Commands {
                s.sign_in.remember = a.remember;
                return {};
            },
            [&](const SubmitSignIn&) -> Commands {
                if (s.sign_in.busy) return {};
                if (s.sign_in.email.find('@') == std::string::npos) {
                    s.sign_in.error = make_error("wrong_type", "enter your e-mail address", "email");
                    return {};
                }
                if (s.sign_in.password.empty()) {
                    s.sign_in.error = make_error("missing_field", "enter your password", "password");
                    return {};
                }
                s.sign_in.busy = true;
                s.sign_in.error.reset();
                return {SendSignIn{s.sign_in.email, s.sign_in.password, s.sign_in.remember}};
            },
            [&](const SignedIn& a) -> Commands { return enter(s, a.session); },
            [&](const SignInFailed& a) -> Commands {
                s.sign_in.busy = false;
                s.sign_in.password.clear();
                s.sign_in.error = a.error;
                return {};
            },
            [&](const SignOut&) -> Commands {
                Commands out{SendSignOut{}, SaveOffline{}};  // nothing personal stays on the device
                for (const auto& q : s.outbox)
                    if (q.with_certificate) out.push_back(ForgetCertificate{q.key});
                leave(s, std::nullopt);
                s.saved_views.clear();
                s.outbox.clear();
                s.owner.clear();
                return out;
            },
            [&](const OfflineRestored& a) -> Commands {
                if (!a.session) return {};
                s.session = a.session;
                s.owner = a.session->account_id;
                s.saved_views = a.views;
                s.outbox = a.outbox;
                return {};
            },
            [&](const ConnectionLost&) -> Commands {
                if (!s.session) {
                    leave(s, make_error("offline", "no connection to the server"));
                    return {};
                }
                s.screen = Screen::balance;
                s.year = std::clamp(s.today.year(), s.first_year, s.last_year);
                if (!show_saved(s)) {
                    s.offline = true;
                    s.load = LoadState::failed;
                    s.error = make_error("offline", "no connection to the server");
                }
                return {};
            },
            [&](const NetworkBack&) -> Commands {
                // Confirm the session first (it also brings the CSRF token); kept trainings follow.
                if (!s.session) return {};
                return {CheckSession{}};
            },
            [&](const SetLanguage& a) -> Commands {
                if (a.language == s.language) return {};
                s.language = a.language;
                return {RememberLanguage{a.language}};
            },
            [&](const SetHighContrast& a) -> Commands {
                if (a.on == s.high_contrast) return {};
                s.high_contrast = a.on;
                return {RememberHighContrast{a.on}};
            },
            [&](const SelectYear& a) -> Commands {
                int year = std::clamp(a.year, s.first_year, s.last_year);
                if (year == s.year && s.load != LoadState::failed) return {};
                s.year = year;
                return load_year(s);
            },
            [&](const SelectTab& a) -> Commands {
                show_tab(s, a.tab, false);
                return {};
            },
            [&](const EditForm& a) -> Commands {
                std::string* targets[] = {&s.submit.title, &s.submit.provider, &s.submit.date, &s.submit.end_date,
                                          &s.submit.hours, &s.submit.minutes, &s.submit.cost, &s.submit.certificate_valid_until};
                *targets[static_cast<int>(a.field)] = a.text.substr(0, 200);
                s.submit.sent_title.reset();
                return {};
            },
            [&](const SetTrainingType& a) -> Commands {
                if (a.type == "formal" || a.type == "informal") s.submit.training_type = a.type;
                return {};
            },
            [&](const PickCertificate&) -> Commands { return {OpenFilePicker{}}; },
            [&](const CertificatePicked& a) -> Commands {
                s.submit.certificate_name = a.name.substr(0, 200);
                s.submit.certificate_type = a.content_type;
                s.submit.certificate_size = a.size;
                if (s.submit.error && s.submit.error->field == "certificate") s.submit.error.reset();
                s.thumbnails[picked_certificate] = Thumbnail{};
                return {LoadThumbnail{picked_certificate}};
            },
            [&](const ClearCertificate&) -> Commands {
                s.submit.certificate_name.clear();
                s.submit.certificate_type.clear();
                s.submit.certificate_size = 0;
                s.thumbnails.erase(picked_certificate);
                return {};
            },
            [&](const SubmitTraining& a) -> Commands {
                if (s.submit.busy) return {};
                auto valid = validate_submission(s.submit);
                if (!valid) {
                    s.submit.error = valid.error();
                    return {};
                }
                s.submit.error.reset();
                s.submit.busy = true;
                s.sending = QueuedTraining{a.key, valid->body, valid->training.title, valid->training.date.iso(), valid->training.minutes,
                                           !s.submit.certificate_name.empty()};
                return {SendTraining{valid->body, !s.submit.certificate_name.empty(), a.key}};
            },
            [&](const TrainingSubmitted& a) -> Commands {
                if (queued(s, a.key)) {  // a kept training reached the server
                    auto out = load_year(s);
                    auto gone = drop_queued(s, a.key);
                    out.insert(out.end(), gone.begin(), gone.end());
                    return out;
                }
                s.sending.reset();
                s.thumbnails.erase(picked_certificate);
                const std::string date = s.submit.date;
                s.submit = SubmitForm{};
                s.submit.date = date;
                s.submit.sent_title = a.entry.entry.title;
                s.tab = Tab::history;
                s.year = std::clamp(a.entry.entry.date.year(), s.first_year, s.last_year);
                return load_year(s);
            },
            [&](const SubmitFailed& a) -> Commands {
                if (QueuedTraining* q = queued(s, a.key)) {
                    q->sending = false;
                    if (session_lost(a.error)) {
                        leave(s, make_error(a.error.code, "you were signed out; sign in again"));
                        return {};
                    }
                    if (a.error.code == "offline") return {};  // still no network: it stays kept
                    q->refused = a.error;  // shown plainly in the history, with a way to drop it
                    return {save()};
                }
                s.submit.busy = false;
                if (session_lost(a.error)) {
                    leave(s, make_error(a.error.code, "you were signed out; sign in again"));
                    return {};
                }
                if (a.error.code == "offline" && s.sending) {
                    // Kept on the device (with its certificate) and sent when the network is back, with the same key.
                    Commands out;
                    if (s.sending->with_certificate) out.push_back(KeepCertificate{a.key, s.session && s.session->persistent});
                    s.outbox.push_back(*s.sending);
                    const std::string date = s.submit.date;
                    s.submit = SubmitForm{};
                    s.submit.date = date;
                    s.submit.queued_title = s.sending->title;
                    s.sending.reset();
                    s.thumbnails.erase(picked_certificate);
                    s.offline = true;
                    out.push_back(save());
                    return out;
                }
                s.sending.reset();
                s.submit.error = a.error;
                return {};
            },
            [&](const ToggleExplanation&) -> Commands {
                s.show_explanation = !s.show_explanation;
                return {};
            },
            [&](const Retry&) -> Commands { return load_year(s); },
            [&](const Navigate& a) -> Commands {
                if (s.screen != Screen::balance) return {};
                if (a.section != Section::mine) {
                    if (a.section == s.section || !may_open(s, a.section)) return {};
                    return update_workspace(s, SelectSection{a.section});
                }
                s.section = Section::mine;
                show_tab(s, a.tab, a.explanation);
                // Decisions taken meanwhile changed the figures: the year view loads again.
                return s.load == LoadState::idle ? load_year(s) : Commands{};
            },
            [&](const WorkspaceAction& a) -> Commands {
                if (const Error* e = failure_of(a); e && session_lost(*e)) {
                    leave(s, make_error(e->code, "you were signed out; sign in again"));
                    return {};
                }
                auto out = update_workspace(s, a);
                // Back in "mine" after decisions: the year view reloads with the new figures.
                if (std::holds_alternative<SelectSection>(a) && s.section == Section::mine && s.load == LoadState::idle) {
                    auto more = load_year(s);
                    out.insert(out.end(), more.begin(), more.end());
                }
                return out;
            },
            [&](const EditSearch& a) -> Commands {
                s.history_filter.search = a.text.substr(0, 100);
                return {};
            },
            [&](const FilterStatus& a) -> Commands {
                s.history_filter.status = a.status;
                return {};
            },
            [&](const DiscardQueued& a) -> Commands {
                const QueuedTraining* q = queued(s, a.key);
                if (!q || !q->refused) return {};
                return drop_queued(s, a.key);
            },
            [&](const ThumbnailLoaded& a) -> Commands {
                // A picked file replaced or sent meanwhile: its picture is not wanted any more.
                if (!s.thumbnails.count(a.key)) return {};
                s.thumbnails[a.key] = a.thumbnail;
                return {};
            },
            [&](const YearLoaded& a) -> Commands {
                if (a.view.year != s.year || s.screen != Screen::balance) return {};
                s.view = a.view;
                s.load = LoadState::loaded;
                s.offline = false;
                s.error.reset();
                auto it = std::find_if(s.saved_views.begin(), s.saved_views.end(), [&](const YearView& v) { return v.year == a.view.year; });
                if (it != s.saved_views.end()) {
                    *it = a.view;
                } else {
                    s.saved_views.push_back(a.view);
                }
                Commands out{save()};
                request_thumbnails(s, out);
                return out;
            },
            [&](const RequestFailed& a) -> Commands {
                if (session_lost(a.error)) {
                    leave(s, make_error(a.error.code, "you were signed out; sign in again"));
                    return {};
                }
                if (a.year != s.year) return {};
                if (a.error.code == "offline" && show_saved(s)) return {};
                s.load = LoadState::failed;
                s.error = a.error;
                return {};
            },
        },
        action);
}

}  // namespace ll::ui
