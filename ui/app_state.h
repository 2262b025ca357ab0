// What the app shows, as plain values: screens read it, only update() changes it.
// Actions come from screens and from the host (server answers); commands go out to the host.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "civil_date.h"
#include "entitlement.h"
#include "result.h"

namespace ll::ui {

enum class LoadState { idle, loading, loaded, failed };

struct AppState {
    CivilDate today;         // given by the host: the UI never reads a clock
    std::string worker_id;   // whose figures are shown
    int year = 0;
    int first_year = 0;      // navigation bounds, from the shipped rule set
    int last_year = 0;
    LoadState load = LoadState::idle;
    std::optional<Entitlement> entitlement;  // for `year` once loaded
    std::optional<Error> error;              // the last failure, shown plainly
    bool show_explanation = false;
};

// --- actions: everything that can change the state ---
struct SelectYear { int year; };
struct ToggleExplanation {};
struct Retry {};
struct EntitlementLoaded { Entitlement entitlement; };
struct RequestFailed { int year; Error error; };
using Action = std::variant<SelectYear, ToggleExplanation, Retry, EntitlementLoaded, RequestFailed>;

// --- commands: what the host must do (fetching, storing); it answers with actions ---
struct FetchEntitlement { std::string worker_id; int year; };
using Command = std::variant<FetchEntitlement>;

}  // namespace ll::ui
