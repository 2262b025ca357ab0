// Emscripten 3.1.6 glue in C++: EM_JS bridges to the page and html5.h input callbacks.
// The JS half (web/js/*.js) patches GLFW before glfwInit, wakes the loop on input and holds the
// browser objects (text agent, files, storage, textures).
#include "web_platform.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>


#include <nlohmann/json.hpp>

#include "imgui.h"

namespace ll::web {

EM_JS(void, js_sync_text_agent, (int want, int purpose), {
    const agent = Module.textAgent;
    if (!agent) return;
    if (want) Module.setTextPurpose(purpose);
    if (want && document.activeElement !== agent) agent.focus({preventScroll: true});
    if (!want && document.activeElement === agent) agent.blur();
});
EM_JS(void, js_mirror_items, (const char* json, unsigned editing, unsigned nav), {
    if (Module.mirrorItems) Module.mirrorItems(UTF8ToString(json), editing, nav);
});
EM_JS(float, js_canvas_css_width, (), { return Module.canvas.getBoundingClientRect().width; });
EM_JS(float, js_canvas_css_height, (), { return Module.canvas.getBoundingClientRect().height; });
EM_JS(float, js_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(void, js_set_canvas_size, (int w, int h), { Browser.setCanvasSize(w, h); });
EM_JS(void, js_fetch, (int id, const char* method, const char* path, const char* body, const char* headers, int file_source,
                      const char* file_key), {
    Module.llFetch(id, UTF8ToString(method), UTF8ToString(path), UTF8ToString(body), JSON.parse(UTF8ToString(headers)), file_source,
                   UTF8ToString(file_key));
});
// Bit 1 dark, 2 more contrast (or forced colours), 4 reduced motion.
EM_JS(int, js_media_preferences, (), {
    const m = Module.mediaQueries;
    if (!m) return 0;
    return (m.dark.matches ? 1 : 0) | (m.moreContrast.matches || m.forcedColors.matches ? 2 : 0) | (m.reducedMotion.matches ? 4 : 0);
});
EM_JS(int, js_stored_high_contrast, (), {
    try { return localStorage.getItem('learnledger.contrast') === 'high' ? 1 : 0; } catch (e) { return 0; }
});
EM_JS(void, js_remember_high_contrast, (int on), {
    try { on ? localStorage.setItem('learnledger.contrast', 'high') : localStorage.removeItem('learnledger.contrast'); } catch (e) {}
});
EM_JS(void, js_save_offline, (const char* text), { Module.saveOffline(UTF8ToString(text)); });
EM_JS(char*, js_load_offline, (), { return Module.llNewCString(Module.offlineSnapshot || ''); });
EM_JS(void, js_keep_certificate, (const char* key, int on_device), { Module.keepCertificate(UTF8ToString(key), on_device !== 0); });
EM_JS(void, js_forget_certificate, (const char* key), { Module.forgetCertificate(UTF8ToString(key)); });
EM_JS(void, js_load_thumbnail, (const char* key, const char* path), { Module.loadThumbnail(UTF8ToString(key), UTF8ToString(path)); });
EM_JS(void, js_set_route, (const char* fragment, int replace), { Module.setRoute(UTF8ToString(fragment), replace !== 0); });
EM_JS(char*, js_current_route, (), { return Module.llNewCString(location.hash || ''); });
EM_JS(void, js_credential_sent, (const char* email, const char* password), {
    Module.credentialSent(UTF8ToString(email), UTF8ToString(password));
});
EM_JS(void, js_credential_answered, (int accepted, int remember), { Module.credentialAnswered(accepted !== 0, remember !== 0); });
EM_JS(void, js_request_credential, (), { Module.requestCredential(); });
EM_JS(void, js_mark, (const char* name), { if (performance.mark) performance.mark(UTF8ToString(name)); });
EM_JS(void, js_first_frame_drawn, (), { Module.llFirstFrameDrawn(); });
EM_JS(void, js_copy_text, (const char* text), { Module.copyText(UTF8ToString(text)); });
EM_JS(void, js_open_file_picker, (), { Module.openFilePicker(); });
EM_JS(void, js_open_import_picker, (int json_too), { Module.openImportPicker(json_too != 0); });
EM_JS(void, js_save_file, (const char* path), { Module.saveFile(UTF8ToString(path)); });
EM_JS(char*, js_random_key, (), {
    const key = (crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));
    return Module.llNewCString(key);
});
EM_JS(int, js_today, (), {
    const d = new Date();
    return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
});
EM_JS(int, js_kiosk_mode, (), { return new URLSearchParams(location.search).has('kiosk') ? 1 : 0; });
EM_JS(char*, js_stored_kiosk_token, (), {
    let token = '';
    try { token = localStorage.getItem('learnledger.kiosk_token') || ''; } catch (e) {}
    return Module.llNewCString(token);
});
EM_JS(void, js_remember_kiosk_token, (const char* token), {
    try {
        const t = UTF8ToString(token);
        if (t) localStorage.setItem('learnledger.kiosk_token', t); else localStorage.removeItem('learnledger.kiosk_token');
    } catch (e) {}
});
EM_JS(int, js_local_minute, (), { const d = new Date(); return d.getHours() * 60 + d.getMinutes(); });
EM_JS(void, js_wake_after, (double ms), {
    clearTimeout(Module.kioskTimer);
    Module.kioskTimer = setTimeout(() => wake(2), ms);
});
EM_JS(char*, js_preferred_language, (), {
    let code = '';
    try { code = localStorage.getItem('learnledger.language') || ''; } catch (e) {}
    if (!code) code = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    return Module.llNewCString(code);
});
EM_JS(void, js_remember_language, (const char* code), {
    try { localStorage.setItem('learnledger.language', UTF8ToString(code)); } catch (e) {}
    document.documentElement.lang = UTF8ToString(code);
});

namespace {

// Copies a string a JS bridge allocated with Module.llNewCString, and frees it.
std::string take_js_string(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

}  // namespace

Viewport read_viewport() {
    Viewport v{js_canvas_css_width(), js_canvas_css_height(), js_pixel_ratio()};
    if (v.css_width < 1) v.css_width = 1;
    if (v.css_height < 1) v.css_height = 1;
    return v;
}

void set_canvas_pixels(const Viewport& v) { js_set_canvas_size(v.pixel_width(), v.pixel_height()); }

namespace {

// Canvas pixels per CSS pixel, measured, so touches land where the finger is.
float canvas_scale() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    int px_w = 0, px_h = 0;
    emscripten_get_canvas_element_size("#canvas", &px_w, &px_h);
    return css_w > 0 ? static_cast<float>(px_w / css_w) : 1.0f;
}

void (*release_handler)() = nullptr;

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    const EmscriptenTouchPoint* t = nullptr;
    for (int i = 0; i < e->numTouches; ++i)
        if (e->touches[i].isChanged) {
            t = &e->touches[i];
            break;
        }
    if (!t) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    float k = canvas_scale();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(static_cast<float>(t->targetX) * k, static_cast<float>(t->targetY) * k);
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) io.AddMouseButtonEvent(0, true);
    if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        io.AddMouseButtonEvent(0, false);
        if (release_handler) release_handler();
    }
    return EM_TRUE;  // suppresses the browser's emulated mouse events
}

