// Immediate-mode drawing of the inbox; it reads the state and emits actions only. Keyboard
// shortcuts (J/K or arrows to move, A approve, R reject, X select) act on the highlighted entry
// and are off while a text field has the keyboard.
#include "approvals_screen.h"

#include <algorithm>

#include "balance_screen.h"
#include "certificate_thumbnail.h"
#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "lazy_list.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {
namespace {

// Desktop widths, where a keyboard is likely: the shortcut hint and the highlighted entry show.
bool keyboard_likely() { return ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 40; }

void keyboard_shortcuts(const InboxState& inbox, std::vector<Action>& out) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || inbox.items.empty() || inbox.confirm_bulk) return;
    if (ImGui::IsKeyPressed(ImGuiKey_J) || ImGui::IsKeyPressed(ImGuiKey_DownArrow)) out.push_back(WorkspaceAction{MoveCursor{1}});
    if (ImGui::IsKeyPressed(ImGuiKey_K) || ImGui::IsKeyPressed(ImGuiKey_UpArrow)) out.push_back(WorkspaceAction{MoveCursor{-1}});
    if (inbox.cursor.empty()) return;
    if (ImGui::IsKeyPressed(ImGuiKey_A, false)) out.push_back(WorkspaceAction{Decide{inbox.cursor, true, {}}});
    if (ImGui::IsKeyPressed(ImGuiKey_R, false)) out.push_back(WorkspaceAction{StartReject{inbox.cursor}});
    if (ImGui::IsKeyPressed(ImGuiKey_X, false)) out.push_back(WorkspaceAction{ToggleSelected{inbox.cursor}});
}

void draw_bulk_bar(const InboxState& inbox, std::vector<Action>& out) {
    const int n = static_cast<int>(inbox.selected.size());
    const std::string count = std::to_string(n);
    const bool all = n == static_cast<int>(inbox.items.size());
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (touch_button(tr(all ? "Select none" : "Select all") + "##select-all", w)) out.push_back(WorkspaceAction{SelectAllPending{!all}});
    ImGui::SameLine();
    ImGui::BeginDisabled(n == 0);
    if (touch_button(tr("Approve selected ({n})", {{"n", count}}) + "##bulk-approve", w)) out.push_back(WorkspaceAction{AskBulkApprove{}});
    ImGui::EndDisabled();
    if (!inbox.confirm_bulk) return;
    text(tr_plural("Approve {n} training? An approval is final.", "Approve {n} trainings? Approvals are final.", Rational(n),
                   {{"n", count}}));
    if (touch_button(tr("Approve {n}", {{"n", count}}) + "##bulk-confirm", w)) out.push_back(WorkspaceAction{ConfirmBulkApprove{}});
    ImGui::SameLine();
    if (touch_button(tr("Cancel") + "##bulk-cancel", w)) out.push_back(WorkspaceAction{CancelBulkApprove{}});
}

// What approving does to the worker's year: "Remaining 2026: 9,5 days -> 9 days".
std::string effect_text(const ApprovalItem& item) {
    if (item.minutes_per_day <= 0) return {};
    return tr("Remaining {year}: {before} \u2192 {after} after approval",
              {{"year", std::to_string(item.entry.entry.date.year())},
               {"before", days_text(minutes_as_days(item.remaining_minutes, item.minutes_per_day))},
               {"after", days_text(minutes_as_days(item.remaining_after_minutes, item.minutes_per_day))}});
}

void draw_reject_form(const InboxState& inbox, const std::string& id, std::vector<Action>& out) {
    FieldResult reason = text_field(("##reason-" + id).c_str(), tr("Reason for the rejection"), inbox.reason);
    if (reason.changed) out.push_back(WorkspaceAction{EditReason{reason.text}});
    field_error(inbox.error, "reason");
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (touch_button(tr("Reject with this reason") + "##reject-confirm-" + id, w) || reason.entered)
        out.push_back(WorkspaceAction{Decide{id, false, {}}});
    ImGui::SameLine();
    if (touch_button(tr("Cancel") + "##reject-cancel-" + id, w)) out.push_back(WorkspaceAction{CancelReject{}});
}

