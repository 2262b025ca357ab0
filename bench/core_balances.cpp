// Core benchmark: the balances of N workers with 5 years of ledger entries, folded by the core (the
// full legal computation: figures only, by one LedgerFolder or a fresh fold each, and with
// explanation lines), against the same used and pending totals summed by SQLite GROUP BY over the
// same rows in memory (what HR suites do), with the index an HR suite keeps and with a covering one
// (SQLite's best case). Each time is the best of
// a few runs, so a neighbour's burst on a shared machine does not decide a ratio. Prints Markdown.
// Usage: bench_core_balances [N ...]   (default 10000 100000)
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ledger.h"
#include "shipped_rules.h"

namespace {

using namespace ll;
using Clock = std::chrono::steady_clock;

constexpr int first_year = 2024, last_year = 2028, trainings_per_year = 3, runs = 5;

struct Worker {
    WorkerFacts facts;
    std::vector<LedgerEntry> entries;
};

// A small deterministic generator, so every run folds the same ledgers.
struct Lcg {
    std::uint64_t state;
    std::uint32_t next(std::uint32_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33) % bound;
    }
};

std::vector<Worker> make_workers(int n) {
    std::vector<Worker> workers(static_cast<std::size_t>(n));
    Lcg rng{42};
    const Rational fractions[] = {Rational(1), *Rational::make(4, 5), *Rational::make(1, 2)};
    for (auto& w : workers) {
        const int start_year = 2015 + static_cast<int>(rng.next(13));
        w.facts.employment.push_back({*CivilDate::from_ymd(start_year, 1 + rng.next(12), 1), std::nullopt, fractions[rng.next(3)]});
        for (int y = first_year; y <= last_year; ++y) w.facts.company_fte[y] = Rational(40);
        for (int y = first_year; y <= last_year; ++y)
            for (int t = 0; t < trainings_per_year; ++t) {
                const auto status = rng.next(10) < 7 ? EntryStatus::approved : rng.next(2) ? EntryStatus::submitted : EntryStatus::rejected;
                w.entries.push_back({"", EntryKind::training, status, *CivilDate::from_ymd(y, 1 + rng.next(12), 1 + rng.next(28)),
                                     60 + 30 * static_cast<long long>(rng.next(15)), ""});
            }
    }
    return workers;
}

long resident_kb() {
    long pages = 0, resident = 0;
    if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * 4;  // 4 KB pages
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The shortest of `repeat` runs of `run`: a neighbour's burst on a shared machine only lengthens some.
template <class Run>
double best_seconds(int repeat, Run&& run) {
    double best = 1e9;
    for (int i = 0; i < repeat; ++i) {
        const auto t = Clock::now();
        run();
        best = std::min(best, seconds_since(t));
    }
    return best;
}

// The core: every worker's ledger folded over the 5 years; returns the total remaining (kept so the
// work cannot be optimised away) and the best seconds of `repeat` runs.
std::pair<long long, double> fold_all(const RuleSet& rules, const std::vector<Worker>& workers, bool explain, int repeat) {
    long long total = 0;
    const double took = best_seconds(repeat, [&] {
        total = 0;
        for (const auto& w : workers) {
            auto b = fold_ledger(rules, w.facts, w.entries, LedgerOptions{first_year, last_year, false, explain});
            if (b) total += b->years.back().remaining_minutes + b->years.back().used_minutes;
        }
    });
    return {total, took};
}

// The same figures as a team table folds them: one LedgerFolder and one Balance for every worker.
std::pair<long long, double> fold_all_reused(const RuleSet& rules, const std::vector<Worker>& workers, int repeat) {
    long long total = 0;
    LedgerFolder folder;
    Balance b;
    const double took = best_seconds(repeat, [&] {
        total = 0;
        for (const auto& w : workers)
            if (folder.fold(rules, w.facts, w.entries, LedgerOptions{first_year, last_year, false, false}, b))
                total += b.years.back().remaining_minutes + b.years.back().used_minutes;
    });
    return {total, took};
}

void check(int rc, sqlite3* db) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
        std::exit(1);
    }
}

