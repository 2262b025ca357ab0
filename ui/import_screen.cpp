// Imports of payroll files, provider feeds and opening balances. The dry run is the server's plan,
// shown as it came; the problems' reasons are the core's words (English), their line, column and
// field are exact. Rows lay out lazily: files run to thousands.
#include "import_screen.h"

#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "lazy_list.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {
namespace {

// What a new entry is: "New training: First aid, 14/04/2026, 3 u 30 min" / "New opening balance: ...".
std::string entry_text(const EntryRecord& e) {
    if (e.entry.kind == EntryKind::opening_balance)
        return tr("New opening balance: {duration} from {year}, on {date}",
                  {{"duration", duration(e.entry.minutes)}, {"year", std::to_string(e.entry.origin_year.value_or(e.entry.date.year()))},
                   {"date", date_text(e.entry.date)}});
    return tr("New training: {title}, {date}, {duration}",
              {{"title", e.entry.title}, {"date", date_text(e.entry.date)}, {"duration", duration(e.entry.minutes)}});
}

std::string action_text(const PlannedRow& r) {
    switch (r.action) {
        case ImportAction::create: return r.entry ? entry_text(*r.entry) : tr("New worker");
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

// A JSON feed has items, not lines, and fields rather than column numbers.
std::string problem_text(const ImportProblem& p, bool by_item) {
    if (by_item && p.line == 0) return tr("Field {field}: {message}", {{"field", p.field}, {"message", p.message}});
    if (by_item) return tr("Item {n} ({field}): {message}", {{"n", std::to_string(p.line)}, {"field", p.field}, {"message", p.message}});
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
                  const std::string n = std::to_string(r.line);
                  text((plan.numbered_by_item ? tr("Item {n}", {{"n", n}}) : tr("Line {line}", {{"line", n}})) + " \u00b7 " + name);
                  if (r.action == ImportAction::rejected) error_text(action_text(r));
                  else text(action_text(r));
                  for (const auto& p : r.problems) error_text(problem_text(p, plan.numbered_by_item));
              });
}

void draw_plan(const ImportState& im, std::vector<Action>& out) {
    const ImportPlan& plan = im.applied ? *im.applied : *im.plan;
    if (im.applied) {
        heading(tr("Imported"));
        const std::string n = std::to_string(plan.created + plan.updated);
        const Rational written(plan.created + plan.updated);
        status_message(plan.kind == ImportKind::payroll
                 ? tr_plural("{n} worker written; refused rows were left out.", "{n} workers written; refused rows were left out.", written, {{"n", n}})
                 : tr_plural("{n} entry written; refused rows were left out.", "{n} entries written; refused rows were left out.", written, {{"n", n}}));
    } else {
        heading(tr("Dry run: nothing is written yet"));
    }
    text(summary_text(plan));
    for (const auto& p : plan.file_problems) error_text(problem_text(p, plan.numbered_by_item));
    const int writable = plan.created + plan.updated;
    if (!im.applied) {
        const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
        ImGui::BeginDisabled(im.applying || writable == 0 || !plan.file_problems.empty());
        const std::string apply = im.applying ? tr("Applying...") : tr_plural("Apply {n} row", "Apply {n} rows", Rational(writable), {{"n", std::to_string(writable)}});
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

// Payroll, provider feed, opening balances: one row of choices, kept while a file is on its way.
void draw_kinds(const ImportState& im, std::vector<Action>& out) {
    const std::pair<ImportKind, std::string> kinds[] = {{ImportKind::payroll, tr("Payroll") + "##import-kind-payroll"},
                                                        {ImportKind::trainings, tr("Trainings") + "##import-kind-trainings"},
                                                        {ImportKind::openings, tr("Opening balances") + "##import-kind-openings"}};
    std::vector<std::string> labels;
    std::optional<size_t> current;
    for (const auto& [kind, label] : kinds) {
        if (im.kind == kind) current = labels.size();
        labels.push_back(label);
    }
    ImGui::BeginDisabled(im.applying || im.load == LoadState::loading);
    if (auto i = choice_row(labels, 3, current)) out.push_back(WorkspaceAction{SelectImportKind{kinds[*i].first}});
    ImGui::EndDisabled();
}

std::string kind_description(ImportKind kind) {
    switch (kind) {
        case ImportKind::payroll:
            return tr("A CSV of workers and employment periods (national number, name, department, start, end, fraction). Nothing is written before you apply.");
        case ImportKind::trainings:
            return tr("A provider's feed as CSV or JSON (national number, title, date, hours or minutes, provider, type, cost). The trainings are registered as approved; nothing is written before you apply.");
        case ImportKind::openings:
            return tr("Balances taken over from another tool as CSV (national number, origin year, date, days or hours). Nothing is written before you apply.");
    }
    return {};
}

}  // namespace

void draw_import_screen(const AppState& s, std::vector<Action>& out) {
    const ImportState& im = s.workspace.data.import;
    ImGui::Spacing();
    heading(tr("Import"));
    draw_kinds(im, out);
    muted_text(kind_description(im.kind));
    if (!im.plan || im.applied) {
        ImGui::BeginDisabled(im.load == LoadState::loading);
        const std::string pick = im.kind == ImportKind::trainings ? tr("Choose a CSV or JSON file") : tr("Choose a CSV file");
        if (touch_button(pick + "##import-pick", 0)) out.push_back(WorkspaceAction{PickImportFile{}});
        ImGui::EndDisabled();
    }
    if (!im.file_name.empty()) muted_text(im.file_name);
    if (im.load == LoadState::loading) text(tr("Checking the file..."));
    // The server's own words: the certificate wording error_line() gives "too_large" would mislead here.
    if (im.error) error_text(tr("Could not import: {message}", {{"message", im.error->message}}));
    if (im.plan) draw_plan(im, out);
}

}  // namespace ll::ui
