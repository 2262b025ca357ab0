// Importing workers and employment periods from a payroll export: the rows (already split into
// cells) are checked field by field and planned against the workers that exist, matched by
// national number, so HR sees row by row what would be created or changed before anything is written.
#pragma once
#include <string>
#include <vector>

#include "import_plan.h"

namespace ll {

// Columns (header names, any case; Dutch and French names accepted too): national_number (required),
// name (required for new workers), department (by name), joint_committee, language, gender, start
// (required), end, fraction ("0,8", "80%", "4/5") or weekly_hours. Dates as 2026-01-31, 31/01/2026
// or 31-01-2026. A row whose national number appears twice in the file is refused both times.
ImportPlan plan_payroll_import(const std::vector<CsvRecord>& records, const std::vector<ExistingWorker>& existing,
                               const std::vector<DepartmentRecord>& departments, const std::string& employer_id,
                               const Rational& full_time_weekly_hours);

}  // namespace ll
