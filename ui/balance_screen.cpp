// Immediate-mode drawing of the year screen; it reads the state and emits actions only.
// Touch first: buttons are at least 44 CSS px tall (the style is scaled by the device pixel ratio).
#include "balance_screen.h"

#include <cfloat>
#include <string>

#include "imgui.h"
#include "item_tree.h"
#include "submit_screen.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {

std::string days_text(const Rational& days) { return tr_plural("{n} day", "{n} days", days, {{"n", number(days)}}); }

namespace {

Rational as_days(long long minutes, long long per_day) {
    auto r = Rational::make(minutes, per_day > 0 ? per_day : 1);
    return r ? *r : Rational(0);
}

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
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(min.x + (w - size.x) / 2, min.y + (h - size.y) / 2),
                                        ImGui::GetColorU32(ImGuiCol_Text), year.c_str());
    if (auto* t = current_item_tree()) t->record_last_item("text", tr("Year"), year);
    ImGui::SameLine();

    ImGui::BeginDisabled(s.year >= s.last_year);
    if (ImGui::Button((tr("Next year") + "##next").c_str(), ImVec2(w, h))) out.push_back(SelectYear{s.year + 1});
    ImGui::EndDisabled();
}

void draw_tabs(const AppState& s, std::vector<Action>& out) {
    const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    const std::pair<Tab, std::string> tabs[] = {{Tab::balance, tr("Balance") + "##tab-balance"},
                                                {Tab::history, tr("History") + "##tab-history"},
                                                {Tab::submit, tr("Submit") + "##tab-submit"}};
    for (const auto& [tab, label] : tabs) {
        if (tab != Tab::balance) ImGui::SameLine();
        const bool current = s.tab == tab;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
        if (ImGui::Button(label.c_str(), ImVec2(w, touch_target_height())) && !current) out.push_back(SelectTab{tab});
        if (current) ImGui::PopStyleColor();
    }
}

// A bar split into followed, waiting and still-open parts of what was available this year.
void draw_usage_bar(const YearView& v) {
    const long long available = v.carried_in_minutes + v.entitled_minutes + v.complementary_minutes + v.credit_minutes;
    const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize() * 0.75f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 track = ImGui::GetColorU32(ImGuiCol_FrameBg), used = ImGui::GetColorU32(ImGuiCol_PlotHistogram),
                waiting = ImGui::GetColorU32(ImGuiCol_PlotHistogramHovered);
    draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), track, h / 2);
    if (available > 0) {
        float used_w = w * static_cast<float>(std::min(v.used_minutes, available)) / static_cast<float>(available);
        float waiting_w = w * static_cast<float>(std::min(v.pending_minutes, available - std::min(v.used_minutes, available))) /
                          static_cast<float>(available);
        if (used_w > 0) draw->AddRectFilled(p, ImVec2(p.x + used_w, p.y + h), used, h / 2);
        if (waiting_w > 0) draw->AddRectFilled(ImVec2(p.x + used_w, p.y), ImVec2(p.x + used_w + waiting_w, p.y + h), waiting, h / 2);
    }
    ImGui::Dummy(ImVec2(w, h));
}

