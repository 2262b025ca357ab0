// The yearly training plan over HTTP: a new plan for a year without one, saved whole over the
// version edited (a stale save is refused), realised figures from the ledger, the anonymised
// export as CSV, and nobody but HR.
#include <doctest/doctest.h>

#include <regex>

#include "demo_server.h"
#include "rational.h"

using namespace ll::test;
using nlohmann::json;

namespace {

json plan_of_2026(std::int64_t version) {
    return {{"year", 2026}, {"from", "2026-01-01"}, {"to", "2026-12-31"}, {"version", version},
            {"evaluation", "Reviewed with the works council in June and December"}, {"advice_on", "2026-03-10"},
            {"lines", {{{"group", "everyone"}, {"training_type", "formal"}, {"description", "Safety refreshers"}, {"workers", 40}, {"minutes", 40 * 456}},
                       {{"group", "age_50_plus"}, {"training_type", "informal"}, {"description", "Digital skills coaching"}, {"workers", 6}, {"minutes", 1440}},
                       {{"group", "bottleneck_jobs"}, {"training_type", "formal"}, {"description", "Reach truck drivers"}, {"workers", 4}, {"minutes", 7296}}}}};
}

}  // namespace

TEST_CASE("a training plan: new, saved, realised from the ledger, a stale save refused, exported without personal data") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto fresh = hr.get("/api/v1/training-plan?year=2026");
    REQUIRE(fresh.status == 200);
    CHECK(fresh.body["version"] == 0);
    CHECK(fresh.body["lines"].empty());
    CHECK(hr.get("/api/v1/exports/training-plan?year=2026").status == 404);  // nothing to export yet

    // HR registers a training for Anna, who has none approved in 2026 yet (approved at once).
    REQUIRE(hr.post("/api/v1/trainings", {{"worker_id", "w-0001"}, {"title", "Reach truck"}, {"date", "2026-03-03"}, {"minutes", 456}}).status == 201);
    auto saved = hr.put("/api/v1/training-plan", plan_of_2026(0));
    REQUIRE(saved.status == 200);
    CHECK(saved.body["version"] == 1);
    const json& everyone = saved.body["lines"][0]["realised"];
    CHECK(saved.body["lines"][2]["realised"].is_null());  // bottleneck jobs are not in the ledger
    // Every demo worker with an approved formal training in 2026, counted once, and their time.
    const std::string formal_2026 = "FROM entries WHERE employer_id = 'demo' AND kind = 'training' AND status = 'approved' "
                                    "AND training_type = 'formal' AND date BETWEEN '2026-01-01' AND '2026-12-31'";
    const int people = std::stoi(sql_text(s.db, "SELECT count(DISTINCT worker_id) " + formal_2026));
    const long long minutes = std::stoll(sql_text(s.db, "SELECT sum(minutes) " + formal_2026));
    CHECK(everyone["workers"] == people);
    CHECK(everyone["minutes"] == minutes);
    CHECK(people >= 5);  // enough to be shown in the export
    auto stale = hr.put("/api/v1/training-plan", plan_of_2026(0));  // edited from the new plan, saved by someone since
    CHECK(stale.status == 409);
    CHECK(stale.error()["field"] == "version");
    auto next = plan_of_2026(1);
    next["filed_on"] = "2026-04-20";
    CHECK(hr.put("/api/v1/training-plan", next).body["version"] == 2);
    CHECK(hr.get("/api/v1/training-plan?year=2026").body["filed_on"] == "2026-04-20");

    auto personal = plan_of_2026(2);
    personal["lines"][1]["description"] = "Coaching for 85.07.30-033.28";
    auto refused = hr.put("/api/v1/training-plan", personal);
    CHECK(refused.status == 400);
    CHECK(refused.error()["field"] == "lines[1].description");
    CHECK(refused.raw.find("033.28") == std::string::npos);

    auto csv = hr.get("/api/v1/exports/training-plan?year=2026&format=csv");
    REQUIRE(csv.status == 200);
    CHECK(csv.raw.rfind("\xEF\xBB\xBFtarget_group;training_type;description;planned_workers;planned_hours;realised_workers;realised_hours\r\n", 0) == 0);
    CHECK(csv.raw.find("everyone;formal;Safety refreshers;40;304;" + std::to_string(people) + ";" +
                       ll::Rational::make(minutes, 60)->to_decimal(2) + "\r\n") != std::string::npos);
    // Fewer than five people realised: too few to show (it would name them to anyone who knows the team).
    const json& older = saved.body["lines"][1]["realised"];
    const int older_people = older["workers"];
    CHECK(csv.raw.find(older_people > 0 && older_people < 5 ? "age_50_plus;informal;Digital skills coaching;6;24;<5;\r\n"
                                                            : "age_50_plus;informal;Digital skills coaching;6;24;" + std::to_string(older_people) + ";") !=
          std::string::npos);
    CHECK(csv.raw.find("bottleneck_jobs;formal;Reach truck drivers;4;121.6;;") != std::string::npos);
    CHECK_FALSE(std::regex_search(csv.raw, std::regex("[0-9]{6}[-. ]?[0-9]{3}[-. ]?[0-9]{2}")));
    for (const char* name : {"Anna", "Peeters"}) CHECK(csv.raw.find(name) == std::string::npos);

    auto manager = s.signed_in("manager@demo.example");
    CHECK(manager.get("/api/v1/training-plan?year=2026").status == 403);
    CHECK(manager.put("/api/v1/training-plan", next).status == 403);
    CHECK(manager.get("/api/v1/exports/training-plan?year=2026").status == 403);
}
