// Payroll imports: CSV as payroll tools write it (separators, BOM, quotes, decimal commas, dates in
// Belgian order), and the plan a dry run shows: created, changed, unchanged, refused with reasons.
#include <doctest/doctest.h>

#include "csv_records.h"
#include "payroll_import.h"

using namespace ll;

namespace {

// Valid national numbers of fictional people (check digits computed as in the demo data).
const char* nn1 = "85073003328";
const char* nn2 = "90020199803";

ExistingWorker existing_worker() {
    WorkerRecord w;
    w.id = "w-1";
    w.employer_id = "demo";
    w.display_name = "Anna Peeters";
    w.department_id = "demo:Warehouse";
    w.joint_committee = "226";
    w.language = "nl";
    w.national_number = nn1;
    return {w, {{*CivilDate::parse("2024-04-29"), std::nullopt, *Rational::make(4, 5)}}};
}

const std::vector<DepartmentRecord> departments = {{"demo:Warehouse", "Warehouse", ""}, {"demo:Office", "Office", ""}};

ImportPlan plan(const std::string& csv) {
    auto records = read_csv_records(csv);
    REQUIRE_MESSAGE(records.ok(), (records.ok() ? "" : records.error().message));
    return plan_payroll_import(*records, {existing_worker()}, departments, "demo", Rational(38));
}

}  // namespace

TEST_CASE("CSV records: separators, BOM, quotes, line breaks in cells, CRLF, blank lines") {
    auto r = read_csv_records("\xEF\xBB\xBFname;note\r\n\"Dupont; Marie\";\"said \"\"hi\"\"\nthen left\"\r\n\r\nPeeters;x\r\n");
    REQUIRE(r.ok());
    REQUIRE(r->size() == 3);
    CHECK((*r)[0].cells == std::vector<std::string>{"name", "note"});
    CHECK((*r)[1].cells == std::vector<std::string>{"Dupont; Marie", "said \"hi\"\nthen left"});
    CHECK((*r)[1].line == 2);
    CHECK((*r)[2].line == 5);  // the quoted line break and the blank line count
    auto commas = read_csv_records("a,b\n1,\"2,5\"");
    REQUIRE(commas.ok());
    CHECK((*commas)[1].cells == std::vector<std::string>{"1", "2,5"});

    auto open = read_csv_records("a;b\n1;\"never closed\n");
    REQUIRE_FALSE(open.ok());
    CHECK(open.error().code == "malformed_csv");
    CHECK(open.error().message == "line 2: a quote is not closed");
    auto after = read_csv_records("a;b\n\"x\"y;1\n");
    REQUIRE_FALSE(after.ok());
    CHECK(after.error().message == "line 2: text after a closing quote");
    CHECK(read_csv_records("a;b\n\xC3(;1\n").error().message == "the file is not UTF-8 text");
    CHECK(read_csv_records(std::string(5000, 'x'), CsvLimits{10, 10, 100}).error().code == "too_large");
}

TEST_CASE("cells as spreadsheets write them: decimal commas, percentages, Belgian dates") {
    CHECK(*parse_fraction_cell("0,8") == *Rational::make(4, 5));
    CHECK(*parse_fraction_cell("80%") == *Rational::make(4, 5));
    CHECK(*parse_fraction_cell(" 80 % ") == *Rational::make(4, 5));
    CHECK(*parse_fraction_cell("4/5") == *Rational::make(4, 5));
    CHECK(*parse_fraction_cell("19") == Rational(19));
    CHECK_FALSE(parse_fraction_cell("0,8,1"));
    CHECK_FALSE(parse_fraction_cell("1/0"));
    CHECK(*parse_date_cell("31/01/2026") == *CivilDate::parse("2026-01-31"));
    CHECK(*parse_date_cell("1-2-2026") == *CivilDate::parse("2026-02-01"));
    CHECK(*parse_date_cell("2026-01-31") == *CivilDate::parse("2026-01-31"));
    CHECK_FALSE(parse_date_cell("31/02/2026"));
    CHECK_FALSE(parse_date_cell("2026/01/31"));
    CHECK_FALSE(parse_date_cell("31/01/26"));
}

