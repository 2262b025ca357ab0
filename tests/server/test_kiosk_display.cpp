// The native kiosk program (learnledger-kiosk) under Xvfb: it starts full screen, fetches the
// board from a real server with its device token and renders it, at 1920x1080 and 1080x1920; with
// no token it shows the pairing screen. The screenshot is decoded and looked at, not just found.
#include <doctest/doctest.h>

#include <png.h>

#include <cstdio>
#include <memory>
#include <set>
#include <vector>

#include "demo_server.h"

using namespace ll::test;

namespace {

struct Picture {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
};

Picture read_png(const std::string& path) {
    Picture p;
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path.c_str())) return p;
    image.format = PNG_FORMAT_RGBA;
    p.rgba.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, p.rgba.data(), 0, nullptr)) return {};
    p.width = static_cast<int>(image.width);
    p.height = static_cast<int>(image.height);
    return p;
}

// Runs the kiosk under a fresh X server of that size; its output (one line) comes back.
std::string run_kiosk(int w, int h, int port, const std::string& token_file, const std::string& shot) {
    // Leak reports of the X and Mesa libraries under the sanitizer build are theirs, not ours.
    const std::string command = "ASAN_OPTIONS=detect_leaks=0 timeout 60 xvfb-run -a -s '-screen 0 " + std::to_string(w) + "x" + std::to_string(h) + "x24' " +
                                LL_KIOSK_BINARY + " --server http://127.0.0.1:" + std::to_string(port) + " --token-file " + token_file +
                                " --screenshot " + shot + " 2>&1";
    std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    char buf[512];
    while (pipe && fgets(buf, sizeof buf, pipe.get())) out += buf;
    return out;
}

// The share of pixels much darker than the background (text, the QR code, key labels).
double dark_share(const Picture& p) {
    long dark = 0;
    for (size_t i = 0; i + 3 < p.rgba.size(); i += 4)
        if (p.rgba[i] + p.rgba[i + 1] + p.rgba[i + 2] < 3 * 100) ++dark;
    return static_cast<double>(dark) / (static_cast<double>(p.width) * p.height);
}

}  // namespace

TEST_CASE("the native kiosk renders its site's board under Xvfb, in landscape and portrait") {
    DemoServer s;
    REQUIRE(s.server.running());
    TempDir dir;
    dir.write("token", "demo-kiosk-antwerp\n");
    for (auto size : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        const int w = size.first, h = size.second;  // not a binding: clang 14 cannot capture one
        CAPTURE(w);
        const std::string shot = dir.file("kiosk-" + std::to_string(w) + ".png");
        const std::string out = run_kiosk(w, h, s.server.port(), dir.file("token"), shot);
        CHECK_MESSAGE(out.find("saved " + std::to_string(w) + "x" + std::to_string(h) + ": board") != std::string::npos, out);
        const Picture p = read_png(shot);
        REQUIRE(p.width == w);
        REQUIRE(p.height == h);
        std::set<unsigned> colours;
        for (size_t i = 0; i + 3 < p.rgba.size(); i += 97 * 4)
            colours.insert(p.rgba[i] << 16 | p.rgba[i + 1] << 8 | p.rgba[i + 2]);
        CHECK(colours.size() > 8);  // text, keys, borders: not one flat colour
        const double dark = dark_share(p);
        CHECK(dark > 0.005);
        CHECK(dark < 0.5);
    }
}

TEST_CASE("without a token the native kiosk shows the pairing screen") {
    DemoServer s;
    REQUIRE(s.server.running());
    TempDir dir;
    const std::string shot = dir.file("pairing.png");
    const std::string out = run_kiosk(1280, 720, s.server.port(), dir.file("no-token"), shot);
    CHECK_MESSAGE(out.find("saved 1280x720: pairing") != std::string::npos, out);
    const Picture p = read_png(shot);
    CHECK(p.width == 1280);
    CHECK(dark_share(p) > 0.001);
}
