// Groups come by deadline; a worker duty shows how many of its workers are done and opens to the
// list of them. Recording a duty as done is HR's word for it: the date is today's.
#include "compliance_screen.h"

#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {
namespace {

std::string status_text(DutyStatus status, int days_left, const std::optional<CivilDate>& done_on) {
    switch (status) {
        case DutyStatus::done: return done_on ? tr("Done on {date}", {{"date", date_text(*done_on)}}) : tr("Done");
        case DutyStatus::upcoming: return tr("Upcoming");
        case DutyStatus::overdue:
            return tr_plural("Overdue by {n} day", "Overdue by {n} days", Rational(-days_left), {{"n", std::to_string(-days_left)}});
        case DutyStatus::due:
            if (days_left == 0) return tr("Due today");
            return tr_plural("Due in {n} day", "Due in {n} days", Rational(days_left), {{"n", std::to_string(days_left)}});
    }
    return {};
}

void status_line(DutyStatus status, const std::string& s) {
    if (status == DutyStatus::overdue) ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
    else ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(status == DutyStatus::done ? ImGuiCol_TextDisabled : ImGuiCol_Text));
    text(s);
    ImGui::PopStyleColor();
}

void mark_done_button(const ComplianceState& c, const DutyGroup& g, const Duty& d, std::vector<Action>& out) {
    if (d.status == DutyStatus::done || d.status == DutyStatus::upcoming) return;
    const std::string key = duty_key(g.obligation_id, d.trigger.iso(), d.worker_id);
    const bool busy = c.busy.count(key) > 0;
    ImGui::BeginDisabled(busy);
    if (touch_button(tr(busy ? "Sending..." : "Mark as done") + "##done-" + key, 0))
        out.push_back(WorkspaceAction{MarkDone{g.obligation_id, d.trigger.iso(), d.worker_id, {}}});
    ImGui::EndDisabled();
}

void draw_group(const ComplianceState& c, const DutyGroup& g, std::vector<Action>& out) {
    ImGui::Separator();
    const std::string name = tr(g.name);  // obligation names are catalog keys; actions and sources stay as the rule set words them
    const ActsOn duty(name);
    heading(name);
    status_line(g.status, tr("Deadline {date}", {{"date", date_text(g.deadline)}}) + " \u00b7 " +
                              status_text(g.status, g.days_left, g.total == 1 ? g.duties[0].done_on : std::nullopt));
    text(g.action);
    muted_text(g.source);
    if (g.applies_to != "worker") {
        mark_done_button(c, g, g.duties[0], out);
        return;
    }
    text(tr("{done} of {total} workers done", {{"done", std::to_string(g.done)}, {"total", std::to_string(g.total)}}));
    const std::string key = group_key(g);
    const bool open = c.expanded == key;
    if (touch_button(tr(open ? "Hide workers" : "Show workers") + "##workers-" + key, 0)) out.push_back(WorkspaceAction{ExpandDuty{key}});
    if (!open) return;
    for (const auto& d : g.duties) {
        ImGui::PushID((key + d.worker_id).c_str());
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::BeginGroup();
        const ActsOn worker(name + ", " + d.worker_name);
        text(d.worker_name + " \u00b7 " + tr("Deadline {date}", {{"date", date_text(d.deadline)}}));
        status_line(d.status, status_text(d.status, d.days_left, d.done_on));
        mark_done_button(c, g, d, out);
        ImGui::EndGroup();
        ImGui::PopID();
    }
}

}  // namespace

void draw_compliance_screen(const AppState& s, std::vector<Action>& out) {
    const ComplianceState& c = s.workspace.compliance;
    heading(tr("Compliance"));
    FieldResult date = text_field("##compliance-date", tr("Duties as they stood on (YYYY-MM-DD)"), c.date);
    if (date.changed) out.push_back(WorkspaceAction{EditComplianceDate{date.text}});
    field_error(c.error, "date");
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (touch_button(tr("Show") + "##compliance-show", w) || date.entered) out.push_back(WorkspaceAction{ShowCompliance{}});
    ImGui::SameLine();
    if (touch_button(tr("Today") + "##compliance-today", w)) {
        out.push_back(WorkspaceAction{EditComplianceDate{s.today.iso()}});
        out.push_back(WorkspaceAction{ShowCompliance{}});
    }
    if (c.error && c.error->field != "date") error_line(*c.error);
    if (c.load == LoadState::loading && !c.report) return text(tr("Loading..."));
    if (!c.report) return;
    const ComplianceReport& r = *c.report;
    int overdue = 0, due = 0;
    for (const auto& g : r.groups) {
        overdue += g.status == DutyStatus::overdue;
        due += g.status == DutyStatus::due;
    }
    ImGui::Spacing();
    text(tr("On {date}: {overdue} overdue, {due} due", {{"date", date_text(r.day)}, {"overdue", std::to_string(overdue)}, {"due", std::to_string(due)}}));
    if (r.groups.empty()) text(tr("No duties around this day."));
    for (const auto& g : r.groups) draw_group(c, g, out);
}

}  // namespace ll::ui
