# Native host: the learnledger server/CLI binary and the native test suites (g++).
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)  # Debian ships it as a compiled library
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(CRYPTO REQUIRED IMPORTED_TARGET libcrypto)  # SHA-256 (OpenSSL, with cpp-httplib)
pkg_check_modules(ZLIB REQUIRED IMPORTED_TARGET zlib)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)  # the printed statement
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)           # the team table as .xlsx
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)                     # reminders by e-mail (SMTP)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)             # the kiosk's QR code
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS context)  # the request fibers (server/request_fiber.cpp)

# Schema migrations: SQL files embedded into the binary, applied in order at start.
set(LL_MIGRATIONS)
foreach(migration 001_initial 002_accounts_and_ledger 003_session_persistence 004_erasure 005_fulfilments 006_social_balance 007_reminders 008_training_plan 009_kiosk 010_delegations_by_approver 011_approvers_by_person 012_workers_by_department)
  set(out "${CMAKE_BINARY_DIR}/generated/migration_${migration}.cpp")
  string(SUBSTRING ${migration} 0 3 number)
  string(SUBSTRING ${migration} 4 -1 name)
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${CMAKE_SOURCE_DIR}/server/migrations/${migration}.sql -DOUTPUT=${out}
            -DSYMBOL=m${number}_${name} -DNAMESPACE=ll::server::migrations -P ${CMAKE_SOURCE_DIR}/cmake/embed_text.cmake
    DEPENDS "${CMAKE_SOURCE_DIR}/server/migrations/${migration}.sql" "${CMAKE_SOURCE_DIR}/cmake/embed_text.cmake")
  list(APPEND LL_MIGRATIONS "${out}")
endforeach()

add_library(ll_server STATIC
  server/sqlite_db.cpp server/sqlite_store.cpp server/sqlite_group_commit.cpp server/wal_checkpointer.cpp server/sqlite_store_people.cpp server/sqlite_store_ledger.cpp
  server/sqlite_store_notifications.cpp server/sqlite_store_plans.cpp server/sqlite_store_journal.cpp server/sqlite_store_kiosk.cpp server/sqlite_backup.cpp
  server/auth.cpp server/api_support.cpp server/api_session.cpp server/api_workers.cpp server/api_entries.cpp
  server/api_admin.cpp server/answer_compression.cpp server/http_api.cpp server/api_privacy.cpp server/api_workspace.cpp server/api_exports.cpp server/api_imports.cpp server/csv_text.cpp server/worker_figures.cpp server/api_statements.cpp server/statement_html.cpp server/statement_pdf.cpp server/team_workbook.cpp server/smtp_mailer.cpp server/reminder_run.cpp server/api_notifications.cpp server/api_training_plan.cpp server/api_kiosk.cpp server/api_training_sessions.cpp server/qr_code.cpp server/event_loop_server.cpp server/request_fiber.cpp server/access_log.cpp server/calculation_commands.cpp server/demo_data.cpp server/static_files.cpp
  ${LL_MIGRATIONS})
