// Exact non-negative-or-negative fractions for entitlement arithmetic (spec: keep exact values).
// int64 numerator/denominator, always reduced, denominator > 0; overflow is checked, not wrapped.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ll {

class Rational {
public:
    constexpr Rational() = default;
    constexpr Rational(std::int64_t whole) : num_(whole), den_(1) {}
    // Reduces; den must not be 0 (asserted by make()).
    static std::optional<Rational> make(std::int64_t num, std::int64_t den);
    // Exact decimal text such as "0.8", "1", "2.5"; at most 9 decimals; no exponent.
    static std::optional<Rational> parse_decimal(std::string_view text);

    std::int64_t num() const { return num_; }
    std::int64_t den() const { return den_; }

    // Arithmetic returns nullopt on int64 overflow, so a huge input cannot silently wrap.
    std::optional<Rational> plus(const Rational& o) const;
    std::optional<Rational> minus(const Rational& o) const;
    std::optional<Rational> times(const Rational& o) const;
    std::optional<Rational> divided_by(const Rational& o) const;

    // Rounds towards +infinity: used where a fraction must become whole in the worker's favour.
    std::int64_t ceil() const;
    std::int64_t floor() const;
    double to_double() const { return static_cast<double>(num_) / static_cast<double>(den_); }
    // Shortest exact decimal if one exists within `max_decimals`, else rounded half up ("3.33").
    std::string to_decimal(int max_decimals = 2) const;

    friend bool operator==(const Rational& a, const Rational& b) { return a.num_ == b.num_ && a.den_ == b.den_; }
    friend bool operator<(const Rational& a, const Rational& b);
    friend bool operator<=(const Rational& a, const Rational& b) { return !(b < a); }
    friend bool operator>(const Rational& a, const Rational& b) { return b < a; }
    friend bool operator>=(const Rational& a, const Rational& b) { return !(a < b); }

private:
    constexpr Rational(std::int64_t n, std::int64_t d, int) : num_(n), den_(d) {}
    std::int64_t num_ = 0;
    std::int64_t den_ = 1;
};

}  // namespace ll
