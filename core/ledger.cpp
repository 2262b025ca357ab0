// The fold. Within a year every credit is added before any debit, so the result depends on the
// year's totals, never on the order of same-year entries; across years lots carry oldest first.
#include "ledger.h"

#include <algorithm>
#include <numeric>

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

const char* to_string(TerminationReason r) {
    switch (r) {
        case TerminationReason::resignation: return "resignation";
        case TerminationReason::serious_cause: return "serious_cause";
        case TerminationReason::dismissal: return "dismissal";
        case TerminationReason::other: return "other";
    }
    return "";
}

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

class Folder {
public:
    Folder(const RuleSet& rules, const WorkerFacts& facts, const LedgerOptions& options)
        : rules_(rules), facts_(facts), options_(options) {}

    Result<Balance> run(const std::vector<LedgerEntry>& entries);

private:
    std::string duration(long long minutes) const { return format_days_and_minutes(minutes, balance_.minutes_per_day); }
    void add_lot(int origin, const std::string& source, long long minutes);
    long long consume(long long minutes);  // returns what could not be covered
    long long total() const;
    long long expire_all();
    Result<bool> fold_year(int year, const std::vector<const LedgerEntry*>& entries);
    void close_year(YearBalance& yb);
    void note(YearBalance& yb, const char* key, std::vector<std::pair<std::string, std::string>> args) {
        yb.explanation.push_back({key, std::move(args)});
    }

    const RuleSet& rules_;
    const WorkerFacts& facts_;
    const LedgerOptions& options_;
    std::vector<Lot> lots_;  // oldest origin first
    Balance balance_;
    bool ended_ = false;
};

