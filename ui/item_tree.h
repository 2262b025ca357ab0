// The semantic item tree: every widget drawn in a frame as {id, role, label, value, rect}.
// Fed by Dear ImGui's test-engine hooks plus helpers for plain text; read by tests and a11y.
#pragma once
#include <string>
#include <string_view>
#include <vector>

struct ImGuiContext;

namespace ll::ui {

struct Item {
    unsigned id = 0;
    std::string role;   // button, textbox, checkbox, treeitem, text, heading, figure
    std::string label;  // visible label without "##id" suffixes
    std::string value;  // displayed value (figures, text), checked state, ...
    float x = 0, y = 0, w = 0, h = 0;  // in Dear ImGui display pixels
    bool clipped = false;  // a button whose label does not fit inside it (a layout defect)
    bool live = false;     // a status message ("Training submitted"): read out when it appears, even off screen
    std::string name;      // what a screen reader says when the label alone is ambiguous ("Approve: Safe lifting, Anna Peeters")
    unsigned table = 0;    // drawn in a table cell: the table's id, the row drawn (0: the header row) and the column
    int row = -1, column = -1;
    bool header = false;   // a cell of the table's header row
    bool operator==(const Item&) const = default;
};

class ItemTree {
public:
    // Routes the hooks of `ctx` into this tree; one tree per context.
    void attach(ImGuiContext* ctx);
    void begin_frame();  // call right after ImGui::NewFrame()
    void end_frame();    // call before ImGui::Render(): publishes the frame's items
    const std::vector<Item>& items() const { return published_; }
    bool changed() const { return changed_; }  // the last frame's items differ from the one before
    // JSON array; coordinates divided by `pixels_per_css_px` so browser tests get CSS pixels.
    std::string to_json(float pixels_per_css_px) const;

    // Hook entry points (called from the ImGuiTestEngineHook_* functions).
    void on_item_add(unsigned id, float x0, float y0, float x1, float y1);
    void on_item_info(unsigned id, const char* label, int status_flags);
    // Records the last submitted item (text drawn by helpers) with a role, label and value.
    void record_last_item(std::string_view role, std::string_view label, std::string_view value, bool live = false);
    // Names the last item drawn with a hidden label ("##E-mail" fields), with its shown value.
    void label_last_item(std::string_view label, std::string_view value = {});
    // Gives the last item drawn a value: "pressed" for the current choice of a row of buttons.
    void set_last_item_value(std::string_view value);
    // Names the last item drawn for screen readers, overriding its subject (see ActsOn).
    void name_last_item(std::string_view name);
    void push_subject(std::string_view subject) { subjects_.emplace_back(subject); }
    void pop_subject() { subjects_.pop_back(); }

private:
    Item* last_item();  // this frame's item of the last submitted id, if it has a role
    Item placed(Item item) const;  // with its table cell and, for controls, its subject

    std::vector<Item> pending_;    // items added this frame, labelled by on_item_info
    std::vector<Item> current_;    // items with a known role this frame
    std::vector<Item> published_;  // the last complete frame
    std::vector<std::string> subjects_;  // what the controls drawn now act on, innermost last
    bool changed_ = true;
};

// While it lives, the buttons and checkboxes drawn are named after what they act on, so a list of
// entries with an "Approve" each reads "Approve: Safe lifting, Anna Peeters", "Approve: First aid,
// Jan Janssens" to a screen reader. The visible labels stay short and lead the name (WCAG 2.5.3).
class ActsOn {
public:
    explicit ActsOn(std::string_view subject);
    ~ActsOn();
    ActsOn(const ActsOn&) = delete;
    ActsOn& operator=(const ActsOn&) = delete;

private:
    ItemTree* tree_;
};

// The tree attached to the current ImGui context (nullptr when none).
ItemTree* current_item_tree();

// Plain-text helpers that draw and record in one call, so figures reach the tree. Text wraps at
// the window's edge unless a narrower wrap position is pushed.
void text(std::string_view s);
void heading(std::string_view s);
// Text in the theme's muted colour (details under a title, sources, hints).
void muted_text(std::string_view s);
// The outcome of what the person just did ("Sent: ... is waiting for approval"), announced by
// screen readers (a live region in the browser).
void status_message(std::string_view s);
// A labelled figure: small caption above a large value; both recorded as one "figure" item.
void figure(std::string_view label, std::string_view value);

}  // namespace ll::ui
