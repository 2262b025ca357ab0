// The browser host: owns the surface (imgui_surface.h), the app state and the frame loop,
// and exports the small C API that the scripts in web/js/ and tests (window.learnledger) call.
#include <emscripten.h>

#include <optional>
#include <string>
#include <vector>

#include "api_client.h"
#include "workspace_requests.h"
#include "app_frame.h"
#include "imgui_surface.h"
#include "kiosk_host.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "item_tree.h"
#include "offline_snapshot.h"
#include "route.h"
#include "shipped_rules.h"
#include "theme.h"
#include "update.h"
#include "web_platform.h"

namespace {

using namespace ll;

void dispatch(const ui::Action& action);

struct App {
    web::Surface surface;
    ui::AppState state;
    ui::ItemTree items;
    web::FrameScheduler scheduler;
    web::ApiClient api{web::http_fetch, dispatch};
    std::string items_json;
    unsigned mirrored_text = 0, mirrored_nav = 0;  // what the accessibility mirror was last told
    std::string route;          // the fragment in the address bar, as last set or read
    std::string initial_route;  // asked for by the address at start (a reload), applied once signed in
    bool marked_first_data = false;
    bool offline_changed = false;  // what the device keeps changed and is not written yet
    double ui_ms = 0, frame_ms = 0;  // time spent in frames (see app_frame_ms)
};

App* app = nullptr;

// Writes what the device keeps for offline use, if it changed since the last write.
void write_offline(void* = nullptr) {
    if (!app || !app->offline_changed) return;
    app->offline_changed = false;
    web::save_offline(ui::offline_snapshot(app->state));
}

// An erase is written at once (a signed-out device keeps nothing, even if the tab closes next).
// Anything else after the next frame is drawn (see frame()), so encoding a year of trainings does
// not hold that frame back; the timer writes it should no frame come (a tab in the background).
void keep_offline() {
    const bool pending = app->offline_changed;
    app->offline_changed = true;
    if (!ui::keeps_offline_data(app->state)) return write_offline();
    if (!pending) emscripten_async_call(write_offline, nullptr, 250);
}

void run(const std::vector<ui::Command>& commands) {
    for (const auto& c : commands) {
        if (const auto* remember = std::get_if<ui::RememberLanguage>(&c)) {
            web::remember_language(ui::code(remember->language));
        } else if (const auto* contrast = std::get_if<ui::RememberHighContrast>(&c)) {
            web::remember_high_contrast(contrast->on);
        } else if (std::holds_alternative<ui::OpenFilePicker>(c)) {
            web::open_file_picker();
        } else if (const auto* w = std::get_if<ui::WorkspaceCommand>(&c); w && web::is_host_command(*w)) {
            if (const auto* file = std::get_if<ui::SaveFile>(w)) web::save_file(file->path);
            else if (const auto* pick = std::get_if<ui::OpenImportPicker>(w)) web::open_import_picker(pick->json);
        } else if (std::holds_alternative<ui::SaveOffline>(c)) {
            keep_offline();
        } else if (const auto* thumbnail = std::get_if<ui::LoadThumbnail>(&c)) {
            web::load_thumbnail(thumbnail->key);
        } else if (const auto* keep = std::get_if<ui::KeepCertificate>(&c)) {
            web::keep_certificate(keep->key, keep->on_device);
        } else if (const auto* forget = std::get_if<ui::ForgetCertificate>(&c)) {
            web::forget_certificate(forget->key);
        } else {
            if (const auto* sign_in = std::get_if<ui::SendSignIn>(&c)) web::credential_sent(sign_in->email, sign_in->password);
            app->api.send(c);
        }
    }
}

// Keeps the address bar's fragment on the place shown. Moving between tabs and opening the
// explanation add history entries (so back returns); everything else replaces the current one, so
// back never lands on the sign-in screen or a place the state cannot show.
void sync_route() {
    ui::AppState& s = app->state;
    if (s.screen == ui::Screen::starting) return;
    if (s.screen == ui::Screen::balance && !app->initial_route.empty()) {
        if (auto nav = ui::navigation_for(app->initial_route)) run(ui::update(s, *nav));
        app->initial_route.clear();
    }
    const std::string route = ui::route_of(s);
    if (route == app->route) return;
    const bool between_places = ui::navigation_for(app->route) && ui::navigation_for(route);
    web::set_route(route, !between_places);
    app->route = route;
}

// The answer to a sign-in tells the password manager whether to offer saving it.
void follow_credentials(const ui::Action& action) {
    if (const auto* in = std::get_if<ui::SignedIn>(&action)) web::credential_answered(true, in->session.persistent);
    if (std::holds_alternative<ui::SignInFailed>(action)) web::credential_answered(false, false);
}

void dispatch(const ui::Action& action) {
    follow_credentials(action);
    const bool was_signed_out = app->state.screen == ui::Screen::sign_in;
    // Writes get their idempotency key here: the browser has the randomness, the UI has none.
    run(ui::update(app->state, ui::with_key(action, web::random_key)));
    sync_route();
    // A saved sign-in is asked for when the sign-in screen opens with empty fields.
    if (!was_signed_out && app->state.screen == ui::Screen::sign_in && app->state.sign_in.email.empty()) web::request_credential();
    app->scheduler.wake(4);
}

// The theme follows the system's light or dark preference and its "more contrast", live; high
// contrast chosen in the app wins. Reduced motion is followed the same way.
void follow_system(const web::MediaPreferences& system) {
    app->state.reduce_motion = system.reduced_motion;
    web::follow_theme(app->surface, app->state.high_contrast || system.more_contrast ? ui::Theme::high_contrast
                                    : system.dark                                    ? ui::Theme::dark
                                                                                     : ui::Theme::light);
}

// The text field being edited now (0: none). io.WantTextInput lags a frame behind a field let go.
unsigned edited_text_field() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    return g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId ? g.ActiveId : 0;
}

