// The JSON wire format: what the server encodes the client decodes to the same values.
#include <doctest/doctest.h>

#include "entitlement.h"
#include "json_reader.h"
#include "shipped_rules.h"
#include "wire.h"
#include "year_view.h"

using namespace ll;

TEST_CASE("entitlement round-trips through the wire format exactly") {
    EmploymentPeriod p{*CivilDate::parse("2024-03-15"), std::nullopt, *Rational::make(2, 3)};
    auto e = compute_entitlement(*shipped::belgian_rule_set(), EntitlementInput{2024, Rational(50), {p}});
    REQUIRE(e.ok());
    auto text = wire::to_json(*e).dump();
    auto back = wire::entitlement_from_json(*parse_json(text));
    REQUIRE(back.ok());
    CHECK(back->days == e->days);
    CHECK(back->days == *Rational::make(25, 9));  // 5 x 2/3 x 10/12
    CHECK(back->minutes == e->minutes);
    CHECK(back->months_counted == 10);
    REQUIRE(back->explanation.size() == e->explanation.size());
    CHECK(back->explanation[1].key == "entitlement.pro_rata");
    CHECK(back->explanation[1].arg("months") == "10");
}

TEST_CASE("errors encode as the documented envelope") {
    auto j = wire::to_json(make_error("invalid_date", "expected a date as YYYY-MM-DD", "start"));
    CHECK(j.dump() == R"({"error":{"code":"invalid_date","field":"start","message":"expected a date as YYYY-MM-DD"}})");
    auto back = wire::error_from_json(j);
    REQUIRE(back.has_value());
    CHECK(back->field == "start");
}

TEST_CASE("a malformed server answer becomes an error, not a crash") {
    for (const char* text : {R"({"year":"2024"})", R"([])", R"({"error":1})", R"(null)"}) {
        auto j = parse_json(text);
        REQUIRE(j.ok());
        CHECK_FALSE(wire::entitlement_from_json(*j).ok());
        CHECK_FALSE(wire::error_from_json(*j).has_value());
    }
    CHECK(parse_json("{\"a\":").error().code == "malformed_json");
}

TEST_CASE("the JSON reader refuses wrong types, unknown fields and out-of-range values") {
    auto j = *parse_json(R"({"year":2024.5,"fraction":"19/38","when":"2024-02-30","extra":true})");
    {
        JsonReader r(j);
        r.integer("year", true, 2000, 2100);
        CHECK(r.error().field == "year");
    }
    {
        JsonReader r(j);
        CHECK(*r.rational("fraction", true, Rational(0), Rational(1), true) == *Rational::make(1, 2));
        r.date("when", true);
        CHECK(r.error().field == "when");
    }
    {
        JsonReader r(j);
        r.rational("fraction", true, Rational(0), Rational(1), true);
        r.string("when", true);
        r.integer("year", false, 0, 1);
        r.reject_unknown_fields();
        CHECK(r.error().field == "year");
    }
    {
        auto two = *parse_json(R"({"a":1,"b":2})");
        JsonReader r(two, "employment[3]");
        r.integer("a", true, 0, 5);
        r.reject_unknown_fields();
        CHECK(r.error().code == "unknown_field");
        CHECK(r.error().field == "employment[3].b");
    }
}

TEST_CASE("obligations encode with their dates and deadline rule") {
    const auto& rules = *shipped::belgian_rule_set();
    const Obligation* quarterly = nullptr;
    for (const auto& o : rules.obligations)
        if (o.id == "fla.quarterly_update.v1") quarterly = &o;
    REQUIRE(quarterly != nullptr);
    auto j = wire::to_json(*quarterly);
    CHECK(j["trigger"] == "quarter_end");
    CHECK(j["deadline"]["months_after"] == 1);
    CHECK(j["deadline"]["end_of_month"] == true);
    CHECK(j["valid_from"] == "2024-04-01");
    CHECK(j["valid_to"].is_null());
    CHECK(j["known_to"] == "2024-11-01");
}

