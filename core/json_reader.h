// Strict, exception-free reading of JSON objects from outside input: every field is checked for
// presence and type, unknown fields are refused, and errors carry the dotted path of the field.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "civil_date.h"
#include "rational.h"
#include "result.h"

namespace ll {

// Parses text without exceptions; malformed JSON becomes an Error with code "malformed_json".
Result<nlohmann::json> parse_json(std::string_view text);

class JsonReader {
public:
    // `path` prefixes field names in errors ("employment[0]").
    JsonReader(const nlohmann::json& object, std::string path = {});
    JsonReader(const nlohmann::json&& object, std::string path = {}) = delete;  // would dangle

    // Each getter records the field as known; the first error wins and later calls are no-ops.
    // Keys are kept as views, not copied: string literals, or strings that outlive the reader.
    std::optional<std::int64_t> integer(const char* key, bool required, std::int64_t min, std::int64_t max);
    std::optional<std::string> string(const char* key, bool required, size_t max_length = 200);
    std::optional<CivilDate> date(const char* key, bool required);
    // A decimal number (0.8) or an exact fraction string ("19/38"); range is inclusive of max,
    // exclusive of min when `min_exclusive`.
    std::optional<Rational> rational(const char* key, bool required, Rational min, Rational max, bool min_exclusive);
    std::optional<bool> boolean(const char* key, bool required);
    // The raw member for nested reading; nullptr if absent (or null and !required).
    const nlohmann::json* member(const char* key, bool required, nlohmann::json::value_t type);

    // Fails if the object has members that no getter asked for.
    void reject_unknown_fields();
    void fail(Error e);
    bool ok() const { return !error_.has_value(); }
    const Error& error() const { return *error_; }
    std::string field_path(std::string_view key) const;

private:
    const nlohmann::json* find(const char* key, bool required);
    const nlohmann::json& object_;
    std::string path_;
    // A year of 500 trainings reads 20,000 fields: a set of strings cost an allocation or two per
    // field. Objects have a few dozen fields, so a linear search of views is cheaper.
    std::vector<std::string_view> known_;
    std::optional<Error> error_;
};

// Reads a JSON value as an exact rational: numbers via 9-decimal text, or strings "a/b" / "0.8".
std::optional<Rational> json_to_rational(const nlohmann::json& value);

}  // namespace ll
