// The employer workspace over HTTP: the approval inbox with each entry's effect on the balance,
// the team table scoped like every list, and the compliance cockpit with recorded fulfilments.
#include <doctest/doctest.h>

#include <set>

#include "demo_server.h"

using namespace ll::test;
using nlohmann::json;

namespace {

const json* find_by(const json& items, const char* key, const std::string& value) {
    for (const auto& i : items)
        if (i[key] == value) return &i;
    return nullptr;
}

const json* duty(const Reply& r, const std::string& obligation, const std::string& trigger = "") {
    for (const auto& g : r.body["items"])
        if (g["obligation_id"] == obligation && (trigger.empty() || g["trigger"] == trigger)) return &g;
    return nullptr;
}

// The `key` of every item.
std::set<std::string> ids_of(const json& items, const char* key = "worker_id") {
    std::set<std::string> out;
    for (const auto& i : items) out.insert(i[key].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("the approval inbox shows each entry's effect on the worker's year") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto manager = s.signed_in("manager@demo.example");
    auto inbox = manager.get("/api/v1/approvals");
    REQUIRE(inbox.status == 200);
    const json* safe_loading = find_by(inbox.body["items"], "title", "Safe loading");
    REQUIRE(safe_loading);
    CHECK((*safe_loading)["worker_name"] == "Anna Peeters");
    CHECK((*safe_loading)["minutes_per_day"] == 456);
    // 2024: 3 days - 1 used; 2025: 4 days - 0.5 used; 2026: 4 days: 1824 + 2508 carried.
    CHECK((*safe_loading)["remaining_minutes"] == 4332);
    CHECK((*safe_loading)["remaining_after_minutes"] == 4332 - 228);
    // Two more of Anna's in 2026: each shows the same year now and its own effect.
    auto anna = s.signed_in("worker@demo.example");
    for (auto [title, minutes] : {std::pair{"Reach truck", 120}, std::pair{"Fire warden", 60}})
        REQUIRE(anna.post("/api/v1/trainings", {{"title", title}, {"training_type", "formal"}, {"date", "2026-11-02"}, {"minutes", minutes}})
                    .status == 201);
    auto more = manager.get("/api/v1/approvals").body["items"];
    for (auto [title, minutes] : {std::pair{"Safe loading", 228}, std::pair{"Reach truck", 120}, std::pair{"Fire warden", 60}}) {
        const json* item = find_by(more, "title", title);
        REQUIRE(item);
        CHECK((*item)["remaining_minutes"] == 4332);
        CHECK((*item)["remaining_after_minutes"] == 4332 - minutes);
    }
    // Only the warehouse team: every item's worker is in the manager's department.
    auto team = manager.get("/api/v1/team?year=2026");
    for (const auto& i : inbox.body["items"]) CHECK(find_by(team.body["items"], "worker_id", i["worker_id"]));
    // HR sees the submissions of every department.
    auto hr = s.signed_in("hr@demo.example");
    const json all = hr.get("/api/v1/approvals").body;
    CHECK(all["items"].size() > inbox.body["items"].size());
    CHECK(all["total"] == all["items"].size());

    // A page: the oldest, with the count of all; the figures as on the whole list.
    const json page = hr.get("/api/v1/approvals?limit=2").body;
    REQUIRE(page["items"].size() == 2);
    CHECK(page["total"] == all["total"]);
    CHECK(page["items"][0] == all["items"][0]);
    CHECK(page["items"][1] == all["items"][1]);
    CHECK(page["items"][0]["date"] <= page["items"][1]["date"]);
    CHECK(hr.get("/api/v1/approvals?limit=5000").body["items"].size() == all["items"].size());
    for (const char* bad : {"0", "5001", "two", "-1", ""}) {
        auto refused = hr.get(std::string("/api/v1/approvals?limit=") + bad);
        CHECK(refused.status == 400);
        CHECK(refused.error()["field"] == "limit");
    }

    // The count and the page hold only what the asker may decide: the manager's own training, the
    // oldest waiting, is HR's to decide and not the manager's, though he is in his own reach.
    auto own = manager.post("/api/v1/trainings", {{"title", "Own course"}, {"training_type", "formal"}, {"date", "2026-01-02"}, {"minutes", 60}});
    REQUIRE(own.status == 201);
    const json mine = manager.get("/api/v1/approvals").body;
    CHECK(mine["total"] == mine["items"].size());
    CHECK_FALSE(find_by(mine["items"], "id", own.body["id"]));
    const json first = manager.get("/api/v1/approvals?limit=1").body;
    REQUIRE(first["items"].size() == 1);
    CHECK(first["items"][0] == mine["items"][0]);
    CHECK(first["total"] == mine["total"]);
    const json hr_first = hr.get("/api/v1/approvals?limit=1").body;
    CHECK(hr_first["total"] == all["total"].get<int>() + 1);
    CHECK(hr_first["items"][0]["id"] == own.body["id"]);
}

TEST_CASE("the team table: figures from the core's fold, scoped to who is asking") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto manager = s.signed_in("manager@demo.example");
    auto team = manager.get("/api/v1/team?year=2026");
    REQUIRE(team.status == 200);
    CHECK(team.body["year"] == 2026);
    const json* anna = find_by(team.body["items"], "worker_id", "w-0001");
    REQUIRE(anna);
    CHECK((*anna)["name"] == "Anna Peeters");
    CHECK((*anna)["department"] == "Warehouse");
    CHECK((*anna)["fraction"] == "4/5");
    CHECK((*anna)["status"] == "active");
    CHECK((*anna)["entitled_minutes"] == 1824);
    CHECK((*anna)["carried_in_minutes"] == 2508);
    CHECK((*anna)["pending_minutes"] == 228);
    CHECK((*anna)["remaining_minutes"] == 4332);
    CHECK((*anna)["behind"] == true);
    CHECK((*anna)["period_start_year"] == 2024);
    CHECK((*anna)["period_end_year"] == 2028);
    // The same figures as the worker's own year view.
    auto own = s.signed_in("worker@demo.example").get("/api/v1/me/balance?year=2026");
    CHECK(own.body["remaining_minutes"] == (*anna)["remaining_minutes"]);
    CHECK(own.body["carried_in_minutes"] == (*anna)["carried_in_minutes"]);
    for (const auto& row : team.body["items"]) CHECK(row["department"] == "Warehouse");

    auto hr = s.signed_in("hr@demo.example");
    auto all = hr.get("/api/v1/team?year=2025");
    CHECK(all.body["items"].size() == 60);
    const json* leaver = find_by(all.body["items"], "worker_id", "w-0013");
    REQUIRE(leaver);
    CHECK((*leaver)["status"] == "left");  // left on 30 September 2025: seen at the end of 2025

    auto worker = s.signed_in("worker@demo.example");
    auto mine = worker.get("/api/v1/team");
    REQUIRE(mine.body["items"].size() == 1);
    CHECK(mine.body["items"][0]["worker_id"] == "w-0001");

    auto bakery = s.signed_in("hr@bakery.example").get("/api/v1/team?year=2026");
    CHECK(bakery.body["items"].size() == 6);
    CHECK_FALSE(find_by(bakery.body["items"], "worker_id", "w-0001"));

    auto bad = hr.get("/api/v1/team?year=20x6");
    CHECK(bad.status == 400);
    CHECK(bad.error()["field"] == "year");
    CHECK(hr.get("/api/v1/team?year=1999").error()["field"] == "year");
}

TEST_CASE("lists for a delegate: the team, the workers and the inbox of the manager stood in for, while it runs") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto deputy = s.signed_in("worker2@demo.example");  // w-0002, in Office
    CHECK(ids_of(deputy.get("/api/v1/team?year=2026").body["items"]) == std::set<std::string>{"w-0002"});
    CHECK(deputy.get("/api/v1/workers").body["total"] == 1);
    CHECK(deputy.get("/api/v1/approvals").body["items"].empty());

