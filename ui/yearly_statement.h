// The yearly individual training account statement the law asks employers to give every worker:
// one document model in the worker's language, printed as HTML or PDF by the server.
#pragma once
#include <string>
#include <vector>

#include "civil_date.h"
#include "translations.h"
#include "year_view.h"

namespace ll::ui {

struct StatementFacts {
    std::string employer_name, worker_name, department_name;
    CivilDate issued_on;
    YearView view;  // the worker's year with its explanation lines and entries
};

struct StatementRow {
    std::string label, value;
};

// A training line of the statement's table.
struct StatementTraining {
    std::string date, title, duration, status;
};

struct StatementSection {
    std::string heading;
    std::vector<StatementRow> rows;            // label: value
    std::vector<std::string> lines;            // sentences (explanation lines, notes)
    std::vector<StatementTraining> trainings;  // the year's trainings, when the section lists them
};

struct StatementDocument {
    Language language = Language::en;
    std::string title;                 // "Individual training account 2026"
    std::vector<StatementRow> header;  // employer, worker, department, issued on
    std::vector<StatementSection> sections;
    std::string footer;
    std::vector<std::string> training_columns;  // headings of the training table
};

// Every text translated into `language`; figures in that language's number and date format.
StatementDocument yearly_statement(const StatementFacts& facts, Language language);

}  // namespace ll::ui
