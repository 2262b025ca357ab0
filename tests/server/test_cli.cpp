// The `entitlement` and `balance` commands as users and our checks call them: JSON on stdin,
// one JSON object on stdout, or one line on stderr naming the field with exit code 2.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "server_process.h"

using namespace ll::test;
using nlohmann::json;

namespace {

json run_ok(const char* command, const std::string& input) {
    auto r = run_learnledger({command}, input);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    auto j = json::parse(r.out, nullptr, false);
    REQUIRE(j.is_object());
    return j;
}

void check_refused(const char* command, const std::string& input, const std::string& field) {
    auto r = run_learnledger({command}, input);
    CHECK_MESSAGE(r.exit_code == 2, input);
    CHECK_MESSAGE(r.out.empty(), input);
    CHECK_MESSAGE(r.err.find(field) != std::string::npos, std::string(input + " -> " + r.err));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

}  // namespace

TEST_CASE("entitlement: the spec's worked example with a training") {
    auto j = run_ok("entitlement", R"({"year":2024,"company_fte":40,"employment":[{"start":"2024-04-29","end":null,"fraction":0.8}],
                                      "trainings":[{"date":"2024-06-03","minutes":456,"status":"approved"}]})");
    CHECK(j["year"] == 2024);
    CHECK(j["entitled_days"] == 3.0);
    CHECK(j["entitled_minutes"] == 1368);
    CHECK(j["months_counted"] == 9);
    CHECK(j["used_minutes"] == 456);
    CHECK(j["carried_in_minutes"] == 0);
    CHECK(j["remaining_minutes"] == 912);
    REQUIRE(j["explanation"].is_array());
    CHECK(j["explanation"][1] == "5 d x 80 % x 9/12 months = 3 d");
    CHECK(j.size() == 8);
}

TEST_CASE("entitlement: sector, carried minutes, weekly hours and a custom week") {
    auto pc200 = run_ok("entitlement", R"({"year":2026,"company_fte":50,"joint_committee":"200",
                                          "employment":[{"start":"2020-01-01","fraction":1}],"carried_in_minutes":100})");
    CHECK(pc200["entitled_days"] == 4.0);
    CHECK(pc200["remaining_minutes"] == 4 * 456 + 100);
    auto hours = run_ok("entitlement", R"({"year":2025,"company_fte":25,"employment":[{"start":"2025-01-01","weekly_hours":19}]})");
    CHECK(hours["entitled_minutes"] == 1140);  // 19/38 = 50 %: 2.5 d
    auto week40 = run_ok("entitlement", R"({"year":2025,"company_fte":25,"full_time_weekly_hours":40,
                                           "employment":[{"start":"2025-01-01","fraction":1}]})");
    CHECK(week40["entitled_minutes"] == 5 * 480);
    // Trainings not approved or of another year do not count.
    auto mixed = run_ok("entitlement", R"({"year":2025,"company_fte":25,"employment":[{"start":"2025-01-01","fraction":1}],
        "trainings":[{"date":"2025-02-01","minutes":60,"status":"submitted"},{"date":"2024-12-01","minutes":60,"status":"approved"}]})");
    CHECK(mixed["used_minutes"] == 0);
}

TEST_CASE("entitlement: bad input names the field, exit 2, nothing on stdout") {
    const std::string emp = R"("employment":[{"start":"2024-01-01","fraction":1}])";
    check_refused("entitlement", "{\"year\":2024,", "body is not valid JSON");
    check_refused("entitlement", R"({"year":2024,"company_fte":40,)" + emp + R"(,"colour":"red"})", "colour");
    check_refused("entitlement", R"({"year":"2024","company_fte":40,)" + emp + "}", "year");
    check_refused("entitlement", R"({"year":2019,"company_fte":40,)" + emp + "}", "year");
    check_refused("entitlement", R"({"company_fte":40,)" + emp + "}", "year");
    check_refused("entitlement", R"({"year":2024,"company_fte":40,"employment":[{"start":"2024-02-30","fraction":1}]})", "employment[0].start");
    check_refused("entitlement", R"({"year":2024,"company_fte":40,"employment":[{"start":"2024-01-01","fraction":1.2}]})", "employment[0].fraction");
    check_refused("entitlement", R"({"year":2024,"company_fte":40,"employment":[{"start":"2024-01-01","fraction":0}]})", "employment[0].fraction");
    check_refused("entitlement", R"({"year":2024,"company_fte":40,"employment":[{"start":"2024-05-01","end":"2024-04-01","fraction":1}]})", "employment[0].end");
    check_refused("entitlement", R"({"year":2024,"company_fte":-1,)" + emp + "}", "company_fte");
    check_refused("entitlement", R"({"year":2024,"company_fte":40,"joint_committee":"PC200",)" + emp + "}", "joint_committee");
    check_refused("entitlement", R"({"year":2024,"company_fte":40,)" + emp + R"(,"trainings":[{"date":"2024-03-01","minutes":1500,"status":"approved"}]})", "trainings[0].minutes");
    check_refused("entitlement", R"({"year":2024,"company_fte":40,)" + emp + R"(,"trainings":[{"date":"2024-03-01","minutes":60,"status":"done"}]})", "trainings[0].status");
    check_refused("entitlement", R"({"year":2024,"company_fte":40,)" + emp + R"(,"rules":"/nonexistent.json"})", "rules");
    check_refused("entitlement", "[]", "expected a JSON object");
}

