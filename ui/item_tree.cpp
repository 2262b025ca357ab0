// Dear ImGui test-engine hooks: ItemAdd gives every item's rectangle, ItemInfo its label and
// status flags. Only items that received a label (i.e. were not clipped) are published.
#include "item_tree.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"
#include "theme.h"

namespace ll::ui {

namespace {

std::string strip_id_suffix(const char* label) {
    std::string s = label ? label : "";
    auto pos = s.find("##");
    if (pos != std::string::npos) s.resize(pos);
    return s;
}

std::string role_from_flags(int flags) {
    if (flags & ImGuiItemStatusFlags_Inputable) return "textbox";
    if (flags & ImGuiItemStatusFlags_Checkable) return "checkbox";
    if (flags & ImGuiItemStatusFlags_Openable) return "treeitem";
    return "button";
}

}  // namespace

void ItemTree::attach(ImGuiContext* ctx) {
    ctx->TestEngine = this;
    ctx->TestEngineHookItems = true;
}

void ItemTree::begin_frame() {
    pending_.clear();
    current_.clear();
    if (GImGui) GImGui->TestEngineHookItems = true;
}

void ItemTree::end_frame() {
    changed_ = current_ != published_;
    if (changed_) published_ = current_;
}

void ItemTree::on_item_add(unsigned id, float x0, float y0, float x1, float y1) {
    pending_.push_back(Item{id, {}, {}, {}, x0, y0, x1 - x0, y1 - y0});
}

void ItemTree::on_item_info(unsigned id, const char* label, int flags) {
    if (ImGui::FindWindowByID(id)) return;  // Dear ImGui registers each window as an item too
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
        if (it->id != id) continue;
        Item item = *it;
        item.role = role_from_flags(flags);
        item.label = strip_id_suffix(label);
        if (item.role == "button" && !item.label.empty()) {
            // Measured in the font the button was drawn with, which is current during the hook.
            const float text_w = ImGui::CalcTextSize(item.label.c_str()).x;
            item.clipped = text_w > item.w - 2 * ImGui::GetStyle().FramePadding.x + 0.5f;
        }
        if (flags & ImGuiItemStatusFlags_Checkable) item.value = (flags & ImGuiItemStatusFlags_Checked) ? "true" : "false";
        if (flags & ImGuiItemStatusFlags_Openable) item.value = (flags & ImGuiItemStatusFlags_Opened) ? "open" : "closed";
        current_.push_back(placed(std::move(item)));
        return;
    }
}

void ItemTree::record_last_item(std::string_view role, std::string_view label, std::string_view value, bool live) {
    ImGuiContext& g = *GImGui;
    if (!live && !ImGui::IsItemVisible()) return;  // an outcome is announced even when scrolled away
    const ImRect& r = g.LastItemData.Rect;
    current_.push_back(placed(Item{g.LastItemData.ID, std::string(role), std::string(label), std::string(value), r.Min.x,
                                   r.Min.y, r.GetWidth(), r.GetHeight(), false, live}));
}

Item ItemTree::placed(Item item) const {
    const ImGuiContext& g = *GImGui;
    // Only what is drawn in the table's own cells: a popup opened from a cell is not part of it.
    if (const ImGuiTable* t = g.CurrentTable; t && t->InnerWindow == g.CurrentWindow && t->CurrentRow >= 0) {
        item.table = t->ID;
        item.row = t->CurrentRow;
        item.column = t->CurrentColumn;
        item.header = (t->RowFlags & ImGuiTableRowFlags_Headers) != 0;
    }
    const bool control = item.role == "button" || item.role == "checkbox" || item.role == "treeitem";
    if (control && !item.label.empty() && !subjects_.empty()) item.name = item.label + ": " + subjects_.back();
    return item;
}

Item* ItemTree::last_item() {
    const ImGuiID id = GImGui->LastItemData.ID;
    for (auto it = current_.rbegin(); it != current_.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

void ItemTree::label_last_item(std::string_view label, std::string_view value) {
    if (Item* item = last_item()) {
        item->label = label;
        item->value = value;
    }
}

void ItemTree::set_last_item_value(std::string_view value) {
    if (Item* item = last_item()) item->value = value;
}

void ItemTree::name_last_item(std::string_view name) {
    if (Item* item = last_item()) item->name = name;
}

std::string ItemTree::to_json(float pixels_per_css_px) const {
    float k = pixels_per_css_px > 0 ? 1.0f / pixels_per_css_px : 1.0f;
    auto css = [k](float v) { return std::round(v * k * 10.0f) / 10.0f; };
    nlohmann::json out = nlohmann::json::array();
    for (const auto& i : published_) {
        out.push_back({{"id", i.id}, {"role", i.role}, {"label", i.label}, {"value", i.value},
                       {"x", css(i.x)}, {"y", css(i.y)}, {"w", css(i.w)}, {"h", css(i.h)}});
        if (i.clipped) out.back()["clipped"] = true;
        if (i.live) out.back()["live"] = true;
        if (!i.name.empty()) out.back()["name"] = i.name;
        if (i.table) out.back().update({{"table", i.table}, {"row", i.row}, {"column", i.column}, {"header", i.header}});
    }
    return out.dump();
}

ItemTree* current_item_tree() { return GImGui ? static_cast<ItemTree*>(GImGui->TestEngine) : nullptr; }

ActsOn::ActsOn(std::string_view subject) : tree_(current_item_tree()) {
    if (tree_) tree_->push_subject(subject);
}

ActsOn::~ActsOn() {
    if (tree_) tree_->pop_subject();
}

namespace {

// Text wraps at the window's edge unless the caller set a narrower wrap position: a phone at
// 320 px, a long German word list or 200 % zoom must never push a line off the page.
void unformatted_wrapped(std::string_view s) {
    const bool wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos < 0.0f;
    if (wrap) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
    if (wrap) ImGui::PopTextWrapPos();
}

}  // namespace

void text(std::string_view s) {
    unformatted_wrapped(s);
    if (auto* t = current_item_tree()) t->record_last_item("text", s, "");
}

void heading(std::string_view s) {
    ImGui::PushFont(fonts().heading);
    unformatted_wrapped(s);
    ImGui::PopFont();
    if (auto* t = current_item_tree()) t->record_last_item("heading", s, "");
}

void muted_text(std::string_view s) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text(s);
    ImGui::PopStyleColor();
}

void status_message(std::string_view s) {
    unformatted_wrapped(s);
    if (auto* t = current_item_tree()) t->record_last_item("text", s, "", true);
}

void figure(std::string_view label, std::string_view value) {
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    unformatted_wrapped(label);
    ImGui::PopStyleColor();
    ImGui::PushFont(fonts().figure);
    unformatted_wrapped(value);
    ImGui::PopFont();
    ImGui::EndGroup();
    if (auto* t = current_item_tree()) t->record_last_item("figure", label, value);
}

}  // namespace ll::ui

// --- the hooks Dear ImGui calls when built with IMGUI_ENABLE_TEST_ENGINE ---------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    if (auto* tree = static_cast<ll::ui::ItemTree*>(ctx->TestEngine)) tree->on_item_add(id, bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (auto* tree = static_cast<ll::ui::ItemTree*>(ctx->TestEngine)) tree->on_item_info(id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
