// Translations: the four catalogs parse and agree on their keys, every screen finds every string
// in every language, numbers and durations follow the language, and explanation lines translate.
#include <doctest/doctest.h>

#include <algorithm>

#include "app_frame.h"
#include "headless_imgui.h"
#include "ledger.h"
#include "shipped_rules.h"
#include "translations.h"
#include "update.h"
#include "demo_year.h"

using namespace ll;

namespace {


// Every explanation key the core produces, from a ledger that exercises them all.
std::vector<ExplanationLine> all_kinds_of_lines() {
    const RuleSet& rules = *shipped::belgian_rule_set();
    WorkerFacts f;
    f.employment = {{*CivilDate::parse("2022-03-01"), *CivilDate::parse("2029-06-30"), Rational(1)}};
    f.joint_committee = "200";
    f.termination = Termination{*CivilDate::parse("2029-06-30"), TerminationReason::dismissal};
    for (int y = 2023; y <= 2030; ++y) f.company_fte[y] = Rational(30);
    LedgerEntry grant{"g", EntryKind::complementary_grant, EntryStatus::approved, *CivilDate::parse("2024-02-01"), 60, "bonus"};
    LedgerEntry opening{"o", EntryKind::opening_balance, EntryStatus::approved, *CivilDate::parse("2024-01-01"), 60, "migrated"};
    LedgerEntry fix{"c", EntryKind::correction, EntryStatus::approved, *CivilDate::parse("2024-03-01"), -30, "fix"};
    LedgerEntry big{"t", EntryKind::training, EntryStatus::approved, *CivilDate::parse("2023-03-01"), 1440, "long"};
    LedgerEntry more{"t2", EntryKind::training, EntryStatus::approved, *CivilDate::parse("2023-03-02"), 1440, "longer"};
    LedgerEntry pending{"p", EntryKind::training, EntryStatus::submitted, *CivilDate::parse("2024-05-01"), 60, "later"};
    auto b = fold_ledger(rules, f, {grant, opening, fix, big, more, pending}, LedgerOptions{2023, 2029, false});
    REQUIRE(b.ok());
    std::vector<ExplanationLine> out;
    for (const auto& y : b->years) {
        out.insert(out.end(), y.entitlement.explanation.begin(), y.entitlement.explanation.end());
        out.insert(out.end(), y.explanation.begin(), y.explanation.end());
    }
    WorkerFacts carry = f;
    carry.joint_committee.clear();
    carry.termination = Termination{*CivilDate::parse("2029-06-30"), TerminationReason::resignation};
    auto c = fold_ledger(rules, carry, {}, LedgerOptions{2024, 2029, false});
    REQUIRE(c.ok());
    for (const auto& y : c->years) out.insert(out.end(), y.explanation.begin(), y.explanation.end());
    out.push_back({"entitlement.not_employed", {{"year", "2022"}}});
    out.push_back({"entitlement.rounded", {{"from", "3.33"}, {"days", "3.5"}}});
    out.push_back({"entitlement.complementary", {{"days", "1"}, {"duration", "7 h 36 min"}}});
    return out;
}

}  // namespace

TEST_CASE("the four catalogs parse and have the same keys") {
    auto catalogs = ui::loaded_catalogs();
    REQUIRE_MESSAGE(catalogs.ok(), (catalogs.ok() ? "" : catalogs.error().message));
    REQUIRE(catalogs->size() == 4);
    auto english = catalogs->front().second->keys();
    // Not a structured binding: clang 14 (the sanitizer tree) cannot name one inside doctest's lambdas.
    for (const auto& entry : *catalogs) {
        const auto language = entry.first;
        const auto& catalog = entry.second;
        auto keys = catalog->keys();
        CHECK_MESSAGE(keys == english, ui::code(language));
        for (const auto& k : english) CHECK_MESSAGE(catalog->find(k) != nullptr, ui::code(language) << ": " << k);
    }
}

