// The words are the server's (the same as the e-mail, in the person's language); the screen adds
// the day and the read state. Unread messages keep a marker until their button is tapped.
#include "messages_screen.h"

#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "theme.h"
#include "translations.h"
#include "workspace_update.h"

namespace ll::ui {
namespace {

void draw_message(const MessagesState& m, const NotificationItem& n, std::vector<Action>& out) {
    ImGui::Separator();
    if (auto day = CivilDate::parse(n.created_at.substr(0, 10))) muted_text(date_text(*day) + (n.read ? "" : " \u00b7 " + tr("New")));
    heading(n.subject);
    text(n.body);
    if (n.read) return;
    const std::string id = std::to_string(n.id);
    ImGui::BeginDisabled(m.busy.count(n.id) > 0);
    const ActsOn subject(n.subject);
    if (touch_button(tr("Mark as read") + "##read-" + id, 0)) out.push_back(WorkspaceAction{MarkMessageRead{n.id}});
    ImGui::EndDisabled();
}

}  // namespace

void draw_messages_screen(const AppState& s, std::vector<Action>& out) {
    const MessagesState& m = s.workspace.messages;
    if (!may_open(s, Section::approvals) && touch_button(tr("\u2039 My right") + "##messages-back", 0))
        out.push_back(WorkspaceAction{SelectSection{Section::mine}});
    heading(tr("Messages"));
    if (m.load == LoadState::loading && m.items.empty()) text(tr("Loading..."));
    if (m.error) error_line(*m.error);
    if (m.load == LoadState::loaded && m.items.empty()) muted_text(tr("No messages. Reminders of deadlines, approvals and certificates appear here."));
    for (const auto& n : m.items) draw_message(m, n, out);
}

}  // namespace ll::ui
