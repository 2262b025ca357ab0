// Immediate-mode drawing of the balance screen; it reads the state and emits actions only.
// Touch first: buttons are at least 44 CSS px tall (the style is scaled by the device pixel ratio).
#include "balance_screen.h"

#include <cfloat>
#include <string>

#include "imgui.h"
#include "item_tree.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {

std::string days_text(const Rational& days) { return tr_plural("{n} day", "{n} days", days, {{"n", number(days)}}); }

namespace {

void draw_year_navigation(const AppState& s, std::vector<Action>& out) {
    const float h = touch_target_height();
    const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    ImGui::BeginDisabled(s.year <= s.first_year);
    if (ImGui::Button((tr("Previous year") + "##previous").c_str(), ImVec2(w, h))) out.push_back(SelectYear{s.year - 1});
    ImGui::EndDisabled();
    ImGui::SameLine();

    // The year sits centred in a cell as wide and tall as the buttons beside it.
    const std::string year = std::to_string(s.year);
    ImGui::Dummy(ImVec2(w, h));
    ImFont* font = fonts().heading;
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, year.c_str());
    ImVec2 min = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize,
                                        ImVec2(min.x + (w - size.x) / 2, min.y + (h - size.y) / 2),
                                        ImGui::GetColorU32(ImGuiCol_Text), year.c_str());
    if (auto* t = current_item_tree()) t->record_last_item("text", tr("Year"), year);
    ImGui::SameLine();

    ImGui::BeginDisabled(s.year >= s.last_year);
    if (ImGui::Button((tr("Next year") + "##next").c_str(), ImVec2(w, h))) out.push_back(SelectYear{s.year + 1});
    ImGui::EndDisabled();
}

void draw_entitlement(const AppState& s, std::vector<Action>& out) {
    const Entitlement& e = *s.entitlement;
    figure(tr("Training right {year}", {{"year", std::to_string(e.year)}}), days_text(e.days));
    text(tr("{duration} of training time, {months} of 12 months employed",
            {{"duration", duration(e.minutes)}, {"months", std::to_string(e.months_counted)}}));
    ImGui::Spacing();
    const std::string toggle = tr(s.show_explanation ? "Hide explanation" : "Show explanation") + "##explanation";
    if (ImGui::Button(toggle.c_str(), ImVec2(-1, touch_target_height())))
        out.push_back(ToggleExplanation{});
    if (!s.show_explanation) return;
    ImGui::Spacing();
    for (const auto& line : e.explanation) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        text(explanation(line));
        ImGui::PopTextWrapPos();
    }
}

}  // namespace

void draw_balance_screen(const AppState& s, std::vector<Action>& out) {
    heading(tr("My training right"));
    ImGui::Spacing();
    draw_year_navigation(s, out);
    ImGui::Separator();
    ImGui::Spacing();
    if (s.session && s.session->worker_id.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        text(tr("This account has no personal training record."));
        ImGui::PopTextWrapPos();
    } else if (s.entitlement && s.entitlement->year == s.year) {
        draw_entitlement(s, out);
    } else if (s.load == LoadState::loading) {
        text(tr("Loading {year}...", {{"year", std::to_string(s.year)}}));
    }
    if (s.load == LoadState::failed && s.error) {
        ImGui::PushTextWrapPos(0.0f);
        text(tr("Could not load: {message}", {{"message", error_message(*s.error)}}));
        ImGui::PopTextWrapPos();
        if (ImGui::Button((tr("Try again") + "##retry").c_str(), ImVec2(-1, touch_target_height()))) out.push_back(Retry{});
    }
}

}  // namespace ll::ui
