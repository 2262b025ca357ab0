// The web bundle served from memory: loaded once from a folder at start, served with the right
// content types, a pre-compressed gzip copy when the client accepts it, and ETags.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "result.h"

namespace ll::server {

struct StaticFile {
    std::string content_type;
    std::string body;
    std::string gzip_body;  // empty when no .gz sibling exists
    std::string etag;
};

class StaticFiles {
public:
    // Reads every regular file directly in `dir` (no sub-folders, no dot files).
    static Result<StaticFiles> load(const std::string& dir);
    // `path` as requested ("/", "/learnledger.wasm"); nullopt when not part of the bundle.
    const StaticFile* find(const std::string& path) const;
    size_t size() const { return files_.size(); }

private:
    std::map<std::string, StaticFile> files_;
};

std::string content_type_for(const std::string& file_name);

}  // namespace ll::server
