// The kiosk as the app shows it: a worker's badge and the PIN they choose, trainings with free
// places they take or give back, and for HR the kiosk displays (created with a token shown once,
// revoked) and the trainings with places they plan. Plain values, actions and commands.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "message_variant.h"
#include "result.h"
#include "training_session.h"

namespace ll::ui {

enum class LoadState;

struct BadgeInfo {
    std::optional<std::string> badge;  // none until HR gives one
    bool pin_set = false;
    long long locked_seconds = 0;
};

struct PlannedSession {
    TrainingSession session;
    bool mine = false;  // the signed-in worker has a place
};

struct KioskDeviceInfo {
    std::string id, site;
    std::vector<std::string> languages;
    bool revoked = false;
};

// A training with places as HR types it; checked by the server when planned.
struct SessionDraft {
    std::string site, title, date, start = "09:00", minutes, places;
};

struct KioskAccountState {
    LoadState load{};
    BadgeInfo badge;
    std::string pin;  // as typed; dropped once sent
    bool saving_pin = false, pin_saved = false;
    std::vector<PlannedSession> sessions;
    std::set<std::string> busy;  // sessions and devices with a request on its way
    std::vector<KioskDeviceInfo> devices;
    std::string new_site;
    std::vector<std::string> new_languages{"nl"};
    bool creating_device = false;
    std::optional<std::string> new_token;  // the token of the display just created, shown once
    SessionDraft draft;
    bool planning = false;
    std::optional<Error> error;
    // HR: the badge of the worker opened from the team table.
    std::string badge_worker;
    BadgeInfo worker_badge;
    std::string badge_field;
    bool saving_badge = false, badge_saved = false;
    std::optional<Error> badge_error;
};

// --- actions ---
struct BadgeLoaded { BadgeInfo badge; };
struct SessionsLoaded { std::vector<PlannedSession> sessions; };
struct DevicesLoaded { std::vector<KioskDeviceInfo> devices; };
struct EditPin { std::string text; };
struct SavePin {};
struct PinSaved { BadgeInfo badge; };
struct TakePlace { std::string id; bool take = true; };  // false: give it back
struct PlaceChanged { PlannedSession session; };
struct EditNewDevice { std::string site; };
struct ToggleDeviceLanguage { std::string code; };
struct CreateDevice { std::string key; };
struct DeviceCreated { KioskDeviceInfo device; std::string token; };
struct DismissToken {};
struct RevokeDevice { std::string id; };
struct DeviceRevoked { std::string id; };
struct EditSessionDraft { SessionDraft draft; };
struct PlanSession { std::string key; };
struct SessionPlanned { PlannedSession session; };
struct CancelSession { std::string id; };
struct SessionCancelled { std::string id; };
struct KioskAccountFailed { std::string id; Error error; };  // id: the session or device it was about, if any
struct WorkerBadgeLoaded { std::string worker_id; BadgeInfo badge; };
struct EditWorkerBadge { std::string text; };
struct SaveWorkerBadge {};
struct WorkerBadgeSaved { std::string worker_id; BadgeInfo badge; };
struct WorkerBadgeFailed { std::string worker_id; Error error; };
struct KioskAccountAction : std::variant<BadgeLoaded, SessionsLoaded, DevicesLoaded, EditPin, SavePin, PinSaved, TakePlace, PlaceChanged,
                                         EditNewDevice, ToggleDeviceLanguage, CreateDevice, DeviceCreated, DismissToken, RevokeDevice,
                                         DeviceRevoked, EditSessionDraft, PlanSession, SessionPlanned, CancelSession, SessionCancelled,
                                         KioskAccountFailed, WorkerBadgeLoaded, EditWorkerBadge, SaveWorkerBadge, WorkerBadgeSaved,
                                         WorkerBadgeFailed> {
    LL_MESSAGE_VARIANT(KioskAccountAction);
};

// --- commands ---
struct FetchMyBadge {};
struct FetchSessions {};
struct FetchKioskDevices {};
struct SendPin { std::string pin; };
struct SendPlace { std::string id; bool take = true; };
struct SendNewDevice { std::string site; std::vector<std::string> languages; std::string key; };
struct SendRevokeDevice { std::string id; };
struct SendSession { SessionDraft draft; std::string key; };
struct SendCancelSession { std::string id; };
struct FetchWorkerBadge { std::string worker_id; };
struct SendWorkerBadge { std::string worker_id, badge; };
struct KioskAccountCommand : std::variant<FetchMyBadge, FetchSessions, FetchKioskDevices, SendPin, SendPlace, SendNewDevice, SendRevokeDevice,
                                          SendSession, SendCancelSession, FetchWorkerBadge, SendWorkerBadge> {
    LL_MESSAGE_VARIANT(KioskAccountCommand);
};

}  // namespace ll::ui
