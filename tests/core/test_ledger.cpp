// The ledger fold: carry-over lots consumed oldest first, the 2023 rule, the 5-year period with
// its carry or reset, end-of-contract handling, pending entries, and order independence.
#include <doctest/doctest.h>

#include <algorithm>

#include "ledger.h"
#include "shipped_rules.h"

using namespace ll;

namespace {

const RuleSet& ledger_rules() { return *shipped::belgian_rule_set(); }

WorkerFacts full_time_since(const char* start, int fte = 40, const char* jc = "") {
    WorkerFacts f;
    f.employment.push_back({*CivilDate::parse(start), std::nullopt, Rational(1)});
    f.joint_committee = jc;
    for (int y = 2023; y <= 2035; ++y) f.company_fte[y] = Rational(fte);
    return f;
}

LedgerEntry training(const char* date, long long minutes, EntryStatus status = EntryStatus::approved, const char* title = "course") {
    LedgerEntry e;
    e.id = std::string("t-") + date + "-" + std::to_string(minutes);
    e.kind = EntryKind::training;
    e.status = status;
    e.date = *CivilDate::parse(date);
    e.minutes = minutes;
    e.title = title;
    return e;
}

Balance fold(const WorkerFacts& f, const std::vector<LedgerEntry>& entries, int from, int to, bool pending = false) {
    auto b = fold_ledger(ledger_rules(), f, entries, LedgerOptions{from, to, pending});
    REQUIRE_MESSAGE(b.ok(), (b.ok() ? "" : b.error().message));
    return *b;
}

const YearBalance& year(const Balance& b, int y) {
    auto it = std::find_if(b.years.begin(), b.years.end(), [&](const YearBalance& x) { return x.year == y; });
    REQUIRE(it != b.years.end());
    return *it;
}

bool has_line(const YearBalance& y, const std::string& text) {
    return std::any_of(y.explanation.begin(), y.explanation.end(), [&](const ExplanationLine& l) { return render_english(l) == text; });
}

constexpr long long day = 456;

}  // namespace

TEST_CASE("unused days carry over and are consumed oldest first") {
    auto f = full_time_since("2020-01-01");
    auto b = fold(f, {training("2024-05-06", 3 * day), training("2025-03-03", day, EntryStatus::approved, "First aid")}, 2024, 2025);
    const auto& y24 = year(b, 2024);
    CHECK(y24.entitled_minutes == 5 * day);
    CHECK(y24.used_minutes == 3 * day);
    CHECK(y24.carried_out_minutes == 2 * day);
    const auto& y25 = year(b, 2025);
    CHECK(y25.carried_in_minutes == 2 * day);
    CHECK(y25.remaining_minutes == 6 * day);
    // The 2025 training took a 2024 day first.
    REQUIRE(y25.lots_carried_out.size() == 2);
    CHECK(y25.lots_carried_out[0].origin_year == 2024);
    CHECK(y25.lots_carried_out[0].minutes == day);
    CHECK(y25.lots_carried_out[1].origin_year == 2025);
    CHECK(y25.lots_carried_out[1].minutes == 5 * day);
    CHECK(has_line(y25, "carried from 2024: 2 d"));
    CHECK(has_line(y25, "training \"First aid\", 2025-03-03: -1 d"));
}

TEST_CASE("2023 balances do not roll into 2024") {
    auto b = fold(full_time_since("2020-01-01"), {training("2023-10-02", day)}, 2023, 2024);
    CHECK(year(b, 2023).remaining_minutes == 3 * day);
    CHECK(year(b, 2023).expired_minutes == 3 * day);
    CHECK(year(b, 2024).carried_in_minutes == 0);
    CHECK(has_line(year(b, 2023), "balance of 2023 does not roll into 2024: -3 d"));
    // Known in advance: what is left of 2023 is lost at the end of 2023.
    CHECK(year(b, 2023).lapses_on == CivilDate::parse("2023-12-31").value());
}

