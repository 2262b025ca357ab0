// HR's data section driven headless: downloads of the exports and statements (paths, never data
// through the app), and the payroll import from picking a file through the dry run to applying it.
#include <doctest/doctest.h>

#include "api_client.h"
#include "app_frame.h"
#include "demo_workspace.h"
#include "demo_year.h"
#include "headless_imgui.h"
#include "update.h"
#include "workspace_requests.h"
#include "workspace_wire.h"

using namespace ll;

namespace {

using test::command_of;

std::vector<ui::Command> run_actions(ui::AppState& s, const std::vector<ui::Action>& actions) { return test::run_actions(s, actions, "key-7"); }

std::vector<ui::Command> act(ui::AppState& s, ui::WorkspaceAction a) { return run_actions(s, {ui::Action{std::move(a)}}); }

// A dry run of four rows: a new worker, a changed one, an unchanged one (only counted) and a refused one.
ImportPlan demo_plan() {
    ImportPlan p;
    PlannedRow created{2, ImportAction::create, "", "Jan Janssens"};
    PlannedRow updated{3, ImportAction::update, "w-0001", "Anna Peeters"};
    updated.changes = {"department_id", "employment"};
    PlannedRow refused{5, ImportAction::rejected, "", "Zoë Dubois"};
    refused.problems = {{5, 6, "fraction", "expected a fraction between 0 and 1"}, {5, 4, "start", "expected a date"}};
    p.rows = {created, updated, refused};
    p.created = p.updated = p.unchanged = p.rejected = 1;
    return p;
}

struct DataScreen {
    ui::AppState s = test::workspace_state(test::hr_session());
    test::HeadlessImGui gui{1280, 4000};
    std::function<void(std::vector<ui::Action>&)> draw = [this](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };

    DataScreen() { act(s, ui::SelectSection{ui::Section::data}); }
    // Taps the `nth` item of that role and label (labels as people read them, without "##id").
    std::vector<ui::Command> tap(const std::string& role, const std::string& label, int nth = 0) {
        gui.frame(draw);
        const ui::Item* item = nullptr;
        for (const auto& i : gui.items())
            if (i.role == role && i.label == label && nth-- == 0) item = &i;
        REQUIRE_MESSAGE(item, "no " << role << " \"" << label << "\"");
        return run_actions(s, gui.tap(*item, draw));
    }
    bool shows(const std::string& text) {
        gui.frame(draw);
        for (const auto& i : gui.items())
            if (i.label == text || i.value == text) return true;
        return false;
    }
};

}  // namespace

TEST_CASE("the data section is HR's; managers and workers do not have it") {
    auto manager = test::workspace_state(test::manager_session());
    CHECK(act(manager, ui::SelectSection{ui::Section::data}).empty());
    CHECK(manager.section == ui::Section::mine);
    DataScreen d;
    CHECK(d.s.section == ui::Section::data);
    CHECK(d.s.workspace.data.year == d.s.year);
}

TEST_CASE("exports download by path for the chosen year") {
    DataScreen d;
    const std::string y = std::to_string(d.s.year);
    auto csv = command_of<ui::SaveFile>(d.tap("button", "Download CSV"));
    REQUIRE(csv);
    CHECK(csv->path == "/api/v1/exports/social-balance?year=" + y + "&format=csv");
    d.tap("button", "\u2039 " + std::to_string(d.s.year - 1));
    CHECK(d.s.workspace.data.year == d.s.year - 1);
    auto json = command_of<ui::SaveFile>(d.tap("button", "Download JSON", 1));
    REQUIRE(json);
    CHECK(json->path == "/api/v1/exports/fla-fields?year=" + std::to_string(d.s.year - 1) + "&format=json");
    // Saving is the browser's work, not an API request.
    CHECK(web::is_host_command(ui::SaveFile{json->path}));
    CHECK_FALSE(web::is_api_command(ui::WorkspaceCommand{ui::SaveFile{json->path}}));
}

TEST_CASE("a worker's statement downloads from their year and from the team drill-down") {
    auto s = test::workspace_state(test::hr_session());
    s.view = test::anna_year(2026);
    s.year = 2026;
    s.load = ui::LoadState::loaded;
    test::HeadlessImGui gui(390, 3000);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    const ui::Item* own = gui.find("button", "Statement (PDF)");
    REQUIRE(own);
    auto saved = command_of<ui::SaveFile>(run_actions(s, gui.tap(*own, draw)));
    REQUIRE(saved);
    CHECK(saved->path == "/api/v1/me/statement?year=2026&format=pdf");

    act(s, ui::SelectSection{ui::Section::team});
    act(s, ui::TeamLoaded{s.workspace.team.year, test::demo_team(3)});
    act(s, ui::OpenWorker{"w-1"});
    auto view = test::anna_year(s.workspace.team.year);
    act(s, ui::WorkerYearLoaded{"w-1", view});
    gui.frame(draw);
    const ui::Item* theirs = gui.find("button", "Statement (PDF)");
    REQUIRE(theirs);
    saved = command_of<ui::SaveFile>(run_actions(s, gui.tap(*theirs, draw)));
    REQUIRE(saved);
    CHECK(saved->path == "/api/v1/workers/w-1/statement?year=" + std::to_string(view.year) + "&format=pdf");
}

