// What the app shows, as plain values: screens read it, only update() changes it.
// Actions come from screens and from the host (server answers); commands go out to the host.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "civil_date.h"
#include "year_view.h"
#include "records.h"
#include "result.h"
#include "translations.h"

namespace ll::ui {

enum class LoadState { idle, loading, loaded, failed };
enum class Screen { starting, sign_in, balance };
enum class Tab { balance, history, submit };

// The training form as typed; validated by the core's request decoder before anything is sent.
struct SubmitForm {
    std::string title, provider, training_type = "formal", date, end_date, hours, minutes, cost;
    std::string certificate_name, certificate_type;  // the picked file stays in the host (browser)
    long long certificate_size = 0;
    bool busy = false;
    std::optional<Error> error;    // names the field at fault
    std::optional<std::string> sent_title;  // the last training sent, confirmed on screen
};

enum class FormField { title, provider, date, end_date, hours, minutes, cost };

struct SignInForm {
    std::string email, password;
    bool busy = false;
    std::optional<Error> error;
};

struct AppState {
    CivilDate today;  // given by the host: the UI never reads a clock
    Language language = Language::en;
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
};

// --- actions: everything that can change the state ---
struct SessionChecked { std::optional<SessionInfo> session; };  // nullopt: nobody signed in
struct EditEmail { std::string text; };
struct EditPassword { std::string text; };
struct SubmitSignIn {};
struct SignedIn { SessionInfo session; };
struct SignInFailed { Error error; };
struct SignOut {};
struct SetLanguage { Language language; };
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
struct SubmitTraining {};
struct TrainingSubmitted { EntryRecord entry; };
struct SubmitFailed { Error error; };
struct RequestFailed { int year; Error error; };
using Action = std::variant<SessionChecked, EditEmail, EditPassword, SubmitSignIn, SignedIn, SignInFailed, SignOut, SetLanguage,
                            SelectYear, SelectTab, ToggleExplanation, Retry, YearLoaded, RequestFailed, EditForm, SetTrainingType,
                            PickCertificate, CertificatePicked, ClearCertificate, SubmitTraining, TrainingSubmitted, SubmitFailed>;

// --- commands: what the host must do (fetching, storing); it answers with actions ---
struct CheckSession {};
struct SendSignIn { std::string email, password; };
struct SendSignOut {};
struct FetchYear { int year; };  // the signed-in worker's year view
struct RememberLanguage { Language language; };  // the host stores the choice on the device
struct OpenFilePicker {};                         // camera or file; answered with CertificatePicked
// The validated body; with_certificate: upload the picked file first and link it.
struct SendTraining { std::string body; bool with_certificate; };
using Command = std::variant<CheckSession, SendSignIn, SendSignOut, FetchYear, RememberLanguage, OpenFilePicker, SendTraining>;

}  // namespace ll::ui
