// The table lays out only the rows on screen (ImGuiListClipper), so thousands of workers scroll
// smoothly; narrow screens keep the name, remaining time and flags, wide ones show every column.
#include "team_screen.h"

#include <algorithm>

#include "balance_screen.h"
#include "exports_screen.h"
#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "kiosk_account_update.h"
#include "team_table.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {
namespace {

std::string days_of(const TeamRow& r, long long minutes) { return number(minutes_as_days(minutes, r.minutes_per_day)); }

// One row of every choice side by side where they fit (the shared row, preferring one line).
std::optional<size_t> filter_row(const std::vector<std::string>& labels, size_t current) {
    return choice_row(labels, static_cast<int>(labels.size()), current);
}

void draw_filters(const TeamState& t, std::vector<Action>& out) {
    TeamFilter f = t.filter;
    FieldResult search = text_field("##team-search", tr("Search by name"), f.search, 0, TextPurpose::search);
    if (search.changed) {
        f.search = search.text;
        out.push_back(WorkspaceAction{EditTeamFilter{f}});
    }
    const auto departments = departments_of(t.rows);
    if (departments.size() > 1) {
        std::vector<std::string> labels{tr("All departments") + "##dep-all"};
        size_t current = 0;
        for (size_t i = 0; i < departments.size(); ++i) {
            labels.push_back(departments[i].second + "##dep-" + departments[i].first);
            if (departments[i].first == f.department_id) current = i + 1;
        }
        if (auto i = filter_row(labels, current)) {
            f.department_id = *i == 0 ? std::string() : departments[*i - 1].first;
            out.push_back(WorkspaceAction{EditTeamFilter{f}});
        }
    }
    const auto committees = joint_committees_of(t.rows);
    if (committees.size() > 1) {
        std::vector<std::string> labels{tr("All joint committees") + "##pc-all"};
        size_t current = 0;
        for (size_t i = 0; i < committees.size(); ++i) {
            labels.push_back(tr("JC {code}", {{"code", committees[i]}}) + "##pc-" + committees[i]);
            if (committees[i] == f.joint_committee) current = i + 1;
        }
        if (auto i = filter_row(labels, current)) {
            f.joint_committee = *i == 0 ? std::string() : committees[*i - 1];
            out.push_back(WorkspaceAction{EditTeamFilter{f}});
        }
    }
    const RegimeFilter regimes[] = {RegimeFilter::all, RegimeFilter::full_time, RegimeFilter::part_time};
    const auto regime = static_cast<size_t>(std::find(std::begin(regimes), std::end(regimes), f.regime) - std::begin(regimes));
    if (auto i = filter_row({tr("Every regime") + "##regime-all", tr("Full-time") + "##regime-full", tr("Part-time") + "##regime-part"}, regime)) {
        f.regime = regimes[*i];
        out.push_back(WorkspaceAction{EditTeamFilter{f}});
    }
    const std::optional<WorkerStatus> statuses[] = {WorkerStatus::active, WorkerStatus::left, std::nullopt};
    const auto status = static_cast<size_t>(std::find(std::begin(statuses), std::end(statuses), f.status) - std::begin(statuses));
    if (auto i = filter_row({tr("Employed") + "##status-active", tr("Left") + "##status-left", tr("Everyone") + "##status-all"}, status)) {
        f.status = statuses[*i];
        out.push_back(WorkspaceAction{EditTeamFilter{f}});
    }
    bool flagged = f.flagged_only;
    if (touch_checkbox(tr("Only workers behind or with time about to lapse") + "##flagged", flagged)) {
        f.flagged_only = flagged;
        out.push_back(WorkspaceAction{EditTeamFilter{f}});
    }
}

std::string flags_text(const TeamRow& r) {
    std::string out;
    if (r.behind) out = tr("Behind: {days} carried", {{"days", days_of(r, r.carried_in_minutes)}});
    if (r.lapsing && r.lapses_on) out += (out.empty() ? "" : " \u00b7 ") + tr("Lapses {date}", {{"date", date_text(*r.lapses_on)}});
    return out;
}

struct Column {
    const char* header;
    TeamColumn sort;
    bool narrow;  // kept on phones
};

void draw_cell(const TeamRow& r, TeamColumn c, std::vector<Action>& out, bool first) {
    std::string value;
    switch (c) {
        case TeamColumn::name: value = r.name; break;
        case TeamColumn::department: value = r.department; break;
        case TeamColumn::entitled: value = days_of(r, r.entitled_minutes); break;
        case TeamColumn::used: value = days_of(r, r.used_minutes); break;
        case TeamColumn::pending: value = days_of(r, r.pending_minutes); break;
        case TeamColumn::remaining: value = days_of(r, r.remaining_minutes); break;
        case TeamColumn::period:
            value = r.period_start_year ? days_of(r, r.period_followed_minutes) + " / " + days_of(r, r.period_goal_minutes) : "\u2013";
            break;
    }
    if (first) {
        if (ImGui::Selectable((value + "##row-" + r.worker_id).c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
            out.push_back(WorkspaceAction{OpenWorker{r.worker_id}});
        if (auto* t = current_item_tree()) t->label_last_item(value);
        return;
    }
    text(value);  // in the item tree too, so tests and assistive tools read the figures
}

void draw_table(const TeamState& t, const std::vector<const TeamRow*>& rows, std::vector<Action>& out) {
    // Every column needs some 48 font sizes across: a desktop at 200 % zoom has 40, where the
    // headers were cut to "Ri..." and departments broke mid-word; it gets the phone's columns.
    const bool wide = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 48;
    const Column all[] = {{"Name", TeamColumn::name, true},          {"Department", TeamColumn::department, false},
                          {"Right", TeamColumn::entitled, false},     {"Followed", TeamColumn::used, false},
                          {"Waiting", TeamColumn::pending, false},    {"Remaining", TeamColumn::remaining, true},
                          {"5 years", TeamColumn::period, false}};
    std::vector<Column> columns;
    for (const auto& c : all)
        if (wide || c.narrow) columns.push_back(c);
    const int count = static_cast<int>(columns.size()) + 1;  // and the flags
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("team", count, flags)) return;
    for (const auto& c : columns) {
        ImGuiTableColumnFlags cf = c.sort == TeamColumn::name ? ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthStretch : 0;
        ImGui::TableSetupColumn(tr(c.header).c_str(), cf, c.sort == TeamColumn::name ? 3.0f : 1.0f, static_cast<ImGuiID>(c.sort));
    }
    ImGui::TableSetupColumn(tr("Flags").c_str(), ImGuiTableColumnFlags_NoSort, 2.5f, 100);
    // Headers one by one (not TableHeadersRow) so each reaches the item tree with its sort state.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < count; ++c) {
        ImGui::TableSetColumnIndex(c);
        const char* name = ImGui::TableGetColumnName(c);
        ImGui::TableHeader(name);
        const bool sorted = c < static_cast<int>(columns.size()) && columns[static_cast<size_t>(c)].sort == t.sort;
        if (auto* tree = current_item_tree()) tree->record_last_item("button", name, sorted ? (t.ascending ? "ascending" : "descending") : "");
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            const auto column = static_cast<TeamColumn>(specs->Specs[0].ColumnUserID);
            const bool ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
            if (column != t.sort || ascending != t.ascending) out.push_back(WorkspaceAction{SortTeam{column, ascending}});
        }
        specs->SpecsDirty = false;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TeamRow& r = *rows[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            for (size_t c = 0; c < columns.size(); ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c));
                draw_cell(r, columns[c].sort, out, c == 0);
            }
            ImGui::TableSetColumnIndex(static_cast<int>(columns.size()));
            const std::string f = flags_text(r);
            if (!f.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
                text(f);
                ImGui::PopStyleColor();
            }
        }
    ImGui::EndTable();
}

