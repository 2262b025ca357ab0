// Which trainings the history shows for a status choice and typed words: every word must appear
// in the title or the provider, ignoring case and accents ("formacion" finds "Formación").
#pragma once
#include <string>
#include <string_view>

#include "app_state.h"

namespace ll::ui {

bool matches(const HistoryFilter& filter, const EntryRecord& entry);
bool matches(const HistoryFilter& filter, const QueuedTraining& queued);  // waiting on the device
// Lower case without accents for the Latin letters the four languages use; other text unchanged.
std::string search_folded(std::string_view utf8);

}  // namespace ll::ui
