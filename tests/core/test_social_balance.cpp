// The social balance sheet's training section against a hand-computed case (the spec's example:
// gross 26,600 + funds 36,049 - subsidies 2,386.80 = net 60,262.20) and the counting rules.
#include <doctest/doctest.h>

#include <map>

#include "social_balance.h"

using namespace ll;

namespace {

EntryRecord training(const char* worker, const char* date, long long minutes, const char* type, std::int64_t gross,
                     std::int64_t fund, std::int64_t subsidy, EntryStatus status = EntryStatus::approved) {
    EntryRecord e;
    e.entry = LedgerEntry{std::string("e-") + worker + date, EntryKind::training, status, *CivilDate::parse(date), minutes, "t"};
    e.worker_id = worker;
    e.training_type = type;
    e.cost_cents = gross;
    e.fund_cents = fund;
    e.subsidy_cents = subsidy;
    return e;
}

std::map<std::string, Rational> by_code(const SocialBalanceSheet& s) {
    std::map<std::string, Rational> out;
    for (const auto& l : social_balance_lines(s)) out[l.code] = l.value;
    return out;
}

}  // namespace

TEST_CASE("the spec's example: net cost 5803 = 60,262.20") {
    // Two men, three formal trainings; the amounts add up to the example's totals.
    std::vector<EntryRecord> entries = {training("m1", "2025-03-03", 456, "formal", 1000000, 2000000, 100000),
                                        training("m1", "2025-05-05", 228, "formal", 660000, 1604900, 138680),
                                        training("m2", "2025-09-09", 120, "formal", 1000000, 0, 0)};
    auto sheet = social_balance_sheet(2025, entries, {"male", "male", "male"});
    auto codes = by_code(sheet);
    CHECK(codes["5801"] == Rational(2));                      // distinct workers, not trainings
    CHECK(codes["5802"] == *Rational::make(804, 60));         // 13.4 hours
    CHECK(codes["58031"] == Rational(26600));
    CHECK(codes["58032"] == Rational(36049));
    CHECK(codes["58033"] == *Rational::make(238680, 100));    // 2,386.80
    CHECK(codes["5803"] == *Rational::make(6026220, 100));    // 60,262.20
    CHECK(codes["5811"] == Rational(0));
}

TEST_CASE("blocks, genders, years and statuses are kept apart") {
    std::vector<EntryRecord> entries = {
        training("w1", "2025-01-10", 60, "informal", 5000, 0, 1000),
        training("w1", "2025-02-10", 60, "informal", 5000, 0, 0),
        training("w2", "2025-03-10", 90, "initial", 10000, 2000, 0),
        training("w3", "2025-04-10", 30, "formal", 0, 0, 0, EntryStatus::submitted),  // not approved: not counted
        training("w4", "2024-12-31", 30, "formal", 100, 0, 0),                      // another year
        training("w5", "2025-06-01", 45, "formal", 100, 0, 0),                      // gender not recorded
    };
    auto sheet = social_balance_sheet(2025, entries, {"female", "female", "male", "female", "male", ""});
    auto codes = by_code(sheet);
    CHECK(codes["5831"] == Rational(1));
    CHECK(codes["5832"] == Rational(2));
    CHECK(codes["5833"] == Rational(90));  // 100 - 10
    CHECK(codes["5841"] == Rational(1));
    CHECK(codes["5842"] == *Rational::make(3, 2));
    CHECK(codes["5843"] == Rational(120));
    CHECK(codes["5801"] == Rational(0));
    CHECK(codes["5811"] == Rational(0));
    CHECK(sheet.unclassified_workers == 1);
    CHECK(sheet.unclassified_minutes == 45);
    // The form's codes, in its order: 18 lines for formal (with the cost parts), 6 each for the others.
    auto lines = social_balance_lines(sheet);
    REQUIRE(lines.size() == 24);
    CHECK(lines.front().code == "5801");
    CHECK(lines[3].code == "58031");
    CHECK(lines[6].code == "5811");
    CHECK(lines.back().code == "5853");
}