void draw_item(const AppState& s, const ApprovalItem& item, std::vector<Action>& out) {
    const InboxState& inbox = s.workspace.inbox;
    const EntryRecord& e = item.entry;
    const std::string& id = e.entry.id;
    ImGui::Separator();
    const bool keyboard = keyboard_likely();  // measured before the entry's own indents
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushID(id.c_str());
    const std::string title = e.entry.title.empty() ? tr("kind.training") : e.entry.title;
    const std::string training = title + ", " + item.worker_name;
    const ActsOn subject(training);
    bool selected = inbox.selected.count(id) > 0;
    if (touch_checkbox(item.worker_name + "##select", selected)) out.push_back(WorkspaceAction{ToggleSelected{id}});
    if (auto* t = current_item_tree()) t->name_last_item(tr("Select: {training}", {{"training", training}}));
    text(title);
    std::string line = date_text(e.entry.date);
    if (e.end_date && *e.end_date != e.entry.date) line += " \u2013 " + date_text(*e.end_date);
    line += " \u00b7 " + duration(e.entry.minutes) + " \u00b7 " + tr(e.training_type == "informal" ? "type.informal" : "type.formal");
    if (!e.provider.empty()) line += " \u00b7 " + e.provider;
    muted_text(line);
    if (!e.entry.counts_for_right) muted_text(tr("Does not count for the training right"));
    if (auto effect = effect_text(item); !effect.empty()) text(effect);
    if (!e.certificate_id.empty()) {
        draw_certificate_thumbnail(s, e.certificate_id);
        if (ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Left))
            out.push_back(WorkspaceAction{PreviewCertificate{e.certificate_id}});
        ImGui::SameLine();
        if (touch_button(tr("View certificate") + "##view", 0)) out.push_back(WorkspaceAction{PreviewCertificate{e.certificate_id}});
    }
    const bool busy = inbox.busy.count(id) > 0;
    ImGui::BeginDisabled(busy);
    if (inbox.rejecting == id) {
        draw_reject_form(inbox, id, out);
    } else {
        const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
        if (touch_button(tr(busy ? "Sending..." : "Approve") + "##approve", w)) out.push_back(WorkspaceAction{Decide{id, true, {}}});
        ImGui::SameLine();
        if (touch_button(tr("Reject") + "##reject", w)) out.push_back(WorkspaceAction{StartReject{id}});
    }
    ImGui::EndDisabled();
    ImGui::PopID();
    if (keyboard && inbox.cursor == id) {  // the keyboard's place: a frame around the entry
        const ImVec2 bottom = ImGui::GetCursorScreenPos();
        const float pad = ImGui::GetStyle().ItemSpacing.y / 2;
        ImGui::GetWindowDrawList()->AddRect(ImVec2(top.x - pad, top.y), ImVec2(top.x + ImGui::GetContentRegionAvail().x + pad, bottom.y - pad),
                                            ImGui::GetColorU32(ImGuiCol_NavHighlight), 4.0f, 0, 2.0f);
    }
}

// Below the page: how much of the inbox it is, and the next page (the oldest come first).
void draw_more(const InboxState& inbox, std::vector<Action>& out) {
    if (inbox.unshown() <= 0) return;
    ImGui::Separator();
    muted_text(tr("The oldest {n} of {total} are shown.", {{"n", std::to_string(inbox.items.size())}, {"total", std::to_string(inbox.total)}}));
    const long long more = std::min<long long>(inbox_page_size, inbox.unshown());
    ImGui::BeginDisabled(inbox.load == LoadState::loading);
    if (touch_button(tr("Show {n} more", {{"n", std::to_string(more)}}) + "##inbox-more", 0)) out.push_back(WorkspaceAction{ShowMoreApprovals{}});
    ImGui::EndDisabled();
}

void draw_preview(const AppState& s, const std::string& certificate, std::vector<Action>& out) {
    heading(tr("Certificate"));
    const float side = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 30);
    draw_certificate_thumbnail(s, certificate, side);
    if (touch_button(tr("Close") + "##preview-close", 0)) out.push_back(WorkspaceAction{PreviewCertificate{std::nullopt}});
}

}  // namespace

void draw_approvals_screen(const AppState& s, std::vector<Action>& out) {
    const InboxState& inbox = s.workspace.inbox;
    heading(tr("Approvals"));
    if (inbox.previewing) return draw_preview(s, *inbox.previewing, out);
    if (inbox.notice) {
        if (inbox.notice->approved)
            status_message(tr_plural("{n} training approved", "{n} trainings approved", Rational(inbox.notice->approved),
                           {{"n", std::to_string(inbox.notice->approved)}}));
        if (inbox.notice->rejected)
            status_message(tr_plural("{n} training rejected", "{n} trainings rejected", Rational(inbox.notice->rejected),
                           {{"n", std::to_string(inbox.notice->rejected)}}));
    }
    if (inbox.error && inbox.error->field != "reason") error_line(*inbox.error);
    if (inbox.items.empty()) {
        if (inbox.load == LoadState::loading) text(tr("Loading..."));
        else if (inbox.load == LoadState::loaded) text(tr("Nothing is waiting for your approval."));
        else if (inbox.load == LoadState::failed && touch_button(tr("Try again") + "##retry-inbox", 0))
            out.push_back(WorkspaceAction{SelectSection{Section::approvals}});
        return;
    }
    text(tr_plural("{n} training waiting", "{n} trainings waiting", Rational(inbox.total), {{"n", std::to_string(inbox.total)}}));
    if (keyboard_likely()) muted_text(tr("Keys: J/K move, A approve, R reject, X select"));
    draw_bulk_bar(inbox, out);
    keyboard_shortcuts(inbox, out);
    lazy_list("inbox", inbox.items.size(), [&](std::size_t i) { return std::string_view(inbox.items[i].entry.entry.id); },
              [&](std::size_t i) { draw_item(s, inbox.items[i], out); });
    draw_more(inbox, out);
}

}  // namespace ll::ui
