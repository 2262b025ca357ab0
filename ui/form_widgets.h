// Form widgets shared by the screens: a labelled text field that reports edits as values (the
// state stays the single source of truth), touch-sized buttons, and the error line under a field.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "imgui.h"
#include "result.h"

namespace ll::ui {

// What a text field holds, so the host can give the phone the right keyboard and let password
// managers recognise the sign-in fields.
enum class TextPurpose { text, email, password, decimal, search };

struct FieldResult {
    bool changed = false;  // `text` differs from the value drawn
    bool entered = false;  // Enter pressed in the field
    std::string text;
};

// `id` keeps the widget's identity stable across languages; `label` is what people read. Secret
// fields (passwords) never put their value in the item tree.
FieldResult text_field(const char* id, const std::string& label, const std::string& value, ImGuiInputTextFlags flags = 0,
                       TextPurpose purpose = TextPurpose::text);
// The purpose of the field being edited in the frame just drawn (text when none).
TextPurpose active_text_purpose();
void reset_active_text_purpose();  // at the start of each frame
// A button a touch target tall and `width` wide (<= 0: the rest of the line). On narrow screens
// its side padding shrinks so the label still fits. Returns true when tapped.
bool touch_button(const std::string& label, float width);
// One of a row of choices (tabs, filters, languages): the current one is drawn pressed and
// tapping it again does nothing. Returns true when another choice is tapped.
bool choice_button(const std::string& label, float width, bool current);
// A checkbox whose row is a touch target tall. Returns true when tapped (`value` is the new state).
bool touch_checkbox(const std::string& label, bool& value);
// Whether `label` fits a touch_button of `width` (with the smallest side padding).
bool fits_button(const std::string& label, float width);
// A row of choice buttons (tabs, filters, languages): `preferred` side by side when every label
// fits, else half as many per line; `current` drawn pressed. Returns the index tapped, or nullopt.
std::optional<size_t> choice_row(const std::vector<std::string>& labels, int preferred, std::optional<size_t> current);
// "‹ 2025 | 2026 | 2027 ›" across the line; `id` keeps the buttons apart between screens. Returns
// the year tapped (never outside first..last), or nullopt.
std::optional<int> year_stepper(const char* id, int year, int first_year, int last_year);
// An error, translated where it is known, in the error colour.
void error_line(const Error& error);
// The error under a field, when `error` names `field`.
void field_error(const std::optional<Error>& error, const char* field);

}  // namespace ll::ui
