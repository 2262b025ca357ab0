// Demo data for trying the product: a logistics employer of 60 workers in three departments with
// a manager each, trainings in every status across 2024-2026 with certificates, a leaver, and a
// small second employer to prove tenants stay apart. Deterministic: the same data every time.
#pragma once
#include <vector>

#include "store.h"

namespace ll::server {

struct DemoLogin {
    const char* email;
    const char* password;
    const char* what;
};

// The accounts seed_demo creates (also listed in README.md).
const std::vector<DemoLogin>& demo_logins();

// Creates the demo employers unless present; returns true when something was created.
Result<bool> seed_demo(Store& store);

}  // namespace ll::server
