// learnledger-kiosk: the kiosk display as a native full-screen program (GLFW + OpenGL, Debian's),
// for wall screens without a browser. The same ui/ screens and kiosk client as /?kiosk; requests go
// out on a worker thread through cpp-httplib. The device token lives in a file, never on the command line.
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <png.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "item_tree.h"
#include "kiosk_client.h"
#include "kiosk_screen.h"
#include "theme.h"

namespace {

using namespace ll;

struct Options {
    std::string server = "http://127.0.0.1:8080", token_file, screenshot, font = "/usr/share/fonts/opentype/inter/Inter-Regular.otf";
    int width = 0, height = 0;  // windowed when given, else full screen on the primary monitor
    std::string language = "nl";
};

std::string default_token_file() {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    const std::string dir = config && *config ? config : std::string(home ? home : ".") + "/.config";
    return dir + "/learnledger/kiosk-token";
}

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--server" && has_value) o.server = argv[++i];
        else if (a == "--token-file" && has_value) o.token_file = argv[++i];
        else if (a == "--screenshot" && has_value) o.screenshot = argv[++i];
        else if (a == "--font" && has_value) o.font = argv[++i];
        else if (a == "--language" && has_value) o.language = argv[++i];
        else if (a == "--window" && has_value && std::sscanf(argv[++i], "%dx%d", &o.width, &o.height) == 2) continue;
        else return false;
    }
    if (o.token_file.empty()) o.token_file = default_token_file();
    return true;
}

// One request at a time on a worker thread; answers are handed back to the frame loop.
class Transport {
public:
    explicit Transport(const std::string& server) : http_(server) {
        http_.set_connection_timeout(5);
        http_.set_read_timeout(10);
        worker_ = std::thread([this] { loop(); });
    }
    ~Transport() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_one();
        worker_.join();
    }
    void send(int id, const web::HttpRequest& r) {
        {
            std::lock_guard lock(mutex_);
            queue_.push_back({id, r});
        }
        wake_.notify_one();
    }
    struct Answer {
        int id, status;
        std::string body;
    };
    std::vector<Answer> take() {
        std::lock_guard lock(mutex_);
        std::vector<Answer> out(answers_.begin(), answers_.end());
        answers_.clear();
        return out;
    }

private:
    void loop() {
        for (;;) {
            std::pair<int, web::HttpRequest> next;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
                if (stop_) return;
                next = queue_.front();
                queue_.pop_front();
            }
            httplib::Headers headers;
            for (const auto& [name, value] : next.second.headers)
                if (name != "Content-Type") headers.emplace(name, value);
            const auto& r = next.second;
            httplib::Result res = r.method == "POST" ? http_.Post(r.path, headers, r.body, "application/json") : http_.Get(r.path, headers);
            std::lock_guard lock(mutex_);
            answers_.push_back({next.first, res ? res->status : 0, res ? res->body : std::string()});
            glfwPostEmptyEvent();  // the frame loop sleeps in glfwWaitEventsTimeout
        }
    }
    httplib::Client http_;
    std::thread worker_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::pair<int, web::HttpRequest>> queue_;
    std::deque<Answer> answers_;
    bool stop_ = false;
};

std::string read_token(const std::string& path) {
    std::ifstream in(path);
    std::string token;
    std::getline(in, token);
    return token;
}

void write_token(const std::string& path, const std::string& token) {
    std::error_code ec;
    if (token.empty()) return void(std::filesystem::remove(path, ec));
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::ofstream(path, std::ios::trunc) << token << "\n";
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
}

ui::KioskClock clock_now() {
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return {std::chrono::duration_cast<std::chrono::milliseconds>(now).count(), local.tm_hour * 60 + local.tm_min};
}

