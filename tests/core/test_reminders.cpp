// Reminders: which leads a deadline has passed, approvals waiting long enough, the yearly statement
// in January, certificates about to expire; the same day planned twice gives the same keys.
#include <doctest/doctest.h>

#include "approval.h"
#include "reminders.h"

using namespace ll;

namespace {

CivilDate on(const char* iso) { return *CivilDate::parse(iso); }

DutyGroup group(const char* id, const char* deadline, int days_left, DutyStatus status, int done = 0, int total = 1) {
    DutyGroup g;
    g.obligation_id = id;
    g.name = id;
    g.trigger = on("2026-01-01");
    g.deadline = on(deadline);
    g.days_left = days_left;
    g.status = status;
    g.done = done;
    g.total = total;
    return g;
}

}  // namespace

TEST_CASE("deadlines: the nearest lead passed, once overdue, nothing for done or far-off duties") {
    ReminderFacts f;
    f.today = on("2026-03-25");
    f.duties = {group("training_plan", "2026-03-31", 6, DutyStatus::due), group("far", "2026-07-31", 128, DutyStatus::due),
                group("late", "2026-03-15", -10, DutyStatus::overdue, 3, 10), group("finished", "2026-03-31", 6, DutyStatus::done),
                group("month", "2026-04-20", 26, DutyStatus::due)};
    auto r = plan_reminders(f);
    REQUIRE(r.size() == 3);
    CHECK(r[0].key == "deadline:training_plan@2026-01-01:7");
    CHECK(r[0].worker_id.empty());  // for HR
    CHECK(r[0].days_left == 6);
    CHECK(r[1].key == "deadline:late@2026-01-01:overdue");
    CHECK(r[1].open == 7);
    CHECK(r[2].key == "deadline:month@2026-01-01:30");
    CHECK(plan_reminders(f)[0].key == r[0].key);  // planned again: the same occasions

    ReminderPolicy tight;
    tight.deadline_lead_days = {3};
    CHECK(plan_reminders(f, tight).size() == 1);  // only the overdue one
}

TEST_CASE("approvals: a daily count per decider for trainings waiting long enough; delegates count while active") {
    ApprovalCase c{"w-1", EntryStatus::submitted, {"w-mgr"}, {{"w-mgr", "w-deputy", on("2026-05-01"), on("2026-05-31")}}};
    CHECK(deciders_on(c, on("2026-05-10")) == std::vector<std::string>{"w-mgr", "w-deputy"});
    CHECK(deciders_on(c, on("2026-06-10")) == std::vector<std::string>{"w-mgr"});
    ApprovalCase own{"w-mgr", EntryStatus::submitted, {"w-mgr"}, {}};
    CHECK(deciders_on(own, on("2026-05-10")).empty());  // nobody decides on their own training

    ReminderFacts f;
    f.today = on("2026-05-10");
    f.waiting = {{"e-1", on("2026-05-07"), deciders_on(c, f.today)}, {"e-2", on("2026-05-08"), {"w-mgr"}},
                 {"e-3", on("2026-05-09"), {"w-mgr"}}};  // e-3 waits one day only
    auto r = plan_reminders(f);
    REQUIRE(r.size() == 2);
    CHECK(r[0].worker_id == "w-deputy");
    CHECK(r[0].open == 1);
    CHECK(r[1].worker_id == "w-mgr");
    CHECK(r[1].open == 2);
    CHECK(r[1].key == "approvals:2026-05-10");
}

TEST_CASE("the yearly statement in January for every worker; certificates within the lead") {
    ReminderFacts f;
    f.today = on("2027-01-04");
    f.workers = {"w-1", "w-2"};
    f.certificates = {{"w-1", "e-9", "Forklift licence", on("2027-01-20")}, {"w-2", "e-8", "First aid", on("2027-03-01")},
                      {"w-2", "e-7", "Welding", on("2027-01-01")}};  // already expired: too late to remind
    auto r = plan_reminders(f);
    REQUIRE(r.size() == 3);
    CHECK(r[0].kind == ReminderKind::yearly_statement);
    CHECK(r[0].year == 2026);
    CHECK(r[0].key == "statement:2026");
    CHECK(r[2].kind == ReminderKind::certificate_expiring);
    CHECK(r[2].worker_id == "w-1");
    CHECK(r[2].days_left == 16);
    CHECK(r[2].title == "Forklift licence");
    f.today = on("2027-02-01");
    CHECK(plan_reminders(f).size() == 1);  // after January: no statement reminder; First aid is 28 days away
}