TEST_CASE("the statutory balance keeps carrying at the period end and is flagged as a shortfall") {
    auto b = fold(full_time_since("2020-01-01"), {training("2026-06-01", 5 * day)}, 2024, 2029);
    CHECK(year(b, 2028).carried_out_minutes == 20 * day);
    CHECK(year(b, 2029).carried_in_minutes == 20 * day);
    REQUIRE(b.periods.size() == 2);
    CHECK(b.periods[0].start_year == 2024);
    CHECK(b.periods[0].end_year == 2028);
    CHECK(b.periods[0].ended);
    CHECK(b.periods[0].goal_minutes == 25 * day);
    CHECK(b.periods[0].followed_minutes == 5 * day);
    CHECK(b.periods[0].shortfall_minutes == 20 * day);
    CHECK(has_line(year(b, 2028), "5-year period 2024-2028 ends 20 d short of its goal; the balance keeps carrying"));
    CHECK_FALSE(b.periods[1].ended);
    for (int y = 2024; y <= 2029; ++y) CHECK_FALSE(year(b, y).lapses_on.has_value());
}

TEST_CASE("PC 200 resets the balance at the end of the 5-year period") {
    auto b = fold(full_time_since("2020-01-01", 40, "200"), {}, 2024, 2029);
    // 3 + 3 + 4 + 4 + 5 days accumulate, then reset.
    CHECK(year(b, 2028).remaining_minutes == 19 * day);
    CHECK(year(b, 2028).expired_minutes == 19 * day);
    CHECK(year(b, 2029).carried_in_minutes == 0);
    CHECK(year(b, 2029).entitled_minutes == 5 * day);
    CHECK(has_line(year(b, 2028), "5-year period 2024-2028 ends: balance reset (sector rule), -19 d"));
    // Every year of the period knows the date its leftover will be lost.
    for (int y = 2024; y <= 2028; ++y) CHECK(year(b, y).lapses_on == CivilDate::parse("2028-12-31").value());
    CHECK(year(b, 2029).lapses_on == CivilDate::parse("2033-12-31").value());
}

TEST_CASE("end of contract: lapses after resignation or serious cause, otherwise stays open") {
    auto f = full_time_since("2020-01-01");
    f.employment[0].end = *CivilDate::parse("2025-06-30");
    f.termination = Termination{*CivilDate::parse("2025-06-30"), TerminationReason::resignation};
    auto resigned = fold(f, {}, 2024, 2026);
    REQUIRE(resigned.end_of_contract.has_value());
    CHECK(resigned.end_of_contract->lapses);
    CHECK(resigned.end_of_contract->open_minutes == 5 * day + 5 * day / 2);  // 5 + 5 x 6/12
    CHECK(year(resigned, 2025).expired_minutes == 5 * day + 5 * day / 2);
    CHECK(year(resigned, 2026).remaining_minutes == 0);
    CHECK(year(resigned, 2025).lapses_on == CivilDate::parse("2025-06-30").value());

    f.termination->reason = TerminationReason::dismissal;
    auto dismissed = fold(f, {}, 2024, 2025);
    CHECK_FALSE(dismissed.end_of_contract->lapses);
    CHECK_FALSE(year(dismissed, 2025).lapses_on.has_value());
    CHECK(dismissed.end_of_contract->open_minutes == 5 * day + 5 * day / 2);
    CHECK(has_line(year(dismissed, 2025),
                   "contract ends 2025-06-30 (dismissal): 7 d 3 h 48 min to take during the notice period or to include in the notice indemnity"));
}

TEST_CASE("pending submissions are shown apart and counted only on request") {
    auto f = full_time_since("2020-01-01");
    std::vector<LedgerEntry> entries{training("2024-03-01", day), training("2024-04-01", 2 * day, EntryStatus::submitted),
                                     training("2024-05-01", day, EntryStatus::rejected),
                                     training("2024-06-01", day, EntryStatus::withdrawn)};
    auto plain = fold(f, entries, 2024, 2024);
    CHECK(year(plain, 2024).used_minutes == day);
    CHECK(year(plain, 2024).pending_minutes == 2 * day);
    CHECK(year(plain, 2024).remaining_minutes == 4 * day);
    auto counted = fold(f, entries, 2024, 2024, true);
    CHECK(year(counted, 2024).remaining_minutes == 2 * day);
}

