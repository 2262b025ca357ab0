// Text fields are drawn from the state each frame and report edits as actions; Enter in the
// password field signs in. The password is never put in the item tree.
#include "sign_in_screen.h"

#include <string>

#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {

void draw_sign_in_screen(const AppState& s, std::vector<Action>& out) {
    heading(tr("Sign in"));
    text(tr("Your training right, your trainings, and what is still open."));
    ImGui::Spacing();
    auto email = text_field("##email", tr("E-mail"), s.sign_in.email, ImGuiInputTextFlags_CharsNoBlank, TextPurpose::email);
    if (email.changed) out.push_back(EditEmail{email.text});
    ImGui::Spacing();
    auto password = text_field("##password", tr("Password"), s.sign_in.password, ImGuiInputTextFlags_Password, TextPurpose::password);
    if (password.changed) out.push_back(EditPassword{password.text});
    ImGui::Spacing();
    bool remember = s.sign_in.remember;
    if (touch_checkbox(tr("Keep me signed in on this device") + "##remember", remember)) out.push_back(SetRemember{remember});
    ImGui::Spacing();
    if (s.sign_in.error) error_line(*s.sign_in.error);  // any error, next to the button
    ImGui::BeginDisabled(s.sign_in.busy);
    const std::string button = tr(s.sign_in.busy ? "Signing in..." : "Sign in") + "##sign-in";
    bool pressed = touch_button(button, 0);
    ImGui::EndDisabled();
    if (pressed || password.entered) out.push_back(SubmitSignIn{});
}

}  // namespace ll::ui
