// The four boards a kiosk rotates through, each filling the rectangle it is given: the site's
// progress, trainings with free places, this month's deadlines, and the QR code to the phone app.
#pragma once
#include "imgui.h"
#include "kiosk_wire.h"

namespace ll::ui {

enum class KioskDashboard { progress, sessions, deadlines, qr_code };

// Draws at the cursor within `size`; everything in the current language.
void draw_kiosk_dashboard(KioskDashboard which, const KioskBoard& board, ImVec2 size);
// The code drawn as squares with a quiet zone, `side` pixels square, dark on light in every theme.
void draw_qr_code(const QrMatrix& qr, float side);

}  // namespace ll::ui
