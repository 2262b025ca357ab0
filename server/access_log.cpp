// The access log's line format (access_log.h): the request's method and path, masked and bounded,
// and the answer's status.
#include "access_log.h"

namespace ll::server {

std::string access_log_line(std::string_view method, std::string_view path, int status) {
    std::string out = std::string(method) + " " + std::string(path.substr(0, path.find('?')));
    if (out.size() > 200) out.resize(200);
    for (char& ch : out)
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = '?';
    return out + " " + std::to_string(status);
}

}  // namespace ll::server
