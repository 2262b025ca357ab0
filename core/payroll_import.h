// Importing workers and employment periods from a payroll export: the rows (already split into
// cells) are checked field by field and planned against the workers that exist, matched by
// national number, so HR sees row by row what would be created or changed before anything is written.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "entitlement.h"
#include "records.h"
#include "result.h"

namespace ll {

// One record of the file as the CSV reader split it; `line` is its line in the file (1: header).
struct CsvRecord {
    int line = 0;
    std::vector<std::string> cells;
};

// A problem with one cell (or the whole row when `column` is 0), never repeating a national number.
struct ImportProblem {
    int line = 0;
    int column = 0;     // 1-based; 0 for the row
    std::string field;  // the column's name ("start", "fraction")
    std::string message;
};

enum class ImportAction { create, update, unchanged, rejected };

// What one row would do.
struct PlannedRow {
    int line = 0;
    ImportAction action = ImportAction::rejected;
    std::string worker_id;            // update / unchanged: the matched worker
    std::string name;
    WorkerRecord worker;              // the record as it would be stored (create / update)
    std::optional<EmploymentPeriod> new_period;  // an employment period the worker does not have yet
    std::vector<std::string> changes;  // field names that change ("display_name", "employment")
    std::vector<ImportProblem> problems;
};

struct ImportPlan {
    std::vector<PlannedRow> rows;
    std::vector<ImportProblem> file_problems;  // header: unknown or missing columns, duplicates
    int created = 0, updated = 0, unchanged = 0, rejected = 0;
};

// What the plan is made against: the employer's workers (with their employment) and departments.
struct ExistingWorker {
    WorkerRecord record;
    std::vector<EmploymentPeriod> employment;
};

// Columns (header names, any case; Dutch and French names accepted too): national_number (required),
// name (required for new workers), department (by name), joint_committee, language, gender, start
// (required), end, fraction ("0,8", "80%", "4/5") or weekly_hours. Dates as 2026-01-31, 31/01/2026
// or 31-01-2026. A row whose national number appears twice in the file is refused both times.
ImportPlan plan_payroll_import(const std::vector<CsvRecord>& records, const std::vector<ExistingWorker>& existing,
                               const std::vector<DepartmentRecord>& departments, const std::string& employer_id,
                               const Rational& full_time_weekly_hours);

// "Decimal comma" numbers from spreadsheets: "0,8", "0.8", "80%", "80 %", "4/5".
std::optional<Rational> parse_fraction_cell(std::string text);
// ISO, dd/mm/yyyy or dd-mm-yyyy.
std::optional<CivilDate> parse_date_cell(const std::string& text);

const char* to_string(ImportAction a);

}  // namespace ll