void draw_balance_tab(const AppState& s, const YearView& v, std::vector<Action>& out) {
    const std::string year = std::to_string(v.year);
    figure(tr("Remaining {year}", {{"year", year}}), days_text(as_days(v.remaining_minutes, v.minutes_per_day)));
    text(tr("{duration} of training time left", {{"duration", duration(v.remaining_minutes)}}));
    ImGui::Spacing();
    draw_usage_bar(v);
    text(tr("Followed: {duration}", {{"duration", duration(v.used_minutes)}}));
    if (v.pending_minutes > 0) text(tr("Waiting for approval: {duration}", {{"duration", duration(v.pending_minutes)}}));
    if (v.carried_in_minutes > 0) text(tr("Carried from earlier years: {duration}", {{"duration", duration(v.carried_in_minutes)}}));
    ImGui::Spacing();
    figure(tr("Training right {year}", {{"year", year}}), days_text(v.entitled_days));
    for (const auto& p : v.periods) {
        if (v.year < p.start_year || v.year > p.end_year) continue;
        ImGui::PushTextWrapPos(0.0f);
        text(tr("5-year period {start}-{end}: {followed} followed of {goal}",
                {{"start", std::to_string(p.start_year)}, {"end", std::to_string(p.end_year)},
                 {"followed", duration(p.followed_minutes)}, {"goal", duration(p.goal_minutes)}}));
        ImGui::PopTextWrapPos();
        ImGui::ProgressBar(p.goal_minutes > 0 ? std::min(1.0f, static_cast<float>(p.followed_minutes) / static_cast<float>(p.goal_minutes)) : 0.0f,
                           ImVec2(-1, ImGui::GetFontSize() * 0.75f), "");
    }
    if (v.end_of_contract)
        text(tr("Contract ends {date}: {duration} still open",
                {{"date", v.end_of_contract->termination.date.iso()}, {"duration", duration(v.end_of_contract->open_minutes)}}));
    ImGui::Spacing();
    const std::string toggle = tr(s.show_explanation ? "Hide explanation" : "Show explanation") + "##explanation";
    if (ImGui::Button(toggle.c_str(), ImVec2(-1, touch_target_height()))) out.push_back(ToggleExplanation{});
    if (!s.show_explanation) return;
    ImGui::Spacing();
    for (const auto* lines : {&v.entitlement_explanation, &v.explanation})
        for (const auto& line : *lines) {
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::PushTextWrapPos(0.0f);
            text(explanation(line));
            ImGui::PopTextWrapPos();
        }
}

void draw_history_tab(const AppState& s, const YearView& v) {
    // Trainings kept on the device come first: they are not on the server yet.
    for (const auto& q : s.outbox) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::PushFont(fonts().heading);
        ImGui::TextUnformatted(q.title.c_str());
        ImGui::PopFont();
        if (auto* t = current_item_tree()) t->record_last_item("text", q.title, "");
        text(q.date + " \u00b7 " + duration(q.minutes) + " \u00b7 " + tr("status.waiting_to_send"));
        ImGui::PopTextWrapPos();
    }
    if (v.entries.empty() && s.outbox.empty()) {
        text(tr("No trainings in {year}.", {{"year", std::to_string(v.year)}}));
        return;
    }
    for (const auto& e : v.entries) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(0.0f);
        const std::string title = e.entry.title.empty() ? tr("kind." + std::string(to_string(e.entry.kind))) : e.entry.title;
        ImGui::PushFont(fonts().heading);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopFont();
        if (auto* t = current_item_tree()) t->record_last_item("text", title, "");
        std::string line = e.entry.date.iso() + " \u00b7 " + duration(e.entry.minutes) + " \u00b7 " +
                           tr("status." + std::string(to_string(e.entry.status)));
        if (!e.provider.empty()) line += " \u00b7 " + e.provider;
        text(line);
        if (e.entry.status == EntryStatus::rejected && !e.decision_reason.empty())
            text(tr("Reason: {reason}", {{"reason", e.decision_reason}}));
        ImGui::PopTextWrapPos();
    }
}

}  // namespace

void draw_balance_screen(const AppState& s, std::vector<Action>& out) {
    heading(tr("My training right"));
    if (s.offline) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::PushTextWrapPos(0.0f);
        text(tr("Offline: showing what was last loaded."));
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    draw_year_navigation(s, out);
    draw_tabs(s, out);
    ImGui::Separator();
    ImGui::Spacing();
    if (s.session && s.session->worker_id.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        text(tr("This account has no personal training record."));
        ImGui::PopTextWrapPos();
    } else if (s.tab == Tab::submit) {
        draw_submit_tab(s, out);
    } else if (s.view && s.view->year == s.year) {
        if (s.tab == Tab::balance) {
            draw_balance_tab(s, *s.view, out);
        } else {
            draw_history_tab(s, *s.view);
        }
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
