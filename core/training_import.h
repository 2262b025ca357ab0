// Importing ledger entries from files: trainings from a provider's feed (CSV, or JSON with the same
// field names) and opening balances when migrating from another tool, matched to workers by national
// number and planned row by row against the entries they already have, before anything is written.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import_plan.h"

namespace ll {

struct EntryImportScope {
    std::string employer_id;
    std::string importer_worker_id;  // HR's own worker record: nobody imports entries for themselves
    Rational full_time_weekly_hours = Rational(38);  // a day of an opening balance is a full-time day
};

// Columns: national_number, title, date (required), end_date, hours ("7:36", "7,5") or minutes (one
// required), provider, type (formal, informal, initial), counts_for_right (yes/no), cost, fund,
// subsidy (euros, decimal comma), certificate_valid_until. A training the worker already has (same date, title and duration,
// not rejected) is unchanged; the same training twice in the file is refused the second time.
ImportPlan plan_training_import(const std::vector<CsvRecord>& records, const std::vector<ExistingWorker>& existing,
                                const EntryImportScope& scope);

// Columns: national_number, origin_year (the year the days come from), date (the day the balance is
// taken over), days or hours (one required), note. One opening per worker and origin year: the same
// one again is unchanged, a different one is refused (a correction in the app changes it).
ImportPlan plan_opening_import(const std::vector<CsvRecord>& records, const std::vector<ExistingWorker>& existing,
                               const EntryImportScope& scope);

// A JSON feed (an array of objects, or {"trainings": [...]}) as records: the header is every field
// name in order of first appearance (line 0), item i is line i + 1. Nested values are refused.
Result<std::vector<CsvRecord>> feed_records_from_json(const nlohmann::json& feed, size_t max_items = 200000);

}  // namespace ll
