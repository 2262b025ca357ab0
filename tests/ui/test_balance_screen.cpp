// The balance screen drawn headless: its figures reach the item tree, and taps emit actions.
#include <doctest/doctest.h>

#include "app_frame.h"
#include "balance_screen.h"
#include "headless_imgui.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "theme.h"
#include "translations.h"
#include "demo_year.h"
#include "update.h"

using namespace ll;

namespace {

ui::AppState loaded_state(int year) {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(s, ui::SignedIn{test::anna_session()});
    s.year = year;
    ui::update(s, ui::YearLoaded{test::anna_year(year)});
    return s;
}

// The whole app on a phone-sized display, drawn twice so the layout has settled.
struct PhoneApp {
    explicit PhoneApp(ui::AppState s) : state(std::move(s)) {
        gui.frame(draw);
        gui.frame(draw);
    }
    std::vector<ui::Action> tap(const std::string& role, const std::string& label) {
        const ui::Item* item = gui.find(role, label);
        REQUIRE_MESSAGE(item != nullptr, label);
        return gui.tap(*item, draw);
    }
    test::HeadlessImGui gui{390, 844};
    ui::AppState state;
    std::function<void(std::vector<ui::Action>&)> draw = [this](std::vector<ui::Action>& out) { ui::draw_app_frame(state, out); };
};

}  // namespace

TEST_CASE("the figures and the controls are in the item tree") {
    PhoneApp app(loaded_state(2024));
    const ui::Item* right = app.gui.find("figure", "Training right 2024");
    REQUIRE(right != nullptr);
    CHECK(right->value == "3 days");
    CHECK(right->w > 0);
    const ui::Item* left = app.gui.find("figure", "Remaining 2024");
    REQUIRE(left != nullptr);
    CHECK(left->value == "2 days");  // 3 days minus "First aid"
    CHECK(app.gui.find("text", "Followed: 7 h 36 min") != nullptr);
    CHECK(app.gui.find("button", "Next year") != nullptr);
    CHECK(app.gui.find("button", "Show explanation") != nullptr);
    CHECK(app.gui.find("heading", "My training right") != nullptr);
    CHECK(app.gui.find("text", "5-year period 2024-2028: 7 h 36 min followed of 22 h 48 min") != nullptr);
    CHECK(app.gui.find("text", "Time not taken carries over to 2025") != nullptr);
}

TEST_CASE("the item tree says when a frame changed it, so the accessibility mirror updates only then") {
    PhoneApp app(loaded_state(2024));
    app.gui.frame(app.draw);
    CHECK_FALSE(app.gui.items_changed());  // an idle frame draws the same items
    ui::update(app.state, ui::ToggleExplanation{});
    app.gui.frame(app.draw);
    CHECK(app.gui.items_changed());
    CHECK(app.gui.find("button", "Hide explanation"));
}

TEST_CASE("a tap on a figure opens the explanation; a drag over it does not") {
    PhoneApp app(loaded_state(2024));
    auto actions = app.tap("figure", "Remaining 2024");
    REQUIRE(actions.size() == 1);
    CHECK(std::holds_alternative<ui::ToggleExplanation>(actions[0]));

    const ui::Item figure = *app.gui.find("figure", "Training right 2024");
    ImGuiIO& io = ImGui::GetIO();
    std::vector<ui::Action> dragged;
    auto step = [&] {
        auto out = app.gui.frame(app.draw);
        dragged.insert(dragged.end(), out.begin(), out.end());
    };
    io.AddMousePosEvent(figure.x + 5, figure.y + 5);
    step();
    io.AddMouseButtonEvent(0, true);
    step();
    io.AddMousePosEvent(figure.x + 5, figure.y + 40);
    step();
    io.AddMousePosEvent(figure.x + 5, figure.y + 6);  // back over the figure, after a real drag
    step();
    io.AddMouseButtonEvent(0, false);
    step();
    CHECK(dragged.empty());
}

