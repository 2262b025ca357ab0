// A small state machine rather than a library: it must run in the browser too (a dry run on the
// device) and report the line of every record, which libcsv (Debian's C library) does not.
#include "csv_records.h"

namespace ll {
namespace {

// The separator of the file: whichever of ; and , the header line has more of (outside quotes).
char separator_of(std::string_view text) {
    int semicolons = 0, commas = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '\n' || c == '\r')) break;
        if (!quoted && c == ';') ++semicolons;
        if (!quoted && c == ',') ++commas;
    }
    return commas > semicolons ? ',' : ';';
}

bool valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += n;
    }
    return true;
}

Error malformed(int line, const std::string& why) {
    return make_error("malformed_csv", "line " + std::to_string(line) + ": " + why, "body");
}

}  // namespace

Result<std::vector<CsvRecord>> read_csv_records(std::string_view text, const CsvLimits& limits) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!valid_utf8(text)) return make_error("malformed_csv", "the file is not UTF-8 text", "body");
    const char sep = separator_of(text);
    std::vector<CsvRecord> out;
    CsvRecord record;
    std::string cell;
    int line = 1;
    bool quoted = false, after_quote = false, any = false;  // any: the record has content
    auto end_cell = [&]() -> bool {
        if (cell.size() > limits.max_cell_bytes || record.cells.size() >= limits.max_cells) return false;
        record.cells.push_back(std::move(cell));
        cell.clear();
        after_quote = false;
        return true;
    };
    auto end_record = [&]() -> std::optional<Error> {
        if (any) {
            if (!end_cell()) return make_error("too_large", "line " + std::to_string(record.line) + ": too many or too long cells", "body");
            if (out.size() >= limits.max_records) return make_error("too_large", "too many rows", "body");
            out.push_back(std::move(record));
        }
        record = CsvRecord{};
        cell.clear();
        any = after_quote = false;
        return std::nullopt;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!any) record.line = line;
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
                after_quote = true;
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (auto e = end_record()) return *e;
            ++line;
            continue;
        }
        any = true;
        if (c == sep) {
            if (!end_cell()) return make_error("too_large", "line " + std::to_string(line) + ": too many or too long cells", "body");
        } else if (c == '"' && cell.empty() && !after_quote) {
            quoted = true;
        } else if (after_quote) {
            return malformed(line, "text after a closing quote");
        } else {
            cell += c;
        }
    }
    if (quoted) return malformed(record.line, "a quote is not closed");
    if (auto e = end_record()) return *e;
    return out;
}

}  // namespace ll
