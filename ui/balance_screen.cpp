// Immediate-mode drawing of the year screen; it reads the state and emits actions only.
// Touch first: buttons are at least 44 CSS px tall (the style is scaled by the device pixel ratio).
#include "balance_screen.h"

#include <cfloat>
#include <string>

#include "certificate_thumbnail.h"
#include "form_widgets.h"
#include "history_filter.h"
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

// A tap on a figure (not a drag that scrolls past it) opens its explanation.
void explain_on_tap(const AppState& s, std::vector<Action>& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool dragged = io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] > io.MouseDragThreshold * io.MouseDragThreshold;
    if (!s.show_explanation && !dragged && ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Left))
        out.push_back(ToggleExplanation{});
}

void wrapped(const std::string& line) {
    ImGui::PushTextWrapPos(0.0f);
    text(line);
    ImGui::PopTextWrapPos();
}

// What happens to the time left: lost on a known date, or carried into the next year.
void draw_expiry(const YearView& v) {
    if (v.remaining_minutes <= 0) return;
    if (v.lapses_on) {
        wrapped(tr("Time not taken lapses on {date}", {{"date", date_text(*v.lapses_on)}}));
    } else if (!v.end_of_contract) {
        wrapped(tr("Time not taken carries over to {year}", {{"year", std::to_string(v.year + 1)}}));
    }
}

void draw_balance_tab(const AppState& s, const YearView& v, std::vector<Action>& out) {
    const std::string year = std::to_string(v.year);
    figure(tr("Remaining {year}", {{"year", year}}), days_text(as_days(v.remaining_minutes, v.minutes_per_day)));
    explain_on_tap(s, out);
    text(tr("{duration} of training time left", {{"duration", duration(v.remaining_minutes)}}));
    ImGui::Spacing();
    draw_usage_bar(v);
    text(tr("Followed: {duration}", {{"duration", duration(v.used_minutes)}}));
    if (v.pending_minutes > 0) text(tr("Waiting for approval: {duration}", {{"duration", duration(v.pending_minutes)}}));
    if (v.carried_in_minutes > 0) text(tr("Carried from earlier years: {duration}", {{"duration", duration(v.carried_in_minutes)}}));
    draw_expiry(v);
    ImGui::Spacing();
    figure(tr("Training right {year}", {{"year", year}}), days_text(v.entitled_days));
    explain_on_tap(s, out);
    for (const auto& p : v.periods) {
        if (v.year < p.start_year || v.year > p.end_year) continue;
        wrapped(tr("5-year period {start}-{end}: {followed} followed of {goal}",
                   {{"start", std::to_string(p.start_year)}, {"end", std::to_string(p.end_year)},
                    {"followed", duration(p.followed_minutes)}, {"goal", duration(p.goal_minutes)}}));
        ImGui::ProgressBar(p.goal_minutes > 0 ? std::min(1.0f, static_cast<float>(p.followed_minutes) / static_cast<float>(p.goal_minutes)) : 0.0f,
                           ImVec2(-1, ImGui::GetFontSize() * 0.75f), "");
    }
    if (v.end_of_contract)
        wrapped(tr("Contract ends {date}: {duration} still open",
                   {{"date", date_text(v.end_of_contract->termination.date)}, {"duration", duration(v.end_of_contract->open_minutes)}}));
    ImGui::Spacing();
    const std::string toggle = tr(s.show_explanation ? "Hide explanation" : "Show explanation") + "##explanation";
    if (ImGui::Button(toggle.c_str(), ImVec2(-1, touch_target_height()))) out.push_back(ToggleExplanation{});
    if (!s.show_explanation) return;
    ImGui::Spacing();
    for (const auto* lines : {&v.entitlement_explanation, &v.explanation})
        for (const auto& line : *lines) {
            ImGui::Bullet();
            ImGui::SameLine();
            wrapped(explanation(line));
        }
}

