// Rows in, core fold out; no rule of its own.
#include "worker_figures.h"

#include "json_reader.h"
#include "national_number.h"

namespace ll::server {

Result<Balance*> WorkerFolder::fold(const RuleSet& rules, const WorkerRecord& w, const std::vector<EmploymentPeriod>& employment,
                                    const std::map<int, Rational>& company_fte, const std::vector<EntryRecord>& entries, int year,
                                    bool explain) {
    // Assignments keep the storage of the worker before (vectors, strings, the map's nodes).
    facts_.employment = employment;
    facts_.company_fte = company_fte;
    facts_.joint_committee = w.joint_committee;
    facts_.termination = w.termination;
    ledger_.resize(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) ledger_[i] = entries[i].entry;
    LedgerOptions options{first_fold_year(rules, employment, year), year, false};
    options.explain = explain;
    if (auto r = folder_.fold(rules, facts_, ledger_, options, balance_); !r) return as_lookup_error(r.error());
    return &balance_;
}

Result<EmployerFacts> employer_facts(ApiContext& ctx, Transaction& tx, const std::string& employer_id, const WorkerReach& reach) {
    EmployerFacts f;
    f.rules = rules_for(ctx, tx, employer_id);
    if (!f.rules) return make_error("storage_error", "the employer's rule set is not available");
    auto sizes = tx.company_sizes(employer_id);
    if (!sizes) return sizes.error();
    auto employment = tx.employment_of_employer(employer_id, reach);
    if (!employment) return employment.error();
    f.company_fte = std::move(*sizes);
    f.employment = std::move(*employment);
    return f;
}

const std::vector<EmploymentPeriod>& employment_of(const EmployerFacts& f, const std::string& worker_id) {
    static const std::vector<EmploymentPeriod> none;
    auto it = f.employment.find(worker_id);
    return it == f.employment.end() ? none : it->second;
}

Result<ComplianceFacts> compliance_facts(Transaction& tx, const std::string& employer_id, EmployerFacts& f) {
    ComplianceFacts c;
    auto workers = tx.workers(employer_id, WorkerFilter{});
    if (!workers) return workers.error();
    auto done = tx.fulfilments(employer_id);
    if (!done) return done.error();
    c.company_fte = f.company_fte;
    for (const auto& w : *workers) c.workers.push_back({w.id, w.display_name, employment_of(f, w.id)});
    c.done = std::move(*done);
    return c;
}

namespace {

// The people of the employer as the plan's realised figures see them: gender, birth date, trainings.
Result<std::vector<PlanPerson>> plan_people(Transaction& tx, const std::string& employer_id) {
    auto workers = tx.workers(employer_id, WorkerFilter{});
    if (!workers) return workers.error();
    auto entries = tx.entries_of_employer(employer_id, every_worker);
    if (!entries) return entries.error();
    std::vector<PlanPerson> people;
    for (const auto& w : *workers) {
        PlanPerson p;
        p.gender = w.gender;
        if (w.national_number)
            if (auto nn = NationalNumber::parse(*w.national_number)) p.birth_date = nn->birth_date();
        if (auto it = entries->find(w.id); it != entries->end())
            for (const auto& e : it->second)
                if (e.entry.kind == EntryKind::training && e.entry.status == EntryStatus::approved)
                    p.trainings.push_back({e.entry.date, e.training_type, e.entry.minutes});
        people.push_back(std::move(p));
    }
    return people;
}

}  // namespace

Result<PlanWithProgress> training_plan_of(Transaction& tx, const std::string& employer_id, int year) {
    PlanWithProgress out;
    auto stored = tx.training_plan(employer_id, year);
    if (!stored) return stored.error();
    if (*stored) {
        auto j = parse_json((*stored)->plan_json);
        if (!j) return make_error("storage_error", "the stored training plan is unreadable");
        auto plan = training_plan_from_json(*j);
        if (!plan) return make_error("storage_error", "the stored training plan is unreadable");
        out.plan = std::move(*plan);
        out.plan.version = (*stored)->version;
    } else {
        out.plan.year = year;
        out.plan.from = *CivilDate::from_ymd(year, 1, 1);
        out.plan.to = *CivilDate::from_ymd(year, 12, 31);
    }
    auto people = plan_people(tx, employer_id);
    if (!people) return people.error();
    out.progress = plan_progress(out.plan, *people);
    return out;
}

Error as_lookup_error(Error e) {
    if (e.field.rfind("company_fte.", 0) == 0) return make_error("not_found", e.message, "year");
    return e;
}

Result<WorkerYear> load_worker_year(ApiContext& ctx, Transaction& tx, const WorkerRecord& w, int year) {
    WorkerYear out;
    out.rules = rules_for(ctx, tx, w.employer_id);
    if (!out.rules) return make_error("storage_error", "the employer's rule set is not available");
    if (auto c = out.rules->covers(year); !c) return c.error();
    auto employment = tx.employment(w.employer_id, w.id);
    if (!employment) return employment.error();
    auto sizes = tx.company_sizes(w.employer_id);
    if (!sizes) return sizes.error();
    out.facts.employment = std::move(*employment);
    out.facts.company_fte = std::move(*sizes);
    out.facts.joint_committee = w.joint_committee;
    out.facts.termination = w.termination;
    return out;
}

Result<YearView> worker_year_view(ApiContext& ctx, Transaction& tx, const WorkerRecord& w, int year) {
    auto wy = load_worker_year(ctx, tx, w, year);
    if (!wy) return wy.error();
    auto entries = tx.entries_of(w.employer_id, w.id);
    if (!entries) return entries.error();
    WorkerFolder folder;
    auto balance = folder.fold(*wy->rules, w, wy->facts.employment, wy->facts.company_fte, *entries, year, true);
    if (!balance) return balance.error();
    std::vector<EntryRecord> of_year;
    for (const auto& e : *entries)
        if (e.entry.date.year() == year) of_year.push_back(e);
    return year_view(w.id, **balance, std::move(of_year));
}

}  // namespace ll::server