TEST_CASE("grants, openings and corrections") {
    auto f = full_time_since("2020-01-01");
    LedgerEntry grant{"g1", EntryKind::complementary_grant, EntryStatus::approved, *CivilDate::parse("2024-02-01"), day, "team day"};
    LedgerEntry opening{"o1", EntryKind::opening_balance, EntryStatus::approved, *CivilDate::parse("2024-01-01"), 2 * day, "migrated"};
    opening.origin_year = 2023;
    LedgerEntry minus{"c1", EntryKind::correction, EntryStatus::approved, *CivilDate::parse("2024-09-01"), -60, "double entry"};
    auto b = fold(f, {grant, opening, minus, training("2024-10-01", 7 * day)}, 2024, 2024);
    const auto& y = year(b, 2024);
    CHECK(y.complementary_minutes == day);
    CHECK(y.credit_minutes == 2 * day);
    CHECK(y.used_minutes == 7 * day + 60);
    CHECK(y.remaining_minutes == 5 * day + day + 2 * day - 7 * day - 60);
}

TEST_CASE("training beyond the right is reported, not carried as a debt") {
    auto b = fold(full_time_since("2020-01-01"), {training("2024-06-03", 1440), training("2024-06-04", 1440),
                                                   training("2024-06-05", 1440)}, 2024, 2025);
    CHECK(year(b, 2024).beyond_right_minutes == 3 * 1440 - 5 * day);
    CHECK(year(b, 2024).remaining_minutes == 0);
    CHECK(year(b, 2025).carried_in_minutes == 0);
}

TEST_CASE("bad input names the field") {
    auto f = full_time_since("2020-01-01");
    f.company_fte.erase(2025);
    auto missing = fold_ledger(ledger_rules(), f, {}, LedgerOptions{2024, 2025, false});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().field == "company_fte.2025");
    CHECK(fold_ledger(ledger_rules(), f, {}, LedgerOptions{2025, 2024, false}).error().field == "to_year");
    CHECK(fold_ledger(ledger_rules(), f, {}, LedgerOptions{2020, 2024, false}).error().field == "from.year");
    auto zero = training("2024-01-01", 1);
    zero.minutes = 0;
    CHECK(fold_ledger(ledger_rules(), full_time_since("2020-01-01"), {zero}, LedgerOptions{2024, 2024, false}).error().field ==
          "entries[0].minutes");
}

TEST_CASE("property: the fold conserves minutes and ignores the order of entries") {
    std::uint64_t state = 12345;
    auto next = [&](int bound) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
    };
    for (int round = 0; round < 60; ++round) {
        auto f = full_time_since("2022-03-15", 20 + next(100), next(2) ? "200" : "");
        std::vector<LedgerEntry> entries;
        int n = next(12);
        for (int i = 0; i < n; ++i) {
            auto d = CivilDate::from_ymd(2024 + next(6), 1 + static_cast<unsigned>(next(12)), 1 + static_cast<unsigned>(next(28)));
            entries.push_back(training(d->iso().c_str(), 30 + next(900), next(4) ? EntryStatus::approved : EntryStatus::submitted));
        }
        auto a = fold(f, entries, 2024, 2029);
        std::reverse(entries.begin(), entries.end());
        std::rotate(entries.begin(), entries.begin() + (entries.empty() ? 0 : next(static_cast<int>(entries.size()))), entries.end());
        auto b = fold(f, entries, 2024, 2029);
        for (size_t i = 0; i < a.years.size(); ++i) {
            const auto& y = a.years[i];
            CHECK(y.remaining_minutes == b.years[i].remaining_minutes);
            CHECK(y.carried_out_minutes == b.years[i].carried_out_minutes);
            // Conservation: what came in equals what went out, year by year.
            CHECK(y.carried_in_minutes + y.entitled_minutes + y.complementary_minutes + y.credit_minutes + y.beyond_right_minutes ==
                  y.used_minutes + y.remaining_minutes);
            CHECK(y.remaining_minutes == y.expired_minutes + y.carried_out_minutes);
            if (i + 1 < a.years.size()) CHECK(a.years[i + 1].carried_in_minutes == y.carried_out_minutes);
        }
    }
}

