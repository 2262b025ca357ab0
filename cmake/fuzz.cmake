# libFuzzer targets (clang; the sanitizer tree, preset "asan", builds them): one per parser of outside input, in tests/fuzz/, each with
# seeds in tests/fuzz/corpus/<name>/ and crash regressions in tests/fuzz/regressions/<name>/.
foreach(name requests rule_set balance identifiers csv_import)
  add_executable(fuzz_${name} tests/fuzz/fuzz_${name}.cpp)
  target_link_libraries(fuzz_${name} PRIVATE ll_core)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
endforeach()
add_executable(fuzz_http tests/fuzz/fuzz_http.cpp tests/server/wire_connection.cpp)
target_include_directories(fuzz_http PRIVATE tests/server)
target_link_libraries(fuzz_http PRIVATE ll_server)
target_link_options(fuzz_http PRIVATE -fsanitize=fuzzer)
