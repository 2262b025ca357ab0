// The PIN leaves the state as soon as it is sent; a new display's token is kept only until HR
// dismisses it; a refusal is shown as it came and nothing is retried in silence.
#include "kiosk_account_update.h"

#include <algorithm>

#include "overloaded.h"

namespace ll::ui {

namespace {

using Commands = std::vector<Command>;

Command send(KioskAccountCommand c) { return WorkspaceCommand{std::move(c)}; }

PlannedSession* session_of(KioskAccountState& k, const std::string& id) {
    auto it = std::find_if(k.sessions.begin(), k.sessions.end(), [&](const PlannedSession& p) { return p.session.id == id; });
    return it == k.sessions.end() ? nullptr : &*it;
}

void put_session(KioskAccountState& k, const PlannedSession& p) {
    if (PlannedSession* existing = session_of(k, p.session.id)) *existing = p;
    else k.sessions.push_back(p);
    std::stable_sort(k.sessions.begin(), k.sessions.end(), [](const PlannedSession& a, const PlannedSession& b) {
        return a.session.date != b.session.date ? a.session.date < b.session.date : a.session.start_minute < b.session.start_minute;
    });
}

}  // namespace

bool may_manage_kiosks(const AppState& s) { return s.session && (s.session->role == "hr" || s.session->role == "operator"); }

Commands load_worker_badge(AppState& s, const std::string& worker_id) {
    KioskAccountState& k = s.workspace.kiosk;
    k.badge_worker = worker_id;
    k.worker_badge = {};
    k.badge_field.clear();
    k.saving_badge = k.badge_saved = false;
    k.badge_error.reset();
    if (!may_manage_kiosks(s)) return {};
    return {send(FetchWorkerBadge{worker_id})};
}

Commands load_kiosk_account(AppState& s) {
    KioskAccountState& k = s.workspace.kiosk;
    k.load = LoadState::loading;
    k.error.reset();
    Commands out{send(FetchSessions{})};
    if (s.session && !s.session->worker_id.empty()) out.push_back(send(FetchMyBadge{}));
    if (may_manage_kiosks(s)) out.push_back(send(FetchKioskDevices{}));
    return out;
}

Commands update_kiosk_account(AppState& s, const KioskAccountAction& action) {
    KioskAccountState& k = s.workspace.kiosk;
    return std::visit(
        Overloaded{
            [&](const BadgeLoaded& a) -> Commands {
                k.badge = a.badge;
                return {};
            },
            [&](const SessionsLoaded& a) -> Commands {
                k.sessions = a.sessions;
                k.load = LoadState::loaded;
                return {};
            },
            [&](const DevicesLoaded& a) -> Commands {
                k.devices = a.devices;
                return {};
            },
            [&](const EditPin& a) -> Commands {
                // Digits only, as the kiosk's keypad has no others.
                k.pin.clear();
                for (char c : a.text)
                    if (c >= '0' && c <= '9' && k.pin.size() < 8) k.pin.push_back(c);
                k.pin_saved = false;
                return {};
            },
            [&](const SavePin&) -> Commands {
                if (k.saving_pin || k.pin.empty()) return {};
                k.saving_pin = true;
                k.error.reset();
                Commands out{send(SendPin{k.pin})};
                k.pin.clear();
                return out;
            },
            [&](const PinSaved& a) -> Commands {
                k.badge = a.badge;
                k.saving_pin = false;
                k.pin_saved = true;
                return {};
            },
            [&](const TakePlace& a) -> Commands {
                if (!session_of(k, a.id) || !k.busy.insert(a.id).second) return {};
                k.error.reset();
                return {send(SendPlace{a.id, a.take})};
            },
            [&](const PlaceChanged& a) -> Commands {
                k.busy.erase(a.session.session.id);
                put_session(k, a.session);
                return {};
            },
            [&](const EditNewDevice& a) -> Commands {
                k.new_site = a.site.substr(0, 100);
                return {};
            },
            [&](const ToggleDeviceLanguage& a) -> Commands {
                auto it = std::find(k.new_languages.begin(), k.new_languages.end(), a.code);
                if (it != k.new_languages.end()) {
                    if (k.new_languages.size() > 1) k.new_languages.erase(it);  // a display speaks at least one
                } else {
                    k.new_languages.push_back(a.code);
                }
                return {};
            },
            [&](const CreateDevice& a) -> Commands {
                if (k.creating_device || !may_manage_kiosks(s)) return {};
                k.creating_device = true;
                k.error.reset();
                return {send(SendNewDevice{k.new_site, k.new_languages, a.key})};
            },
            [&](const DeviceCreated& a) -> Commands {
                k.creating_device = false;
                k.devices.push_back(a.device);
                k.new_token = a.token;
                k.new_site.clear();
                return {};
            },
            [&](const DismissToken&) -> Commands {
                k.new_token.reset();
                return {};
            },
            [&](const RevokeDevice& a) -> Commands {
                if (!k.busy.insert(a.id).second) return {};
                k.error.reset();
                return {send(SendRevokeDevice{a.id})};
            },
            [&](const DeviceRevoked& a) -> Commands {
                k.busy.erase(a.id);
                for (auto& d : k.devices)
                    if (d.id == a.id) d.revoked = true;
                return {};
            },
            [&](const EditSessionDraft& a) -> Commands {
                k.draft = a.draft;
                return {};
            },
            [&](const PlanSession& a) -> Commands {
                if (k.planning || !may_manage_kiosks(s)) return {};
                k.planning = true;
                k.error.reset();
                return {send(SendSession{k.draft, a.key})};
            },
            [&](const SessionPlanned& a) -> Commands {
                k.planning = false;
                put_session(k, a.session);
                k.draft = SessionDraft{k.draft.site};  // the next one is often at the same site
                return {};
            },
            [&](const CancelSession& a) -> Commands {
                if (!k.busy.insert(a.id).second) return {};
                k.error.reset();
                return {send(SendCancelSession{a.id})};
            },
            [&](const SessionCancelled& a) -> Commands {
                k.busy.erase(a.id);
                k.sessions.erase(std::remove_if(k.sessions.begin(), k.sessions.end(), [&](const PlannedSession& p) { return p.session.id == a.id; }),
                                 k.sessions.end());
                return {};
            },
            [&](const WorkerBadgeLoaded& a) -> Commands {
                if (a.worker_id != k.badge_worker) return {};
                k.worker_badge = a.badge;
                k.badge_field = a.badge.badge.value_or("");
                return {};
            },
            [&](const EditWorkerBadge& a) -> Commands {
                k.badge_field.clear();
                for (char c : a.text)
                    if (c >= '0' && c <= '9' && k.badge_field.size() < 12) k.badge_field.push_back(c);
                k.badge_saved = false;
                return {};
            },
            [&](const SaveWorkerBadge&) -> Commands {
                if (k.saving_badge || k.badge_worker.empty() || !may_manage_kiosks(s)) return {};
                k.saving_badge = true;
                k.badge_error.reset();
                return {send(SendWorkerBadge{k.badge_worker, k.badge_field})};
            },
            [&](const WorkerBadgeSaved& a) -> Commands {
                if (a.worker_id != k.badge_worker) return {};
                k.saving_badge = false;
                k.badge_saved = true;
                k.worker_badge = a.badge;
                return {};
            },
            [&](const WorkerBadgeFailed& a) -> Commands {
                if (a.worker_id != k.badge_worker) return {};
                k.saving_badge = false;
                k.badge_error = a.error;
                return {};
            },
            [&](const KioskAccountFailed& a) -> Commands {
                k.busy.erase(a.id);
                k.saving_pin = k.creating_device = k.planning = false;
                if (k.load == LoadState::loading) k.load = LoadState::failed;
                k.error = a.error;
                return {};
            },
        },
        action);
}

}  // namespace ll::ui
