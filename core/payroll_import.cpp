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

namespace {

enum PayrollColumn { p_national_number, p_name, p_department, p_joint_committee, p_language, p_gender, p_site, p_start, p_end, p_fraction, p_weekly_hours };

const std::vector<ColumnNames> payroll_columns = {
    {"national_number", {"insz", "niss", "rijksregisternummer", "numéro_national", "numero_national"}},
    {"name", {"display_name", "naam", "nom"}},
    {"department", {"afdeling", "service", "département"}},
    {"joint_committee", {"pc", "cp", "paritair_comité", "commission_paritaire"}},
    {"language", {"taal", "langue"}},
    {"gender", {"geslacht", "sexe"}},
    {"site", {"vestiging", "site_de_travail", "werkplaats"}},
    {"start", {"start_date", "begin", "in_dienst", "date_d'entrée", "entrée"}},
    {"end", {"end_date", "einde", "uit_dienst", "date_de_sortie", "sortie"}},
    {"fraction", {"regime", "régime", "tewerkstellingsbreuk", "fraction_d'occupation"}},
    {"weekly_hours", {"uren_per_week", "heures_par_semaine"}},
};

std::optional<std::string> gender_from(const std::string& text) {
    const std::string k = cell_key(text);
    if (k.empty()) return std::string();
    for (const char* f : {"female", "f", "v", "vrouw", "femme", "w"})
        if (k == f) return std::string("female");
    for (const char* m : {"male", "m", "man", "homme", "h"})
        if (k == m) return std::string("male");
    return std::nullopt;
}

// Cells into a worker record and a period; problems are recorded on the row.
void read_cells(ImportCells& r, const std::vector<DepartmentRecord>& departments, const Rational& full_time_weekly_hours,
                WorkerChange& change, std::optional<EmploymentPeriod>& period) {
    if (auto name = r.cell(p_name); !name.empty()) {
        if (name.size() > 200) r.problem(p_name, "at most 200 characters");
        else change.display_name = name;
    }
    if (auto dep = r.cell(p_department); !dep.empty()) {
        auto it = std::find_if(departments.begin(), departments.end(), [&](const DepartmentRecord& d) { return d.name == dep; });
        if (it == departments.end()) r.problem(p_department, "no department of that name");
        else change.department_id = it->id;
    }
    if (auto pc = r.cell(p_joint_committee); !pc.empty()) {
        if (!is_joint_committee_code(pc)) r.problem(p_joint_committee, "expected a joint committee code like 200 or 305.02.09");
        else change.joint_committee = pc;
    }
    if (auto lang = cell_key(r.cell(p_language)); !lang.empty()) {
        if (!requests::is_language(lang)) r.problem(p_language, "expected nl, fr, de or en");
        else change.language = lang;
    }
    if (r.has(p_gender)) {
        auto g = gender_from(r.cell(p_gender));
        if (!g) r.problem(p_gender, "expected female (F, V) or male (M)");
        else if (!g->empty()) change.gender = *g;
    }
    if (auto site = r.cell(p_site); !site.empty()) {
        if (site.size() > 100) r.problem(p_site, "at most 100 characters");
        else change.site = site;
    }
    const std::string start_text = r.cell(p_start), end_text = r.cell(p_end);
    auto start = parse_date_cell(start_text);
    if (!start) r.problem(p_start, start_text.empty() ? "the first day of employment is required" : "expected a date like 2026-01-31 or 31/01/2026");
    std::optional<CivilDate> end;
    if (!end_text.empty()) {
        end = parse_date_cell(end_text);
        if (!end) r.problem(p_end, "expected a date like 2026-12-31 or 31/12/2026");
        else if (start && *end < *start) r.problem(p_end, "the last day is before the first");
    }
    std::optional<Rational> fraction;
    if (auto f = r.cell(p_fraction); !f.empty()) {
        fraction = parse_fraction_cell(f);
        if (!fraction || *fraction <= Rational(0) || *fraction > Rational(1)) {
            r.problem(p_fraction, "expected a share of full time between 0 and 1 (0,8 or 80%)");
            fraction.reset();
        }
    } else if (auto h = r.cell(p_weekly_hours); !h.empty()) {
        auto hours = parse_fraction_cell(h);
        if (hours) fraction = fraction_from_hours(*hours, full_time_weekly_hours);
        if (!fraction || *fraction <= Rational(0) || *fraction > Rational(1)) {
            r.problem(p_weekly_hours, "expected hours per week up to the full-time week");
            fraction.reset();
        }
    } else {
        fraction = Rational(1);  // no regime given: full time
    }
    if (start && fraction && (end_text.empty() || end)) period = EmploymentPeriod{*start, end, *fraction};
}

void plan_row(PlannedRow& row, const WorkerChange& change, const std::optional<EmploymentPeriod>& period, const ExistingWorker* match,
              const std::string& employer_id, const std::string& digits, ImportCells& r) {
    if (!match) {
        if (!change.display_name) r.problem(p_name, "a new worker needs a name");
        WorkerRecord& w = row.worker;
        w.employer_id = employer_id;
        w.display_name = change.display_name.value_or("");
        w.department_id = change.department_id.value_or("");
        w.joint_committee = change.joint_committee.value_or("");
        w.language = change.language.value_or("nl");
        w.gender = change.gender.value_or("");
        w.site = change.site.value_or("");
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
    set(change.site, w.site, "site");
    if (period) {
        auto same_start = std::find_if(match->employment.begin(), match->employment.end(),
                                       [&](const EmploymentPeriod& p) { return p.start == period->start; });
        if (same_start == match->employment.end()) {
            row.new_period = period;
            row.changes.push_back("employment");
        } else if (same_start->end != period->end || !(same_start->fraction == period->fraction)) {
            r.problem(p_start, "an employment period starting that day exists with another end or regime; change it in the app");
        }
    }
    row.worker = w;
    row.action = row.changes.empty() ? ImportAction::unchanged : ImportAction::update;
}

}  // namespace

ImportPlan plan_payroll_import(const std::vector<CsvRecord>& records, const std::vector<ExistingWorker>& existing,
                               const std::vector<DepartmentRecord>& departments, const std::string& employer_id,
                               const Rational& full_time_weekly_hours) {
    ImportPlan plan;
    if (records.empty()) {
        plan.file_problems.push_back({1, 0, "header", "the file is empty"});
        return plan;
    }
    const CsvRecord& header = records.front();
    const ImportColumns columns(header, payroll_columns, {p_national_number, p_start}, plan.file_problems);
    if (!plan.file_problems.empty()) return plan;

    // National numbers that appear on more than one row: which row is right is for HR to say.
    std::map<std::string, int> seen;
    const WorkersByNationalNumber workers(existing);
    for (size_t i = 1; i < records.size(); ++i) {
        PlannedRow scratch;
        if (auto n = NationalNumber::parse(ImportCells(records[i], columns, scratch).cell(p_national_number))) ++seen[n->digits()];
    }
    for (size_t i = 1; i < records.size(); ++i) {
        PlannedRow row;
        ImportCells r(records[i], columns, row);
        if (r.width_ok()) {
            auto nn = NationalNumber::parse(r.cell(p_national_number));
            if (!nn) r.problem(p_national_number, "not a valid national number");
            else if (seen[nn->digits()] > 1) r.problem(p_national_number, "the same national number is on another row");
            WorkerChange change;
            std::optional<EmploymentPeriod> period;
            read_cells(r, departments, full_time_weekly_hours, change, period);
            if (nn) plan_row(row, change, period, workers.find(nn->digits()), employer_id, nn->digits(), r);
        }
        add_row(plan, std::move(row));
    }
    return plan;
}

}  // namespace ll