// The status choices above the history, as a row of toggle buttons.
void draw_status_filter(const AppState& s, std::vector<Action>& out) {
    const std::pair<std::optional<EntryStatus>, std::string> choices[] = {
        {std::nullopt, tr("All") + "##filter-all"},
        {EntryStatus::approved, tr("filter.approved") + "##filter-approved"},
        {EntryStatus::submitted, tr("filter.waiting") + "##filter-waiting"},
        {EntryStatus::rejected, tr("filter.rejected") + "##filter-rejected"}};
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = (ImGui::GetContentRegionAvail().x - 3 * style.ItemSpacing.x) / 4;
    bool first = true;
    for (const auto& [status, label] : choices) {
        if (!first) ImGui::SameLine();
        first = false;
        const bool current = s.history_filter.status == status;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
        if (ImGui::Button(label.c_str(), ImVec2(w, touch_target_height())) && !current) out.push_back(FilterStatus{status});
        if (current) ImGui::PopStyleColor();
    }
}

void draw_entry_title(const std::string& title) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    if (auto* t = current_item_tree()) t->record_last_item("text", title, "");
}

void draw_history_entry(const AppState& s, const EntryRecord& e) {
    ImGui::Separator();
    const bool picture = !e.certificate_id.empty();
    if (picture) {
        draw_certificate_thumbnail(s, e.certificate_id);
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(0.0f);
    draw_entry_title(e.entry.title.empty() ? tr("kind." + std::string(to_string(e.entry.kind))) : e.entry.title);
    std::string line = date_text(e.entry.date) + " \u00b7 " + duration(e.entry.minutes);
    if (e.entry.kind == EntryKind::training) line += " \u00b7 " + tr(e.training_type == "informal" ? "type.informal" : "type.formal");
    line += " \u00b7 " + tr("status." + std::string(to_string(e.entry.status)));
    if (!e.provider.empty()) line += " \u00b7 " + e.provider;
    text(line);
    if (e.entry.status == EntryStatus::rejected && !e.decision_reason.empty())
        text(tr("Reason: {reason}", {{"reason", e.decision_reason}}));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

// A training kept on the device: waiting to send, or refused by the server with its reason and a
// way to drop it (a conflict is shown plainly, never retried in silence).
void draw_queued_entry(const QueuedTraining& q, std::vector<Action>& out) {
    ImGui::Separator();
    ImGui::PushTextWrapPos(0.0f);
    draw_entry_title(q.title);
    const auto date = CivilDate::parse(q.date);
    const std::string status = q.refused ? tr("status.not_sent") : tr("status.waiting_to_send");
    text((date ? date_text(*date) : q.date) + " \u00b7 " + duration(q.minutes) + " \u00b7 " + status);
    if (q.refused) {
        error_line(*q.refused);
        if (ImGui::Button((tr("Discard") + "##discard-" + q.key).c_str(), ImVec2(-1, touch_target_height())))
            out.push_back(DiscardQueued{q.key});
    }
    ImGui::PopTextWrapPos();
}

void draw_history_tab(const AppState& s, const YearView& v, std::vector<Action>& out) {
    FieldResult search = text_field("##search", tr("Search"), s.history_filter.search);
    if (search.changed) out.push_back(EditSearch{search.text});
    draw_status_filter(s, out);
    int shown = 0;
    // Trainings kept on the device come first: they are not on the server yet.
    for (const auto& q : s.outbox)
        if (matches(s.history_filter, q)) {
            ++shown;
            draw_queued_entry(q, out);
        }
    for (const auto& e : v.entries)
        if (matches(s.history_filter, e)) {
            ++shown;
            draw_history_entry(s, e);
        }
    if (shown > 0) return;
    ImGui::Separator();
    const bool filtered = !s.history_filter.search.empty() || s.history_filter.status;
    wrapped(filtered ? tr("No trainings match.") : tr("No trainings in {year}.", {{"year", std::to_string(v.year)}}));
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
            draw_history_tab(s, *s.view, out);
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