EM_BOOL on_document_mouseup(int, const EmscriptenMouseEvent* e, void*) {
    if (e->button <= 2) ImGui::GetIO().AddMouseButtonEvent(e->button == 0 ? 0 : (e->button == 1 ? 2 : 1), false);
    if (release_handler) release_handler();
    return EM_FALSE;
}

// Dear ImGui's backend listens for the wheel on the document, where browsers make listeners
// passive, so its preventDefault was refused with a console warning on every turn. The same
// steps (Dear ImGui's mapping of delta modes) on the canvas, where preventing the page scroll works.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    float step = 0.0f;
    if (e->deltaMode == DOM_DELTA_PIXEL) step = 1.0f / 100.0f;
    else if (e->deltaMode == DOM_DELTA_LINE) step = 1.0f / 3.0f;
    else if (e->deltaMode == DOM_DELTA_PAGE) step = 80.0f;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(e->deltaX) * -step, static_cast<float>(e->deltaY) * -step);
    return EM_TRUE;
}

}  // namespace

void install_input_callbacks(void (*on_release)()) {
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
    release_handler = on_release;
    emscripten_set_touchstart_callback("#canvas", nullptr, true, on_touch);
    emscripten_set_touchmove_callback("#canvas", nullptr, true, on_touch);
    emscripten_set_touchend_callback("#canvas", nullptr, true, on_touch);
    emscripten_set_touchcancel_callback("#canvas", nullptr, true, on_touch);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, on_document_mouseup);
}

