// The kiosk's rules as plain functions of their inputs: the hosts pass the time and the figures,
// so a lockout, a rotation or a site aggregate is the same on the server, in a browser and on a wall.
#include "kiosk.h"

#include <algorithm>

namespace ll::kiosk {

namespace {

bool is_run(std::string_view digits, int step) {
    for (size_t i = 1; i < digits.size(); ++i)
        if (digits[i] - digits[i - 1] != step) return false;
    return true;
}

}  // namespace

Result<std::string> validate_pin(std::string_view pin, const Policy& policy) {
    if (pin.empty()) return make_error("missing_field", "this field is required", "pin");
    if (pin.find_first_not_of("0123456789") != std::string_view::npos) return make_error("invalid_pin", "digits only", "pin");
    const int n = static_cast<int>(pin.size());
    if (n < policy.pin_min_digits || n > policy.pin_max_digits)
        return make_error("invalid_pin",
                          "between " + std::to_string(policy.pin_min_digits) + " and " + std::to_string(policy.pin_max_digits) + " digits",
                          "pin");
    // The PINs tried first by anyone guessing.
    if (is_run(pin, 0) || is_run(pin, 1) || is_run(pin, -1))
        return make_error("weak_pin", "not one digit repeated nor consecutive digits", "pin");
    return std::string(pin);
}

Result<std::string> validate_badge(std::string_view badge) {
    if (badge.empty()) return make_error("missing_field", "this field is required", "badge");
    if (badge.size() > 12) return make_error("too_long", "at most 12 digits", "badge");
    if (badge.find_first_not_of("0123456789") != std::string_view::npos) return make_error("invalid_badge", "digits only", "badge");
    return std::string(badge);
}

std::int64_t seconds_locked(const BadgeLock& lock, std::int64_t now) { return std::max<std::int64_t>(0, lock.locked_until - now); }

BadgeLock after_wrong_pin(BadgeLock lock, std::int64_t now, const Policy& policy) {
    if (++lock.wrong_pins >= policy.max_wrong_pins) {
        lock.wrong_pins = 0;
        lock.locked_until = now + policy.lock_seconds;
    }
    return lock;
}

Slot slot_at(std::int64_t elapsed_ms, int dashboards, int languages, const Policy& policy) {
    dashboards = std::max(1, dashboards);
    languages = std::max(1, languages);
    const std::int64_t slot_ms = std::max(1, policy.slot_seconds) * 1000LL;
    const std::int64_t t = std::max<std::int64_t>(0, elapsed_ms);
    const std::int64_t n = t / slot_ms;
    Slot s;
    s.language = static_cast<int>(n % languages);
    s.dashboard = static_cast<int>((n / languages) % dashboards);
    s.progress = static_cast<double>(t % slot_ms) / static_cast<double>(slot_ms);
    return s;
}

int lookup_seconds_left(std::int64_t idle_ms, const Policy& policy) {
    const std::int64_t left_ms = policy.lookup_seconds * 1000LL - std::max<std::int64_t>(0, idle_ms);
    return left_ms <= 0 ? 0 : static_cast<int>((left_ms + 999) / 1000);
}

SiteProgress site_progress(const std::vector<WorkerYear>& workers, const Policy& policy) {
    SiteProgress p;
    p.workers = static_cast<int>(workers.size());
    for (const auto& w : workers) {
        p.goal_minutes += std::max(0LL, w.right_minutes);
        p.followed_minutes += std::clamp(w.followed_minutes, 0LL, std::max(0LL, w.right_minutes));
    }
    p.shown = p.workers >= policy.min_group;
    if (!p.shown) p.goal_minutes = p.followed_minutes = 0;
    p.percent = p.goal_minutes > 0 ? static_cast<int>(p.followed_minutes * 100 / p.goal_minutes) : 0;
    return p;
}

std::vector<MonthDeadline> deadlines_this_month(const ComplianceReport& report, const CivilDate& today) {
    std::vector<MonthDeadline> out;
    for (const auto& g : report.groups) {
        if (g.status == DutyStatus::done) continue;
        if (g.deadline.year() != today.year() || g.deadline.month() != today.month()) continue;
        out.push_back({g.obligation_id, g.name, g.deadline, g.status, g.done, g.total});
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.deadline < b.deadline; });
    return out;
}

}  // namespace ll::kiosk
