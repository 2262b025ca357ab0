// Fictional people and companies only. National numbers are generated with valid check digits
// but belong to nobody. Passwords are demo passwords, printed in the README on purpose.
#include "demo_data.h"

#include <array>
#include <cstdio>

#include "auth.h"

namespace ll::server {
namespace {

constexpr std::array<const char*, 20> first_names{"Anna", "Lucas", "Emma", "Noah", "Louise", "Arthur", "Olivia",
                                                  "Jules", "Elena", "Victor", "Marie", "Adam", "Lina", "Finn",
                                                  "Nora", "Liam", "Julie", "Mathis", "Sara", "Stijn"};
constexpr std::array<const char*, 15> last_names{"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems",
                                                 "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert",
                                                 "Dupont", "Martin", "Schmitz"};
constexpr std::array<const char*, 3> departments{"Warehouse", "Transport", "Office"};
constexpr std::array<std::pair<int, int>, 5> regimes{{{1, 1}, {1, 1}, {4, 5}, {1, 2}, {3, 4}}};
constexpr std::array<const char*, 8> courses{"First aid", "Forklift refresher", "Excel for planners", "Dutch B1",
                                             "Safe loading", "GDPR basics", "Customer conversations", "Eco-driving"};

CivilDate date(const char* iso) { return *CivilDate::parse(iso); }
Rational ratio(int num, int den) { return *Rational::make(num, den); }

std::string numbered(const char* prefix, int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s-%04d", prefix, n);
    return buf;
}

// A valid-looking national number for fictional person n (born 1970-1999).
std::string national_number(int n) {
    char first9[16];
    std::snprintf(first9, sizeof first9, "%02d%02d%02d%03d", 70 + n % 30, 1 + n % 12, 1 + n % 28, 100 + n);
    long long v = std::atoll(first9);
    char check[8];
    std::snprintf(check, sizeof check, "%02d", static_cast<int>(97 - v % 97));
    return std::string(first9) + check;
}

// A small certificate-like picture (32x24 PNG: a framed sheet, a title band, lines and a seal):
// the demo's certificate "photo", so the history shows a real thumbnail.
std::string demo_png() {
    static const unsigned char png[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
        0x20, 0x00, 0x00, 0x00, 0x18, 0x08, 0x02, 0x00, 0x00, 0x00, 0x14, 0x31, 0x68, 0x63, 0x00, 0x00, 0x00, 0x50, 0x49,
        0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x10, 0x4F, 0x3C, 0x43, 0x53, 0xC4, 0x40, 0x27, 0x0B, 0x7E, 0xFD, 0xF8, 0x40,
        0x75, 0x34, 0x70, 0x16, 0x50, 0x12, 0x20, 0x23, 0xC4, 0x82, 0xA1, 0x1F, 0xC9, 0x43, 0xDF, 0x82, 0x69, 0xD3, 0x16,
        0x90, 0x8D, 0x46, 0x83, 0x68, 0x20, 0x83, 0xE8, 0xCC, 0x34, 0x71, 0x5A, 0x05, 0x11, 0xD0, 0x68, 0x64, 0x44, 0xFD,
        0x20, 0x22, 0xD9, 0x02, 0x4A, 0x9C, 0x8F, 0x6C, 0xC7, 0xC0, 0x05, 0xD1, 0xA0, 0xB3, 0x80, 0xA8, 0x54, 0x34, 0x84,
        0x5B, 0x15, 0x00, 0xEC, 0x23, 0x8F, 0x3E, 0x85, 0x3E, 0xE0, 0x9E, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44,
        0xAE, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(png), sizeof png);
}

struct Seeder {
    Transaction& tx;
    int entry_counter = 0;

    Result<bool> worker(WorkerRecord w, std::vector<EmploymentPeriod> periods) {
        if (auto r = tx.insert_worker(w); !r) return r;
        for (const auto& p : periods)
            if (auto r = tx.insert_employment(w.employer_id, w.id, p); !r) return r;
        return true;
    }

