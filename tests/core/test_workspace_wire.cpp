// The workspace answers survive the wire: what the server encodes the app decodes to the same
// values, and an answer with a wrong field is refused naming it.
#include <doctest/doctest.h>

#include "shipped_rules.h"
#include "workspace_wire.h"

using namespace ll;
using nlohmann::json;

namespace {
CivilDate d(const char* iso) { return *CivilDate::parse(iso); }
}  // namespace

TEST_CASE("a compliance report round-trips through the wire format") {
    ComplianceFacts f;
    f.company_fte[2024] = Rational(40);
    f.workers.push_back({"w-1", "Anna", {{d("2024-05-02"), std::nullopt, Rational(1)}}});
    f.done.push_back({"training_plan", d("2024-01-01"), "", d("2024-03-01")});
    auto report = evaluate_compliance(*shipped::belgian_rule_set(), f, d("2024-06-15"));
    auto back = wire::compliance_from_json(wire::to_json(report));
    REQUIRE(back.ok());
    CHECK(back->day == report.day);
    REQUIRE(back->groups.size() == report.groups.size());
    for (size_t i = 0; i < report.groups.size(); ++i) {
        const auto& a = report.groups[i];
        const auto& b = back->groups[i];
        CHECK(a.obligation_id == b.obligation_id);
        CHECK(a.deadline == b.deadline);
        CHECK(a.status == b.status);
        CHECK(a.days_left == b.days_left);
        CHECK(a.done == b.done);
        REQUIRE(a.duties.size() == b.duties.size());
        for (size_t k = 0; k < a.duties.size(); ++k) {
            CHECK(a.duties[k].worker_name == b.duties[k].worker_name);
            CHECK(a.duties[k].done_on == b.duties[k].done_on);
        }
    }
    auto j = wire::to_json(report);
    j["items"][0]["status"] = "finished";
    auto bad = wire::compliance_from_json(j);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().field == "items[0].status");
}

TEST_CASE("team rows and approval items round-trip") {
    TeamRow r;
    r.worker_id = "w-1";
    r.name = "Élise Dupont";
    r.department = "Office";
    r.fraction = *Rational::make(4, 5);
    r.status = WorkerStatus::left;
    r.year = 2025;
    r.minutes_per_day = 456;
    r.remaining_minutes = 1000;
    r.lapses_on = d("2025-09-30");
    r.lapsing = true;
    auto rows = wire::team_from_json({{"year", 2025}, {"items", {wire::to_json(r)}}});
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    CHECK((*rows)[0].name == r.name);
    CHECK(*(*rows)[0].fraction == *r.fraction);
    CHECK((*rows)[0].status == WorkerStatus::left);
    CHECK((*rows)[0].lapses_on == r.lapses_on);
    CHECK((*rows)[0].lapsing);

    ApprovalItem a;
    a.entry.entry = LedgerEntry{"e-1", EntryKind::training, EntryStatus::submitted, d("2026-10-12"), 228, "Safe loading"};
    a.entry.employer_id = "demo";
    a.entry.worker_id = "w-1";
    a.worker_name = "Anna";
    a.minutes_per_day = 456;
    a.remaining_minutes = 4332;
    a.remaining_after_minutes = 4104;
    auto page = wire::approvals_from_json(wire::to_json(ApprovalPage{{a}, 250}));
    REQUIRE(page.ok());
    REQUIRE(page->items.size() == 1);
    CHECK(page->items[0].entry.entry.title == "Safe loading");
    CHECK(page->items[0].remaining_after_minutes == 4104);
    CHECK(page->total == 250);
    auto j = wire::to_json(a);
    j.erase("remaining_minutes");
    auto bad = wire::approvals_from_json({{"items", {j}}, {"total", 1}});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().field == "items[0].remaining_minutes");
    // A page counts what it holds at least; the count is required.
    auto fewer = wire::approvals_from_json({{"items", {wire::to_json(a)}}, {"total", 0}});
    REQUIRE_FALSE(fewer.ok());
    CHECK(fewer.error().field == "total");
    CHECK(wire::approvals_from_json({{"items", json::array()}}).error().field == "total");
}

TEST_CASE("an import plan round-trips; a plan with a wrong action or a missing count is refused by field") {
    ImportPlan plan;
    PlannedRow changed{3, ImportAction::update, "w-1", "Anna Peeters"};
    changed.changes = {"department_id"};
    PlannedRow refused{4, ImportAction::rejected, "", "Zoë"};
    refused.problems = {{4, 5, "fraction", "expected a share of full time between 0 and 1 (0,8 or 80%)"}};
    plan.rows = {changed, refused};
    plan.file_problems = {{1, 7, "fraktion", "unknown column"}};
    plan.updated = 1, plan.rejected = 1;
    const auto j = json::parse(wire::to_json_text(plan, true));
    CHECK(j["dry_run"] == true);
    auto back = wire::import_plan_from_json(j);
    REQUIRE(back.ok());
    CHECK(back->updated == 1);
    CHECK(back->rejected == 1);
    REQUIRE(back->rows.size() == 2);
    CHECK(back->rows[0].action == ImportAction::update);
    CHECK(back->rows[0].changes == std::vector<std::string>{"department_id"});
    CHECK(back->rows[1].name == "Zoë");
    CHECK(back->rows[1].problems[0].column == 5);
    CHECK(back->file_problems[0].field == "fraktion");
    CHECK(json::parse(wire::to_json_text(*back, true)) == j);

    auto wrong_action = j;
    wrong_action["rows"][1]["action"] = "delete";
    auto e = wire::import_plan_from_json(wrong_action);
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().field == "rows[1].action");
    auto no_count = j;
    no_count["summary"].erase("created");
    e = wire::import_plan_from_json(no_count);
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().field == "summary.created");
}

TEST_CASE("a plan of trainings round-trips with its kind, item numbering and each row's entry") {
    ImportPlan plan;
    plan.kind = ImportKind::trainings;
    plan.numbered_by_item = true;
    PlannedRow row{2, ImportAction::create, "w-1", "Anna Peeters"};
    EntryRecord e;
    e.worker_id = "w-1";
    e.entry = LedgerEntry{"", EntryKind::training, EntryStatus::approved, *CivilDate::parse("2026-04-14"), 210, "First aid"};
    e.provider = "Red Cross", e.training_type = "informal", e.cost_cents = 12050;
    row.entry = e;
    plan.rows = {row};
    plan.created = 1;
    const auto j = json::parse(wire::to_json_text(plan, true));
    auto back = wire::import_plan_from_json(j);
    REQUIRE(back.ok());
    CHECK(back->kind == ImportKind::trainings);
    CHECK(back->numbered_by_item);
    REQUIRE(back->rows[0].entry);
    CHECK(back->rows[0].entry->entry.minutes == 210);
    CHECK(back->rows[0].entry->training_type == "informal");
    CHECK(json::parse(wire::to_json_text(*back, true)) == j);
    auto wrong_kind = j;
    wrong_kind["kind"] = "salaries";
    CHECK(wire::import_plan_from_json(wrong_kind).error().field == "kind");
    auto bad_entry = j;
    bad_entry["rows"][0]["entry"]["date"] = "2026-02-30";
    CHECK(wire::import_plan_from_json(bad_entry).error().field == "rows[0].entry.date");
}
