// Form widgets shared by the screens: a labelled text field that reports edits as values (the
// state stays the single source of truth), and the error line under a field.
#pragma once
#include <optional>
#include <string>

#include "imgui.h"
#include "result.h"

namespace ll::ui {

struct FieldResult {
    bool changed = false;  // `text` differs from the value drawn
    bool entered = false;  // Enter pressed in the field
    std::string text;
};

// `id` keeps the widget's identity stable across languages; `label` is what people read. Secret
// fields (passwords) never put their value in the item tree.
FieldResult text_field(const char* id, const std::string& label, const std::string& value, ImGuiInputTextFlags flags = 0);
// An error, translated where it is known, in the error colour.
void error_line(const Error& error);
// The error under a field, when `error` names `field`.
void field_error(const std::optional<Error>& error, const char* field);

}  // namespace ll::ui
