// Thumbnails are drawn from textures the host made (the UI never decodes images); until one is
// there, or when there is none, a sheet symbol keeps the layout steady.
#include "certificate_thumbnail.h"

#include <algorithm>
#include <cstdint>

#include "imgui.h"
#include "item_tree.h"
#include "translations.h"

namespace ll::ui {

// A square as tall as a title line and its details: the certificate's photo, or a symbol for a
// document or a picture that could not be fetched.
void draw_certificate_thumbnail(const AppState& s, const std::string& key, float side) {
    if (side <= 0) side = ImGui::GetFontSize() * 3.0f;
    auto it = s.thumbnails.find(key);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (it != s.thumbnails.end() && it->second.kind == Thumbnail::Kind::image && it->second.width > 0 && it->second.height > 0) {
        const Thumbnail& t = it->second;
        const float k = side / static_cast<float>(std::max(t.width, t.height));
        const float w = t.width * k, h = t.height * k;
        const ImVec2 min(p.x + (side - w) / 2, p.y + (side - h) / 2);
        draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(t.texture)), min, ImVec2(min.x + w, min.y + h));
    } else {
        // A sheet with a folded corner; "PDF" on documents.
        const float fold = side * 0.25f;
        const ImU32 line = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        const ImVec2 a(p.x + side * 0.15f, p.y), b(p.x + side * 0.85f - fold, p.y), c(p.x + side * 0.85f, p.y + fold),
            d(p.x + side * 0.85f, p.y + side), e(p.x + side * 0.15f, p.y + side);
        const ImVec2 outline[] = {a, b, c, d, e};
        draw->AddPolyline(outline, 5, line, ImDrawFlags_Closed, 1.5f);
        if (it != s.thumbnails.end() && it->second.kind == Thumbnail::Kind::document) {
            const ImVec2 size = ImGui::CalcTextSize("PDF");
            draw->AddText(ImVec2(p.x + (side - size.x) / 2, p.y + (side - size.y) / 2), line, "PDF");
        }
    }
    ImGui::Dummy(ImVec2(side, side));
    // The value says what is shown, for tests and assistive tools: "photo", "PDF", or nothing yet.
    const Thumbnail::Kind kind = it == s.thumbnails.end() ? Thumbnail::Kind::loading : it->second.kind;
    const char* shown = kind == Thumbnail::Kind::image ? "photo" : kind == Thumbnail::Kind::document ? "PDF" : "";
    if (auto* t = current_item_tree()) t->record_last_item("image", tr("Certificate"), shown);
}

}  // namespace ll::ui
