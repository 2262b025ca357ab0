// Gzip for the API's JSON answers. cpp-httplib would pick brotli at its highest quality for
// browsers (600 ms for a 300 KB year view); zlib at level 6 takes a few ms for nearly as much gain.
#pragma once
#include <httplib.h>

namespace ll::server {

// Compresses the body of a JSON answer of 1 KB or more when the request accepts gzip.
void compress_json_answer(const httplib::Request& req, httplib::Response& res);

}  // namespace ll::server
