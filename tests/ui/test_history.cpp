// The history tab: filtering by status and by words (accents and case ignored), trainings still on
// the device among them, certificate pictures asked for once, and the places behind the back button.
#include <doctest/doctest.h>

#include "app_frame.h"
#include "demo_year.h"
#include "headless_imgui.h"
#include "history_filter.h"
#include "imgui.h"
#include "route.h"
#include "update.h"

using namespace ll;

namespace {

EntryRecord training(const char* title, const char* provider, EntryStatus status) {
    EntryRecord e;
    e.entry = LedgerEntry{title, EntryKind::training, status, *CivilDate::parse("2026-03-02"), 60, title};
    e.provider = provider;
    return e;
}

ui::AppState on_history() {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(s, ui::SignedIn{test::anna_session()});
    YearView v = test::anna_year(2026);
    v.entries = {training("Formación de carretillas", "Académie Logistique", EntryStatus::approved),
                 training("Heftruck", "VDAB", EntryStatus::rejected), training("Erste Hilfe", "Rotes Kreuz", EntryStatus::submitted)};
    ui::update(s, ui::YearLoaded{v});
    ui::update(s, ui::SelectTab{ui::Tab::history});
    return s;
}

std::vector<std::string> titles_shown(ui::AppState& s) {
    test::HeadlessImGui gui(390, 2000);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    gui.frame(draw);
    std::vector<std::string> titles;
    for (const auto& i : gui.items())
        for (const auto& e : s.view->entries)
            if (i.role == "text" && i.label == e.entry.title) titles.push_back(i.label);
    for (const auto& i : gui.items())
        for (const auto& q : s.outbox)
            if (i.role == "text" && i.label == q.title) titles.push_back(i.label);
    return titles;
}

}  // namespace

TEST_CASE("search folds case and accents of the four languages") {
    CHECK(ui::search_folded("Formación ÉLÈVE Straße Ærø") == "formacion eleve straße Ærø");
    CHECK(ui::search_folded("Œuvre Ÿ ÇA") == "Œuvre y ca");
    CHECK(ui::search_folded("\xC3") == "\xC3");  // a cut sequence stays as it is
    ui::HistoryFilter f;
    f.search = "academie  carretillas";  // every word, anywhere, in title or provider
    CHECK(ui::matches(f, training("Formación de carretillas", "Académie Logistique", EntryStatus::approved)));
    f.search = "academie heftruck";
    CHECK_FALSE(ui::matches(f, training("Formación de carretillas", "Académie Logistique", EntryStatus::approved)));
}

TEST_CASE("the history filters by status and by words, and says when nothing matches") {
    auto s = on_history();
    CHECK(titles_shown(s).size() == 3);
    ui::update(s, ui::FilterStatus{EntryStatus::rejected});
    CHECK(titles_shown(s) == std::vector<std::string>{"Heftruck"});
    ui::update(s, ui::FilterStatus{std::nullopt});
    ui::update(s, ui::EditSearch{"ROTES"});
    CHECK(titles_shown(s) == std::vector<std::string>{"Erste Hilfe"});
    ui::update(s, ui::EditSearch{"nothing like it"});
    CHECK(titles_shown(s).empty());
    test::HeadlessImGui gui(390, 2000);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    CHECK(gui.find("text", "No trainings match.") != nullptr);
    ui::update(s, ui::SignOut{});
    CHECK(s.history_filter.search.empty());  // the next person starts with everything
}

TEST_CASE("the filter row and the search field are drawn and emit their actions") {
    auto s = on_history();
    test::HeadlessImGui gui(390, 2000);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    gui.frame(draw);
    REQUIRE(gui.find("textbox", "Search") != nullptr);
    auto actions = gui.tap(*gui.find("button", "Waiting"), draw);
    REQUIRE(actions.size() == 1);
    CHECK(std::get<ui::FilterStatus>(actions[0]).status == EntryStatus::submitted);
    ui::update(s, actions[0]);
    // A training still on the device counts as waiting.
    s.outbox.push_back(ui::QueuedTraining{"k-1", "{}", "Offline course", "2026-11-29", 60});
    auto shown = titles_shown(s);
    CHECK(shown == std::vector<std::string>{"Erste Hilfe", "Offline course"});
}

