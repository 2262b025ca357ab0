// Everybody's messages driven headless: loaded at sign-in for the unread count in the account bar,
// listed newest first with the server's words, each marked read once; the requests and answers.
#include <doctest/doctest.h>

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

// Anna as the server answers her session: of an employer (messages are per employer).
SessionInfo employed_anna() {
    SessionInfo s = test::anna_session();
    s.employer_id = "demo";
    return s;
}

std::vector<NotificationItem> two_messages() {
    return {{12, "certificate_expiring", "Your certificate expires on 2026-12-20", "The certificate of \"Reach truck\" is valid until 2026-12-20.",
             "2026-11-30T06:00:00Z", false},
            {7, "yearly_statement", "Your training account statement 2025", "Your individual training account of 2025 is ready.",
             "2026-01-02T06:00:00Z", true}};
}

struct MessagesScreen {
    ui::AppState s = test::workspace_state(employed_anna());
    test::HeadlessImGui gui{390, 1600};
    std::function<void(std::vector<ui::Action>&)> draw = [this](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };

    const ui::Item* find(const std::string& role, const std::string& label) {
        gui.frame(draw);
        return gui.find(role, label);
    }
    std::vector<ui::Command> tap(const std::string& role, const std::string& label) {
        const ui::Item* item = find(role, label);
        REQUIRE_MESSAGE(item, "no " << role << " \"" << label << "\"");
        return test::run_actions(s, gui.tap(*item, draw));
    }
};

}  // namespace

TEST_CASE("a worker's messages: the unread count in the bar, the list, one mark of read per message") {
    auto s = ui::initial_state(*CivilDate::parse("2026-12-01"), 2023, 2040, ui::Language::en);
    CHECK(command_of<ui::FetchMessages>(ui::update(s, ui::SignedIn{employed_anna()})));  // loaded at sign-in

    MessagesScreen m;
    ui::update(m.s, ui::WorkspaceAction{ui::MessagesLoaded{two_messages()}});
    CHECK(m.find("button", "Messages (1)"));
    CHECK(command_of<ui::FetchMessages>(m.tap("button", "Messages (1)")));  // opening reloads
    CHECK(m.s.section == ui::Section::messages);
    ui::update(m.s, ui::WorkspaceAction{ui::MessagesLoaded{two_messages()}});
    CHECK(m.find("heading", "Your certificate expires on 2026-12-20"));
    CHECK(m.find("text", "2026-11-30 \u00b7 New"));
    CHECK(m.find("heading", "Your training account statement 2025"));
    auto read = command_of<ui::SendMessageRead>(m.tap("button", "Mark as read"));
    REQUIRE(read);
    CHECK(read->id == 12);
    CHECK(test::run_actions(m.s, {ui::WorkspaceAction{ui::MarkMessageRead{12}}}).empty());  // on its way: not twice
    ui::update(m.s, ui::WorkspaceAction{ui::MessageRead{12}});
    CHECK_FALSE(m.find("button", "Mark as read"));
    CHECK(m.find("button", "Messages"));  // no unread left
    // A worker has no section bar: the way back is on the screen.
    m.tap("button", "\u2039 My right");
    CHECK(m.s.section == ui::Section::mine);
}

TEST_CASE("no messages says so; a failed load is shown; requests and answers go through the wire format") {
    MessagesScreen m;
    test::run_actions(m.s, {ui::WorkspaceAction{ui::SelectSection{ui::Section::messages}}});
    ui::update(m.s, ui::WorkspaceAction{ui::MessagesLoaded{}});
    CHECK(m.find("text", "No messages. Reminders of deadlines, approvals and certificates appear here."));

    auto fetch = web::workspace_request(ui::FetchMessages{}, "csrf");
    CHECK(fetch.method == "GET");
    CHECK(fetch.path == "/api/v1/notifications");
    auto mark = web::workspace_request(ui::SendMessageRead{12}, "csrf");
    CHECK(mark.method == "POST");
    CHECK(mark.path == "/api/v1/notifications/12/read");
    auto loaded = web::workspace_answer(ui::FetchMessages{}, 200, wire::to_json(two_messages()).dump());
    const auto* l = std::get_if<ui::MessagesLoaded>(&std::get<ui::WorkspaceAction>(loaded));
    REQUIRE(l);
    REQUIRE(l->items.size() == 2);
    CHECK(l->items[0].subject == "Your certificate expires on 2026-12-20");
    CHECK(l->items[1].read);
    auto garbled = web::workspace_answer(ui::FetchMessages{}, 200, R"({"unread":1,"items":[{"id":"x"}]})");
    const auto* f = std::get_if<ui::WorkspaceFailed>(&std::get<ui::WorkspaceAction>(garbled));
    REQUIRE(f);
    CHECK(f->part == ui::WorkspacePart::messages);
    ui::update(m.s, ui::WorkspaceAction{*f});
    CHECK(m.find("text", "the server sent an unexpected answer"));
    auto marked = web::workspace_answer(ui::SendMessageRead{12}, 200, R"({"id":12,"read":true})");
    CHECK(std::get_if<ui::MessageRead>(&std::get<ui::WorkspaceAction>(marked)));
}
