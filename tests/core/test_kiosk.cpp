// The kiosk's rules: PIN and badge shapes, lockout after wrong PINs, rotation through dashboards
// and languages, the lookup's automatic sign-out, site aggregates and the board on the wire.
#include <doctest/doctest.h>

#include "kiosk.h"
#include "kiosk_wire.h"
#include "requests.h"
#include "training_session.h"

using namespace ll;

namespace {
CivilDate kiosk_day(const char* iso) { return *CivilDate::parse(iso); }
}  // namespace

TEST_CASE("a PIN is 4 to 8 digits and not one the guessing starts with") {
    CHECK(kiosk::validate_pin("4071").ok());
    CHECK(kiosk::validate_pin("90210833").ok());
    for (const char* weak : {"1111", "1234", "9876", "0000", "45678"}) {
        auto r = kiosk::validate_pin(weak);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "weak_pin");
        CHECK(r.error().field == "pin");
    }
    CHECK(kiosk::validate_pin("407").error().code == "invalid_pin");
    CHECK(kiosk::validate_pin("407123456").error().code == "invalid_pin");
    CHECK(kiosk::validate_pin("40a1").error().code == "invalid_pin");
    CHECK(kiosk::validate_pin("").error().code == "missing_field");
}

TEST_CASE("a badge number is digits, as typed on the keypad") {
    CHECK(*kiosk::validate_badge("001042") == "001042");
    CHECK(kiosk::validate_badge("B-1042").error().code == "invalid_badge");
    CHECK(kiosk::validate_badge("<script>").error().field == "badge");
    CHECK(kiosk::validate_badge(std::string(13, '1')).error().code == "too_long");
}

TEST_CASE("five wrong PINs in a row lock the badge for a quarter of an hour, then it may try again") {
    kiosk::BadgeLock lock;
    const std::int64_t t0 = 1'800'000'000;
    for (int i = 1; i <= 4; ++i) {
        lock = kiosk::after_wrong_pin(lock, t0 + i);
        CHECK(lock.wrong_pins == i);
        CHECK(kiosk::seconds_locked(lock, t0 + i) == 0);
    }
    lock = kiosk::after_wrong_pin(lock, t0 + 5);
    CHECK(lock.wrong_pins == 0);
    CHECK(kiosk::seconds_locked(lock, t0 + 5) == 15 * 60);
    CHECK(kiosk::seconds_locked(lock, t0 + 5 + 15 * 60 - 1) == 1);
    CHECK(kiosk::seconds_locked(lock, t0 + 5 + 15 * 60) == 0);
}

