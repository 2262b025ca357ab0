// Payroll imports over HTTP: a dry run lists row by row what would happen and writes nothing;
// applying writes every good row in one transaction (and only those); refusals name the field.
#include <doctest/doctest.h>

#include "demo_server.h"

using namespace ll::test;
using nlohmann::json;

namespace {

// A new fictional person (valid check digits, belonging to nobody).
const std::string new_person = "90020199803";

std::string payroll(const std::string& anna) {
    return "\xEF\xBB\xBF" "INSZ;Naam;Afdeling;PC;Taal;Geslacht;In dienst;Uit dienst;Tewerkstellingsbreuk\r\n" +
           new_person + ";\"Dupont, Élise\";Office;200;fr;F;01/02/2026;;80%\r\n" +
           anna + ";Anna Peeters;Office;226;nl;V;29/04/2024;;0,8\r\n" +
           "12345678901;Bad Number;Office;226;nl;M;2026-01-01;;1\r\n" +
           "88031512335;No Such Department;Kitchen;226;nl;M;2026-01-01;;1\r\n";
}

const json* row_at(const Reply& r, int line) {
    for (const auto& row : r.body["rows"])
        if (row["line"] == line) return &row;
    return nullptr;
}

}  // namespace

TEST_CASE("a payroll import: dry run first, then apply; bad rows are reported and skipped") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    // Anna's national number as the payroll knows it: read from the database file, never from an answer.
    const std::string anna = sql_text(s.db, "SELECT national_number FROM workers WHERE id = 'w-0001'");
    REQUIRE(anna.size() == 11);
    const std::string csv = payroll(anna);

    const std::string before = table_fingerprint(s.db);
    auto dry = hr.post_raw("/api/v1/imports/payroll/dry-run", csv, "text/csv");
    REQUIRE(dry.status == 200);
    CHECK(dry.body["dry_run"] == true);
    CHECK(dry.body["summary"] == json{{"created", 1}, {"updated", 1}, {"unchanged", 0}, {"rejected", 2}});
    CHECK((*row_at(dry, 2))["action"] == "create");
    CHECK((*row_at(dry, 2))["name"] == "Dupont, Élise");
    CHECK((*row_at(dry, 3))["action"] == "update");
    CHECK((*row_at(dry, 3))["worker_id"] == "w-0001");
    CHECK((*row_at(dry, 3))["changes"] == json{"department_id"});
    const json& bad = (*row_at(dry, 4))["problems"][0];
    CHECK(bad["column"] == 1);
    CHECK(bad["field"] == "national_number");
    CHECK((*row_at(dry, 5))["problems"][0]["field"] == "department");
    CHECK(dry.raw.find(anna) == std::string::npos);  // no national number in the answer
    CHECK(dry.raw.find("12345678901") == std::string::npos);
    CHECK(table_fingerprint(s.db) == before);  // a dry run writes nothing

    auto applied = hr.post_raw("/api/v1/imports/payroll", csv, "text/csv");
    REQUIRE(applied.status == 201);
    CHECK(applied.body["summary"]["created"] == 1);
    const std::string created = (*row_at(applied, 2))["worker_id"];
    auto worker = hr.get("/api/v1/workers/" + created);
    REQUIRE(worker.status == 200);
    CHECK(worker.body["display_name"] == "Dupont, Élise");
    CHECK(worker.body["department"] == "Office");
    CHECK(worker.body["gender"] == "female");
    CHECK(worker.body["employment"][0]["start"] == "2026-02-01");
    CHECK(hr.get("/api/v1/workers/w-0001").body["department"] == "Office");
    // The same file again: the new worker exists now, nothing changes.
    auto again = hr.post_raw("/api/v1/imports/payroll/dry-run", csv, "text/csv");
    CHECK(again.body["summary"] == json{{"created", 0}, {"updated", 0}, {"unchanged", 2}, {"rejected", 2}});
    CHECK(row_at(again, 2) == nullptr);  // unchanged rows are only counted
    CHECK(row_at(again, 4) != nullptr);
}

TEST_CASE("imports are refused whole for a broken file, a wrong type, or anyone but HR") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    const std::string before = table_fingerprint(s.db);
    auto open = hr.post_raw("/api/v1/imports/payroll", "national_number;start\n\"85073003328;2026-01-01\n", "text/csv");
    CHECK(open.status == 400);
    CHECK(open.error()["code"] == "malformed_csv");
    CHECK(open.error()["message"] == "line 2: a quote is not closed");
    auto header = hr.post_raw("/api/v1/imports/payroll", "name;colour\nx;y\n", "text/csv");
    CHECK(header.status == 400);
    CHECK(header.error()["field"] == "header");
    auto header_plan = hr.post_raw("/api/v1/imports/payroll/dry-run", "name;colour\nx;y\n", "text/csv");
    CHECK(header_plan.status == 200);
    CHECK(header_plan.body["file_problems"].size() == 3);  // unknown column, two required ones missing
    CHECK(hr.post_raw("/api/v1/imports/payroll", "a;b\n", "application/json").error()["field"] == "Content-Type");
    CHECK(s.signed_in("manager@demo.example").post_raw("/api/v1/imports/payroll/dry-run", "a;b\n", "text/csv").status == 403);
    hr.forget_csrf();
    CHECK(hr.post_raw("/api/v1/imports/payroll/dry-run", "a;b\n", "text/csv").status == 403);
    CHECK(table_fingerprint(s.db) == before);
}

