// What an import would do, row by row, before anything is written: the plan a dry run shows and
// applying stores. Shared by the payroll, provider-feed and opening-balance imports, with the header
// mapping and the cell readers their files have in common (decimal comma, Belgian dates).
#pragma once
#include <deque>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
enum class ImportKind { payroll, trainings, openings };

// What one row would do.
struct PlannedRow {
    int line = 0;
    ImportAction action = ImportAction::rejected;
    std::string worker_id;            // the matched worker (payroll: update / unchanged)
    std::string name;                 // the worker's name
    WorkerRecord worker;              // payroll: the record as it would be stored (create / update)
    std::optional<EmploymentPeriod> new_period;  // payroll: an employment period the worker does not have yet
    std::optional<EntryRecord> entry;  // trainings, openings: the entry as it would be stored
    std::vector<std::string> changes;  // field names that change ("display_name", "employment")
    std::vector<ImportProblem> problems;
};

struct ImportPlan {
    ImportKind kind = ImportKind::payroll;
    bool numbered_by_item = false;  // a JSON feed: `line` is the item's position (1 = first), not a line
    // What changes or is refused; unchanged rows are only counted (a monthly payroll of 100,000 rows
    // repeats nearly all of them). A deque: a growing vector of 1 kB rows would briefly hold them twice.
    std::deque<PlannedRow> rows;
    std::vector<ImportProblem> file_problems;  // header: unknown or missing columns, duplicates
    int created = 0, updated = 0, unchanged = 0, rejected = 0;
};

// What the plan is made against: the employer's workers (with their employment) and, for the
// trainings and openings, the entries they already have.
struct ExistingWorker {
    WorkerRecord record;
    std::vector<EmploymentPeriod> employment;
    std::vector<EntryRecord> entries;
};

// The employer's workers by national number, indexed once per import: next month's payroll of
// 100,000 rows against 100,000 workers would otherwise compare numbers 10^10 times.
class WorkersByNationalNumber {
public:
    explicit WorkersByNationalNumber(const std::vector<ExistingWorker>& existing);
    const ExistingWorker* find(const std::string& digits) const;

private:
    std::unordered_map<std::string_view, const ExistingWorker*> index_;
};

// The file's columns: the header's cells matched against a list of accepted names per column (any
// case, spaces or dashes for underscores). Unknown, repeated and missing required columns become
// file problems; a plan with file problems has no rows.
struct ColumnNames {
    const char* name;                          // the canonical name, used in problems
    std::vector<const char*> also;  // other accepted names (Dutch, French)
};

class ImportColumns {
public:
    ImportColumns(const CsvRecord& header, const std::vector<ColumnNames>& columns, std::initializer_list<int> required,
                  std::vector<ImportProblem>& problems);
    std::optional<int> index_of(int column) const;  // 0-based cell
    const char* name_of(int column) const { return names_[static_cast<size_t>(column)]; }
    size_t width() const { return width_; }

private:
    std::vector<int> index_;  // per column: its cell, or -1
    std::vector<const char*> names_;
    size_t width_ = 0;
};

// One record read through the columns, recording problems on its planned row.
class ImportCells {
public:
    ImportCells(const CsvRecord& record, const ImportColumns& columns, PlannedRow& row);
    bool width_ok();  // a row problem when the record has another number of cells than the header
    std::string cell(int column) const;  // trimmed; empty when the column is absent
    bool has(int column) const { return columns_.index_of(column).has_value(); }
    void problem(int column, std::string message);

private:
    const CsvRecord& record_;
    const ImportColumns& columns_;
    PlannedRow& row_;
};

// Rows with problems become rejected; the row is counted and, unless unchanged, added to the plan.
void add_row(ImportPlan& plan, PlannedRow row);

// "Decimal comma" numbers from spreadsheets: "0,8", "0.8", "80%", "80 %", "4/5".
std::optional<Rational> parse_fraction_cell(std::string text);
// ISO, dd/mm/yyyy or dd-mm-yyyy.
std::optional<CivilDate> parse_date_cell(const std::string& text);
// "yes"/"no" in the three languages (ja, nee, oui, non), true/false, 1/0.
std::optional<bool> parse_yes_no_cell(const std::string& text);
// Euro amounts to cents: "1234,50", "1.234,50", "1234.5", "€ 12" (at most two decimals).
std::optional<long long> parse_euro_cell(const std::string& text);
// Durations: "7:36", "7u36", "7h36", "7,5" (hours) -> minutes.
std::optional<long long> parse_hours_cell(const std::string& text);

std::string trimmed_cell(const std::string& s);
// Lower case, spaces and dashes as underscores: how header names and yes/no words are compared.
std::string cell_key(const std::string& s);

const char* to_string(ImportAction a);
const char* to_string(ImportKind k);
std::optional<ImportKind> import_kind_from(const std::string& s);

}  // namespace ll