bool save_png(const std::string& path, int w, int h) {
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(w);
    image.height = static_cast<png_uint_32>(h);
    image.format = PNG_FORMAT_RGBA;
    // OpenGL gives the bottom row first; a negative stride tells libpng so.
    return png_image_write_to_file(&image, path.c_str(), 0, pixels.data(), -w * 4, nullptr) != 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) {
        std::fprintf(stderr,
                     "usage: learnledger-kiosk [--server URL] [--token-file PATH] [--window WxH] [--language nl|fr|de|en]\n"
                     "                         [--font PATH] [--screenshot FILE.png]\n"
                     "  --screenshot: saves the first frame that shows the board (or the pairing screen) and exits\n");
        return 2;
    }
    if (!glfwInit()) {
        std::fprintf(stderr, "learnledger-kiosk: no display (is DISPLAY set?)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWmonitor* monitor = o.width > 0 ? nullptr : glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    GLFWwindow* window = glfwCreateWindow(mode ? mode->width : o.width, mode ? mode->height : o.height, "learnledger kiosk", monitor, nullptr);
    if (!window) {
        std::fprintf(stderr, "learnledger-kiosk: no OpenGL 3 window\n");
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGuiContext* ctx = ImGui::CreateContext();
    ui::ItemTree items;
    items.attach(ctx);
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    Transport transport(o.server);
    ui::KioskState state;
    web::KioskClient* client = nullptr;
    auto run = [&](const std::vector<ui::KioskCommand>& commands) {
        for (const auto& c : commands) {
            if (const auto* remember = std::get_if<ui::KioskRememberToken>(&c)) {
                write_token(o.token_file, remember->token);
                client->set_token(remember->token);
            } else if (std::holds_alternative<ui::KioskForgetToken>(c)) {
                write_token(o.token_file, "");
                client->set_token("");
            } else {
                client->send(c);
            }
        }
    };
    auto apply = [&](const ui::KioskAction& a) { run(ui::kiosk_update(state, a, clock_now())); };
    web::KioskClient kiosk_client([&](int id, const web::HttpRequest& r) { transport.send(id, r); }, apply);
    client = &kiosk_client;
    const std::string token = read_token(o.token_file);
    client->set_token(token);
    state = ui::kiosk_initial_state(!token.empty(), ui::language_from(o.language).value_or(ui::Language::nl), clock_now());

    float built_scale = 0;
    std::int64_t wait_ms = 0;
    const auto started = std::chrono::steady_clock::now();
    while (!glfwWindowShouldClose(window)) {
        glfwWaitEventsTimeout(wait_ms < 0 ? 1.0 : static_cast<double>(wait_ms) / 1000.0);
        for (const auto& a : transport.take()) client->on_response(a.id, a.status, a.body);
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        const float scale = std::max(1.0f, static_cast<float>(std::min(w, h)) / 540.0f);
        if (scale != built_scale) {
            ui::load_fonts(o.font.c_str(), scale, true);
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
            ui::apply_theme(scale, ui::Theme::light);
            built_scale = scale;
        }
        apply(ui::KioskTick{});
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        items.begin_frame();
        std::vector<ui::KioskAction> actions;
        const ui::KioskFrame next = ui::draw_kiosk_frame(state, clock_now(), actions);
        items.end_frame();
        ImGui::Render();
        glViewport(0, 0, w, h);
        const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        // The board once its fade-in is over (no quick frames asked for), or the pairing screen.
        const bool shown = (state.board && next.redraw_in_ms > 16) || !state.paired;
        if (!o.screenshot.empty() && (shown || std::chrono::steady_clock::now() - started > std::chrono::seconds(20))) {
            const bool saved = save_png(o.screenshot, w, h);
            std::printf("%s %dx%d: %s\n", saved ? "saved" : "could not save", w, h, shown ? (state.board ? "board" : "pairing") : "no board");
            break;
        }
        glfwSwapBuffers(window);
        for (const auto& a : actions) apply(a);
        wait_ms = ImGui::IsAnyItemActive() || ImGui::GetIO().MouseDown[0] ? 16 : next.redraw_in_ms;
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(ctx);
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
