// The HTTP face of the server: /api/v1 routes, the web bundle, errors as JSON, security headers.
// Handlers translate between HTTP and the core; the rules themselves stay in core/.
#pragma once
#include "api_support.h"

namespace ll::server {

void install_routes(httplib::Server& http, ApiContext& context);

}  // namespace ll::server
