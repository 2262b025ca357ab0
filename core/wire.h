// The JSON wire format, encoded and decoded only here so server and client cannot drift.
// Dates ISO 8601, durations whole minutes, exact fractions as "num/den" strings beside a number.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entitlement.h"
#include "ledger.h"
#include "records.h"
#include "year_view.h"
#include "result.h"

namespace ll::wire {

nlohmann::json to_json(const Error& e);  // {"error":{"code","message","field"}}
nlohmann::json to_json(const ExplanationLine& line);
nlohmann::json to_json(const Entitlement& e);
nlohmann::json to_json(const Balance& b);
nlohmann::json to_json(const Obligation& o);
// Workers carry their national number only masked ("******-***-28").
nlohmann::json to_json(const WorkerRecord& w);
nlohmann::json to_json(const EntryRecord& e);
// Sets what a decision changes (status, decided_by/at, reason, version) in an entry's JSON, as
// to_json would: an entry decided is encoded once, not twice.
void set_decision(nlohmann::json& entry, const EntryRecord& e);
nlohmann::json to_json(const CommentRecord& c);
nlohmann::json to_json(const DepartmentRecord& d);
nlohmann::json to_json(const EmploymentPeriod& p);
nlohmann::json to_json(const SessionInfo& s);
nlohmann::json to_json(const YearView& v);
Result<YearView> year_view_from_json(const nlohmann::json& j);
Result<EntryRecord> entry_from_json(const nlohmann::json& j, const std::string& path = {});
Result<SessionInfo> session_from_json(const nlohmann::json& j);
std::string exact(const Rational& r);  // "10/3", or "3" when whole
nlohmann::json date_or_null(const std::optional<CivilDate>& d);  // "2026-12-31" or null

// Decoding what the server sent (the client side of the same format).
Result<Entitlement> entitlement_from_json(const nlohmann::json& j);
// The error envelope a server sent; nullopt when the body is not one.
std::optional<Error> error_from_json(const nlohmann::json& j);

// Outside input: lists and objects of requests, errors naming "path[i].field".
Result<std::vector<EmploymentPeriod>> employment_from_json(const nlohmann::json& list, const std::string& path);
// `fixed_kind` set: every entry is of that kind and "kind" may be omitted.
Result<std::vector<LedgerEntry>> entries_from_json(const nlohmann::json& list, const std::string& path,
                                                   std::optional<EntryKind> fixed_kind);
Result<std::map<int, Rational>> company_sizes_from_json(const nlohmann::json& object, const std::string& path);
Result<Termination> termination_from_json(const nlohmann::json& object, const std::string& path);

// Longest single training on one day: 24 h. Longer ones are split over days.
constexpr long long max_minutes_per_day = 24 * 60;

}  // namespace ll::wire
