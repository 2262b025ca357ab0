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
#include "training_session.h"
#include "result.h"

namespace ll::requests {

constexpr long long max_minutes_per_day = 24 * 60;
constexpr long long max_amount_cents = 100'000'000'000;  // a billion euros: costs, funds and subsidies

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

// Kiosks: a device for a site shown in one or more languages, a worker's badge number and PIN, a
// lookup by both, and a scheduled training with places (its id and enrolments come from the host).
struct KioskDevice {
    std::string site;
    std::vector<std::string> languages;  // defaults to {"nl"}
};
struct KioskSignIn {
    std::string badge, pin;
};
Result<KioskDevice> kiosk_device(const nlohmann::json& j);
Result<std::string> badge(const nlohmann::json& j);  // {"badge": "..."}
Result<std::string> pin(const nlohmann::json& j);    // {"pin": "..."}
Result<KioskSignIn> kiosk_sign_in(const nlohmann::json& j);
Result<TrainingSession> training_session(const nlohmann::json& j);
// "09:30" as minutes after midnight.
Result<int> time_of_day(std::string_view text, const std::string& field);

bool is_language(std::string_view code);  // en, nl, fr, de
bool is_training_type(std::string_view t);  // formal, informal, initial
// Lower-cases and checks the shape local@domain (no spaces, one @, a dot in the domain).
std::optional<std::string> normalized_email(std::string_view email);

}  // namespace ll::requests
