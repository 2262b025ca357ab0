// The words of a reminder, in the current language: a subject and a short plain-text body, the
// same for the app's notification list and the e-mail. Figures and dates only, never personal data
// beyond a training's title for its own worker.
#pragma once
#include <string>

#include "reminders.h"
#include "translations.h"

namespace ll::ui {

struct ReminderMessage {
    std::string subject, body;
};

// `app_url` (the address people open learnledger at) ends the body when given.
ReminderMessage reminder_message(const Reminder& r, const std::string& app_url);

}  // namespace ll::ui
