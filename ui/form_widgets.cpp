// Text fields are drawn from the state each frame and their edits returned to the caller, who
// turns them into actions. Touch-sized: the frame padding makes them 44 CSS px tall.
#include "form_widgets.h"

#include <cstdio>

#include "item_tree.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {

FieldResult text_field(const char* id, const std::string& label, const std::string& value, ImGuiInputTextFlags flags) {
    const bool secret = (flags & ImGuiInputTextFlags_Password) != 0;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
    ImGui::TextUnformatted(label.c_str());
    ImGui::SetNextItemWidth(-1);
    const float padding = (touch_target_height() - ImGui::GetFontSize()) / 2;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, padding));
    FieldResult r;
    r.entered = ImGui::InputText(id, buffer, sizeof buffer, flags | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopStyleVar();
    if (auto* t = current_item_tree()) t->label_last_item(label, secret ? "" : value);
    r.text = buffer;
    r.changed = r.text != value;
    return r;
}

void error_line(const Error& error) {
    ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
    ImGui::PushTextWrapPos(0.0f);
    text(error_message(error));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void field_error(const std::optional<Error>& error, const char* field) {
    if (error && error->field == field) error_line(*error);
}

}  // namespace ll::ui