TEST_CASE("the plan: new workers, changes to known ones, unchanged rows and refused rows with reasons") {
    const std::string csv = std::string("INSZ;Naam;Afdeling;PC;Taal;Geslacht;In dienst;Uit dienst;Tewerkstellingsbreuk\n") +
                            nn1 + ";Anna Peeters;Office;226;nl;V;29/04/2024;;0,8\n" +   // moves to the office
                            nn2 + ";Élise Dupont;Warehouse;200;fr;F;01/02/2026;;80%\n" +  // new
                            "12345678901;Bad Number;Office;226;nl;M;2026-01-01;;1\n" +
                            "90020199891x;;Nowhere;99;xx;?;2026-13-01;2025-01-01;1,5\n" +
                            "somebody;else\n";
    auto p = plan(csv);
    CHECK(p.file_problems.empty());
    REQUIRE(p.rows.size() == 5);

    const PlannedRow& anna = p.rows[0];
    CHECK(anna.line == 2);
    CHECK(anna.problems.empty());
    CHECK(anna.action == ImportAction::update);
    CHECK(anna.worker_id == "w-1");
    CHECK(anna.changes == std::vector<std::string>{"department_id", "gender"});
    CHECK(anna.worker.department_id == "demo:Office");
    CHECK_FALSE(anna.new_period);  // the same period is already there

    const PlannedRow& elise = p.rows[1];
    CHECK(elise.action == ImportAction::create);
    CHECK(elise.worker.display_name == "Élise Dupont");
    CHECK(elise.worker.language == "fr");
    CHECK(elise.worker.gender == "female");
    REQUIRE(elise.new_period);
    CHECK(elise.new_period->start == *CivilDate::parse("2026-02-01"));
    CHECK(elise.new_period->fraction == *Rational::make(4, 5));

    const PlannedRow& bad = p.rows[2];
    CHECK(bad.action == ImportAction::rejected);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].line == 4);
    CHECK(bad.problems[0].column == 1);
    CHECK(bad.problems[0].field == "national_number");
    CHECK(bad.problems[0].message.find("12345678901") == std::string::npos);  // never repeated

    // Every problem of a row at once, each naming its column.
    std::vector<std::string> fields;
    for (const auto& problem : p.rows[3].problems) fields.push_back(problem.field);
    CHECK(fields == std::vector<std::string>{"national_number", "department", "joint_committee", "language", "gender", "start", "fraction"});
    CHECK(p.rows[4].problems[0].field == "row");
    CHECK(p.rows[4].problems[0].message == "expected 9 cells, found 2");
    CHECK(p.created == 1);
    CHECK(p.updated == 1);
    CHECK(p.rejected == 3);
}

TEST_CASE("the plan: weekly hours, a second period, the same number twice, header problems") {
    const std::string hours = std::string("national_number,start,end,weekly_hours\n") + nn1 + ",2027-01-01,,19\n";
    auto p = plan(hours);
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows[0].action == ImportAction::update);
    CHECK(p.rows[0].changes == std::vector<std::string>{"employment"});
    CHECK(p.rows[0].new_period->fraction == *Rational::make(1, 2));

    auto unchanged = plan(std::string("national_number;start;fraction\n") + nn1 + ";2024-04-29;0,8\n");
    CHECK(unchanged.unchanged == 1);
    CHECK(unchanged.rows.empty());  // unchanged rows are only counted
    auto conflicting = plan(std::string("national_number;start;fraction\n") + nn1 + ";2024-04-29;0,5\n");
    CHECK(conflicting.rows[0].action == ImportAction::rejected);
    CHECK(conflicting.rows[0].problems[0].field == "start");

    auto twice = plan(std::string("national_number;name;start\n") + nn2 + ";A;2026-01-01\n" + nn2 + ";B;2026-02-01\n");
    CHECK(twice.rejected == 2);
    CHECK(twice.rows[1].problems[0].message == "the same national number is on another row");

    auto header = plan("name;colour;name\nx;y;z\n");
    std::vector<std::string> problems;
    for (const auto& f : header.file_problems) problems.push_back(f.field + ":" + f.message);
    CHECK(problems == std::vector<std::string>{"header:unknown column", "name:this column appears twice",
                                               "national_number:this column is required", "start:this column is required"});
    CHECK(header.rows.empty());
    CHECK(plan("").file_problems[0].message == "the file is empty");
}
