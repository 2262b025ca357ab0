// National and enterprise numbers: check digits, the 2000s variant, bis numbers, formats, and
// errors that never repeat the number.
#include <doctest/doctest.h>

#include "enterprise_number.h"
#include "national_number.h"

using namespace ll;

TEST_CASE("national numbers of the 1900s and the 2000s") {
    auto a = NationalNumber::parse("85.07.30-033.28");
    REQUIRE(a.ok());
    CHECK(a->digits() == "85073003328");
    CHECK(a->birth_date()->iso() == "1985-07-30");
    CHECK_FALSE(a->is_bis());
    CHECK(a->masked() == "******-***-28");

    auto b = NationalNumber::parse("00010100105");  // born 1 January 2000
    REQUIRE(b.ok());
    CHECK(b->birth_date()->iso() == "2000-01-01");
    auto c = NationalNumber::parse("00010100173");  // same digits, 1900 check: 1 January 1900
    REQUIRE(c.ok());
    CHECK(c->birth_date()->iso() == "1900-01-01");
}

TEST_CASE("bis numbers and unknown birth dates") {
    auto bis20 = NationalNumber::parse("85213003329");
    REQUIRE(bis20.ok());
    CHECK(bis20->is_bis());
    CHECK(bis20->birth_date()->iso() == "1985-01-30");
    auto bis40 = NationalNumber::parse("85473003317");
    REQUIRE(bis40.ok());
    CHECK(bis40->birth_date()->iso() == "1985-07-30");
    auto unknown = NationalNumber::parse("85000000138");
    REQUIRE(unknown.ok());
    CHECK_FALSE(unknown->birth_date().has_value());
    CHECK(NationalNumber::parse("40000000163").ok());
}

TEST_CASE("invalid national numbers are refused without echoing them") {
    const char* bad[] = {"85073003329", "8507300332", "850730033288", "85a73003328", "17022900281",
                         "17022900213", "85073099932", "85073000061", "", "85 07 30 033 2x"};
    for (const char* text : bad) {
        auto r = NationalNumber::parse(text, "workers[3].national_number");
        CHECK_MESSAGE(!r.ok(), text);
        if (r.ok()) continue;
        CHECK(r.error().code == "invalid_national_number");
        CHECK(r.error().field == "workers[3].national_number");
        CHECK(r.error().message.find("8507") == std::string::npos);
        CHECK(r.error().message.find(text[0] ? text : "@") == std::string::npos);
    }
}

TEST_CASE("enterprise numbers") {
    for (const char* ok : {"0403170701", "0403.170.701", "BE 0403.170.701", "be0403170701", "403170701"}) {
        auto r = EnterpriseNumber::parse(ok);
        REQUIRE_MESSAGE(r.ok(), ok);
        CHECK(r->digits() == "0403170701");
        CHECK(r->formatted() == "0403.170.701");
    }
    CHECK(EnterpriseNumber::parse("0202.239.951").ok());
    for (const char* bad : {"0403170702", "2403170701", "04031707", "BE", "0403-170-70x", "NL0403170701"}) {
        auto r = EnterpriseNumber::parse(bad, "enterprise_number");
        CHECK_MESSAGE(!r.ok(), bad);
        if (!r.ok()) CHECK(r.error().field == "enterprise_number");
    }
}
