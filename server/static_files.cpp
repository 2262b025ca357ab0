// Files are looked up by exact name in a map built at start, so no request path can reach
// outside the bundle (no traversal, no symlink surprises, no disk I/O per request).
#include "static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace ll::server {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<std::string> read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// FNV-1a: a strong-enough validator for a cache, cheap to compute once at start.
std::string etag_of(const std::string& body) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : body) h = (h ^ c) * 1099511628211ull;
    char buf[24];
    std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace

std::string content_type_for(const std::string& name) {
    static const std::pair<const char*, const char*> types[] = {
        {".html", "text/html; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},           {".data", "application/octet-stream"},
        {".svg", "image/svg+xml"},               {".png", "image/png"},
        {".json", "application/json"},           {".webmanifest", "application/manifest+json"},
        {".css", "text/css; charset=utf-8"},     {".txt", "text/plain; charset=utf-8"},
    };
    for (const auto& [ext, type] : types)
        if (ends_with(name, ext)) return type;
    return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::load(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return make_error("not_found", "web folder not found: " + dir, "--web");
    StaticFiles out;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (!entry.is_regular_file() || name.empty() || name[0] == '.' || ends_with(name, ".gz")) continue;
        auto body = read_file(entry.path());
        if (!body) return make_error("io_error", "cannot read " + name, "--web");
        StaticFile f{content_type_for(name), std::move(*body), {}, {}};
        f.etag = etag_of(f.body);
        if (auto gz = read_file(entry.path().string() + ".gz")) f.gzip_body = std::move(*gz);
        out.files_.emplace("/" + name, std::move(f));
    }
    if (ec) return make_error("io_error", "cannot list " + dir, "--web");
    return out;
}

const StaticFile* StaticFiles::find(const std::string& path) const {
    auto it = files_.find(path == "/" ? "/index.html" : path);
    return it == files_.end() ? nullptr : &it->second;
}

}  // namespace ll::server