namespace {

// Every figure of a year, without its explanation lines (and the lots carried out, their breakdown).
auto figures(const YearBalance& y) {
    return std::tuple(y.year, y.entitled_minutes, y.complementary_minutes, y.carried_in_minutes, y.credit_minutes, y.used_minutes,
                      y.pending_minutes, y.beyond_right_minutes, y.expired_minutes, y.remaining_minutes, y.carried_out_minutes,
                      y.lapses_on, y.entitlement.year, y.entitlement.full_time_days, y.entitlement.days, y.entitlement.month_sum,
                      y.entitlement.minutes, y.entitlement.complementary_minutes, y.entitlement.months_counted, y.entitlement.basis);
}

// Workers with contracts that start, end and change fraction mid-year, company sizes that change
// bands from year to year, sometimes a termination, and ledgers of every kind and status (2024-2028).
struct GeneratedLedgers {
    std::uint64_t state;

    int next(int bound) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
    }
    CivilDate day_in(int first_year, int years) {
        return *CivilDate::from_ymd(first_year + next(years), 1 + static_cast<unsigned>(next(12)), 1 + static_cast<unsigned>(next(28)));
    }
    WorkerFacts facts() {
        const Rational fractions[] = {Rational(1), *Rational::make(4, 5), *Rational::make(1, 2), *Rational::make(19, 38)};
        WorkerFacts f;
        f.joint_committee = next(3) == 0 ? "200" : "";
        for (int y = 2020; y <= 2035; ++y) f.company_fte[y] = Rational(5 + next(60));
        CivilDate start = day_in(2019, 8);
        for (int p = 1 + next(3); p > 0; --p) {
            CivilDate end = start.plus_days(30 + next(900));
            bool last = p == 1 && next(2);
            f.employment.push_back({start, last ? std::nullopt : std::optional(end), fractions[next(4)]});
            if (next(4) == 0) f.employment.back().weekly_hours = Rational(10 + next(28));
            start = end.plus_days(1 + next(60));
        }
        if (next(4) == 0)
            f.termination = Termination{day_in(2024, 5), next(2) ? TerminationReason::resignation : TerminationReason::dismissal};
        return f;
    }
    std::vector<LedgerEntry> entries() {
        const EntryKind kinds[] = {EntryKind::training, EntryKind::training, EntryKind::complementary_grant, EntryKind::correction,
                                   EntryKind::opening_balance};
        const EntryStatus statuses[] = {EntryStatus::approved, EntryStatus::approved, EntryStatus::submitted, EntryStatus::rejected};
        std::vector<LedgerEntry> out;
        for (int i = next(20); i > 0; --i) {
            LedgerEntry e = training(day_in(2024, 5).iso().c_str(), 30 + next(900), statuses[next(4)]);
            e.kind = kinds[next(5)];
            if (e.kind == EntryKind::correction && next(2)) e.minutes = -e.minutes;
            if (e.kind == EntryKind::opening_balance) e.origin_year = 2022 + next(3);
            e.counts_for_right = next(8) != 0;
            out.push_back(e);
        }
        return out;
    }
};

}  // namespace

