// Fuzz target: identifiers and scalars typed by people or sent in imports: national and enterprise
// numbers, dates and exact decimals. What parses must format and parse back to the same value, and
// a refused national number never appears in its error.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "civil_date.h"
#include "enterprise_number.h"
#include "national_number.h"
#include "rational.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto n = ll::NationalNumber::parse(text)) {
        auto again = ll::NationalNumber::parse(n->digits());
        if (!again || !(*again == *n) || n->masked().find(n->digits().substr(0, 9)) != std::string::npos) __builtin_trap();
    } else if (std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 6 &&
               n.error().message.find(text) != std::string::npos) {
        __builtin_trap();  // a refused number (6 digits and more) echoed in the error
    }
    if (auto e = ll::EnterpriseNumber::parse(text)) {
        auto again = ll::EnterpriseNumber::parse(e->formatted());
        if (!again || again->digits() != e->digits()) __builtin_trap();
    }
    if (auto d = ll::CivilDate::parse(text)) {
        if (d->iso() != text) __builtin_trap();
    }
    if (auto r = ll::Rational::parse_decimal(text)) {
        auto again = ll::Rational::parse_decimal(r->to_decimal(9));
        if (!again || !(*again == *r)) __builtin_trap();
    }
    return 0;
}
