// What the app keeps on the device for offline use: who was signed in (without any token), the
// last view of each year, and the trainings waiting to be sent. Encoded with the core wire format.
// Only on a trusted device (signed in with "keep me signed in").
#pragma once
#include <string>
#include <string_view>

#include "app_state.h"

namespace ll::ui {

// Empty when nothing may be kept: the device erases what it had.
std::string offline_snapshot(const AppState& state);
// Whether offline_snapshot() has anything to keep (signed in on a trusted device).
bool keeps_offline_data(const AppState& state);
// Unreadable or foreign text gives an empty restore (never a crash).
OfflineRestored restore_offline(std::string_view snapshot);

}  // namespace ll::ui
