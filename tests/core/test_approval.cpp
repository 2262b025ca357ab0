// The approval state machine with its actor rules, including delegation dates.
#include <doctest/doctest.h>

#include "approval.h"

using namespace ll;

namespace {

ApprovalCase pending() {
    ApprovalCase c;
    c.owner_id = "worker";
    c.status = EntryStatus::submitted;
    c.approvers = {"manager"};
    c.delegations = {{"manager", "deputy", *CivilDate::parse("2026-07-01"), *CivilDate::parse("2026-07-31")}};
    return c;
}

const CivilDate mid_july = *CivilDate::parse("2026-07-15");
const CivilDate august = *CivilDate::parse("2026-08-01");

}  // namespace

TEST_CASE("the worker submits and withdraws their own entries") {
    ApprovalCase draft = pending();
    draft.status = EntryStatus::draft;
    CHECK(*apply_transition(draft, {"worker"}, Transition::submit, mid_july) == EntryStatus::submitted);
    CHECK(apply_transition(draft, {"manager"}, Transition::submit, mid_july).error().code == "forbidden");
    CHECK(*apply_transition(pending(), {"worker"}, Transition::withdraw, mid_july) == EntryStatus::withdrawn);
    CHECK(apply_transition(pending(), {"worker"}, Transition::submit, mid_july).error().code == "invalid_transition");
}

TEST_CASE("approvers, delegates within their dates, and HR decide; nobody on their own entry") {
    CHECK(*apply_transition(pending(), {"manager"}, Transition::approve, mid_july) == EntryStatus::approved);
    CHECK(*apply_transition(pending(), {"deputy"}, Transition::approve, mid_july) == EntryStatus::approved);
    CHECK(apply_transition(pending(), {"deputy"}, Transition::approve, august).error().code == "forbidden");
    CHECK(*apply_transition(pending(), {"hr", true}, Transition::reject, mid_july, "not work-related") == EntryStatus::rejected);
    CHECK(apply_transition(pending(), {"colleague"}, Transition::approve, mid_july).error().code == "forbidden");
    CHECK(apply_transition(pending(), {"worker"}, Transition::approve, mid_july).error().code == "forbidden");
    ApprovalCase own = pending();
    own.owner_id = "manager";  // a manager's own training
    CHECK(apply_transition(own, {"manager"}, Transition::approve, mid_july).error().code == "forbidden");
    CHECK(apply_transition(own, {"manager", true}, Transition::approve, mid_july).error().code == "forbidden");
    CHECK(apply_transition(pending(), {""}, Transition::approve, mid_july).error().code == "forbidden");
}

TEST_CASE("a rejection needs a reason") {
    auto r = apply_transition(pending(), {"manager"}, Transition::reject, mid_july, "  ");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "missing_field");
    CHECK(r.error().field == "reason");
}

TEST_CASE("approved entries are final; closed entries stay closed") {
    ApprovalCase done = pending();
    done.status = EntryStatus::approved;
    for (auto t : {Transition::submit, Transition::withdraw, Transition::approve, Transition::reject, Transition::register_direct}) {
        auto r = apply_transition(done, {"hr", true}, t, mid_july, "x");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "invalid_transition");
        CHECK(r.error().message.find("correction") != std::string::npos);
    }
    done.status = EntryStatus::withdrawn;
    CHECK(apply_transition(done, {"manager"}, Transition::approve, mid_july).error().code == "invalid_transition");
}

TEST_CASE("HR registers trainings directly, approved at once, but not their own") {
    ApprovalCase draft = pending();
    draft.status = EntryStatus::draft;
    CHECK(*apply_transition(draft, {"hr", true}, Transition::register_direct, mid_july) == EntryStatus::approved);
    CHECK(apply_transition(draft, {"manager"}, Transition::register_direct, mid_july).error().code == "forbidden");
    draft.owner_id = "hr";
    CHECK(apply_transition(draft, {"hr", true}, Transition::register_direct, mid_july).error().code == "forbidden");
}
