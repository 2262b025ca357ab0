// The fold. Within a year every credit is added before any debit, so the result depends on the
// year's totals, never on the order of same-year entries; across years lots carry oldest first.
#include "ledger.h"

#include <algorithm>
#include <numeric>
#include <span>

namespace ll {

const char* to_string(EntryKind k) {
    switch (k) {
        case EntryKind::training: return "training";
        case EntryKind::complementary_grant: return "complementary_grant";
        case EntryKind::correction: return "correction";
        case EntryKind::opening_balance: return "opening_balance";
    }
    return "";
}

const char* to_string(EntryStatus s) {
    switch (s) {
        case EntryStatus::draft: return "draft";
        case EntryStatus::submitted: return "submitted";
        case EntryStatus::approved: return "approved";
        case EntryStatus::rejected: return "rejected";
        case EntryStatus::withdrawn: return "withdrawn";
    }
    return "";
}

const char* to_string(LotSource s) {
    switch (s) {
        case LotSource::right: return "right";
        case LotSource::opening: return "opening";
        case LotSource::correction: return "correction";
        case LotSource::complementary: return "complementary";
    }
    return "";
}

const char* to_string(TerminationReason r) {
    switch (r) {
        case TerminationReason::resignation: return "resignation";
        case TerminationReason::serious_cause: return "serious_cause";
        case TerminationReason::dismissal: return "dismissal";
        case TerminationReason::other: return "other";
    }
    return "";
}

YearBalance::YearBalance() = default;

std::string display_title(const LedgerEntry& e) { return e.title.empty() ? "untitled" : e.title; }

namespace {

// Fold years lie inside the rule set's range, which CivilDate covers.
CivilDate year_end(int year) {
    auto d = CivilDate::from_ymd(year, 12, 31);
    return d ? *d : CivilDate();
}

template <class E, size_t N>
std::optional<E> from_string(const std::string& s, const E (&all)[N]) {
    for (E e : all)
        if (s == to_string(e)) return e;
    return std::nullopt;
}

}  // namespace

std::optional<EntryKind> entry_kind_from(const std::string& s) {
    const EntryKind all[] = {EntryKind::training, EntryKind::complementary_grant, EntryKind::correction, EntryKind::opening_balance};
    return from_string(s, all);
}

std::optional<EntryStatus> entry_status_from(const std::string& s) {
    const EntryStatus all[] = {EntryStatus::draft, EntryStatus::submitted, EntryStatus::approved, EntryStatus::rejected,
                               EntryStatus::withdrawn};
    return from_string(s, all);
}

std::optional<TerminationReason> termination_reason_from(const std::string& s) {
    const TerminationReason all[] = {TerminationReason::resignation, TerminationReason::serious_cause,
                                     TerminationReason::dismissal, TerminationReason::other};
    return from_string(s, all);
}

namespace {

using Args = std::vector<std::pair<std::string, std::string>>;

using DatedEntry = LedgerFolder::DatedEntry;

// One fold, in the buffers of a LedgerFolder and the caller's Balance.
class Folder {
public:
    Folder(const RuleSet& rules, const WorkerFacts& facts, const LedgerOptions& options, std::vector<Lot>& lots,
           EntitlementInput& input, EntitlementMemo* rights, Balance& balance)
        : rules_(rules),
          facts_(facts),
          options_(options),
          input_(input),
          rights_(rights),
          period_end_(rules.period_end_for(facts.joint_committee)),
          lots_(lots),
          balance_(balance) {}

    Result<bool> run(std::span<const DatedEntry> by_year);

private:
    using EntryRange = std::span<const DatedEntry>;

