// The ledger of one worker's training right: stored entries (trainings, grants, corrections,
// opening balances) folded with derived ones (yearly right, carry-over, expiry) into balances per
// year. Lots are consumed oldest first; every figure carries its explanation lines.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "entitlement.h"
#include "entitlement_memo.h"

namespace ll {

enum class EntryKind { training, complementary_grant, correction, opening_balance };
enum class EntryStatus { draft, submitted, approved, rejected, withdrawn };

struct LedgerEntry {
    std::string id;
    EntryKind kind = EntryKind::training;
    EntryStatus status = EntryStatus::approved;
    CivilDate date;            // training day, grant day, correction day; its year is the entry's year
    long long minutes = 0;     // trainings, grants, openings: > 0; corrections: signed (+ credit, - debit)
    std::string title;         // training title, grant or correction reason
    bool counts_for_right = true;         // trainings outside the right (e.g. Flemish training leave) do not consume
    std::optional<int> origin_year;       // opening balances: the year the days come from
};

enum class TerminationReason { resignation, serious_cause, dismissal, other };

struct Termination {
    CivilDate date;  // last day of the contract
    TerminationReason reason = TerminationReason::other;
};

struct WorkerFacts {
    std::vector<EmploymentPeriod> employment;
    std::string joint_committee;
    std::map<int, Rational> company_fte;  // per year
    std::optional<Rational> full_time_weekly_hours;
    std::optional<Termination> termination;
};

struct LedgerOptions {
    int from_year = 0;
    int to_year = 0;
    bool count_pending = false;  // also count submitted trainings against the balance
    // Explanation lines (and the lots carried out, their breakdown) cost most of a fold; bulk figures
    // (team tables, exports) skip them and get the very same numbers.
    bool explain = true;
};

// Within one origin year lots are consumed in this order: the right before other credits.
enum class LotSource { right, opening, correction, complementary };

// Days that share an origin year and a source, consumed together.
struct Lot {
    int origin_year = 0;
    LotSource source = LotSource::right;
    long long minutes = 0;
};

struct YearBalance {
    // Defined in ledger.cpp, so a new year is built member by member, without first clearing its
    // 300 bytes (what value-initializing an aggregate does): a fifth of a bulk fold's year.
    YearBalance();

    int year = 0;
    Entitlement entitlement;
    long long entitled_minutes = 0;       // the right of the year (legal or sector)
    long long complementary_minutes = 0;  // default complementary days plus grants
    long long carried_in_minutes = 0;
    long long credit_minutes = 0;         // openings and positive corrections
    long long used_minutes = 0;           // approved trainings that count, plus negative corrections
    long long pending_minutes = 0;        // submitted, not decided
    long long beyond_right_minutes = 0;   // used beyond what was available (not carried as a debt)
    long long expired_minutes = 0;        // not rolled, reset or lapsed at the end of the year
    long long remaining_minutes = 0;      // at the end of the year, before expiry
    long long carried_out_minutes = 0;
    // When what remains of this year is lost if left unused (contract end after resignation,
    // a period reset, no roll into the first period); none while it keeps carrying over.
    std::optional<CivilDate> lapses_on;
    std::vector<Lot> lots_carried_out;    // the carried-out minutes by origin (explained folds only)
    Explanation explanation;
};

struct PeriodProgress {
    int start_year = 0, end_year = 0;
    long long goal_minutes = 0;       // the rights of the period's years folded so far
    long long followed_minutes = 0;   // approved trainings that count
    long long shortfall_minutes = 0;  // goal - followed, at least 0
    bool ended = false;               // the folded years reach the period's end
};

struct EndOfContract {
    Termination termination;
    long long open_minutes = 0;  // balance when the contract ends
    bool lapses = false;         // resignation or serious cause: lost; otherwise take during notice or pay
};

struct Balance {
    long long minutes_per_day = 0;
    std::vector<YearBalance> years;
    std::vector<PeriodProgress> periods;
    std::optional<EndOfContract> end_of_contract;
};

Result<Balance> fold_ledger(const RuleSet& rules, const WorkerFacts& facts, const std::vector<LedgerEntry>& entries,
                            const LedgerOptions& options);

// Folds ledger after ledger with the same buffers, for bulk figures (team tables, exports): once the
// first ledgers have sized them, a fold into the same Balance allocates nothing, and each distinct
// yearly right is computed once. Same figures as fold_ledger, which is one fold of a fresh LedgerFolder;
// the rule set must not change while a folder lives (see EntitlementMemo).
class LedgerFolder {
public:
    // Replaces `balance` with the fold's, reusing its storage; after an error its figures mean nothing.
    Result<bool> fold(const RuleSet& rules, const WorkerFacts& facts, const std::vector<LedgerEntry>& entries,
                      const LedgerOptions& options, Balance& balance);

    struct DatedEntry {  // an entry with its year, worked out once per fold
        int year;
        const LedgerEntry* entry;
    };

private:
    std::vector<DatedEntry> by_year_;
    std::vector<Lot> lots_;
    EntitlementInput input_;
    EntitlementMemo rights_;  // figures-only folds: each distinct right computed once
    long long folds_ = 0;     // figures-only folds so far
    static constexpr long long memo_after_folds = 32;
};

// What remains of `year` once `entry`, one of its entries not yet counted (submitted), is approved,
// from the year's fold without it; nullopt when the entry is of another year (fold again instead).
std::optional<long long> remaining_if_approved(const YearBalance& year, const LedgerEntry& entry);

// The first year a fold up to `year` must start from so carry-over is right: the rule set's first
// year or the first year of employment, whichever is later.
int first_fold_year(const RuleSet& rules, const std::vector<EmploymentPeriod>& employment, int year);

// The title shown in explanation lines ("untitled" when none was given).
std::string display_title(const LedgerEntry& e);

const char* to_string(EntryKind k);
const char* to_string(EntryStatus s);
const char* to_string(TerminationReason r);
const char* to_string(LotSource s);
std::optional<EntryKind> entry_kind_from(const std::string& s);
std::optional<EntryStatus> entry_status_from(const std::string& s);
std::optional<TerminationReason> termination_reason_from(const std::string& s);

}  // namespace ll
