// A certificate's picture in a list or a form: the photo scaled into a square three lines tall,
// a sheet marked "PDF" for documents, a plain sheet while loading or when it cannot be had.
#pragma once
#include <string>

#include "app_state.h"

namespace ll::ui {

// `key`: a certificate id, or picked_certificate for the file chosen in the form.
// `side`: the square's size in pixels; 0 for three lines of text (lists).
void draw_certificate_thumbnail(const AppState& s, const std::string& key, float side = 0);

}  // namespace ll::ui