    std::string duration(long long minutes) const { return format_days_and_minutes(minutes, balance_.minutes_per_day); }
    Args entry_args(const LedgerEntry& x, long long minutes) const {
        return {{"title", display_title(x)}, {"date", x.date.iso()}, {"duration", duration(minutes)}};
    }
    void add_lot(int origin, LotSource source, long long minutes);
    long long consume(long long minutes);  // returns what could not be covered
    long long total() const;
    long long expire_all();
    Result<bool> fold_year(int year, EntryRange entries);
    Result<bool> set_right(YearBalance& yb, const YearBalance* year_before, const Rational& company_fte);
    bool employment_as_year_before(int year) const;
    void add_credits(YearBalance& yb, EntryRange entries);
    long long add_debits(YearBalance& yb, EntryRange entries);
    void close_year(YearBalance& yb);
    void add_period_progress();
    // Arguments are built only when lines are wanted: formatting them is most of a fold's cost.
    template <class MakeArgs>
    void note(YearBalance& yb, const char* key, MakeArgs&& make_args) {
        if (options_.explain) yb.explanation.push_back({key, make_args()});
    }

    const RuleSet& rules_;
    const WorkerFacts& facts_;
    const LedgerOptions& options_;
    EntitlementInput& input_;  // the worker's part, filled once; each year sets its year and company size
    EntitlementMemo* rights_;  // bulk figures: the folder's memo; otherwise none
    PeriodEnd period_end_;     // the worker's sector's, looked up once
    std::vector<Lot>& lots_;   // oldest origin first, then by source
    Balance& balance_;
    bool ended_ = false;
};

void Folder::add_lot(int origin, LotSource source, long long minutes) {
    if (minutes <= 0) return;
    auto before = [](const Lot& a, int origin, LotSource source) {
        return a.origin_year != origin ? a.origin_year < origin : a.source < source;
    };
    auto at = std::find_if(lots_.begin(), lots_.end(), [&](const Lot& l) { return !before(l, origin, source); });
    if (at != lots_.end() && at->origin_year == origin && at->source == source)
        at->minutes += minutes;
    else
        lots_.insert(at, {origin, source, minutes});
}

long long Folder::consume(long long minutes) {
    for (auto& l : lots_) {
        long long take = std::min(l.minutes, minutes);
        l.minutes -= take;
        minutes -= take;
    }
    lots_.erase(std::remove_if(lots_.begin(), lots_.end(), [](const Lot& l) { return l.minutes == 0; }), lots_.end());
    return minutes;
}

long long Folder::total() const {
    return std::accumulate(lots_.begin(), lots_.end(), 0LL, [](long long s, const Lot& l) { return s + l.minutes; });
}

long long Folder::expire_all() {
    long long t = total();
    lots_.clear();
    return t;
}

Result<bool> Folder::fold_year(int year, EntryRange entries) {
    // Written in place: a YearBalance is ~330 bytes, and a reused Balance keeps its years' storage.
    YearBalance& yb = balance_.years.emplace_back();
    const YearBalance* year_before = balance_.years.size() > 1 ? &balance_.years[balance_.years.size() - 2] : nullptr;
    yb.year = year;
    for (const auto& l : lots_) {
        yb.carried_in_minutes += l.minutes;
        note(yb, "ledger.carried_in", [&] { return Args{{"origin_year", std::to_string(l.origin_year)}, {"duration", duration(l.minutes)}}; });
    }
    auto fte = facts_.company_fte.find(year);
    if (fte == facts_.company_fte.end())
        return make_error("missing_field", "no company size for " + std::to_string(year), "company_fte." + std::to_string(year));
    if (auto r = set_right(yb, year_before, fte->second); !r) return r.error();
    if (!ended_) {
        const Entitlement& right = yb.entitlement;
        yb.entitled_minutes = right.minutes;
        yb.complementary_minutes = right.complementary_minutes;
        add_lot(year, LotSource::right, right.minutes);
        add_lot(year, LotSource::complementary, right.complementary_minutes);
        note(yb, "ledger.right", [&] { return Args{{"year", std::to_string(year)}, {"duration", duration(right.minutes)}}; });
        if (right.complementary_minutes > 0)
            note(yb, "ledger.complementary",
                 [&] { return Args{{"year", std::to_string(year)}, {"duration", duration(right.complementary_minutes)}}; });
    }
    // Credits first, then debits: the year's result depends on its totals only.
    add_credits(yb, entries);
    yb.beyond_right_minutes = consume(add_debits(yb, entries));
    if (yb.beyond_right_minutes > 0)
        note(yb, "ledger.beyond_right", [&] { return Args{{"duration", duration(yb.beyond_right_minutes)}}; });
    close_year(yb);
    return true;
}

// Bulk folds (no explanation lines) copy the year before's right when nothing it depends on
// changed: most workers keep one contract for years, so five years cost one or two computations.
// Those left come from the folder's memo: an employer's workers share its size and a few contract shapes.
Result<bool> Folder::set_right(YearBalance& yb, const YearBalance* year_before, const Rational& company_fte) {
    if (!options_.explain && year_before && employment_as_year_before(yb.year)) {
        const Entitlement& before = year_before->entitlement;
        auto rule = rules_.days_for(yb.year, company_fte, facts_.joint_committee);
        if (!rule) return rule.error();
        if (rule->days == before.full_time_days && rule->basis == before.basis) {
            yb.entitlement = before;
            yb.entitlement.year = yb.year;
            return true;
        }
    }
    input_.year = yb.year;
    input_.company_fte = company_fte;
    if (rights_) {
        auto e = rights_->compute(rules_, input_);
        if (!e) return e.error();
        yb.entitlement = **e;
        return true;
    }
    auto e = compute_entitlement(rules_, input_);
    if (!e) return e.error();
    yb.entitlement = std::move(*e);
    return true;
}

// Each period covers every month of both years or none of them: the months' fractions are equal.
bool Folder::employment_as_year_before(int year) const {
    auto month_of = [](const CivilDate& d) { return d.year() * 12 + static_cast<int>(d.month()) - 1; };
    const int first = (year - 1) * 12, last = year * 12 + 11;
    return std::all_of(facts_.employment.begin(), facts_.employment.end(), [&](const EmploymentPeriod& p) {
        const int start = month_of(p.start), end = p.end ? month_of(*p.end) : last;
        return (start <= first && end >= last) || end < first || start > last;
    });
}

void Folder::add_credits(YearBalance& yb, EntryRange entries) {
    for (const DatedEntry& dated : entries) {
        const LedgerEntry& x = *dated.entry;
        if (x.status != EntryStatus::approved) continue;
        if (x.kind == EntryKind::complementary_grant) {
            yb.complementary_minutes += x.minutes;
            add_lot(yb.year, LotSource::complementary, x.minutes);
            note(yb, "ledger.grant", [&] { return entry_args(x, x.minutes); });
        } else if (x.kind == EntryKind::opening_balance) {
            int origin = x.origin_year.value_or(yb.year);
            yb.credit_minutes += x.minutes;
            add_lot(origin, LotSource::opening, x.minutes);
            note(yb, "ledger.opening", [&] {
                return Args{{"origin_year", std::to_string(origin)}, {"date", x.date.iso()}, {"duration", duration(x.minutes)}};
            });
        } else if (x.kind == EntryKind::correction && x.minutes > 0) {
            yb.credit_minutes += x.minutes;
            add_lot(yb.year, LotSource::correction, x.minutes);
            note(yb, "ledger.correction", [&] { return entry_args(x, x.minutes); });
        }
    }
}

// Returns the minutes the year's debits take from the lots.
long long Folder::add_debits(YearBalance& yb, EntryRange entries) {
    long long debits = 0;
    for (const DatedEntry& dated : entries) {
        const LedgerEntry& x = *dated.entry;
        if (x.kind == EntryKind::correction && x.status == EntryStatus::approved && x.minutes < 0) {
            debits += -x.minutes;
            yb.used_minutes += -x.minutes;
            note(yb, "ledger.correction", [&] { return entry_args(x, x.minutes); });
        } else if (x.kind == EntryKind::training && x.counts_for_right) {
            if (x.status == EntryStatus::approved) {
                debits += x.minutes;
                yb.used_minutes += x.minutes;
                note(yb, "ledger.training", [&] { return entry_args(x, -x.minutes); });
            } else if (x.status == EntryStatus::submitted) {
                yb.pending_minutes += x.minutes;
                if (options_.count_pending) debits += x.minutes;
                note(yb, "ledger.pending", [&] { return entry_args(x, -x.minutes); });
            }
        }
    }
    return debits;
}

void Folder::close_year(YearBalance& yb) {
    const int year = yb.year;
    yb.remaining_minutes = total();
    note(yb, "ledger.remaining", [&] { return Args{{"year", std::to_string(year)}, {"duration", duration(yb.remaining_minutes)}}; });
    if (!ended_ && facts_.termination && facts_.termination->date.year() == year) {
        const Termination& t = *facts_.termination;
        bool lapses = t.reason == TerminationReason::resignation || t.reason == TerminationReason::serious_cause;
        balance_.end_of_contract = EndOfContract{t, yb.remaining_minutes, lapses};
        note(yb, lapses ? "ledger.lapsed" : "ledger.open_at_end", [&] {
            return Args{{"date", t.date.iso()}, {"reason", to_string(t.reason)}, {"duration", duration(yb.remaining_minutes)}};
        });
        if (lapses) yb.lapses_on = t.date;
        // Either way nothing carries into a year without the contract.
        yb.expired_minutes = expire_all();
        ended_ = true;
        return;
    }
    auto start = rules_.period_start(year);
    const bool resets = period_end_ == PeriodEnd::reset;
    if (!start) {
        // Years before the first 5-year period do not roll into it unless the rule set says so.
        if (!rules_.carry_over.roll_before_period) {
            yb.lapses_on = year_end(year);
            for (const auto& l : lots_)
                note(yb, "ledger.not_rolled", [&] {
                    return Args{{"origin_year", std::to_string(l.origin_year)}, {"next_year", std::to_string(year + 1)},
                                {"duration", duration(l.minutes)}};
                });
            yb.expired_minutes = expire_all();
        }
    } else if (*start + rules_.carry_over.period_years - 1 == year && resets) {
        note(yb, "ledger.period_reset",
             [&] { return Args{{"period", std::to_string(*start) + "-" + std::to_string(year)}, {"duration", duration(total())}}; });
        yb.expired_minutes = expire_all();
    }
    if (start && resets) yb.lapses_on = year_end(*start + rules_.carry_over.period_years - 1);
    yb.carried_out_minutes = total();
    if (options_.explain) yb.lots_carried_out = lots_;
}

Result<bool> Folder::run(std::span<const DatedEntry> by_year) {
    balance_.minutes_per_day = minutes_per_day(facts_.full_time_weekly_hours.value_or(rules_.full_time_weekly_hours));
    balance_.years.reserve(static_cast<size_t>(options_.to_year - options_.from_year + 1));
    auto next = by_year.begin();
    for (int year = options_.from_year; year <= options_.to_year; ++year) {
        while (next != by_year.end() && next->year < year) ++next;
        auto end = std::find_if(next, by_year.end(), [&](const DatedEntry& x) { return x.year > year; });
        // Pointer and count: libc++ 14's span has no iterator-pair constructor.
        auto r = fold_year(year, EntryRange(by_year.data() + (next - by_year.begin()), static_cast<size_t>(end - next)));
        if (!r) return r.error();
        next = end;
    }
    add_period_progress();
    return true;
}

// Progress over each 5-year period the folded years touch.
void Folder::add_period_progress() {
    for (const auto& yb : balance_.years) {
        auto start = rules_.period_start(yb.year);
        if (!start) continue;
        if (balance_.periods.empty() || balance_.periods.back().start_year != *start)
            balance_.periods.push_back({*start, *start + rules_.carry_over.period_years - 1, 0, 0, 0, false});
        PeriodProgress& p = balance_.periods.back();
        p.goal_minutes += yb.entitled_minutes;
        p.followed_minutes += yb.used_minutes;
        p.ended = yb.year == p.end_year;
    }
    for (auto& p : balance_.periods) {
        p.shortfall_minutes = std::max(0LL, p.goal_minutes - p.followed_minutes);
        if (p.ended && p.shortfall_minutes > 0 && period_end_ == PeriodEnd::carry) {
            auto& last = balance_.years[static_cast<size_t>(p.end_year - options_.from_year)];
            note(last, "ledger.period_shortfall", [&] {
                return Args{{"period", std::to_string(p.start_year) + "-" + std::to_string(p.end_year)},
                            {"shortfall", duration(p.shortfall_minutes)}};
            });
        }
    }
}

}  // namespace

Result<bool> LedgerFolder::fold(const RuleSet& rules, const WorkerFacts& facts, const std::vector<LedgerEntry>& entries,
                                const LedgerOptions& options, Balance& balance) {
    if (options.from_year > options.to_year) return make_error("out_of_range", "to_year is before from_year", "to_year");
    for (int y : {options.from_year, options.to_year})
        if (auto c = rules.covers(y); !c) return at_field(c.error(), y == options.from_year ? "from" : "to");

    // Entries with their year (worked out once), in year order; stable: within a year they keep their
    // order, the order of their explanation lines.
    by_year_.clear();
    by_year_.reserve(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
        const LedgerEntry& x = entries[i];
        bool signed_ok = x.kind == EntryKind::correction ? x.minutes != 0 : x.minutes > 0;
        if (!signed_ok)
            return make_error("out_of_range", "minutes must be above 0 (a correction: not 0)", "entries[" + std::to_string(i) + "].minutes");
        by_year_.push_back({x.date.year(), &x});
    }
    auto by_year_order = [](const DatedEntry& a, const DatedEntry& b) { return a.year < b.year; };
    // Stored ledgers come in date order; stable_sort would allocate its buffer anyway.
    if (!std::is_sorted(by_year_.begin(), by_year_.end(), by_year_order))
        std::stable_sort(by_year_.begin(), by_year_.end(), by_year_order);

    // Assignments, not copies: they keep the storage of the worker before.
    input_.employment = facts.employment;
    input_.joint_committee = facts.joint_committee;
    input_.full_time_weekly_hours = facts.full_time_weekly_hours;
    input_.explain = options.explain;
    lots_.clear();
    lots_.reserve(8);  // a right and a complementary lot for each year a period carries
    balance.years.clear();
    balance.periods.clear();
    balance.end_of_contract.reset();
    // The memo pays once a folder has folded a few dozen workers: setting up its slots costs about
    // what 100 rights cost, more than an approval inbox of a few entries would save.
    const bool bulk = !options.explain && ++folds_ > memo_after_folds;
    return Folder(rules, facts, options, lots_, input_, bulk ? &rights_ : nullptr, balance).run(by_year_);
}

Result<Balance> fold_ledger(const RuleSet& rules, const WorkerFacts& facts, const std::vector<LedgerEntry>& entries,
                            const LedgerOptions& options) {
    Balance balance;
    if (auto r = LedgerFolder().fold(rules, facts, entries, options, balance); !r) return r.error();
    return balance;
}

// A year adds all its credits before it takes any debit, so its result depends on its totals only:
// before the lots are consumed they held remaining - beyond_right, and one more entry moves that.
std::optional<long long> remaining_if_approved(const YearBalance& year, const LedgerEntry& entry) {
    if (entry.date.year() != year.year) return std::nullopt;
    long long change = 0;
    switch (entry.kind) {
        case EntryKind::training: change = entry.counts_for_right ? -entry.minutes : 0; break;
        case EntryKind::complementary_grant:
        case EntryKind::opening_balance:
        case EntryKind::correction: change = entry.minutes; break;  // a correction's are signed: + credit, - debit
    }
    return std::max(0LL, year.remaining_minutes - year.beyond_right_minutes + change);
}

int first_fold_year(const RuleSet& rules, const std::vector<EmploymentPeriod>& employment, int year) {
    if (employment.empty()) return rules.first_year;
    int first = year;
    for (const auto& p : employment) first = std::min(first, p.start.year());
    return std::max(rules.first_year, first);
}

}  // namespace ll