TEST_CASE("every screen finds every string in every language") {
    auto lines = all_kinds_of_lines();
    for (ui::Language language : ui::all_languages) {
        ui::clear_missing_keys();
        auto state = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040, language);
        test::HeadlessImGui gui(390, 844);
        auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(state, out); };
        gui.frame(draw);  // starting
        ui::update(state, ui::SessionChecked{std::nullopt});
        ui::update(state, ui::SubmitSignIn{});  // an error message
        gui.frame(draw);
        ui::update(state, ui::SignInFailed{make_error("throttled", "x")});
        gui.frame(draw);
        ui::update(state, ui::SignedIn{test::anna_session()});
        gui.frame(draw);  // loading
        ui::update(state, ui::RequestFailed{2026, make_error("offline", "x")});
        gui.frame(draw);
        ui::update(state, ui::Retry{});
        ui::update(state, ui::YearLoaded{test::anna_year(2026)});
        ui::update(state, ui::ToggleExplanation{});
        gui.frame(draw);
        ui::update(state, ui::SelectTab{ui::Tab::history});
        gui.frame(draw);
        for (auto s : {EntryStatus::draft, EntryStatus::submitted, EntryStatus::approved, EntryStatus::rejected, EntryStatus::withdrawn})
            ui::tr("status." + std::string(to_string(s)));
        for (auto k : {EntryKind::training, EntryKind::correction, EntryKind::complementary_grant, EntryKind::opening_balance})
            ui::tr("kind." + std::string(to_string(k)));
        ui::set_language(language);
        for (const auto& line : lines) ui::explanation(line);
        CHECK_MESSAGE(ui::missing_keys().empty(), ui::code(language) << ": " << *ui::missing_keys().begin());
    }
    ui::set_language(ui::Language::en);
}

TEST_CASE("numbers, plurals and durations follow the language") {
    const Rational half = *Rational::make(7, 2);
    ui::set_language(ui::Language::en);
    CHECK(ui::tr_plural("{n} day", "{n} days", half, {{"n", ui::number(half)}}) == "3.5 days");
    CHECK(ui::tr_plural("{n} day", "{n} days", Rational(1), {{"n", ui::number(Rational(1))}}) == "1 day");
    ui::set_language(ui::Language::nl);
    CHECK(ui::tr_plural("{n} day", "{n} days", half, {{"n", ui::number(half)}}) == "3,5 dagen");
    CHECK(ui::duration(456) == "7 u 36 min");
    ui::set_language(ui::Language::fr);
    CHECK(ui::tr_plural("{n} day", "{n} days", half, {{"n", ui::number(half)}}) == "3,5 jours");
    const Rational one_and_half = *Rational::make(3, 2);
    CHECK(ui::tr_plural("{n} day", "{n} days", one_and_half, {{"n", ui::number(one_and_half)}}) == "1,5 jour");
    ui::set_language(ui::Language::de);
    CHECK(ui::tr_plural("{n} day", "{n} days", half, {{"n", ui::number(half)}}) == "3,5 Tage");
    CHECK(ui::duration(1368) == "22 Std. 48 Min.");
    ui::set_language(ui::Language::en);
}

TEST_CASE("explanation lines translate, and the English catalog says what the core says") {
    auto lines = all_kinds_of_lines();
    ui::set_language(ui::Language::en);
    for (const auto& line : lines) CHECK_MESSAGE(ui::explanation(line) == render_english(line), line.key);
    ExplanationLine pro_rata{"entitlement.pro_rata", {{"full_time_days", "5"}, {"fraction_percent", "80"}, {"months", "9"}, {"days", "3.33"}}};
    ui::set_language(ui::Language::nl);
    CHECK(ui::explanation(pro_rata) == "5 d x 80 % x 9/12 maanden = 3,33 d");
    ExplanationLine training{"ledger.training", {{"title", "First aid"}, {"date", "2025-03-03"}, {"duration", "-7 h 36 min"}}};
    CHECK(ui::explanation(training) == "opleiding „First aid”, 03-03-2025: -7 u 36 min");
    ui::set_language(ui::Language::fr);
    CHECK(ui::explanation(training) == "formation « First aid », 03/03/2025 : -7 h 36 min");
    ui::set_language(ui::Language::en);
}

TEST_CASE("language codes and the catalog reader") {
    CHECK(*ui::language_from("nl-BE") == ui::Language::nl);
    CHECK(*ui::language_from("FR_be") == ui::Language::fr);
    CHECK(*ui::language_from("de") == ui::Language::de);
    CHECK_FALSE(ui::language_from("es-ES").has_value());
    CHECK_FALSE(ui::language_from("").has_value());
    auto c = ui::Catalog::parse("msgid \"a\"\nmsgstr \"b\"\n\"c\\\"\"\n\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\nmsgstr[1] \"ys\"\n", "t.po");
    REQUIRE(c.ok());
    CHECK(c->find("a")->singular == "bc\"");
    CHECK(c->find("x")->plural == "ys");
    auto bad = ui::Catalog::parse("msgid \"a\"\nmsgstr b\n", "t.po");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "t.po:2: expected msgid, msgid_plural, msgstr or a quoted string");
}

TEST_CASE("a server too busy for a slow request says so in the person's language") {
    const ll::Error busy{"busy", "the server is busy; send the request again in a moment", ""};
    ui::LanguageScope nl(ui::Language::nl);
    CHECK(ui::error_message(busy) == "De server is even te druk. Probeer het zo opnieuw.");
}