    // The transport team, as HR sees it, and what of theirs waits.
    std::set<std::string> transport;
    const json everyone = hr.get("/api/v1/team?year=2026").body["items"];
    for (const auto& row : everyone)
        if (row["department"] == "Transport") transport.insert(row["worker_id"].get<std::string>());
    REQUIRE(transport.size() > 5);
    const json waiting = hr.get("/api/v1/approvals").body["items"];
    std::set<std::string> transport_waiting;
    for (const auto& i : waiting)
        if (transport.count(i["worker_id"].get<std::string>()) && i["worker_id"] != "w-0004") transport_waiting.insert(i["id"].get<std::string>());
    REQUIRE_FALSE(transport_waiting.empty());
    REQUIRE(transport_waiting.size() < waiting.size());

    // Standing in for the transport manager (w-0004) this year; the warehouse's (w-0003) ended in 2020.
    REQUIRE(hr.post("/api/v1/delegations", {{"approver_id", "w-0004"}, {"delegate_id", "w-0002"}, {"from", "2026-01-01"},
                                            {"to", "2026-12-31"}}).status == 201);
    REQUIRE(hr.post("/api/v1/delegations", {{"approver_id", "w-0003"}, {"delegate_id", "w-0002"}, {"from", "2020-01-01"},
                                            {"to", "2020-12-31"}}).status == 201);
    // Not the manager himself: nobody stands in for somebody over their own trainings.
    auto expected = transport;
    expected.erase("w-0004");
    expected.insert("w-0002");
    CHECK(ids_of(deputy.get("/api/v1/team?year=2026").body["items"]) == expected);
    auto workers = deputy.get("/api/v1/workers?page_size=500").body;
    CHECK(workers["total"] == expected.size());
    CHECK(ids_of(workers["items"], "id") == expected);
    CHECK(ids_of(deputy.get("/api/v1/approvals").body["items"], "id") == transport_waiting);
    // Another manager's list stays their own department's.
    auto manager = s.signed_in("manager@demo.example");  // w-0003, warehouse
    const json warehouse = manager.get("/api/v1/team?year=2026").body["items"];
    CHECK(warehouse.size() > 5);
    for (const auto& row : warehouse) CHECK(row["department"] == "Warehouse");
}

