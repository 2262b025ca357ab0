// Runs a Debian tool over bytes the server sent (pdftotext over a PDF, unzip over an .xlsx): the
// bytes go to a temporary file, the tool's standard output comes back.
#pragma once
#include <string>

namespace ll::test {

// Runs "`before` <file> `after`" through the shell with the file holding `bytes`; empty on failure.
std::string tool_output(const std::string& before, const std::string& bytes, const std::string& after = "");

}  // namespace ll::test
