// Runs as cpp-httplib's post-routing handler, just before the headers are written; the JSON type
// carries a charset parameter, which keeps cpp-httplib's own compression away from it (it matches
// bare type names only).
#include "answer_compression.h"

#include <zlib.h>

#include <optional>
#include <string>

#include "api_support.h"

namespace ll::server {
namespace {

constexpr std::size_t smallest_compressed = 1024;

bool accepts_gzip(const httplib::Request& req) {
    const std::string accepted = req.get_header_value("Accept-Encoding");
    return accepted.find("gzip") != std::string::npos;
}

std::optional<std::string> gzip(const std::string& in) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;  // 15 + 16: gzip wrapper
    std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (status != Z_STREAM_END) return std::nullopt;
    return out;
}

}  // namespace

void compress_json_answer(const httplib::Request& req, httplib::Response& res) {
    if (res.get_header_value("Content-Type") != json_type || res.has_header("Content-Encoding")) return;
    if (res.body.size() < smallest_compressed || !accepts_gzip(req)) return;
    auto packed = gzip(res.body);
    if (!packed) return;  // sent as it is
    res.body = std::move(*packed);
    // cpp-httplib 0.11 has already set the length of the uncompressed body when this runs.
    res.headers.erase("Content-Length");
    res.set_header("Content-Length", std::to_string(res.body.size()));
    res.set_header("Content-Encoding", "gzip");
    res.set_header("Vary", "Accept-Encoding");
}

}  // namespace ll::server
