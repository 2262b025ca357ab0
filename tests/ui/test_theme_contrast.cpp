// WCAG 2.2 AA over every theme: text and its backgrounds at 4.5:1 (1.4.3), the edges of fields
// and buttons, the focus ring, check marks and the progress bar at 3:1 (1.4.11), as the app draws
// them; and high contrast chosen at the foot of the screens.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "app_frame.h"
#include "headless_imgui.h"
#include "imgui.h"
#include "theme.h"
#include "update.h"

using namespace ll;

namespace {

double linear(float channel) {
    const double c = channel;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImVec4 c) { return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z); }

// A translucent colour as it shows over an opaque one.
ImVec4 over(ImVec4 top, ImVec4 below) {
    const float a = top.w;
    return ImVec4(top.x * a + below.x * (1 - a), top.y * a + below.y * (1 - a), top.z * a + below.z * (1 - a), 1.0f);
}

double contrast(ImVec4 a, ImVec4 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    std::string what;
    ImVec4 front, back;
    double minimum;
};

// What the screens draw on what: the backgrounds as they show over the page.
std::vector<Pair> pairs_of(const ImGuiStyle& style) {
    const ImVec4* c = style.Colors;
    const ImVec4 page = c[ImGuiCol_WindowBg], field = over(c[ImGuiCol_FrameBg], page);
    std::vector<Pair> pairs;
    const std::pair<const char*, ImGuiCol> text_backs[] = {
        {"page", ImGuiCol_WindowBg},           {"popup", ImGuiCol_PopupBg},
        {"field", ImGuiCol_FrameBg},           {"hovered field", ImGuiCol_FrameBgHovered},
        {"active field", ImGuiCol_FrameBgActive}, {"button", ImGuiCol_Button},
        {"hovered button", ImGuiCol_ButtonHovered}, {"pressed or current button", ImGuiCol_ButtonActive},
        {"selected row", ImGuiCol_Header},     {"hovered row", ImGuiCol_HeaderHovered},
        {"pressed row", ImGuiCol_HeaderActive}, {"table header", ImGuiCol_TableHeaderBg},
        {"alternate table row", ImGuiCol_TableRowBgAlt}};
    for (const auto& [name, col] : text_backs) pairs.push_back({std::string("text on ") + name, c[ImGuiCol_Text], over(c[col], page), 4.5});
    pairs.push_back({"selected text", c[ImGuiCol_Text], over(c[ImGuiCol_TextSelectedBg], field), 4.5});
    const ImVec4 alternate = over(c[ImGuiCol_TableRowBgAlt], page);
    for (const auto& [name, back] : {std::pair{"page", page}, std::pair{"alternate table row", alternate}}) {
        pairs.push_back({std::string("muted text on ") + name, c[ImGuiCol_TextDisabled], back, 4.5});
        pairs.push_back({std::string("error text on ") + name, ui::error_colour(style), back, 4.5});
    }
    pairs.push_back({"error text in a field", ui::error_colour(style), field, 4.5});
    pairs.push_back({"edge of a field or button", over(c[ImGuiCol_Border], page), page, 3.0});
    pairs.push_back({"focus ring", c[ImGuiCol_NavHighlight], page, 3.0});
    pairs.push_back({"check mark", c[ImGuiCol_CheckMark], field, 3.0});
    pairs.push_back({"followed part of the progress bar", c[ImGuiCol_PlotHistogram], field, 3.0});
    pairs.push_back({"scroll bar", over(c[ImGuiCol_ScrollbarGrab], page), over(c[ImGuiCol_ScrollbarBg], page), 3.0});
    return pairs;
}

}  // namespace

TEST_CASE("the contrast computation matches WCAG's reference values") {
    CHECK(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
    CHECK(contrast(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(1.0));
    // #767676 on white is the lightest grey that passes 4.5:1 (4.54).
    const float g = 0x76 / 255.0f;
    CHECK(contrast(ImVec4(g, g, g, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(4.54).epsilon(0.01));
    CHECK(over(ImVec4(0, 0, 0, 0.5f), ImVec4(1, 1, 1, 1)).x == doctest::Approx(0.5f));
}

TEST_CASE("every theme meets WCAG 2.2 AA for text, edges, focus and marks") {
    for (ui::Theme theme : ui::all_themes) {
        const ImGuiStyle style = ui::theme_style(theme);
        for (const Pair& p : pairs_of(style)) {
            const double ratio = contrast(p.front, p.back);
            CHECK_MESSAGE(ratio >= p.minimum, std::string(ui::code(theme)) << ": " << p.what << " is " << ratio << ":1, needs " << p.minimum << ":1");
        }
    }
}

TEST_CASE("the high-contrast theme goes beyond AA: 7:1 text (AAA) and thicker edges") {
    const ImGuiStyle high = ui::theme_style(ui::Theme::high_contrast), light = ui::theme_style(ui::Theme::light);
    for (const Pair& p : pairs_of(high))
        if (p.minimum == 4.5) CHECK_MESSAGE(contrast(p.front, p.back) >= 7.0, p.what);
    CHECK(high.FrameBorderSize > light.FrameBorderSize);
    CHECK(std::string(ui::code(ui::Theme::high_contrast)) == "high-contrast");
}

TEST_CASE("high contrast is chosen at the foot of the screen, shown pressed and remembered on the device") {
    auto s = ui::initial_state(*CivilDate::parse("2026-11-29"), 2023, 2040);
    ui::update(s, ui::SessionChecked{std::nullopt});
    test::HeadlessImGui gui{390, 1200};
    auto draw = [&](std::vector<ui::Action>& out) { ui::draw_app_frame(s, out); };
    gui.frame(draw);
    CHECK(gui.find("text", "Contrast"));
    const ui::Item* high = gui.find("button", "High");
    REQUIRE(high);
    CHECK(high->value.empty());  // not pressed yet: the device decides
    auto actions = gui.tap(*high, draw);
    REQUIRE(actions.size() == 1);
    auto commands = ui::update(s, actions[0]);
    CHECK(s.high_contrast);
    REQUIRE(commands.size() == 1);
    CHECK(std::get<ui::RememberHighContrast>(commands[0]).on);
    CHECK(ui::update(s, ui::SetHighContrast{true}).empty());  // choosing it again changes nothing
    gui.frame(draw);
    CHECK(gui.find("button", "High")->value == "pressed");
    CHECK_FALSE(std::get<ui::RememberHighContrast>(ui::update(s, ui::SetHighContrast{false}).at(0)).on);
}