TEST_CASE("entitlement: a rule-set file given in the request is used and validated") {
    TempDir dir;
    dir.write("two.json", R"({"format":"learnledger-rules/1","id":"two","version":"1","title":"t","first_year":2024,"last_year":2030,
        "full_time_weekly_hours":40,"carry_over":{"period_start_year":2024,"period_years":5,"at_period_end":"carry","roll_before_period":false},
        "legal_days":[{"from_year":2024,"to_year":null,"bands":[{"min_fte":0,"days":2}]}]})");
    auto j = run_ok("entitlement", R"({"year":2025,"company_fte":3,"employment":[{"start":"2025-07-01","fraction":0.5}],"rules":")" +
                                       dir.file("two.json") + "\"}");
    CHECK(j["entitled_days"] == 0.5);  // the spec's example: 2 x 0.5 x 6/12
    CHECK(j["entitled_minutes"] == 240);
    dir.write("broken.json", R"({"format":"learnledger-rules/1"})");
    check_refused("entitlement", R"({"year":2025,"company_fte":3,"employment":[],"rules":")" + dir.file("broken.json") + "\"}",
                  "broken.json");
}

TEST_CASE("balance: years with lots and explanations, periods, end of contract") {
    auto j = run_ok("balance", R"({"from_year":2024,"to_year":2025,"company_fte":{"2024":40,"2025":40},
        "employment":[{"start":"2024-04-29","fraction":0.8}],
        "entries":[{"id":"t1","kind":"training","status":"approved","date":"2025-03-03","minutes":456,"title":"First aid"},
                   {"id":"t2","kind":"training","status":"submitted","date":"2025-05-05","minutes":120,"title":"Excel"}],
        "termination":{"date":"2025-12-31","reason":"dismissal"}})");
    REQUIRE(j["years"].size() == 2);
    CHECK(j["years"][0]["entitled_minutes"] == 1368);
    CHECK(j["years"][0]["carried_out_minutes"] == 1368);
    CHECK(j["years"][1]["carried_in_minutes"] == 1368);
    CHECK(j["years"][1]["used_minutes"] == 456);
    CHECK(j["years"][1]["pending_minutes"] == 120);
    CHECK(j["years"][1]["remaining_minutes"] == 1368 + 1824 - 456);
    bool found = false;
    for (const auto& line : j["years"][1]["explanation"]) found = found || line["text"] == "training \"First aid\", 2025-03-03: -1 d";
    CHECK(found);
    CHECK(j["end_of_contract"]["treatment"] == "take_during_notice_or_include_in_indemnity");
    CHECK(j["end_of_contract"]["open_minutes"] == 1368 + 1824 - 456);
    CHECK(j["periods"][0]["start_year"] == 2024);
    CHECK(j["years"][0]["lapses_on"].is_null());  // the statutory balance keeps carrying
}

TEST_CASE("balance: bad input names the field") {
    const std::string base = R"("from_year":2024,"to_year":2024,"employment":[{"start":"2024-01-01","fraction":1}])";
    check_refused("balance", "{" + base + "}", "company_fte");
    check_refused("balance", "{" + base + R"(,"company_fte":{"24":40}})", "company_fte.24");
    check_refused("balance", "{" + base + R"(,"company_fte":{"2023":40}})", "company_fte.2024");
    check_refused("balance", "{" + base + R"(,"company_fte":{"2024":40},"entries":[{"kind":"gift","date":"2024-01-01","minutes":5}]})", "entries[0].kind");
    check_refused("balance", "{" + base + R"(,"company_fte":{"2024":40},"entries":[{"kind":"correction","date":"2024-01-01","minutes":0}]})", "entries[0].minutes");
    check_refused("balance", "{" + base + R"(,"company_fte":{"2024":40},"termination":{"date":"2024-01-01","reason":"boredom"}})", "termination.reason");
    check_refused("balance", "{" + base + R"(,"company_fte":{"2024":40},"entries":[{"kind":"training","date":"2024-01-01","minutes":60,"origin_year":2023}]})", "entries[0].origin_year");
}
