// The update step: commands it asks for, stale answers dropped, bounds respected.
#include <doctest/doctest.h>

#include "api_client.h"
#include "shipped_rules.h"
#include "update.h"
#include "wire.h"

using namespace ll;

namespace {

Entitlement entitlement_for(int year) {
    EmploymentPeriod p{*CivilDate::parse("2020-01-01"), std::nullopt, Rational(1)};
    return *compute_entitlement(*shipped::belgian_rule_set(), EntitlementInput{year, Rational(30), {p}});
}

}  // namespace

TEST_CASE("the app starts on today's year and asks for it") {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), "w-7", 2023, 2040);
    CHECK(s.year == 2026);
    auto commands = ui::start(s);
    REQUIRE(commands.size() == 1);
    auto fetch = std::get<ui::FetchEntitlement>(commands[0]);
    CHECK(fetch.worker_id == "w-7");
    CHECK(fetch.year == 2026);
    CHECK(s.load == ui::LoadState::loading);
    // Today outside the rule set clamps to its range.
    CHECK(ui::initial_state(*CivilDate::parse("2050-01-01"), "w", 2023, 2040).year == 2040);
}

TEST_CASE("a slow answer for a year no longer shown is dropped") {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), "w", 2023, 2040);
    ui::start(s);
    ui::update(s, ui::SelectYear{2025});
    ui::update(s, ui::EntitlementLoaded{entitlement_for(2026)});
    CHECK_FALSE(s.entitlement.has_value());
    CHECK(s.load == ui::LoadState::loading);
    ui::update(s, ui::RequestFailed{2026, make_error("offline", "x")});
    CHECK(s.load == ui::LoadState::loading);
    ui::update(s, ui::EntitlementLoaded{entitlement_for(2025)});
    CHECK(s.load == ui::LoadState::loaded);
    CHECK(s.entitlement->year == 2025);
}

TEST_CASE("year selection stays inside the rule set and does not refetch the shown year") {
    auto s = ui::initial_state(*CivilDate::parse("2023-05-01"), "w", 2023, 2040);
    ui::start(s);
    ui::update(s, ui::EntitlementLoaded{entitlement_for(2023)});
    CHECK(ui::update(s, ui::SelectYear{2022}).empty());
    CHECK(s.year == 2023);
    auto commands = ui::update(s, ui::SelectYear{2024});
    REQUIRE(commands.size() == 1);
    CHECK(std::get<ui::FetchEntitlement>(commands[0]).year == 2024);
    // After a failure the same year can be asked again.
    ui::update(s, ui::RequestFailed{2024, make_error("offline", "x")});
    CHECK(ui::update(s, ui::Retry{}).size() == 1);
}

TEST_CASE("the API client builds requests and decodes answers into actions") {
    std::vector<std::pair<int, web::HttpRequest>> sent;
    std::vector<ui::Action> received;
    web::ApiClient api([&](int id, const web::HttpRequest& r) { sent.emplace_back(id, r); },
                       [&](ui::Action a) { received.push_back(std::move(a)); });
    api.send(ui::FetchEntitlement{"w 1/..", 2024});
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].second.method == "GET");
    CHECK(sent[0].second.path == "/api/v1/workers/w%201%2F../entitlement?year=2024");

    api.on_response(sent[0].first, 200, wire::to_json(entitlement_for(2024)).dump());
    REQUIRE(received.size() == 1);
    CHECK(std::get<ui::EntitlementLoaded>(received[0]).entitlement.days == Rational(5));
    api.on_response(sent[0].first, 200, "{}");  // a duplicate answer is ignored
    CHECK(received.size() == 1);
}

TEST_CASE("bad answers become plain failures") {
    auto offline = web::entitlement_answer(2024, 0, "");
    CHECK(std::get<ui::RequestFailed>(offline).error.code == "offline");
    auto not_found = web::entitlement_answer(2024, 404, R"({"error":{"code":"not_found","message":"no such worker","field":"worker"}})");
    CHECK(std::get<ui::RequestFailed>(not_found).error.message == "no such worker");
    auto garbage = web::entitlement_answer(2024, 200, "<html>");
    CHECK(std::get<ui::RequestFailed>(garbage).error.code == "server_error");
    auto wrong_year = web::entitlement_answer(2025, 200, wire::to_json(entitlement_for(2024)).dump());
    CHECK(std::holds_alternative<ui::RequestFailed>(wrong_year));
    auto proxy_error = web::entitlement_answer(2024, 502, "Bad Gateway");
    CHECK(std::get<ui::RequestFailed>(proxy_error).error.message == "the server answered with status 502");
}
