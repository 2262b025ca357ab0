// Theme and font loading. The glyph ranges cover Latin-1, Latin Extended-A (œ, Ÿ), typographic
// punctuation and the euro sign, matching the font subset made at build time.
#include "theme.h"

#include <cstdio>
#include <initializer_list>

#include "imgui.h"

namespace ll::ui {

namespace {

Fonts loaded_fonts;

bool readable(const char* path) {
    std::FILE* f = path ? std::fopen(path, "rb") : nullptr;
    if (f) std::fclose(f);
    return f != nullptr;
}

const ImWchar text_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2190, 0x2193, 0};
// The figure and display fonts draw numbers of days, percentages, badge numbers and PIN dots (and
// Dear ImGui's ellipsis): ASCII is enough. With every text glyph, their large sizes were two thirds
// of the atlas, and of the first frame's time rasterising it.
const ImWchar figure_ranges[] = {0x0020, 0x007E, 0x2022, 0x2022, 0x2026, 0x2026, 0};

ImFont* add_font(const char* path, float css_px, float scale, const ImWchar* ranges = text_ranges) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    // Sub-pixel glyph positions matter at 1 device pixel per CSS pixel; at 2x and more the glyphs
    // are sharp without it, and the atlas (and the first frame's work) is half the size.
    cfg.OversampleH = scale >= 2.0f ? 1 : 2;
    cfg.OversampleV = 1;
    cfg.SizePixels = static_cast<float>(static_cast<int>(css_px * scale));
    if (path) return io.Fonts->AddFontFromFileTTF(path, cfg.SizePixels, &cfg, ranges);
    return io.Fonts->AddFontDefault(&cfg);
}

void set_sizes(ImGuiStyle& style) {
    style.WindowRounding = 0.0f;
    style.WindowBorderSize = 0.0f;
    style.FrameBorderSize = 1.0f;  // text fields and buttons stand out from the page
    style.FrameRounding = 8.0f;
    style.GrabRounding = 8.0f;
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(12, 8);
    style.ItemSpacing = ImVec2(10, 10);
    style.ScrollbarSize = 16.0f;
    style.GrabMinSize = 20.0f;
    style.TouchExtraPadding = ImVec2(2, 2);
}

// Dear ImGui's light and dark colours fail AA in places: muted text (2.7:1 and 4.4:1), the borders
// of text fields (2.1:1 and 1.7:1), the focus ring and check mark on white (2.8:1), scroll bars
// (1.8:1 and 2.3:1), white on the dark theme's hovered and pressed rows (4.2:1, 3.0:1). Those are
// darkened or lightened here; button labels use the text colour, so buttons are tinted rather
// than saturated.
void set_light_colours(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);
    ImVec4* c = style.Colors;
    const ImVec4 accent(0.09f, 0.38f, 0.80f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.36f, 0.38f, 1.0f);
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.40f, 0.42f, 0.46f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.82f, 0.88f, 0.98f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.83f, 0.97f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.64f, 0.76f, 0.95f, 1.0f);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.50f, 0.51f, 0.55f, 1.0f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.42f, 0.43f, 0.47f, 1.0f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.34f, 0.35f, 0.39f, 1.0f);
    // Progress: followed in the accent colour, waiting for approval in a lighter shade of it.
    c[ImGuiCol_PlotHistogram] = accent;
    c[ImGuiCol_PlotHistogramHovered] = ImVec4(0.62f, 0.75f, 0.95f, 1.0f);
}

void set_dark_colours(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_TextDisabled] = ImVec4(0.66f, 0.67f, 0.70f, 1.0f);
    c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.18f, 0.22f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.56f, 0.58f, 0.64f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.18f, 0.30f, 0.50f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.22f, 0.36f, 0.60f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.14f, 0.24f, 0.42f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.20f, 0.34f, 0.56f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.16f, 0.28f, 0.48f, 1.0f);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.52f, 0.54f, 0.58f, 1.0f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.62f, 0.64f, 0.68f, 1.0f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.72f, 0.74f, 0.78f, 1.0f);
    c[ImGuiCol_PlotHistogram] = ImVec4(0.40f, 0.65f, 1.0f, 1.0f);
    c[ImGuiCol_PlotHistogramHovered] = ImVec4(0.25f, 0.40f, 0.62f, 1.0f);
}

