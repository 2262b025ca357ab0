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

Error as_lookup_error(Error e) {
    if (e.field.rfind("company_fte.", 0) == 0) return make_error("not_found", e.message, "year");
    return e;
}

}  // namespace ll::server
