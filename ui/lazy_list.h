// A vertical list of entries of varying height that lays out only what is on screen: an entry
// outside the visible part of the page is replaced by empty space of the height it had when last
// drawn at this width, so a history of hundreds of trainings costs about as much as a dozen.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>

namespace ll::ui {

// `key(i)` names entry i stably (its id), so heights survive filtering and reloading;
// `draw(i)` draws it.
void lazy_list(const char* id, std::size_t count, const std::function<std::string_view(std::size_t)>& key,
               const std::function<void(std::size_t)>& draw);

}  // namespace ll::ui
