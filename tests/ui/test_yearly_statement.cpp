// The yearly statement document: the year view's figures in each language, no missing texts,
// only approved and waiting entries listed, and the caller's language left as it was.
#include <doctest/doctest.h>

#include "demo_year.h"
#include "yearly_statement.h"

using namespace ll;

namespace {

ui::StatementDocument anna_statement(int year, ui::Language language) {
    return ui::yearly_statement({"Demo Logistics NV", "Anna Peeters", "Warehouse", *CivilDate::parse("2026-12-02"), test::anna_year(year)},
                                language);
}

const ui::StatementRow* row(const ui::StatementSection& s, const std::string& label) {
    for (const auto& r : s.rows)
        if (r.label == label) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("the statement has every text in all four languages") {
    for (auto language : ui::all_languages) {
        ui::clear_missing_keys();
        for (int year : {2024, 2025, 2026}) anna_statement(year, language);
        CHECK_MESSAGE(ui::missing_keys().empty(), ui::code(language) << ": " << *ui::missing_keys().begin());
    }
}

TEST_CASE("the statement shows the year view's figures in the worker's language") {
    const auto view = test::anna_year(2026);
    const auto d = anna_statement(2026, ui::Language::nl);
    CHECK(d.title == "Individuele opleidingsrekening 2026");
    REQUIRE(d.header.size() == 4);
    CHECK(d.header[1].value == "Anna Peeters");
    CHECK(d.header[3].value == "02-12-2026");
    const auto& figures = d.sections.front();
    REQUIRE(row(figures, "Resterend"));
    ui::set_language(ui::Language::nl);
    CHECK(row(figures, "Resterend")->value ==
          ui::days_text(minutes_as_days(view.remaining_minutes, view.minutes_per_day)) + " (" + ui::duration(view.remaining_minutes) + ")");
    CHECK(row(figures, "Wacht op goedkeuring"));
    CHECK_FALSE(row(figures, "Dit jaar vervallen"));  // nothing lapsed: the row is left out

    // 2025: the rejected wine tasting is not on the statement; 2026: the waiting training is.
    const auto d2025 = anna_statement(2025, ui::Language::en);
    const auto& listed_2025 = d2025.sections.back();
    CHECK(listed_2025.trainings.empty());
    CHECK(listed_2025.lines == std::vector<std::string>{"No trainings in 2025."});
    const auto d2026 = anna_statement(2026, ui::Language::fr);
    const auto& listed_2026 = d2026.sections.back();
    REQUIRE(listed_2026.trainings.size() == 1);
    CHECK(listed_2026.trainings[0].date == "12/10/2026");
    CHECK(listed_2026.trainings[0].title == "Safe loading \u00b7 Academy");
    CHECK(listed_2026.trainings[0].duration == "3 h 48 min");
}

TEST_CASE("building a statement leaves the caller's language as it was") {
    ui::set_language(ui::Language::de);
    anna_statement(2026, ui::Language::fr);
    CHECK(ui::tr("statement.worker") == "Arbeitnehmer");
    ui::set_language(ui::Language::en);
}