TEST_CASE("the payroll import: pick, dry run row by row, apply once, start again") {
    DataScreen d;
    CHECK(command_of<ui::OpenImportPicker>(d.tap("button", "Choose a CSV file")));
    auto dry = act(d.s, ui::ImportFilePicked{"payroll.csv", 1234});
    REQUIRE(command_of<ui::SendImportDryRun>(dry));
    CHECK(d.shows("Checking the file..."));
    CHECK(d.shows("payroll.csv"));

    act(d.s, ui::ImportPlanned{demo_plan()});
    CHECK(d.shows("Dry run: nothing is written yet"));
    CHECK(d.shows("1 new, 1 changed, 1 unchanged, 1 refused"));
    CHECK(d.shows("Changed: department_id, employment"));
    CHECK(d.shows("Line 5, column 6 (fraction): expected a fraction between 0 and 1"));
    CHECK(d.shows("Line 5, column 4 (start): expected a date"));
    CHECK(d.shows("Line 5 \u00b7 Zo\u00eb Dubois"));
    CHECK_FALSE(d.gui.find("button", "Choose a CSV file"));  // one file at a time

    auto apply = command_of<ui::SendImportApply>(d.tap("button", "Apply 2 rows"));
    REQUIRE(apply);
    CHECK(apply->key == "key-7");
    CHECK(d.s.workspace.data.import.applying);
    CHECK(act(d.s, ui::ApplyImport{"again"}).empty());  // a second tap sends nothing
    CHECK(act(d.s, ui::DiscardImport{}).empty());
    CHECK(d.s.workspace.data.import.plan);              // nor can it be discarded while on its way

    ImportPlan applied = demo_plan();
    act(d.s, ui::ImportApplied{applied});
    CHECK(d.shows("2 workers written; refused rows were left out."));
    CHECK(act(d.s, ui::ApplyImport{"third"}).empty());  // applied plans are not sent again
    d.tap("button", "Import another file");
    CHECK_FALSE(d.s.workspace.data.import.plan);
    CHECK(d.gui.find("button", "Choose a CSV file"));
}

TEST_CASE("a provider feed and opening balances: the kind chosen decides the picker, the route, the type and the rows' words") {
    DataScreen d;
    d.tap("button", "Trainings");
    CHECK(d.s.workspace.data.import.kind == ImportKind::trainings);
    auto pick = command_of<ui::OpenImportPicker>(d.tap("button", "Choose a CSV or JSON file"));
    REQUIRE(pick);
    CHECK(pick->json);
    auto dry = command_of<ui::SendImportDryRun>(act(d.s, ui::ImportFilePicked{"Feed-2026.JSON", 400}));
    REQUIRE(dry);
    CHECK(dry->kind == ImportKind::trainings);
    CHECK(dry->json);
    auto request = web::workspace_request(*dry, "csrf");
    CHECK(request.path == "/api/v1/imports/trainings/dry-run");
    CHECK(std::find(request.headers.begin(), request.headers.end(), std::pair<std::string, std::string>{"Content-Type", "application/json"}) !=
          request.headers.end());

    ImportPlan feed;
    feed.kind = ImportKind::trainings;
    feed.numbered_by_item = true;
    PlannedRow aid{1, ImportAction::create, "w-0001", "Anna Peeters"};
    aid.entry = EntryRecord{};
    aid.entry->entry = LedgerEntry{"", EntryKind::training, EntryStatus::approved, *CivilDate::parse("2026-04-14"), 210, "First aid"};
    PlannedRow bad{3, ImportAction::rejected, "", ""};
    bad.problems = {{3, 4, "hours", "more than 24 hours a day for the days covered"}};
    feed.rows = {aid, bad};
    feed.created = feed.unchanged = feed.rejected = 1;
    act(d.s, ui::ImportPlanned{feed});
    CHECK(d.shows("Item 1 \u00b7 Anna Peeters"));
    CHECK(d.shows("New training: First aid, 2026-04-14, 3 h 30 min"));
    CHECK(d.shows("1 new, 0 changed, 1 unchanged, 1 refused"));
    CHECK_FALSE(d.shows("Item 2 \u00b7 Anna Peeters"));
    CHECK(d.shows("Item 3 (hours): more than 24 hours a day for the days covered"));
    auto apply = command_of<ui::SendImportApply>(d.tap("button", "Apply 1 row"));
    REQUIRE(apply);
    CHECK(web::workspace_request(*apply, "csrf").path == "/api/v1/imports/trainings");
    CHECK(act(d.s, ui::SelectImportKind{ImportKind::openings}).empty());
    CHECK(d.s.workspace.data.import.kind == ImportKind::trainings);  // not while applying
    act(d.s, ui::ImportApplied{feed});
    CHECK(d.shows("1 entry written; refused rows were left out."));

    d.tap("button", "Opening balances");
    CHECK_FALSE(d.s.workspace.data.import.plan);
    auto csv = command_of<ui::OpenImportPicker>(d.tap("button", "Choose a CSV file"));
    REQUIRE(csv);
    CHECK_FALSE(csv->json);
    auto opening_dry = command_of<ui::SendImportDryRun>(act(d.s, ui::ImportFilePicked{"openings.json", 40}));
    REQUIRE(opening_dry);
    CHECK_FALSE(opening_dry->json);  // only provider feeds come as JSON
    CHECK(web::workspace_request(*opening_dry, "csrf").path == "/api/v1/imports/openings/dry-run");
    ImportPlan openings;
    openings.kind = ImportKind::openings;
    PlannedRow opening{2, ImportAction::create, "w-0002", "Bart Claes"};
    opening.entry = EntryRecord{};
    opening.entry->entry = LedgerEntry{"", EntryKind::opening_balance, EntryStatus::approved, *CivilDate::parse("2026-01-01"), 1140,
                                       "Opening balance", true, 2025};
    openings.rows = {opening};
    openings.created = 1;
    act(d.s, ui::ImportPlanned{openings});
    CHECK(d.shows("Line 2 \u00b7 Bart Claes"));
    CHECK(d.shows("New opening balance: 19 h from 2025, on 2026-01-01"));
}

