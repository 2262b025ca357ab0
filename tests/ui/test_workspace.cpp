// The employer workspace driven headless: sections by role, the inbox (approve, reject with a
// reason, bulk approval with a confirmation, keyboard), the team table (clipped rows, filters,
// sorting, drill-down) and the cockpit (dates checked, duties marked done), plus their requests.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "api_client.h"
#include "app_frame.h"
#include "demo_workspace.h"
#include "demo_year.h"
#include "headless_imgui.h"
#include "imgui.h"
#include "team_table.h"
#include "update.h"
#include "workspace_wire.h"

using namespace ll;
using ui::WorkspaceAction;

namespace {

using test::command_of;

std::vector<ui::Command> act(ui::AppState& s, ui::WorkspaceAction a) { return test::run_actions(s, {ui::Action{std::move(a)}}, "key-1"); }

std::vector<ui::Command> run_actions(ui::AppState& s, const std::vector<ui::Action>& actions) { return test::run_actions(s, actions); }

ui::AppState inbox_state() {
    auto s = test::workspace_state(test::manager_session());
    act(s, ui::SelectSection{ui::Section::approvals});
    act(s, ui::InboxLoaded{test::demo_inbox()});
    return s;
}

}  // namespace

TEST_CASE("sections follow the role: workers have none, managers no cockpit, HR all") {
    auto worker = test::workspace_state(test::manager_session());
    worker.session->role = "worker";
    CHECK(act(worker, ui::SelectSection{ui::Section::approvals}).empty());
    CHECK(worker.section == ui::Section::mine);

    auto manager = test::workspace_state(test::manager_session());
    CHECK(command_of<ui::FetchApprovals>(act(manager, ui::SelectSection{ui::Section::approvals})));
    CHECK(command_of<ui::FetchTeam>(act(manager, ui::SelectSection{ui::Section::team}))->year == 2026);
    CHECK(act(manager, ui::SelectSection{ui::Section::compliance}).empty());
    CHECK(manager.section == ui::Section::team);

    auto secretariat = test::hr_session();
    secretariat.role = "operator";
    secretariat.employer_id.clear();  // mandated for several employers, none chosen
    auto op = test::workspace_state(secretariat);
    CHECK(act(op, ui::SelectSection{ui::Section::team}).empty());

    auto hr = test::workspace_state(test::hr_session());
    CHECK(command_of<ui::FetchCompliance>(act(hr, ui::SelectSection{ui::Section::compliance}))->date.empty());

    test::HeadlessImGui gui(1280, 800);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(hr, out); };
    gui.frame(draw);
    CHECK(gui.find("button", "Compliance"));
    CHECK(gui.find("button", "Approvals"));
    auto back = ui::update(hr, ui::Navigate{ui::Tab::balance, false, ui::Section::approvals});
    CHECK(hr.section == ui::Section::approvals);
    CHECK(command_of<ui::FetchApprovals>(back));
}

TEST_CASE("the inbox: the effect on the balance, approve, reject only with a reason") {
    auto s = inbox_state();
    test::HeadlessImGui gui(390, 844);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    CHECK(gui.find("checkbox", "Anna Peeters"));
    bool effect = false;
    for (const auto& i : gui.items()) effect |= i.label == "Remaining 2026: 9.5 days \u2192 9 days after approval";
    CHECK(effect);

    const ui::Item* approve = nullptr;
    for (const auto& i : gui.items())
        if (i.role == "button" && i.label == "Approve" && !approve) approve = &i;
    REQUIRE(approve);
    auto sent = run_actions(s, gui.tap(*approve, draw));
    auto decision = command_of<ui::SendDecision>(sent);
    REQUIRE(decision);
    CHECK(decision->id == "e1");
    CHECK(decision->approve);
    CHECK(decision->key == "key-2");
    CHECK(s.workspace.inbox.busy.count("e1"));
    // A second tap while it is on its way sends nothing.
    CHECK(act(s, ui::Decide{"e1", true, {}}).empty());
    EntryRecord approved = test::demo_inbox()[0].entry;
    approved.entry.status = EntryStatus::approved;
    act(s, ui::Decided{{approved}});
    CHECK(s.workspace.inbox.items.size() == 2);
    CHECK(s.workspace.inbox.notice->approved == 1);

    // Rejecting asks for a reason first, and a blank one is refused naming the field.
    CHECK(act(s, ui::StartReject{"e2"}).empty());
    CHECK(act(s, ui::Decide{"e2", false, {}}).empty());
    REQUIRE(s.workspace.inbox.error);
    CHECK(s.workspace.inbox.error->field == "reason");
    act(s, ui::EditReason{"Not related to the job"});
    auto reject = command_of<ui::SendDecision>(act(s, ui::Decide{"e2", false, {}}));
    REQUIRE(reject);
    CHECK_FALSE(reject->approve);
    CHECK(reject->reason == "Not related to the job");

    // Somebody else decided meanwhile: the refusal is shown and the inbox reloads.
    auto reload = act(s, ui::DecisionFailed{{"e2"}, make_error("invalid_transition", "already decided")});
    CHECK(command_of<ui::FetchApprovals>(reload));
    CHECK(s.workspace.inbox.busy.empty());
    CHECK(s.workspace.inbox.error->code == "invalid_transition");
}

