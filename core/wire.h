// The JSON wire format, encoded and decoded only here so server and client cannot drift.
// Dates ISO 8601, durations whole minutes, exact fractions as "num/den" strings beside a number.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "entitlement.h"
#include "result.h"

namespace ll::wire {

nlohmann::json to_json(const Error& e);  // {"error":{"code","message","field"}}
nlohmann::json to_json(const ExplanationLine& line);
nlohmann::json to_json(const Entitlement& e);
std::string exact(const Rational& r);  // "10/3", or "3" when whole

// Decoding what the server sent (the client side of the same format).
Result<Entitlement> entitlement_from_json(const nlohmann::json& j);
// The error envelope a server sent; nullopt when the body is not one.
std::optional<Error> error_from_json(const nlohmann::json& j);

}  // namespace ll::wire
