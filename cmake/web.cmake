# WebAssembly host (em++ 3.1.6): the Dear ImGui app for the browser and the core suite under node.
# Links to .js (Debian's emcc cannot emit .html at -O1+); the project's own index.html loads it.
set(LL_WEB_OUT "${CMAKE_BINARY_DIR}/app")
set(LL_FONT "${CMAKE_BINARY_DIR}/fonts/Inter-Regular.otf")

# Fonts from Debian's fonts-inter, subset to the glyphs the four languages need.
# Debian's python3-fonttools, run by Debian's python (a pyenv python on PATH would lack it).
find_program(DEBIAN_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
add_custom_command(
  OUTPUT "${LL_FONT}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fonts"
  COMMAND ${DEBIAN_PYTHON} -m fontTools.subset /usr/share/fonts/opentype/inter/Inter-Regular.otf
          --unicodes=U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+25CF
          --layout-features= --no-hinting --desubroutinize --output-file=${LL_FONT}
  COMMENT "Subsetting the Inter font")

# In one translation unit clang inlined all of stb_truetype into ImFontAtlasBuildWithStbTruetype, a
# 25 KB function that turned hot while the first frame rasterised its fonts: Chromium then spent
# 600 ms of a core compiling it with its optimising tier, in the middle of the start-up. Apart,
# the rasteriser's hot loops are small functions, quick to optimise.
target_compile_definitions(imgui PRIVATE IMGUI_DISABLE_STB_TRUETYPE_IMPLEMENTATION IMGUI_DISABLE_STB_RECT_PACK_IMPLEMENTATION)
target_sources(imgui PRIVATE "${CMAKE_SOURCE_DIR}/web/stb_truetype.cpp")
set_source_files_properties(web/stb_truetype.cpp PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

add_library(imgui_backends STATIC
  ${LL_IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${LL_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_link_libraries(imgui_backends PUBLIC imgui)
target_compile_definitions(imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_compile_options(imgui_backends PRIVATE -w)
# In one unity batch the GLFW header would bring desktop GL ahead of the ES3 loader.
set_target_properties(imgui_backends PROPERTIES UNITY_BUILD OFF)

add_executable(learnledger_web web/main.cpp web/imgui_surface.cpp web/kiosk_host.cpp web/kiosk_client.cpp web/web_platform.cpp web/api_client.cpp
               web/workspace_requests.cpp web/kiosk_account_requests.cpp "${LL_FONT}")
target_link_libraries(learnledger_web PRIVATE ll_ui imgui_backends)
set_target_properties(learnledger_web PROPERTIES OUTPUT_NAME learnledger SUFFIX ".js"
                      RUNTIME_OUTPUT_DIRECTORY "${LL_WEB_OUT}")
# The browser half of the host, one concept a file; runtime.js first (the others use it).
set(LL_PRE_JS)
set(LL_PRE_JS_OPTIONS)
foreach(script runtime gl_state_shadow glfw_touch_patch device_store text_agent certificates file_exchange fetch_bridge frame_wakeups navigation
               credentials a11y_mirror app_face)
  list(APPEND LL_PRE_JS "${CMAKE_SOURCE_DIR}/web/js/${script}.js")
  list(APPEND LL_PRE_JS_OPTIONS "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/web/js/${script}.js")  # SHELL: keeps repeated flags
endforeach()
# Binaryen inlines every function that has one caller, whatever its size: draw_app_frame and all
# the screens ended in frame(), 113 KB of wasm that Chromium compiled (lazily, on first call) before
# the first frame could start, 70-90 ms. Kept apart, a screen's code is compiled when first drawn.
# WebGL 2 has in its core all the app draws with: enabling every extension the browser offers (a
# dozen getExtension calls, each a wait for the GPU process) cost the start 30-60 ms.
target_link_options(learnledger_web PRIVATE
  -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=1000 -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sFULL_ES3=1
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web -sMALLOC=emmalloc
  -sEXPORTED_FUNCTIONS=_main,_app_wake,_app_frames,_app_idle,_app_items_json,_app_http_done,_app_viewport_changed,_app_text_input,_app_text_key,_app_file_picked,_app_import_picked,_app_theme,_app_online,_app_credential,_app_frame_ms,_app_thumbnail,_app_route,_malloc,_free,_app_run_frames,_app_activate_item,_app_reveal_item,_app_release_text,_app_gl_context
  -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString
  ${LL_PRE_JS_OPTIONS}
  --preload-file ${CMAKE_BINARY_DIR}/fonts@/fonts)
set_property(TARGET learnledger_web APPEND PROPERTY LINK_DEPENDS ${LL_PRE_JS}
             "${CMAKE_SOURCE_DIR}/web/service-worker.js" "${CMAKE_SOURCE_DIR}/index.html" "${CMAKE_SOURCE_DIR}/assets/manifest.webmanifest")

# The bundle the server serves: index.html, the app, the service-free static files, gzip copies.
add_custom_command(TARGET learnledger_web POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_SOURCE_DIR}/index.html ${LL_WEB_OUT}/index.html
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_SOURCE_DIR}/assets/icon.svg ${CMAKE_SOURCE_DIR}/assets/icon-maskable.svg
          ${CMAKE_SOURCE_DIR}/assets/manifest.webmanifest ${CMAKE_SOURCE_DIR}/web/service-worker.js ${LL_WEB_OUT}/
  COMMAND gzip -9 -k -f -n ${LL_WEB_OUT}/learnledger.js ${LL_WEB_OUT}/learnledger.wasm ${LL_WEB_OUT}/learnledger.data
          ${LL_WEB_OUT}/index.html ${LL_WEB_OUT}/icon.svg ${LL_WEB_OUT}/icon-maskable.svg ${LL_WEB_OUT}/manifest.webmanifest
          ${LL_WEB_OUT}/service-worker.js
  COMMENT "Assembling the web bundle in ${LL_WEB_OUT}")

# The core suite compiled by em++ and run under node (doctest's REQUIRE needs -fexceptions).
file(GLOB LL_CORE_TESTS CONFIGURE_DEPENDS tests/core/*.cpp)
add_executable(test_core ${LL_CORE_TESTS})
target_link_libraries(test_core PRIVATE ll_core)
target_compile_options(test_core PRIVATE -fexceptions)
target_link_options(test_core PRIVATE -fexceptions -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=node -sEXIT_RUNTIME=1)
set_target_properties(test_core PROPERTIES SUFFIX ".js")
add_test(NAME core_wasm COMMAND /usr/bin/node --no-experimental-fetch $<TARGET_FILE:test_core>)
