// The browser as a kiosk display (/?kiosk): the same wasm as the app, another state and frame
// loop. The app's exports hand their calls here while the page is a kiosk.
#pragma once
#include <string_view>

namespace ll::web {

int run_kiosk();  // instead of the app's main loop
void kiosk_wake(int frames);
double kiosk_frames();
bool kiosk_idle();
const char* kiosk_items_json();
void kiosk_http_done(int request_id, int status, std::string_view body);
void kiosk_online();

}  // namespace ll::web
