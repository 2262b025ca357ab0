// A PIN field that shows dots and is emptied once saved; a new display's token shown once, in
// full, with what to do with it; trainings with places as a plain list with one button each.
#include "kiosk_account_screen.h"

#include <algorithm>

#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "kiosk_account_update.h"
#include "theme.h"
#include "translations.h"
#include "workspace_update.h"

namespace ll::ui {
namespace {

void act(std::vector<Action>& out, KioskAccountAction a) { out.push_back(WorkspaceAction{std::move(a)}); }

void draw_badge(const KioskAccountState& k, std::vector<Action>& out) {
    heading(tr("Your kiosk badge"));
    if (!k.badge.badge) return muted_text(tr("HR has not given you a badge yet."));
    text(tr("Badge {badge}", {{"badge", *k.badge.badge}}));
    text(k.badge.pin_set ? tr("Your PIN is set. Type your badge number and PIN on a kiosk to see your training days.")
                         : tr("Choose a PIN to see your training days on a kiosk."));
    if (k.badge.locked_seconds > 0)
        text(tr("Your badge is locked for {minutes} more minutes after wrong PINs.",
                {{"minutes", std::to_string((k.badge.locked_seconds + 59) / 60)}}));
    FieldResult pin = text_field("##kiosk-pin", tr("New PIN (4 to 8 digits)"), k.pin, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal,
                                 TextPurpose::password);
    if (pin.changed) act(out, EditPin{pin.text});
    ImGui::BeginDisabled(k.saving_pin || k.pin.empty());
    if (touch_button(tr(k.saving_pin ? "Saving..." : "Save PIN") + "##save-pin", 0) || (pin.entered && !k.pin.empty())) act(out, SavePin{});
    ImGui::EndDisabled();
    if (k.pin_saved) status_message(tr("PIN saved."));
}

void draw_session(const AppState& s, const PlannedSession& p, std::vector<Action>& out) {
    const KioskAccountState& k = s.workspace.kiosk;
    const TrainingSession& t = p.session;
    ImGui::Separator();
    heading(t.title);
    text(date_text(t.date) + " \u00b7 " + time_of_day(t.start_minute) + " \u00b7 " + duration(t.minutes) + " \u00b7 " + t.site);
    const int free = free_places(t);
    muted_text(free == 0 ? tr("Full") : free == 1 ? tr("1 place free") : tr("{count} places free", {{"count", std::to_string(free)}}));
    const bool busy = k.busy.count(t.id) > 0;
    const ActsOn subject(t.title + ", " + date_text(t.date));
    ImGui::BeginDisabled(busy);
    if (p.mine) {
        text(tr("You have a place."));
        if (touch_button(tr("Give back my place") + "##give-" + t.id, 0)) act(out, TakePlace{t.id, false});
    } else if (free > 0 && !s.session->worker_id.empty()) {
        if (touch_button(tr("Take a place") + "##take-" + t.id, 0)) act(out, TakePlace{t.id, true});
    }
    if (may_manage_kiosks(s) && touch_button(tr("Cancel this training") + "##cancel-" + t.id, 0)) act(out, CancelSession{t.id});
    ImGui::EndDisabled();
}

void draw_plan_form(const KioskAccountState& k, std::vector<Action>& out) {
    heading(tr("Plan a training with places"));
    SessionDraft d = k.draft;
    bool changed = false;
    auto field = [&](const char* id, const std::string& label, std::string& value, ImGuiInputTextFlags flags = 0) {
        FieldResult r = text_field(id, label, value, flags);
        if (r.changed) {
            value = r.text;
            changed = true;
        }
    };
    field("##session-site", tr("Site"), d.site);
    field("##session-title", tr("Title"), d.title);
    field("##session-date", tr("Date (YYYY-MM-DD)"), d.date);
    field("##session-start", tr("Starts at (HH:MM)"), d.start);
    field("##session-minutes", tr("Minutes"), d.minutes, ImGuiInputTextFlags_CharsDecimal);
    field("##session-places", tr("Places"), d.places, ImGuiInputTextFlags_CharsDecimal);
    if (changed) act(out, EditSessionDraft{d});
    ImGui::BeginDisabled(k.planning);
    if (touch_button(tr(k.planning ? "Sending..." : "Plan") + "##plan-session", 0)) act(out, PlanSession{});
    ImGui::EndDisabled();
}

void draw_devices(const KioskAccountState& k, std::vector<Action>& out) {
    heading(tr("Kiosk displays"));
    if (k.new_token) {
        status_message(tr("Display created. Open learnledger at /?kiosk on the display and paste this token; it is shown only now:"));
        text(*k.new_token);
        if (touch_button(tr("Done") + "##token-done", 0)) act(out, DismissToken{});
    }
    for (const auto& d : k.devices) {
        ImGui::Separator();
        std::string languages;
        for (const auto& l : d.languages)
            if (auto lang = language_from(l)) languages += (languages.empty() ? "" : ", ") + std::string(native_name(*lang));
        text(d.site + (languages.empty() ? "" : " \u00b7 " + languages));
        if (d.revoked) {
            muted_text(tr("Revoked"));
            continue;
        }
        ImGui::BeginDisabled(k.busy.count(d.id) > 0);
        const ActsOn subject(d.site + (languages.empty() ? "" : " \u00b7 " + languages));
        if (touch_button(tr("Revoke") + "##revoke-" + d.id, 0)) act(out, RevokeDevice{d.id});
        ImGui::EndDisabled();
    }
    ImGui::Spacing();
    FieldResult site = text_field("##device-site", tr("Site of a new display"), k.new_site);
    if (site.changed) act(out, EditNewDevice{site.text});
    muted_text(tr("Languages it shows, in turn"));
    for (Language l : all_languages) {
        bool on = std::find(k.new_languages.begin(), k.new_languages.end(), code(l)) != k.new_languages.end();
        if (touch_checkbox(std::string(native_name(l)) + "##device-language-" + code(l), on)) act(out, ToggleDeviceLanguage{code(l)});
    }
    ImGui::BeginDisabled(k.creating_device);
    if (touch_button(tr(k.creating_device ? "Sending..." : "Create display") + "##create-device", 0)) act(out, CreateDevice{});
    ImGui::EndDisabled();
}

}  // namespace

void draw_kiosk_account_screen(const AppState& s, std::vector<Action>& out) {
    const KioskAccountState& k = s.workspace.kiosk;
    if (!may_open(s, Section::approvals) && touch_button(tr("\u2039 My right") + "##kiosk-back", 0))
        out.push_back(WorkspaceAction{SelectSection{Section::mine}});
    heading(tr("Kiosk"));
    if (k.error) error_line(*k.error);
    if (!s.session->worker_id.empty()) {
        draw_badge(k, out);
        ImGui::Spacing();
    }
    heading(tr("Trainings with free places"));
    if (k.load == LoadState::loading && k.sessions.empty()) text(tr("Loading..."));
    if (k.load == LoadState::loaded && k.sessions.empty()) muted_text(tr("No trainings with places are planned."));
    for (const auto& p : k.sessions) draw_session(s, p, out);
    if (!may_manage_kiosks(s)) return;
    ImGui::Spacing();
    draw_plan_form(k, out);
    ImGui::Spacing();
    draw_devices(k, out);
}

}  // namespace ll::ui
