// The kiosk's two answers on the wire: the board a wall display rotates through (site aggregates,
// trainings with places, this month's deadlines, the app's QR code) and a worker's own lookup.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk.h"
#include "training_session.h"
#include "year_view.h"

namespace ll {

// A QR code as its modules, row by row, '1' for dark: the server encodes, the client draws squares.
struct QrMatrix {
    int size = 0;
    std::string modules;  // size * size characters
    bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x] == '1'; }
};

struct KioskBoard {
    std::string site, employer_name;
    std::vector<std::string> languages;  // at least one; alternated in this order
    CivilDate today;
    kiosk::SiteProgress progress;
    std::vector<TrainingSession> sessions;        // upcoming at the site, with free places
    std::vector<kiosk::MonthDeadline> deadlines;  // the employer's, this month, not done
    std::string app_url;                          // where the QR code leads
    QrMatrix qr;
};

// What a worker sees after badge and PIN: their name, the language they chose, and their year.
struct KioskLookup {
    std::string display_name, language;
    YearView year;
};

namespace wire {
nlohmann::json to_json(const KioskBoard& b);
Result<KioskBoard> kiosk_board_from_json(const nlohmann::json& j);
nlohmann::json to_json(const KioskLookup& l);
Result<KioskLookup> kiosk_lookup_from_json(const nlohmann::json& j);
nlohmann::json to_json(const TrainingSession& s);
Result<TrainingSession> training_session_from_json(const nlohmann::json& j, const std::string& path = {});
}  // namespace wire

}  // namespace ll
