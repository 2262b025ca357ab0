// Which team rows the table shows and in what order: filters (words in the name, department,
// joint committee, regime, status, flagged only) and a sort by any column, stable by name.
#pragma once
#include <string>
#include <vector>

#include "app_state.h"

namespace ll::ui {

bool matches(const TeamFilter& filter, const TeamRow& row);
// How many filters narrow the table beyond the default (employed workers, everything else open).
int active_filters(const TeamFilter& filter);
std::vector<const TeamRow*> visible_rows(const TeamState& team);
// The distinct departments (id, name) and joint committees of the rows, for the filter choices.
std::vector<std::pair<std::string, std::string>> departments_of(const std::vector<TeamRow>& rows);
std::vector<std::string> joint_committees_of(const std::vector<TeamRow>& rows);

}  // namespace ll::ui
