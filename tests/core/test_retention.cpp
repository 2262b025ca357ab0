// Retention before erasure: counted from the day after the contract's last day, in whole years.
#include <doctest/doctest.h>

#include "retention.h"

using namespace ll;

namespace {
CivilDate iso_day(const char* iso) { return *CivilDate::parse(iso); }
}  // namespace

TEST_CASE("erasure waits for the worker to leave and for the retention period") {
    CHECK(erasable_from(std::nullopt, 5).error().code == "not_left");
    CHECK(erasable_from(std::nullopt, 5).error().field == "termination");
    const Termination left{iso_day("2020-06-30"), TerminationReason::resignation};
    CHECK(erasable_from(left, 5)->iso() == "2025-07-01");
    CHECK(erasable_from(left, 0)->iso() == "2020-07-01");
    CHECK_FALSE(may_erase(left, 5, iso_day("2025-06-30")));
    CHECK(may_erase(left, 5, iso_day("2025-06-30")).error().message == "kept until the retention period ends on 2025-07-01");
    CHECK(may_erase(left, 5, iso_day("2025-07-01")));
    // The day after 28 February 2023 is 1 March; after 28 February 2024 it is 29 February, which 2025 lacks.
    CHECK(erasable_from(Termination{iso_day("2024-02-28"), TerminationReason::other}, 1)->iso() == "2025-02-28");
    CHECK(erasable_from(Termination{iso_day("2199-06-30"), TerminationReason::other}, 5)->year() == CivilDate::max_year);
}
