// Rational arithmetic with overflow checks; reduction by gcd keeps values small in practice
// (denominators here are products of 12, 100 and weekly-hour figures).
#include "rational.h"

#include <cstdlib>
#include <numeric>

namespace ll {
namespace {

bool mul(std::int64_t a, std::int64_t b, std::int64_t& out) { return !__builtin_mul_overflow(a, b, &out); }
bool add(std::int64_t a, std::int64_t b, std::int64_t& out) { return !__builtin_add_overflow(a, b, &out); }

}  // namespace

std::optional<Rational> Rational::make(std::int64_t num, std::int64_t den) {
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

std::optional<Rational> Rational::parse_decimal(std::string_view text) {
    if (text.empty()) return std::nullopt;
    bool negative = text.front() == '-';
    if (negative) text.remove_prefix(1);
    std::int64_t num = 0, den = 1;
    bool seen_point = false, seen_digit = false;
    int decimals = 0;
    for (char c : text) {
        if (c == '.') {
            if (seen_point) return std::nullopt;
            seen_point = true;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        seen_digit = true;
        if (seen_point && ++decimals > 9) return std::nullopt;
        if (!mul(num, 10, num) || !add(num, c - '0', num)) return std::nullopt;
        if (seen_point) den *= 10;
    }
    if (!seen_digit) return std::nullopt;
    return make(negative ? -num : num, den);
}

std::optional<Rational> Rational::plus(const Rational& o) const {
    std::int64_t n;
    if (den_ == o.den_) return add(num_, o.num_, n) ? make(n, den_) : std::nullopt;
    std::int64_t l = std::lcm(den_, o.den_), a, b;
    if (l <= 0 || !mul(num_, l / den_, a) || !mul(o.num_, l / o.den_, b) || !add(a, b, n)) return std::nullopt;
    return make(n, l);
}

std::optional<Rational> Rational::minus(const Rational& o) const {
    if (o.num_ == INT64_MIN) return std::nullopt;
    return plus(Rational(-o.num_, o.den_, 0));
}

std::optional<Rational> Rational::times(const Rational& o) const {
    std::int64_t n, d;
    if (den_ == 1 && o.den_ == 1) return mul(num_, o.num_, n) ? std::optional(Rational(n, 1, 0)) : std::nullopt;
    // Cross-reduce first so intermediate products stay small.
    std::int64_t g1 = std::gcd(num_, o.den_), g2 = std::gcd(o.num_, den_);
    if (g1 == 0) g1 = 1;
    if (g2 == 0) g2 = 1;
    if (!mul(num_ / g1, o.num_ / g2, n) || !mul(den_ / g2, o.den_ / g1, d)) return std::nullopt;
    return make(n, d);
}

std::optional<Rational> Rational::divided_by(const Rational& o) const {
    if (o.num_ == 0) return std::nullopt;
    auto inv = make(o.den_, o.num_);
    if (!inv) return std::nullopt;
    return times(*inv);
}

std::int64_t Rational::floor() const {
    std::int64_t q = num_ / den_;
    return (num_ % den_ != 0 && num_ < 0) ? q - 1 : q;
}

std::int64_t Rational::ceil() const {
    std::int64_t q = num_ / den_;
    return (num_ % den_ != 0 && num_ > 0) ? q + 1 : q;
}

bool operator<(const Rational& a, const Rational& b) {
    if (a.den_ == b.den_) return a.num_ < b.num_;
    // Compare a.num/a.den < b.num/b.den without overflow using 128-bit products.
    return static_cast<__int128>(a.num_) * b.den_ < static_cast<__int128>(b.num_) * a.den_;
}

std::string Rational::to_decimal(int max_decimals) const {
    std::int64_t scale = 1;
    for (int i = 0; i < max_decimals; ++i) scale *= 10;
    __int128 scaled = static_cast<__int128>(num_ < 0 ? -num_ : num_) * scale;
    __int128 q = scaled / den_, r = scaled % den_;
    if (r * 2 >= den_) ++q;  // half up, on the magnitude
    std::int64_t whole = static_cast<std::int64_t>(q / scale), frac = static_cast<std::int64_t>(q % scale);
    std::string out = (num_ < 0 && q != 0) ? "-" : "";
    out += std::to_string(whole);
    if (frac != 0) {
        std::string digits = std::to_string(frac);
        digits.insert(0, static_cast<size_t>(max_decimals) - digits.size(), '0');
        while (!digits.empty() && digits.back() == '0') digits.pop_back();
        out += "." + digits;
    }
    return out;
}

}  // namespace ll
