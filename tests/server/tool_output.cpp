// A temporary file per call (named by process and counter), removed again whatever the tool did.
#include "tool_output.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace ll::test {

std::string tool_output(const std::string& before, const std::string& bytes, const std::string& after) {
    static std::atomic<int> counter{0};
    const auto file = std::filesystem::temp_directory_path() /
                      ("ll-tool-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::ofstream(file, std::ios::binary) << bytes;
    std::string out;
    if (FILE* p = ::popen((before + " " + file.string() + " " + after + " 2>/dev/null").c_str(), "r")) {
        char buf[4096];
        for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
        ::pclose(p);
    }
    std::filesystem::remove(file);
    return out;
}

}  // namespace ll::test