TEST_CASE("certificate pictures are asked for once per year loaded and drawn when they arrive") {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(s, ui::SignedIn{test::anna_session()});
    s.year = 2024;
    auto commands = ui::update(s, ui::YearLoaded{test::anna_year(2024)});
    int loads = 0;
    for (const auto& c : commands)
        if (const auto* l = std::get_if<ui::LoadThumbnail>(&c)) {
            ++loads;
            CHECK(l->key == "c-first-aid");
        }
    CHECK(loads == 1);
    for (const auto& c : ui::update(s, ui::YearLoaded{test::anna_year(2024)})) CHECK_FALSE(std::holds_alternative<ui::LoadThumbnail>(c));
    ui::update(s, ui::ThumbnailLoaded{"c-first-aid", ui::Thumbnail{ui::Thumbnail::Kind::image, 7, 120, 90}});
    CHECK(s.thumbnails["c-first-aid"].texture == 7);
    ui::update(s, ui::ThumbnailLoaded{"c-unknown", ui::Thumbnail{ui::Thumbnail::Kind::image, 8, 1, 1}});
    CHECK_FALSE(s.thumbnails.count("c-unknown"));  // never asked for: ignored

    ui::update(s, ui::SelectTab{ui::Tab::history});
    test::HeadlessImGui gui(390, 2000);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    gui.frame(draw);
    const ui::Item* picture = gui.find("image", "Certificate");
    REQUIRE(picture != nullptr);
    CHECK(picture->value == "photo");
    CHECK(picture->w >= 44.0f);

    // A picture that could not be fetched (offline) is asked for again with the next load.
    ui::update(s, ui::ThumbnailLoaded{"c-first-aid", ui::Thumbnail{ui::Thumbnail::Kind::unavailable}});
    loads = 0;
    for (const auto& c : ui::update(s, ui::YearLoaded{test::anna_year(2024)})) loads += std::holds_alternative<ui::LoadThumbnail>(c);
    CHECK(loads == 1);
}

TEST_CASE("every place has a fragment, and the back button's fragment brings the place back") {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    CHECK(ui::route_of(s) == "#");
    ui::update(s, ui::SessionChecked{std::nullopt});
    CHECK(ui::route_of(s) == "#sign-in");
    ui::update(s, ui::SignedIn{test::anna_session()});
    CHECK(ui::route_of(s) == "#balance");
    ui::update(s, ui::ToggleExplanation{});
    CHECK(ui::route_of(s) == "#balance/explanation");
    ui::update(s, *ui::navigation_for("#balance"));  // back: the explanation closes
    CHECK_FALSE(s.show_explanation);
    ui::update(s, ui::SelectTab{ui::Tab::submit});
    CHECK(ui::route_of(s) == "#submit");
    ui::update(s, *ui::navigation_for("#history"));
    CHECK(s.tab == ui::Tab::history);
    CHECK(ui::route_of(s) == "#history");
    CHECK_FALSE(ui::navigation_for("#workers/w-0002").has_value());
    CHECK_FALSE(ui::navigation_for("").has_value());
    ui::update(s, ui::SignOut{});
    ui::update(s, ui::Navigate{ui::Tab::submit, false});  // signed out: going back changes nothing
    CHECK(ui::route_of(s) == "#sign-in");
}

TEST_CASE("a long history lays out only what is on screen, keeps its height and scrolls to the end") {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(s, ui::SignedIn{test::anna_session()});
    YearView v = test::anna_year(2026);
    v.entries.clear();
    for (int i = 0; i < 500; ++i) {
        auto e = training(("Course " + std::to_string(i)).c_str(), "Academy", EntryStatus::approved);
        e.entry.id = "e-" + std::to_string(i);
        v.entries.push_back(e);
    }
    ui::update(s, ui::YearLoaded{v});
    ui::update(s, ui::SelectTab{ui::Tab::history});
    test::HeadlessImGui gui(390, 844);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    auto courses = [&] {
        int n = 0;
        for (const auto& i : gui.items()) n += i.label.rfind("Course ", 0) == 0;
        return n;
    };
    gui.frame(draw);
    gui.frame(draw);
    const int visible = courses();
    CHECK(visible > 3);
    CHECK(visible < 30);  // a screenful, not 500
    float max_before = 0, max_after = 0;
    auto scroll_to = [&](float y) {
        gui.frame([&](std::vector<ui::Action>& out) {
            ImGui::SetNextWindowScroll(ImVec2(0, y));  // the app's root window is the next one begun
            ui::draw_app_frame(s, out);
        });
        gui.frame([&](std::vector<ui::Action>& out) {
            ui::draw_app_frame(s, out);
            ImGui::Begin("learnledger");
            max_after = ImGui::GetScrollMaxY();
            ImGui::End();
        });
    };
    scroll_to(0);
    max_before = max_after;
    CHECK(max_before > 500 * 40.0f);  // the whole list's height is there, measured or remembered
    scroll_to(max_before);
    CHECK(max_after == doctest::Approx(max_before));  // skipping entries does not change the page height
    CHECK(gui.find("text", "Course 499") != nullptr);
    CHECK(gui.find("text", "Course 0") == nullptr);
}

TEST_CASE("a training's certificate validity shows under it in the history") {
    auto s = on_history();
    REQUIRE_FALSE(s.view->entries.empty());
    s.view->entries.front().certificate_valid_until = *CivilDate::parse("2029-03-31");
    test::HeadlessImGui gui(390, 4000);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    gui.frame(draw);
    CHECK(gui.find("text", "Certificate valid until 2029-03-31"));
}
