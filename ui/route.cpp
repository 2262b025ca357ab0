// Fragments name only tabs and dialogs, never data (no worker ids or years): a URL reveals nothing
// and cannot be used to ask for someone else's record.
#include "route.h"

namespace ll::ui {
namespace {

struct Place {
    const char* fragment;
    Tab tab;
    bool explanation;
};
constexpr Place places[] = {{"#balance", Tab::balance, false},
                            {"#balance/explanation", Tab::balance, true},
                            {"#history", Tab::history, false},
                            {"#submit", Tab::submit, false}};

}  // namespace

std::string route_of(const AppState& s) {
    if (s.screen == Screen::starting) return "#";
    if (s.screen == Screen::sign_in) return "#sign-in";
    for (const Place& p : places)
        if (p.tab == s.tab && p.explanation == (s.tab == Tab::balance && s.show_explanation)) return p.fragment;
    return "#balance";
}

std::optional<Navigate> navigation_for(std::string_view fragment) {
    for (const Place& p : places)
        if (fragment == p.fragment) return Navigate{p.tab, p.explanation};
    return std::nullopt;
}

}  // namespace ll::ui