TEST_CASE("bulk approval asks once, then sends the selected entries in the order shown") {
    auto s = inbox_state();
    test::HeadlessImGui gui(1280, 800);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    const ui::Item* all = gui.find("button", "Select all");
    REQUIRE(all);
    run_actions(s, gui.tap(*all, draw));
    CHECK(s.workspace.inbox.selected.size() == 3);
    gui.frame(draw);
    const ui::Item* bulk = gui.find("button", "Approve selected (3)");
    REQUIRE(bulk);
    CHECK(run_actions(s, gui.tap(*bulk, draw)).empty());  // nothing yet: a confirmation first
    CHECK(s.workspace.inbox.confirm_bulk);
    gui.frame(draw);
    const ui::Item* confirm = gui.find("button", "Approve 3");
    REQUIRE(confirm);
    auto sent = command_of<ui::SendBulkApprove>(run_actions(s, gui.tap(*confirm, draw)));
    REQUIRE(sent);
    CHECK(sent->ids == std::vector<std::string>{"e1", "e2", "e3"});
    std::vector<EntryRecord> done;
    for (auto i : test::demo_inbox()) {
        i.entry.entry.status = EntryStatus::approved;
        done.push_back(i.entry);
    }
    act(s, ui::Decided{done});
    CHECK(s.workspace.inbox.items.empty());
    CHECK(s.workspace.inbox.selected.empty());
    CHECK(s.workspace.inbox.notice->approved == 3);
}

TEST_CASE("a long inbox shows the oldest page, counts them all, and loads a page more from the oldest") {
    auto s = test::workspace_state(test::hr_session());
    auto first = command_of<ui::FetchApprovals>(act(s, ui::SelectSection{ui::Section::approvals}));
    REQUIRE(first);
    CHECK(first->limit == ui::inbox_page_size);
    act(s, ui::InboxLoaded{test::demo_inbox(), 250});
    test::HeadlessImGui gui(390, 8000);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    CHECK(gui.find("text", "250 trainings waiting"));
    CHECK(gui.find("button", "Approvals (250)"));
    CHECK(gui.find("text", "The oldest 3 of 250 are shown."));
    const ui::Item* more = gui.find("button", "Show 100 more");
    REQUIRE(more);
    auto next = command_of<ui::FetchApprovals>(run_actions(s, gui.tap(*more, draw)));
    REQUIRE(next);
    CHECK(next->limit == 2 * ui::inbox_page_size);
    CHECK(act(s, ui::ShowMoreApprovals{}).empty());  // one page at a time
    // Decided meanwhile: the count follows; a refusal reloads as many as were asked for.
    act(s, ui::InboxLoaded{test::demo_inbox(), 203});
    EntryRecord approved = test::demo_inbox()[0].entry;
    approved.entry.status = EntryStatus::approved;
    act(s, ui::Decided{{approved}});
    CHECK(s.workspace.inbox.total == 202);
    auto reload = command_of<ui::FetchApprovals>(act(s, ui::DecisionFailed{{"e2"}, make_error("not_found", "gone")}));
    REQUIRE(reload);
    CHECK(reload->limit == 2 * ui::inbox_page_size);
    gui.frame(draw);
    CHECK(gui.find("button", "Show 100 more"));
    // The last page offers what is left, and nothing once all are shown.
    act(s, ui::InboxLoaded{test::demo_inbox(), 4});
    gui.frame(draw);
    CHECK(gui.find("button", "Show 1 more"));
    act(s, ui::InboxLoaded{test::demo_inbox(), 3});
    gui.frame(draw);
    CHECK_FALSE(gui.find("text", "The oldest 3 of 3 are shown."));
    CHECK(act(s, ui::ShowMoreApprovals{}).empty());
}

