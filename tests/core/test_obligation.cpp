// Dated obligations of the shipped rule set: the duties of a day as they stood on that day,
// from the FLA's launch through its postponements to its abolition, and deadline arithmetic.
#include <doctest/doctest.h>

#include <algorithm>

#include "shipped_rules.h"

using namespace ll;

namespace {

std::vector<std::string> ids_on(const char* day, const char* known_on = nullptr) {
    const auto& rules = *shipped::belgian_rule_set();
    auto d = *CivilDate::parse(day);
    std::vector<std::string> out;
    for (const Obligation* o : obligations_on(rules.obligations, d, known_on ? *CivilDate::parse(known_on) : d))
        out.push_back(o->id);
    return out;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const Obligation& obligation(const std::string& id) {
    const auto& all = shipped::belgian_rule_set()->obligations;
    auto it = std::find_if(all.begin(), all.end(), [&](const Obligation& o) { return o.id == id; });
    REQUIRE(it != all.end());
    return *it;
}

}  // namespace

TEST_CASE("mid-2024: the FLA duties as first legislated") {
    auto ids = ids_on("2024-06-15");
    CHECK(has(ids, "fla.new_worker.v1"));
    CHECK(has(ids, "fla.quarterly_update.v1"));
    CHECK(has(ids, "fla.trainings_2024.v1"));
    CHECK(has(ids, "training_plan"));
    CHECK(has(ids, "yearly_balance_statement"));
    CHECK_FALSE(has(ids, "fla.abolished.data_retrieval"));
    CHECK_FALSE(has(ids, "fla.new_worker.v2"));
}

TEST_CASE("the postponements replace each other; the abolition ends them all") {
    CHECK(has(ids_on("2025-01-15"), "fla.initial_registration.v2"));
    CHECK_FALSE(has(ids_on("2025-01-15"), "fla.quarterly_update.v1"));
    CHECK(has(ids_on("2025-05-10"), "fla.initial_registration.v3"));
    CHECK(has(ids_on("2025-10-01"), "fla.initial_registration.v4"));
    auto today = ids_on("2026-11-29");
    for (const auto& id : today) {
        bool allowed = id.rfind("fla.", 0) != 0 || id == "fla.abolished.data_retrieval";
        CHECK_MESSAGE(allowed, id);
    }
    CHECK(has(today, "fla.abolished.data_retrieval"));
    CHECK(has(today, "individual_training_account"));
    CHECK(has(today, "social_balance_sheet"));
    CHECK_FALSE(has(ids_on("2027-01-01"), "fla.abolished.data_retrieval"));  // the data is gone
}

TEST_CASE("a past day can be seen as it stood then or as known today") {
    // 10 January 2026 as known then: the third postponement's duties applied.
    CHECK(has(ids_on("2026-01-10"), "fla.quarterly_update.v4"));
    // The same day as known after the abolition was published: no FLA duty.
    CHECK_FALSE(has(ids_on("2026-01-10", "2026-11-29"), "fla.quarterly_update.v4"));
}

TEST_CASE("deadline arithmetic") {
    auto q = obligation("fla.quarterly_update.v1");
    CHECK(q.deadline_for(*CivilDate::parse("2024-03-31")).iso() == "2024-04-30");
    CHECK(q.deadline_for(*CivilDate::parse("2024-06-30")).iso() == "2024-07-31");
    CHECK(q.deadline_for(*CivilDate::parse("2024-09-30")).iso() == "2024-10-31");
    CHECK(q.deadline_for(*CivilDate::parse("2024-12-31")).iso() == "2025-01-31");
    CHECK(obligation("fla.new_worker.v1").deadline_for(*CivilDate::parse("2024-04-29")).iso() == "2024-06-28");
    CHECK(obligation("fla.yearly_verification.v1").deadline_for(*CivilDate::parse("2025-01-01")).iso() == "2025-01-31");
    CHECK(obligation("training_plan").deadline_for(*CivilDate::parse("2026-01-01")).iso() == "2026-03-31");
    CHECK(*obligation("training_plan").min_fte == Rational(20));
    CHECK(obligation("social_balance_sheet").deadline_for(*CivilDate::parse("2025-12-31")).iso() == "2026-07-31");
    CHECK(obligation("fla.initial_registration.v1").deadline_for(*CivilDate::parse("2024-04-01")).iso() == "2024-09-30");
    CHECK(obligation("fla.abolished.data_retrieval").deadline_for(*CivilDate::parse("2026-01-21")).iso() == "2026-12-31");
}
