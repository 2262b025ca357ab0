// The HTTP face of the server: /api/v1 routes, the web bundle, errors as JSON, security headers.
// Handlers translate between HTTP and the core; the rules themselves stay in core/.
#pragma once
#include <map>
#include <string>

#include "rule_set.h"
#include "static_files.h"
#include "store.h"

namespace httplib {
class Server;
}

namespace ll::server {

struct ApiContext {
    Store* store = nullptr;
    const StaticFiles* web = nullptr;              // may be null: API only
    std::map<std::string, const RuleSet*> rule_sets;  // by rule-set id
    bool access_log = true;
};

void install_routes(httplib::Server& http, const ApiContext& context);

// HTTP status for a core error code (400 for bad input, 404 for unknown things, ...).
int status_for(const Error& e);

}  // namespace ll::server
