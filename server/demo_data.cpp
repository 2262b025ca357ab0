// Fictional people and companies only. Join dates, regimes and departures are spread so every
// rule (partial years, part-time, regime changes, leavers) shows up in the demo.
#include "demo_data.h"

#include <array>
#include <cstdio>

namespace ll::server {
namespace {

using Workers = std::vector<std::pair<WorkerRecord, std::vector<EmploymentPeriod>>>;

constexpr std::array<const char*, 20> first_names{"Anna", "Lucas", "Emma", "Noah", "Louise", "Arthur", "Olivia",
                                                  "Jules", "Elena", "Victor", "Marie", "Adam", "Lina", "Finn",
                                                  "Nora", "Liam", "Julie", "Mathis", "Sara", "Stijn"};
constexpr std::array<const char*, 15> last_names{"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems",
                                                 "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert",
                                                 "Dupont", "Martin", "Schmitz"};
constexpr std::array<const char*, 3> departments{"Warehouse", "Transport", "Office"};
constexpr std::array<std::pair<int, int>, 5> regimes{{{1, 1}, {1, 1}, {4, 5}, {1, 2}, {3, 4}}};

CivilDate date(const char* iso) { return *CivilDate::parse(iso); }
Rational ratio(int num, int den) { return *Rational::make(num, den); }

std::string worker_id(const char* prefix, int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s-%04d", prefix, n);
    return buf;
}

Workers logistics_workers() {
    Workers out;
    // The demo worker: the spec's worked example (80 %, hired 29 April 2024 -> 3 days in 2024).
    out.push_back({{demo_worker_id, "demo", "Anna Peeters", "Warehouse"},
                   {{date("2024-04-29"), std::nullopt, ratio(4, 5)}}});
    for (int n = 2; n <= 60; ++n) {
        WorkerRecord w{worker_id("w", n), "demo",
                       std::string(first_names[(n * 7) % first_names.size()]) + " " + last_names[(n * 11) % last_names.size()],
                       departments[n % departments.size()]};
        auto [num, den] = regimes[n % regimes.size()];
        int join_year = 2018 + n % 9;  // 2018..2026
        auto start = *CivilDate::from_ymd(join_year, 1 + static_cast<unsigned>(n * 5) % 12, 1 + static_cast<unsigned>(n * 3) % 28);
        std::vector<EmploymentPeriod> periods;
        if (n % 10 == 0 && start < date("2025-06-15")) {
            // Regime change: part-time until mid-June 2025, full-time after.
            periods.push_back({start, date("2025-06-14"), ratio(1, 2)});
            periods.push_back({date("2025-06-15"), std::nullopt, Rational(1)});
        } else if (n % 13 == 0 && start < date("2025-09-30")) {
            periods.push_back({start, date("2025-09-30"), ratio(num, den)});  // a leaver
        } else {
            periods.push_back({start, std::nullopt, ratio(num, den)});
        }
        out.push_back({w, periods});
    }
    return out;
}

Workers bakery_workers() {
    Workers out;
    for (int n = 1; n <= 6; ++n)
        out.push_back({{worker_id("b", n), "bakery", std::string(first_names[n]) + " " + last_names[n + 5], "Shop"},
                       {{*CivilDate::from_ymd(2020 + n % 4, 3, 1), std::nullopt, n % 2 ? Rational(1) : ratio(1, 2)}}});
    return out;
}

}  // namespace

Result<bool> seed_demo(Store& store) {
    auto exists = store.employer_exists("demo");
    if (!exists) return exists.error();
    if (*exists) return false;
    auto logistics = store.insert_employer(
        {"demo", "Demo Logistics NV", "0403170701", "be-federal"},
        {{2023, ratio(961, 20)}, {2024, ratio(523, 10)}, {2025, Rational(55)}, {2026, ratio(286, 5)}, {2027, ratio(286, 5)}},
        logistics_workers());
    if (!logistics) return logistics.error();
    auto bakery = store.insert_employer({"bakery", "Small Bakery BV", "0202239951", "be-federal"},
                                        {{2023, Rational(8)}, {2024, Rational(8)}, {2025, ratio(17, 2)}, {2026, Rational(9)}},
                                        bakery_workers());
    if (!bakery) return bakery.error();
    return true;
}

}  // namespace ll::server