// The accessibility mirror follows the item tree, the text field being edited and Dear ImGui's
// keyboard focus; only when one of them changed.
void update_mirror() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const unsigned text = edited_text_field(), nav = g.NavDisableHighlight ? 0 : g.NavId;
    if (!app->items.changed() && text == app->mirrored_text && nav == app->mirrored_nav) return;
    app->mirrored_text = text;
    app->mirrored_nav = nav;
    web::mirror_items(app->items.to_json(app->surface.viewport.pixel_ratio), text, nav);
}

void frame() {
    const double started = emscripten_get_now();
    web::follow_viewport(app->surface);
    web::follow_scale(app->surface, app->surface.viewport.pixel_ratio);
    follow_system(web::media_preferences());
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    app->items.begin_frame();
    std::vector<ui::Action> actions;
    const bool animating = ui::draw_app_frame(app->state, actions);
    app->items.end_frame();
    ImGui::Render();
    app->ui_ms += emscripten_get_now() - started;

    web::render(app->surface);
    app->frame_ms += emscripten_get_now() - started;

    // The first frame on screen (bench/web_app.mjs times it; the service worker waits for it), and
    // the first with the year's figures.
    if (app->scheduler.frames_rendered() == 0) web::first_frame_drawn();
    if (!app->marked_first_data && app->state.view) {
        web::mark("ll-first-data");
        app->marked_first_data = true;
    }

    for (const auto& a : actions) dispatch(a);
    // In a task of its own: the browser shows this frame first.
    if (app->offline_changed) emscripten_async_call(write_offline, nullptr, 0);
    web::sync_text_agent(edited_text_field() != 0, ui::active_text_purpose());
    update_mirror();
    // Keep drawing while a press, a drag or a flick is in progress, and while input is still queued
    // (Dear ImGui spreads fast input over frames); otherwise the budget decides. A text field being
    // edited needs no frames of its own: its caret does not blink, so a phone with its keyboard
    // open renders nothing until the next key.
    ImGuiIO& io = ImGui::GetIO();
    const bool pressing = ImGui::IsAnyItemActive() && !io.WantTextInput;
    bool busy = animating || pressing || io.MouseDown[0] || !io.InputQueueCharacters.empty() ||
                !ImGui::GetCurrentContext()->InputEventsQueue.empty();
    app->scheduler.end_frame(busy);
}

