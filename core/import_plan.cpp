// Header names are matched loosely (case, spaces, the three languages of Belgian exports); cells
// strictly, each problem naming its line, column and field. Nothing here writes.
#include "import_plan.h"

#include <algorithm>

namespace ll {

const char* to_string(ImportAction a) {
    switch (a) {
        case ImportAction::create: return "create";
        case ImportAction::update: return "update";
        case ImportAction::unchanged: return "unchanged";
        case ImportAction::rejected: return "rejected";
    }
    return "";
}

const char* to_string(ImportKind k) {
    switch (k) {
        case ImportKind::payroll: return "payroll";
        case ImportKind::trainings: return "trainings";
        case ImportKind::openings: return "openings";
    }
    return "";
}

std::optional<ImportKind> import_kind_from(const std::string& s) {
    for (auto k : {ImportKind::payroll, ImportKind::trainings, ImportKind::openings})
        if (s == to_string(k)) return k;
    return std::nullopt;
}

WorkersByNationalNumber::WorkersByNationalNumber(const std::vector<ExistingWorker>& existing) {
    index_.reserve(existing.size());
    for (const auto& w : existing)
        if (w.record.national_number) index_.emplace(*w.record.national_number, &w);
}

const ExistingWorker* WorkersByNationalNumber::find(const std::string& digits) const {
    auto it = index_.find(digits);
    return it == index_.end() ? nullptr : it->second;
}

std::string trimmed_cell(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Accented letters of the header names are kept as typed (UTF-8 passes through).
std::string cell_key(const std::string& s) {
    std::string out;
    for (char c : trimmed_cell(s)) out += (c == ' ' || c == '-') ? '_' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

ImportColumns::ImportColumns(const CsvRecord& header, const std::vector<ColumnNames>& columns, std::initializer_list<int> required,
                             std::vector<ImportProblem>& problems)
    : index_(columns.size(), -1), width_(header.cells.size()) {
    for (const auto& c : columns) names_.push_back(c.name);
    for (size_t i = 0; i < header.cells.size(); ++i) {
        const std::string key = cell_key(header.cells[i]);
        const int cell = static_cast<int>(i);
        int found = -1, at = 0;
        for (const auto& c : columns) {
            if (key == c.name || std::any_of(c.also.begin(), c.also.end(), [&](const char* a) { return key == a; })) found = at;
            ++at;
        }
        if (found < 0) problems.push_back({header.line, cell + 1, "header", "unknown column"});
        else if (index_[static_cast<size_t>(found)] >= 0) problems.push_back({header.line, cell + 1, names_[static_cast<size_t>(found)], "this column appears twice"});
        else index_[static_cast<size_t>(found)] = cell;
    }
    for (int r : required)
        if (index_[static_cast<size_t>(r)] < 0) problems.push_back({header.line, 0, names_[static_cast<size_t>(r)], "this column is required"});
}

std::optional<int> ImportColumns::index_of(int column) const {
    const int i = index_[static_cast<size_t>(column)];
    return i < 0 ? std::nullopt : std::optional<int>(i);
}

ImportCells::ImportCells(const CsvRecord& record, const ImportColumns& columns, PlannedRow& row)
    : record_(record), columns_(columns), row_(row) {
    row_.line = record.line;
}

bool ImportCells::width_ok() {
    if (record_.cells.size() == columns_.width()) return true;
    row_.problems.push_back({record_.line, 0, "row", "expected " + std::to_string(columns_.width()) + " cells, found " +
                                                         std::to_string(record_.cells.size())});
    return false;
}

std::string ImportCells::cell(int column) const {
    auto i = columns_.index_of(column);
    if (!i || *i >= static_cast<int>(record_.cells.size())) return {};
    return trimmed_cell(record_.cells[static_cast<size_t>(*i)]);
}

void ImportCells::problem(int column, std::string message) {
    auto i = columns_.index_of(column);
    row_.problems.push_back({record_.line, i ? *i + 1 : 0, columns_.name_of(column), std::move(message)});
}

void add_row(ImportPlan& plan, PlannedRow row) {
    if (!row.problems.empty()) row.action = ImportAction::rejected;
    switch (row.action) {
        case ImportAction::create: ++plan.created; break;
        case ImportAction::update: ++plan.updated; break;
        case ImportAction::unchanged: ++plan.unchanged; return;
        case ImportAction::rejected: ++plan.rejected; break;
    }
    plan.rows.push_back(std::move(row));
}

std::optional<Rational> parse_fraction_cell(std::string text) {
    text = trimmed_cell(text);
    bool percent = false;
    if (!text.empty() && text.back() == '%') {
        percent = true;
        text = trimmed_cell(text.substr(0, text.size() - 1));
    }
    std::replace(text.begin(), text.end(), ',', '.');
    std::optional<Rational> value;
    if (auto slash = text.find('/'); slash != std::string::npos && !percent) {
        auto num = Rational::parse_decimal(trimmed_cell(text.substr(0, slash)));
        auto den = Rational::parse_decimal(trimmed_cell(text.substr(slash + 1)));
        if (num && den && !(*den == Rational(0))) value = num->divided_by(*den);
    } else {
        value = Rational::parse_decimal(text);
    }
    if (value && percent) value = value->divided_by(Rational(100));
    return value;
}

std::optional<CivilDate> parse_date_cell(const std::string& raw) {
    const std::string text = trimmed_cell(raw);
    if (auto iso = CivilDate::parse(text)) return *iso;
    // dd/mm/yyyy or dd-mm-yyyy (also d/m/yyyy), as Belgian payroll exports write dates.
    const char sep = text.find('/') != std::string::npos ? '/' : '-';
    const auto a = text.find(sep), b = a == std::string::npos ? a : text.find(sep, a + 1);
    if (a == std::string::npos || b == std::string::npos || text.find(sep, b + 1) != std::string::npos) return std::nullopt;
    const std::string d = text.substr(0, a), m = text.substr(a + 1, b - a - 1), y = text.substr(b + 1);
    auto all_digits = [](const std::string& s, size_t lo, size_t hi) {
        return s.size() >= lo && s.size() <= hi && s.find_first_not_of("0123456789") == std::string::npos;
    };
    if (!all_digits(d, 1, 2) || !all_digits(m, 1, 2) || !all_digits(y, 4, 4)) return std::nullopt;
    auto date = CivilDate::from_ymd(std::stoi(y), static_cast<unsigned>(std::stoi(m)), static_cast<unsigned>(std::stoi(d)));
    return date ? std::optional<CivilDate>(*date) : std::nullopt;
}

std::optional<bool> parse_yes_no_cell(const std::string& text) {
    const std::string k = cell_key(text);
    for (const char* y : {"yes", "y", "ja", "j", "oui", "o", "true", "1"})
        if (k == y) return true;
    for (const char* n : {"no", "n", "nee", "non", "false", "0"})
        if (k == n) return false;
    return std::nullopt;
}

namespace {

bool all_digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// At most 15 digits, so that the products below stay within long long.
std::optional<long long> whole_number(const std::string& s) {
    if (!all_digits(s) || s.size() > 15) return std::nullopt;
    return std::stoll(s);
}

// Marks between thousands group exactly three digits after the first group: "20.6212" is a typo,
// not 206,212 euros.
bool grouped_in_thousands(const std::string& whole) {
    std::size_t group = 0, groups = 0;
    for (std::size_t i = 0; i <= whole.size(); ++i) {
        if (i < whole.size() && whole[i] != '.' && whole[i] != ',') {
            ++group;
            continue;
        }
        if (groups++ == 0 ? group == 0 || (group > 3 && i < whole.size()) : group != 3) return false;
        group = 0;
    }
    return true;
}

}  // namespace

std::optional<long long> parse_euro_cell(const std::string& raw) {
    std::string text;
    for (char c : trimmed_cell(raw))
        if (c != ' ') text += c;
    for (const char* mark : {"\xe2\x82\xac", "EUR", "eur"})  // € before or after the amount
        if (auto at = text.find(mark); at != std::string::npos) text.erase(at, std::char_traits<char>::length(mark));
    // The decimal separator is the last ',' or a '.' with at most two digits after it; the other
    // marks group thousands ("1.234,50", "1,234.50", "1.234").
    const auto comma = text.rfind(','), dot = text.rfind('.');
    auto decimal = std::string::npos;
    if (comma != std::string::npos && (dot == std::string::npos || comma > dot)) decimal = comma;
    else if (dot != std::string::npos && (comma != std::string::npos || text.size() - dot - 1 <= 2)) decimal = dot;
    std::string whole = decimal == std::string::npos ? text : text.substr(0, decimal);
    const std::string cents = decimal == std::string::npos ? "" : text.substr(decimal + 1);
    if (!grouped_in_thousands(whole)) return std::nullopt;
    whole.erase(std::remove_if(whole.begin(), whole.end(), [](char c) { return c == '.' || c == ','; }), whole.end());
    auto units = whole_number(whole);
    if (!units || cents.size() > 2 || (!cents.empty() && !all_digits(cents))) return std::nullopt;
    return *units * 100 + (cents.empty() ? 0 : std::stoll(cents) * (cents.size() == 1 ? 10 : 1));
}

std::optional<long long> parse_hours_cell(const std::string& raw) {
    if (raw.find('-') != std::string::npos) return std::nullopt;  // cell_key would make "-2" "_2"
    std::string text = cell_key(raw);
    text.erase(std::remove(text.begin(), text.end(), '_'), text.end());
    if (!text.empty() && text.back() == 'h') text.pop_back();
    const auto mark = text.find_first_of(":uh");
    if (mark != std::string::npos) {
        std::string m = text.substr(mark + 1);
        if (m.size() > 3 && m.substr(m.size() - 3) == "min") m.resize(m.size() - 3);
        auto h = whole_number(text.substr(0, mark)), mins = whole_number(m);
        if (!h || !mins || *mins >= 60) return std::nullopt;
        return *h * 60 + *mins;
    }
    std::replace(text.begin(), text.end(), ',', '.');
    auto hours = Rational::parse_decimal(text);
    if (!hours || *hours < Rational(0)) return std::nullopt;
    auto minutes = hours->times(Rational(60));
    if (!minutes || minutes->den() != 1) return std::nullopt;  // "7,33" hours is no whole number of minutes
    return minutes->num();
}

}  // namespace ll
