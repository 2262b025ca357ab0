// Provider feeds and opening balances: trainings and openings read from CSV or JSON, matched by
// national number and planned against the entries a worker has: new, already there, refused.
#include <doctest/doctest.h>

#include "csv_records.h"
#include "training_import.h"

using namespace ll;

namespace {

const char* anna_nn = "85073003328";
const char* bert_nn = "90020199803";
const char* hr_nn = "71020210183";

std::vector<ExistingWorker> feed_workers() {
    auto worker = [](const char* id, const char* name, const char* nn) {
        WorkerRecord w;
        w.id = id, w.employer_id = "demo", w.display_name = name, w.national_number = nn;
        return ExistingWorker{w, {{*CivilDate::parse("2024-01-01"), std::nullopt, Rational(1)}}, {}};
    };
    std::vector<ExistingWorker> all = {worker("w-1", "Anna Peeters", anna_nn), worker("w-2", "Bert Claes", bert_nn),
                                       worker("w-hr", "Julie Martin", hr_nn)};
    EntryRecord known;
    known.worker_id = "w-1";
    known.entry = LedgerEntry{"e-1", EntryKind::training, EntryStatus::approved, *CivilDate::parse("2026-03-02"), 456, "Forklift safety"};
    EntryRecord opening;
    opening.worker_id = "w-2";
    opening.entry = LedgerEntry{"e-2", EntryKind::opening_balance, EntryStatus::approved, *CivilDate::parse("2026-01-01"), 912,
                                "Opening balance", true, 2025};
    all[0].entries = {known};
    all[1].entries = {opening};
    return all;
}

const EntryImportScope feed_scope{"demo", "w-hr", Rational(38)};

ImportPlan trainings(const std::string& csv) {
    auto records = read_csv_records(csv);
    REQUIRE_MESSAGE(records.ok(), (records.ok() ? "" : records.error().message));
    return plan_training_import(*records, feed_workers(), feed_scope);
}

ImportPlan openings(const std::string& csv) {
    auto records = read_csv_records(csv);
    REQUIRE_MESSAGE(records.ok(), (records.ok() ? "" : records.error().message));
    return plan_opening_import(*records, feed_workers(), feed_scope);
}

}  // namespace

TEST_CASE("cells of provider feeds: durations, euro amounts, yes and no") {
    CHECK(parse_hours_cell("7:36") == 456);
    CHECK(parse_hours_cell("7u36") == 456);
    CHECK(parse_hours_cell("7 h 36") == 456);
    CHECK(parse_hours_cell("7,5") == 450);
    CHECK(parse_hours_cell("3") == 180);
    CHECK(parse_hours_cell("7:60") == std::nullopt);
    CHECK(parse_hours_cell("7,33") == std::nullopt);  // 439.8 minutes: no whole number
    CHECK(parse_hours_cell("-2") == std::nullopt);
    CHECK(parse_euro_cell("1234,50") == 123450);
    CHECK(parse_euro_cell("1.234,50") == 123450);
    CHECK(parse_euro_cell("1,234.50") == 123450);
    CHECK(parse_euro_cell("\xe2\x82\xac 12") == 1200);
    CHECK(parse_euro_cell("12.5 EUR") == 1250);
    CHECK(parse_euro_cell("1.234") == 123400);  // a dot before three digits groups thousands
    CHECK(parse_euro_cell("12,345") == std::nullopt);
    CHECK(parse_euro_cell("-5") == std::nullopt);
    CHECK(parse_euro_cell("abc") == std::nullopt);
    CHECK(parse_euro_cell("1.234.567,89") == 123456789);
    // Thousands marks group three digits: these are typos, not 206 billion or 1.2 million euros.
    CHECK(parse_euro_cell("20.6212342026") == std::nullopt);
    CHECK(parse_euro_cell("1234.567") == std::nullopt);
    CHECK(parse_euro_cell("1..234") == std::nullopt);
    CHECK(parse_euro_cell(",50") == std::nullopt);
    CHECK(parse_yes_no_cell("Ja") == true);
    CHECK(parse_yes_no_cell("non") == false);
    CHECK(parse_yes_no_cell("maybe") == std::nullopt);
}