TEST_CASE("keyboard shortcuts on desktop: move, select, approve, reject") {
    auto s = inbox_state();
    test::HeadlessImGui gui(1280, 800);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    auto press = [&](ImGuiKey key) {
        ImGui::GetIO().AddKeyEvent(key, true);
        auto a = gui.frame(draw);
        ImGui::GetIO().AddKeyEvent(key, false);
        gui.frame(draw);
        return run_actions(s, a);
    };
    CHECK(s.workspace.inbox.cursor == "e1");
    press(ImGuiKey_J);
    CHECK(s.workspace.inbox.cursor == "e2");
    press(ImGuiKey_X);
    CHECK(s.workspace.inbox.selected == std::set<std::string>{"e2"});
    auto approve = command_of<ui::SendDecision>(press(ImGuiKey_A));
    REQUIRE(approve);
    CHECK(approve->id == "e2");
    press(ImGuiKey_K);
    press(ImGuiKey_K);
    CHECK(s.workspace.inbox.cursor == "e1");
    press(ImGuiKey_R);
    CHECK(s.workspace.inbox.rejecting == std::optional<std::string>("e1"));
}

TEST_CASE("the team table lays out only visible rows of thousands, filters and sorts") {
    auto s = test::workspace_state(test::hr_session());
    act(s, ui::SelectSection{ui::Section::team});
    act(s, ui::TeamLoaded{2026, test::demo_team(5000)});
    test::HeadlessImGui gui(1280, 800);
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    gui.frame(draw);
    int rows = 0;
    for (const auto& i : gui.items()) rows += i.label.rfind("Worker 1", 0) == 0;
    CHECK(rows > 0);
    CHECK(rows < 100);  // the clipper draws what fits on screen, not 5000

    ui::TeamFilter f = s.workspace.team.filter;
    f.department_id = "demo:Office";
    f.regime = ui::RegimeFilter::part_time;
    act(s, ui::EditTeamFilter{f});
    for (const TeamRow* r : ui::visible_rows(s.workspace.team)) {
        CHECK(r->department == "Office");
        CHECK(*r->fraction == *Rational::make(1, 2));
        CHECK(r->status == WorkerStatus::active);
    }
    f = ui::TeamFilter{};
    f.status = std::nullopt;
    f.search = "anna";
    act(s, ui::EditTeamFilter{f});
    REQUIRE(ui::visible_rows(s.workspace.team).size() == 1);
    CHECK(ui::active_filters(f) == 2);  // the search and "everyone" instead of the employed only
    f.search.clear();
    f.flagged_only = true;
    act(s, ui::EditTeamFilter{f});
    for (const TeamRow* r : ui::visible_rows(s.workspace.team)) CHECK((r->behind || r->lapsing));

    act(s, ui::SortTeam{ui::TeamColumn::remaining, false});
    auto sorted = ui::visible_rows(s.workspace.team);
    for (size_t i = 1; i < sorted.size(); ++i) CHECK(sorted[i - 1]->remaining_minutes >= sorted[i]->remaining_minutes);

    // A row opens the worker's ledger; the answer for another worker is dropped.
    auto fetch = command_of<ui::FetchWorkerYear>(act(s, ui::OpenWorker{"w-1"}));
    REQUIRE(fetch);
    CHECK(fetch->year == 2026);
    YearView v;
    v.worker_id = "w-1";
    v.year = 2026;
    act(s, ui::WorkerYearLoaded{"w-9", v});
    CHECK_FALSE(s.workspace.team.worker_view);
    act(s, ui::WorkerYearLoaded{"w-1", v});
    CHECK(s.workspace.team.worker_view);
    gui.frame(draw);
    CHECK(gui.find("button", "\u2039 Back to the team"));
}

TEST_CASE("the team's year: rows of another year never show under it") {
    auto s = test::workspace_state(test::manager_session());
    act(s, ui::SelectSection{ui::Section::team});
    act(s, ui::TeamLoaded{2026, test::demo_team(10)});
    auto fetch = command_of<ui::FetchTeam>(act(s, ui::SelectTeamYear{2025}));
    REQUIRE(fetch);
    CHECK(fetch->year == 2025);
    CHECK(s.workspace.team.rows.empty());
    act(s, ui::TeamLoaded{2026, test::demo_team(10)});  // a late answer for the year left
    CHECK(s.workspace.team.rows.empty());
    act(s, ui::TeamLoaded{2025, test::demo_team(10, 2025)});
    CHECK(s.workspace.team.rows.size() == 10);
}

