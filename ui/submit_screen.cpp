// Validation runs as the user types (the core's decoder, as on the server), so the button only
// sends what will be accepted; the error names the field and shows under it.
#include "submit_screen.h"

#include <string>

#include "certificate_thumbnail.h"
#include "form_widgets.h"
#include "imgui.h"
#include "item_tree.h"
#include "submit_form.h"
#include "theme.h"
#include "translations.h"

namespace ll::ui {
namespace {

void field(const char* id, const std::string& label, const std::string& value, FormField which, const SubmitForm& form,
           const char* error_field, std::vector<Action>& out, ImGuiInputTextFlags flags = 0) {
    auto r = text_field(id, label, value, flags,
                        (flags & ImGuiInputTextFlags_CharsDecimal) != 0 ? TextPurpose::decimal : TextPurpose::text);
    if (r.changed) out.push_back(EditForm{which, r.text});
    field_error(form.error, error_field);
    ImGui::Spacing();
}

void type_choice(const SubmitForm& form, std::vector<Action>& out) {
    text(tr("Type"));
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    for (const char* type : {"formal", "informal"}) {
        if (std::string(type) == "informal") ImGui::SameLine();
        const std::string label = tr(std::string("type.") + type) + "##type-" + type;
        if (choice_button(label, w, form.training_type == type)) out.push_back(SetTrainingType{type});
    }
    ImGui::Spacing();
}

void certificate(const AppState& s, std::vector<Action>& out) {
    const SubmitForm& form = s.submit;
    text(tr("Certificate"));
    if (form.certificate_name.empty()) {
        if (touch_button(tr("Add a photo or file") + "##certificate", 0))
            out.push_back(PickCertificate{});
    } else {
        const float remove_w = ImGui::CalcTextSize(tr("Remove").c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
        draw_certificate_thumbnail(s, picked_certificate);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - remove_w - ImGui::GetStyle().ItemSpacing.x);
        text(form.certificate_name);
        ImGui::PopTextWrapPos();
        ImGui::SameLine(ImGui::GetContentRegionMax().x - remove_w);
        if (touch_button(tr("Remove") + "##remove-certificate", remove_w))
            out.push_back(ClearCertificate{});
    }
    field_error(form.error, "certificate");
    ImGui::Spacing();
}

}  // namespace

void draw_sent_notice(const SubmitForm& form) {
    if (form.sent_title) status_message(tr("Sent: \"{title}\" is waiting for approval.", {{"title", *form.sent_title}}));
}

void draw_submit_tab(const AppState& s, std::vector<Action>& out) {
    const SubmitForm& form = s.submit;
    draw_sent_notice(form);
    if (form.queued_title) {
        status_message(tr("Saved: \"{title}\" will be sent when you are back online.", {{"title", *form.queued_title}}));
    }
    heading(tr("Submit a training"));
    field("##title", tr("Title"), form.title, FormField::title, form, "title", out);
    field("##provider", tr("Provider"), form.provider, FormField::provider, form, "provider", out);
    type_choice(form, out);
    field("##date", tr("Date (YYYY-MM-DD)"), form.date, FormField::date, form, "date", out);
    field("##end-date", tr("Last day, if more than one (optional)"), form.end_date, FormField::end_date, form, "end_date", out);
    FieldResult hours, minutes;
    if (ImGui::BeginTable("##duration", 2)) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        hours = text_field("##hours", tr("Hours"), form.hours, ImGuiInputTextFlags_CharsDecimal, TextPurpose::decimal);
        ImGui::TableSetColumnIndex(1);
        minutes = text_field("##minutes", tr("Minutes"), form.minutes, ImGuiInputTextFlags_CharsDecimal, TextPurpose::decimal);
        ImGui::EndTable();
    }
    if (hours.changed) out.push_back(EditForm{FormField::hours, hours.text});
    if (minutes.changed) out.push_back(EditForm{FormField::minutes, minutes.text});
    field_error(form.error, "hours");
    field_error(form.error, "minutes");
    ImGui::Spacing();
    field("##cost", tr("Cost in euros (optional)"), form.cost, FormField::cost, form, "cost", out, ImGuiInputTextFlags_CharsDecimal);
    certificate(s, out);
    field("##certificate-valid-until", tr("Certificate valid until (optional, YYYY-MM-DD)"), form.certificate_valid_until,
          FormField::certificate_valid_until, form, "certificate_valid_until", out);

    // The preview, computed by the core from the year shown and what was typed.
    if (auto valid = validate_submission(form); valid && s.view) {
        text(tr("After approval: {duration} left in {year}",
                {{"duration", duration(remaining_if_approved(*s.view, valid->training.date, valid->training.minutes))},
                 {"year", std::to_string(s.view->year)}}));
    }
    if (form.error && form.error->field.empty()) error_line(*form.error);
    ImGui::BeginDisabled(form.busy);
    const std::string send = tr(form.busy ? "Sending..." : "Send for approval") + "##send";
    if (touch_button(send, 0)) out.push_back(SubmitTraining{});
    ImGui::EndDisabled();
}

}  // namespace ll::ui
