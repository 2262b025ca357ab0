// Fragments name only tabs and dialogs, never data (no worker ids or years): a URL reveals nothing
// and cannot be used to ask for someone else's record.
#include "route.h"

namespace ll::ui {
namespace {

struct Place {
    const char* fragment;
    Tab tab;
    bool explanation;
    Section section = Section::mine;
};
constexpr Place places[] = {{"#balance", Tab::balance, false},
                            {"#balance/explanation", Tab::balance, true},
                            {"#history", Tab::history, false},
                            {"#submit", Tab::submit, false},
                            {"#approvals", Tab::balance, false, Section::approvals},
                            {"#team", Tab::balance, false, Section::team},
                            {"#compliance", Tab::balance, false, Section::compliance},
                            {"#data", Tab::balance, false, Section::data},
                            {"#plan", Tab::balance, false, Section::plan},
                            {"#messages", Tab::balance, false, Section::messages},
                            {"#kiosk", Tab::balance, false, Section::kiosk}};

}  // namespace

std::string route_of(const AppState& s) {
    if (s.screen == Screen::starting) return "#";
    if (s.screen == Screen::sign_in) return "#sign-in";
    for (const Place& p : places) {
        if (s.section != Section::mine) {
            if (p.section == s.section) return p.fragment;
        } else if (p.section == Section::mine && p.tab == s.tab && p.explanation == (s.tab == Tab::balance && s.show_explanation)) {
            return p.fragment;
        }
    }
    return "#balance";
}

std::optional<Navigate> navigation_for(std::string_view fragment) {
    for (const Place& p : places)
        if (fragment == p.fragment) return Navigate{p.tab, p.explanation, p.section};
    return std::nullopt;
}

}  // namespace ll::ui