TEST_CASE("the cockpit: a wrong date names the field, duties are marked done and reload") {
    auto s = test::workspace_state(test::hr_session());
    act(s, ui::SelectSection{ui::Section::compliance});
    act(s, ui::EditComplianceDate{"2024-02-30"});
    CHECK(act(s, ui::ShowCompliance{}).empty());
    REQUIRE(s.workspace.compliance.error);
    CHECK(s.workspace.compliance.error->field == "date");
    act(s, ui::EditComplianceDate{"2024-06-15"});
    CHECK(command_of<ui::FetchCompliance>(act(s, ui::ShowCompliance{}))->date == "2024-06-15");
    act(s, ui::ComplianceLoaded{test::demo_compliance("2024-06-15")});

    test::HeadlessImGui gui(390, 8000);  // a phone's width, tall enough to lay out every duty
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    CHECK(gui.find("heading", "Federal Learning Account: register every worker"));
    CHECK(gui.find("text", "Deadline 2024-09-30 \u00b7 Due in 107 days"));
    const ui::Item* done = gui.find("button", "Mark as done");
    REQUIRE(done);
    auto sent = command_of<ui::SendFulfilment>(run_actions(s, gui.tap(*done, draw)));
    REQUIRE(sent);
    CHECK_FALSE(sent->key.empty());
    CHECK(command_of<ui::FetchCompliance>(act(s, ui::MarkedDone{sent->obligation_id, sent->trigger, sent->worker_id}))->date ==
          "2024-06-15");

    act(s, ui::ComplianceLoaded{test::demo_compliance("2026-12-01")});
    gui.frame(draw);
    CHECK(gui.find("heading", "Federal Learning Account abolished: retrieve registered data"));
    CHECK(gui.find("text", "Deadline 2026-12-31 \u00b7 Due in 30 days"));
}

TEST_CASE("workspace commands become the API's requests, and answers become actions") {
    std::vector<web::HttpRequest> sent;
    std::vector<ui::Action> got;
    web::ApiClient api([&](int, const web::HttpRequest& r) { sent.push_back(r); }, [&](ui::Action a) { got.push_back(std::move(a)); });
    api.send(ui::WorkspaceCommand{ui::SendDecision{"e-1", false, "No", "k"}});
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].method == "POST");
    CHECK(sent[0].path == "/api/v1/entries/e-1/reject");
    CHECK(nlohmann::json::parse(sent[0].body)["reason"] == "No");
    api.on_response(1, 409, R"({"error":{"code":"invalid_transition","message":"already decided"}})");
    REQUIRE(got.size() == 1);
    const auto& failed = std::get<ui::DecisionFailed>(std::get<ui::WorkspaceAction>(got[0]));
    CHECK(failed.ids == std::vector<std::string>{"e-1"});
    CHECK(failed.error.code == "invalid_transition");

    api.send(ui::WorkspaceCommand{ui::FetchCompliance{"2024-06-15"}});
    CHECK(sent[1].path == "/api/v1/compliance?date=2024-06-15");
    api.on_response(2, 200, wire::to_json(test::demo_compliance("2024-06-15")).dump());
    CHECK(std::holds_alternative<ui::ComplianceLoaded>(std::get<ui::WorkspaceAction>(got[1])));

    api.send(ui::WorkspaceCommand{ui::FetchTeam{2026}});
    CHECK(sent[2].path == "/api/v1/team?year=2026");
    api.on_response(3, 200, R"({"year":2026,"items":[{"worker_id":1}]})");
    const auto& team_failed = std::get<ui::WorkspaceFailed>(std::get<ui::WorkspaceAction>(got[2]));
    CHECK(team_failed.part == ui::WorkspacePart::team);
    CHECK(team_failed.error.code == "server_error");

    api.send(ui::WorkspaceCommand{ui::FetchApprovals{200}});
    CHECK(sent[3].path == "/api/v1/approvals?limit=200");
    api.on_response(4, 200, wire::to_json(ApprovalPage{test::demo_inbox(), 250}).dump());
    const auto& inbox = std::get<ui::InboxLoaded>(std::get<ui::WorkspaceAction>(got[3]));
    CHECK(inbox.items.size() == 3);
    CHECK(inbox.total == 250);
    api.send(ui::WorkspaceCommand{ui::FetchApprovals{200}});
    api.on_response(5, 200, R"({"items":[]})");  // no count: not an inbox page
    CHECK(std::get<ui::WorkspaceFailed>(std::get<ui::WorkspaceAction>(got[4])).part == ui::WorkspacePart::inbox);

    api.send(ui::WorkspaceCommand{ui::SendBulkApprove{{"e-1", "e-2"}, "k2"}});
    CHECK(sent[5].path == "/api/v1/entries/bulk-approve");
    bool keyed = false;
    for (const auto& [name, value] : sent[5].headers) keyed |= name == "Idempotency-Key" && value == "k2";
    CHECK(keyed);
}

