// HR's training plan driven headless: a new plan with its deadlines from the rule set, lines added,
// cycled and removed by tapping, the draft read back into a plan with field errors, saved with a
// key, realised figures after saving, a stale save shown, and the requests and answers.
#include <doctest/doctest.h>

#include "app_frame.h"
#include "demo_workspace.h"
#include "headless_imgui.h"
#include "update.h"
#include "workspace_requests.h"

using namespace ll;

namespace {

using test::command_of;

struct PlanScreen {
    ui::AppState s = test::workspace_state(test::hr_session());
    test::HeadlessImGui gui{1280, 3000};
    std::function<void(std::vector<ui::Action>&)> draw = [this](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };

    std::vector<ui::Command> act(ui::WorkspaceAction a) { return test::run_actions(s, {ui::Action{std::move(a)}}, "key-9"); }
    bool shows(const std::string& role, const std::string& label) {
        gui.frame(draw);
        return gui.find(role, label) != nullptr;
    }
    std::vector<ui::Command> tap(const std::string& role, const std::string& label) {
        gui.frame(draw);
        const ui::Item* item = gui.find(role, label);
        REQUIRE_MESSAGE(item, "no " << role << " \"" << label << "\"");
        return test::run_actions(s, gui.tap(*item, draw), "key-9");
    }
    ui::PlanDraft draft() const { return s.workspace.plan.draft; }
};

TrainingPlan new_plan(int year) {
    TrainingPlan p;
    p.year = year;
    p.from = *CivilDate::from_ymd(year, 1, 1);
    p.to = *CivilDate::from_ymd(year, 12, 31);
    return p;
}

}  // namespace

TEST_CASE("a new training plan: deadlines, lines by tapping, checked fields, saved once, realised figures") {
    PlanScreen p;
    auto fetch = command_of<ui::FetchPlan>(p.act(ui::SelectSection{ui::Section::plan}));
    REQUIRE(fetch);
    CHECK(fetch->year == 2026);
    CHECK(web::workspace_request(*fetch, "csrf").path == "/api/v1/training-plan?year=2026");
    p.act(ui::PlanLoaded{new_plan(2026), {}});
    CHECK(p.shows("heading", "Training plan 2026"));
    CHECK(p.shows("text", "Training plan: works council advice: 2026-03-15"));
    CHECK(p.shows("text", "Yearly training plan: 2026-03-31"));
    CHECK(p.shows("text", "Training plan: filing with the FPS Employment: 2026-02-01"));
    CHECK_FALSE(p.shows("button", "Download CSV"));  // nothing stored to export yet

    p.tap("button", "Add a line");
    p.tap("button", "Add a line");
    REQUIRE(p.draft().lines.size() == 2);
    p.tap("button", "Target group: Everyone");  // the first line's
    CHECK(p.draft().lines[0].group == PlanGroup::women);
    ui::PlanDraft d = p.draft();
    d.lines[0].description = "Leadership";
    d.lines[0].workers = "5";
    d.lines[0].hours = "76";
    d.lines[1].description = "Digital coaching";
    d.lines[1].workers = "six";
    p.act(ui::EditPlan{d});
    CHECK(p.act(ui::SavePlan{}).empty());  // "six" is no number: nothing is sent
    CHECK(p.s.workspace.plan.error->field == "lines[1].workers");
    CHECK(p.shows("text", "expected a number of people"));
    d.lines[1].workers = "6";
    d.lines[1].hours = "7,5";
    d.lines[1].training_type = "informal";
    p.act(ui::EditPlan{d});
    auto send = command_of<ui::SendPlan>(p.tap("button", "Save the plan"));
    REQUIRE(send);
    CHECK(send->key == "key-9");
    CHECK(send->plan.version == 0);
    REQUIRE(send->plan.lines.size() == 2);
    CHECK(send->plan.lines[0].minutes == 76 * 60);
    CHECK(send->plan.lines[1].minutes == 450);
    CHECK(send->plan.lines[1].training_type == "informal");
    CHECK(p.act(ui::SavePlan{}).empty());  // one save at a time
    auto request = web::workspace_request(*send, "csrf");
    CHECK(request.method == "PUT");
    CHECK(request.path == "/api/v1/training-plan");

    TrainingPlan stored = send->plan;
    stored.version = 1;
    const std::vector<LineProgress> realised = {{true, 3, 456 * 3}, {true, 0, 0}};
    auto answer = web::workspace_answer(*send, 200, to_json(stored, realised).dump());
    const auto* saved = std::get_if<ui::PlanSaved>(&std::get<ui::WorkspaceAction>(answer));
    REQUIRE(saved);
    p.act(*saved);
    CHECK(p.shows("text", "Plan saved."));
    CHECK(p.shows("text", "Realised: 3 people, 22 h 48 min"));
    CHECK(p.shows("button", "Download CSV"));
    auto download = command_of<ui::SaveFile>(p.tap("button", "Download CSV"));
    REQUIRE(download);
    CHECK(download->path == "/api/v1/exports/training-plan?year=2026&format=csv");

    p.tap("button", "Remove this line");
    CHECK(p.draft().lines.size() == 1);
    CHECK_FALSE(p.shows("text", "Realised: 3 people, 22 h 48 min"));  // figures belong to the plan as stored
    p.tap("button", "Save the plan");
    p.act(ui::WorkspaceFailed{ui::WorkspacePart::plan,
                              make_error("conflict", "somebody saved this plan meanwhile; reload it and make your change again", "version")});
    CHECK_FALSE(p.s.workspace.plan.saving);
    CHECK(p.shows("text", "somebody saved this plan meanwhile; reload it and make your change again"));
}

TEST_CASE("the plan belongs to HR; an answer for a year left meanwhile is dropped") {
    auto manager = test::workspace_state(test::manager_session());
    CHECK(test::run_actions(manager, {ui::WorkspaceAction{ui::SelectSection{ui::Section::plan}}}).empty());
    CHECK(manager.section != ui::Section::plan);
    PlanScreen p;
    p.act(ui::SelectSection{ui::Section::plan});
    p.act(ui::SelectPlanYear{2027});
    p.act(ui::PlanLoaded{new_plan(2026), {}});  // the 2026 answer arrives late
    CHECK(p.s.workspace.plan.load == ui::LoadState::loading);
    p.act(ui::PlanLoaded{new_plan(2027), {}});
    CHECK(p.shows("heading", "Training plan 2027"));
}
