// Demo data for trying the product: a logistics employer of 60 workers in three departments with
// a manager each, trainings in every status across 2024-2026 with certificates, a leaver, and a
// small second employer to prove tenants stay apart, two sites with kiosks, badges and trainings
// with places. Deterministic but for the planned trainings, which are dated from the seeding day.
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

// The kiosk devices seed_demo pairs, with their demo tokens (also in README.md).
struct DemoKiosk {
    const char *id, *site, *languages, *token;
};
const std::vector<DemoKiosk>& demo_kiosks();

// Creates the demo employers unless present; returns true when something was created.
Result<bool> seed_demo(Store& store, const CivilDate& today);

}  // namespace ll::server
