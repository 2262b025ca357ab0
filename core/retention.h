// How long personal data of a worker who left is kept: erasure is allowed once the retention
// period after the contract's last day is over (spec: GDPR storage limitation; the period is a setting).
#pragma once
#include <optional>

#include "civil_date.h"
#include "ledger.h"
#include "result.h"

namespace ll {

// The first day the worker's personal data may be erased; an error (field "termination") while they
// have not left.
Result<CivilDate> erasable_from(const std::optional<Termination>& termination, int retention_years);

// Ok when `today` is on or after erasable_from; otherwise an error that says from when.
Result<bool> may_erase(const std::optional<Termination>& termination, int retention_years, CivilDate today);

}  // namespace ll
