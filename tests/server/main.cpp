// Entry point of the server suite: real `learnledger` processes over loopback, real SQLite files.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