void http_fetch(int request_id, const HttpRequest& request) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : request.headers) headers[name] = value;
    js_fetch(request_id, request.method.c_str(), request.path.c_str(), request.body.c_str(), headers.dump().c_str(),
             static_cast<int>(request.file), request.file_key.c_str());
}

void open_file_picker() { js_open_file_picker(); }

void open_import_picker(bool json_too) { js_open_import_picker(json_too ? 1 : 0); }

void save_file(const std::string& path) { js_save_file(path.c_str()); }

MediaPreferences media_preferences() {
    const int bits = js_media_preferences();
    return {(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
}
bool stored_high_contrast() { return js_stored_high_contrast() != 0; }
void remember_high_contrast(bool on) { js_remember_high_contrast(on ? 1 : 0); }

void save_offline(const std::string& snapshot) { js_save_offline(snapshot.c_str()); }

std::string load_offline() { return take_js_string(js_load_offline()); }

void keep_certificate(const std::string& key, bool on_device) { js_keep_certificate(key.c_str(), on_device ? 1 : 0); }

void forget_certificate(const std::string& key) { js_forget_certificate(key.c_str()); }

void load_thumbnail(const std::string& key) {
    // Certificate ids are the server's own; the picked file never leaves the browser for this.
    const std::string path = key == ui::picked_certificate ? "" : "/api/v1/certificates/" + key;
    js_load_thumbnail(key.c_str(), path.c_str());
}

void set_route(const std::string& fragment, bool replace) { js_set_route(fragment.c_str(), replace ? 1 : 0); }

std::string current_route() { return take_js_string(js_current_route()); }

void copy_text(const char* text) { js_copy_text(text ? text : ""); }

void mark(const char* name) { js_mark(name); }

void first_frame_drawn() {
    mark("ll-first-frame");
    js_first_frame_drawn();
}

void credential_sent(const std::string& email, const std::string& password) { js_credential_sent(email.c_str(), password.c_str()); }

void credential_answered(bool accepted, bool remember) { js_credential_answered(accepted ? 1 : 0, remember ? 1 : 0); }

void request_credential() { js_request_credential(); }

std::string random_key() { return take_js_string(js_random_key()); }

void mirror_items(const std::string& items_json, unsigned editing, unsigned nav) { js_mirror_items(items_json.c_str(), editing, nav); }
void sync_text_agent(bool wants_text, ui::TextPurpose purpose) { js_sync_text_agent(wants_text ? 1 : 0, static_cast<int>(purpose)); }

CivilDate local_today() {
    int v = js_today();
    auto d = CivilDate::from_ymd(v / 10000, static_cast<unsigned>(v / 100 % 100), static_cast<unsigned>(v % 100));
    return d.ok() ? *d : CivilDate();  // a browser clock outside 1900-2199 is broken; the app clamps the year
}

std::string preferred_language() { return take_js_string(js_preferred_language()); }

void remember_language(const char* code) { js_remember_language(code); }

bool kiosk_mode() { return js_kiosk_mode() != 0; }
std::string stored_kiosk_token() { return take_js_string(js_stored_kiosk_token()); }
void remember_kiosk_token(const std::string& token) { js_remember_kiosk_token(token.c_str()); }
int local_minute() { return js_local_minute(); }
void wake_after(long long ms) { js_wake_after(static_cast<double>(ms)); }

void FrameScheduler::wake(int frames) {
    if (frames > budget_) budget_ = frames;
    if (paused_) {
        paused_ = false;
        emscripten_resume_main_loop();
    }
}

void FrameScheduler::end_frame(bool keep_running) {
    ++frames_;
    if (keep_running) return;
    if (--budget_ > 0) return;
    budget_ = 0;
    paused_ = true;
    emscripten_pause_main_loop();
}

}  // namespace ll::web