TEST_CASE("the display shows each dashboard in every language before the next one") {
    kiosk::Policy p;
    p.slot_seconds = 10;
    auto at = [&](std::int64_t s) { return kiosk::slot_at(s * 1000, 3, 2, p); };
    CHECK(at(0).dashboard == 0);
    CHECK(at(0).language == 0);
    CHECK(at(10).dashboard == 0);
    CHECK(at(10).language == 1);
    CHECK(at(20).dashboard == 1);
    CHECK(at(20).language == 0);
    CHECK(at(59).dashboard == 2);
    CHECK(at(59).language == 1);
    CHECK(at(60).dashboard == 0);  // round again
    CHECK(at(5).progress == doctest::Approx(0.5));
    CHECK(kiosk::slot_at(25'000, 4, 1, p).dashboard == 2);  // one language: a dashboard per slot
    CHECK(kiosk::slot_at(-5, 0, 0, p).dashboard == 0);      // nothing to show is no division by zero
}

TEST_CASE("a lookup signs out 30 s after the last touch") {
    CHECK(kiosk::lookup_seconds_left(0) == 30);
    CHECK(kiosk::lookup_seconds_left(100) == 30);
    CHECK(kiosk::lookup_seconds_left(29'001) == 1);
    CHECK(kiosk::lookup_seconds_left(30'000) == 0);
    CHECK(kiosk::lookup_seconds_left(90'000) == 0);
}

TEST_CASE("site progress counts each worker up to their own right and hides groups under five") {
    std::vector<kiosk::WorkerYear> site{{2400, 2400}, {2400, 4800}, {2400, 0}, {1200, 600}, {2400, 1200}};
    auto p = kiosk::site_progress(site);
    CHECK(p.workers == 5);
    CHECK(p.shown);
    CHECK(p.goal_minutes == 10800);
    CHECK(p.followed_minutes == 2400 + 2400 + 0 + 600 + 1200);  // the 4800 counts as 2400
    CHECK(p.percent == 6600 * 100 / 10800);
    site.pop_back();
    auto small = kiosk::site_progress(site);
    CHECK_FALSE(small.shown);
    CHECK(small.workers == 4);
    CHECK(small.goal_minutes == 0);
    CHECK(small.percent == 0);
}

TEST_CASE("this month's deadlines leave out what is done and other months, without names") {
    ComplianceReport r;
    r.day = kiosk_day("2026-03-10");
    DutyGroup plan;
    plan.obligation_id = "plan";
    plan.name = "Training plan";
    plan.deadline = kiosk_day("2026-03-31");
    plan.status = DutyStatus::due;
    plan.total = 1;
    DutyGroup register_new = plan;
    register_new.obligation_id = "register";
    register_new.deadline = kiosk_day("2026-03-15");
    register_new.total = 3;
    register_new.done = 1;
    register_new.duties = {Duty{}, Duty{}, Duty{}};
    register_new.duties[0].worker_name = "Anna Peeters";
    DutyGroup done = plan;
    done.obligation_id = "done";
    done.status = DutyStatus::done;
    DutyGroup april = plan;
    april.obligation_id = "april";
    april.deadline = kiosk_day("2026-04-01");
    r.groups = {plan, register_new, done, april};
    auto d = kiosk::deadlines_this_month(r, kiosk_day("2026-03-10"));
    REQUIRE(d.size() == 2);
    CHECK(d[0].obligation_id == "register");
    CHECK(d[0].done == 1);
    CHECK(d[0].total == 3);
    CHECK(d[1].obligation_id == "plan");
    CHECK(wire::to_json(KioskBoard{"Hall", "Acme", {"nl"}, kiosk_day("2026-03-10"), {}, {}, d, "", {}}).dump().find("Anna") == std::string::npos);
}

TEST_CASE("upcoming trainings with places: this site, from today, not full, by day and time") {
    auto session = [](const char* id, const char* site, const char* date, int start, int places, int enrolled) {
        TrainingSession s;
        s.id = id;
        s.site = site;
        s.date = kiosk_day(date);
        s.start_minute = start;
        s.minutes = 120;
        s.places = places;
        s.enrolled = enrolled;
        return s;
    };
    std::vector<TrainingSession> all{session("late", "Hall", "2026-05-02", 13 * 60, 10, 2), session("full", "Hall", "2026-05-01", 9 * 60, 8, 8),
                                     session("past", "Hall", "2026-04-01", 9 * 60, 8, 0), session("other", "Depot", "2026-05-01", 9 * 60, 8, 0),
                                     session("early", "Hall", "2026-05-02", 8 * 60, 10, 9)};
    auto up = upcoming_with_places(all, "Hall", kiosk_day("2026-04-20"), 10);
    REQUIRE(up.size() == 2);
    CHECK(up[0].id == "early");
    CHECK(up[1].id == "late");
    CHECK(free_places(up[0]) == 1);
    CHECK(upcoming_with_places(all, "Hall", kiosk_day("2026-04-20"), 1).size() == 1);
    CHECK(may_enrol(all[1], false, kiosk_day("2026-04-20")).error().code == "session_full");
    CHECK(may_enrol(all[2], false, kiosk_day("2026-04-20")).error().code == "session_past");
    CHECK(may_enrol(all[0], true, kiosk_day("2026-04-20")).error().code == "already_enrolled");
    CHECK(may_enrol(all[0], false, kiosk_day("2026-05-02")).ok());
    CHECK(time_of_day(570) == "09:30");
}

TEST_CASE("kiosk requests are strict and name the field") {
    using nlohmann::json;
    auto d = requests::kiosk_device({{"site", "Canteen"}, {"languages", {"nl", "fr"}}});
    REQUIRE(d.ok());
    CHECK(d->languages == std::vector<std::string>{"nl", "fr"});
    CHECK(requests::kiosk_device({{"site", "Canteen"}})->languages == std::vector<std::string>{"nl"});
    CHECK(requests::kiosk_device({{"site", "Canteen"}, {"languages", {"nl", "nl"}}}).error().field == "languages");
    CHECK(requests::kiosk_device({{"site", "Canteen"}, {"languages", {"xx"}}}).error().field == "languages");
    CHECK(requests::kiosk_device({{"site", " "}}).error().field == "site");
    CHECK(requests::pin({{"pin", "1234"}}).error().code == "weak_pin");
    CHECK(requests::kiosk_sign_in({{"badge", "1001"}}).error().field == "pin");
    CHECK(requests::kiosk_sign_in({{"badge", "B-1"}, {"pin", "4071"}}).error().field == "badge");
    auto s = requests::training_session({{"site", "Hall"}, {"title", "First aid"}, {"date", "2026-05-02"}, {"start", "13:30"},
                                          {"minutes", 180}, {"places", 12}});
    REQUIRE(s.ok());
    CHECK(s->start_minute == 13 * 60 + 30);
    CHECK(requests::training_session({{"site", "Hall"}, {"title", "x"}, {"date", "2026-05-02"}, {"start", "24:00"}, {"minutes", 60},
                                      {"places", 1}}).error().field == "start");
    CHECK(requests::training_session({{"site", "Hall"}, {"title", "x"}, {"date", "2026-05-02"}, {"start", "23:00"}, {"minutes", 120},
                                      {"places", 1}}).error().field == "minutes");
    CHECK(requests::training_session({{"site", "Hall"}, {"title", "x"}, {"date", "2026-05-02"}, {"start", "9:00"}, {"minutes", 60},
                                      {"places", 0}}).error().field == "places");
}

TEST_CASE("the kiosk board survives the wire and refuses a malformed QR code") {
    KioskBoard b;
    b.site = "Canteen";
    b.employer_name = "Acme";
    b.languages = {"nl", "fr"};
    b.today = kiosk_day("2026-03-10");
    b.progress = kiosk::site_progress({{2400, 1200}, {2400, 1200}, {2400, 0}, {2400, 0}, {2400, 2400}});
    TrainingSession s;
    s.id = "s-1";
    s.site = "Canteen";
    s.title = "Eerste hulp";
    s.date = kiosk_day("2026-03-20");
    s.minutes = 180;
    s.places = 12;
    s.enrolled = 4;
    b.sessions = {s};
    b.deadlines = {{"plan", "Training plan", kiosk_day("2026-03-31"), DutyStatus::due, 0, 1}};
    b.app_url = "https://learn.example/";
    b.qr = {3, "101010101"};
    auto back = wire::kiosk_board_from_json(wire::to_json(b));
    REQUIRE(back.ok());
    CHECK(back->languages == b.languages);
    CHECK(back->progress.percent == b.progress.percent);
    CHECK(back->progress.shown);
    REQUIRE(back->sessions.size() == 1);
    CHECK(free_places(back->sessions[0]) == 8);
    CHECK(back->deadlines[0].deadline == kiosk_day("2026-03-31"));
    CHECK(back->qr.dark(0, 0));
    CHECK_FALSE(back->qr.dark(1, 0));
    auto j = wire::to_json(b);
    j["qr"]["modules"] = "1010";
    CHECK(wire::kiosk_board_from_json(j).error().field == "qr.modules");
    j = wire::to_json(b);
    j["languages"] = nlohmann::json::array();
    CHECK(wire::kiosk_board_from_json(j).error().field == "languages");
}
