// The access log's line for a request, written by cpp-httplib's logger and by the event loop for
// a request it refuses before cpp-httplib sees it: one format, one set of precautions.
#pragma once
#include <string>
#include <string_view>

namespace ll::server {

// "METHOD /path STATUS". Never a query string (it can carry personal data); control characters,
// a decoded %0A among them, shown as '?' so that a request cannot forge a line; method and path
// at most 200 characters.
std::string access_log_line(std::string_view method, std::string_view path, int status);

}  // namespace ll::server
