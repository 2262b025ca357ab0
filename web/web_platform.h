// The browser side of the app that C++ needs: viewport and pixel ratio, touch input, fetch,
// the local date, and the frame scheduler that renders only when something changed.
#pragma once
#include <string>

#include "api_client.h"
#include "civil_date.h"
#include "form_widgets.h"

namespace ll::web {

struct Viewport {
    float css_width = 0, css_height = 0;  // canvas size in CSS pixels
    float pixel_ratio = 1;                // devicePixelRatio
    int pixel_width() const { return static_cast<int>(css_width * pixel_ratio + 0.5f); }
    int pixel_height() const { return static_cast<int>(css_height * pixel_ratio + 0.5f); }
    bool operator==(const Viewport&) const = default;
};

Viewport read_viewport();
void set_canvas_pixels(const Viewport& v);  // backing store in device pixels (never glfwSetWindowSize)

// Touches feed Dear ImGui as a touch-screen mouse; GLFW's own touch handling is disabled in
// web/js/glfw_touch_patch.js. Mouse releases anywhere on the page end a press that started on the canvas;
// the wheel is taken on the canvas (not the document, where browsers make listeners passive).
// `on_release` runs inside the release event (a user gesture): the only moment a browser lets a
// page focus the text agent and open the soft keyboard.
void install_input_callbacks(void (*on_release)());

// Focuses the hidden text agent while Dear ImGui wants text, blurs it otherwise; its type and
// hints follow the field's purpose (phone keyboard, password managers).
// The item tree (JSON in CSS pixels) for the accessibility mirror, with the id of the text field
// being edited and of Dear ImGui's keyboard focus (0: none).
void mirror_items(const std::string& items_json, unsigned editing, unsigned nav);
void sync_text_agent(bool wants_text, ui::TextPurpose purpose);

void http_fetch(int request_id, const HttpRequest& request);  // answers via app_http_done()
// Opens the camera or file chooser (call inside a user gesture); answers via app_file_picked().
void open_file_picker();
void open_import_picker(bool json_too);  // a CSV (or JSON) file to import; answers via app_import_picked()
void save_file(const std::string& path);  // downloads an API path with the session cookie (the browser saves it)
std::string random_key();  // from the browser's crypto: idempotency keys
// What the system asks for, read every frame (live).
struct MediaPreferences {
    bool dark = false;            // prefers-color-scheme: dark
    bool more_contrast = false;   // prefers-contrast: more, or forced colours (Windows' contrast themes)
    bool reduced_motion = false;  // prefers-reduced-motion: reduce
};
MediaPreferences media_preferences();
bool stored_high_contrast();  // chosen in the app on this device
void remember_high_contrast(bool on);
// The offline snapshot in the browser's storage (empty text: remove it and every kept file).
void save_offline(const std::string& snapshot);
std::string load_offline();  // read before main() starts
// The picked certificate file kept under a queued training's key (in IndexedDB too when
// `on_device`), or let go.
void keep_certificate(const std::string& key, bool on_device);
void forget_certificate(const std::string& key);
// Fetches and decodes a certificate (or the picked file) as a texture; answers via app_thumbnail().
void load_thumbnail(const std::string& key);
// The URL fragment: pushed as a new history entry, or replacing the current one.
void set_route(const std::string& fragment, bool replace);
std::string current_route();
void copy_text(const char* text);  // to the system clipboard
// Password managers: the sign-in sent, its answer (saved when accepted on a trusted device), and a
// request for a saved one (answered via app_credential()).
void credential_sent(const std::string& email, const std::string& password);
void credential_answered(bool accepted, bool remember);
void request_credential();
void mark(const char* name);       // a performance.mark() for benchmarks ("ll-first-data")
// Marks "ll-first-frame" and starts what waits for the first frame (the service worker).
void first_frame_drawn();
CivilDate local_today();
// The language remembered on this device, else the browser's first preference ("nl-BE"), else "".
std::string preferred_language();
void remember_language(const char* code);

// Kiosk displays: the page was opened as /?kiosk; the device token kept in this browser's storage
// (never in the URL); the local time of day in minutes; a wake-up of the loop after `ms`.
bool kiosk_mode();
std::string stored_kiosk_token();
void remember_kiosk_token(const std::string& token);  // empty: forget it
int local_minute();
void wake_after(long long ms);

// Render on demand: input wakes the loop for a few frames, then it pauses (0 frames idle).
class FrameScheduler {
public:
    void wake(int frames);
    // Called at the end of a frame; pauses the loop when the budget is spent and nothing moves.
    void end_frame(bool keep_running);
    long long frames_rendered() const { return frames_; }
    // True while the loop is paused: the canvas shows what the last input and answer led to.
    bool idle() const { return paused_; }

private:
    int budget_ = 4;
    bool paused_ = false;
    long long frames_ = 0;
};

}  // namespace ll::web