TEST_CASE("a provider feed: new trainings, one already in the ledger, refused rows with line, column and reason") {
    auto p = trainings(
        "INSZ;Titel;Datum;Duur;Aanbieder;Soort;Kost\n"
        "85.07.30-033.28;Forklift safety;02/03/2026;7:36;Fleet;formeel;\n"     // Anna has it: unchanged
        "85.07.30-033.28;First aid;2026-04-14;3,5;Red Cross;informeel;120,50\n"  // new
        "90020199803;Excel;31/02/2026;2;;;\n"                                    // no such day
        "90020199804;Excel;2026-05-01;2;;;\n"                                    // check digits wrong
        "85073003329;Excel;2026-05-01;2;;;\n"                                    // valid? no: another check
        "71020210183;Own course;2026-05-01;2;;;\n"                               // HR's own record
        "90020199803;Welding;2026-05-04;30;;;\n"                                 // 30 h on one day
        "90020199803;Welding;2026-05-04;3;;workshop;\n");                        // unknown type
    CHECK(p.kind == ImportKind::trainings);
    REQUIRE(p.file_problems.empty());
    REQUIRE(p.rows.size() == 7);  // the unchanged row is only counted
    CHECK(p.unchanged == 1);
    CHECK(p.created == 1);
    CHECK(p.rejected == 6);
    const PlannedRow& aid = p.rows[0];
    CHECK(aid.line == 3);
    CHECK(aid.action == ImportAction::create);
    CHECK(aid.worker_id == "w-1");
    REQUIRE(aid.entry);
    CHECK(aid.entry->entry.kind == EntryKind::training);
    CHECK(aid.entry->entry.status == EntryStatus::approved);
    CHECK(aid.entry->entry.date.iso() == "2026-04-14");
    CHECK(aid.entry->entry.minutes == 210);
    CHECK(aid.entry->provider == "Red Cross");
    CHECK(aid.entry->training_type == "informal");
    CHECK(aid.entry->cost_cents == 12050);
    CHECK(aid.entry->worker_id == "w-1");
    CHECK(aid.entry->employer_id == "demo");

    auto problem = [&](size_t row) { return p.rows[row].problems.at(0); };
    CHECK(problem(1).line == 4);
    CHECK(problem(1).column == 3);
    CHECK(problem(1).field == "date");
    CHECK(problem(2).field == "national_number");
    CHECK(problem(2).message == "not a valid national number");
    CHECK(problem(3).message.find("not a valid") != std::string::npos);
    CHECK(problem(4).message.find("your own record") != std::string::npos);
    CHECK(p.rows[5].name == "Bert Claes");  // a refused row still says whose it is
    CHECK(problem(5).field == "hours");
    CHECK(problem(5).column == 4);
    CHECK(problem(5).message == "more than 24 hours a day for the days covered");
    CHECK(problem(6).field == "type");
    for (const auto& row : p.rows)
        for (const auto& pr : row.problems) CHECK(pr.message.find(bert_nn) == std::string::npos);
}

TEST_CASE("a provider feed: the same training twice, a worker not known, missing columns") {
    auto p = trainings(
        "national_number,title,date,minutes\n"
        "90020199803,Welding,2026-05-04,120\n"
        "90020199803,Welding,2026-05-04,120\n"
        "91010100144,Welding,2026-05-04,120\n");
    REQUIRE(p.rows.size() == 3);
    CHECK(p.rows[0].action == ImportAction::create);
    CHECK(p.rows[1].problems.at(0).message == "the same training is on line 2");
    CHECK(p.rows[2].problems.at(0).message.find("no worker with this national number") == 0);

    auto no_duration = trainings("national_number;title;date\n90020199803;Welding;2026-05-04\n");
    REQUIRE(no_duration.file_problems.size() == 1);
    CHECK(no_duration.file_problems[0].field == "hours");
    CHECK(no_duration.rows.empty());
    auto unknown = trainings("national_number;title;date;hours;colour\n");
    REQUIRE(unknown.file_problems.size() == 1);
    CHECK(unknown.file_problems[0].column == 5);
    CHECK(unknown.file_problems[0].message == "unknown column");
}

// Found by fuzz_csv_import: the refusal spoke of cents ("between 0 and 100000000000") to HR, who
// writes euros, in a message whose run of digits could pass for a national number.
TEST_CASE("a provider feed's amount over a billion euros is refused in euros, on its column") {
    auto p = trainings(
        "national_number;title;date;hours;cost;subsidy\n"
        "90020199803;Welding;2026-05-04;2;999999999999;0\n"
        "90020199803;Welding;2026-05-05;2;1.000.000.000;1000000000,01\n");
    REQUIRE(p.rows.size() == 2);
    REQUIRE(p.rows[0].problems.size() == 1);
    CHECK(p.rows[0].problems[0].column == 5);
    CHECK(p.rows[0].problems[0].message == "more than a billion euros: check the amount");
    REQUIRE(p.rows[1].problems.size() == 1);
    CHECK(p.rows[1].problems[0].column == 6);  // a billion itself is allowed
}

