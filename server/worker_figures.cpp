// Rows in, core fold out; no rule of its own.
#include "worker_figures.h"

namespace ll::server {

Result<Balance> fold_worker(const RuleSet& rules, const WorkerRecord& w, const std::vector<EmploymentPeriod>& employment,
                            const std::map<int, Rational>& company_fte, const std::vector<EntryRecord>& entries, int year,
                            bool explain) {
    WorkerFacts facts;
    facts.employment = employment;
    facts.company_fte = company_fte;
    facts.joint_committee = w.joint_committee;
    facts.termination = w.termination;
    std::vector<LedgerEntry> ledger;
    ledger.reserve(entries.size());
    for (const auto& e : entries) ledger.push_back(e.entry);
    LedgerOptions options{first_fold_year(rules, employment, year), year, false};
    options.explain = explain;
    auto balance = fold_ledger(rules, facts, ledger, options);
    if (!balance) return as_lookup_error(balance.error());
    return balance;
}

Result<EmployerFacts> employer_facts(ApiContext& ctx, Transaction& tx, const std::string& employer_id) {
    EmployerFacts f;
    f.rules = rules_for(ctx, tx, employer_id);
    if (!f.rules) return make_error("storage_error", "the employer's rule set is not available");
    auto sizes = tx.company_sizes(employer_id);
    if (!sizes) return sizes.error();
    auto employment = tx.employment_of_employer(employer_id);
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

Error as_lookup_error(Error e) {
    if (e.field.rfind("company_fte.", 0) == 0) return make_error("not_found", e.message, "year");
    return e;
}

}  // namespace ll::server
