// The canvas as a Dear ImGui surface, shared by the app and the kiosk: the GLFW window on WebGL2,
// the context and backends, fonts rasterised at the pixel ratio, the theme, drawing a frame, and
// recovery when the browser takes the WebGL context away (a GPU reset, too many tabs).
#pragma once
#include <optional>

#include "item_tree.h"
#include "theme.h"
#include "web_platform.h"

struct GLFWwindow;

namespace ll::web {

struct Surface {
    GLFWwindow* window = nullptr;
    Viewport viewport;
    float ui_scale = 0;              // what fonts and sizes were last built for
    std::optional<ui::Theme> theme;  // the theme applied
    bool display_font = false;       // kiosks: the large font too
};

// Creates the window, the Dear ImGui context (its items routed into `items`) and the backends.
bool open_surface(Surface& s, ui::ItemTree& items);
// Follows the canvas size and pixel ratio (into s.viewport).
void follow_viewport(Surface& s);
// Fonts and sizes for `ui_scale` device pixels per CSS pixel, rebuilt when it changes (zoom, a
// kiosk turned from landscape to portrait).
void follow_scale(Surface& s, float ui_scale);
void follow_theme(Surface& s, ui::Theme theme);
// Clears to the theme's background and draws the frame; nothing while the context is lost.
void render(Surface& s);
// A lost context is waited out; once restored, the backend's shaders, buffers and font texture
// are made again and the loop is woken. True while lost.
bool context_lost();

}  // namespace ll::web
