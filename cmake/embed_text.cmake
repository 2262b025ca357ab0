# Turns a text file into a C++ source defining `std::string_view <SYMBOL>()`, so shipped data
# (rule sets) is part of every binary, native and wasm, without file I/O in the core.
# Usage: cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=name -DNAMESPACE=ns -P embed_text.cmake
file(READ "${INPUT}" content)
string(FIND "${content}" ")__EMBED__" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed_text.cmake; do not edit.\n"
"#include <string_view>\n"
"namespace ${NAMESPACE} {\n"
"std::string_view ${SYMBOL}() {\n"
"    static constexpr const char text[] = R\"__EMBED__(${content})__EMBED__\";\n"
"    return {text, sizeof text - 1};\n"
"}\n"
"}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