TEST_CASE("what is left lapses on a date the worker can read in their language") {
    auto s = loaded_state(2026);
    ll::YearView v = *s.view;
    v.lapses_on = *CivilDate::parse("2028-12-31");
    ui::update(s, ui::YearLoaded{v});
    s.language = ui::Language::nl;
    PhoneApp app(s);
    CHECK(app.gui.find("text", "Niet opgenomen tijd vervalt op 31-12-2028") != nullptr);
}

TEST_CASE("carried days and waiting trainings show on the year they belong to") {
    PhoneApp app(loaded_state(2026));
    CHECK(app.gui.find("text", "Carried from earlier years: 4 d 6 h 4 min") == nullptr);  // durations stay in hours
    bool carried = false, waiting = false;
    for (const auto& i : app.gui.items()) {
        carried = carried || i.label.rfind("Carried from earlier years: ", 0) == 0;
        waiting = waiting || i.label == "Waiting for approval: 3 h 48 min";
    }
    CHECK(carried);
    CHECK(waiting);
}

TEST_CASE("the history tab lists the year's trainings with their status and reason") {
    PhoneApp app(loaded_state(2025));
    auto actions = app.tap("button", "History");
    REQUIRE(actions.size() == 1);
    ui::update(app.state, actions[0]);
    app.gui.frame(app.draw);
    CHECK(app.gui.find("text", "Wine tasting") != nullptr);
    CHECK(app.gui.find("text", "2025-06-10 \u00b7 7 h 36 min \u00b7 formal \u00b7 rejected \u00b7 Academy") != nullptr);
    CHECK(app.gui.find("text", "Reason: Not related to the job") != nullptr);
}

TEST_CASE("tapping buttons emits actions; the explanation appears when toggled") {
    PhoneApp app(loaded_state(2024));
    auto actions = app.tap("button", "Next year");
    REQUIRE(actions.size() == 1);
    REQUIRE(std::holds_alternative<ui::SelectYear>(actions[0]));
    CHECK(std::get<ui::SelectYear>(actions[0]).year == 2025);

    actions = app.tap("button", "Show explanation");
    REQUIRE(actions.size() == 1);
    for (const auto& a : actions) ui::update(app.state, a);
    app.gui.frame(app.draw);
    CHECK(app.gui.find("button", "Hide explanation") != nullptr);
    CHECK(app.gui.find("text", "5 d x 80 % x 9/12 months = 3 d") != nullptr);
    CHECK(app.gui.find("text", "training \"First aid\", 2024-10-07: -1 d") != nullptr);
}

TEST_CASE("buttons are at least 44 px tall at scale 1 (the tap-target minimum)") {
    PhoneApp app(loaded_state(2024));
    int buttons = 0;
    for (const auto& i : app.gui.items())
        if (i.role == "button") {
            ++buttons;
            CHECK_MESSAGE(i.h >= 44.0f, i.label);
        }
    CHECK(buttons >= 3);
}

TEST_CASE("a previous-year button is disabled at the first year of the rule set") {
    PhoneApp app(loaded_state(2023));
    const ui::Item* previous = app.gui.find("button", "Previous year");
    if (!previous) previous = app.gui.find("button", "\u2039 2022");  // the compact form, where words do not fit
    REQUIRE(previous != nullptr);
    CHECK(app.gui.tap(*previous, app.draw).empty());
}

TEST_CASE("year buttons fall back to arrows and years where words do not fit; no button label is cut") {
    for (ui::Language l : ui::all_languages) {
        auto s = loaded_state(2026);
        s.language = l;
        test::HeadlessImGui gui(320, 1400);
        auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
        gui.frame(draw);
        gui.frame(draw);
        CHECK((gui.find("button", "\u2039 2025") || gui.find("button", ui::tr("Previous year"))));
        CHECK((gui.find("button", "2027 \u203a") || gui.find("button", ui::tr("Next year"))));
        for (const auto& i : gui.items()) CHECK_MESSAGE(!i.clipped, ui::code(l), ": ", i.label);
        if (l == ui::Language::en) CHECK(gui.find("button", "\u2039 2025") != nullptr);  // "Previous year" is too long here
    }
    PhoneApp wide(loaded_state(2026));
    wide.gui.frame(wide.draw);
    CHECK(wide.gui.find("button", "Next year") != nullptr);  // words where they fit
}