TEST_CASE("a provider feed (CSV, then JSON) and opening balances: dry run, apply, the balances move by exactly those rows") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto number_of = [&](const char* id) { return sql_text(s.db, std::string("SELECT national_number FROM workers WHERE id = '") + id + "'"); };
    const std::string anna = number_of("w-0001"), bert = number_of("w-0002"), julie = number_of("w-0008");
    auto remaining = [&](const char* id) { return hr.get(std::string("/api/v1/workers/") + id + "/balance?year=2026").body["remaining_minutes"]; };
    const json anna_before = remaining("w-0001"), bert_before = remaining("w-0002");
    CHECK(anna_before == 4332);

    const std::string feed = "INSZ;Titel;Datum;Duur;Aanbieder;Soort;Kost\r\n" + anna + ";First aid;14/04/2026;3,5;Red Cross;informeel;120,50\r\n" +
                             anna + ";First aid;14/04/2026;3,5;Red Cross;informeel;120,50\r\n" + julie + ";My own course;2026-05-01;2;;;\r\n" +
                             bert + ";Welding;2026-05-04;30;;;\r\n";
    const std::string before = table_fingerprint(s.db);
    auto dry = hr.post_raw("/api/v1/imports/trainings/dry-run", feed, "text/csv");
    REQUIRE(dry.status == 200);
    CHECK(dry.body["kind"] == "trainings");
    CHECK(dry.body["summary"] == json{{"created", 1}, {"updated", 0}, {"unchanged", 0}, {"rejected", 3}});
    CHECK((*row_at(dry, 2))["entry"]["minutes"] == 210);
    CHECK((*row_at(dry, 3))["problems"][0]["message"] == "the same training is on line 2");
    CHECK((*row_at(dry, 4))["problems"][0]["field"] == "national_number");
    CHECK((*row_at(dry, 5))["problems"][0]["field"] == "hours");
    for (const auto& n : {anna, bert, julie}) CHECK(dry.raw.find(n) == std::string::npos);
    CHECK(table_fingerprint(s.db) == before);

    auto applied = hr.post_raw("/api/v1/imports/trainings", feed, "text/csv");
    REQUIRE(applied.status == 201);
    const std::string entry_id = (*row_at(applied, 2))["entry"]["id"];
    CHECK(entry_id.rfind("e-", 0) == 0);
    CHECK(remaining("w-0001") == anna_before.get<int>() - 210);
    auto stored = hr.get("/api/v1/entries/" + entry_id);
    REQUIRE(stored.status == 200);
    CHECK(stored.body["status"] == "approved");
    CHECK(stored.body["training_type"] == "informal");
    CHECK(stored.body["cost_cents"] == 12050);
    CHECK(stored.body["decided_by"] == "w-0008");
    // The same feed again, now as JSON: the training is there already.
    const json items = {{"trainings", {{{"national_number", anna}, {"title", "First aid"}, {"date", "2026-04-14"}, {"hours", 3.5}}}}};
    auto as_json = hr.post_raw("/api/v1/imports/trainings/dry-run", items.dump(), "application/json");
    REQUIRE(as_json.status == 200);
    CHECK(as_json.body["numbered_by_item"] == true);
    CHECK(as_json.body["summary"]["unchanged"] == 1);
    CHECK(hr.post_raw("/api/v1/imports/trainings/dry-run", "{\"trainings\": [", "application/json").error()["code"] == "malformed_json");
    CHECK(hr.post_raw("/api/v1/imports/openings/dry-run", items.dump(), "application/json").error()["field"] == "Content-Type");

    const std::string openings = "national_number;origin_year;date;days\n" + bert + ";2025;01/01/2026;1\n" + anna + ";2025;01/01/2026;x\n";
    auto planned = hr.post_raw("/api/v1/imports/openings/dry-run", openings, "text/csv");
    REQUIRE(planned.status == 200);
    CHECK(planned.body["summary"] == json{{"created", 1}, {"updated", 0}, {"unchanged", 0}, {"rejected", 1}});
    CHECK(hr.post_raw("/api/v1/imports/openings", openings, "text/csv").status == 201);
    CHECK(remaining("w-0002") == bert_before.get<int>() + 456);
    CHECK(hr.post_raw("/api/v1/imports/openings/dry-run", openings, "text/csv").body["summary"]["unchanged"] == 1);
    CHECK(s.signed_in("manager@demo.example").post_raw("/api/v1/imports/trainings/dry-run", feed, "text/csv").status == 403);
}
