// Builds year views through the same fold the server uses, so screens are tested on real figures.
#include "demo_year.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "shipped_rules.h"

namespace ll::test {

SessionInfo anna_session() {
    SessionInfo s;
    s.account_id = "acc-worker";
    s.email = "worker@demo.example";
    s.role = "worker";
    s.language = "nl";
    s.worker_id = "w-0001";
    s.display_name = "Anna Peeters";
    s.csrf_token = "token";
    return s;
}

YearView anna_year(int year) {
    WorkerFacts f;
    f.employment = {{*CivilDate::parse("2024-04-29"), std::nullopt, *Rational::make(4, 5)}};
    for (int y = 2023; y <= 2030; ++y) f.company_fte[y] = Rational(40);
    auto entry = [](const char* id, const char* date, long long minutes, const char* title, EntryStatus status) {
        EntryRecord e;
        e.entry = LedgerEntry{id, EntryKind::training, status, *CivilDate::parse(date), minutes, title};
        e.worker_id = "w-0001";
        e.provider = "Academy";
        if (status == EntryStatus::rejected) e.decision_reason = "Not related to the job";
        if (status == EntryStatus::approved) e.certificate_id = "c-first-aid";
        return e;
    };
    std::vector<EntryRecord> all = {entry("e1", "2024-10-07", 456, "First aid", EntryStatus::approved),
                                    entry("e2", "2025-06-10", 456, "Wine tasting", EntryStatus::rejected),
                                    entry("e3", "2026-10-12", 228, "Safe loading", EntryStatus::submitted)};
    std::vector<LedgerEntry> ledger;
    std::vector<EntryRecord> of_year;
    for (const auto& e : all) {
        ledger.push_back(e.entry);
        if (e.entry.date.year() == year) of_year.push_back(e);
    }
    auto b = fold_ledger(*shipped::belgian_rule_set(), f, ledger, LedgerOptions{std::min(2024, year), year, false});
    REQUIRE(b.ok());
    return year_view("w-0001", *b, of_year);
}

}  // namespace ll::test
