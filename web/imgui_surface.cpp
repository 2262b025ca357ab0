// WebGL objects die with their context: on "webglcontextrestored" the OpenGL3 backend is shut
// down and started again, which remakes every object it owns (the font texture included).
#include "imgui_surface.h"

#include <emscripten.h>
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace ll::web {

namespace {

constexpr const char* font_path = "/fonts/Inter-Regular.otf";
bool lost = false;

EM_JS(void, js_watch_context, (), {
    Module.canvas.addEventListener('webglcontextlost', (e) => { e.preventDefault(); Module._app_gl_context(0); });
    Module.canvas.addEventListener('webglcontextrestored', () => { Module._app_gl_context(1); });
});

EM_JS(void, js_shadow_gl_state, (), { Module.llShadowGlState(GLctx); });

}  // namespace

bool context_lost() { return lost; }

bool open_surface(Surface& s, ui::ItemTree& items) {
    if (!glfwInit()) return false;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // A 2D UI needs no depth, stencil or multisampled buffers: a lighter context, created faster.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_SAMPLES, 0);
    Viewport v = read_viewport();
    s.window = glfwCreateWindow(v.pixel_width(), v.pixel_height(), "learnledger", nullptr, nullptr);
    if (!s.window) return false;
    glfwMakeContextCurrent(s.window);
    js_shadow_gl_state();  // before the backend's first question (web/js/gl_state_shadow.js)

    IMGUI_CHECKVERSION();
    ImGuiContext* ctx = ImGui::CreateContext();
    items.attach(ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing written to the virtual file system
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.ConfigInputTextCursorBlink = false;  // a steady caret: no frames while the user thinks
    ImGui_ImplGlfw_InitForOpenGL(s.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    js_watch_context();
    return true;
}

void follow_viewport(Surface& s) {
    Viewport v = read_viewport();
    if (v == s.viewport) return;
    s.viewport = v;
    set_canvas_pixels(v);
}

void follow_scale(Surface& s, float ui_scale) {
    if (ui_scale == s.ui_scale) return;
    // Fonts are rasterised at device pixels: rebuilt when the scale changes, never scaled up.
    // Before the first frame (and after a context is restored) the backend has no texture yet and
    // makes one with its shaders; uploading here too would send the atlas twice and leak the first.
    const bool uploaded = ImGui::GetIO().Fonts->TexID != ImTextureID{};
    ui::load_fonts(font_path, ui_scale, s.display_font);
    if (uploaded) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    s.ui_scale = ui_scale;
    s.theme.reset();  // sizes are scaled with the theme
}

void follow_theme(Surface& s, ui::Theme theme) {
    if (theme == s.theme) return;
    ui::apply_theme(s.ui_scale, theme);
    s.theme = theme;
}

void render(Surface& s) {
    if (lost) return;
    int w = 0, h = 0;
    glfwGetFramebufferSize(s.window, &w, &h);
    glViewport(0, 0, w, h);
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace ll::web

extern "C" {

// The canvas lost (0) or got back (1) its WebGL context.
EMSCRIPTEN_KEEPALIVE void app_gl_context(int restored) {
    ll::web::lost = restored == 0;
    if (!restored) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    EM_ASM({ if (Module._app_wake) Module._app_wake(4); });
}

}  // extern "C"