void draw_totals(const std::vector<const TeamRow*>& rows) {
    long long remaining = 0, per_day = 0;
    int behind = 0;
    for (const TeamRow* r : rows) {
        remaining += r->remaining_minutes;
        per_day = std::max(per_day, r->minutes_per_day);
        behind += r->behind ? 1 : 0;
    }
    muted_text(tr("{n} workers \u00b7 {days} days open \u00b7 {behind} behind",
             {{"n", std::to_string(rows.size())}, {"days", number(minutes_as_days(remaining, per_day))}, {"behind", std::to_string(behind)}}));
}

// HR gives the worker a kiosk badge number (the worker chooses the PIN), changes or takes it back.
void draw_worker_badge(const KioskAccountState& k, std::vector<Action>& out) {
    ImGui::Spacing();
    heading(tr("Kiosk badge"));
    muted_text(k.worker_badge.badge ? (k.worker_badge.pin_set ? tr("PIN set by the worker") : tr("No PIN yet"))
                                    : tr("No badge yet"));
    FieldResult field = text_field("##worker-badge", tr("Badge number (digits; empty takes it back)"), k.badge_field,
                                   ImGuiInputTextFlags_CharsDecimal, TextPurpose::decimal);
    if (field.changed) out.push_back(WorkspaceAction{KioskAccountAction{EditWorkerBadge{field.text}}});
    ImGui::BeginDisabled(k.saving_badge);
    if (touch_button(tr(k.saving_badge ? "Saving..." : "Save badge") + "##save-badge", 0) || field.entered)
        out.push_back(WorkspaceAction{KioskAccountAction{SaveWorkerBadge{}}});
    ImGui::EndDisabled();
    if (k.badge_saved) status_message(tr("Badge saved."));
    if (k.badge_error) error_line(*k.badge_error);
}

