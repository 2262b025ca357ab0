// The app's kiosk section on the wire: which API call each of its commands is, and which action
// each answer becomes. Plain C++, tested natively like the other workspace requests.
#pragma once
#include <string>
#include <string_view>

#include "api_client.h"

namespace ll::web {

HttpRequest kiosk_account_request(const ui::KioskAccountCommand& command, const std::string& csrf_token);
ui::Action kiosk_account_answer(const ui::KioskAccountCommand& command, int status, std::string_view body);

}  // namespace ll::web