TEST_CASE("a session lost in the workspace signs out and clears it") {
    auto s = inbox_state();
    ui::update(s, ui::WorkspaceAction{ui::WorkspaceFailed{ui::WorkspacePart::team, make_error("session_expired", "x")}});
    CHECK(s.screen == ui::Screen::sign_in);
    CHECK(s.workspace.inbox.items.empty());
    CHECK(s.section == ui::Section::mine);
}

TEST_CASE("every workspace screen finds every string in every language") {
    for (ui::Language language : ui::all_languages) {
        ui::clear_missing_keys();
        auto s = test::workspace_state(test::hr_session(), language);
        test::HeadlessImGui gui(1280, 8000);
        auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
        act(s, ui::SelectSection{ui::Section::approvals});
        gui.frame(draw);  // loading
        act(s, ui::InboxLoaded{test::demo_inbox(), 250});  // a page of a longer inbox
        act(s, ui::SelectAllPending{true});
        act(s, ui::AskBulkApprove{});
        act(s, ui::StartReject{"e2"});
        act(s, ui::Decide{"e2", false, {}});  // the reason is missing
        gui.frame(draw);
        EntryRecord approved = test::demo_inbox()[0].entry, rejected = test::demo_inbox()[1].entry;
        approved.entry.status = EntryStatus::approved;
        rejected.entry.status = EntryStatus::rejected;
        act(s, ui::Decided{{approved}});
        gui.frame(draw);
        act(s, ui::Decided{{rejected}});
        act(s, ui::PreviewCertificate{"c-1"});
        gui.frame(draw);
        act(s, ui::PreviewCertificate{std::nullopt});
        act(s, ui::InboxLoaded{{}});
        gui.frame(draw);  // nothing waiting

        act(s, ui::SelectSection{ui::Section::team});
        act(s, ui::TeamLoaded{2026, test::demo_team(40)});
        gui.frame(draw);

        ui::TeamFilter nobody;
        nobody.search = "zzz";
        act(s, ui::EditTeamFilter{nobody});
        gui.frame(draw);
        act(s, ui::OpenWorker{"w-1"});
        gui.frame(draw);  // loading the worker
        act(s, ui::WorkerYearLoaded{"w-1", test::anna_year(2026)});
        gui.frame(draw);
        act(s, ui::CloseWorker{});
        act(s, ui::WorkspaceFailed{ui::WorkspacePart::team, make_error("server_error", "x")});
        gui.frame(draw);

        act(s, ui::SelectSection{ui::Section::compliance});
        for (const char* day : {"2024-06-15", "2026-12-01", "2026-02-01"}) {
            act(s, ui::ComplianceLoaded{test::demo_compliance(day)});
            for (const auto& g : s.workspace.compliance.report->groups) act(s, ui::ExpandDuty{ui::group_key(g)});
            gui.frame(draw);
        }
        act(s, ui::SelectSection{ui::Section::data});
        act(s, ui::ImportFilePicked{"payroll.csv", 10});
        gui.frame(draw);  // checking
        ImportPlan plan;
        plan.rows = {{2, ImportAction::create, "", ""}, {3, ImportAction::update, "w-1", "A"}, {4, ImportAction::unchanged, "w-2", "B"},
                     {5, ImportAction::rejected, "", "C", {}, {}, {}, {}, {{5, 0, "", "x"}, {5, 2, "start", "y"}}}};
        plan.file_problems = {{1, 1, "x", "y"}};
        act(s, ui::ImportPlanned{plan});
        gui.frame(draw);
        act(s, ui::ImportApplied{plan});
        gui.frame(draw);
        act(s, ui::WorkspaceFailed{ui::WorkspacePart::import, make_error("too_large", "x")});
        gui.frame(draw);
        CHECK_MESSAGE(ui::missing_keys().empty(), ui::code(language) << ": " << *ui::missing_keys().begin());
        if (language == ui::Language::nl)
            for (const auto& k : ui::missing_keys()) MESSAGE("missing: " << k);
    }
    ui::set_language(ui::Language::en);
}

