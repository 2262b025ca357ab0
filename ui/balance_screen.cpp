// Immediate-mode drawing of the year screen; it reads the state and emits actions only.
// Touch first: buttons are at least 44 CSS px tall (the style is scaled by the device pixel ratio).
#include "balance_screen.h"

#include <cfloat>
#include <string>

#include "certificate_thumbnail.h"
#include "exports_screen.h"
#include "form_widgets.h"
#include "history_filter.h"
#include "imgui.h"
#include "item_tree.h"
#include "lazy_list.h"
#include "submit_screen.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {

namespace {

// "Previous year" when it fits in a third of the width, else "‹ 2025" (narrow phones, long words).
std::string year_button_label(const std::string& words, const std::string& compact, float width) {
    return fits_button(words, width) ? words : compact;
}

void draw_year_navigation(const AppState& s, std::vector<Action>& out) {
    const float h = touch_target_height();
    const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    const std::string previous = year_button_label(tr("Previous year"), "\u2039 " + std::to_string(s.year - 1), w);
    const std::string next = year_button_label(tr("Next year"), std::to_string(s.year + 1) + " \u203a", w);
    ImGui::BeginDisabled(s.year <= s.first_year);
    if (touch_button(previous + "##previous", w)) out.push_back(SelectYear{s.year - 1});
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
    if (touch_button(next + "##next", w)) out.push_back(SelectYear{s.year + 1});
    ImGui::EndDisabled();
}

void draw_tabs(const AppState& s, std::vector<Action>& out) {
    const float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    const std::pair<Tab, std::string> tabs[] = {{Tab::balance, tr("Balance") + "##tab-balance"},
                                                {Tab::history, tr("History") + "##tab-history"},
                                                {Tab::submit, tr("Submit") + "##tab-submit"}};
    for (const auto& [tab, label] : tabs) {
        if (tab != Tab::balance) ImGui::SameLine();
        if (choice_button(label, w, s.tab == tab)) out.push_back(SelectTab{tab});
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

// What happens to the time left: lost on a known date, or carried into the next year.
void draw_expiry(const YearView& v) {
    if (v.remaining_minutes <= 0) return;
    if (v.lapses_on) {
        text(tr("Time not taken lapses on {date}", {{"date", date_text(*v.lapses_on)}}));
    } else if (!v.end_of_contract) {
        text(tr("Time not taken carries over to {year}", {{"year", std::to_string(v.year + 1)}}));
    }
}

void draw_balance_tab(const AppState& s, const YearView& v, std::vector<Action>& out) {
    const std::string year = std::to_string(v.year);
    figure(tr("Remaining {year}", {{"year", year}}), days_text(minutes_as_days(v.remaining_minutes, v.minutes_per_day)));
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
        text(tr("5-year period {start}-{end}: {followed} followed of {goal}",
                   {{"start", std::to_string(p.start_year)}, {"end", std::to_string(p.end_year)},
                    {"followed", duration(p.followed_minutes)}, {"goal", duration(p.goal_minutes)}}));
        ImGui::ProgressBar(p.goal_minutes > 0 ? std::min(1.0f, static_cast<float>(p.followed_minutes) / static_cast<float>(p.goal_minutes)) : 0.0f,
                           ImVec2(-1, ImGui::GetFontSize() * 0.75f), "");
    }
    if (v.end_of_contract)
        text(tr("Contract ends {date}: {duration} still open",
                   {{"date", date_text(v.end_of_contract->termination.date)}, {"duration", duration(v.end_of_contract->open_minutes)}}));
    ImGui::Spacing();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    const std::string toggle = tr(s.show_explanation ? "Hide explanation" : "Show explanation") + "##explanation";
    if (touch_button(toggle, half)) out.push_back(ToggleExplanation{});
    ImGui::SameLine();
    if (touch_button(tr("Statement (PDF)") + "##statement", half)) out.push_back(WorkspaceAction{Download{statement_path("", v.year, true)}});
    if (!s.show_explanation) return;
    ImGui::Spacing();
    for (const auto* lines : {&v.entitlement_explanation, &v.explanation})
        for (const auto& line : *lines) {
            ImGui::Bullet();
            ImGui::SameLine();
            text(explanation(line));
        }
}

// The status choices above the history, as a row of toggle buttons.
void draw_status_filter(const AppState& s, std::vector<Action>& out) {
    const std::pair<std::optional<EntryStatus>, std::string> choices[] = {
        {std::nullopt, tr("All") + "##filter-all"},
        {EntryStatus::approved, tr("filter.approved") + "##filter-approved"},
        {EntryStatus::submitted, tr("filter.waiting") + "##filter-waiting"},
        {EntryStatus::rejected, tr("filter.rejected") + "##filter-rejected"}};
    std::vector<std::string> labels;
    std::optional<size_t> current;
    for (const auto& [status, label] : choices) {
        if (s.history_filter.status == status) current = labels.size();
        labels.push_back(label);
    }
    if (auto i = choice_row(labels, 4, current)) out.push_back(FilterStatus{choices[*i].first});
}

void draw_entry_title(const std::string& title) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    if (auto* t = current_item_tree()) t->record_last_item("text", title, "");
}

}  // namespace

