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

std::optional<Rational> Rational::minus(const Rational& o) const {
    if (o.num_ == INT64_MIN) return std::nullopt;
    return plus(Rational(-o.num_, o.den_, 0));
}

std::int64_t Rational::floor() const {
    std::int64_t q = num_ / den_;
    return (num_ % den_ != 0 && num_ < 0) ? q - 1 : q;
}

std::int64_t Rational::ceil() const {
    std::int64_t q = num_ / den_;
    return (num_ % den_ != 0 && num_ > 0) ? q + 1 : q;
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
