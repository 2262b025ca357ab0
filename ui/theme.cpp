// Theme and font loading. The glyph ranges cover Latin-1, Latin Extended-A (œ, Ÿ), typographic
// punctuation and the euro sign, matching the font subset made at build time.
#include "theme.h"

#include <cstdio>

#include "imgui.h"

namespace ll::ui {

namespace {

Fonts loaded_fonts;

bool readable(const char* path) {
    std::FILE* f = path ? std::fopen(path, "rb") : nullptr;
    if (f) std::fclose(f);
    return f != nullptr;
}

ImFont* add_font(const char* path, float css_px, float scale) {
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2190, 0x2193, 0};
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

}  // namespace

const Fonts& fonts() { return loaded_fonts; }

bool load_fonts(const char* font_path, float scale) {
    ImGui::GetIO().Fonts->Clear();
    const char* path = readable(font_path) ? font_path : nullptr;
    loaded_fonts.body = add_font(path, base_font_css_px, scale);
    loaded_fonts.heading = add_font(path, heading_font_css_px, scale);
    loaded_fonts.figure = add_font(path, figure_font_css_px, scale);
    return path != nullptr;
}

float touch_target_height() { return ImGui::GetFontSize() * 44.0f / base_font_css_px; }

ImVec4 error_colour() {
    // Dark red on light backgrounds, light red on dark ones: both above 4.5:1 against the window.
    return ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x > 0.5f ? ImVec4(0.66f, 0.09f, 0.09f, 1.0f) : ImVec4(1.0f, 0.55f, 0.55f, 1.0f);
}

void apply_theme(float scale, bool dark) {
    ImGuiStyle style;
    if (dark) {
        ImGui::StyleColorsDark(&style);
    } else {
        ImGui::StyleColorsLight(&style);
    }
    style.WindowRounding = 0.0f;
    style.WindowBorderSize = 0.0f;
    style.FrameBorderSize = 1.0f;  // text fields stand out from the page
    style.FrameRounding = 8.0f;
    style.GrabRounding = 8.0f;
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(12, 8);
    style.ItemSpacing = ImVec2(10, 10);
    style.ScrollbarSize = 16.0f;
    style.GrabMinSize = 20.0f;
    style.TouchExtraPadding = ImVec2(2, 2);
    // Button labels use the text colour, so buttons are tinted rather than saturated to keep contrast.
    style.Colors[ImGuiCol_Button] = dark ? ImVec4(0.18f, 0.30f, 0.50f, 1.0f) : ImVec4(0.82f, 0.88f, 0.98f, 1.0f);
    style.Colors[ImGuiCol_ButtonHovered] = dark ? ImVec4(0.22f, 0.36f, 0.60f, 1.0f) : ImVec4(0.74f, 0.83f, 0.97f, 1.0f);
    style.Colors[ImGuiCol_ButtonActive] = dark ? ImVec4(0.14f, 0.24f, 0.42f, 1.0f) : ImVec4(0.64f, 0.76f, 0.95f, 1.0f);
    style.Colors[ImGuiCol_WindowBg] = dark ? ImVec4(0.09f, 0.10f, 0.12f, 1.0f) : ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
    if (dark) style.Colors[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.18f, 0.22f, 1.0f);
    // Progress: followed in the accent colour, waiting for approval in a lighter shade of it.
    style.Colors[ImGuiCol_PlotHistogram] = dark ? ImVec4(0.40f, 0.65f, 1.0f, 1.0f) : ImVec4(0.09f, 0.38f, 0.80f, 1.0f);
    style.Colors[ImGuiCol_PlotHistogramHovered] = dark ? ImVec4(0.25f, 0.40f, 0.62f, 1.0f) : ImVec4(0.62f, 0.75f, 0.95f, 1.0f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace ll::ui
