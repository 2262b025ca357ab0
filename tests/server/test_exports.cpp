// Exports over HTTP: the social balance sheet's training section against a hand-computed case
// (the spec's net cost 60,262.20), the FLA fields per worker, CSV rendering, and who may export.
#include <doctest/doctest.h>

#include <regex>

#include "demo_server.h"
#include "tool_output.h"

using namespace ll::test;
using nlohmann::json;

namespace {

std::string value_of(const Reply& r, const std::string& code) {
    for (const auto& row : r.body["rows"])
        if (row[0] == code) return row[3];
    return "missing";
}

std::string create_worker(ApiClient& hr, const std::string& name, const std::string& gender) {
    auto r = hr.post("/api/v1/workers", {{"display_name", name}, {"department_id", "demo:Office"}, {"gender", gender},
                                         {"employment", {{{"start", "2026-01-01"}, {"fraction", 1}}}}});
    REQUIRE(r.status == 201);
    return r.body["id"];
}

void register_training(ApiClient& hr, const std::string& worker, const char* date, int minutes, const char* type, long long gross,
                       long long fund, long long subsidy) {
    auto r = hr.post("/api/v1/trainings", {{"worker_id", worker}, {"title", "Course"}, {"training_type", type}, {"date", date},
                                           {"minutes", minutes}, {"cost_cents", gross}, {"fund_cents", fund}, {"subsidy_cents", subsidy}});
    REQUIRE(r.status == 201);
    CHECK(r.body["status"] == "approved");
    CHECK(r.body["fund_cents"] == fund);
}

}  // namespace

TEST_CASE("the social balance sheet of a year from the ledger: a hand-computed case") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    const std::string man = create_worker(hr, "Export Man", "male");
    const std::string woman = create_worker(hr, "Export Woman", "female");
    // The man: three formal trainings adding up to the spec's example.
    register_training(hr, man, "2027-03-01", 456, "formal", 1000000, 2000000, 100000);
    register_training(hr, man, "2027-05-05", 228, "formal", 660000, 1604900, 138680);
    register_training(hr, man, "2027-09-09", 120, "formal", 1000000, 0, 0);
    register_training(hr, woman, "2027-04-01", 120, "informal", 5000, 0, 0);
    register_training(hr, woman, "2027-04-02", 60, "initial", 2000, 1000, 500);

    auto r = hr.get("/api/v1/exports/social-balance?year=2027");
    REQUIRE(r.status == 200);
    CHECK(r.body["columns"] == json{"code", "label", "unit", "value"});
    CHECK(value_of(r, "5801") == "1");
    CHECK(value_of(r, "5802") == "13.4");
    CHECK(value_of(r, "58031") == "26600");
    CHECK(value_of(r, "58032") == "36049");
    CHECK(value_of(r, "58033") == "2386.8");
    CHECK(value_of(r, "5803") == "60262.2");
    CHECK(value_of(r, "5811") == "0");
    CHECK(value_of(r, "5831") == "1");
    CHECK(value_of(r, "5832") == "2");
    CHECK(value_of(r, "5833") == "50");
    CHECK(value_of(r, "5851") == "1");
    CHECK(value_of(r, "5853") == "25");
    CHECK(r.body["unclassified_workers"] == 0);

    auto csv = hr.get("/api/v1/exports/social-balance?year=2027&format=csv");
    REQUIRE(csv.status == 200);
    CHECK(csv.headers.find("Content-Type")->second.rfind("text/csv", 0) == 0);
    CHECK(csv.headers.find("Content-Disposition")->second.find("social-balance-training-2027.csv") != std::string::npos);
    CHECK(csv.raw.rfind("\xEF\xBB\xBF" "code;label;unit;value\r\n5801;", 0) == 0);
    CHECK(csv.raw.find("\r\n5803;formal continuing training, men: net cost;euro;60262.2\r\n") != std::string::npos);
}

TEST_CASE("the FLA fields: one row per worker employed in the year, figures from the fold") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto r = hr.get("/api/v1/exports/fla-fields?year=2024");
    REQUIRE(r.status == 200);
    const auto& cols = r.body["columns"];
    auto col = [&](const char* name) {
        for (size_t i = 0; i < cols.size(); ++i)
            if (cols[i] == name) return i;
        FAIL("no column " << name);
        return size_t(0);
    };
    const json* anna = nullptr;
    for (const auto& row : r.body["rows"])
        if (row[col("worker_id")] == "w-0001") anna = &row;
    REQUIRE(anna);
    CHECK((*anna)[col("enterprise_number")] == "0403170701");
    CHECK((*anna)[col("national_number")].get<std::string>().size() == 11);  // whole: this file is for the register
    CHECK((*anna)[col("work_regime")] == "0.8");
    CHECK((*anna)[col("basis")] == "legal");
    CHECK((*anna)[col("entitled_days")] == "3");      // 5 x 0.8 x 9/12
    CHECK((*anna)[col("followed_days")] == "1");      // First aid, 7 h 36 min
    CHECK((*anna)[col("remaining_days")] == "2");
    CHECK((*anna)[col("trainings")] == "1");
    CHECK((*anna)[col("company_fte")] == "52.3");
    // Workers who joined after 2024 have no 2024 row.
    auto joined_later = hr.get("/api/v1/exports/fla-fields?year=2023");
    for (const auto& row : joined_later.body["rows"]) CHECK(row[col("worker_id")] != "w-0001");

    auto csv = hr.get("/api/v1/exports/fla-fields?year=2024&format=csv");
    CHECK(csv.status == 200);
    CHECK(csv.headers.find("Cache-Control")->second == "no-store");

    // Managers, workers and bad parameters.
    CHECK(s.signed_in("manager@demo.example").get("/api/v1/exports/fla-fields?year=2024").status == 403);
    CHECK(s.signed_in("worker@demo.example").get("/api/v1/exports/social-balance?year=2024").status == 403);
    CHECK(hr.get("/api/v1/exports/fla-fields").error()["field"] == "year");
    CHECK(hr.get("/api/v1/exports/fla-fields?year=2024&format=xls").error()["field"] == "format");
    CHECK(hr.get("/api/v1/exports/fla-fields?year=1999").status == 400);
}