void Folder::add_lot(int origin, const std::string& source, long long minutes) {
    if (minutes <= 0) return;
    for (auto& l : lots_)
        if (l.origin_year == origin && l.source == source) {
            l.minutes += minutes;
            return;
        }
    lots_.push_back({origin, source, minutes});
    // The right of a year goes before that year's complementary days and other credits.
    auto rank = [](const Lot& l) { return l.source == "right" ? 0 : l.source == "opening" ? 1 : l.source == "correction" ? 2 : 3; };
    std::stable_sort(lots_.begin(), lots_.end(), [&](const Lot& a, const Lot& b) {
        return a.origin_year != b.origin_year ? a.origin_year < b.origin_year : rank(a) < rank(b);
    });
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

Result<bool> Folder::fold_year(int year, const std::vector<const LedgerEntry*>& entries) {
    YearBalance yb;
    yb.year = year;
    for (const auto& l : lots_) {
        yb.carried_in_minutes += l.minutes;
        note(yb, "ledger.carried_in", {{"origin_year", std::to_string(l.origin_year)}, {"duration", duration(l.minutes)}});
    }
    auto fte = facts_.company_fte.find(year);
    if (fte == facts_.company_fte.end())
        return make_error("missing_field", "no company size for " + std::to_string(year), "company_fte." + std::to_string(year));
    auto e = compute_entitlement(rules_, EntitlementInput{year, fte->second, facts_.employment, facts_.joint_committee,
                                                          facts_.full_time_weekly_hours});
    if (!e) return e.error();
    yb.entitlement = *e;
    if (!ended_) {
        yb.entitled_minutes = e->minutes;
        yb.complementary_minutes = e->complementary_minutes;
        add_lot(year, "right", e->minutes);
        add_lot(year, "complementary", e->complementary_minutes);
        note(yb, "ledger.right", {{"year", std::to_string(year)}, {"duration", duration(e->minutes)}});
        if (e->complementary_minutes > 0)
            note(yb, "ledger.complementary", {{"year", std::to_string(year)}, {"duration", duration(e->complementary_minutes)}});
    }

    // Credits first, then debits: the year's result depends on its totals only.
    long long debits = 0;
    for (const LedgerEntry* x : entries) {
        bool approved = x->status == EntryStatus::approved;
        std::vector<std::pair<std::string, std::string>> args{{"title", display_title(*x)}, {"date", x->date.iso()}};
        if (x->kind == EntryKind::complementary_grant && approved) {
            yb.complementary_minutes += x->minutes;
            add_lot(year, "complementary", x->minutes);
            args.push_back({"duration", duration(x->minutes)});
            note(yb, "ledger.grant", args);
        } else if (x->kind == EntryKind::opening_balance && approved) {
            int origin = x->origin_year.value_or(year);
            yb.credit_minutes += x->minutes;
            add_lot(origin, "opening", x->minutes);
            note(yb, "ledger.opening", {{"origin_year", std::to_string(origin)}, {"date", x->date.iso()}, {"duration", duration(x->minutes)}});
        } else if (x->kind == EntryKind::correction && approved && x->minutes > 0) {
            yb.credit_minutes += x->minutes;
            add_lot(year, "correction", x->minutes);
            args.push_back({"duration", duration(x->minutes)});
            note(yb, "ledger.correction", args);
        }
    }
    for (const LedgerEntry* x : entries) {
        std::vector<std::pair<std::string, std::string>> args{{"title", display_title(*x)}, {"date", x->date.iso()}};
        if (x->kind == EntryKind::correction && x->status == EntryStatus::approved && x->minutes < 0) {
            debits += -x->minutes;
            yb.used_minutes += -x->minutes;
            args.push_back({"duration", duration(x->minutes)});
            note(yb, "ledger.correction", args);
        } else if (x->kind == EntryKind::training && x->counts_for_right) {
            args.push_back({"duration", duration(-x->minutes)});
            if (x->status == EntryStatus::approved) {
                debits += x->minutes;
                yb.used_minutes += x->minutes;
                note(yb, "ledger.training", args);
            } else if (x->status == EntryStatus::submitted) {
                yb.pending_minutes += x->minutes;
                if (options_.count_pending) debits += x->minutes;
                note(yb, "ledger.pending", args);
            }
        }
    }
    yb.beyond_right_minutes = consume(debits);
    if (yb.beyond_right_minutes > 0) note(yb, "ledger.beyond_right", {{"duration", duration(yb.beyond_right_minutes)}});
    close_year(yb);
    balance_.years.push_back(std::move(yb));
    return true;
}

void Folder::close_year(YearBalance& yb) {
    const int year = yb.year;
    yb.remaining_minutes = total();
    note(yb, "ledger.remaining", {{"year", std::to_string(year)}, {"duration", duration(yb.remaining_minutes)}});
    if (!ended_ && facts_.termination && facts_.termination->date.year() == year) {
        const Termination& t = *facts_.termination;
        bool lapses = t.reason == TerminationReason::resignation || t.reason == TerminationReason::serious_cause;
        balance_.end_of_contract = EndOfContract{t, yb.remaining_minutes, lapses};
        std::vector<std::pair<std::string, std::string>> args{
            {"date", t.date.iso()}, {"reason", to_string(t.reason)}, {"duration", duration(yb.remaining_minutes)}};
        note(yb, lapses ? "ledger.lapsed" : "ledger.open_at_end", args);
        if (lapses) yb.lapses_on = t.date;
        // Either way nothing carries into a year without the contract.
        yb.expired_minutes = expire_all();
        ended_ = true;
        return;
    }
    auto start = rules_.period_start(year);
    if (!start) {
        // Years before the first 5-year period do not roll into it unless the rule set says so.
        if (!rules_.carry_over.roll_before_period) {
            yb.lapses_on = year_end(year);
            for (const auto& l : lots_)
                note(yb, "ledger.not_rolled", {{"origin_year", std::to_string(l.origin_year)},
                                               {"next_year", std::to_string(year + 1)}, {"duration", duration(l.minutes)}});
            yb.expired_minutes = expire_all();
        }
    } else if (*start + rules_.carry_over.period_years - 1 == year &&
               rules_.period_end_for(facts_.joint_committee) == PeriodEnd::reset) {
        note(yb, "ledger.period_reset", {{"period", std::to_string(*start) + "-" + std::to_string(year)},
                                         {"duration", duration(total())}});
        yb.expired_minutes = expire_all();
    }
    if (start && rules_.period_end_for(facts_.joint_committee) == PeriodEnd::reset)
        yb.lapses_on = year_end(*start + rules_.carry_over.period_years - 1);
    yb.carried_out_minutes = total();
    yb.lots_carried_out = lots_;
}

Result<Balance> Folder::run(const std::vector<LedgerEntry>& entries) {
    if (options_.from_year > options_.to_year)
        return make_error("out_of_range", "to_year is before from_year", "to_year");
    for (int y : {options_.from_year, options_.to_year})
        if (auto c = rules_.covers(y); !c) return at_field(c.error(), y == options_.from_year ? "from" : "to");
    balance_.minutes_per_day = minutes_per_day(facts_.full_time_weekly_hours.value_or(rules_.full_time_weekly_hours));

    std::map<int, std::vector<const LedgerEntry*>> by_year;
    for (size_t i = 0; i < entries.size(); ++i) {
        const LedgerEntry& x = entries[i];
        std::string path = "entries[" + std::to_string(i) + "]";
        bool signed_ok = x.kind == EntryKind::correction ? x.minutes != 0 : x.minutes > 0;
        if (!signed_ok) return make_error("out_of_range", "minutes must be above 0 (a correction: not 0)", path + ".minutes");
        by_year[x.date.year()].push_back(&x);
    }
    for (int year = options_.from_year; year <= options_.to_year; ++year) {
        auto r = fold_year(year, by_year[year]);
        if (!r) return r.error();
    }

    // Progress over each 5-year period the folded years touch.
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
        if (p.ended && p.shortfall_minutes > 0 && rules_.period_end_for(facts_.joint_committee) == PeriodEnd::carry) {
            auto& last = balance_.years[static_cast<size_t>(p.end_year - options_.from_year)];
            last.explanation.push_back({"ledger.period_shortfall",
                                        {{"period", std::to_string(p.start_year) + "-" + std::to_string(p.end_year)},
                                         {"shortfall", duration(p.shortfall_minutes)}}});
        }
    }
    return balance_;
}

}  // namespace

Result<Balance> fold_ledger(const RuleSet& rules, const WorkerFacts& facts, const std::vector<LedgerEntry>& entries,
                            const LedgerOptions& options) {
    return Folder(rules, facts, options).run(entries);
}

}  // namespace ll
