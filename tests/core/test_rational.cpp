// Exact fractions: reduction, arithmetic, rounding direction, decimal text and overflow refusal.
#include <doctest/doctest.h>

#include "rational.h"

using ll::Rational;

TEST_CASE("rationals reduce and compare exactly") {
    auto a = *Rational::make(6, 8);
    CHECK(a.num() == 3);
    CHECK(a.den() == 4);
    CHECK(*Rational::make(1, -2) == *Rational::make(-1, 2));
    CHECK(*Rational::make(1, 3) < *Rational::make(1, 2));
    CHECK_FALSE(Rational::make(1, 0).has_value());
}

TEST_CASE("decimal text parses exactly") {
    CHECK(*Rational::parse_decimal("0.8") == *Rational::make(4, 5));
    CHECK(*Rational::parse_decimal("2.50") == *Rational::make(5, 2));
    CHECK(*Rational::parse_decimal("-1.25") == *Rational::make(-5, 4));
    CHECK(*Rational::parse_decimal("7") == Rational(7));
    for (const char* bad : {"", ".", "1.2.3", "1e3", "abc", "0.1234567891", "--1", " 1"})
        CHECK_MESSAGE(!Rational::parse_decimal(bad).has_value(), bad);
}

TEST_CASE("arithmetic is exact: 5 x 0.8 x 9/12 = 3") {
    auto r = Rational(5).times(*Rational::parse_decimal("0.8"))->times(*Rational::make(9, 12));
    CHECK(*r == Rational(3));
    auto third = *Rational::make(1, 3);
    CHECK(*third.plus(third)->plus(third) == Rational(1));
    CHECK(*Rational(1).minus(third) == *Rational::make(2, 3));
    CHECK(*Rational(2).divided_by(Rational(4)) == *Rational::make(1, 2));
    CHECK_FALSE(Rational(2).divided_by(Rational(0)).has_value());
}

TEST_CASE("rounding goes in the stated direction") {
    CHECK(Rational::make(10, 3)->ceil() == 4);
    CHECK(Rational::make(10, 3)->floor() == 3);
    CHECK(Rational::make(-10, 3)->ceil() == -3);
    CHECK(Rational::make(-10, 3)->floor() == -4);
    CHECK(Rational(6).ceil() == 6);
}

TEST_CASE("decimal rendering") {
    CHECK(Rational::make(10, 3)->to_decimal(2) == "3.33");
    CHECK(Rational::make(5, 2)->to_decimal(2) == "2.5");
    CHECK(Rational(3).to_decimal(2) == "3");
    CHECK(Rational::make(2, 3)->to_decimal(2) == "0.67");
    CHECK(Rational::make(-1, 2)->to_decimal(2) == "-0.5");
    CHECK(Rational::make(1, 1000)->to_decimal(2) == "0");
}

TEST_CASE("overflow is refused, never wrapped") {
    Rational big(INT64_MAX / 2 + 1);
    CHECK_FALSE(big.times(Rational(3)).has_value());
    CHECK_FALSE(big.plus(big).has_value());
    CHECK(*Rational::make(INT64_MAX, INT64_MAX) == Rational(1));
}