// Also covers the bulk fold's reuse of the year before's right and its memo of rights, and a
// LedgerFolder folding every worker into one Balance, explained and bare in turn, after errors too.
TEST_CASE("property: a fold without explanation lines, or in reused buffers, gives the very same figures") {
    GeneratedLedgers gen{777};
    int compared = 0;
    LedgerFolder shared;
    Balance reused;
    for (int round = 0; round < 200; ++round) {
        const WorkerFacts f = gen.facts();
        const std::vector<LedgerEntry> entries = gen.entries();
        const bool pending = gen.next(2);
        auto explained = fold_ledger(ledger_rules(), f, entries, LedgerOptions{2024, 2028, pending, true});
        auto bare = fold_ledger(ledger_rules(), f, entries, LedgerOptions{2024, 2028, pending, false});
        const bool explain_reused = round % 2 == 0;
        auto in_place = shared.fold(ledger_rules(), f, entries, LedgerOptions{2024, 2028, pending, explain_reused}, reused);
        REQUIRE(explained.ok() == bare.ok());
        REQUIRE(in_place.ok() == bare.ok());
        if (!explained) {
            CHECK(explained.error().field == bare.error().field);
            CHECK(in_place.error().field == bare.error().field);
            continue;
        }
        const Balance& fresh = explain_reused ? *explained : *bare;
        REQUIRE(reused.years.size() == fresh.years.size());
        for (size_t i = 0; i < fresh.years.size(); ++i) {
            CHECK(figures(reused.years[i]) == figures(fresh.years[i]));
            CHECK(reused.years[i].explanation.size() == fresh.years[i].explanation.size());
            CHECK(reused.years[i].lots_carried_out.size() == fresh.years[i].lots_carried_out.size());
        }
        REQUIRE(reused.periods.size() == fresh.periods.size());
        for (size_t i = 0; i < fresh.periods.size(); ++i) CHECK(reused.periods[i].goal_minutes == fresh.periods[i].goal_minutes);
        CHECK(reused.end_of_contract.has_value() == fresh.end_of_contract.has_value());
        ++compared;
        REQUIRE(explained->years.size() == bare->years.size());
        for (size_t i = 0; i < bare->years.size(); ++i) {
            CHECK(figures(explained->years[i]) == figures(bare->years[i]));
            CHECK_FALSE(explained->years[i].explanation.empty());
            CHECK(bare->years[i].explanation.empty());
            CHECK(bare->years[i].entitlement.explanation.empty());
            CHECK(bare->years[i].lots_carried_out.empty());
            long long lots = 0;
            for (const auto& l : explained->years[i].lots_carried_out) lots += l.minutes;
            CHECK(lots == explained->years[i].carried_out_minutes);
        }
        REQUIRE(explained->periods.size() == bare->periods.size());
        for (size_t i = 0; i < bare->periods.size(); ++i)
            CHECK(explained->periods[i].shortfall_minutes == bare->periods[i].shortfall_minutes);
        CHECK(explained->end_of_contract.has_value() == bare->end_of_contract.has_value());
        if (bare->end_of_contract) CHECK(explained->end_of_contract->open_minutes == bare->end_of_contract->open_minutes);
    }
    CHECK(compared > 150);  // bad generated input must stay rare, or the property says little
}

// The server folds a worker's whole ledger up to the year asked (worker_figures.cpp): what is dated
// later, openings from earlier years among it, must not change that year or those before it.
TEST_CASE("property: a year's figures ignore entries dated after it") {
    GeneratedLedgers gen{2718};
    int compared = 0, with_later = 0;
    for (int round = 0; round < 200; ++round) {
        const WorkerFacts f = gen.facts();
        const std::vector<LedgerEntry> all = gen.entries();
        const int last = 2024 + gen.next(4);
        std::vector<LedgerEntry> until_last;
        for (const auto& e : all)
            if (e.date.year() <= last) until_last.push_back(e);
        auto whole = fold_ledger(ledger_rules(), f, all, LedgerOptions{2024, last, false, true});
        auto cut = fold_ledger(ledger_rules(), f, until_last, LedgerOptions{2024, last, false, true});
        REQUIRE(whole.ok() == cut.ok());
        if (!whole) continue;
        with_later += until_last.size() < all.size();
        REQUIRE(whole->years.size() == cut->years.size());
        for (size_t i = 0; i < cut->years.size(); ++i) {
            CHECK(figures(whole->years[i]) == figures(cut->years[i]));
            CHECK(whole->years[i].explanation.size() == cut->years[i].explanation.size());
        }
        ++compared;
    }
    CHECK(compared > 150);
    CHECK(with_later > 100);  // most rounds must have later entries, or the property says little
}

TEST_CASE("property: what approving a submitted entry leaves of its year is what a fold with it approved says") {
    GeneratedLedgers gen{4242};
    int compared = 0;
    for (int round = 0; round < 300; ++round) {
        const WorkerFacts f = gen.facts();
        std::vector<LedgerEntry> entries = gen.entries();
        for (size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].status != EntryStatus::submitted) continue;
            const int year = entries[i].date.year();
            auto now = fold_ledger(ledger_rules(), f, entries, LedgerOptions{2024, year, false, false});
            entries[i].status = EntryStatus::approved;
            auto after = fold_ledger(ledger_rules(), f, entries, LedgerOptions{2024, year, false, false});
            entries[i].status = EntryStatus::submitted;
            REQUIRE(now.ok() == after.ok());
            if (!now) continue;
            CHECK(remaining_if_approved(now->years.back(), entries[i]) == after->years.back().remaining_minutes);
            CHECK_FALSE(remaining_if_approved(now->years.back(), training("2023-05-01", 60, EntryStatus::submitted)));
            ++compared;
        }
    }
    CHECK(compared > 200);
}
