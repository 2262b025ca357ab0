// A Dear ImGui context without a backend, for driving screens in tests: fixed display size,
// the built-in font, and helpers to run frames and tap items found in the item tree.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app_state.h"
#include "item_tree.h"

struct ImGuiContext;

namespace ll::test {

class HeadlessImGui {
public:
    HeadlessImGui(float width, float height);
    ~HeadlessImGui();
    // Runs one frame drawing `draw`; returns the actions it emitted.
    std::vector<ui::Action> frame(const std::function<void(std::vector<ui::Action>&)>& draw);
    const std::vector<ui::Item>& items() const { return tree_.items(); }
    bool items_changed() const { return tree_.changed(); }  // the last frame's items differ from the one before
    const ui::Item* find(const std::string& role, const std::string& label) const;
    // Presses and releases the mouse at the centre of the item, over three frames.
    std::vector<ui::Action> tap(const ui::Item& item, const std::function<void(std::vector<ui::Action>&)>& draw);

private:
    ImGuiContext* ctx_;
    ui::ItemTree tree_;
};

}  // namespace ll::test
