// Builds the yearly statement from the worker's year view: the same figures and explanation lines
// as the app's year screen, worded for paper. Only approved and waiting entries are listed.
#include "yearly_statement.h"

#include <cstdlib>

namespace ll::ui {

namespace {

std::string year_text(int year) { return std::to_string(year); }

std::string days_and_time(long long minutes, long long minutes_per_day) {
    return days_text(minutes_as_days(minutes, minutes_per_day)) + " (" + duration(minutes) + ")";
}

StatementSection figures_section(const YearView& v) {
    StatementSection s{tr("statement.figures", {{"year", year_text(v.year)}})};
    auto row = [&](const char* key, long long minutes, bool always = false) {
        if (always || minutes != 0) s.rows.push_back({tr(key), days_and_time(minutes, v.minutes_per_day)});
    };
    s.rows.push_back({tr("Training right {year}", {{"year", year_text(v.year)}}),
                      days_text(v.entitled_days) + " (" + duration(v.entitled_minutes) + ")"});
    row("statement.complementary", v.complementary_minutes);
    row("statement.carried_in", v.carried_in_minutes);
    row("statement.credit", v.credit_minutes);
    row("statement.used", v.used_minutes, true);
    row("statement.pending", v.pending_minutes);
    row("statement.beyond", v.beyond_right_minutes);
    row("statement.expired", v.expired_minutes);
    row("statement.remaining", v.remaining_minutes, true);
    if (v.remaining_minutes > 0 && v.lapses_on)
        s.lines.push_back(tr("Time not taken lapses on {date}", {{"date", date_text(*v.lapses_on)}}));
    else if (v.remaining_minutes > 0 && !v.end_of_contract)
        s.lines.push_back(tr("Time not taken carries over to {year}", {{"year", year_text(v.year + 1)}}));
    if (v.end_of_contract)
        s.lines.push_back(tr("Contract ends {date}: {duration} still open",
                             {{"date", date_text(v.end_of_contract->termination.date)}, {"duration", duration(v.end_of_contract->open_minutes)}}));
    return s;
}

StatementSection period_section(const YearView& v) {
    StatementSection s{tr("statement.period")};
    for (const auto& p : v.periods) {
        if (v.year < p.start_year || v.year > p.end_year) continue;
        s.lines.push_back(tr("5-year period {start}-{end}: {followed} followed of {goal}",
                             {{"start", year_text(p.start_year)}, {"end", year_text(p.end_year)},
                              {"followed", duration(p.followed_minutes)}, {"goal", duration(p.goal_minutes)}}));
        if (p.shortfall_minutes > 0) s.lines.push_back(tr("statement.shortfall", {{"duration", duration(p.shortfall_minutes)}}));
    }
    return s;
}

StatementSection explanation_section(const YearView& v) {
    StatementSection s{tr("statement.how")};
    for (const auto* lines : {&v.entitlement_explanation, &v.explanation})
        for (const auto& line : *lines) s.lines.push_back(explanation(line));
    return s;
}

std::string signed_duration(long long minutes) { return minutes < 0 ? "\u2212" + duration(-minutes) : duration(minutes); }

StatementSection trainings_section(const YearView& v) {
    StatementSection s{tr("statement.trainings", {{"year", year_text(v.year)}})};
    for (const auto& e : v.entries) {
        const auto status = e.entry.status;
        if (status != EntryStatus::approved && status != EntryStatus::submitted) continue;
        std::string title = e.entry.title.empty() ? tr("kind." + std::string(to_string(e.entry.kind))) : e.entry.title;
        if (!e.provider.empty()) title += " \u00b7 " + e.provider;
        s.trainings.push_back({date_text(e.entry.date), title, signed_duration(e.entry.minutes), tr("status." + std::string(to_string(status)))});
    }
    if (s.trainings.empty()) s.lines.push_back(tr("No trainings in {year}.", {{"year", year_text(v.year)}}));
    return s;
}

}  // namespace

StatementDocument yearly_statement(const StatementFacts& facts, Language language) {
    LanguageScope scope(language);
    const YearView& v = facts.view;
    StatementDocument d;
    d.language = language;
    d.title = tr("statement.title", {{"year", year_text(v.year)}});
    d.header = {{tr("statement.employer"), facts.employer_name}, {tr("statement.worker"), facts.worker_name}};
    if (!facts.department_name.empty()) d.header.push_back({tr("statement.department"), facts.department_name});
    d.header.push_back({tr("statement.issued"), date_text(facts.issued_on)});
    d.sections = {figures_section(v), period_section(v), explanation_section(v), trainings_section(v)};
    if (d.sections[1].lines.empty()) d.sections.erase(d.sections.begin() + 1);
    d.training_columns = {tr("statement.col.date"), tr("statement.col.training"), tr("statement.col.duration"), tr("statement.col.status")};
    d.footer = tr("statement.footer", {{"date", date_text(facts.issued_on)}, {"employer", facts.employer_name}});
    return d;
}

}  // namespace ll::ui
