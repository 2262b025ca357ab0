// The root window covers the viewport without decorations: the app is the page, not a window
// in it. Screens draw inside it.
#include "app_frame.h"

#include "balance_screen.h"
#include "imgui.h"

namespace ll::ui {

void draw_app_frame(const AppState& state, std::vector<Action>& out) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("learnledger", nullptr, flags)) draw_balance_screen(state, out);
    ImGui::End();
}

}  // namespace ll::ui