// SQLite: the same rows in an in-memory table, indexed by worker and year (as an HR suite keeps
// them) or by all four columns (covering: the query never reads the table), then used and pending
// minutes per worker and year by GROUP BY; the query alone is timed, best of `runs`.
std::pair<long long, double> group_by_all(const std::vector<Worker>& workers, bool covering) {
    sqlite3* db = nullptr;
    check(sqlite3_open(":memory:", &db), db);
    check(sqlite3_exec(db, "CREATE TABLE entries(worker INTEGER, year INTEGER, status INTEGER, minutes INTEGER);"
                           "BEGIN;", nullptr, nullptr, nullptr), db);
    sqlite3_stmt* insert = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO entries VALUES (?, ?, ?, ?)", -1, &insert, nullptr), db);
    for (std::size_t i = 0; i < workers.size(); ++i)
        for (const auto& e : workers[i].entries) {
            sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(i));
            sqlite3_bind_int(insert, 2, e.date.year());
            sqlite3_bind_int(insert, 3, static_cast<int>(e.status));
            sqlite3_bind_int64(insert, 4, e.minutes);
            check(sqlite3_step(insert), db);
            sqlite3_reset(insert);
        }
    sqlite3_finalize(insert);
    check(sqlite3_exec(db, covering ? "COMMIT; CREATE INDEX entries_by_worker ON entries(worker, year, status, minutes);"
                                    : "COMMIT; CREATE INDEX entries_by_worker ON entries(worker, year);",
                       nullptr, nullptr, nullptr), db);
    sqlite3_stmt* query = nullptr;
    check(sqlite3_prepare_v2(db,
                             "SELECT worker, year, SUM(CASE WHEN status = 2 THEN minutes ELSE 0 END), "
                             "SUM(CASE WHEN status = 1 THEN minutes ELSE 0 END) FROM entries GROUP BY worker, year",
                             -1, &query, nullptr), db);
    long long total = 0;
    const double took = best_seconds(runs, [&] {
        total = 0;
        while (sqlite3_step(query) == SQLITE_ROW) total += sqlite3_column_int64(query, 2) + sqlite3_column_int64(query, 3);
        sqlite3_reset(query);
    });
    sqlite3_finalize(query);
    sqlite3_close(db);
    return {total, took};
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty()) sizes = {10000, 100000};
    const auto& rules = shipped::belgian_rule_set();
    if (!rules) return 1;
    std::printf("| workers (x %d years, %d trainings a year) | core figures (one folder) | per worker | core figures, a fresh "
                "fold each | core with explanation lines | SQLite GROUP BY (baseline) | SQLite / core figures | SQLite, covering "
                "index | ratio | memory per worker |\n",
                last_year - first_year + 1, trainings_per_year);
    std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
    for (int n : sizes) {
        const long before = resident_kb();
        const auto workers = make_workers(n);
        const double kb_per_worker = static_cast<double>(resident_kb() - before) / n;
        const auto [reused_total, reused_s] = fold_all_reused(*rules, workers, runs);
        const auto [figures_total, figures_s] = fold_all(*rules, workers, false, runs);
        const auto [explained_total, explained_s] = fold_all(*rules, workers, true, 1);
        const auto [sql_total, sql_s] = group_by_all(workers, false);
        const auto [covered_total, covered_s] = group_by_all(workers, true);
        if (reused_total <= 0 || reused_total != figures_total || figures_total != explained_total || sql_total <= 0 ||
            covered_total != sql_total)
            return 1;
        std::printf("| %d | %.3f s | %.2f us | %.3f s | %.3f s | %.3f s | %.2fx | %.3f s | %.2fx | %.0f bytes |\n", n, reused_s,
                    1e6 * reused_s / n, figures_s, explained_s, sql_s, sql_s / reused_s, covered_s, covered_s / reused_s,
                    kb_per_worker * 1024);
        std::fflush(stdout);
    }
    return 0;
}
