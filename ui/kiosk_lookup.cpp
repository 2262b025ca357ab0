// Keys large enough for a gloved finger, the PIN shown as dots only, and the personal year in
// the worker's language with a visible countdown: a kiosk is a shared screen in a public place.
#include "kiosk_lookup.h"

#include <algorithm>

#include "entitlement.h"
#include "form_widgets.h"
#include "item_tree.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {

namespace {

void keypad_field(const KioskState& s) {
    const bool badge = s.entry == KioskEntry::badge;
    text(badge ? tr("Type your badge number") : tr("Type your PIN"));
    std::string shown = badge ? s.badge : std::string();
    if (!badge)
        for (size_t i = 0; i < s.pin.size(); ++i) shown += "\u2022 ";
    const std::string label = badge ? tr("Badge number") : tr("PIN");
    ImGui::PushFont(fonts().figure);
    const float h = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().FramePadding.y;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), ImGui::GetStyle().FrameRounding);
    draw->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_Border), ImGui::GetStyle().FrameRounding, 0,
                  std::max(1.0f, ImGui::GetStyle().FrameBorderSize));
    ImGui::SetCursorScreenPos(ImVec2(p.x + ImGui::GetStyle().FramePadding.x, p.y + ImGui::GetStyle().FramePadding.y));
    ImGui::TextUnformatted(shown.c_str());
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(w, ImGui::GetStyle().ItemSpacing.y));
    ImGui::PopFont();
    // The PIN's digits never reach the item tree: only how many were typed.
    if (auto* t = current_item_tree()) t->record_last_item("text", label, badge ? s.badge : tr("{count} digits", {{"count", std::to_string(s.pin.size())}}));
}

}  // namespace

std::string kiosk_lookup_error_text(const Error& e) {
    if (e.code == "wrong_pin") return tr("Badge number or PIN not recognised. Try again.");
    if (e.code == "badge_locked") return tr("This badge is locked for a while after wrong PINs. Try again later or ask HR.");
    if (e.code == "throttled") return tr("Too many wrong PINs on this display. Try again later.");
    if (e.code == "offline") return tr("The display is offline; try again in a moment.");
    return tr("The lookup did not work; try again.");
}

void draw_kiosk_keypad(const KioskState& s, ImVec2 size, std::vector<KioskAction>& out) {
    ImGui::PushFont(fonts().heading);
    heading(tr("Look up my training days"));
    ImGui::PopFont();
    keypad_field(s);
    if (s.looking_up) status_message(tr("Looking up..."));
    else if (s.lookup_error) {
        ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
        ImGui::PushTextWrapPos(0);
        status_message(kiosk_lookup_error_text(*s.lookup_error));
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = style.ItemSpacing.x;
    const float rest = size.y - ImGui::GetCursorPosY() - style.WindowPadding.y;
    const float key_w = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
    const float key_h = std::clamp((rest - 4 * style.ItemSpacing.y) / 5, touch_target_height(), key_w * 0.8f);
    const bool pin = s.entry == KioskEntry::pin;
    const std::string keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", tr("Erase"), "0", pin ? tr("OK") : tr("Next")};
    ImGui::PushFont(fonts().figure);
    for (int i = 0; i < 12; ++i) {
        if (i % 3) ImGui::SameLine(0, gap);
        ImGui::PushFont(i == 9 || i == 11 ? fonts().heading : fonts().figure);
        const bool tapped = ImGui::Button((keys[i] + "##key-" + std::to_string(i)).c_str(), ImVec2(key_w, key_h));
        ImGui::PopFont();
        if (!tapped) continue;
        if (i == 9) out.push_back(KioskErase{});
        else if (i == 11) out.push_back(KioskConfirm{});
        else out.push_back(KioskDigit{keys[i][0]});
    }
    ImGui::PopFont();
    ImGui::PushFont(fonts().heading);
    const bool started = pin || !s.badge.empty();
    if (started && ImGui::Button((tr(pin ? "Back" : "Clear") + "##key-back").c_str(), ImVec2(-1, key_h * 0.8f))) out.push_back(KioskCancel{});
    ImGui::PopFont();
}

void draw_kiosk_personal(const KioskState& s, const KioskClock& clock, std::vector<KioskAction>& out) {
    const KioskLookup& l = *s.lookup;
    const YearView& v = l.year;
    const int left = kiosk::lookup_seconds_left(clock.now_ms - s.last_touch_ms, s.policy);
    ImGui::PushFont(fonts().heading);
    heading(tr("Hello, {name}", {{"name", l.display_name}}));
    const float w = ImGui::GetContentRegionAvail().x;
    if (ImGui::Button((tr("Sign out") + "##kiosk-sign-out").c_str(), ImVec2(w, touch_target_height() * 1.4f))) out.push_back(KioskSignOut{});
    ImGui::PopFont();
    muted_text(tr("Signing out by itself in {seconds} s", {{"seconds", std::to_string(left)}}));
    ImGui::Spacing();
    const std::string remaining = days_text(minutes_as_days(v.remaining_minutes, v.minutes_per_day));
    text(tr("Remaining {year}", {{"year", std::to_string(v.year)}}));
    ImGui::PushFont(fonts().display);
    ImGui::TextUnformatted(remaining.c_str());
    ImGui::PopFont();
    if (auto* t = current_item_tree()) t->record_last_item("figure", tr("Remaining {year}", {{"year", std::to_string(v.year)}}), remaining);
    text(tr("{duration} of training time left", {{"duration", duration(v.remaining_minutes)}}));
    text(tr("Training right {year}", {{"year", std::to_string(v.year)}}) + ": " + days_text(v.entitled_days));
    text(tr("Followed: {duration}", {{"duration", duration(v.used_minutes)}}));
    if (v.pending_minutes > 0) text(tr("Waiting for approval: {duration}", {{"duration", duration(v.pending_minutes)}}));
    ImGui::Spacing();
    ImGui::PushFont(fonts().heading);
    heading(tr("History"));
    ImGui::PopFont();
    if (v.entries.empty()) text(tr("No trainings this year yet."));
    for (auto it = v.entries.rbegin(); it != v.entries.rend(); ++it) {
        const EntryRecord& e = *it;
        ImGui::Separator();
        text(e.entry.title.empty() ? tr("kind." + std::string(to_string(e.entry.kind))) : e.entry.title);
        muted_text(date_text(e.entry.date) + " \u00b7 " + duration(e.entry.minutes) + " \u00b7 " +
                   tr("status." + std::string(to_string(e.entry.status))));
    }
}

}  // namespace ll::ui
