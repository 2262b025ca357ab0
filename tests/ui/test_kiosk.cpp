// A kiosk display driven headless: pairing, polling and its back-off, offline and back, the
// rotation through boards and languages, the keypad (nothing personal before a lookup, the PIN
// never in the item tree), the worker's year and the automatic sign-out, at both orientations.
#include <doctest/doctest.h>

#include "demo_year.h"
#include "headless_imgui.h"
#include "kiosk_screen.h"

using namespace ll;

namespace {

template <class T>
const T* command_in(const std::vector<ui::KioskCommand>& commands) {
    for (const auto& c : commands)
        if (const auto* t = std::get_if<T>(&c)) return t;
    return nullptr;
}

KioskBoard demo_board() {
    KioskBoard b;
    b.site = "Antwerp";
    b.employer_name = "Demo Logistics NV";
    b.languages = {"nl", "fr"};
    b.today = *CivilDate::parse("2026-12-02");
    b.progress = kiosk::site_progress({{2400, 1200}, {2400, 2400}, {2400, 0}, {2400, 600}, {2400, 2400}});
    TrainingSession s;
    s.id = "ts-1";
    s.site = "Antwerp";
    s.title = "First aid refresher";
    s.date = *CivilDate::parse("2026-12-10");
    s.minutes = 180;
    s.places = 12;
    s.enrolled = 7;
    b.sessions = {s};
    b.deadlines = {{"training_plan.v1", "Training plan", *CivilDate::parse("2026-12-31"), DutyStatus::due, 0, 1}};
    b.app_url = "http://learn.example/";
    b.qr = {21, std::string(21 * 21, '0')};
    for (int i = 0; i < 21; ++i) b.qr.modules[static_cast<size_t>(i * 21 + i)] = '1';
    return b;
}

KioskLookup anna_lookup() { return KioskLookup{"Anna Peeters", "en", test::anna_year(2026)}; }

// A display, its clock and a headless Dear ImGui to draw it.
struct Display {
    ui::KioskClock clock{1'000'000, 14 * 60 + 5};
    ui::KioskState s = ui::kiosk_initial_state(true, ui::Language::nl, clock);
    test::HeadlessImGui gui;
    std::vector<ui::KioskAction> actions;
    std::vector<ui::KioskCommand> sent;
    ui::KioskFrame last;

    explicit Display(float w = 1920, float h = 1080) : gui(w, h) {}
    std::function<void(std::vector<ui::Action>&)> draw = [this](std::vector<ui::Action>&) { last = ui::draw_kiosk_frame(s, clock, actions); };
    void apply(const ui::KioskAction& a) {
        auto out = ui::kiosk_update(s, a, clock);
        sent.insert(sent.end(), out.begin(), out.end());
    }
    void frame() {
        actions.clear();
        gui.frame(draw);
        for (const auto& a : std::vector<ui::KioskAction>(actions)) apply(a);
    }
    void later(std::int64_t ms) {
        clock.now_ms += ms;
        apply(ui::KioskTick{});
    }
    void loaded() {
        apply(ui::KioskTick{});
        apply(ui::KioskBoardAnswer{200, demo_board()});
    }
    bool shows(const std::string& text) {
        frame();
        for (const auto& i : gui.items())
            if (i.label.find(text) != std::string::npos || i.value.find(text) != std::string::npos) return true;
        return false;
    }
    void tap(const std::string& label) {
        frame();
        const ui::Item* item = gui.find("button", label);
        REQUIRE_MESSAGE(item, "no button \"" << label << "\"");
        actions.clear();
        gui.tap(*item, draw);
        for (const auto& a : std::vector<ui::KioskAction>(actions)) apply(a);
    }
    void type(const std::string& digits) {
        for (char d : digits) tap(std::string(1, d));
    }
};

}  // namespace

TEST_CASE("an unpaired display asks for its token, remembers it and starts fetching") {
    Display d;
    d.s = ui::kiosk_initial_state(false, ui::Language::en, d.clock);
    CHECK(d.shows("Pair this display"));
    d.tap("Pair");
    REQUIRE(d.s.pair_error);
    CHECK(d.s.pair_error->field == "token");
    d.apply(ui::KioskEditToken{"  demo-kiosk-antwerp \n"});
    d.sent.clear();
    d.apply(ui::KioskPair{});
    const auto* remember = command_in<ui::KioskRememberToken>(d.sent);
    REQUIRE(remember);
    CHECK(remember->token == "demo-kiosk-antwerp");
    CHECK(command_in<ui::KioskFetchBoard>(d.sent));
    CHECK(d.s.token_field.empty());
    // The token never reaches the item tree.
    d.apply(ui::KioskEditToken{"secret-token"});
    d.s.paired = false;
    CHECK_FALSE(d.shows("secret-token"));
}

