// Belgian national number (INSZ/NISS): 11 digits YYMMDD SSS CC with a mod-97 check, the variant
// for births from 2000, and bis numbers (month + 20 or + 40). Never printed whole.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "civil_date.h"
#include "result.h"

namespace ll {

class NationalNumber {
public:
    // Accepts digits with the usual separators ("85.07.30-033.28", "85073003328");
    // the error names `field` and never repeats the input.
    static Result<NationalNumber> parse(std::string_view text, const std::string& field = "national_number");

    const std::string& digits() const { return digits_; }  // 11 digits, for storage and matching only
    bool is_bis() const { return bis_; }
    std::optional<CivilDate> birth_date() const { return birth_; }  // absent when (partly) unknown
    // For screens and logs: "******-***-28" (only the check digits).
    std::string masked() const;

    friend bool operator==(const NationalNumber& a, const NationalNumber& b) { return a.digits_ == b.digits_; }

private:
    std::string digits_;
    bool bis_ = false;
    std::optional<CivilDate> birth_;
};

// Keeps the digits of `text`, dropping spaces, dots, dashes and slashes; nullopt on anything else.
std::optional<std::string> digits_only(std::string_view text, std::string_view allowed_separators = " .-/");

}  // namespace ll
