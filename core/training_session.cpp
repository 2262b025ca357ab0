// Places on scheduled trainings: counted from enrolments the host stores, decided here so the
// kiosk, the app and the server agree on what "free" means.
#include "training_session.h"

#include <algorithm>
#include <cstdio>

namespace ll {

int free_places(const TrainingSession& s) { return std::max(0, s.places - s.enrolled); }

std::vector<TrainingSession> upcoming_with_places(const std::vector<TrainingSession>& all, const std::string& site,
                                                  const CivilDate& today, size_t limit) {
    std::vector<TrainingSession> out;
    for (const auto& s : all)
        if (s.site == site && s.date >= today && free_places(s) > 0) out.push_back(s);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.date != b.date ? a.date < b.date : a.start_minute < b.start_minute;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

Result<bool> may_enrol(const TrainingSession& s, bool already_enrolled, const CivilDate& today) {
    if (already_enrolled) return make_error("already_enrolled", "you already have a place on this training");
    if (s.date < today) return make_error("session_past", "this training has already taken place");
    if (free_places(s) == 0) return make_error("session_full", "this training has no free place left");
    return true;
}

std::string time_of_day(int minute) {
    char out[8];
    minute = std::clamp(minute, 0, 24 * 60 - 1);
    std::snprintf(out, sizeof out, "%02d:%02d", minute / 60, minute % 60);
    return out;
}

}  // namespace ll
