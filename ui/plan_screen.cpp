// Every edit sends the whole draft back (EditPlan): the state stays the only truth and the screen
// draws it. A line's target group cycles on a button: eight groups would not fit a phone's row.
#include "plan_screen.h"

#include "exports_screen.h"
#include "import_plan.h"
#include "shipped_rules.h"
#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {
namespace {

constexpr PlanGroup groups[] = {PlanGroup::everyone, PlanGroup::women, PlanGroup::men, PlanGroup::age_50_plus, PlanGroup::under_26,
                                PlanGroup::disabled, PlanGroup::foreign_nationality, PlanGroup::bottleneck_jobs};

std::string group_name(PlanGroup g) {
    switch (g) {
        case PlanGroup::everyone: return tr("Everyone");
        case PlanGroup::women: return tr("Women");
        case PlanGroup::men: return tr("Men");
        case PlanGroup::age_50_plus: return tr("Workers aged 50 or more");
        case PlanGroup::under_26: return tr("Young workers (under 26)");
        case PlanGroup::disabled: return tr("Workers with a disability");
        case PlanGroup::foreign_nationality: return tr("Workers of foreign nationality");
        case PlanGroup::bottleneck_jobs: return tr("Bottleneck jobs");
    }
    return {};
}

PlanGroup next_group(PlanGroup g) {
    for (size_t i = 0; i < std::size(groups); ++i)
        if (groups[i] == g) return groups[(i + 1) % std::size(groups)];
    return PlanGroup::everyone;
}

std::string realised_text(const LineProgress& p) {
    if (!p.known) return tr("Realised: not recorded in the ledger");
    return tr_plural("Realised: {n} person, {duration}", "Realised: {n} people, {duration}", Rational(p.workers),
                  {{"n", std::to_string(p.workers)}, {"duration", duration(p.minutes)}});
}

// One field of the draft; an edit sends the draft with that field changed.
void draft_field(const PlanState& p, const std::string& id, const std::string& label, std::string PlanDraft::*field, std::vector<Action>& out,
                 TextPurpose purpose = TextPurpose::text) {
    FieldResult r = text_field(("##plan-" + id).c_str(), label, p.draft.*field, 0, purpose);
    if (!r.changed) return;
    PlanDraft d = p.draft;
    d.*field = r.text;
    out.push_back(WorkspaceAction{EditPlan{std::move(d)}});
}

void draw_line(const PlanState& p, size_t i, std::vector<Action>& out) {
    const PlanLineDraft& l = p.draft.lines[i];
    const std::string n = std::to_string(i);
    auto edited = [&](auto change) {
        PlanDraft d = p.draft;
        change(d.lines[i]);
        out.push_back(WorkspaceAction{EditPlan{std::move(d)}});
    };
    ImGui::Separator();
    const ActsOn subject(tr("line {n} of the plan", {{"n", std::to_string(i + 1)}}));
    if (touch_button(tr("Target group: {group}", {{"group", group_name(l.group)}}) + "##plan-group-" + n, 0))
        edited([](PlanLineDraft& x) { x.group = next_group(x.group); });
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (choice_button(tr("Formal") + "##plan-formal-" + n, half, l.training_type == "formal")) edited([](PlanLineDraft& x) { x.training_type = "formal"; });
    ImGui::SameLine();
    if (choice_button(tr("Informal") + "##plan-informal-" + n, half, l.training_type == "informal"))
        edited([](PlanLineDraft& x) { x.training_type = "informal"; });
    // Each field's name is both its widget id and the field errors name ("lines[1].hours").
    for (auto [field, label, member, purpose] : {std::tuple{"description", tr("What is planned"), &PlanLineDraft::description, TextPurpose::text},
                                                 {"workers", tr("Planned participants"), &PlanLineDraft::workers, TextPurpose::decimal},
                                                 {"hours", tr("Planned hours in total"), &PlanLineDraft::hours, TextPurpose::decimal}}) {
        FieldResult r = text_field(("##plan-" + std::string(field) + "-" + n).c_str(), label, l.*member, 0, purpose);
        if (r.changed) edited([&, m = member](PlanLineDraft& x) { x.*m = r.text; });
        field_error(p.error, ("lines[" + n + "]." + field).c_str());
    }
    // Realised figures belong to the lines as stored; a line added since has none yet.
    if (!p.changed && i < p.progress.size()) muted_text(realised_text(p.progress[i]));
    if (touch_button(tr("Remove this line") + "##plan-remove-" + n, 0)) {
        PlanDraft d = p.draft;
        d.lines.erase(d.lines.begin() + static_cast<std::ptrdiff_t>(i));
        out.push_back(WorkspaceAction{EditPlan{std::move(d)}});
    }
}

// The deadlines of the shipped rule set (the only one there is), for the first day as typed.
void draw_deadlines(const PlanState& p) {
    const auto& rules = shipped::belgian_rule_set();
    if (!rules) return;
    TrainingPlan plan;
    plan.year = p.year;
    plan.from = parse_date_cell(p.draft.from).value_or(*CivilDate::from_ymd(p.year, 1, 1));
    for (const auto& d : plan_deadlines(*rules, plan)) muted_text(tr(d.name) + ": " + date_text(d.deadline));
}

// An error of no field drawn here (somebody saved meanwhile: "version"), under the save button.
bool shown_at_a_field(const Error& e) {
    if (e.field.rfind("lines[", 0) == 0) return true;
    for (const char* f : {"from", "to", "evaluation", "advice_on", "filed_on"})
        if (e.field == f) return true;
    return false;
}

}  // namespace

