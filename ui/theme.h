// Look and feel: fonts with the glyphs of en/nl/fr/de and the euro sign, colours, sizes.
// Everything is scaled by the device pixel ratio, so the UI is drawn in device pixels (crisp).
#pragma once

struct ImFont;
struct ImGuiStyle;
struct ImVec4;

namespace ll::ui {

constexpr float base_font_css_px = 16.0f;
constexpr float heading_font_css_px = 22.0f;
constexpr float figure_font_css_px = 36.0f;
constexpr float display_font_css_px = 72.0f;  // kiosks: figures read from across a room

// Rasterised once per pixel ratio: scaling a small font up would blur large figures.
struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* figure = nullptr;
    ImFont* display = nullptr;  // loaded for kiosks only; else the figure font
};
const Fonts& fonts();

// Loads the text font at base_font_css_px x scale; falls back to Dear ImGui's built-in font when
// the file is missing. Returns false on fallback. Call before the font texture is built.
// `display` adds the kiosk's large font (the app does without its atlas space).
bool load_fonts(const char* font_path, float scale, bool display = false);
// Whether the figure and display fonts have a glyph for `c`: they hold ASCII and a few marks only.
bool in_figure_font(char32_t c);
// 44 CSS px at the base font: the minimum comfortable tap target.
float touch_target_height();
// Text colour for errors, readable on the style's background (the current style when none given).
ImVec4 error_colour();
ImVec4 error_colour(const ImGuiStyle& style);

// Light and dark follow the system; high contrast (white on black, yellow focus, solid borders) is
// for the system's "more contrast" or the person's own choice. All meet WCAG 2.2 AA, see
// tests/ui/test_theme_contrast.cpp.
enum class Theme { light, dark, high_contrast };
inline constexpr Theme all_themes[] = {Theme::light, Theme::dark, Theme::high_contrast};
const char* code(Theme theme);  // "light", "dark", "high-contrast"

// The theme's colours and sizes at scale 1.
ImGuiStyle theme_style(Theme theme);
// Resets the style to the theme and scales every size by `scale`.
void apply_theme(float scale, Theme theme);

}  // namespace ll::ui