// The item of that id in the last frame, or nullptr.
const ui::Item* drawn_item(unsigned id) {
    for (const ui::Item& item : app->items.items())
        if (item.id == id) return &item;
    return nullptr;
}

// Runs the frames that input still queued needs (typing not yet drawn), so it lands where it was
// aimed before the focus moves on.
void drain_input() {
    for (int i = 0; app && i < 16 && !ImGui::GetCurrentContext()->InputEventsQueue.empty(); ++i) frame();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void app_wake(int frames) {
    if (app) app->scheduler.wake(frames > 0 ? frames : 4);
    web::kiosk_wake(frames > 0 ? frames : 4);
}

// Milliseconds spent in frames since load: 0 the app's own work (layout, draw lists, item tree),
// 1 the whole frame including handing the draw data to WebGL. For bench/web_app.mjs.
EMSCRIPTEN_KEEPALIVE double app_frame_ms(int which) { return app ? (which == 0 ? app->ui_ms : app->frame_ms) : 0; }
EMSCRIPTEN_KEEPALIVE int app_theme() { return app && app->surface.theme ? static_cast<int>(*app->surface.theme) : -1; }  // a ui::Theme

// The kiosk answers these too: tests and the page read frames and items the same way in both modes.
EMSCRIPTEN_KEEPALIVE double app_frames() { return app ? static_cast<double>(app->scheduler.frames_rendered()) : web::kiosk_frames(); }
EMSCRIPTEN_KEEPALIVE int app_idle() { return app ? app->scheduler.idle() : web::kiosk_idle(); }

EMSCRIPTEN_KEEPALIVE const char* app_items_json() {
    if (!app) return web::kiosk_items_json();
    app->items_json = app->items.to_json(app->surface.viewport.pixel_ratio);
    return app->items_json.c_str();
}

EMSCRIPTEN_KEEPALIVE void app_http_done(int request_id, int status, const char* body) {
    if (app) app->api.on_response(request_id, status, body ? body : "");
    else web::kiosk_http_done(request_id, status, body ? body : "");
}

// Text from the hidden text agent (typed, composed, pasted), as UTF-8.
EMSCRIPTEN_KEEPALIVE void app_text_input(const char* utf8) {
    if (!app || !utf8) return;
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    app->scheduler.wake(4);
}

// The file the user picked for a certificate (the bytes stay in the browser until uploaded).
EMSCRIPTEN_KEEPALIVE void app_file_picked(const char* name, const char* content_type, double size) {
    if (!app) return;
    dispatch(ui::CertificatePicked{name ? name : "", content_type ? content_type : "", static_cast<long long>(size)});
}

// The CSV chosen for an import: the file stays in the browser, C++ learns its name and size.
EMSCRIPTEN_KEEPALIVE void app_import_picked(const char* name, double size) {
    if (!app) return;
    dispatch(ui::WorkspaceAction{ui::ImportFilePicked{name ? name : "", static_cast<long long>(size)}});
}

// Editing keys the text agent reports as input types: 1 Backspace, 2 Delete, 3 Enter.
EMSCRIPTEN_KEEPALIVE void app_text_key(int which) {
    if (!app) return;
    const ImGuiKey key = which == 1 ? ImGuiKey_Backspace : which == 2 ? ImGuiKey_Delete : ImGuiKey_Enter;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    app->scheduler.wake(4);
}

// The browser is online again: kept trainings are sent, the year reloaded.
EMSCRIPTEN_KEEPALIVE void app_online() {
    if (app) dispatch(ui::NetworkBack{});
    else web::kiosk_online();
}

// A certificate picture is ready (kind 1, a texture), is a document (2), or could not be had (3).
EMSCRIPTEN_KEEPALIVE void app_thumbnail(const char* key, int kind, int texture, int width, int height) {
    if (!app || !key) return;
    using Kind = ui::Thumbnail::Kind;
    const Kind k = kind == 1 ? Kind::image : kind == 2 ? Kind::document : Kind::unavailable;
    dispatch(ui::ThumbnailLoaded{key, ui::Thumbnail{k, static_cast<std::uint64_t>(texture), width, height}});
}

// A saved sign-in from the password manager fills the fields (the user still taps "Sign in").
EMSCRIPTEN_KEEPALIVE void app_credential(const char* email, const char* password) {
    if (!app || !email || !password || app->state.screen != ui::Screen::sign_in) return;
    dispatch(ui::EditEmail{email});
    dispatch(ui::EditPassword{password});
}

// The browser moved through its history (back, forward): show the place its fragment names.
EMSCRIPTEN_KEEPALIVE void app_route(const char* fragment) {
    if (!app) return;
    app->route = fragment ? fragment : "";
    if (auto nav = ui::navigation_for(app->route)) {
        dispatch(*nav);
    } else {
        sync_route();  // a place the state cannot show: the fragment is put right, in place
    }
}

EMSCRIPTEN_KEEPALIVE void app_viewport_changed() { app_wake(4); }

// Runs frames synchronously (inside a user gesture, e.g. to focus a text field at once).
EMSCRIPTEN_KEEPALIVE void app_run_frames(int count) {
    for (int i = 0; app && i < count; ++i) frame();
    // Input that did not fit in these frames (a tap right after typing) is drawn by the loop.
    if (app && !ImGui::GetCurrentContext()->InputEventsQueue.empty()) app->scheduler.wake(4);
}

// The accessibility mirror's element for an item was clicked (a screen reader, Enter or Space):
// a tap at the item's centre, run at once so what needs the gesture (the file picker) has it.
// Typing still queued and a scroll the focus asked for are drawn first, so the tap lands on the
// item where it is now and does not move under the press.
EMSCRIPTEN_KEEPALIVE void app_activate_item(unsigned id) {
    if (!app) return;
    drain_input();
    app_run_frames(2);
    const ui::Item* item = drawn_item(id);
    if (!item) return;
    ImGuiIO& io = ImGui::GetIO();
    // As a touch, so Dear ImGui hovers the item a frame before the press (its rule for touch
    // screens, which have no hover): table headers take a press only when hovered the frame before.
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(item->x + item->w / 2, item->y + item->h / 2);
    io.AddMouseButtonEvent(0, true);
    io.AddMouseButtonEvent(0, false);
    app_run_frames(3);
}

// The mirror's focus moved to an item: the page scrolls to keep it and what follows in view.
EMSCRIPTEN_KEEPALIVE void app_reveal_item(unsigned id) {
    if (!app) return;
    if (const ui::Item* item = drawn_item(id)) {
        ui::reveal_on_next_frame(item->y, item->y + item->h);
        app->scheduler.wake(4);
    }
}

// The mirror's focus left the text field being edited for another item: the field lets go.
EMSCRIPTEN_KEEPALIVE void app_release_text() {
    if (!app) return;
    drain_input();
    if (edited_text_field() == 0) return;
    ImGui::ClearActiveID();
    app->scheduler.wake(4);
}

}  // extern "C"

