// The update step: commands it asks for, sign-in and sign-out, stale answers dropped, bounds.
#include <doctest/doctest.h>

#include <algorithm>

#include "api_client.h"
#include "demo_year.h"
#include "offline_snapshot.h"
#include "update.h"
#include "wire.h"

using namespace ll;

namespace {

SessionInfo worker_session() { return test::anna_session(); }

ui::AppState signed_in(const char* today = "2026-11-29") {
    auto s = ui::initial_state(*CivilDate::parse(today), 2023, 2040);
    ui::update(s, ui::SessionChecked{worker_session()});
    return s;
}

}  // namespace

TEST_CASE("the app asks who is signed in, then shows today's year") {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    CHECK(s.screen == ui::Screen::starting);
    auto first = ui::start(s);
    REQUIRE(first.size() == 1);
    CHECK(std::holds_alternative<ui::CheckSession>(first[0]));
    auto commands = ui::update(s, ui::SessionChecked{worker_session()});
    CHECK(s.screen == ui::Screen::balance);
    REQUIRE(commands.size() == 2);  // load the year, save who is signed in for offline use
    CHECK(std::holds_alternative<ui::SaveOffline>(commands[1]));
    CHECK(std::get<ui::FetchYear>(commands[0]).year == 2026);
    CHECK(s.session->csrf_token.empty());  // the UI state never holds the token
    CHECK(ui::initial_state(*CivilDate::parse("2050-01-01"), 2023, 2040).year == 2040);
}

TEST_CASE("sign-in: local checks, one request at a time, failures clear the password") {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(s, ui::SessionChecked{std::nullopt});
    CHECK(s.screen == ui::Screen::sign_in);
    CHECK(ui::update(s, ui::SubmitSignIn{}).empty());
    CHECK(s.sign_in.error->field == "email");
    ui::update(s, ui::EditEmail{"anna@demo.example"});
    CHECK(ui::update(s, ui::SubmitSignIn{}).empty());
    CHECK(s.sign_in.error->field == "password");
    ui::update(s, ui::EditPassword{"wrong"});
    auto sent = ui::update(s, ui::SubmitSignIn{});
    REQUIRE(sent.size() == 1);
    CHECK(std::get<ui::SendSignIn>(sent[0]).password == "wrong");
    CHECK(ui::update(s, ui::SubmitSignIn{}).empty());  // busy
    ui::update(s, ui::SignInFailed{make_error("invalid_credentials", "wrong e-mail address or password")});
    CHECK(s.sign_in.password.empty());
    CHECK(s.sign_in.email == "anna@demo.example");
    CHECK_FALSE(s.sign_in.busy);
    ui::update(s, ui::EditPassword{"right"});
    ui::update(s, ui::SubmitSignIn{});
    auto loaded = ui::update(s, ui::SignedIn{worker_session()});
    CHECK(s.screen == ui::Screen::balance);
    CHECK(s.sign_in.password.empty());
    CHECK(loaded.size() == 2);
}

TEST_CASE("sign-out and a lost session return to sign-in") {
    auto s = signed_in();
    auto out = ui::update(s, ui::SignOut{});
    REQUIRE(out.size() == 2);
    CHECK(std::holds_alternative<ui::SendSignOut>(out[0]));
    CHECK(std::holds_alternative<ui::SaveOffline>(out[1]));
    CHECK(ui::offline_snapshot(s).empty());  // erased
    CHECK_FALSE(ui::keeps_offline_data(s));
    CHECK(s.screen == ui::Screen::sign_in);
    CHECK_FALSE(s.session.has_value());

    auto t = signed_in();
    ui::update(t, ui::RequestFailed{2026, make_error("session_expired", "the session has expired")});
    CHECK(t.screen == ui::Screen::sign_in);
    CHECK(t.sign_in.error->message == "you were signed out; sign in again");
}

