// Demo data for trying the product: a logistics employer of about 60 workers and a small second
// employer (to prove tenants stay apart). Deterministic: the same database every time.
#pragma once
#include "store.h"

namespace ll::server {

// Creates the demo employers unless present; returns true when something was created.
Result<bool> seed_demo(Store& store);

constexpr const char* demo_worker_id = "w-0001";  // 80 %, hired 2024-04-29: the spec's 3-day example

}  // namespace ll::server
