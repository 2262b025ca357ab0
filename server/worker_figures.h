// One worker's stored facts handed to the core's fold: the single path by which the server turns
// rows into figures, for the year view, the team table, the approval inbox and the exports alike.
#pragma once
#include <map>
#include <vector>

#include "ledger.h"
#include "records.h"
#include "api_support.h"
#include "rule_set.h"
#include "training_plan.h"
#include "year_view.h"

namespace ll::server {

// Folds a worker's ledger from the first year that matters (core's first_fold_year) up to `year`.
// Worker after worker (the team table, the FLA fields, the kiosk board) it folds in one set of
// buffers: after the first workers a fold allocates only for a title or id longer than any copied
// into its place before.
class WorkerFolder {
public:
    // The balance lives in the folder, valid until its next fold.
    Result<Balance*> fold(const RuleSet& rules, const WorkerRecord& w, const std::vector<EmploymentPeriod>& employment,
                          const std::map<int, Rational>& company_fte, const std::vector<EntryRecord>& entries, int year,
                          bool explain = false);

private:
    LedgerFolder folder_;
    WorkerFacts facts_;
    std::vector<LedgerEntry> ledger_;
    Balance balance_;
};

// Everything an employer-wide view folds with, read once per request.
struct EmployerFacts {
    const RuleSet* rules = nullptr;
    std::map<int, Rational> company_fte;
    std::map<std::string, std::vector<EmploymentPeriod>> employment;
};
// Employment is read for the workers in reach only.
Result<EmployerFacts> employer_facts(ApiContext& ctx, Transaction& tx, const std::string& employer_id,
                                     const WorkerReach& reach = every_worker);
const std::vector<EmploymentPeriod>& employment_of(const EmployerFacts& f, const std::string& worker_id);
// The employer's training plan of `year` (a new one, version 0, when none is stored) and what the
// ledger realised of each line.
struct PlanWithProgress {
    TrainingPlan plan;
    std::vector<LineProgress> progress;
};
Result<PlanWithProgress> training_plan_of(Transaction& tx, const std::string& employer_id, int year);

// What the compliance evaluation needs: the employer's workers, their employment and what is done.
Result<ComplianceFacts> compliance_facts(Transaction& tx, const std::string& employer_id, EmployerFacts& f);

// What the core needs for one worker's figures: the employer's rule set and the worker's facts.
struct WorkerYear {
    const RuleSet* rules = nullptr;
    WorkerFacts facts;
};
Result<WorkerYear> load_worker_year(ApiContext& ctx, Transaction& tx, const WorkerRecord& w, int year);
// The worker's year as the app shows it (figures, explanation lines, that year's entries).
Result<YearView> worker_year_view(ApiContext& ctx, Transaction& tx, const WorkerRecord& w, int year);

// A data gap (no company size for a year) is "not found" for the caller, naming the year.
Error as_lookup_error(Error e);

}  // namespace ll::server
