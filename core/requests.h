// Decoders of API request bodies: strict (unknown fields, wrong types and impossible values are
// refused, naming the field), so a bad request is answered 4xx before anything is stored.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "approval.h"
#include "compliance.h"
#include "records.h"
#include "result.h"

namespace ll::requests {

constexpr long long max_minutes_per_day = 24 * 60;

struct Login {
    std::string email, password;
    bool remember = true;  // keep the session on this device (a persistent cookie)
};

Result<Login> login(const nlohmann::json& j);
Result<TrainingSubmission> training(const nlohmann::json& j);
// The ledger entry a submission becomes (training fields only): the host adds ids, the worker and
// employer, the status and who created or decided it.
EntryRecord training_entry(const TrainingSubmission& t);
Result<CorrectionRequest> correction(const nlohmann::json& j);
// `create`: display_name and employment are required.
Result<WorkerChange> worker(const nlohmann::json& j, bool create);
Result<EmploymentPeriod> employment_period(const nlohmann::json& j);
Result<Delegation> delegation(const nlohmann::json& j);
Result<std::string> reason(const nlohmann::json& j, bool required);   // {"reason": "..."}
Result<std::string> comment(const nlohmann::json& j);                 // {"text": "..."}
Result<std::vector<std::string>> entry_ids(const nlohmann::json& j);  // {"ids": [...]}, 1 to 200
// {"obligation_id","trigger","worker_id"?,"done_on"?}; done_on defaults to `today` and may not be after it.
Result<Fulfilment> fulfilment(const nlohmann::json& j, const CivilDate& today);
Result<std::string> label(const nlohmann::json& j, const char* key);  // {"site": "..."} / {"name": "..."}

bool is_language(std::string_view code);  // en, nl, fr, de
bool is_training_type(std::string_view t);  // formal, informal, initial
// Lower-cases and checks the shape local@domain (no spaces, one @, a dot in the domain).
std::optional<std::string> normalized_email(std::string_view email);

}  // namespace ll::requests
