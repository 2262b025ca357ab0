// Large type for a wall: one heading, one big figure or a short list, nothing that needs a
// second look. Aggregates only; the board carries no names to draw.
#include "kiosk_dashboards.h"

#include <algorithm>

#include "item_tree.h"
#include "theme.h"
#include "training_session.h"
#include "translations.h"

namespace ll::ui {

namespace {

void big_text(ImFont* font, const std::string& s, const char* role = "text") {
    ImGui::PushFont(font);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (auto* t = current_item_tree()) t->record_last_item(role, s, "");
}

void draw_progress(const KioskBoard& b, ImVec2 size) {
    big_text(fonts().heading, tr("Training at {site} in {year}", {{"site", b.site}, {"year", std::to_string(b.today.year())}}), "heading");
    ImGui::Spacing();
    const kiosk::SiteProgress& p = b.progress;
    if (!p.shown) {
        text(tr("Too few colleagues work here to show a figure without pointing at someone."));
        return;
    }
    const std::string percent = std::to_string(p.percent) + " %";
    ImGui::PushFont(fonts().display);
    ImGui::TextUnformatted(percent.c_str());
    ImGui::PopFont();
    if (auto* t = current_item_tree()) t->record_last_item("figure", tr("Of this year's training goal"), percent);
    text(tr("Of this year's training goal"));
    ImGui::Spacing();
    const float h = ImGui::GetFontSize() * 1.2f;
    ImGui::ProgressBar(static_cast<float>(p.percent) / 100.0f, ImVec2(std::min(size.x, ImGui::GetContentRegionAvail().x), h), "");
    ImGui::Spacing();
    text(tr("{followed} followed of {goal}", {{"followed", duration(p.followed_minutes)}, {"goal", duration(p.goal_minutes)}}));
    text(tr("{count} colleagues at this site", {{"count", std::to_string(p.workers)}}));
}

void draw_sessions(const KioskBoard& b) {
    big_text(fonts().heading, tr("Trainings with free places"), "heading");
    ImGui::Spacing();
    if (b.sessions.empty()) return text(tr("No trainings with free places are planned here."));
    for (const auto& s : b.sessions) {
        ImGui::Separator();
        big_text(fonts().heading, s.title);
        const int free = free_places(s);
        text(date_text(s.date) + " \u00b7 " + time_of_day(s.start_minute) + " \u00b7 " + duration(s.minutes));
        text(free == 1 ? tr("1 place free") : tr("{count} places free", {{"count", std::to_string(free)}}));
    }
}

void draw_deadlines(const KioskBoard& b) {
    big_text(fonts().heading, tr("Deadlines this month"), "heading");
    ImGui::Spacing();
    if (b.deadlines.empty()) return text(tr("No deadlines left this month."));
    for (const auto& d : b.deadlines) {
        ImGui::Separator();
        big_text(fonts().heading, tr(d.name));  // obligation names are catalog keys, as in the cockpit
        std::string line = tr("Deadline {date}", {{"date", date_text(d.deadline)}});
        if (d.total > 1) line += " \u00b7 " + tr("{done} of {total} done", {{"done", std::to_string(d.done)}, {"total", std::to_string(d.total)}});
        if (d.status == DutyStatus::overdue) line += " \u00b7 " + tr("Overdue");
        text(line);
    }
}

void draw_qr(const KioskBoard& b, ImVec2 size) {
    big_text(fonts().heading, tr("Your training days on your phone"), "heading");
    ImGui::Spacing();
    if (b.qr.size == 0) return text(tr("Ask HR for the address of learnledger."));
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float side = std::max(line * 4, std::min(size.x, size.y - ImGui::GetCursorPosY() - 3 * line) * 0.9f);
    draw_qr_code(b.qr, side);
    if (auto* t = current_item_tree()) t->record_last_item("image", tr("QR code to open learnledger"), b.app_url);
    text(tr("Scan with the camera to open learnledger, then sign in."));
    muted_text(b.app_url);
}

}  // namespace

void draw_qr_code(const QrMatrix& qr, float side) {
    constexpr int quiet = 4;  // modules of light border the standard asks for
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float module = side / static_cast<float>(qr.size + 2 * quiet);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + side, p.y + side), IM_COL32_WHITE);
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.dark(x, y)) {
                const ImVec2 a(p.x + (x + quiet) * module, p.y + (y + quiet) * module);
                draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
            }
    ImGui::Dummy(ImVec2(side, side));
}

void draw_kiosk_dashboard(KioskDashboard which, const KioskBoard& board, ImVec2 size) {
    switch (which) {
        case KioskDashboard::progress: draw_progress(board, size); break;
        case KioskDashboard::sessions: draw_sessions(board); break;
        case KioskDashboard::deadlines: draw_deadlines(board); break;
        case KioskDashboard::qr_code: draw_qr(board, size); break;
    }
}

}  // namespace ll::ui
