// Each export is a pair of buttons (CSV, JSON) under its name; the host saves the file with the
// session's cookie, so no figure passes through the app and no identifier goes into a URL.
#include "exports_screen.h"

#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "translations.h"

namespace ll::ui {

std::string statement_path(const std::string& worker_id, int year, bool pdf) {
    const std::string base = worker_id.empty() ? "/api/v1/me/statement" : "/api/v1/workers/" + worker_id + "/statement";
    return base + "?year=" + std::to_string(year) + "&format=" + (pdf ? "pdf" : "html");
}

void draw_export(const char* id, const std::string& name, const std::string& about, const std::string& path, std::vector<Action>& out) {
    ImGui::Spacing();
    text(name);
    muted_text(about);
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    const ActsOn subject(name);
    if (touch_button(tr("Download CSV") + "##" + id + "-csv", w)) out.push_back(WorkspaceAction{Download{path + "&format=csv"}});
    ImGui::SameLine();
    if (touch_button(tr("Download JSON") + "##" + id + "-json", w)) out.push_back(WorkspaceAction{Download{path + "&format=json"}});
}

void draw_exports_screen(const AppState& s, std::vector<Action>& out) {
    const int year = s.workspace.data.year ? s.workspace.data.year : s.year;
    heading(tr("Exports"));
    if (auto y = year_stepper("exports", year, s.first_year, s.last_year)) out.push_back(WorkspaceAction{SelectExportYear{*y}});
    const std::string y = std::to_string(year);
    draw_export("social-balance", tr("Social balance sheet {year}: training", {{"year", y}}),
                tr("Codes 5801-5853: participants, hours and net cost per type of training, by gender."),
                "/api/v1/exports/social-balance?year=" + y, out);
    draw_export("fla-fields", tr("FLA fields {year}", {{"year", y}}),
                tr("One row per worker employed in the year, with the data the Federal Learning Account held. Contains national numbers: keep the file safe."),
                "/api/v1/exports/fla-fields?year=" + y, out);
    ImGui::Spacing();
    text(tr("Yearly statements"));
    muted_text(tr("Each worker's individual training account statement: Team, then the worker, then \"Statement (PDF)\"."));
}

}  // namespace ll::ui
