// CSV text for downloads: RFC 4180 quoting with a chosen separator, a UTF-8 byte-order mark so
// spreadsheet programs read accents, and cells that a spreadsheet would run as formulas made inert.
#pragma once
#include <string>
#include <vector>

namespace ll::server {

std::string csv_text(const std::vector<std::vector<std::string>>& rows, char separator = ';');

}  // namespace ll::server