TEST_CASE("a manager's lists read their departments and themself: a worker moved out leaves them, a manager moved keeps himself") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto manager = s.signed_in("manager@demo.example");  // w-0003, manages the warehouse and works in it
    auto team = [&] {  // each worker once, whether in a department managed or the manager himself
        const json rows = manager.get("/api/v1/team?year=2026").body["items"];
        const auto ids = ids_of(rows);
        CHECK(ids.size() == rows.size());
        return ids;
    };
    auto workers = [&](const std::string& query) {
        const json page = manager.get("/api/v1/workers?page_size=500" + query).body;
        const auto ids = ids_of(page["items"], "id");
        CHECK(page["total"] == ids.size());
        return ids;
    };
    auto waiting_of = [](const json& inbox) { return ids_of(inbox["items"]); };
    const auto warehouse = team();
    REQUIRE(warehouse.count("w-0001"));
    REQUIRE(warehouse.count("w-0003"));
    REQUIRE(waiting_of(manager.get("/api/v1/approvals").body).count("w-0001"));  // Anna's "Safe loading"

    // Anna moves to the office: out of every list of the warehouse manager's, into HR's as before.
    REQUIRE(hr.patch("/api/v1/workers/w-0001", {{"department_id", "demo:Office"}}).status == 200);
    auto without_anna = warehouse;
    without_anna.erase("w-0001");
    CHECK(team() == without_anna);
    CHECK(workers("") == without_anna);
    CHECK_FALSE(waiting_of(manager.get("/api/v1/approvals").body).count("w-0001"));
    CHECK(waiting_of(hr.get("/api/v1/approvals").body).count("w-0001"));

    // The manager moves to the office too: he still manages the warehouse and still sees himself,
    // but no one else of the office; the list's own filters apply to both.
    REQUIRE(hr.patch("/api/v1/workers/w-0003", {{"department_id", "demo:Office"}}).status == 200);
    CHECK(team() == without_anna);
    CHECK(workers("") == without_anna);
    CHECK(workers("&department=demo:Office") == std::set<std::string>{"w-0003"});
    const std::string own_name = manager.get("/api/v1/workers/w-0003").body["display_name"];
    CHECK(workers("&q=" + own_name.substr(0, own_name.find(' '))).count("w-0003"));
    CHECK(workers("&q=" + own_name.substr(0, own_name.find(' '))).size() == 1);
    CHECK_FALSE(workers("&active=true").count("w-0001"));
    CHECK(workers("&active=true").count("w-0003"));
    for (const auto& id : waiting_of(manager.get("/api/v1/approvals").body)) CHECK(without_anna.count(id));
}

