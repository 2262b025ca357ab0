// Entry point of the headless UI suite: Dear ImGui runs without a window or GPU here.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
