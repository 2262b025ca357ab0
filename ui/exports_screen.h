// HR's downloads for a year: the social balance sheet's training section and the FLA fields (CSV
// for spreadsheets, JSON for other tools), and where each worker's yearly statement is printed.
#pragma once
#include <string>
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_exports_screen(const AppState& state, std::vector<Action>& out);

// An export's name, what it holds, and its CSV and JSON downloads side by side; `path` has the
// query's year, "&format=..." is added.
void draw_export(const char* id, const std::string& name, const std::string& about, const std::string& path, std::vector<Action>& out);

// The API path of a worker's yearly statement (PDF or printable HTML); empty worker_id: one's own.
std::string statement_path(const std::string& worker_id, int year, bool pdf);

}  // namespace ll::ui
