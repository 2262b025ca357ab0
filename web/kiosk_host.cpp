// A kiosk's frame loop renders when something changes by itself (a slot, a countdown, a fade) or
// on input; in between the loop sleeps and a timer wakes it. Sizes follow the shorter side of the
// screen, so type stays readable from a few metres on a wall display in either orientation.
#include "kiosk_host.h"

#include <emscripten.h>

#include <algorithm>
#include <string>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_surface.h"
#include "item_tree.h"
#include "kiosk_client.h"
#include "kiosk_screen.h"
#include "translations.h"
#include "web_platform.h"

namespace ll::web {

namespace {

void dispatch(const ui::KioskAction& action);

struct Kiosk {
    Surface surface;
    ui::ItemTree items;
    FrameScheduler scheduler;
    ui::KioskState state;
    KioskClient client{http_fetch, dispatch};
    std::string items_json;
};

Kiosk* kiosk = nullptr;

ui::KioskClock clock_now() { return {static_cast<std::int64_t>(emscripten_get_now()), local_minute()}; }

void run(const std::vector<ui::KioskCommand>& commands) {
    for (const auto& c : commands) {
        if (const auto* remember = std::get_if<ui::KioskRememberToken>(&c)) {
            remember_kiosk_token(remember->token);
            kiosk->client.set_token(remember->token);
        } else if (std::holds_alternative<ui::KioskForgetToken>(c)) {
            remember_kiosk_token("");
            kiosk->client.set_token("");
        } else {
            kiosk->client.send(c);
        }
    }
}

void dispatch(const ui::KioskAction& action) {
    run(ui::kiosk_update(kiosk->state, action, clock_now()));
    kiosk->scheduler.wake(2);
}

// Large type on a wall: sizes scale with the shorter side (1080 px: twice the app's).
float kiosk_scale(const Viewport& v) { return v.pixel_ratio * std::max(1.0f, std::min(v.css_width, v.css_height) / 540.0f); }

void frame() {
    follow_viewport(kiosk->surface);
    follow_scale(kiosk->surface, kiosk_scale(kiosk->surface.viewport));
    const MediaPreferences system = media_preferences();
    follow_theme(kiosk->surface, system.more_contrast ? ui::Theme::high_contrast : system.dark ? ui::Theme::dark : ui::Theme::light);
    kiosk->state.reduce_motion = system.reduced_motion;
    run(ui::kiosk_update(kiosk->state, ui::KioskTick{}, clock_now()));

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    kiosk->items.begin_frame();
    std::vector<ui::KioskAction> actions;
    const ui::KioskFrame next = ui::draw_kiosk_frame(kiosk->state, clock_now(), actions);
    kiosk->items.end_frame();
    ImGui::Render();
    render(kiosk->surface);
    if (kiosk->scheduler.frames_rendered() == 0) first_frame_drawn();
    for (const auto& a : actions) dispatch(a);

    ImGuiIO& io = ImGui::GetIO();
    const bool busy = next.redraw_in_ms == 0 || io.MouseDown[0] || !ImGui::GetCurrentContext()->InputEventsQueue.empty();
    if (next.redraw_in_ms > 0) wake_after(next.redraw_in_ms);
    kiosk->scheduler.end_frame(busy);
}

}  // namespace

int run_kiosk() {
    kiosk = new Kiosk();
    kiosk->surface.display_font = true;
    if (!open_surface(kiosk->surface, kiosk->items)) return 1;
    install_input_callbacks([] {
        for (int i = 0; i < 2; ++i) frame();
    });
    const std::string token = stored_kiosk_token();
    kiosk->client.set_token(token);
    const auto language = ui::language_from(preferred_language()).value_or(ui::Language::nl);
    kiosk->state = ui::kiosk_initial_state(!token.empty(), language, clock_now());
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}

void kiosk_wake(int frames) {
    if (kiosk) kiosk->scheduler.wake(frames);
}

double kiosk_frames() { return kiosk ? static_cast<double>(kiosk->scheduler.frames_rendered()) : 0; }
bool kiosk_idle() { return kiosk && kiosk->scheduler.idle(); }

const char* kiosk_items_json() {
    if (!kiosk) return "[]";
    kiosk->items_json = kiosk->items.to_json(kiosk->surface.viewport.pixel_ratio);
    return kiosk->items_json.c_str();
}

void kiosk_http_done(int request_id, int status, std::string_view body) {
    if (kiosk) kiosk->client.on_response(request_id, status, body);
}

// The browser says the network is back: try at once instead of waiting out the back-off.
void kiosk_online() {
    if (!kiosk) return;
    kiosk->state.next_poll_ms = 0;
    dispatch(ui::KioskTick{});
}

}  // namespace ll::web