TEST_CASE("a JSON feed reads as records with items numbered from 1; nested values are refused by field") {
    auto feed = nlohmann::json::parse(R"({"trainings": [
        {"national_number": "85073003328", "title": "Excel", "date": "2026-06-01", "hours": 7.5, "counts_for_right": false, "cost": 99.9},
        {"national_number": "90020199803", "title": "Excel", "date": "2026-06-01", "minutes": 90}
    ]})");
    auto records = feed_records_from_json(feed);
    REQUIRE(records.ok());
    auto p = plan_training_import(*records, feed_workers(), feed_scope);
    REQUIRE(p.file_problems.empty());
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows[0].line == 1);
    CHECK(p.rows[1].line == 2);
    CHECK(p.rows[0].entry->entry.minutes == 450);
    CHECK(p.rows[0].entry->entry.counts_for_right == false);
    CHECK(p.rows[0].entry->cost_cents == 9990);
    CHECK(p.rows[1].entry->entry.minutes == 90);  // the missing "hours" cell: minutes are used

    auto nested = feed_records_from_json(nlohmann::json::parse(R"([{"title": {"nl": "x"}}])"));
    REQUIRE_FALSE(nested.ok());
    CHECK(nested.error().field == "[0].title");
    CHECK(feed_records_from_json(nlohmann::json::parse(R"({"items": []})")).error().field == "trainings");
    CHECK(feed_records_from_json(nlohmann::json::parse("[1]")).error().field == "[0]");
    CHECK(feed_records_from_json(nlohmann::json::parse("[{}, {}, {}]"), 2).error().code == "too_large");
}

TEST_CASE("opening balances: days in full-time days, hours, the same opening again, another one refused") {
    auto p = openings(
        "national_number;origin_year;date;days;hours;note\n"
        "85073003328;2025;01/01/2026;2,5;;From the old tool\n"  // 2.5 x 456 = 1140 minutes
        "90020199803;2025;2026-01-01;;15:12;\n"                 // Bert has 912 minutes from 2025: unchanged
        "90020199803;2024;2026-01-01;1/3;;\n"                   // a third of a day: 152 minutes
        "85073003328;2019;2026-01-01;1;;\n"                     // more than five years back
        "85073003328;2027;2026-01-01;1;;\n"                     // from the future
        "85073003328;2025;2026-01-01;1;;\n"                     // second opening from 2025 in the file
        "85073003328;2024;2026-01-01;0;;\n");                   // zero days
    REQUIRE(p.file_problems.empty());
    REQUIRE(p.rows.size() == 6);  // Bert's unchanged opening is only counted
    CHECK(p.kind == ImportKind::openings);
    const PlannedRow& anna = p.rows[0];
    CHECK(anna.action == ImportAction::create);
    REQUIRE(anna.entry);
    CHECK(anna.entry->entry.kind == EntryKind::opening_balance);
    CHECK(anna.entry->entry.minutes == 1140);
    CHECK(anna.entry->entry.origin_year == 2025);
    CHECK(anna.entry->entry.title == "From the old tool");
    CHECK(p.rows[1].action == ImportAction::create);
    CHECK(p.rows[1].entry->entry.minutes == 152);
    CHECK(p.rows[1].entry->entry.title == "Opening balance");
    CHECK(p.rows[2].problems.at(0).field == "origin_year");
    CHECK(p.rows[3].problems.at(0).field == "origin_year");
    CHECK(p.rows[4].problems.at(0).message == "this worker's opening from that year is on line 2");
    CHECK(p.rows[5].problems.at(0).field == "days");
    CHECK(p.created == 2);
    CHECK(p.unchanged == 1);
    CHECK(p.rejected == 4);

    auto other = openings("national_number;origin_year;date;hours\n90020199803;2025;2026-01-01;10\n");
    REQUIRE(other.rows.size() == 1);
    CHECK(other.rows[0].action == ImportAction::rejected);
    CHECK(other.rows[0].problems.at(0).message.find("record a correction") != std::string::npos);
}
