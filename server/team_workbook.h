// The team table as an Excel workbook (.xlsx, written by libxlsxwriter): one row per worker with
// the same figures as the app's table, days and hours as numbers, dates as dates.
#pragma once
#include <string>
#include <vector>

#include "result.h"
#include "team_row.h"

namespace ll::server {

Result<std::string> team_workbook(const std::vector<TeamRow>& rows, int year);

}  // namespace ll::server
