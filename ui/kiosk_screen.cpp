// The kiosk's layout and timing: what changes by itself (the rotation, a countdown, a fade) says
// when the next frame is due, so an idle wall display renders a frame a slot and nothing between.
#include "kiosk_screen.h"

#include <algorithm>

#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "kiosk_dashboards.h"
#include "kiosk_lookup.h"
#include "theme.h"
#include "training_session.h"
#include "translations.h"

namespace ll::ui {

namespace {

constexpr std::int64_t fade_ms = 400;

void draw_pairing(const KioskState& s, std::vector<KioskAction>& out) {
    ImGui::PushFont(fonts().heading);
    heading(tr("Pair this display"));
    ImGui::PopFont();
    text(tr("HR creates a kiosk token for this site in learnledger and gives it to you once. Paste it here."));
    FieldResult token = text_field("##kiosk-token", tr("Kiosk token"), s.token_field, ImGuiInputTextFlags_Password, TextPurpose::password);
    if (token.changed) out.push_back(KioskEditToken{token.text});
    if (touch_button(tr("Pair") + "##kiosk-pair", 0) || token.entered) out.push_back(KioskPair{});
    if (s.pair_error) {
        ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
        status_message(tr(s.pair_error->message));
        ImGui::PopStyleColor();
    }
}

void draw_top_bar(const KioskState& s) {
    const std::string title = s.board ? s.board->employer_name + " \u00b7 " + s.board->site : std::string("learnledger");
    ImGui::PushFont(fonts().heading);
    text(title);
    ImGui::PopFont();
    if (s.offline_since) {
        ImGui::SameLine();
        const std::string offline = tr("Offline since {time}", {{"time", clock_text(*s.offline_since)}});
        const float w = ImGui::CalcTextSize(offline.c_str()).x;
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
        ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
        status_message(offline);
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
}

// Which board is up, a fade into it (unless motion is reduced), and dots for where the turn is.
void draw_rotation(const KioskState& s, const KioskClock& clock, ImVec2 size) {
    const kiosk::Slot slot = kiosk_slot(s, clock);
    const float slot_ms = static_cast<float>(s.policy.slot_seconds) * 1000.0f;
    const float into = static_cast<float>(slot.progress) * slot_ms;
    const bool fading = !s.reduce_motion && into < static_cast<float>(fade_ms);
    const float dots_h = ImGui::GetFontSize();
    ImGui::BeginChild("##kiosk-board", ImVec2(size.x, size.y - dots_h - ImGui::GetStyle().ItemSpacing.y), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (fading) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, std::max(0.05f, into / static_cast<float>(fade_ms)));
    draw_kiosk_dashboard(static_cast<KioskDashboard>(slot.dashboard), *s.board, ImGui::GetContentRegionAvail());
    if (fading) ImGui::PopStyleVar();
    ImGui::EndChild();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float r = dots_h * 0.25f;
    for (int i = 0; i < kiosk_dashboards; ++i) {
        const ImVec2 c(p.x + r + i * r * 4, p.y + dots_h / 2);
        if (i == slot.dashboard) draw->AddCircleFilled(c, r, ImGui::GetColorU32(ImGuiCol_PlotHistogram));
        else draw->AddCircle(c, r, ImGui::GetColorU32(ImGuiCol_TextDisabled), 0, std::max(1.0f, r * 0.3f));
    }
    ImGui::Dummy(ImVec2(size.x, dots_h));
}

void draw_board_and_keypad(const KioskState& s, const KioskClock& clock, std::vector<KioskAction>& out) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x * 3;
    const bool landscape = avail.x >= avail.y;
    const ImVec2 board = landscape ? ImVec2((avail.x - gap) * 0.6f, avail.y) : ImVec2(avail.x, (avail.y - gap) * 0.5f);
    const ImVec2 keypad = landscape ? ImVec2(avail.x - board.x - gap, avail.y) : ImVec2(avail.x, avail.y - board.y - gap);
    ImGui::BeginGroup();  // so the keypad sits beside the whole board, dots included
    draw_rotation(s, clock, board);
    ImGui::EndGroup();
    if (landscape) ImGui::SameLine(0, gap);
    else ImGui::Dummy(ImVec2(0, gap / 2));
    ImGui::BeginChild("##kiosk-keypad", keypad, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw_kiosk_keypad(s, keypad, out);
    ImGui::EndChild();
}

void draw_waiting(const KioskState& s) {
    if (s.offline_since)
        text(tr("No connection since {time}. Trying again by itself.", {{"time", clock_text(*s.offline_since)}}));
    else
        text(tr("Connecting..."));
}

std::int64_t until_next(std::int64_t period_ms, std::int64_t elapsed_ms) { return period_ms - (std::max<std::int64_t>(0, elapsed_ms) % period_ms); }

KioskFrame next_frame(const KioskState& s, const KioskClock& clock) {
    std::int64_t next = -1;
    auto sooner = [&](std::int64_t ms) { next = next < 0 ? ms : std::min(next, ms); };
    if (s.paired) sooner(std::max<std::int64_t>(0, s.next_poll_ms - clock.now_ms));
    const bool personal = s.lookup || !s.badge.empty() || !s.pin.empty() || s.lookup_error;
    if (personal) sooner(until_next(1000, clock.now_ms - s.last_touch_ms));
    if (s.board && !s.lookup) {
        const std::int64_t slot_ms = s.policy.slot_seconds * 1000LL, into = (clock.now_ms - s.rotation_start_ms) % slot_ms;
        sooner(!s.reduce_motion && into < fade_ms ? 16 : slot_ms - into);
    }
    return KioskFrame{next};
}

}  // namespace

std::string clock_text(int local_minute) { return time_of_day(local_minute); }

KioskFrame draw_kiosk_frame(const KioskState& s, const KioskClock& clock, std::vector<KioskAction>& out) {
    set_language(kiosk_language_now(s, clock));
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("kiosk", nullptr, s.lookup ? flags : flags | ImGuiWindowFlags_NoScrollWithMouse);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && (s.lookup || !s.badge.empty() || !s.pin.empty())) out.push_back(KioskTouched{});
    if (!s.paired) {
        draw_pairing(s, out);
    } else {
        draw_top_bar(s);
        if (s.lookup) draw_kiosk_personal(s, clock, out);
        else if (s.board) draw_board_and_keypad(s, clock, out);
        else draw_waiting(s);
    }
    ImGui::End();
    return next_frame(s, clock);
}

}  // namespace ll::ui
