// Credentials and tokens: argon2id password hashes, random 256-bit tokens (stored only as SHA-256),
// and login throttling per account and per address. All randomness and hashing is libsodium's.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace ll::server {

std::string hash_password(const std::string& password);  // crypto_pwhash_str (argon2id)
bool verify_password(const std::string& hash, const std::string& password);
// An argon2id hash, with hash_password's limits, of 32 random bytes since forgotten: checking a
// password against it takes as long as against an account's and matches nothing. A constant, not a
// static hashed on first use: a fiber waiting inside a static's initializer would block every other
// fiber of its thread that reaches the same static.
extern const std::string decoy_password_hash;
std::string random_token();  // 32 random bytes, base64url without padding

// Counts failures in a sliding window; after `max_failures` the key is refused for `lockout`.
class LoginThrottle {
public:
    LoginThrottle(int max_failures, std::int64_t window_seconds, std::int64_t lockout_seconds)
        : max_failures_(max_failures), window_(window_seconds), lockout_(lockout_seconds) {}
    // Seconds until `key` may try again; 0 when allowed.
    std::int64_t wait_seconds(const std::string& key, std::int64_t now);
    void failure(const std::string& key, std::int64_t now);
    void success(const std::string& key);

private:
    struct State {
        int failures = 0;
        std::int64_t window_start = 0, locked_until = 0;
    };
    int max_failures_;
    std::int64_t window_, lockout_;
    std::mutex mutex_;
    std::map<std::string, State> states_;
};

}  // namespace ll::server
