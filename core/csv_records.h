// Splitting CSV text into records as payroll tools and spreadsheets write it (RFC 4180): `;` or `,`
// (taken from the header line), UTF-8 with or without a byte-order mark, quoted cells with
// separators, doubled quotes and line breaks inside, CRLF or LF; each record keeps its line number.
#pragma once
#include <string_view>
#include <vector>

#include "import_plan.h"
#include "result.h"

namespace ll {

struct CsvLimits {
    size_t max_records = 200000;
    size_t max_cells = 200;
    size_t max_cell_bytes = 4000;
};

// Blank lines are skipped (their line numbers still count). Errors: "malformed_csv" naming the
// line (an unclosed quote, text after a closing quote, invalid UTF-8), "too_large" past the limits.
Result<std::vector<CsvRecord>> read_csv_records(std::string_view text, const CsvLimits& limits = {});

}  // namespace ll