TEST_CASE("a failure is shown with a retry button") {
    auto state = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(state, ui::SignedIn{test::anna_session()});
    ui::update(state, ui::RequestFailed{2026, make_error("offline", "no connection to the server")});
    PhoneApp app(state);
    CHECK(app.gui.find("text", "Could not load: No connection to the server.") != nullptr);
    auto actions = app.tap("button", "Try again");
    REQUIRE(actions.size() == 1);
    CHECK(std::holds_alternative<ui::Retry>(actions[0]));
}

TEST_CASE("the account bar shows who is signed in and signs out") {
    PhoneApp app(loaded_state(2024));
    CHECK(app.gui.find("text", "Anna Peeters") != nullptr);
    auto actions = app.tap("button", "Sign out");
    REQUIRE(actions.size() == 1);
    CHECK(std::holds_alternative<ui::SignOut>(actions[0]));
}

TEST_CASE("the sign-in screen edits fields through actions and signs in on the button") {
    auto state = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(state, ui::SessionChecked{std::nullopt});
    ui::update(state, ui::EditEmail{"anna@demo.example"});
    ui::update(state, ui::EditPassword{"secret"});
    PhoneApp app(state);
    const ui::Item* email = app.gui.find("textbox", "E-mail");
    REQUIRE(email != nullptr);
    CHECK(email->value == "anna@demo.example");
    const ui::Item* password = app.gui.find("textbox", "Password");
    REQUIRE(password != nullptr);
    CHECK(password->value.empty());  // never exposed
    CHECK(password->h >= 44.0f);
    auto actions = app.tap("button", "Sign in");
    bool submitted = false;
    for (const auto& a : actions) submitted = submitted || std::holds_alternative<ui::SubmitSignIn>(a);
    CHECK(submitted);
}

TEST_CASE("days are written as people read them") {
    CHECK(ui::days_text(Rational(3)) == "3 days");
    CHECK(ui::days_text(Rational(1)) == "1 day");
    CHECK(ui::days_text(*Rational::make(5, 2)) == "2.5 days");
    CHECK(ui::days_text(*Rational::make(10, 3)) == "3.33 days");
}

TEST_CASE("the figure font has every glyph of a figure, in every language") {
    // It holds ASCII only, to keep the font atlas small; a missing glyph would show as '?'.
    const Rational values[] = {Rational(0), Rational(1), *Rational::make(5, 2), *Rational::make(-10, 3), Rational(125)};
    for (ui::Language language : ui::all_languages) {
        ui::LanguageScope scope(language);
        for (const Rational& v : values) {
            const std::string text = ui::days_text(v) + " " + std::to_string(v.floor()) + " %";
            CAPTURE(text);
            for (const char* p = text.c_str(); *p;) {
                unsigned int c = 0;
                p += ImTextCharFromUtf8(&c, p, nullptr);
                CHECK(ui::in_figure_font(c));
            }
        }
    }
    CHECK(ui::in_figure_font(U'\u2022'));  // the PIN's dots
    CHECK_FALSE(ui::in_figure_font(U'\u00e9'));
}

TEST_CASE("the sign-in screen offers to keep the session on this device, with a touch-sized row") {
    auto state = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(state, ui::SessionChecked{std::nullopt});
    PhoneApp app(state);
    const ui::Item* keep = app.gui.find("checkbox", "Keep me signed in on this device");
    REQUIRE(keep != nullptr);
    CHECK(keep->value == "true");
    CHECK(keep->h >= 44.0f);
    auto actions = app.tap("checkbox", "Keep me signed in on this device");
    REQUIRE(actions.size() == 1);
    CHECK_FALSE(std::get<ui::SetRemember>(actions[0]).remember);
}
