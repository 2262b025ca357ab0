// libsodium's interactive argon2id limits keep a login around a tenth of a second on 2 cores:
// slow for guessing, quick enough for people.
#include "auth.h"

#include <sodium.h>

#include "request_fiber.h"

namespace ll::server {

// Both run aside from a request's fiber (request_fiber.h): the other requests on its thread would
// wait the tenth of a second.
std::string hash_password(const std::string& password) {
    char out[crypto_pwhash_STRBYTES];
    int hashed = -1;
    run_aside([&] {
        hashed = crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_MEMLIMIT_INTERACTIVE);
    });
    if (hashed != 0) return {};
    return out;
}

const std::string decoy_password_hash = "$argon2id$v=19$m=65536,t=2,p=1$GjTygGzqRnyZLPm70Iw9kg$uFTKp/ZagjBiY7jA+QEx65ojmJ7e7Wgvyn6aJAqmiFA";

bool verify_password(const std::string& hash, const std::string& password) {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    bool matches = false;
    run_aside([&] { matches = crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0; });
    return matches;
}

std::string random_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

std::int64_t LoginThrottle::wait_seconds(const std::string& key, std::int64_t now) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = states_.find(key);
    if (it == states_.end() || it->second.locked_until <= now) return 0;
    return it->second.locked_until - now;
}

void LoginThrottle::failure(const std::string& key, std::int64_t now) {
    std::lock_guard<std::mutex> lock(mutex_);
    State& s = states_[key];
    if (now - s.window_start > window_) s = State{0, now, s.locked_until};
    if (++s.failures >= max_failures_) {
        s.locked_until = now + lockout_;
        s.failures = 0;
        s.window_start = now;
    }
    // Bounded memory under a flood of distinct keys: forget the oldest quiet entries.
    if (states_.size() > 100000) {
        for (auto it = states_.begin(); it != states_.end();)
            it = (it->second.locked_until <= now && now - it->second.window_start > window_) ? states_.erase(it) : ++it;
    }
}

void LoginThrottle::success(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = states_.find(key);
    if (it != states_.end()) states_.erase(it);
}

}  // namespace ll::server