void draw_plan_screen(const AppState& s, std::vector<Action>& out) {
    const PlanState& p = s.workspace.plan;
    heading(tr("Training plan {year}", {{"year", std::to_string(p.year)}}));
    if (auto y = year_stepper("plan", p.year, s.first_year, s.last_year)) out.push_back(WorkspaceAction{SelectPlanYear{*y}});
    muted_text(tr("Formal and informal trainings per target group, with attention to risk groups, bottleneck jobs and gender. Employers of 20 or more draw one up every year; it holds no personal data."));
    if (p.load == LoadState::loading) text(tr("Loading..."));
    if (p.load != LoadState::loaded) {
        if (p.error) error_line(*p.error);
        return;
    }
    draw_deadlines(p);
    draft_field(p, "from", tr("First day (YYYY-MM-DD)"), &PlanDraft::from, out);
    field_error(p.error, "from");
    draft_field(p, "to", tr("Last day (YYYY-MM-DD)"), &PlanDraft::to, out);
    field_error(p.error, "to");
    for (size_t i = 0; i < p.draft.lines.size(); ++i) draw_line(p, i, out);
    ImGui::Separator();
    if (touch_button(tr("Add a line") + "##plan-add", 0)) {
        PlanDraft d = p.draft;
        d.lines.push_back({});
        out.push_back(WorkspaceAction{EditPlan{std::move(d)}});
    }
    draft_field(p, "evaluation", tr("How the plan is evaluated"), &PlanDraft::evaluation, out);
    field_error(p.error, "evaluation");
    draft_field(p, "advice", tr("Works council's advice on (YYYY-MM-DD)"), &PlanDraft::advice_on, out);
    field_error(p.error, "advice_on");
    draft_field(p, "filed", tr("Filed with the FPS Employment on (YYYY-MM-DD)"), &PlanDraft::filed_on, out);
    field_error(p.error, "filed_on");
    if (p.error && !shown_at_a_field(*p.error)) error_line(*p.error);
    ImGui::BeginDisabled(p.saving);
    if (touch_button((p.saving ? tr("Saving...") : tr("Save the plan")) + "##plan-save", 0)) out.push_back(WorkspaceAction{SavePlan{}});
    ImGui::EndDisabled();
    if (p.saved) text(tr("Plan saved."));
    if (p.version > 0)
        draw_export("training-plan", tr("Training plan {year}, without personal data", {{"year", std::to_string(p.year)}}),
                    tr("Planned and realised per target group; realised groups of fewer than 5 people are not shown."),
                    "/api/v1/exports/training-plan?year=" + std::to_string(p.year), out);
}

}  // namespace ll::ui
