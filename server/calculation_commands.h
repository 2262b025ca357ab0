// The `entitlement` and `balance` commands: one JSON document on stdin, one on stdout.
// Bad input gives one line on stderr naming the field, exit code 2, and nothing on stdout.
#pragma once
#include <cstdio>

namespace ll::server {

int run_entitlement_command(std::FILE* in, std::FILE* out, std::FILE* err);
int run_balance_command(std::FILE* in, std::FILE* out, std::FILE* err);

}  // namespace ll::server
