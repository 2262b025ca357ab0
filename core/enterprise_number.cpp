// Enterprise numbers are public data, but the parser follows the same rules as personal ones:
// the error explains the problem without echoing the input.
#include "enterprise_number.h"

#include <cstdint>

#include "national_number.h"

namespace ll {

Result<EnterpriseNumber> EnterpriseNumber::parse(std::string_view text, const std::string& field) {
    std::string_view t = text;
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    if (t.size() >= 2 && (t[0] == 'B' || t[0] == 'b') && (t[1] == 'E' || t[1] == 'e')) t.remove_prefix(2);
    auto d = digits_only(t);
    if (d && d->size() == 9) d = "0" + *d;  // numbers issued before 2005 were written with 9 digits
    if (!d || d->size() != 10)
        return make_error("invalid_enterprise_number", "an enterprise number has 10 digits", field);
    if ((*d)[0] != '0' && (*d)[0] != '1')
        return make_error("invalid_enterprise_number", "an enterprise number starts with 0 or 1", field);
    std::uint64_t first8 = std::stoull(d->substr(0, 8));
    if (static_cast<int>(97 - first8 % 97) != std::stoi(d->substr(8, 2)))
        return make_error("invalid_enterprise_number", "the check digits do not match", field);
    EnterpriseNumber n;
    n.digits_ = *d;
    return n;
}

std::string EnterpriseNumber::formatted() const {
    return digits_.substr(0, 4) + "." + digits_.substr(4, 3) + "." + digits_.substr(7, 3);
}

}  // namespace ll