target_include_directories(ll_server PUBLIC "${CMAKE_SOURCE_DIR}/server")
# A translation unit of its own: its sanitizer macros and Boost.Context's headers stay out of the others'.
set_source_files_properties(server/request_fiber.cpp PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
target_link_libraries(ll_server PUBLIC ll_text PkgConfig::PANGOCAIRO PkgConfig::XLSXWRITER PkgConfig::CURL PkgConfig::QRENCODE PkgConfig::SQLITE3 PkgConfig::HTTPLIB PkgConfig::SODIUM PkgConfig::CRYPTO PkgConfig::ZLIB Boost::context Threads::Threads)

add_executable(learnledger server/main.cpp)
target_link_libraries(learnledger PRIVATE ll_server)
# jemalloc for the server: 64 request threads on glibc's malloc spent a quarter of their time in it,
# contending for its arenas (bench/RESULTS.md). The sanitizer tree keeps the sanitizer's allocator.
option(LL_JEMALLOC "link the server with jemalloc" ON)
if(LL_JEMALLOC)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
  target_link_libraries(learnledger PRIVATE PkgConfig::JEMALLOC)
endif()
set_target_properties(learnledger PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")

file(GLOB LL_CORE_TESTS CONFIGURE_DEPENDS tests/core/*.cpp)
add_executable(test_core ${LL_CORE_TESTS})
target_link_libraries(test_core PRIVATE ll_core)
add_test(NAME core COMMAND test_core)

file(GLOB LL_UI_TESTS CONFIGURE_DEPENDS tests/ui/*.cpp)
add_executable(test_ui ${LL_UI_TESTS} web/api_client.cpp web/workspace_requests.cpp web/kiosk_account_requests.cpp web/kiosk_client.cpp)
target_include_directories(test_ui PRIVATE web)
target_link_libraries(test_ui PRIVATE ll_ui)
add_test(NAME ui COMMAND test_ui)

# Server suites start the real binary on a free loopback port with a temporary database; the store's
# own suites (group commit) use the SQLite store in process.
file(GLOB LL_SERVER_TESTS CONFIGURE_DEPENDS tests/server/*.cpp)
add_executable(test_server ${LL_SERVER_TESTS})
target_include_directories(test_server PRIVATE tests/server)
target_link_libraries(test_server PRIVATE ll_server PkgConfig::HTTPLIB PkgConfig::SQLITE3 Threads::Threads)
target_compile_definitions(test_server PRIVATE LL_SERVER_BINARY="$<TARGET_FILE:learnledger>")
add_dependencies(test_server learnledger)
add_test(NAME server COMMAND test_server)

# Benchmarks (bench/run): built with the native tree so they always compile; the sanitizer tree,
# which only runs the suites, leaves them out (LL_BENCH=OFF).
option(LL_BENCH "build the benchmarks" ON)
if(LL_BENCH)
  add_executable(bench_core_balances bench/core_balances.cpp)
  target_link_libraries(bench_core_balances PRIVATE ll_core PkgConfig::SQLITE3)
  add_executable(bench_server_load bench/server_load.cpp tests/server/server_process.cpp tests/server/load_client.cpp)
  target_include_directories(bench_server_load PRIVATE tests/server)
  target_link_libraries(bench_server_load PRIVATE ll_core PkgConfig::HTTPLIB PkgConfig::SQLITE3 Threads::Threads)
  target_compile_definitions(bench_server_load PRIVATE LL_SERVER_BINARY="$<TARGET_FILE:learnledger>" LL_BENCH_DIR="${CMAKE_SOURCE_DIR}/bench")
  add_dependencies(bench_server_load learnledger)
  add_executable(bench_payroll_import bench/payroll_import.cpp tests/server/server_process.cpp tests/server/load_client.cpp)
  target_include_directories(bench_payroll_import PRIVATE tests/server)
  target_link_libraries(bench_payroll_import PRIVATE ll_core PkgConfig::HTTPLIB PkgConfig::SQLITE3 Threads::Threads)
  target_compile_definitions(bench_payroll_import PRIVATE LL_SERVER_BINARY="$<TARGET_FILE:learnledger>")
  add_dependencies(bench_payroll_import learnledger)
endif()

# learnledger-kiosk: the kiosk display as a native full-screen program (GLFW + OpenGL from Debian),
# from the same ui/ screens and kiosk client as the browser's /?kiosk.
pkg_check_modules(GLFW REQUIRED IMPORTED_TARGET glfw3)
pkg_check_modules(LIBPNG REQUIRED IMPORTED_TARGET libpng)
find_package(OpenGL REQUIRED)
add_library(imgui_native_backends STATIC
  ${LL_IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${LL_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_link_libraries(imgui_native_backends PUBLIC imgui PkgConfig::GLFW OpenGL::GL)
target_compile_options(imgui_native_backends PRIVATE -w)
set_target_properties(imgui_native_backends PROPERTIES UNITY_BUILD OFF)
add_executable(learnledger_kiosk server/kiosk_display.cpp web/kiosk_client.cpp web/api_client.cpp web/workspace_requests.cpp
               web/kiosk_account_requests.cpp)
target_include_directories(learnledger_kiosk PRIVATE "${CMAKE_SOURCE_DIR}/web")
target_link_libraries(learnledger_kiosk PRIVATE ll_ui imgui_native_backends PkgConfig::HTTPLIB PkgConfig::LIBPNG Threads::Threads)
set_target_properties(learnledger_kiosk PROPERTIES OUTPUT_NAME learnledger-kiosk)

# The server suite runs the native kiosk under Xvfb and reads its screenshot.
target_link_libraries(test_server PRIVATE PkgConfig::LIBPNG)
target_compile_definitions(test_server PRIVATE LL_KIOSK_BINARY="$<TARGET_FILE:learnledger_kiosk>")
add_dependencies(test_server learnledger_kiosk)
