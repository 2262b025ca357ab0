// Header names are matched loosely (case, spaces, the three languages of Belgian payroll exports);
// cells strictly, each problem naming its line, column and field. Nothing here writes: the plan is
// what a dry run shows and what applying stores, row for row.
#include "payroll_import.h"

#include <algorithm>
#include <map>

#include "national_number.h"
#include "requests.h"
#include "rule_set.h"

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

namespace {

enum class Column { national_number, name, department, joint_committee, language, gender, start, end, fraction, weekly_hours };

const char* column_name(Column c) {
    switch (c) {
        case Column::national_number: return "national_number";
        case Column::name: return "name";
        case Column::department: return "department";
        case Column::joint_committee: return "joint_committee";
        case Column::language: return "language";
        case Column::gender: return "gender";
        case Column::start: return "start";
        case Column::end: return "end";
        case Column::fraction: return "fraction";
        case Column::weekly_hours: return "weekly_hours";
    }
    return "";
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Lower case, spaces and dashes as underscores; accented letters of the header names kept as typed.
std::string header_key(const std::string& s) {
    std::string out;
    for (char c : trimmed(s)) out += (c == ' ' || c == '-') ? '_' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

std::optional<Column> column_for(const std::string& header) {
    static const std::map<std::string, Column> names = {
        {"national_number", Column::national_number}, {"insz", Column::national_number}, {"niss", Column::national_number},
        {"rijksregisternummer", Column::national_number}, {"numéro_national", Column::national_number},
        {"numero_national", Column::national_number},
        {"name", Column::name}, {"display_name", Column::name}, {"naam", Column::name}, {"nom", Column::name},
        {"department", Column::department}, {"afdeling", Column::department}, {"service", Column::department},
        {"département", Column::department},
        {"joint_committee", Column::joint_committee}, {"pc", Column::joint_committee}, {"cp", Column::joint_committee},
        {"paritair_comité", Column::joint_committee}, {"commission_paritaire", Column::joint_committee},
        {"language", Column::language}, {"taal", Column::language}, {"langue", Column::language},
        {"gender", Column::gender}, {"geslacht", Column::gender}, {"sexe", Column::gender},
        {"start", Column::start}, {"start_date", Column::start}, {"begin", Column::start}, {"in_dienst", Column::start},
        {"date_d'entrée", Column::start}, {"entrée", Column::start},
        {"end", Column::end}, {"end_date", Column::end}, {"einde", Column::end}, {"uit_dienst", Column::end},
        {"date_de_sortie", Column::end}, {"sortie", Column::end},
        {"fraction", Column::fraction}, {"regime", Column::fraction}, {"régime", Column::fraction},
        {"tewerkstellingsbreuk", Column::fraction}, {"fraction_d'occupation", Column::fraction},
        {"weekly_hours", Column::weekly_hours}, {"uren_per_week", Column::weekly_hours}, {"heures_par_semaine", Column::weekly_hours},
    };
    auto it = names.find(header_key(header));
    return it == names.end() ? std::nullopt : std::optional<Column>(it->second);
}

std::optional<std::string> gender_from(const std::string& text) {
    const std::string k = header_key(text);
    if (k.empty()) return std::string();
    for (const char* f : {"female", "f", "v", "vrouw", "femme", "w"})
        if (k == f) return std::string("female");
    for (const char* m : {"male", "m", "man", "homme", "h"})
        if (k == m) return std::string("male");
    return std::nullopt;
}

struct RowReader {
    const CsvRecord& record;
    const std::map<Column, int>& columns;  // -> 0-based cell index
    PlannedRow& row;

    std::string cell(Column c) const {
        auto it = columns.find(c);
        if (it == columns.end() || it->second >= static_cast<int>(record.cells.size())) return {};
        return trimmed(record.cells[static_cast<size_t>(it->second)]);
    }
    bool has(Column c) const { return columns.count(c) > 0; }
    void problem(Column c, std::string message) {
        auto it = columns.find(c);
        row.problems.push_back({record.line, it == columns.end() ? 0 : it->second + 1, column_name(c), std::move(message)});
    }
};

const ExistingWorker* find_existing(const std::vector<ExistingWorker>& existing, const std::string& digits) {
    for (const auto& w : existing)
        if (w.record.national_number == digits) return &w;
    return nullptr;
}

// Cells into a worker record and a period; problems are recorded on the row.
void read_cells(RowReader& r, const std::vector<DepartmentRecord>& departments, const Rational& full_time_weekly_hours,
                WorkerChange& change, std::optional<EmploymentPeriod>& period) {
    if (auto name = r.cell(Column::name); !name.empty()) {
        if (name.size() > 200) r.problem(Column::name, "at most 200 characters");
        else change.display_name = name;
    }
    if (auto dep = r.cell(Column::department); !dep.empty()) {
        auto it = std::find_if(departments.begin(), departments.end(), [&](const DepartmentRecord& d) { return d.name == dep; });
        if (it == departments.end()) r.problem(Column::department, "no department of that name");
        else change.department_id = it->id;
    }
    if (auto pc = r.cell(Column::joint_committee); !pc.empty()) {
        if (!is_joint_committee_code(pc)) r.problem(Column::joint_committee, "expected a joint committee code like 200 or 305.02.09");
        else change.joint_committee = pc;
    }
    if (auto lang = header_key(r.cell(Column::language)); !lang.empty()) {
        if (!requests::is_language(lang)) r.problem(Column::language, "expected nl, fr, de or en");
        else change.language = lang;
    }
    if (r.has(Column::gender)) {
        auto g = gender_from(r.cell(Column::gender));
        if (!g) r.problem(Column::gender, "expected female (F, V) or male (M)");
        else if (!g->empty()) change.gender = *g;
    }
    const std::string start_text = r.cell(Column::start), end_text = r.cell(Column::end);
    auto start = parse_date_cell(start_text);
    if (!start) r.problem(Column::start, start_text.empty() ? "the first day of employment is required" : "expected a date like 2026-01-31 or 31/01/2026");
    std::optional<CivilDate> end;
    if (!end_text.empty()) {
        end = parse_date_cell(end_text);
        if (!end) r.problem(Column::end, "expected a date like 2026-12-31 or 31/12/2026");
        else if (start && *end < *start) r.problem(Column::end, "the last day is before the first");
    }
    std::optional<Rational> fraction;
    if (auto f = r.cell(Column::fraction); !f.empty()) {
        fraction = parse_fraction_cell(f);
        if (!fraction || *fraction <= Rational(0) || *fraction > Rational(1)) {
            r.problem(Column::fraction, "expected a share of full time between 0 and 1 (0,8 or 80%)");
            fraction.reset();
        }
    } else if (auto h = r.cell(Column::weekly_hours); !h.empty()) {
        auto hours = parse_fraction_cell(h);
        if (hours) fraction = fraction_from_hours(*hours, full_time_weekly_hours);
        if (!fraction || *fraction <= Rational(0) || *fraction > Rational(1)) {
            r.problem(Column::weekly_hours, "expected hours per week up to the full-time week");
            fraction.reset();
        }
    } else {
        fraction = Rational(1);  // no regime given: full time
    }
    if (start && fraction && (end_text.empty() || end)) period = EmploymentPeriod{*start, end, *fraction};
}

void plan_row(PlannedRow& row, const WorkerChange& change, const std::optional<EmploymentPeriod>& period, const ExistingWorker* match,
              const std::string& employer_id, const std::string& digits, RowReader& r) {
    if (!match) {
        if (!change.display_name) r.problem(Column::name, "a new worker needs a name");
        WorkerRecord& w = row.worker;
        w.employer_id = employer_id;
        w.display_name = change.display_name.value_or("");
        w.department_id = change.department_id.value_or("");
        w.joint_committee = change.joint_committee.value_or("");
        w.language = change.language.value_or("nl");
        w.gender = change.gender.value_or("");
        w.national_number = digits;
        row.name = w.display_name;
        row.new_period = period;
        row.action = ImportAction::create;
        return;
    }
    WorkerRecord w = match->record;
    row.worker_id = w.id;
    row.name = w.display_name;
    auto set = [&](const std::optional<std::string>& value, std::string& field, const char* name) {
        if (value && *value != field) {
            field = *value;
            row.changes.push_back(name);
        }
    };
    set(change.display_name, w.display_name, "display_name");
    set(change.department_id, w.department_id, "department_id");
    set(change.joint_committee, w.joint_committee, "joint_committee");
    set(change.language, w.language, "language");
    set(change.gender, w.gender, "gender");
    if (period) {
        auto same_start = std::find_if(match->employment.begin(), match->employment.end(),
                                       [&](const EmploymentPeriod& p) { return p.start == period->start; });
        if (same_start == match->employment.end()) {
            row.new_period = period;
            row.changes.push_back("employment");
        } else if (same_start->end != period->end || !(same_start->fraction == period->fraction)) {
            r.problem(Column::start, "an employment period starting that day exists with another end or regime; change it in the app");
        }
    }
    row.worker = w;
    row.action = row.changes.empty() ? ImportAction::unchanged : ImportAction::update;
}

}  // namespace

std::optional<Rational> parse_fraction_cell(std::string text) {
    text = trimmed(text);
    bool percent = false;
    if (!text.empty() && text.back() == '%') {
        percent = true;
        text = trimmed(text.substr(0, text.size() - 1));
    }
    std::replace(text.begin(), text.end(), ',', '.');
    std::optional<Rational> value;
    if (auto slash = text.find('/'); slash != std::string::npos && !percent) {
        auto num = Rational::parse_decimal(trimmed(text.substr(0, slash)));
        auto den = Rational::parse_decimal(trimmed(text.substr(slash + 1)));
        if (num && den && !(*den == Rational(0))) value = num->divided_by(*den);
    } else {
        value = Rational::parse_decimal(text);
    }
    if (value && percent) value = value->divided_by(Rational(100));
    return value;
}

std::optional<CivilDate> parse_date_cell(const std::string& raw) {
    const std::string text = trimmed(raw);
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

ImportPlan plan_payroll_import(const std::vector<CsvRecord>& records, const std::vector<ExistingWorker>& existing,
                               const std::vector<DepartmentRecord>& departments, const std::string& employer_id,
                               const Rational& full_time_weekly_hours) {
    ImportPlan plan;
    if (records.empty()) {
        plan.file_problems.push_back({1, 0, "header", "the file is empty"});
        return plan;
    }
    std::map<Column, int> columns;
    const CsvRecord& header = records.front();
    for (size_t i = 0; i < header.cells.size(); ++i) {
        auto c = column_for(header.cells[i]);
        const int column = static_cast<int>(i) + 1;
        if (!c) plan.file_problems.push_back({header.line, column, "header", "unknown column"});
        else if (columns.count(*c)) plan.file_problems.push_back({header.line, column, column_name(*c), "this column appears twice"});
        else columns[*c] = static_cast<int>(i);
    }
    for (Column required : {Column::national_number, Column::start})
        if (!columns.count(required)) plan.file_problems.push_back({header.line, 0, column_name(required), "this column is required"});
    if (!plan.file_problems.empty()) return plan;

    // National numbers that appear on more than one row: which row is right is for HR to say.
    std::map<std::string, int> seen;
    for (size_t i = 1; i < records.size(); ++i) {
        const auto& cells = records[i].cells;
        const int at = columns[Column::national_number];
        if (at < static_cast<int>(cells.size()))
            if (auto n = NationalNumber::parse(trimmed(cells[static_cast<size_t>(at)]))) ++seen[n->digits()];
    }
    for (size_t i = 1; i < records.size(); ++i) {
        const CsvRecord& record = records[i];
        PlannedRow row;
        row.line = record.line;
        RowReader r{record, columns, row};
        if (record.cells.size() != header.cells.size()) {
            row.problems.push_back({record.line, 0, "row", "expected " + std::to_string(header.cells.size()) + " cells, found " +
                                                               std::to_string(record.cells.size())});
        } else {
            auto nn = NationalNumber::parse(r.cell(Column::national_number));
            if (!nn) r.problem(Column::national_number, "not a valid national number");
            else if (seen[nn->digits()] > 1) r.problem(Column::national_number, "the same national number is on another row");
            WorkerChange change;
            std::optional<EmploymentPeriod> period;
            read_cells(r, departments, full_time_weekly_hours, change, period);
            if (nn) plan_row(row, change, period, find_existing(existing, nn->digits()), employer_id, nn->digits(), r);
        }
        if (!row.problems.empty()) row.action = ImportAction::rejected;
        switch (row.action) {
            case ImportAction::create: ++plan.created; break;
            case ImportAction::update: ++plan.updated; break;
            case ImportAction::unchanged: ++plan.unchanged; break;
            case ImportAction::rejected: ++plan.rejected; break;
        }
        plan.rows.push_back(std::move(row));
    }
    return plan;
}

}  // namespace ll