TEST_CASE("an import with file problems or nothing to write cannot be applied; failures are shown") {
    DataScreen d;
    act(d.s, ui::ImportFilePicked{"bad.csv", 10});
    ImportPlan header_problem;
    header_problem.file_problems = {{1, 3, "fraktion", "unknown column"}};
    act(d.s, ui::ImportPlanned{header_problem});
    CHECK(d.shows("Line 1, column 3 (fraktion): unknown column"));
    CHECK(act(d.s, ui::ApplyImport{"k"}).empty());
    ImportPlan nothing = demo_plan();
    nothing.created = nothing.updated = 0;
    act(d.s, ui::ImportPlanned{nothing});
    CHECK(act(d.s, ui::ApplyImport{"k"}).empty());

    act(d.s, ui::ImportFilePicked{"big.csv", 9000000});
    act(d.s, ui::WorkspaceFailed{ui::WorkspacePart::import, make_error("too_large", "the file is larger than 5 MB", "body")});
    CHECK(d.s.workspace.data.import.load == ui::LoadState::failed);
    CHECK(d.shows("Could not import: the file is larger than 5 MB"));
}

TEST_CASE("import requests send the picked CSV as text/csv; answers decode the server's plan") {
    auto dry = web::workspace_request(ui::SendImportDryRun{}, "csrf");
    CHECK(dry.method == "POST");
    CHECK(dry.path == "/api/v1/imports/payroll/dry-run");
    CHECK(dry.file == web::HttpRequest::File::import);
    CHECK(std::find(dry.headers.begin(), dry.headers.end(), std::pair<std::string, std::string>{"Content-Type", "text/csv"}) != dry.headers.end());
    auto apply = web::workspace_request(ui::SendImportApply{ImportKind::payroll, false, "k-1"}, "csrf");
    CHECK(apply.path == "/api/v1/imports/payroll");
    CHECK(std::find(apply.headers.begin(), apply.headers.end(), std::pair<std::string, std::string>{"Idempotency-Key", "k-1"}) != apply.headers.end());

    const std::string body = wire::to_json_text(demo_plan(), true);
    auto planned = web::workspace_answer(ui::SendImportDryRun{}, 200, body);
    const auto* p = std::get_if<ui::ImportPlanned>(&std::get<ui::WorkspaceAction>(planned));
    REQUIRE(p);
    REQUIRE(p->plan.rows.size() == 3);
    CHECK(p->plan.rows[2].problems[0].field == "fraction");
    CHECK(p->plan.rows[1].changes == std::vector<std::string>{"department_id", "employment"});
    auto applied = web::workspace_answer(ui::SendImportApply{ImportKind::payroll, false, "k-1"}, 201, wire::to_json_text(demo_plan(), false));
    CHECK(std::get_if<ui::ImportApplied>(&std::get<ui::WorkspaceAction>(applied)));
    // A refusal and a garbled answer both become failures of the import, never a plan.
    auto refused = web::workspace_answer(ui::SendImportApply{ImportKind::payroll, false, "k-1"}, 400,
                                         R"({"error":{"code":"malformed_csv","message":"line 1: unknown column","field":"fraktion"}})");
    const auto* f = std::get_if<ui::WorkspaceFailed>(&std::get<ui::WorkspaceAction>(refused));
    REQUIRE(f);
    CHECK(f->part == ui::WorkspacePart::import);
    CHECK(f->error.field == "fraktion");
    auto garbled = web::workspace_answer(ui::SendImportDryRun{}, 200, R"({"rows":[{"line":"two"}]})");
    CHECK(std::get_if<ui::WorkspaceFailed>(&std::get<ui::WorkspaceAction>(garbled)));
}
