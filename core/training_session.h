// Scheduled trainings with a number of places at a site (a first-aid course in the canteen on a
// date): which still have room, and whether a worker may take a place.
#pragma once
#include <string>
#include <vector>

#include "civil_date.h"
#include "result.h"

namespace ll {

struct TrainingSession {
    std::string id, site, title, provider;
    CivilDate date;
    int start_minute = 9 * 60;  // local time of day it starts, minutes after midnight
    long long minutes = 0;      // how long it lasts
    int places = 0, enrolled = 0;
};

int free_places(const TrainingSession& s);
// The sessions at `site` from `today` on with a free place, by day and time, at most `limit`.
std::vector<TrainingSession> upcoming_with_places(const std::vector<TrainingSession>& all, const std::string& site,
                                                  const CivilDate& today, size_t limit);
// Whether a worker may take a place: not in the past, not full, not twice.
Result<bool> may_enrol(const TrainingSession& s, bool already_enrolled, const CivilDate& today);
// "09:30" for 570.
std::string time_of_day(int minute);

}  // namespace ll
