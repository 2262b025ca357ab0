// The root window covers the viewport without decorations: the app is the page, not a window
// in it. It shows the screen the state names; signed-in screens get a bar with sign-out.
#include "app_frame.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "approvals_screen.h"
#include "balance_screen.h"
#include "compliance_screen.h"
#include "exports_screen.h"
#include "import_screen.h"
#include "kiosk_account_screen.h"
#include "messages_screen.h"
#include "plan_screen.h"
#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "sign_in_screen.h"
#include "team_screen.h"
#include "theme.h"
#include "translations.h"
#include "workspace_update.h"

namespace ll::ui {
namespace {

float button_width(const std::string& label) {
    return ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

// The person's name, the kiosk section, their messages (with the unread count) and sign-out.
void draw_account_bar(const AppState& s, std::vector<Action>& out) {
    const std::string sign_out = tr("Sign out") + "##sign-out";
    const int unread = s.workspace.messages.unread();
    std::string messages = tr("Messages");
    if (unread > 0) messages += " (" + std::to_string(unread) + ")";
    messages += "##messages";
    const bool with_messages = may_open(s, Section::messages);
    const std::string kiosk = tr("Kiosk") + "##kiosk";
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetWindowContentRegionMax().x, left = ImGui::GetCursorPosX();
    float sign_out_w = button_width(sign_out), messages_w = with_messages ? button_width(messages) + spacing : 0;
    float kiosk_w = with_messages ? button_width(kiosk) + spacing : 0;
    // On the narrowest phones the buttons give up some side padding to stay on one line.
    if (const float natural = sign_out_w + messages_w + kiosk_w; natural > right - left) {
        const float shrink = (right - left) / natural;
        sign_out_w *= shrink;
        messages_w *= shrink;
        kiosk_w *= shrink;
    }
    const float buttons_w = sign_out_w + messages_w + kiosk_w;
    // The name beside the buttons when both fit, else above them (narrow phones, long words).
    const bool name_beside = ImGui::CalcTextSize(s.session->display_name.c_str()).x + spacing + buttons_w <= right - left;
    float y = ImGui::GetCursorPosY();
    if (name_beside) ImGui::SetCursorPosY(y + (touch_target_height() - ImGui::GetFontSize()) / 2);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text(s.session->display_name);
    ImGui::PopStyleColor();
    if (name_beside) ImGui::SameLine();
    else y = ImGui::GetCursorPosY();
    if (with_messages) {
        ImGui::SetCursorPos(ImVec2(right - buttons_w, y));
        if (choice_button(kiosk, kiosk_w - spacing, s.section == Section::kiosk)) out.push_back(WorkspaceAction{SelectSection{Section::kiosk}});
        ImGui::SameLine();
        ImGui::SetCursorPos(ImVec2(right - sign_out_w - messages_w, y));
        if (choice_button(messages, messages_w - spacing, s.section == Section::messages))
            out.push_back(WorkspaceAction{SelectSection{Section::messages}});
        ImGui::SameLine();
    }
    ImGui::SetCursorPos(ImVec2(right - sign_out_w, y));
    if (touch_button(sign_out, sign_out_w)) out.push_back(SignOut{});
    ImGui::Separator();
}

// Managers and HR move between their own right and the workspace parts their role opens; the
// inbox shows how many trainings wait.
void draw_section_bar(const AppState& s, std::vector<Action>& out) {
    if (!may_open(s, Section::approvals)) return;
    std::vector<std::pair<Section, std::string>> sections{{Section::mine, tr("My right") + "##section-mine"}};
    std::string inbox = tr("Approvals");
    if (s.workspace.inbox.load == LoadState::loaded && s.workspace.inbox.total > 0)
        inbox += " (" + std::to_string(s.workspace.inbox.total) + ")";
    sections.emplace_back(Section::approvals, inbox + "##section-approvals");
    sections.emplace_back(Section::team, tr("Team") + "##section-team");
    if (may_open(s, Section::compliance)) sections.emplace_back(Section::compliance, tr("Compliance") + "##section-compliance");
    if (may_open(s, Section::plan)) sections.emplace_back(Section::plan, tr("Training plan") + "##section-plan");
    if (may_open(s, Section::data)) sections.emplace_back(Section::data, tr("Data") + "##section-data");
    std::vector<std::string> labels;
    std::optional<size_t> current;
    for (const auto& [section, label] : sections) {
        if (s.section == section) current = labels.size();
        labels.push_back(label);
    }
    if (auto i = choice_row(labels, static_cast<int>(labels.size()), current)) out.push_back(WorkspaceAction{SelectSection{sections[*i].first}});
    ImGui::Separator();
}

void draw_signed_in(const AppState& s, std::vector<Action>& out) {
    switch (s.section) {
        case Section::mine: draw_balance_screen(s, out); break;
        case Section::approvals: draw_approvals_screen(s, out); break;
        case Section::team: draw_team_screen(s, out); break;
        case Section::compliance: draw_compliance_screen(s, out); break;
        case Section::data:
            draw_exports_screen(s, out);
            draw_import_screen(s, out);
            break;
        case Section::plan: draw_plan_screen(s, out); break;
        case Section::messages: draw_messages_screen(s, out); break;
        case Section::kiosk: draw_kiosk_account_screen(s, out); break;
    }
}

// A muted heading over a row of choices, at the foot of every screen.
std::optional<size_t> preference_row(const std::string& heading, const std::vector<std::string>& names, int preferred,
                                     std::optional<size_t> current) {
    muted_text(heading);
    return choice_row(names, preferred, current);
}

// The languages by their own names, four in a row where they fit, else two; then the contrast:
// as the device asks, or high on this device. The current choice is shown pressed (choosing it
// again changes nothing).
void draw_preferences(const AppState& s, std::vector<Action>& out) {
    ImGui::Spacing();
    ImGui::Separator();
    std::vector<std::string> names;
    std::optional<size_t> current;
    for (Language l : all_languages) {
        if (l == s.language) current = names.size();
        names.emplace_back(native_name(l));
    }
    if (auto i = preference_row(tr("Language"), names, 4, current)) out.push_back(SetLanguage{all_languages[*i]});
    if (auto i = preference_row(tr("Contrast"), {tr("As the device"), tr("High")}, 2, s.high_contrast ? 1 : 0))
        out.push_back(SetHighContrast{*i == 1});
}

// Touch has no scroll wheel: a drag that starts on the page itself (not on a control) scrolls it,
// once it has moved past Dear ImGui's drag threshold, so a tap never scrolls. Runs after the items
// of the frame, so "on a control" means this frame's controls. A flick keeps the page moving,
// slowing down as a phone's list does; a new press stops it; with reduced motion asked for, the
// page stops where the finger left it. Returns true while it moves.
bool drag_to_scroll(bool reduce_motion) {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID started_on_page = ImGui::GetID("##drag-to-scroll");
    const ImGuiID velocity_id = ImGui::GetID("##scroll-velocity");  // page pixels per second
    float velocity = storage->GetFloat(velocity_id, 0.0f);
    if (io.MouseClicked[ImGuiMouseButton_Left]) {
        storage->SetBool(started_on_page, ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered() && !ImGui::IsAnyItemActive());
        velocity = 0;
    }
    const float dt = io.DeltaTime > 0 ? io.DeltaTime : 1.0f / 60.0f;
    if (io.MouseDown[ImGuiMouseButton_Left]) {
        if (storage->GetBool(started_on_page) && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
            // Smoothed, so the last uneven touch event does not decide the flick alone.
            velocity = 0.6f * velocity + 0.4f * (-io.MouseDelta.y / dt);
        }
    } else {
        storage->SetBool(started_on_page, false);
        if (reduce_motion) velocity = 0;
        if (velocity != 0) {
            const float before = ImGui::GetScrollY();
            ImGui::SetScrollY(std::clamp(before + velocity * dt, 0.0f, ImGui::GetScrollMaxY()));
            velocity *= std::exp(-4.0f * dt);  // about 2 % of the speed left after a second
            const bool at_edge = (velocity < 0 && before <= 0) || (velocity > 0 && before >= ImGui::GetScrollMaxY());
            if (std::fabs(velocity) < 20.0f || at_edge) velocity = 0;
        }
    }
    storage->SetFloat(velocity_id, velocity);
    return velocity != 0;
}

// What reveal_on_next_frame asked for: a view concern of the host's focus, not app state.
std::optional<std::pair<float, float>> item_to_reveal;

// A quarter of the screen above and below stays clear; an item outside that band is brought to a
// third of the way down.
void reveal_item(const ImGuiViewport* vp) {
    if (!item_to_reveal) return;
    const auto [top, bottom] = *item_to_reveal;
    item_to_reveal.reset();
    const float h = vp->WorkSize.y, y0 = vp->WorkPos.y;
    if (top >= y0 + h / 4 && bottom <= y0 + h * 3 / 4) return;
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + (top - y0) - h / 3, 0.0f, ImGui::GetScrollMaxY()));
}

// A new place (screen, section or tab) opens at its top, as a phone app's pages do; the previous
// page's scroll would leave its first fields above the screen, out of reach of the keyboard too.
// Called before the page's window begins, so the first frame of the place is already at its top.
void scroll_to_top_on_new_place(const AppState& s) {
    const int place = (static_cast<int>(s.screen) * 64 + static_cast<int>(s.section)) * 64 + static_cast<int>(s.tab);
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID("##place");
    if (storage->GetInt(key, -1) != place) ImGui::SetNextWindowScroll(ImVec2(-1.0f, 0.0f));
    storage->SetInt(key, place);
}

}  // namespace

void reveal_on_next_frame(float top, float bottom) { item_to_reveal = {top, bottom}; }

bool draw_app_frame(const AppState& state, std::vector<Action>& out) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    set_language(state.language);
    reset_active_text_purpose();
    scroll_to_top_on_new_place(state);
    bool moving = false;
    if (ImGui::Begin("learnledger", nullptr, flags)) {
        reveal_item(vp);
        switch (state.screen) {
            case Screen::starting: text(tr("Loading...")); break;
            case Screen::sign_in:
                draw_sign_in_screen(state, out);
                draw_preferences(state, out);
                break;
            case Screen::balance:
                if (state.session) {
                    draw_account_bar(state, out);
                    draw_section_bar(state, out);
                }
                draw_signed_in(state, out);
                draw_preferences(state, out);
                break;
        }
        moving = drag_to_scroll(state.reduce_motion);
    }
    ImGui::End();
    return moving;
}

}  // namespace ll::ui