    Result<bool> training(const WorkerRecord& w, const char* day, long long minutes, const char* title, EntryStatus status,
                          const std::string& certificate = {}, const char* reason = "") {
        EntryRecord e;
        e.entry = LedgerEntry{numbered("e", ++entry_counter), EntryKind::training, status, date(day), minutes, title};
        e.employer_id = w.employer_id;
        e.worker_id = w.id;
        e.provider = "Demo Training Centre";
        e.training_type = entry_counter % 3 == 0 ? "informal" : "formal";
        e.cost_cents = 15000 + 1000 * (entry_counter % 10);
        e.fund_cents = entry_counter % 4 == 0 ? 5000 : 0;
        e.subsidy_cents = entry_counter % 5 == 0 ? 2500 : 0;
        e.certificate_id = certificate;
        e.created_by = w.id;
        e.created_at = std::string(day) + "T09:00:00Z";
        if (status == EntryStatus::approved || status == EntryStatus::rejected) {
            e.decided_by = "demo-seed";
            e.decided_at = e.created_at;
            e.decision_reason = reason;
        }
        if (auto r = tx.insert_entry(e); !r) return r;
        return tx.record_change(w.employer_id, "entry", e.entry.id, w.id);
    }

    Result<bool> account(const char* id, const std::string& employer, const std::string& worker_id, const DemoLogin& login,
                         const char* role) {
        return tx.insert_account({id, employer, worker_id, login.email, hash_password(login.password), role, "nl"});
    }
};

WorkerRecord logistics_worker(int n) {
    WorkerRecord w;
    w.id = numbered("w", n);
    w.employer_id = "demo";
    w.display_name = n == 1 ? "Anna Peeters"
                            : std::string(first_names[(n * 7) % first_names.size()]) + " " + last_names[(n * 11) % last_names.size()];
    w.department_name = n == 1 ? "Warehouse" : departments[n % departments.size()];
    w.department_id = "demo:" + w.department_name;
    w.joint_committee = n % 4 == 0 ? "200" : "226";
    w.language = n % 5 == 0 ? "fr" : "nl";
    w.national_number = national_number(n);
    w.gender = n == 1 || n % 2 == 0 ? "female" : "male";
    w.site = n % 3 == 0 ? "Ghent" : "Antwerp";
    return w;
}

std::vector<EmploymentPeriod> logistics_periods(int n, WorkerRecord& w) {
    if (n == 1) return {{date("2024-04-29"), std::nullopt, ratio(4, 5)}};  // the spec's example: 3 days in 2024
    auto [num, den] = regimes[n % regimes.size()];
    auto start = *CivilDate::from_ymd(2018 + n % 9, 1 + static_cast<unsigned>(n * 5) % 12, 1 + static_cast<unsigned>(n * 3) % 28);
    if (n % 10 == 0 && start < date("2025-06-15"))  // regime change: part-time until mid-June 2025
        return {{start, date("2025-06-14"), ratio(1, 2)}, {date("2025-06-15"), std::nullopt, Rational(1)}};
    if (n % 13 == 0 && start < date("2025-09-30")) {  // leavers
        w.termination = Termination{date("2025-09-30"), n == 13 ? TerminationReason::resignation : TerminationReason::dismissal};
        return {{start, date("2025-09-30"), ratio(num, den)}};
    }
    return {{start, std::nullopt, ratio(num, den)}};
}

Result<bool> seed_logistics(Seeder& s) {
    auto& tx = s.tx;
    if (auto r = tx.insert_employer({"demo", "Demo Logistics NV", "0403170701", "be-federal"}); !r) return r;
    for (auto [year, fte] : std::vector<std::pair<int, Rational>>{
             {2023, ratio(961, 20)}, {2024, ratio(523, 10)}, {2025, Rational(55)}, {2026, ratio(286, 5)}, {2027, ratio(286, 5)}})
        if (auto r = tx.insert_company_size("demo", {year, fte}); !r) return r;
    // Managers: w-0003 (Warehouse), w-0004 (Transport), w-0005 (Office).
    const char* managers[] = {"w-0003", "w-0004", "w-0005"};
    std::vector<WorkerRecord> people;
    for (int n = 1; n <= 60; ++n) people.push_back(logistics_worker(n));
    for (size_t d = 0; d < departments.size(); ++d) {
        // Departments first without a manager (the manager row does not exist yet), then set it.
        if (auto r = tx.insert_department("demo", {std::string("demo:") + departments[d], departments[d], ""}); !r) return r;
    }
    for (int n = 1; n <= 60; ++n) {
        auto periods = logistics_periods(n, people[static_cast<size_t>(n - 1)]);
        if (auto r = s.worker(people[static_cast<size_t>(n - 1)], periods); !r) return r;
    }
    if (auto r = tx.set_department_managers("demo", {{"demo:Warehouse", managers[0]}, {"demo:Transport", managers[1]},
                                                      {"demo:Office", managers[2]}});
        !r)
        return r;

    const std::string certificate = "cert-demo-0001";
    const std::string png = demo_png();
    if (auto r = tx.insert_certificate({certificate, "demo", "w-0001", "image/png", sha256_hex(png), static_cast<std::int64_t>(png.size()), png}); !r)
        return r;
    const WorkerRecord& anna = people[0];
    for (auto r : {s.training(anna, "2024-10-07", 456, "First aid", EntryStatus::approved, certificate),
                   s.training(anna, "2025-03-03", 228, "Forklift refresher", EntryStatus::approved),
                   s.training(anna, "2025-06-10", 456, "Wine tasting", EntryStatus::rejected, {}, "Not related to the job"),
                   s.training(anna, "2026-02-16", 120, "GDPR basics", EntryStatus::withdrawn),
                   s.training(anna, "2026-10-12", 228, "Safe loading", EntryStatus::submitted),
                   s.training(anna, "2026-12-07", 456, "Dutch B1", EntryStatus::draft)})
        if (!r) return r;
    for (int n = 2; n <= 60; ++n) {
        const WorkerRecord& w = people[static_cast<size_t>(n - 1)];
        const char* title = courses[static_cast<size_t>(n) % courses.size()];
        char day[16];
        std::snprintf(day, sizeof day, "2024-%02d-%02d", 1 + n % 12, 1 + n % 27);
        if (auto r = s.training(w, day, 120 + 30 * (n % 10), title, EntryStatus::approved); !r) return r;
        std::snprintf(day, sizeof day, "2025-%02d-%02d", 1 + (n * 5) % 12, 1 + n % 27);
        if (auto r = s.training(w, day, 228 + 30 * (n % 7), courses[static_cast<size_t>(n + 3) % courses.size()],
                                n % 9 == 0 ? EntryStatus::rejected : EntryStatus::approved, {}, n % 9 == 0 ? "Duplicate request" : "");
            !r)
            return r;
        // A third of the team has followed a course this year, so the team table, the kiosk boards
        // and the compliance view show a year under way rather than one not started.
        if (n % 3 == 0) {
            std::snprintf(day, sizeof day, "2026-%02d-%02d", 1 + n % 10, 1 + n % 27);
            if (auto r = s.training(w, day, 228 + 60 * (n % 4), courses[static_cast<size_t>(n + 1) % courses.size()], EntryStatus::approved); !r)
                return r;
        }
        if (n % 4 == 0) {
            std::snprintf(day, sizeof day, "2026-%02d-%02d", 1 + n % 11, 1 + n % 27);
            if (auto r = s.training(w, day, 456, courses[static_cast<size_t>(n + 5) % courses.size()], EntryStatus::submitted); !r) return r;
        }
    }
    const auto& logins = demo_logins();
    for (auto r : {s.account("acc-worker", "demo", "w-0001", logins[0], "worker"),
                   s.account("acc-worker2", "demo", "w-0002", logins[1], "worker"),
                   s.account("acc-manager", "demo", "w-0003", logins[2], "manager"),
                   s.account("acc-manager-transport", "demo", "w-0004", logins[3], "manager"),
                   s.account("acc-hr", "demo", "w-0008", logins[4], "hr")})
        if (!r) return r;
    return true;
}

// Kiosks in both sites (demo tokens, printed in the README), a badge per worker, PINs for the two
// demo workers only (hashing takes a while), and trainings with places from the seeding day on.
Result<bool> seed_kiosks(Seeder& s, const CivilDate& today) {
    auto& tx = s.tx;
    for (const auto& k : demo_kiosks())
        if (auto r = tx.insert_kiosk({k.id, "demo", k.site, false, k.languages}, sha256_hex(k.token), "demo-seed", "2026-01-01T00:00:00Z"); !r)
            return r;
    for (int n = 1; n <= 60; ++n) {
        const std::string worker = numbered("w", n);
        if (auto r = tx.set_badge("demo", worker, std::to_string(1000 + n)); !r) return r;
    }
    for (const auto& [worker, pin] : {std::pair{"w-0001", "2580"}, std::pair{"w-0002", "1357"}})
        if (auto r = tx.set_pin_hash("demo", worker, hash_password(pin)); !r) return r;
    struct Planned {
        const char *site, *title;
        int in_days, start, minutes, places, enrolled;
    };
    const Planned planned[] = {{"Antwerp", "First aid refresher", 8, 9 * 60, 180, 12, 7},
                               {"Antwerp", "Reach truck safety", 13, 13 * 60 + 30, 240, 8, 8},
                               {"Antwerp", "Dutch at work", 20, 10 * 60, 120, 10, 3},
                               {"Antwerp", "Fire warden", 41, 8 * 60 + 30, 228, 6, 1},
                               {"Ghent", "Ecodriving", 9, 9 * 60, 228, 10, 2}};
    int id = 0, enrolled_worker = 2;
    for (const auto& p : planned) {
        TrainingSession t{numbered("ts", ++id), p.site, p.title, "Demo Training Centre", today.plus_days(p.in_days), p.start, p.minutes, p.places, 0};
        if (auto r = tx.insert_training_session("demo", t, "demo-seed", "2026-01-01T00:00:00Z"); !r) return r;
        for (int e = 0; e < p.enrolled; ++e)
            if (auto r = tx.insert_enrolment("demo", t.id, numbered("w", enrolled_worker++ % 59 + 2), "2026-01-01T00:00:00Z"); !r) return r;
    }
    return true;
}

Result<bool> seed_bakery(Seeder& s) {
    auto& tx = s.tx;
    if (auto r = tx.insert_employer({"bakery", "Small Bakery BV", "0202239951", "be-federal"}); !r) return r;
    for (auto [year, fte] : std::vector<std::pair<int, Rational>>{{2023, Rational(8)}, {2024, Rational(8)}, {2025, ratio(17, 2)},
                                                                  {2026, Rational(9)}, {2027, Rational(9)}})
        if (auto r = tx.insert_company_size("bakery", {year, fte}); !r) return r;
    if (auto r = tx.insert_department("bakery", {"bakery:Shop", "Shop", ""}); !r) return r;
    for (int n = 1; n <= 6; ++n) {
        WorkerRecord w{numbered("b", n), "bakery", std::string(first_names[static_cast<size_t>(n)]) + " " + last_names[static_cast<size_t>(n + 5)],
                       "bakery:Shop", "Shop", "118", "nl", national_number(100 + n), std::nullopt, 1};
        if (auto r = s.worker(w, {{*CivilDate::from_ymd(2020 + n % 4, 3, 1), std::nullopt, n % 2 ? Rational(1) : ratio(1, 2)}}); !r)
            return r;
        if (auto r = s.training(w, "2025-04-14", 240, "Food hygiene", EntryStatus::approved); !r) return r;
    }
    const auto& logins = demo_logins();
    for (auto r : {s.account("acc-bakery-hr", "bakery", "", logins[5], "hr"),
                   s.account("acc-bakery-worker", "bakery", "b-0001", logins[6], "worker"),
                   s.account("acc-operator", "", "", logins[7], "operator")})
        if (!r) return r;
    if (auto r = tx.insert_mandate("acc-operator", "demo"); !r) return r;
    return tx.insert_mandate("acc-operator", "bakery");
}

}  // namespace

const std::vector<DemoLogin>& demo_logins() {
    static const std::vector<DemoLogin> logins = {
        {"worker@demo.example", "demo-worker", "Anna Peeters, warehouse worker (80 %, hired 29 April 2024)"},
        {"worker2@demo.example", "demo-worker", "an office worker (not in the warehouse manager's team)"},
        {"manager@demo.example", "demo-manager", "warehouse manager: approves Anna's team"},
        {"manager.transport@demo.example", "demo-manager", "transport manager"},
        {"hr@demo.example", "demo-hr", "HR admin of Demo Logistics NV"},
        {"hr@bakery.example", "demo-hr", "HR admin of Small Bakery BV (the second tenant)"},
        {"worker@bakery.example", "demo-worker", "a bakery worker"},
        {"operator@secretariat.example", "demo-operator", "social secretariat mandated for both employers"},
    };
    return logins;
}

const std::vector<DemoKiosk>& demo_kiosks() {
    static const std::vector<DemoKiosk> kiosks = {
        {"k-demo-antwerp", "Antwerp", "nl,fr", "demo-kiosk-antwerp"},
        {"k-demo-ghent", "Ghent", "nl", "demo-kiosk-ghent"},
    };
    return kiosks;
}

Result<bool> seed_demo(Store& store, const CivilDate& today) {
    auto tx = store.write(Batching::alone);
    if (!tx) return tx.error();
    auto exists = (*tx)->employer("demo");
    if (!exists) return exists.error();
    if (*exists) return false;
    Seeder s{**tx};
    if (auto r = seed_logistics(s); !r) return r;
    if (auto r = seed_kiosks(s, today); !r) return r;
    if (auto r = seed_bakery(s); !r) return r;
    return (*tx)->commit();
}

}  // namespace ll::server
