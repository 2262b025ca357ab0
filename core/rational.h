// Exact non-negative-or-negative fractions for entitlement arithmetic (spec: keep exact values).
// int64 numerator/denominator, always reduced, denominator > 0; overflow is checked, not wrapped.
#pragma once
#include <cstdint>
#include <numeric>
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
    friend bool operator<(const Rational& a, const Rational& b) {
        if (a.den_ == b.den_) return a.num_ < b.num_;
        // 128-bit products cannot overflow.
        return static_cast<__int128>(a.num_) * b.den_ < static_cast<__int128>(b.num_) * a.den_;
    }
    friend bool operator<=(const Rational& a, const Rational& b) { return !(b < a); }
    friend bool operator>(const Rational& a, const Rational& b) { return b < a; }
    friend bool operator>=(const Rational& a, const Rational& b) { return !(a < b); }

private:
    constexpr Rational(std::int64_t n, std::int64_t d, int) : num_(n), den_(d) {}
    std::int64_t num_ = 0;
    std::int64_t den_ = 1;
};

// make, plus, times and divided_by are inline: a fold of a worker's five years calls them about a hundred
// times, and out of line their calls cost as much as their arithmetic.
inline std::optional<Rational> Rational::make(std::int64_t num, std::int64_t den) {
    if (den == 0) return std::nullopt;
    if (den < 0) {
        if (num == INT64_MIN || den == INT64_MIN) return std::nullopt;
        num = -num;
        den = -den;
    }
    if (den == 1) return Rational(num, 1, 0);
    std::int64_t g = std::gcd(num, den);
    if (g > 1) {
        num /= g;
        den /= g;
    }
    return Rational(num, den, 0);
}

inline std::optional<Rational> Rational::plus(const Rational& o) const {
    std::int64_t n, a, b;
    if (den_ == o.den_) return __builtin_add_overflow(num_, o.num_, &n) ? std::nullopt : make(n, den_);
    std::int64_t l = std::lcm(den_, o.den_);
    if (l <= 0 || __builtin_mul_overflow(num_, l / den_, &a) || __builtin_mul_overflow(o.num_, l / o.den_, &b) ||
        __builtin_add_overflow(a, b, &n))
        return std::nullopt;
    return make(n, l);
}

inline std::optional<Rational> Rational::divided_by(const Rational& o) const {
    if (o.num_ == 0) return std::nullopt;
    auto inv = make(o.den_, o.num_);
    return inv ? times(*inv) : std::nullopt;
}

inline std::optional<Rational> Rational::times(const Rational& o) const {
    std::int64_t n, d;
    if (den_ == 1 && o.den_ == 1) return __builtin_mul_overflow(num_, o.num_, &n) ? std::nullopt : std::optional(Rational(n, 1, 0));
    // Cross-reduce first so intermediate products stay small.
    std::int64_t g1 = std::gcd(num_, o.den_), g2 = std::gcd(o.num_, den_);
    if (g1 == 0) g1 = 1;
    if (g2 == 0) g2 = 1;
    if (__builtin_mul_overflow(num_ / g1, o.num_ / g2, &n) || __builtin_mul_overflow(den_ / g2, o.den_ / g1, &d))
        return std::nullopt;
    return make(n, d);
}

}  // namespace ll
