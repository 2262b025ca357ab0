// Year views for UI tests: Anna's ledger (80 %, hired 29 April 2024) folded by the real core.
#pragma once
#include "records.h"
#include "year_view.h"

namespace ll::test {

SessionInfo anna_session();
// Anna's year with a few entries (approved, submitted, rejected) in every year.
YearView anna_year(int year);

}  // namespace ll::test