// One worker's year as their own screen shows it, with every explanation line open.
void draw_worker(const AppState& s, std::vector<Action>& out) {
    const TeamState& t = s.workspace.team;
    if (touch_button("\u2039 " + tr("Back to the team") + "##team-back", 0)) out.push_back(WorkspaceAction{CloseWorker{}});
    const TeamRow* row = nullptr;
    for (const auto& r : t.rows)
        if (r.worker_id == *t.worker) row = &r;
    if (row) heading(row->name);
    if (t.worker_load == LoadState::loading) return text(tr("Loading..."));
    if (t.worker_load == LoadState::failed) {
        if (t.error) error_line(*t.error);
        return;
    }
    if (!t.worker_view) return;
    const YearView& v = *t.worker_view;
    figure(tr("Remaining {year}", {{"year", std::to_string(v.year)}}), days_text(minutes_as_days(v.remaining_minutes, v.minutes_per_day)));
    text(tr("Training right {year}", {{"year", std::to_string(v.year)}}) + ": " + days_text(v.entitled_days));
    text(tr("Followed: {duration}", {{"duration", duration(v.used_minutes)}}));
    if (v.pending_minutes > 0) text(tr("Waiting for approval: {duration}", {{"duration", duration(v.pending_minutes)}}));
    if (v.carried_in_minutes > 0) text(tr("Carried from earlier years: {duration}", {{"duration", duration(v.carried_in_minutes)}}));
    if (touch_button(tr("Statement (PDF)") + "##worker-statement", 0))
        out.push_back(WorkspaceAction{Download{statement_path(*t.worker, v.year, true)}});
    if (may_manage_kiosks(s)) draw_worker_badge(s.workspace.kiosk, out);
    ImGui::Spacing();
    heading(tr("Explanation"));
    for (const auto* lines : {&v.entitlement_explanation, &v.explanation})
        for (const auto& line : *lines) {
            ImGui::Bullet();
            ImGui::SameLine();
            text(explanation(line));
        }
    ImGui::Spacing();
    heading(tr("History"));
    for (const auto& e : v.entries) draw_history_entry(s, e);
    if (v.entries.empty()) text(tr("No trainings in {year}.", {{"year", std::to_string(v.year)}}));
}

}  // namespace

void draw_team_screen(const AppState& s, std::vector<Action>& out) {
    const TeamState& t = s.workspace.team;
    if (t.worker) return draw_worker(s, out);
    heading(tr("Team"));
    if (auto y = year_stepper("team", t.year, s.first_year, s.last_year)) out.push_back(WorkspaceAction{SelectTeamYear{*y}});
    if (t.load == LoadState::failed) {
        if (t.error) error_line(*t.error);
        if (touch_button(tr("Try again") + "##retry-team", 0)) out.push_back(WorkspaceAction{SelectSection{Section::team}});
        return;
    }
    if (t.load == LoadState::loading && t.rows.empty()) return text(tr("Loading..."));
    // Wide screens show the filters; phones fold them behind one button that counts those in use.
    if (ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 36) {
        draw_filters(t, out);
    } else {
        const int n = active_filters(t.filter);
        const std::string label = n ? tr("Filters ({n})", {{"n", std::to_string(n)}}) : tr("Filters");
        if (t.filters_open) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
        if (touch_button(label + "##team-filters", 0)) out.push_back(WorkspaceAction{ToggleTeamFilters{}});
        if (t.filters_open) ImGui::PopStyleColor();
        if (t.filters_open) draw_filters(t, out);
    }
    const auto rows = visible_rows(t);
    draw_totals(rows);
    // The workbook has every worker of the year the table can show, whatever the filters.
    if (touch_button(tr("Download Excel") + "##team-xlsx", 0))
        out.push_back(WorkspaceAction{Download{"/api/v1/team?year=" + std::to_string(t.year) + "&format=xlsx"}});
    if (rows.empty()) return text(tr("No workers match."));
    draw_table(t, rows, out);
}

}  // namespace ll::ui