TEST_CASE("the display polls the sync feed, fetches the board when it changed, and backs off while offline") {
    Display d;
    d.apply(ui::KioskTick{});
    REQUIRE(command_in<ui::KioskFetchBoard>(d.sent));
    d.apply(ui::KioskBoardAnswer{200, demo_board()});
    d.sent.clear();
    d.later(14'000);
    CHECK(d.sent.empty());  // one request per 15 s
    d.later(1'000);
    REQUIRE(command_in<ui::KioskFetchSync>(d.sent));
    d.sent.clear();
    d.apply(ui::KioskSyncAnswer{200, 42, true});
    CHECK(command_in<ui::KioskFetchBoard>(d.sent));  // changed: the board at once
    CHECK(d.s.cursor == 42);
    d.apply(ui::KioskBoardAnswer{200, demo_board()});

    // The network goes: the board stays, "offline since 14:05", retries at 2, 4, 8 s...
    d.later(15'000);
    d.apply(ui::KioskSyncAnswer{0, 0, false});
    REQUIRE(d.s.offline_since);
    CHECK(*d.s.offline_since == 14 * 60 + 5);
    CHECK(d.s.board);
    CHECK(d.shows("Hors ligne depuis 14:05") == (ui::kiosk_language_now(d.s, d.clock) == ui::Language::fr));
    d.s.rotation_start_ms = d.clock.now_ms;  // the first slot: Dutch
    CHECK(d.shows("Offline sinds 14:05"));
    d.sent.clear();
    d.later(1'999);
    CHECK(d.sent.empty());
    d.later(1);
    REQUIRE(command_in<ui::KioskFetchSync>(d.sent));
    d.apply(ui::KioskSyncAnswer{0, 0, false});
    d.sent.clear();
    d.later(3'999);
    CHECK(d.sent.empty());
    d.later(1);
    CHECK(command_in<ui::KioskFetchSync>(d.sent));
    d.clock.local_minute += 3;
    d.apply(ui::KioskSyncAnswer{200, 42, false});
    CHECK_FALSE(d.s.offline_since);
    CHECK_FALSE(d.shows("Offline"));

    // Revoked by HR: back to pairing, the token forgotten.
    d.later(15'000);
    d.sent.clear();
    d.apply(ui::KioskSyncAnswer{401, 0, false});
    CHECK_FALSE(d.s.paired);
    CHECK_FALSE(d.s.board);
    CHECK(command_in<ui::KioskForgetToken>(d.sent));
}

TEST_CASE("the boards rotate, each in Dutch then French, and say when the next frame is due") {
    Display d;
    d.loaded();
    CHECK(d.shows("Opleiding in Antwerp in 2026"));
    CHECK(d.shows("55 %"));
    CHECK_FALSE(d.shows("Anna"));
    d.clock.now_ms += 10'000;
    CHECK(d.shows("Formation à Antwerp en 2026"));
    d.clock.now_ms += 10'000;
    CHECK(d.shows("Opleidingen met vrije plaatsen"));
    CHECK(d.shows("First aid refresher"));
    CHECK(d.shows("5 plaatsen vrij"));
    d.clock.now_ms += 20'000;
    CHECK(d.shows("Deadlines deze maand"));
    d.clock.now_ms += 20'000;
    CHECK(d.shows("QR-code om learnledger te openen"));
    d.clock.now_ms += 20'000;
    CHECK(d.shows("Opleiding in Antwerp in 2026"));  // round again

    // A fade at the start of a slot needs frames; then nothing until the next slot.
    d.s.rotation_start_ms = d.clock.now_ms;
    d.s.next_poll_ms = d.clock.now_ms + 60'000;
    d.frame();
    CHECK(d.last.redraw_in_ms == 16);
    d.clock.now_ms += 500;
    d.frame();
    CHECK(d.last.redraw_in_ms == 9'500);
    d.s.reduce_motion = true;
    d.clock.now_ms = d.s.rotation_start_ms + 10'000;
    d.frame();
    CHECK(d.last.redraw_in_ms == 10'000);  // reduced motion: no fade frames at all
}

TEST_CASE("badge and PIN on the keypad: nothing personal before, the worker's year after, signed out after 30 s") {
    Display d;
    d.loaded();
    d.type("1001");
    CHECK(d.shows("1001"));
    d.tap("Volgende");
    d.type("2580");
    CHECK_FALSE(d.shows("2580"));  // the PIN is dots on screen and a count in the item tree
    CHECK(d.shows("4 cijfers"));
    d.sent.clear();
    d.tap("OK");
    const auto* lookup = command_in<ui::KioskSendLookup>(d.sent);
    REQUIRE(lookup);
    CHECK(lookup->badge == "1001");
    CHECK(lookup->pin == "2580");
    CHECK(d.s.pin.empty());
    CHECK(d.s.looking_up);
    CHECK(d.shows("Opzoeken..."));
    d.apply(ui::KioskLookupAnswer{200, anna_lookup(), std::nullopt});
    CHECK(d.shows("Hello, Anna Peeters"));  // in her language
    CHECK(d.shows("Remaining 2026"));
    CHECK(d.shows("Signing out by itself in 30 s"));
    CHECK_FALSE(d.shows("QR code"));  // the boards are gone while her year is shown
    d.later(20'000);
    CHECK(d.shows("Signing out by itself in 10 s"));
    d.tap("Sign out");
    CHECK_FALSE(d.s.lookup);
    CHECK_FALSE(d.shows("Anna"));

    // Again, and this time walk away: a touch keeps it open, 30 s without one signs out.
    d.type("1001");
    d.tap("Volgende");
    d.type("2580");
    d.tap("OK");
    d.apply(ui::KioskLookupAnswer{200, anna_lookup(), std::nullopt});
    d.later(25'000);
    d.apply(ui::KioskTouched{});
    d.later(25'000);
    CHECK(d.s.lookup);
    d.later(5'000);
    CHECK_FALSE(d.s.lookup);
    CHECK_FALSE(d.shows("Anna"));
    // A half-typed badge is cleared the same way.
    d.type("10");
    d.later(30'000);
    CHECK(d.s.badge.empty());
}

TEST_CASE("a wrong PIN is typed again; a locked badge or no connection starts from the badge") {
    Display d;
    d.loaded();
    d.type("1001");
    d.tap("Volgende");
    d.type("9999");
    d.tap("OK");
    d.apply(ui::KioskLookupAnswer{401, std::nullopt, make_error("wrong_pin", "badge or PIN not recognised", "pin")});
    CHECK(d.s.paired);  // a wrong PIN is not a revoked display
    CHECK(d.s.entry == ui::KioskEntry::pin);
    CHECK(d.s.badge == "1001");
    CHECK(d.shows("Badgenummer of pincode niet herkend. Probeer opnieuw."));
    d.type("9998");
    d.tap("OK");
    d.apply(ui::KioskLookupAnswer{429, std::nullopt, make_error("badge_locked", "locked", "badge")});
    CHECK(d.s.entry == ui::KioskEntry::badge);
    CHECK(d.s.badge.empty());
    CHECK(d.shows("Deze badge is een tijd geblokkeerd"));
    d.type("1001");
    d.tap("Volgende");
    d.type("2580");
    d.tap("OK");
    d.apply(ui::KioskLookupAnswer{0, std::nullopt, std::nullopt});
    CHECK(d.shows("Het scherm is offline"));
    CHECK(d.s.badge.empty());
    // Too short a PIN is not sent.
    d.type("1001");
    d.tap("Volgende");
    d.type("25");
    d.sent.clear();
    d.tap("OK");
    CHECK_FALSE(command_in<ui::KioskSendLookup>(d.sent));
}

TEST_CASE("the keypad keeps the language of its first digit while someone types; the rotation goes on after") {
    Display d;
    d.loaded();
    const std::int64_t start = d.s.rotation_start_ms;
    d.type("10");
    d.clock.now_ms = start + 10'000;  // the board's French turn
    CHECK(d.shows("Opleiding in Antwerp in 2026"));
    CHECK_FALSE(d.shows("Formation"));
    d.type("01");
    d.tap("Volgende");
    d.type("9999");
    d.tap("OK");
    d.clock.now_ms = start + 30'000;  // French again, for the next board
    d.apply(ui::KioskLookupAnswer{401, std::nullopt, make_error("wrong_pin", "badge or PIN not recognised", "pin")});
    CHECK(d.shows("Badgenummer of pincode niet herkend. Probeer opnieuw."));
    CHECK(d.shows("Opleidingen met vrije plaatsen"));
    // Nobody comes back: signed out after 30 s, and the display alternates again.
    d.later(30'000);
    CHECK(d.s.badge.empty());
    CHECK_FALSE(d.s.keypad_language);
    d.clock.now_ms = start + 90'000;  // the first board's French turn, one round later
    CHECK(d.shows("Formation à Antwerp en 2026"));
    // A digit typed during someone's own year does not hold a language for the next person.
    d.s.lookup = anna_lookup();
    d.apply(ui::KioskDigit{'1'});
    CHECK_FALSE(d.s.keypad_language);
}

TEST_CASE("landscape and portrait: board and keypad side by side or stacked, every key inside the screen") {
    for (auto size : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}}) {
        const float w = size.first, h = size.second;  // not a binding: clang 14 cannot capture one
        CAPTURE(w);
        Display d(w, h);
        d.loaded();
        d.frame();
        const ui::Item* one = d.gui.find("button", "1");
        const ui::Item* ok = d.gui.find("button", "Volgende");
        const ui::Item* heading = d.gui.find("heading", "Opleiding in Antwerp in 2026");
        REQUIRE(one);
        REQUIRE(ok);
        REQUIRE(heading);
        for (const auto& i : d.gui.items()) {
            if (i.role != "button") continue;
            CHECK_MESSAGE(!i.clipped, i.label);
            CHECK_MESSAGE(i.x >= 0, i.label);
            CHECK_MESSAGE(i.y + i.h <= h + 0.5f, i.label);
            CHECK_MESSAGE(i.x + i.w <= w + 0.5f, i.label);
        }
        if (w > h) CHECK(one->x > heading->x + w * 0.5f);  // beside the board
        else CHECK(one->y > heading->y + h * 0.4f);         // below it
        CHECK(one->h >= 44);
    }
}