int main() {
    if (web::kiosk_mode()) return web::run_kiosk();
    app = new App();
    if (!web::open_surface(app->surface, app->items)) return 1;
    ImGuiIO& io = ImGui::GetIO();
    // Copies go to the system clipboard; pastes arrive as text through the text agent, so Dear
    // ImGui's own paste reads nothing (else Ctrl+V would paste twice).
    io.SetClipboardTextFn = [](void*, const char* text) { web::copy_text(text); };
    io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
    // After a tap or click, run the frames that turn it into a focused text field right away, so the
    // text agent is focused inside the gesture and the phone opens its keyboard.
    web::install_input_callbacks([] { app_run_frames(3); });

    const auto& rules = shipped::belgian_rule_set();
    int first = rules.ok() ? rules->first_year : 2023, last = rules.ok() ? rules->last_year : 2023;
    const auto language = ui::language_from(web::preferred_language()).value_or(ui::Language::en);
    app->state = ui::initial_state(web::local_today(), first, last, language);
    app->state.high_contrast = web::stored_high_contrast();
    // What the device kept from the last connection comes first, so an offline start shows it.
    if (std::string saved = web::load_offline(); !saved.empty()) dispatch(ui::restore_offline(saved));
    app->route = app->initial_route = web::current_route();
    run(ui::start(app->state));

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
