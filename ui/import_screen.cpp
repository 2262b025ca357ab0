// The dry run is the server's plan, shown as it came; the problems' reasons are the core's words
// (English), their line, column and field are exact. Rows lay out lazily: files run to thousands.
#include "import_screen.h"

#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "lazy_list.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {
namespace {

std::string action_text(const PlannedRow& r) {
    switch (r.action) {
        case ImportAction::create: return tr("New worker");
        case ImportAction::unchanged: return tr("Unchanged");
        case ImportAction::rejected: return tr("Refused");
        case ImportAction::update: {
            std::string fields;
            for (const auto& c : r.changes) fields += (fields.empty() ? "" : ", ") + c;
            return tr("Changed: {fields}", {{"fields", fields}});
        }
    }
    return {};
}

std::string problem_text(const ImportProblem& p) {
    if (p.column == 0) return tr("Line {line}: {message}", {{"line", std::to_string(p.line)}, {"message", p.message}});
    return tr("Line {line}, column {column} ({field}): {message}",
              {{"line", std::to_string(p.line)}, {"column", std::to_string(p.column)}, {"field", p.field}, {"message", p.message}});
}

void error_text(const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
    text(s);
    ImGui::PopStyleColor();
}

std::string summary_text(const ImportPlan& p) {
    return tr("{created} new, {updated} changed, {unchanged} unchanged, {rejected} refused",
              {{"created", std::to_string(p.created)}, {"updated", std::to_string(p.updated)},
               {"unchanged", std::to_string(p.unchanged)}, {"rejected", std::to_string(p.rejected)}});
}

void draw_rows(const ImportPlan& plan) {
    // lazy_list hashes each key before asking for the next, so one buffer serves every row.
    std::string key;
    lazy_list("import-rows", plan.rows.size(),
              [&](std::size_t i) -> std::string_view {
                  key = std::to_string(plan.rows[i].line);
                  return key;
              },
              [&](std::size_t i) {
                  const PlannedRow& r = plan.rows[i];
                  ImGui::Separator();
                  const std::string name = r.name.empty() ? tr("(no name)") : r.name;
                  text(tr("Line {line}", {{"line", std::to_string(r.line)}}) + " \u00b7 " + name);
                  if (r.action == ImportAction::rejected) error_text(action_text(r));
                  else text(action_text(r));
                  for (const auto& p : r.problems) error_text(problem_text(p));
              });
}

void draw_plan(const ImportState& im, std::vector<Action>& out) {
    const ImportPlan& plan = im.applied ? *im.applied : *im.plan;
    if (im.applied) {
        heading(tr("Imported"));
        text(tr("{n} workers written; refused rows were left out.", {{"n", std::to_string(plan.created + plan.updated)}}));
    } else {
        heading(tr("Dry run: nothing is written yet"));
    }
    text(summary_text(plan));
    for (const auto& p : plan.file_problems) error_text(problem_text(p));
    const int writable = plan.created + plan.updated;
    if (!im.applied) {
        const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
        ImGui::BeginDisabled(im.applying || writable == 0 || !plan.file_problems.empty());
        const std::string apply = im.applying ? tr("Applying...") : tr("Apply {n} rows", {{"n", std::to_string(writable)}});
        if (touch_button(apply + "##import-apply", w)) out.push_back(WorkspaceAction{ApplyImport{}});
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(im.applying);
        if (touch_button(tr("Cancel") + "##import-cancel", w)) out.push_back(WorkspaceAction{DiscardImport{}});
        ImGui::EndDisabled();
    } else if (touch_button(tr("Import another file") + "##import-again", 0)) {
        out.push_back(WorkspaceAction{DiscardImport{}});
    }
    draw_rows(plan);
}

}  // namespace

void draw_import_screen(const AppState& s, std::vector<Action>& out) {
    const ImportState& im = s.workspace.data.import;
    ImGui::Spacing();
    heading(tr("Import from payroll"));
    muted_text(tr("A CSV of workers and employment periods (national number, name, department, start, end, fraction). Nothing is written before you apply."));
    if (!im.plan || im.applied) {
        ImGui::BeginDisabled(im.load == LoadState::loading);
        if (touch_button(tr("Choose a CSV file") + "##import-pick", 0)) out.push_back(WorkspaceAction{PickImportFile{}});
        ImGui::EndDisabled();
    }
    if (!im.file_name.empty()) muted_text(im.file_name);
    if (im.load == LoadState::loading) text(tr("Checking the file..."));
    // The server's own words: the certificate wording error_line() gives "too_large" would mislead here.
    if (im.error) error_text(tr("Could not import: {message}", {{"message", im.error->message}}));
    if (im.plan) draw_plan(im, out);
}

}  // namespace ll::ui
