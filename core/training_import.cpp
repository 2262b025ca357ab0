// The cells become the same request body a worker's or HR's submission is, so an imported training
// passes exactly the checks a typed one does; the validator's field is mapped back to its column.
#include "training_import.h"

#include <algorithm>
#include <map>

#include "national_number.h"
#include "requests.h"

namespace ll {
namespace {

using nlohmann::json;

enum TrainingColumn { t_national_number, t_title, t_date, t_end, t_hours, t_minutes, t_provider, t_type, t_counts, t_cost, t_fund, t_subsidy, t_valid };

const std::vector<ColumnNames> training_columns = {
    {"national_number", {"insz", "niss", "rijksregisternummer", "numéro_national", "numero_national"}},
    {"title", {"titel", "titre", "course", "opleiding", "formation"}},
    {"date", {"start", "start_date", "datum", "begin", "date_début", "début"}},
    {"end_date", {"end", "einde", "einddatum", "date_fin", "fin"}},
    {"hours", {"duration", "duur", "durée", "uren", "heures"}},
    {"minutes", {"minuten"}},
    {"provider", {"aanbieder", "opleider", "organisme", "prestataire"}},
    {"type", {"training_type", "soort", "genre"}},
    {"counts_for_right", {"counts", "telt_mee", "compte"}},
    {"cost", {"cost_eur", "kost", "kostprijs", "coût"}},
    {"fund", {"fund_contributions", "fonds", "sectorfonds"}},
    {"subsidy", {"subsidies", "subsidie", "subside", "subsides"}},
    {"certificate_valid_until", {"valid_until", "geldig_tot", "valable_jusqu'au", "gültig_bis"}},
};

enum OpeningColumn { o_national_number, o_origin_year, o_date, o_days, o_hours, o_note };

const std::vector<ColumnNames> opening_columns = {
    {"national_number", {"insz", "niss", "rijksregisternummer", "numéro_national", "numero_national"}},
    {"origin_year", {"year", "jaar", "année", "from_year"}},
    {"date", {"as_of", "datum", "op", "au"}},
    {"days", {"dagen", "jours"}},
    {"hours", {"uren", "heures"}},
    {"note", {"reason", "opmerking", "remarque"}},
};

std::optional<std::string> training_type_from(const std::string& text) {
    const std::string k = cell_key(text);
    if (k.empty() || k == "formal" || k == "formeel" || k == "formel" || k == "formelle") return std::string("formal");
    if (k == "informal" || k == "informeel" || k == "informel" || k == "informelle") return std::string("informal");
    if (k == "initial" || k == "initieel" || k == "initiale") return std::string("initial");
    return std::nullopt;
}

// The worker a row is for (named on the row), or a problem: unknown, or the importer's own record.
const ExistingWorker* matched_worker(ImportCells& r, PlannedRow& row, int column, const WorkersByNationalNumber& workers,
                                     const EntryImportScope& scope) {
    auto nn = NationalNumber::parse(r.cell(column));
    if (!nn) {
        r.problem(column, "not a valid national number");
        return nullptr;
    }
    const ExistingWorker* w = workers.find(nn->digits());
    if (!w) r.problem(column, "no worker with this national number; import the payroll file first");
    else if (!scope.importer_worker_id.empty() && w->record.id == scope.importer_worker_id)
        r.problem(column, "this is your own record: nobody imports entries for themselves");
    if (w) {  // refused rows say whose they are too
        row.worker_id = w->record.id;
        row.name = w->record.display_name;
    }
    return w;
}

bool same_training(const EntryRecord& a, const EntryRecord& b) {
    return a.entry.kind == EntryKind::training && a.entry.date == b.entry.date && a.entry.title == b.entry.title &&
           a.entry.minutes == b.entry.minutes && a.entry.status != EntryStatus::rejected && a.entry.status != EntryStatus::withdrawn;
}

// Imported entries are the worker's, in the employer's ledger, approved by the importing HR.
EntryRecord entry_for(const ExistingWorker& w, const EntryImportScope& scope, EntryRecord e) {
    e.employer_id = scope.employer_id;
    e.worker_id = w.record.id;
    e.entry.status = EntryStatus::approved;
    return e;
}

// The cells as the body of a training submission; problems for cells that are no value at all.
json training_body(ImportCells& r) {
    json body = {{"title", r.cell(t_title)}};
    auto date_of = [&](int column, const char* field, bool required) {
        const std::string text = r.cell(column);
        if (text.empty()) {
            if (required) r.problem(column, "the training's first day is required");
            return;
        }
        if (auto d = parse_date_cell(text)) body[field] = d->iso();
        else r.problem(column, "expected a date like 2026-03-31 or 31/03/2026");
    };
    date_of(t_date, "date", true);
    date_of(t_end, "end_date", false);
    date_of(t_valid, "certificate_valid_until", false);
    if (const std::string h = r.cell(t_hours); !h.empty()) {
        if (auto m = parse_hours_cell(h)) body["minutes"] = *m;
        else r.problem(t_hours, "expected hours like 7:36 or 7,5 (whole minutes)");
    } else if (const std::string m = r.cell(t_minutes); !m.empty()) {
        if (m.size() <= 9 && m.find_first_not_of("0123456789") == std::string::npos) body["minutes"] = std::stoll(m);
        else r.problem(t_minutes, "expected a whole number of minutes");
    } else {
        r.problem(r.has(t_hours) ? t_hours : t_minutes, "the duration is required");
    }
    if (const std::string p = r.cell(t_provider); !p.empty()) body["provider"] = p;
    if (auto type = training_type_from(r.cell(t_type))) body["training_type"] = *type;
    else r.problem(t_type, "expected formal, informal or initial");
    if (const std::string c = r.cell(t_counts); !c.empty()) {
        if (auto yes = parse_yes_no_cell(c)) body["counts_for_right"] = *yes;
        else r.problem(t_counts, "expected yes or no");
    }
    for (auto [column, field] : {std::pair{t_cost, "cost_cents"}, {t_fund, "fund_cents"}, {t_subsidy, "subsidy_cents"}}) {
        if (const std::string c = r.cell(column); !c.empty()) {
            auto cents = parse_euro_cell(c);
            if (!cents) r.problem(column, "expected an amount in euros like 1234,50");
            else if (*cents > requests::max_amount_cents) r.problem(column, "more than a billion euros: check the amount");
            else body[field] = *cents;
        }
    }
    return body;
}

int column_of_field(const std::string& field, const ImportCells& r) {
    static const std::map<std::string, int> columns = {
        {"title", t_title}, {"date", t_date}, {"end_date", t_end}, {"provider", t_provider}, {"training_type", t_type},
        {"counts_for_right", t_counts}, {"cost_cents", t_cost}, {"fund_cents", t_fund}, {"subsidy_cents", t_subsidy},
        {"certificate_valid_until", t_valid}};
    if (field == "minutes") return r.has(t_hours) ? t_hours : t_minutes;
    auto it = columns.find(field);
    return it == columns.end() ? t_title : it->second;
}

void plan_training_row(ImportCells& r, PlannedRow& row, const WorkersByNationalNumber& workers, const EntryImportScope& scope,
                       std::map<std::string, int>& seen) {
    const ExistingWorker* w = matched_worker(r, row, t_national_number, workers, scope);
    const json body = training_body(r);
    if (!row.problems.empty()) return;
    auto t = requests::training(body);
    if (!t) return r.problem(column_of_field(t.error().field, r), t.error().message);
    EntryRecord e = entry_for(*w, scope, requests::training_entry(*t));
    const std::string key = w->record.id + '\n' + e.entry.date.iso() + '\n' + e.entry.title + '\n' + std::to_string(e.entry.minutes);
    if (auto [at, fresh] = seen.emplace(key, row.line); !fresh)
        return r.problem(t_title, "the same training is on line " + std::to_string(at->second));
    const bool known = std::any_of(w->entries.begin(), w->entries.end(), [&](const EntryRecord& x) { return same_training(x, e); });
    row.action = known ? ImportAction::unchanged : ImportAction::create;
    row.entry = std::move(e);
}

// Days (full-time days, decimal comma) or hours of an opening balance, in minutes; up in the
// worker's favour when a day's share is no whole minute.
std::optional<long long> opening_minutes(ImportCells& r, const EntryImportScope& scope) {
    if (const std::string d = r.cell(o_days); !d.empty()) {
        auto days = parse_fraction_cell(d);
        auto minutes = days ? days->times(scope.full_time_weekly_hours.times(Rational(12)).value_or(Rational(0))) : std::nullopt;
        if (!minutes || *minutes <= Rational(0) || *minutes > Rational(requests::max_minutes_per_day * 366)) {
            r.problem(o_days, "expected a number of days above 0 like 2,5");
            return std::nullopt;
        }
        return minutes->ceil();
    }
    if (const std::string h = r.cell(o_hours); !h.empty()) {
        auto minutes = parse_hours_cell(h);
        if (!minutes || *minutes <= 0 || *minutes > requests::max_minutes_per_day * 366) {
            r.problem(o_hours, "expected hours above 0 like 7:36 or 7,5");
            return std::nullopt;
        }
        return minutes;
    }
    r.problem(r.has(o_days) ? o_days : o_hours, "the balance is required (days or hours)");
    return std::nullopt;
}

void plan_opening_row(ImportCells& r, PlannedRow& row, const WorkersByNationalNumber& workers, const EntryImportScope& scope,
                      std::map<std::string, int>& seen) {
    const ExistingWorker* w = matched_worker(r, row, o_national_number, workers, scope);
    const std::string year_text = r.cell(o_origin_year);
    std::optional<int> origin;
    if (year_text.size() == 4 && year_text.find_first_not_of("0123456789") == std::string::npos) origin = std::stoi(year_text);
    else r.problem(o_origin_year, "expected the year the days come from, like 2025");
    auto date = parse_date_cell(r.cell(o_date));
    if (!date) r.problem(o_date, "expected the day the balance is taken over, like 2026-01-01 or 01/01/2026");
    else if (origin && (*origin > date->year() || *origin < date->year() - 5))
        r.problem(o_origin_year, "the days must come from the year of the date or one of the five before it");
    auto minutes = opening_minutes(r, scope);
    const std::string note = r.cell(o_note);
    if (note.size() > 200) r.problem(o_note, "at most 200 characters");
    if (!row.problems.empty()) return;
    EntryRecord e = entry_for(*w, scope, EntryRecord{});
    e.entry.kind = EntryKind::opening_balance;
    e.entry.date = *date;
    e.entry.minutes = *minutes;
    e.entry.origin_year = origin;
    e.entry.title = note.empty() ? "Opening balance" : note;
    if (auto [at, fresh] = seen.emplace(w->record.id + '\n' + year_text, row.line); !fresh)
        return r.problem(o_origin_year, "this worker's opening from that year is on line " + std::to_string(at->second));
    for (const auto& x : w->entries) {
        if (x.entry.kind != EntryKind::opening_balance || x.entry.origin_year != origin) continue;
        if (x.entry.minutes != e.entry.minutes || x.entry.date != e.entry.date)
            return r.problem(o_origin_year, "an other opening balance from that year exists; record a correction in the app instead");
        row.action = ImportAction::unchanged;
        row.entry = std::move(e);
        return;
    }
    row.action = ImportAction::create;
    row.entry = std::move(e);
}

template <class PlanRow>
ImportPlan plan_entries(ImportKind kind, const std::vector<CsvRecord>& records, const std::vector<ColumnNames>& names,
                        std::initializer_list<int> required, std::initializer_list<int> one_of, PlanRow plan_row) {
    ImportPlan plan;
    plan.kind = kind;
    if (records.empty()) {
        plan.file_problems.push_back({1, 0, "header", "the file is empty"});
        return plan;
    }
    const ImportColumns columns(records.front(), names, required, plan.file_problems);
    if (std::none_of(one_of.begin(), one_of.end(), [&](int c) { return columns.index_of(c).has_value(); }))
        plan.file_problems.push_back({records.front().line, 0, columns.name_of(*one_of.begin()), "this column (or " +
                                                                   std::string(columns.name_of(*std::prev(one_of.end()))) + ") is required"});
    if (!plan.file_problems.empty()) return plan;
    std::map<std::string, int> seen;  // what the file has had so far -> its line
    for (size_t i = 1; i < records.size(); ++i) {
        PlannedRow row;
        ImportCells r(records[i], columns, row);
        if (r.width_ok()) plan_row(r, row, seen);
        add_row(plan, std::move(row));
    }
    return plan;
}

}  // namespace

ImportPlan plan_training_import(const std::vector<CsvRecord>& records, const std::vector<ExistingWorker>& existing,
                                const EntryImportScope& scope) {
    const WorkersByNationalNumber workers(existing);
    return plan_entries(ImportKind::trainings, records, training_columns, {t_national_number, t_title, t_date}, {t_hours, t_minutes},
                        [&](ImportCells& r, PlannedRow& row, std::map<std::string, int>& seen) { plan_training_row(r, row, workers, scope, seen); });
}

ImportPlan plan_opening_import(const std::vector<CsvRecord>& records, const std::vector<ExistingWorker>& existing,
                               const EntryImportScope& scope) {
    const WorkersByNationalNumber workers(existing);
    return plan_entries(ImportKind::openings, records, opening_columns, {o_national_number, o_origin_year, o_date}, {o_days, o_hours},
                        [&](ImportCells& r, PlannedRow& row, std::map<std::string, int>& seen) { plan_opening_row(r, row, workers, scope, seen); });
}

Result<std::vector<CsvRecord>> feed_records_from_json(const json& feed, size_t max_items) {
    const json* items = &feed;
    if (feed.is_object()) {
        auto it = feed.find("trainings");
        if (it == feed.end() || feed.size() != 1) return make_error("wrong_type", "expected an array of trainings or {\"trainings\": [...]}", "trainings");
        items = &*it;
    }
    if (!items->is_array()) return make_error("wrong_type", "expected an array of trainings", "trainings");
    if (items->size() > max_items) return make_error("too_large", "at most " + std::to_string(max_items) + " trainings in one file", "trainings");
    CsvRecord header{0, {}};
    std::map<std::string, size_t> column;
    for (size_t i = 0; i < items->size(); ++i) {
        const json& item = (*items)[i];
        if (!item.is_object()) return make_error("wrong_type", "expected an object", "[" + std::to_string(i) + "]");
        for (const auto& [key, value] : item.items())
            if (column.emplace(key, header.cells.size()).second) header.cells.push_back(key);
    }
    std::vector<CsvRecord> records{header};
    for (size_t i = 0; i < items->size(); ++i) {
        CsvRecord r{static_cast<int>(i) + 1, std::vector<std::string>(header.cells.size())};
        for (const auto& [key, value] : (*items)[i].items()) {
            std::string& cell = r.cells[column[key]];
            if (value.is_string()) cell = value.get<std::string>();
            else if (value.is_boolean()) cell = value.get<bool>() ? "yes" : "no";
            else if (value.is_number()) cell = value.dump();
            else if (!value.is_null()) return make_error("wrong_type", "expected text, a number or true/false", "[" + std::to_string(i) + "]." + key);
        }
        records.push_back(std::move(r));
    }
    return records;
}

}  // namespace ll
