// The place in the app as a URL fragment ("#history"), so the browser's back button (Android's
// too) closes the explanation and returns to the previous tab instead of leaving the app.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "app_state.h"

namespace ll::ui {

// "#sign-in", "#balance", "#balance/explanation", "#history", "#submit", and for managers and HR
// "#approvals", "#team", "#compliance" ("#" while starting).
std::string route_of(const AppState& s);
// The navigation a fragment asks for; nullopt for fragments that are not a signed-in place.
std::optional<Navigate> navigation_for(std::string_view fragment);

}  // namespace ll::ui
