// Subjects say what and when in a phone's notification width; bodies say what to do and where.
#include "reminder_message.h"

namespace ll::ui {
namespace {

std::string days(int n) { return std::to_string(n); }

ReminderMessage deadline_message(const Reminder& r) {
    const std::string name = tr(r.obligation_name), date = date_text(r.deadline);
    if (r.days_left < 0)
        return {tr("Overdue: {obligation}", {{"obligation", name}}),
                tr("{obligation} was due on {date}. Record it as done in the compliance cockpit once it is.",
                   {{"obligation", name}, {"date", date}})};
    return {tr_plural("Due in {n} day: {obligation}", "Due in {n} days: {obligation}", Rational(r.days_left),
                      {{"n", days(r.days_left)}, {"obligation", name}}),
            tr("{obligation} is due on {date}; {open} still to do. The compliance cockpit says what to do.",
               {{"obligation", name}, {"date", date}, {"open", std::to_string(r.open)}})};
}

ReminderMessage approvals_message(const Reminder& r) {
    const Args n{{"n", std::to_string(r.open)}};
    return {tr_plural("{n} training waits for your approval", "{n} trainings wait for your approval", Rational(r.open), n),
            tr_plural("{n} training has waited two days or more for your decision. Approve or reject it in Approvals.",
                      "{n} trainings have waited two days or more for your decision. Approve or reject them in Approvals.",
                      Rational(r.open), n)};
}

ReminderMessage statement_message(const Reminder& r) {
    const Args year{{"year", std::to_string(r.year)}};
    return {tr("Your training account statement {year}", year),
            tr("Your individual training account of {year} is ready: your right, the trainings you followed and what carries over. Read it or download it as PDF in learnledger.",
               year)};
}

ReminderMessage certificate_message(const Reminder& r) {
    const std::string date = date_text(r.deadline);
    return {tr("Your certificate expires on {date}", {{"date", date}}),
            tr_plural("The certificate of \"{title}\" is valid until {date}, {n} day from now. Plan a refresher training in time.",
                      "The certificate of \"{title}\" is valid until {date}, {n} days from now. Plan a refresher training in time.",
                      Rational(r.days_left), {{"title", r.title}, {"date", date}, {"n", days(r.days_left)}})};
}

}  // namespace

ReminderMessage reminder_message(const Reminder& r, const std::string& app_url) {
    ReminderMessage m;
    switch (r.kind) {
        case ReminderKind::deadline: m = deadline_message(r); break;
        case ReminderKind::approvals_waiting: m = approvals_message(r); break;
        case ReminderKind::yearly_statement: m = statement_message(r); break;
        case ReminderKind::certificate_expiring: m = certificate_message(r); break;
    }
    if (!app_url.empty()) m.body += "\n\n" + app_url;
    return m;
}

}  // namespace ll::ui
