// The kiosk's personal part: an on-screen keypad for badge and PIN (no soft keyboard, nothing
// typed shows but the badge), and the worker's own year, read-only, until they or the clock sign out.
#pragma once
#include <vector>

#include "imgui.h"
#include "kiosk_state.h"

namespace ll::ui {

void draw_kiosk_keypad(const KioskState& s, ImVec2 size, std::vector<KioskAction>& out);
void draw_kiosk_personal(const KioskState& s, const KioskClock& clock, std::vector<KioskAction>& out);
// The kiosk's words for a failed lookup (wrong PIN, locked badge, offline...).
std::string kiosk_lookup_error_text(const Error& e);

}  // namespace ll::ui
