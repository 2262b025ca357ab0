// The form to submit a training: what, who gave it, formal or informal, when, how long, what it
// cost, and a certificate photo or file; a preview of the balance before anything is sent.
#pragma once
#include <vector>

#include "app_state.h"

namespace ll::ui {

void draw_submit_tab(const AppState& state, std::vector<Action>& out);
// "Sent: ... is waiting for approval", announced, on the form and on the history it leads to.
void draw_sent_notice(const SubmitForm& form);

}  // namespace ll::ui