// White on black, selection and pressed states in deep blue, focus and check marks in yellow:
// every pair is 7:1 or more for text and 3:1 or more for borders and marks.
void set_high_contrast_colours(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), yellow(1.0f, 0.86f, 0.0f, 1.0f);
    const ImVec4 blue(0.0f, 0.22f, 0.50f, 1.0f), bright_blue(0.0f, 0.30f, 0.62f, 1.0f);
    for (ImGuiCol i : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_Button, ImGuiCol_ScrollbarBg, ImGuiCol_MenuBarBg})
        c[i] = black;
    c[ImGuiCol_Text] = white;
    c[ImGuiCol_TextDisabled] = ImVec4(0.82f, 0.82f, 0.82f, 1.0f);
    c[ImGuiCol_Border] = white;
    c[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.12f, 0.12f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.20f, 0.20f, 0.20f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.24f, 0.24f, 0.24f, 1.0f);
    c[ImGuiCol_ButtonHovered] = blue;
    c[ImGuiCol_ButtonActive] = bright_blue;
    c[ImGuiCol_Header] = blue;
    c[ImGuiCol_HeaderHovered] = blue;
    c[ImGuiCol_HeaderActive] = bright_blue;
    c[ImGuiCol_CheckMark] = yellow;
    c[ImGuiCol_NavHighlight] = yellow;
    c[ImGuiCol_TextSelectedBg] = bright_blue;
    c[ImGuiCol_Separator] = ImVec4(0.82f, 0.82f, 0.82f, 1.0f);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.75f, 0.75f, 0.75f, 1.0f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.88f, 0.88f, 0.88f, 1.0f);
    c[ImGuiCol_ScrollbarGrabActive] = white;
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.16f, 0.16f, 0.16f, 1.0f);
    c[ImGuiCol_TableBorderStrong] = white;
    c[ImGuiCol_TableBorderLight] = ImVec4(0.70f, 0.70f, 0.70f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(1.0f, 1.0f, 1.0f, 0.10f);
    c[ImGuiCol_PlotHistogram] = ImVec4(0.35f, 0.80f, 1.0f, 1.0f);
    c[ImGuiCol_PlotHistogramHovered] = ImVec4(0.0f, 0.50f, 0.70f, 1.0f);
    style.FrameBorderSize = 2.0f;
}

}  // namespace

const Fonts& fonts() { return loaded_fonts; }

bool load_fonts(const char* font_path, float scale, bool display) {
    ImGui::GetIO().Fonts->Clear();
    const char* path = readable(font_path) ? font_path : nullptr;
    loaded_fonts.body = add_font(path, base_font_css_px, scale);
    loaded_fonts.heading = add_font(path, heading_font_css_px, scale);
    loaded_fonts.figure = add_font(path, figure_font_css_px, scale, figure_ranges);
    loaded_fonts.display = display ? add_font(path, display_font_css_px, scale, figure_ranges) : loaded_fonts.figure;
    return path != nullptr;
}

bool in_figure_font(char32_t c) {
    for (const ImWchar* r = figure_ranges; r[0] != 0; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

float touch_target_height() { return ImGui::GetFontSize() * 44.0f / base_font_css_px; }

ImVec4 error_colour() { return error_colour(ImGui::GetStyle()); }

ImVec4 error_colour(const ImGuiStyle& style) {
    // Dark red on light backgrounds, light red on dark ones: both above 4.5:1 against the window.
    return style.Colors[ImGuiCol_WindowBg].x > 0.5f ? ImVec4(0.66f, 0.09f, 0.09f, 1.0f) : ImVec4(1.0f, 0.55f, 0.55f, 1.0f);
}

const char* code(Theme theme) {
    switch (theme) {
        case Theme::light: return "light";
        case Theme::dark: return "dark";
        case Theme::high_contrast: return "high-contrast";
    }
    return "light";
}

ImGuiStyle theme_style(Theme theme) {
    ImGuiStyle style;
    set_sizes(style);
    switch (theme) {
        case Theme::light: set_light_colours(style); break;
        case Theme::dark: set_dark_colours(style); break;
        case Theme::high_contrast: set_high_contrast_colours(style); break;
    }
    return style;
}

void apply_theme(float scale, Theme theme) {
    ImGuiStyle style = theme_style(theme);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace ll::ui