TEST_CASE("a year view round-trips: figures, lines, periods, end of contract and entries") {
    WorkerFacts f;
    f.employment = {{*CivilDate::parse("2024-04-29"), *CivilDate::parse("2026-06-30"), *Rational::make(4, 5)}};
    f.termination = Termination{*CivilDate::parse("2026-06-30"), TerminationReason::dismissal};
    for (int y = 2024; y <= 2026; ++y) f.company_fte[y] = Rational(40);
    EntryRecord e;
    e.entry = LedgerEntry{"e-1", EntryKind::training, EntryStatus::approved, *CivilDate::parse("2026-02-02"), 456, "First aid"};
    e.worker_id = "w-1";
    e.provider = "Red Cross";
    e.certificate_id = "c-1";
    e.created_by = "w-1";
    e.created_at = "2026-02-02T09:00:00Z";
    e.decided_by = "m-1";
    auto balance = fold_ledger(*shipped::belgian_rule_set(), f, {e.entry}, LedgerOptions{2024, 2026, false});
    REQUIRE(balance.ok());
    YearView v = year_view("w-1", *balance, {e});
    auto back = wire::year_view_from_json(*parse_json(wire::to_json(v).dump()));
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().field + ": " + back.error().message));
    CHECK(back->year == 2026);
    CHECK(back->entitled_days == v.entitled_days);
    CHECK(back->carried_in_minutes == v.carried_in_minutes);
    CHECK(back->used_minutes == 456);
    CHECK(back->remaining_minutes == v.remaining_minutes);
    CHECK(back->explanation.size() == v.explanation.size());
    CHECK(back->entitlement_explanation.size() == v.entitlement_explanation.size());
    REQUIRE(back->periods.size() == 1);
    CHECK(back->periods[0].goal_minutes == v.periods[0].goal_minutes);
    REQUIRE(back->end_of_contract.has_value());
    CHECK_FALSE(back->end_of_contract->lapses);
    REQUIRE(back->entries.size() == 1);
    CHECK(back->entries[0].entry.title == "First aid");
    CHECK(back->entries[0].certificate_id == "c-1");
    CHECK(back->entries[0].decision_reason.empty());
    CHECK_FALSE(back->lapses_on.has_value());
    v.lapses_on = *CivilDate::parse("2028-12-31");
    auto lapsing = wire::year_view_from_json(*parse_json(wire::to_json(v).dump()));
    REQUIRE(lapsing.ok());
    CHECK(lapsing->lapses_on == v.lapses_on);
    CHECK_FALSE(wire::year_view_from_json(*parse_json(R"({"year":2026})")).ok());
}

TEST_CASE("the preview of a submission subtracts it from the year it belongs to") {
    YearView v;
    v.year = 2026;
    v.remaining_minutes = 1000;
    CHECK(remaining_if_approved(v, *CivilDate::parse("2026-05-01"), 300) == 700);
    CHECK(remaining_if_approved(v, *CivilDate::parse("2026-05-01"), 3000) == 0);
    CHECK(remaining_if_approved(v, *CivilDate::parse("2025-05-01"), 300) == 1000);
}

TEST_CASE("an entry's decision set on its JSON reads as the decided entry encoded afresh") {
    EntryRecord e;
    e.entry = LedgerEntry{"e-1", EntryKind::training, EntryStatus::submitted, *CivilDate::parse("2026-02-02"), 456, "First aid"};
    e.worker_id = "w-1";
    e.created_by = "w-1";
    e.created_at = "2026-02-02T09:00:00Z";
    e.version = 3;
    nlohmann::json j = wire::to_json(e);
    CHECK(j["decided_by"].is_null());
    for (EntryStatus decided : {EntryStatus::approved, EntryStatus::rejected, EntryStatus::withdrawn}) {
        EntryRecord d = e;
        d.entry.status = decided;
        d.decided_by = decided == EntryStatus::withdrawn ? "" : "w-9";
        d.decided_at = decided == EntryStatus::withdrawn ? "" : "2026-02-03T10:00:00Z";
        d.decision_reason = decided == EntryStatus::rejected ? "Not related to the job" : "";
        d.version = e.version + 1;
        nlohmann::json patched = j;
        wire::set_decision(patched, d);
        CHECK(patched.dump() == wire::to_json(d).dump());
    }
}