TEST_CASE("on a phone the team's filters fold behind one button that counts them") {
    for (ui::Language language : ui::all_languages) {
        ui::clear_missing_keys();
        auto s = test::workspace_state(test::manager_session(), language);
        act(s, ui::SelectSection{ui::Section::team});
        act(s, ui::TeamLoaded{2026, test::demo_team(40)});
        test::HeadlessImGui gui(390, 844);
        auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
        gui.frame(draw);
        if (language == ui::Language::en) {
            CHECK(gui.find("button", "Filters"));
            CHECK_FALSE(gui.find("textbox", "Search by name"));
            auto rows = 0;
            for (const auto& i : gui.items()) rows += i.role == "button" && i.label.rfind("Worker ", 0) == 0;
            CHECK(rows > 3);  // rows on the first screen, not only filters
            run_actions(s, gui.tap(*gui.find("button", "Filters"), draw));
            CHECK(s.workspace.team.filters_open);
            gui.frame(draw);
            CHECK(gui.find("textbox", "Search by name"));
        }
        act(s, ui::EditTeamFilter{ui::TeamFilter{"x"}});
        gui.frame(draw);
        if (language == ui::Language::en) CHECK(gui.find("button", "Filters (1)"));
        CHECK_MESSAGE(ui::missing_keys().empty(), ui::code(language) << ": " << *ui::missing_keys().begin());
    }
    ui::set_language(ui::Language::en);
}

TEST_CASE("after decisions, the signed-in person's own year loads again when they go back to it") {
    auto s = inbox_state();
    ui::update(s, ui::YearLoaded{test::anna_year(2026)});
    EntryRecord approved = test::demo_inbox()[0].entry;
    approved.entry.status = EntryStatus::approved;
    act(s, ui::Decided{{approved}});
    CHECK(s.workspace.team.load == ui::LoadState::idle);
    auto back = ui::update(s, ui::Navigate{ui::Tab::balance, false});
    CHECK(s.section == ui::Section::mine);
    bool fetched = false;
    for (const auto& c : back) fetched |= std::holds_alternative<ui::FetchYear>(c);
    CHECK(fetched);
}

TEST_CASE("screen readers: repeated buttons are named after their entry, team figures sit in cells under their header") {
    auto s = inbox_state();
    test::HeadlessImGui gui(1280, 1600);  // the whole inbox on one screen
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    std::vector<std::string> approve_names;
    for (const auto& i : gui.items())
        if (i.role == "button" && i.label == "Approve") approve_names.push_back(i.name);
    REQUIRE(approve_names.size() == 3);
    CHECK(approve_names[0] == "Approve: Safe loading, Anna Peeters");
    // Every entry's Approve has its own name, and the visible label leads it.
    std::sort(approve_names.begin(), approve_names.end());
    CHECK(std::adjacent_find(approve_names.begin(), approve_names.end()) == approve_names.end());
    for (const auto& n : approve_names) CHECK(n.rfind("Approve: ", 0) == 0);
    const ui::Item* select = gui.find("checkbox", "Anna Peeters");
    REQUIRE(select);
    CHECK(select->name == "Select: Safe loading, Anna Peeters");
    // Outside an entry nothing is renamed, and no item of the inbox claims a table.
    for (const auto& i : gui.items()) {
        if (i.label == "Approvals") CHECK(i.name.empty());
        CHECK(i.table == 0);
    }

    act(s, ui::SelectSection{ui::Section::team});
    act(s, ui::TeamLoaded{2026, test::demo_team(50)});
    gui.frame(draw);
    gui.frame(draw);
    const ui::Item* header = gui.find("button", "Remaining");
    REQUIRE(header);
    CHECK(header->table != 0);
    CHECK(header->header);
    CHECK(header->row == 0);
    // A figure of the first data row: same table, a later row, the header's column.
    const ui::Item* figure = nullptr;
    for (const auto& i : gui.items())
        if (i.table == header->table && !i.header && i.column == header->column && !figure) figure = &i;
    REQUIRE(figure);
    CHECK(figure->row >= 1);
    CHECK(figure->role == "text");
    CHECK(!figure->label.empty());
    CHECK(std::isdigit(static_cast<unsigned char>(figure->label[0])));
    // The worker's name opens the row and sits in the first column.
    const ui::Item* name = nullptr;
    for (const auto& i : gui.items())
        if (i.table == header->table && i.row == figure->row && i.column == 0) name = &i;
    REQUIRE(name);
    CHECK((name->label == "Anna Peeters" || name->label.rfind("Worker ", 0) == 0));
}