TEST_CASE("a training title that looks like a formula stays text in the CSV") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto created = hr.post("/api/v1/workers", {{"display_name", "=HYPERLINK(\"x\")"}, {"department_id", "demo:Office"},
                                               {"employment", {{{"start", "2024-01-01"}, {"fraction", 1}}}}});
    REQUIRE(created.status == 201);
    auto csv = hr.get("/api/v1/exports/fla-fields?year=2024&format=csv");
    CHECK(csv.raw.find(";\"'=HYPERLINK(\"\"x\"\")\";") != std::string::npos);
    CHECK(csv.raw.find(";=HYPERLINK") == std::string::npos);
}

namespace {

bool workbook_has_no_national_number(const std::string& text) { return !std::regex_search(text, std::regex("[0-9]{11}|[0-9]{6}-[0-9]{3}-[0-9]{2}")); }

// One member of a zip archive (an .xlsx), as Debian's unzip reads it.
std::string zip_member(const std::string& zip, const std::string& member) { return tool_output("unzip -p", zip, member); }

}  // namespace

TEST_CASE("the team table as an Excel workbook: the same rows as the JSON, in the caller's scope") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto formula = hr.post("/api/v1/workers", {{"display_name", "=HYPERLINK(\"http://x\",\"y\")"}, {"department_id", "demo:Office"},
                                               {"employment", {{{"start", "2026-01-01"}, {"fraction", 1}}}}});
    REQUIRE(formula.status == 201);
    auto table = hr.get("/api/v1/team?year=2026");
    REQUIRE(table.status == 200);
    auto r = hr.get("/api/v1/team?year=2026&format=xlsx");
    REQUIRE(r.status == 200);
    CHECK(r.headers.find("Content-Type")->second == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(r.headers.find("Content-Disposition")->second == "attachment; filename=\"team-2026.xlsx\"");
    REQUIRE(r.raw.rfind("PK", 0) == 0);
    const std::string strings = zip_member(r.raw, "xl/sharedStrings.xml");
    const std::string sheet = zip_member(r.raw, "xl/worksheets/sheet1.xml");
    CHECK(strings.find("Remaining (days)") != std::string::npos);
    for (const auto& row : table.body["items"]) CHECK_MESSAGE(strings.find(row["name"].get<std::string>()) != std::string::npos, row["name"]);
    // A header row and one row per worker; Anna's 9.5 remaining days are a number, not text.
    CHECK(sheet.find("<row r=\"" + std::to_string(table.body["items"].size() + 1) + "\"") != std::string::npos);
    CHECK(sheet.find("<row r=\"" + std::to_string(table.body["items"].size() + 2) + "\"") == std::string::npos);
    CHECK(sheet.find("<v>9.5</v>") != std::string::npos);
    CHECK(sheet.find("autoFilter") != std::string::npos);
    CHECK(sheet.find("<f>") == std::string::npos);  // the "=HYPERLINK(...)" name is a string, not a formula
    CHECK(strings.find("<t>=HYPERLINK(") != std::string::npos);
    CHECK(workbook_has_no_national_number(strings));

    // The manager's workbook holds their team only; a bad format is refused naming it.
    auto manager = s.signed_in("manager@demo.example");
    auto theirs = manager.get("/api/v1/team?year=2026");
    auto mine = zip_member(manager.get("/api/v1/team?year=2026&format=xlsx").raw, "xl/sharedStrings.xml");
    for (const auto& row : table.body["items"]) {
        bool in_team = false;
        for (const auto& t : theirs.body["items"]) in_team = in_team || t["worker_id"] == row["worker_id"];
        CHECK_MESSAGE((mine.find(row["name"].get<std::string>()) != std::string::npos) == in_team, row["name"]);
    }
    auto bad = hr.get("/api/v1/team?year=2026&format=xls");
    CHECK(bad.status == 400);
    CHECK(bad.error()["field"] == "format");
    CHECK(s.client().get("/api/v1/team?year=2026&format=xlsx").status == 401);
}
