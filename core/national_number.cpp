// The check: 97 - (first nine digits mod 97); for people born from 2000 the nine digits are
// prefixed with "2". The century found this way also decides whether the birth date exists.
#include "national_number.h"

#include <cstdint>

namespace ll {

std::optional<std::string> digits_only(std::string_view text, std::string_view separators) {
    std::string out;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            out += c;
        } else if (separators.find(c) == std::string_view::npos) {
            return std::nullopt;
        }
        if (out.size() > 32) return std::nullopt;
    }
    return out;
}

namespace {

int two(const std::string& d, size_t at) { return (d[at] - '0') * 10 + (d[at + 1] - '0'); }

std::uint64_t number(const std::string& d, size_t count) {
    std::uint64_t v = 0;
    for (size_t i = 0; i < count; ++i) v = v * 10 + static_cast<std::uint64_t>(d[i] - '0');
    return v;
}

}  // namespace

Result<NationalNumber> NationalNumber::parse(std::string_view text, const std::string& field) {
    auto d = digits_only(text);
    if (!d || d->size() != 11)
        return make_error("invalid_national_number", "a national number has 11 digits", field);
    const std::uint64_t first9 = number(*d, 9);
    const int check = two(*d, 9);
    const bool born_1900s = static_cast<int>(97 - first9 % 97) == check;
    const bool born_2000s = static_cast<int>(97 - (2000000000ull + first9) % 97) == check;
    if (!born_1900s && !born_2000s)
        return make_error("invalid_national_number", "the check digits do not match", field);
    const int sequence = std::stoi(d->substr(6, 3));
    if (sequence == 0 || sequence == 999)
        return make_error("invalid_national_number", "the sequence number must be 001 to 998", field);

    NationalNumber n;
    n.digits_ = *d;
    int month = two(*d, 2), day = two(*d, 4);
    if (month >= 20) {
        n.bis_ = true;
        month -= month >= 40 ? 40 : 20;
    }
    if (month > 12 || day > 31)
        return make_error("invalid_national_number", "the birth date part is not a date", field);
    if (month != 0 && day != 0) {
        int year = (born_2000s ? 2000 : 1900) + two(*d, 0);
        auto birth = CivilDate::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day), field);
        if (!birth) return make_error("invalid_national_number", "the birth date part is not a date", field);
        n.birth_ = *birth;
    }
    return n;
}

std::string NationalNumber::masked() const { return "******-***-" + digits_.substr(9, 2); }

}  // namespace ll
