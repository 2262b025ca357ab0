// The root window covers the viewport without decorations: the app is the page, not a window
// in it. It shows the screen the state names; signed-in screens get a bar with sign-out.
#include "app_frame.h"

#include "balance_screen.h"
#include "imgui.h"
#include "item_tree.h"
#include "sign_in_screen.h"
#include "theme.h"

namespace ll::ui {
namespace {

void draw_account_bar(const AppState& s, std::vector<Action>& out) {
    const char* label = "Sign out";
    float button_w = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
    float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + (touch_target_height() - ImGui::GetFontSize()) / 2);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text(s.session->display_name);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - button_w, y));
    if (ImGui::Button(label, ImVec2(button_w, touch_target_height()))) out.push_back(SignOut{});
    ImGui::Separator();
}

}  // namespace

void draw_app_frame(const AppState& state, std::vector<Action>& out) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("learnledger", nullptr, flags)) {
        switch (state.screen) {
            case Screen::starting: text("Loading..."); break;
            case Screen::sign_in: draw_sign_in_screen(state, out); break;
            case Screen::balance:
                if (state.session) draw_account_bar(state, out);
                draw_balance_screen(state, out);
                break;
        }
    }
    ImGui::End();
}

}  // namespace ll::ui
