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
enum class Tab { balance, history };

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
struct RequestFailed { int year; Error error; };
using Action = std::variant<SessionChecked, EditEmail, EditPassword, SubmitSignIn, SignedIn, SignInFailed, SignOut, SetLanguage,
                            SelectYear, SelectTab, ToggleExplanation, Retry, YearLoaded, RequestFailed>;

// --- commands: what the host must do (fetching, storing); it answers with actions ---
struct CheckSession {};
struct SendSignIn { std::string email, password; };
struct SendSignOut {};
struct FetchYear { int year; };  // the signed-in worker's year view
struct RememberLanguage { Language language; };  // the host stores the choice on the device
using Command = std::variant<CheckSession, SendSignIn, SendSignOut, FetchYear, RememberLanguage>;

}  // namespace ll::ui