void draw_history_entry(const AppState& s, const EntryRecord& e) {
    ImGui::Separator();
    const bool picture = !e.certificate_id.empty();
    if (picture) {
        draw_certificate_thumbnail(s, e.certificate_id);
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    draw_entry_title(e.entry.title.empty() ? tr("kind." + std::string(to_string(e.entry.kind))) : e.entry.title);
    std::string line = date_text(e.entry.date) + " \u00b7 " + duration(e.entry.minutes);
    if (e.entry.kind == EntryKind::training) line += " \u00b7 " + tr(e.training_type == "informal" ? "type.informal" : "type.formal");
    line += " \u00b7 " + tr("status." + std::string(to_string(e.entry.status)));
    if (!e.provider.empty()) line += " \u00b7 " + e.provider;
    text(line);
    if (e.certificate_valid_until)
        text(tr("Certificate valid until {date}", {{"date", date_text(*e.certificate_valid_until)}}));
    if (e.entry.status == EntryStatus::rejected && !e.decision_reason.empty())
        text(tr("Reason: {reason}", {{"reason", e.decision_reason}}));
    ImGui::EndGroup();
}

namespace {

// A training kept on the device: waiting to send, or refused by the server with its reason and a
// way to drop it (a conflict is shown plainly, never retried in silence).
void draw_queued_entry(const QueuedTraining& q, std::vector<Action>& out) {
    ImGui::Separator();
    draw_entry_title(q.title);
    const auto date = CivilDate::parse(q.date);
    const std::string status = q.refused ? tr("status.not_sent") : tr("status.waiting_to_send");
    text((date ? date_text(*date) : q.date) + " \u00b7 " + duration(q.minutes) + " \u00b7 " + status);
    if (q.refused) {
        error_line(*q.refused);
        const ActsOn subject(q.title);
        if (touch_button(tr("Discard") + "##discard-" + q.key, 0))
            out.push_back(DiscardQueued{q.key});
    }
}

void draw_history_tab(const AppState& s, const YearView& v, std::vector<Action>& out) {
    draw_sent_notice(s.submit);
    FieldResult search = text_field("##search", tr("Search"), s.history_filter.search, 0, TextPurpose::search);
    if (search.changed) out.push_back(EditSearch{search.text});
    draw_status_filter(s, out);
    int shown = 0;
    // Trainings kept on the device come first: they are not on the server yet.
    for (const auto& q : s.outbox)
        if (matches(s.history_filter, q)) {
            ++shown;
            draw_queued_entry(q, out);
        }
    std::vector<const EntryRecord*> listed;
    for (const auto& e : v.entries)
        if (matches(s.history_filter, e)) listed.push_back(&e);
    shown += static_cast<int>(listed.size());
    lazy_list("history", listed.size(), [&](std::size_t i) { return std::string_view(listed[i]->entry.id); },
              [&](std::size_t i) { draw_history_entry(s, *listed[i]); });
    if (shown > 0) return;
    ImGui::Separator();
    const bool filtered = !s.history_filter.search.empty() || s.history_filter.status;
    text(filtered ? tr("No trainings match.") : tr("No trainings in {year}.", {{"year", std::to_string(v.year)}}));
}

}  // namespace

void draw_balance_screen(const AppState& s, std::vector<Action>& out) {
    heading(tr("My training right"));
    if (s.offline) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text(tr("Offline: showing what was last loaded."));
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    draw_year_navigation(s, out);
    draw_tabs(s, out);
    ImGui::Separator();
    ImGui::Spacing();
    if (s.session && s.session->worker_id.empty()) {
        text(tr("This account has no personal training record."));
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
        text(tr("Could not load: {message}", {{"message", error_message(*s.error)}}));
        if (touch_button(tr("Try again") + "##retry", 0)) out.push_back(Retry{});
    }
}

}  // namespace ll::ui
