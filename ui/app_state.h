// What the app shows, as plain values: screens read it, only update() changes it.
// Actions come from screens and from the host (server answers); commands go out to the host.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "civil_date.h"
#include "message_variant.h"
#include "year_view.h"
#include "records.h"
#include "result.h"
#include "translations.h"
#include "workspace_state.h"

namespace ll::ui {

enum class Screen { starting, sign_in, balance };
enum class Tab { balance, history, submit };

// The training form as typed; validated by the core's request decoder before anything is sent.
struct SubmitForm {
    std::string title, provider, training_type = "formal", date, end_date, hours, minutes, cost;
    std::string certificate_valid_until;  // optional: reminders come before it
    std::string certificate_name, certificate_type;  // the picked file stays in the host (browser)
    long long certificate_size = 0;
    bool busy = false;
    std::optional<Error> error;    // names the field at fault
    std::optional<std::string> sent_title;    // the last training sent, confirmed on screen
    std::optional<std::string> queued_title;  // the last training kept for later (no network)
};

enum class FormField { title, provider, date, end_date, hours, minutes, cost, certificate_valid_until };

// A training submitted without a connection: kept on the device with its idempotency key and
// sent when the network is back, so it is never stored twice.
struct QueuedTraining {
    std::string key, body, title, date;
    long long minutes = 0;
    bool with_certificate = false;  // the file waits on the device under the same key
    bool sending = false;
    std::optional<Error> refused;  // the server said no (not a lost connection): shown, not sent again
};

// A certificate's picture as the host prepared it: a GPU texture for photos, a document symbol
// for PDFs, a plain symbol when it could not be fetched (offline) or read.
struct Thumbnail {
    enum class Kind { loading, image, document, unavailable };
    Kind kind = Kind::loading;
    std::uint64_t texture = 0;
    int width = 0, height = 0;
};
constexpr const char* picked_certificate = "picked";  // thumbnail key of the file chosen in the form

// What the history shows: a status, and words that must appear in the title or provider.
struct HistoryFilter {
    std::string search;
    std::optional<EntryStatus> status;  // nullopt: every status
};

struct SignInForm {
    std::string email, password;
    bool remember = true;  // "keep me signed in on this device"; off: nothing personal is kept on it
    bool busy = false;
    std::optional<Error> error;
};

struct AppState {
    CivilDate today;  // given by the host: the UI never reads a clock
    Language language = Language::en;
    bool high_contrast = false;  // chosen on this device; the host also follows the system's "more contrast"
    bool reduce_motion = false;  // the system asks for less motion: no flick inertia (set by the host)
    Screen screen = Screen::starting;
    SignInForm sign_in;
    std::optional<SessionInfo> session;
    int year = 0;
    int first_year = 0;  // navigation bounds, from the shipped rule set
    int last_year = 0;
    Tab tab = Tab::balance;
    SubmitForm submit;
    LoadState load = LoadState::idle;
    std::optional<YearView> view;  // for `year` once loaded
    std::optional<Error> error;    // the last failure, shown plainly
    bool show_explanation = false;
    HistoryFilter history_filter;
    std::map<std::string, Thumbnail> thumbnails;  // by certificate id, or picked_certificate
    bool offline = false;               // showing what was saved on the device
    std::string owner;                  // account whose data is saved (another account clears it)
    std::optional<QueuedTraining> sending;  // the form's submission on its way
    std::vector<YearView> saved_views;  // the last view of each year loaded, for offline use
    std::vector<QueuedTraining> outbox;
    Section section = Section::mine;  // managers and HR also reach the workspace parts
    Workspace workspace;
};

// --- actions: everything that can change the state ---
struct SessionChecked { std::optional<SessionInfo> session; };  // nullopt: nobody signed in
struct EditEmail { std::string text; };
struct EditPassword { std::string text; };
struct SubmitSignIn {};
struct SetRemember { bool remember; };
struct SignedIn { SessionInfo session; };
struct SignInFailed { Error error; };
struct SignOut {};
struct SetLanguage { Language language; };
struct SetHighContrast { bool on; };
struct SelectYear { int year; };
struct SelectTab { Tab tab; };
struct ToggleExplanation {};
struct Retry {};
struct YearLoaded { YearView view; };
struct EditForm { FormField field; std::string text; };
struct SetTrainingType { std::string type; };
struct PickCertificate {};
struct CertificatePicked { std::string name, content_type; long long size; };
struct ClearCertificate {};
struct SubmitTraining { std::string key; };  // the host fills in a fresh idempotency key
struct TrainingSubmitted { EntryRecord entry; std::string key; };
struct SubmitFailed { Error error; std::string key; };
// What the device kept from the last connection, given by the host at start.
struct OfflineRestored { std::optional<SessionInfo> session; std::vector<YearView> views; std::vector<QueuedTraining> outbox; };
struct ConnectionLost {};  // the session could not be checked: no network
struct NetworkBack {};
struct RequestFailed { int year; Error error; };
// The browser's back or forward button, or a link, asked for this place (see route.h).
struct Navigate { Tab tab; bool explanation = false; Section section = Section::mine; };
struct EditSearch { std::string text; };
struct FilterStatus { std::optional<EntryStatus> status; };
struct ThumbnailLoaded { std::string key; Thumbnail thumbnail; };
struct DiscardQueued { std::string key; };  // the worker drops a kept training the server refused
struct Action : std::variant<SessionChecked, EditEmail, EditPassword, SetRemember, SubmitSignIn, SignedIn, SignInFailed, SignOut, SetLanguage,
                             SetHighContrast, SelectYear, SelectTab, ToggleExplanation, Retry, YearLoaded, RequestFailed, EditForm, SetTrainingType,
                             PickCertificate, CertificatePicked, ClearCertificate, SubmitTraining, TrainingSubmitted, SubmitFailed,
                             OfflineRestored, ConnectionLost, NetworkBack, Navigate, EditSearch, FilterStatus, ThumbnailLoaded,
                             DiscardQueued, WorkspaceAction> {
    LL_MESSAGE_VARIANT(Action);
};

// --- commands: what the host must do (fetching, storing); it answers with actions ---
struct CheckSession {};
struct SendSignIn { std::string email, password; bool remember = true; };
struct SendSignOut {};
struct FetchYear { int year; };  // the signed-in worker's year view
struct RememberLanguage { Language language; };  // the host stores the choice on the device
struct RememberHighContrast { bool on; };        // and this one
struct OpenFilePicker {};                         // camera or file; answered with CertificatePicked
// The validated body; with_certificate: upload the file first and link it (the picked file, or
// the one kept on the device under `key` for a training sent from the outbox).
struct SendTraining { std::string body; bool with_certificate; std::string key; bool certificate_kept = false; };
// What the device keeps for offline use changed. The host writes offline_snapshot(state): an erase
// at once (signed out, not a trusted device), else after the frame is drawn, so that encoding a
// year of 500 trainings (120 ms in the browser) does not hold back the frame that shows it.
struct SaveOffline {};
// Fetch a certificate (or the picked file) and answer with ThumbnailLoaded.
struct LoadThumbnail { std::string key; };
// Keep the picked file under a queued training's key (on the device itself only when it is trusted,
// else in memory while the page is open), or let it go once sent.
struct KeepCertificate { std::string key; bool on_device = true; };
struct ForgetCertificate { std::string key; };
struct Command : std::variant<CheckSession, SendSignIn, SendSignOut, FetchYear, RememberLanguage, RememberHighContrast, OpenFilePicker, SendTraining,
                              SaveOffline, LoadThumbnail, KeepCertificate, ForgetCertificate, WorkspaceCommand> {
    LL_MESSAGE_VARIANT(Command);
};

}  // namespace ll::ui