TEST_CASE("the cockpit: the FLA duties of a day in 2024, and today's after the abolition") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto mid2024 = hr.get("/api/v1/compliance?date=2024-06-15");
    REQUIRE(mid2024.status == 200);
    CHECK(mid2024.body["date"] == "2024-06-15");
    const json* initial = duty(mid2024, "fla.initial_registration.v1");
    REQUIRE(initial);
    CHECK((*initial)["deadline"] == "2024-09-30");
    CHECK((*initial)["days_left"] == 107);
    CHECK((*initial)["status"] == "due");
    const json* q2 = duty(mid2024, "fla.quarterly_update.v1", "2024-06-30");
    REQUIRE(q2);
    CHECK((*q2)["deadline"] == "2024-07-31");
    // Anna joined on 29 April 2024: registration within 60 days, by 28 June 2024.
    const json* joined = duty(mid2024, "fla.new_worker.v1", "2024-04-29");
    REQUIRE(joined);
    CHECK((*joined)["duties"][0]["worker_name"] == "Anna Peeters");
    CHECK((*joined)["deadline"] == "2024-06-28");
    CHECK_FALSE(duty(mid2024, "fla.abolished.data_retrieval"));

    auto now = hr.get("/api/v1/compliance?date=2026-12-01");
    REQUIRE(now.status == 200);
    const json* abolished = duty(now, "fla.abolished.data_retrieval");
    REQUIRE(abolished);
    CHECK((*abolished)["deadline"] == "2026-12-31");
    CHECK((*abolished)["action"].get<std::string>().find("1 January 2027") != std::string::npos);
    for (const auto& g : now.body["items"]) {
        const std::string id = g["obligation_id"];
        CHECK((id.rfind("fla.", 0) != 0 || id == "fla.abolished.data_retrieval"));
    }
    CHECK(duty(now, "yearly_balance_statement"));

    // The bakery (9 FTE) has no training plan; managers and workers have no cockpit.
    auto bakery = s.signed_in("hr@bakery.example").get("/api/v1/compliance?date=2026-02-01");
    CHECK_FALSE(duty(bakery, "training_plan"));
    CHECK(s.signed_in("manager@demo.example").get("/api/v1/compliance").status == 403);
    auto bad = hr.get("/api/v1/compliance?date=2024-02-30");
    CHECK(bad.status == 400);
    CHECK(bad.error()["field"] == "date");
}

TEST_CASE("HR records duties as done; refused records name the field and write nothing") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto plan = hr.post("/api/v1/compliance/fulfilments", {{"obligation_id", "training_plan"}, {"trigger", "2026-01-01"}, {"done_on", "2026-03-20"}});
    REQUIRE(plan.status == 201);
    auto report = hr.get("/api/v1/compliance?date=2026-06-01");
    const json* g = duty(report, "training_plan", "2026-01-01");
    REQUIRE(g);
    CHECK((*g)["status"] == "done");
    CHECK((*g)["duties"][0]["done_on"] == "2026-03-20");
    auto statement = hr.post("/api/v1/compliance/fulfilments",
                             {{"obligation_id", "yearly_balance_statement"}, {"trigger", "2026-01-01"}, {"worker_id", "w-0001"}, {"done_on", "2026-03-02"}});
    REQUIRE(statement.status == 201);
    auto today = hr.get("/api/v1/compliance?date=2026-06-01");
    const json* st = duty(today, "yearly_balance_statement", "2026-01-01");
    REQUIRE(st);
    CHECK((*st)["done"] == 1);

    const std::string before = table_fingerprint(s.db);
    struct Bad {
        json body;
        const char* field;
    };
    const Bad bad[] = {
        {{{"obligation_id", "no.such"}, {"trigger", "2026-01-01"}}, "obligation_id"},
        {{{"obligation_id", "training_plan"}, {"trigger", "2026-01-02"}}, "trigger"},
        {{{"obligation_id", "yearly_balance_statement"}, {"trigger", "2026-01-01"}}, "worker_id"},
        {{{"obligation_id", "yearly_balance_statement"}, {"trigger", "2026-01-01"}, {"worker_id", "b-0001"}}, "worker_id"},
        {{{"obligation_id", "training_plan"}, {"trigger", "2026-01-01"}, {"done_on", "2099-01-01"}}, "done_on"},
        {{{"obligation_id", "training_plan"}, {"trigger", "2026-01-01"}, {"extra", 1}}, "extra"},
    };
    for (const auto& b : bad) {
        auto r = hr.post("/api/v1/compliance/fulfilments", b.body);
        CAPTURE(b.body.dump());
        CHECK(r.status >= 400);
        CHECK(r.error()["field"] == b.field);
    }
    CHECK(s.signed_in("manager@demo.example")
              .post("/api/v1/compliance/fulfilments", {{"obligation_id", "training_plan"}, {"trigger", "2026-01-01"}})
              .status == 403);
    CHECK(table_fingerprint(s.db) == before);
}
