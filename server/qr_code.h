// QR codes for kiosk boards, encoded with libqrencode; the client draws the modules itself, so
// no image format travels and the code stays sharp at any display size.
#pragma once
#include <optional>
#include <string>

#include "kiosk_wire.h"

namespace ll::server {

// The code for `text` at error-correction level M; nullopt when it cannot be encoded (too long).
std::optional<QrMatrix> qr_matrix(const std::string& text);

}  // namespace ll::server
