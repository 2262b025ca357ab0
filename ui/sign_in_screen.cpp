// Text fields are drawn from the state each frame and report edits as actions; Enter in the
// password field signs in. The password is never put in the item tree.
#include "sign_in_screen.h"

#include <cstdio>
#include <string>

#include "imgui.h"
#include "item_tree.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {
namespace {

// An input bound to `value`: returns true and sets `edited` when the user changed it.
// `id` keeps the widget's identity stable across languages; `label` is what people read.
bool text_field(const char* id, const std::string& label, const std::string& value, std::string& edited, ImGuiInputTextFlags flags,
                bool& entered) {
    const bool secret = (flags & ImGuiInputTextFlags_Password) != 0;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
    ImGui::TextUnformatted(label.c_str());
    ImGui::SetNextItemWidth(-1);
    entered = ImGui::InputText(id, buffer, sizeof buffer, flags | ImGuiInputTextFlags_EnterReturnsTrue);
    if (auto* t = current_item_tree()) t->label_last_item(label, secret ? "" : value);
    edited = buffer;
    return edited != value;
}

}  // namespace

void draw_sign_in_screen(const AppState& s, std::vector<Action>& out) {
    heading(tr("Sign in"));
    text(tr("Your training right, your trainings, and what is still open."));
    ImGui::Spacing();
    const float field_padding = (touch_target_height() - ImGui::GetFontSize()) / 2;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, field_padding));
    std::string edited;
    bool entered_email = false, entered_password = false;
    if (text_field("##email", tr("E-mail"), s.sign_in.email, edited, ImGuiInputTextFlags_CharsNoBlank, entered_email))
        out.push_back(EditEmail{edited});
    ImGui::Spacing();
    if (text_field("##password", tr("Password"), s.sign_in.password, edited, ImGuiInputTextFlags_Password, entered_password))
        out.push_back(EditPassword{edited});
    ImGui::PopStyleVar();
    ImGui::Spacing();
    if (s.sign_in.error) {
        ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
        ImGui::PushTextWrapPos(0.0f);
        text(error_message(*s.sign_in.error));
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::BeginDisabled(s.sign_in.busy);
    const std::string button = tr(s.sign_in.busy ? "Signing in..." : "Sign in") + "##sign-in";
    bool pressed = ImGui::Button(button.c_str(), ImVec2(-1, touch_target_height()));
    ImGui::EndDisabled();
    if (pressed || entered_password) out.push_back(SubmitSignIn{});
}

}  // namespace ll::ui
