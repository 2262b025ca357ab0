// From the typed training form to the request body: the texts become numbers and dates, and the
// core's request decoder validates them exactly as the server will, naming the field at fault.
#pragma once
#include <string>

#include "app_state.h"
#include "records.h"
#include "result.h"

namespace ll::ui {

struct ValidSubmission {
    std::string body;  // JSON for POST /api/v1/trainings
    TrainingSubmission training;
};

Result<ValidSubmission> validate_submission(const SubmitForm& form);

}  // namespace ll::ui