TEST_CASE("a slow answer for a year no longer shown is dropped") {
    auto s = signed_in();
    ui::update(s, ui::SelectYear{2025});
    ui::update(s, ui::YearLoaded{test::anna_year(2026)});
    CHECK_FALSE(s.view.has_value());
    CHECK(s.load == ui::LoadState::loading);
    ui::update(s, ui::RequestFailed{2026, make_error("offline", "x")});
    CHECK(s.load == ui::LoadState::loading);
    ui::update(s, ui::YearLoaded{test::anna_year(2025)});
    CHECK(s.load == ui::LoadState::loaded);
    CHECK(s.view->year == 2025);
}

TEST_CASE("year selection stays inside the rule set and does not refetch the shown year") {
    auto s = signed_in("2023-05-01");
    ui::update(s, ui::YearLoaded{test::anna_year(2023)});
    CHECK(ui::update(s, ui::SelectYear{2022}).empty());
    CHECK(s.year == 2023);
    auto commands = ui::update(s, ui::SelectYear{2024});
    REQUIRE(commands.size() == 1);
    CHECK(std::get<ui::FetchYear>(commands[0]).year == 2024);
    ui::update(s, ui::RequestFailed{2024, make_error("offline", "x")});
    CHECK(ui::update(s, ui::Retry{}).size() == 1);
}

TEST_CASE("the API client builds requests, keeps the CSRF token and decodes answers") {
    std::vector<std::pair<int, web::HttpRequest>> sent;
    std::vector<ui::Action> received;
    web::ApiClient api([&](int id, const web::HttpRequest& r) { sent.emplace_back(id, r); },
                       [&](ui::Action a) { received.push_back(std::move(a)); });
    api.send(ui::SendSignIn{"anna@demo.example", "pw"});
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].second.method == "POST");
    CHECK(sent[0].second.path == "/api/v1/session");
    api.on_response(sent[0].first, 200, wire::to_json(worker_session()).dump());
    REQUIRE(received.size() == 1);
    CHECK(std::get<ui::SignedIn>(received[0]).session.worker_id == "w-0001");

    api.send(ui::SendSignOut{});
    REQUIRE(sent.size() == 2);
    CHECK(sent[1].second.method == "DELETE");
    REQUIRE(sent[1].second.headers.size() == 1);
    CHECK(sent[1].second.headers[0].second == "token");

    api.send(ui::FetchYear{2024});
    CHECK(sent[2].second.path == "/api/v1/me/balance?year=2024");
    api.on_response(sent[2].first, 200, wire::to_json(test::anna_year(2024)).dump());
    CHECK(std::get<ui::YearLoaded>(received.back()).view.entitled_days == Rational(3));
    size_t count = received.size();
    api.on_response(sent[2].first, 200, "{}");  // a duplicate answer is ignored
    CHECK(received.size() == count);

    api.send(ui::SendSignIn{"anna@demo.example", "bad"});
    api.on_response(sent.back().first, 400, R"({"error":{"code":"invalid_credentials","message":"wrong e-mail address or password"}})");
    CHECK(std::get<ui::SignInFailed>(received.back()).error.code == "invalid_credentials");
    api.send(ui::CheckSession{});
    api.on_response(sent.back().first, 401, R"({"error":{"code":"unauthenticated","message":"sign in first"}})");
    CHECK_FALSE(std::get<ui::SessionChecked>(received.back()).session.has_value());
    api.send(ui::CheckSession{});
    api.on_response(sent.back().first, 0, "");
    CHECK(std::holds_alternative<ui::ConnectionLost>(received.back()));
}

TEST_CASE("bad answers become plain failures") {
    auto offline = web::year_answer(2024, 0, "");
    CHECK(std::get<ui::RequestFailed>(offline).error.code == "offline");
    auto not_found = web::year_answer(2024, 404, R"({"error":{"code":"not_found","message":"no such worker","field":"worker"}})");
    CHECK(std::get<ui::RequestFailed>(not_found).error.message == "no such worker");
    auto garbage = web::year_answer(2024, 200, "<html>");
    CHECK(std::get<ui::RequestFailed>(garbage).error.code == "server_error");
    auto wrong_year = web::year_answer(2025, 200, wire::to_json(test::anna_year(2024)).dump());
    CHECK(std::holds_alternative<ui::RequestFailed>(wrong_year));
    auto proxy_error = web::year_answer(2024, 502, "Bad Gateway");
    CHECK(std::get<ui::RequestFailed>(proxy_error).error.message == "the server answered with status 502");
}

