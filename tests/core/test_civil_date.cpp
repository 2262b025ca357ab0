// Civil dates: strict ISO 8601 parsing, leap years, month ends and ordering.
#include <doctest/doctest.h>

#include "civil_date.h"

using ll::CivilDate;

TEST_CASE("valid dates round-trip") {
    for (const char* s : {"2024-02-29", "2023-12-31", "2000-02-29", "1900-01-01", "2199-12-31"}) {
        auto d = CivilDate::parse(s);
        REQUIRE_MESSAGE(d.ok(), s);
        CHECK(d->iso() == s);
    }
    auto d = *CivilDate::parse("2024-04-29");
    CHECK(d.year() == 2024);
    CHECK(d.month() == 4u);
    CHECK(d.day() == 29u);
}

TEST_CASE("impossible or sloppy dates are refused with the field named") {
    for (const char* s : {"2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-4-3",
                          "24-04-03", "2024/04/03", "2024-04-03T10:00", "", "2024-04-0a", "1899-12-31", "2200-01-01",
                          "+024-01-01"}) {
        auto d = CivilDate::parse(s, "employment[0].start");
        CHECK_MESSAGE(!d.ok(), s);
        if (!d.ok()) {
            CHECK(d.error().field == "employment[0].start");
            CHECK(d.error().code == "invalid_date");
        }
    }
}

TEST_CASE("calendar arithmetic") {
    CHECK(CivilDate::days_in_month(2024, 2) == 29u);
    CHECK(CivilDate::days_in_month(2023, 2) == 28u);
    CHECK(CivilDate::days_in_month(2100, 2) == 28u);
    CHECK(CivilDate::is_leap_year(2000));
    CHECK_FALSE(CivilDate::is_leap_year(1900));
    auto d = *CivilDate::parse("2024-02-10");
    CHECK(d.end_of_month().iso() == "2024-02-29");
    CHECK(d.plus_days(20).iso() == "2024-03-01");
    CHECK(d.plus_days(-41).iso() == "2023-12-31");
    CHECK(d.days_until(*CivilDate::parse("2025-02-10")) == 366);
    CHECK(*CivilDate::parse("2024-01-01") < *CivilDate::parse("2024-01-02"));
}
