// Belgian enterprise number (KBO/BCE): 10 digits starting with 0 or 1, the last two a mod-97
// check of the first eight. Accepts "0403.170.701", "BE 0403170701" and the old 9-digit form.
#pragma once
#include <string>
#include <string_view>

#include "result.h"

namespace ll {

class EnterpriseNumber {
public:
    static Result<EnterpriseNumber> parse(std::string_view text, const std::string& field = "enterprise_number");
    const std::string& digits() const { return digits_; }
    std::string formatted() const;  // "0403.170.701"

private:
    std::string digits_;
};

}  // namespace ll
