// libqrencode's symbol (one byte per module, bit 0 dark) turned into the wire's '0'/'1' rows.
#include "qr_code.h"

#include <memory>

#include <qrencode.h>

namespace ll::server {

std::optional<QrMatrix> qr_matrix(const std::string& text) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
    if (!code) return std::nullopt;
    QrMatrix m;
    m.size = code->width;
    m.modules.resize(static_cast<size_t>(m.size) * m.size);
    for (size_t i = 0; i < m.modules.size(); ++i) m.modules[i] = (code->data[i] & 1) ? '1' : '0';
    return m;
}

}  // namespace ll::server
