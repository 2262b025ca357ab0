// The app's kiosk section driven headless: a worker sees their badge and chooses a PIN (sent once,
// never kept, never in a path), takes and gives back a place on a training; HR plans trainings,
// creates a kiosk display whose token is shown once, and revokes one; every string translated.
#include <doctest/doctest.h>

#include "app_frame.h"
#include "demo_workspace.h"
#include "demo_year.h"
#include "headless_imgui.h"
#include "kiosk_account_requests.h"
#include "translations.h"
#include "update.h"

using namespace ll;

namespace {

// The first kiosk command of type T among `commands`.
template <class T>
std::optional<T> kiosk_command(const std::vector<ui::Command>& commands) {
    for (const auto& c : commands)
        if (const auto* w = std::get_if<ui::WorkspaceCommand>(&c))
            if (const auto* k = std::get_if<ui::KioskAccountCommand>(w))
                if (const auto* t = std::get_if<T>(k)) return *t;
    return std::nullopt;
}

ui::Action kiosk_action(ui::KioskAccountAction a) { return ui::WorkspaceAction{std::move(a)}; }

SessionInfo anna_at_demo() {
    SessionInfo s = test::anna_session();
    s.employer_id = "demo";
    return s;
}

ui::PlannedSession kiosk_first_aid(int enrolled = 7, bool mine = false) {
    TrainingSession t;
    t.id = "ts-0001";
    t.site = "Antwerp";
    t.title = "First aid refresher";
    t.date = *CivilDate::parse("2026-12-10");
    t.minutes = 180;
    t.places = 12;
    t.enrolled = enrolled;
    return {t, mine};
}

struct KioskSection {
    ui::AppState s;
    test::HeadlessImGui gui{390, 2400};
    std::function<void(std::vector<ui::Action>&)> draw = [this](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    explicit KioskSection(const SessionInfo& who, ui::Language l = ui::Language::en) : s(test::workspace_state(who, l)) {}
    std::vector<ui::Command> open() { return ui::update(s, ui::WorkspaceAction{ui::SelectSection{ui::Section::kiosk}}); }
    bool shows(const std::string& text) {
        gui.frame(draw);
        for (const auto& i : gui.items())
            if (i.label.find(text) != std::string::npos || i.value.find(text) != std::string::npos) return true;
        return false;
    }
    std::vector<ui::Command> tap(const std::string& role, const std::string& label) {
        gui.frame(draw);
        const ui::Item* item = gui.find(role, label);
        REQUIRE_MESSAGE(item, "no " << role << " \"" << label << "\"");
        return test::run_actions(s, gui.tap(*item, draw));
    }
};

}  // namespace

TEST_CASE("a worker sees their badge, chooses a PIN that is sent once and kept nowhere") {
    KioskSection k(anna_at_demo());
    auto opened = k.open();
    CHECK(kiosk_command<ui::FetchSessions>(opened));
    CHECK(kiosk_command<ui::FetchMyBadge>(opened));
    CHECK_FALSE(kiosk_command<ui::FetchKioskDevices>(opened));  // displays are HR's
    CHECK(k.shows("Kiosk"));
    ui::update(k.s, kiosk_action(ui::BadgeLoaded{{std::string("1001"), false, 0}}));
    CHECK(k.shows("Badge 1001"));
    CHECK(k.shows("Choose a PIN to see your training days on a kiosk."));
    ui::update(k.s, kiosk_action(ui::EditPin{"40a71-9"}));
    CHECK(k.s.workspace.kiosk.pin == "40719");  // digits only, as on the kiosk's keypad
    CHECK_FALSE(k.shows("40719"));              // a secret field: dots, and no value in the item tree
    auto sent = k.tap("button", "Save PIN");
    auto pin = kiosk_command<ui::SendPin>(sent);
    REQUIRE(pin);
    CHECK(pin->pin == "40719");
    CHECK(k.s.workspace.kiosk.pin.empty());
    const web::HttpRequest r = web::kiosk_account_request(ui::KioskAccountCommand{*pin}, "csrf-1");
    CHECK(r.method == "PUT");
    CHECK(r.path == "/api/v1/me/kiosk-pin");
    CHECK(r.body == R"({"pin":"40719"})");
    for (const auto& [name, value] : r.headers) CHECK(name != "Idempotency-Key");  // nothing keeps the PIN's request
    auto saved = web::kiosk_account_answer(ui::KioskAccountCommand{*pin}, 200, R"({"badge":"1001","pin_set":true,"locked_seconds":0})");
    ui::update(k.s, saved);
    CHECK(k.shows("PIN saved."));
    CHECK(k.shows("Your PIN is set."));
    auto weak = web::kiosk_account_answer(ui::KioskAccountCommand{*pin}, 400,
                                          R"({"error":{"code":"weak_pin","message":"not one digit repeated nor consecutive digits","field":"pin"}})");
    ui::update(k.s, weak);
    CHECK(k.shows("Choose a PIN that is not one digit repeated nor consecutive digits."));
    ui::update(k.s, kiosk_action(ui::BadgeLoaded{{std::nullopt, false, 0}}));
    CHECK(k.shows("HR has not given you a badge yet."));
}

TEST_CASE("a worker takes a place on a training and gives it back") {
    KioskSection k(anna_at_demo());
    k.open();
    ui::update(k.s, kiosk_action(ui::SessionsLoaded{{kiosk_first_aid()}}));
    CHECK(k.shows("First aid refresher"));
    CHECK(k.shows("5 places free"));
    auto taken = k.tap("button", "Take a place");
    auto place = kiosk_command<ui::SendPlace>(taken);
    REQUIRE(place);
    CHECK(place->take);
    const web::HttpRequest r = web::kiosk_account_request(ui::KioskAccountCommand{*place}, "csrf-1");
    CHECK(r.method == "POST");
    CHECK(r.path == "/api/v1/training-sessions/ts-0001/enrolment");
    const char* answer = R"({"id":"ts-0001","site":"Antwerp","title":"First aid refresher","provider":"","date":"2026-12-10","start":"09:00",)"
                         R"("minutes":180,"places":12,"enrolled":8,"free":4,"enrolled_by_me":true})";
    ui::update(k.s, web::kiosk_account_answer(ui::KioskAccountCommand{*place}, 201, answer));
    CHECK(k.shows("You have a place."));
    CHECK(k.shows("4 places free"));
    auto given = k.tap("button", "Give back my place");
    REQUIRE(kiosk_command<ui::SendPlace>(given));
    CHECK_FALSE(kiosk_command<ui::SendPlace>(given)->take);
    auto full = web::kiosk_account_answer(ui::KioskAccountCommand{ui::SendPlace{"ts-0001", true}}, 409,
                                          R"({"error":{"code":"session_full","message":"this training has no free place left","field":""}})");
    ui::update(k.s, full);
    CHECK(k.shows("This training has no free place left."));
    CHECK(k.s.workspace.kiosk.busy.empty());
}

TEST_CASE("HR plans a training, creates a display whose token is shown once, and revokes one") {
    KioskSection k(test::hr_session());
    auto opened = k.open();
    REQUIRE(kiosk_command<ui::FetchKioskDevices>(opened));
    auto devices = web::kiosk_account_answer(ui::KioskAccountCommand{ui::FetchKioskDevices{}}, 200,
                                             R"({"items":[{"id":"k-1","site":"Antwerp","revoked":false,"languages":["nl","fr"]}]})");
    ui::update(k.s, devices);
    ui::update(k.s, kiosk_action(ui::SessionsLoaded{{}}));
    CHECK(k.shows("Antwerp \u00b7 Nederlands, Fran\u00e7ais"));
    CHECK(k.shows("No trainings with places are planned."));

    ui::update(k.s, kiosk_action(ui::EditSessionDraft{{"Ghent", "Ecodriving", "2026-12-20", "13:30", "228", "10"}}));
    auto planned = k.tap("button", "Plan");
    auto send = kiosk_command<ui::SendSession>(planned);
    REQUIRE(send);
    CHECK(send->key == "key-2");
    const web::HttpRequest r = web::kiosk_account_request(ui::KioskAccountCommand{*send}, "csrf-1");
    CHECK(nlohmann::json::parse(r.body) == nlohmann::json{{"site", "Ghent"}, {"title", "Ecodriving"}, {"date", "2026-12-20"}, {"start", "13:30"},
                                                          {"minutes", 228}, {"places", 10}});

    ui::update(k.s, kiosk_action(ui::EditNewDevice{"Ghent"}));
    ui::update(k.s, kiosk_action(ui::ToggleDeviceLanguage{"fr"}));
    ui::update(k.s, kiosk_action(ui::ToggleDeviceLanguage{"nl"}));
    ui::update(k.s, kiosk_action(ui::ToggleDeviceLanguage{"fr"}));  // the last one stays: a display speaks a language
    CHECK(k.s.workspace.kiosk.new_languages == std::vector<std::string>{"fr"});
    auto created = k.tap("button", "Create display");
    auto device = kiosk_command<ui::SendNewDevice>(created);
    REQUIRE(device);
    CHECK(device->site == "Ghent");
    auto answer = web::kiosk_account_answer(ui::KioskAccountCommand{*device}, 201,
                                            R"({"id":"k-2","site":"Ghent","languages":["fr"],"token":"tok-secret-123"})");
    ui::update(k.s, answer);
    CHECK(k.shows("tok-secret-123"));
    k.tap("button", "Done");
    CHECK_FALSE(k.shows("tok-secret-123"));
    CHECK_FALSE(k.s.workspace.kiosk.new_token);

    auto revoked = k.tap("button", "Revoke");
    auto revoke = kiosk_command<ui::SendRevokeDevice>(revoked);
    REQUIRE(revoke);
    CHECK(revoke->id == "k-1");
    ui::update(k.s, web::kiosk_account_answer(ui::KioskAccountCommand{*revoke}, 200, R"({"id":"k-1","revoked":true})"));
    CHECK(k.shows("Revoked"));
}

TEST_CASE("the kiosk section finds every string in every language") {
    for (ui::Language l : ui::all_languages) {
        CAPTURE(ui::code(l));
        for (const SessionInfo& who : {anna_at_demo(), test::hr_session()}) {
            KioskSection k(who, l);
            ui::clear_missing_keys();
            k.open();
            ui::update(k.s, kiosk_action(ui::BadgeLoaded{{std::string("1001"), true, 120}}));
            ui::update(k.s, kiosk_action(ui::SessionsLoaded{{kiosk_first_aid(), kiosk_first_aid(12, false), kiosk_first_aid(3, true)}}));
            ui::update(k.s, kiosk_action(ui::DevicesLoaded{{{"k-1", "Antwerp", {"nl"}, false}, {"k-2", "Ghent", {"fr"}, true}}}));
            ui::update(k.s, kiosk_action(ui::DeviceCreated{{"k-3", "Hall", {"nl"}, false}, "tok"}));
            ui::update(k.s, kiosk_action(ui::PinSaved{{std::string("1001"), true, 0}}));
            k.gui.frame(k.draw);
            k.gui.frame(k.draw);
            CHECK_MESSAGE(ui::missing_keys().empty(), ui::code(l) << ": " << *ui::missing_keys().begin());
            for (const auto& i : k.gui.items()) CHECK_MESSAGE(!i.clipped, i.label);
        }
    }
}

TEST_CASE("HR gives a worker opened from the team table a badge number, changes it or takes it back") {
    for (ui::Language l : ui::all_languages) {
        CAPTURE(ui::code(l));
        ui::clear_missing_keys();
        KioskSection k(test::hr_session(), l);
        ui::update(k.s, ui::WorkspaceAction{ui::SelectSection{ui::Section::team}});
        ui::update(k.s, ui::WorkspaceAction{ui::TeamLoaded{k.s.workspace.team.year, test::demo_team(3)}});
        REQUIRE_FALSE(k.s.workspace.team.rows.empty());
        const std::string worker = k.s.workspace.team.rows[0].worker_id;
        auto opened = ui::update(k.s, ui::WorkspaceAction{ui::OpenWorker{worker}});
        auto fetch = kiosk_command<ui::FetchWorkerBadge>(opened);
        REQUIRE(fetch);
        CHECK(web::kiosk_account_request(ui::KioskAccountCommand{*fetch}, "").path == "/api/v1/workers/" + worker + "/badge");
        ui::update(k.s, ui::WorkspaceAction{ui::WorkerYearLoaded{worker, test::anna_year(2026)}});
        ui::update(k.s, web::kiosk_account_answer(ui::KioskAccountCommand{*fetch}, 200, R"({"badge":"1001","pin_set":true,"locked_seconds":0})"));
        CHECK(k.s.workspace.kiosk.badge_field == "1001");
        ui::update(k.s, kiosk_action(ui::EditWorkerBadge{"20x06"}));
        CHECK(k.s.workspace.kiosk.badge_field == "2006");
        auto saved = test::run_actions(k.s, {kiosk_action(ui::SaveWorkerBadge{})});
        auto send = kiosk_command<ui::SendWorkerBadge>(saved);
        REQUIRE(send);
        const web::HttpRequest put = web::kiosk_account_request(ui::KioskAccountCommand{*send}, "csrf");
        CHECK(put.method == "PUT");
        CHECK(put.body == R"({"badge":"2006"})");
        ui::update(k.s, web::kiosk_account_answer(ui::KioskAccountCommand{*send}, 409,
                                                  R"({"error":{"code":"conflict","message":"another worker has this badge","field":"badge"}})"));
        k.gui.frame(k.draw);
        k.gui.frame(k.draw);
        CHECK(k.gui.find("text", ui::tr("error.badge_taken")));
        ui::update(k.s, web::kiosk_account_answer(ui::KioskAccountCommand{*send}, 200, R"({"badge":"2006","pin_set":true,"locked_seconds":0})"));
        k.gui.frame(k.draw);
        k.gui.frame(k.draw);
        CHECK(k.gui.find("text", ui::tr("Badge saved.")));
        CHECK(ui::missing_keys().empty());
        ui::update(k.s, kiosk_action(ui::EditWorkerBadge{""}));
        auto taken = kiosk_command<ui::SendWorkerBadge>(test::run_actions(k.s, {kiosk_action(ui::SaveWorkerBadge{})}));
        REQUIRE(taken);
        CHECK(web::kiosk_account_request(ui::KioskAccountCommand{*taken}, "csrf").method == "DELETE");
    }
    // A manager opening a worker loads no badge: badges are HR's.
    KioskSection m(test::manager_session());
    ui::update(m.s, ui::WorkspaceAction{ui::TeamLoaded{m.s.workspace.team.year, test::demo_team(3)}});
    REQUIRE_FALSE(m.s.workspace.team.rows.empty());
    CHECK_FALSE(kiosk_command<ui::FetchWorkerBadge>(ui::update(m.s, ui::WorkspaceAction{ui::OpenWorker{m.s.workspace.team.rows[0].worker_id}})));
}