TEST_CASE("offline start: the saved year shows; sign-out forgets everything; another account starts clean") {
    auto s = signed_in();
    ui::update(s, ui::YearLoaded{test::anna_year(2026)});
    auto snapshot = ui::offline_snapshot(s);
    CHECK(snapshot.find("token") == std::string::npos);  // no CSRF token or session on the device

    auto fresh = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(fresh, ui::restore_offline(snapshot));
    ui::update(fresh, ui::ConnectionLost{});
    CHECK(fresh.screen == ui::Screen::balance);
    CHECK(fresh.offline);
    REQUIRE(fresh.view.has_value());
    CHECK(fresh.view->year == 2026);
    // Another year without a saved view fails plainly.
    ui::update(fresh, ui::SelectYear{2025});
    ui::update(fresh, ui::RequestFailed{2025, make_error("offline", "x")});
    CHECK(fresh.load == ui::LoadState::failed);

    auto out = ui::update(fresh, ui::SignOut{});
    CHECK(std::any_of(out.begin(), out.end(), [](const ui::Command& c) { return std::holds_alternative<ui::SaveOffline>(c); }));
    CHECK(ui::offline_snapshot(fresh).empty());
    CHECK(fresh.saved_views.empty());

    CHECK_FALSE(ui::restore_offline("not json").session.has_value());
    CHECK_FALSE(ui::restore_offline(R"({"version":2})").session.has_value());
    auto other = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(other, ui::restore_offline(snapshot));
    SessionInfo someone = worker_session();
    someone.account_id = "acc-other";
    ui::update(other, ui::SignedIn{someone});
    CHECK(other.saved_views.empty());
}

TEST_CASE("not a trusted device: the choice is sent, and nothing personal is written to the device") {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(s, ui::SessionChecked{std::nullopt});
    CHECK(s.sign_in.remember);  // a phone of one's own is the usual case
    ui::update(s, ui::SetRemember{false});
    ui::update(s, ui::EditEmail{"anna@demo.example"});
    ui::update(s, ui::EditPassword{"pw"});
    auto sent = ui::update(s, ui::SubmitSignIn{});
    REQUIRE(sent.size() == 1);
    CHECK_FALSE(std::get<ui::SendSignIn>(sent[0]).remember);

    SessionInfo once = worker_session();
    once.persistent = false;
    ui::update(s, ui::SignedIn{once});
    CHECK_FALSE(ui::keeps_offline_data(s));  // erases, never writes
    CHECK(ui::offline_snapshot(s).empty());
    ui::update(s, ui::YearLoaded{test::anna_year(2026)});
    CHECK(ui::offline_snapshot(s).empty());
    CHECK_FALSE(s.sign_in.remember);  // the choice stays for the next sign-in on this page

    // A training kept offline keeps its certificate in memory only.
    ui::update(s, ui::SelectTab{ui::Tab::submit});
    ui::update(s, ui::EditForm{ui::FormField::title, "Course"});
    ui::update(s, ui::EditForm{ui::FormField::hours, "1"});
    ui::update(s, ui::CertificatePicked{"c.png", "image/png", 10});
    ui::update(s, ui::SubmitTraining{"k-7"});
    bool kept_in_memory = false;
    for (const auto& c : ui::update(s, ui::SubmitFailed{make_error("offline", "x"), "k-7"}))
        if (const auto* keep = std::get_if<ui::KeepCertificate>(&c)) kept_in_memory = !keep->on_device;
    CHECK(kept_in_memory);
    // Signing out lets the kept file go as well.
    bool forgotten = false;
    for (const auto& c : ui::update(s, ui::SignOut{}))
        if (const auto* f = std::get_if<ui::ForgetCertificate>(&c)) forgotten = f->key == "k-7";
    CHECK(forgotten);
}
