// The words of reminders: every kind in all four languages, the figures in them, plural forms, the
// app's address at the end, and nothing but what the reminder carries.
#include <doctest/doctest.h>

#include "reminder_message.h"

using namespace ll;

namespace {

std::vector<Reminder> every_kind() {
    Reminder deadline;
    deadline.kind = ReminderKind::deadline;
    deadline.obligation_name = "Yearly training plan";
    deadline.deadline = *CivilDate::parse("2027-03-31");
    deadline.days_left = 7;
    deadline.open = 1;
    Reminder overdue = deadline;
    overdue.days_left = -3;
    Reminder approvals;
    approvals.kind = ReminderKind::approvals_waiting;
    approvals.open = 3;
    Reminder statement;
    statement.kind = ReminderKind::yearly_statement;
    statement.year = 2026;
    Reminder certificate;
    certificate.kind = ReminderKind::certificate_expiring;
    certificate.title = "Forklift licence";
    certificate.deadline = *CivilDate::parse("2027-01-20");
    certificate.days_left = 1;
    return {deadline, overdue, approvals, statement, certificate};
}

}  // namespace

TEST_CASE("every reminder has its words in all four languages") {
    for (ui::Language language : ui::all_languages) {
        ui::LanguageScope scope(language);
        ui::clear_missing_keys();
        for (const auto& r : every_kind()) {
            auto m = ui::reminder_message(r, "");
            CHECK_FALSE(m.subject.empty());
            CHECK_FALSE(m.body.empty());
        }
        CHECK_MESSAGE(ui::missing_keys().empty(), ui::code(language) << ": " << *ui::missing_keys().begin());
    }
}

TEST_CASE("reminders carry their figures: days left, counts, the year, the training's title; the address ends the body") {
    const auto r = every_kind();
    ui::LanguageScope english(ui::Language::en);
    CHECK(ui::reminder_message(r[0], "").subject == "Due in 7 days: Yearly training plan");
    CHECK(ui::reminder_message(r[0], "").body == "Yearly training plan is due on 2027-03-31; 1 still to do. The compliance cockpit says what to do.");
    CHECK(ui::reminder_message(r[1], "").subject == "Overdue: Yearly training plan");
    CHECK(ui::reminder_message(r[2], "").subject == "3 trainings wait for your approval");
    CHECK(ui::reminder_message(r[3], "").subject == "Your training account statement 2026");
    auto certificate = ui::reminder_message(r[4], "https://learnledger.example");
    CHECK(certificate.body.find("\"Forklift licence\" is valid until 2027-01-20, 1 day from now") != std::string::npos);
    CHECK(certificate.body.substr(certificate.body.size() - 29) == "\n\nhttps://learnledger.example");

    ui::LanguageScope dutch(ui::Language::nl);
    CHECK(ui::reminder_message(r[0], "").subject == "Over 7 dagen: Jaarlijks opleidingsplan");
    CHECK(ui::reminder_message(r[4], "").subject == "Uw certificaat verloopt op 20-01-2027");
}
