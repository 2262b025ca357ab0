// Text fields are drawn from the state each frame and their edits returned to the caller, who
// turns them into actions. Touch-sized: the frame padding makes them 44 CSS px tall.
#include "form_widgets.h"

#include <algorithm>
#include <cstdio>

#include "item_tree.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {

namespace {

TextPurpose active_purpose = TextPurpose::text;

}  // namespace

TextPurpose active_text_purpose() { return active_purpose; }

void reset_active_text_purpose() { active_purpose = TextPurpose::text; }

FieldResult text_field(const char* id, const std::string& label, const std::string& value, ImGuiInputTextFlags flags,
                       TextPurpose purpose) {
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
    if (ImGui::IsItemActive()) active_purpose = purpose;
    if (auto* t = current_item_tree()) t->label_last_item(label, secret ? "" : value);
    r.text = buffer;
    r.changed = r.text != value;
    return r;
}

namespace {

constexpr float min_side_padding = 2.0f;

}  // namespace

bool fits_button(const std::string& label, float width) {
    return ImGui::CalcTextSize(label.c_str(), nullptr, true).x <= width - 2 * min_side_padding;
}

namespace {

// The width of each choice; `columns` receives how many go on a line.
float choice_layout(const std::vector<std::string>& labels, int preferred, int& columns) {
    const float avail = ImGui::GetContentRegionAvail().x, spacing = ImGui::GetStyle().ItemSpacing.x;
    auto width_for = [&](int n) { return (avail - static_cast<float>(n - 1) * spacing) / static_cast<float>(n); };
    columns = preferred;
    while (columns > 1 && !std::all_of(labels.begin(), labels.end(), [&](const std::string& l) { return fits_button(l, width_for(columns)); }))
        columns = std::max(1, columns / 2);
    return width_for(columns);
}

}  // namespace

std::optional<size_t> choice_row(const std::vector<std::string>& labels, int preferred, std::optional<size_t> current) {
    int columns = preferred;
    const float w = choice_layout(labels, preferred, columns);
    std::optional<size_t> tapped;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (i % static_cast<size_t>(columns) != 0) ImGui::SameLine();
        if (choice_button(labels[i], w, current == i)) tapped = i;
    }
    return tapped;
}

bool touch_button(const std::string& label, float width) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    const float height = touch_target_height();  // before any font scaling: the target stays 44 px
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    const float text_w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x;
    const float side = std::clamp((width - text_w) / 2, min_side_padding, padding.x);
    // A label too long even then is drawn a little smaller (down to 80 %) rather than cut.
    const float room = width - 2 * side;
    const float scale = text_w > room && text_w > 0 ? std::max(0.8f, room / text_w) : 1.0f;
    if (scale < 1.0f) ImGui::SetWindowFontScale(scale);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(side, padding.y));
    const bool pressed = ImGui::Button(label.c_str(), ImVec2(width, height));
    ImGui::PopStyleVar();
    if (scale < 1.0f) ImGui::SetWindowFontScale(1.0f);
    return pressed;
}

bool touch_checkbox(const std::string& label, bool& value) {
    const float padding_y = (touch_target_height() - ImGui::GetFontSize()) / 2;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, padding_y));
    const bool changed = ImGui::Checkbox(label.c_str(), &value);
    ImGui::PopStyleVar();
    return changed;
}

bool choice_button(const std::string& label, float width, bool current) {
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    const bool pressed = touch_button(label, width);
    if (current) {
        ImGui::PopStyleColor();
        if (auto* t = current_item_tree()) t->set_last_item_value("pressed");  // seen by colour, read as aria-pressed
    }
    return pressed && !current;
}

void error_line(const Error& error) {
    ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
    status_message(error_message(error));
    ImGui::PopStyleColor();
}

void field_error(const std::optional<Error>& error, const char* field) {
    if (error && error->field == field) error_line(*error);
}

std::optional<int> year_stepper(const char* id, int year, int first_year, int last_year) {
    const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    const std::string suffix = std::string("##") + id;
    std::optional<int> tapped;
    ImGui::BeginDisabled(year <= first_year);
    if (touch_button("\u2039 " + std::to_string(year - 1) + suffix + "-previous", w)) tapped = year - 1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    touch_button(std::to_string(year) + suffix + "-year", w);
    if (auto* tree = current_item_tree()) tree->record_last_item("text", tr("Year"), std::to_string(year));
    ImGui::SameLine();
    ImGui::BeginDisabled(year >= last_year);
    if (touch_button(std::to_string(year + 1) + " \u203a" + suffix + "-next", w)) tapped = year + 1;
    ImGui::EndDisabled();
    return tapped;
}

}  // namespace ll::ui
