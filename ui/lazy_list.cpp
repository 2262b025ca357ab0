// Heights live in Dear ImGui's state storage, keyed by the entry's key under the list id and the
// available width (a rotated phone or a zoom re-measures). An entry not measured yet is drawn.
#include "lazy_list.h"

#include "imgui.h"

namespace ll::ui {

void lazy_list(const char* id, std::size_t count, const std::function<std::string_view(std::size_t)>& key,
               const std::function<void(std::size_t)>& draw) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    ImGuiStorage* storage = ImGui::GetStateStorage();
    ImGui::PushID(id);
    ImGui::PushID(static_cast<int>(width));
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view name = key(i);  // a view of the entry's id: no copy per entry per frame
        const ImGuiID k = ImGui::GetID(name.data(), name.data() + name.size());
        const float known = storage->GetFloat(k, -1.0f);  // the entry's height without the spacing after it
        if (known > 0 && !ImGui::IsRectVisible(ImVec2(width, known))) {
            ImGui::Dummy(ImVec2(width, known));
            continue;
        }
        const float top = ImGui::GetCursorPosY();
        draw(i);
        storage->SetFloat(k, ImGui::GetCursorPosY() - top - spacing);
    }
    ImGui::PopID();
    ImGui::PopID();
}

}  // namespace ll::ui
