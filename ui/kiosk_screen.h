// One frame of a kiosk display: pairing, or the site's rotating boards beside the keypad (side by
// side in landscape, stacked in portrait), or a worker's own year; with the connection's state.
#pragma once
#include <cstdint>
#include <vector>

#include "kiosk_state.h"

namespace ll::ui {

struct KioskFrame {
    std::int64_t redraw_in_ms = -1;  // when the display changes by itself next (-1: only on input)
};

// Call between ImGui::NewFrame() and ImGui::Render(); the host applies the actions.
KioskFrame draw_kiosk_frame(const KioskState& s, const KioskClock& clock, std::vector<KioskAction>& out);

// "14:05"
std::string clock_text(int local_minute);

}  // namespace ll::ui
