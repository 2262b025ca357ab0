// The yearly statement (ui/yearly_statement.h) printed for people: a standalone HTML page to view and
// print, and an A4 PDF drawn with cairo and pango. Both show exactly the document's texts.
#pragma once
#include <string>

#include "result.h"
#include "yearly_statement.h"

namespace ll::server {

std::string statement_html(const ui::StatementDocument& d);
Result<std::string> statement_pdf(const ui::StatementDocument& d);

}  // namespace ll::server
