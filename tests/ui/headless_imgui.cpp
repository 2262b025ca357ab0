// Headless Dear ImGui: the font atlas is built in memory and draw data is discarded.
#include "headless_imgui.h"

#include "imgui.h"
#include "theme.h"

namespace ll::test {

HeadlessImGui::HeadlessImGui(float width, float height) {
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx_);
    tree_.attach(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    ui::load_fonts(nullptr, 1.0f);
    ui::apply_theme(1.0f, ui::Theme::light);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

HeadlessImGui::~HeadlessImGui() { ImGui::DestroyContext(ctx_); }

std::vector<ui::Action> HeadlessImGui::frame(const std::function<void(std::vector<ui::Action>&)>& draw) {
    ImGui::SetCurrentContext(ctx_);
    std::vector<ui::Action> actions;
    ImGui::NewFrame();
    tree_.begin_frame();
    draw(actions);
    tree_.end_frame();
    ImGui::Render();
    return actions;
}

const ui::Item* HeadlessImGui::find(const std::string& role, const std::string& label) const {
    for (const auto& i : tree_.items())
        if (i.role == role && i.label == label) return &i;
    return nullptr;
}

std::vector<ui::Action> HeadlessImGui::tap(const ui::Item& item, const std::function<void(std::vector<ui::Action>&)>& draw) {
    ImGuiIO& io = ImGui::GetIO();
    float x = item.x + item.w / 2, y = item.y + item.h / 2;
    std::vector<ui::Action> all;
    for (int step = 0; step < 3; ++step) {
        io.AddMousePosEvent(x, y);
        if (step == 1) io.AddMouseButtonEvent(0, true);
        if (step == 2) io.AddMouseButtonEvent(0, false);
        auto actions = frame(draw);
        all.insert(all.end(), actions.begin(), actions.end());
    }
    return all;
}

}  // namespace ll::test
