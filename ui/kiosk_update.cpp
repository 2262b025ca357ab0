// The kiosk's update step: every change of a display's state in one place, so the browser and
// the native program behave alike and the headless tests drive it without a server.
#include "kiosk_state.h"

#include <algorithm>

#include "overloaded.h"

namespace ll::ui {

namespace {

void reset_keypad(KioskState& s) {
    s.entry = KioskEntry::badge;
    s.badge.clear();
    s.pin.clear();
}

void sign_out(KioskState& s) {
    s.lookup.reset();
    s.lookup_error.reset();
    reset_keypad(s);
}

// The answer arrived: online again, or one more failure and a longer wait before the next try.
void connection(KioskState& s, bool ok, const KioskClock& clock) {
    s.request_in_flight = false;
    if (ok) {
        s.failures = 0;
        s.offline_since.reset();
        s.next_poll_ms = clock.now_ms + kiosk_poll_ms;
        return;
    }
    if (!s.offline_since) s.offline_since = clock.local_minute;
    ++s.failures;
    const std::int64_t wait = std::min<std::int64_t>(kiosk_retry_max_ms, 2000LL << std::min(s.failures - 1, 5));
    s.next_poll_ms = clock.now_ms + wait;
}

void unpair(KioskState& s, std::vector<KioskCommand>& out) {
    s = KioskState{s.policy, s.fallback_language};
    s.pair_error = make_error("unauthenticated", "This display is no longer paired. Ask HR for a new kiosk token.");
    out.push_back(KioskForgetToken{});
}

void poll(KioskState& s, const KioskClock& clock, std::vector<KioskCommand>& out) {
    if (!s.paired || s.request_in_flight || clock.now_ms < s.next_poll_ms) return;
    s.request_in_flight = true;
    if (!s.board || clock.now_ms - s.board_loaded_ms >= kiosk_board_refresh_ms) out.push_back(KioskFetchBoard{});
    else out.push_back(KioskFetchSync{s.cursor});
}

void tick(KioskState& s, const KioskClock& clock, std::vector<KioskCommand>& out) {
    // A lookup, or a half-typed badge or PIN, does not outlive the person who walked away.
    const bool personal = s.lookup || !s.badge.empty() || !s.pin.empty() || s.lookup_error;
    if (personal && !s.looking_up && kiosk::lookup_seconds_left(clock.now_ms - s.last_touch_ms, s.policy) == 0) sign_out(s);
    poll(s, clock, out);
}

void confirm(KioskState& s, std::vector<KioskCommand>& out) {
    if (s.looking_up) return;
    if (s.entry == KioskEntry::badge) {
        if (!s.badge.empty()) s.entry = KioskEntry::pin;
        return;
    }
    if (static_cast<int>(s.pin.size()) < s.policy.pin_min_digits) return;
    s.looking_up = true;
    out.push_back(KioskSendLookup{s.badge, s.pin});
    s.pin.clear();  // held no longer than the request needs it
}

void digit(KioskState& s, char d) {
    if (s.looking_up || s.lookup || d < '0' || d > '9') return;
    s.lookup_error.reset();
    std::string& field = s.entry == KioskEntry::badge ? s.badge : s.pin;
    const size_t max = s.entry == KioskEntry::badge ? 12 : static_cast<size_t>(s.policy.pin_max_digits);
    if (field.size() < max) field.push_back(d);
}

void lookup_answer(KioskState& s, const KioskLookupAnswer& a, const KioskClock& clock, std::vector<KioskCommand>& out) {
    s.looking_up = false;
    s.last_touch_ms = clock.now_ms;
    if (a.status == 401 && (!a.error || a.error->code != "wrong_pin")) return unpair(s, out);
    if (a.status == 200 && a.lookup) {
        s.lookup = *a.lookup;
        s.lookup_error.reset();
        reset_keypad(s);
        return;
    }
    s.lookup_error = a.status == 0 ? make_error("offline", "The display is offline; try again in a moment.")
                                   : a.error.value_or(make_error("lookup_failed", "The lookup did not work; try again."));
    // A locked badge starts again from the badge; a wrong PIN is typed again.
    if (s.lookup_error->code != "wrong_pin") reset_keypad(s);
}

}  // namespace

KioskState kiosk_initial_state(bool paired, Language fallback, const KioskClock& clock) {
    KioskState s;
    s.paired = paired;
    s.fallback_language = fallback;
    s.rotation_start_ms = clock.now_ms;
    s.next_poll_ms = clock.now_ms;
    return s;
}

std::vector<KioskCommand> kiosk_update(KioskState& s, const KioskAction& a, const KioskClock& clock) {
    std::vector<KioskCommand> out;
    std::visit(Overloaded{
                   [&](const KioskDigit& d) {
                       if (!s.keypad_language && !s.lookup) s.keypad_language = kiosk_language_now(s, clock);
                       digit(s, d.digit);
                   },
                   [&](const KioskErase&) {
                       std::string& field = s.entry == KioskEntry::badge ? s.badge : s.pin;
                       if (!field.empty()) field.pop_back();
                   },
                   [&](const KioskConfirm&) { confirm(s, out); },
                   [&](const KioskCancel&) {
                       s.lookup_error.reset();
                       if (s.entry == KioskEntry::pin) {
                           s.entry = KioskEntry::badge;
                           s.pin.clear();
                       } else {
                           s.badge.clear();
                       }
                   },
                   [&](const KioskSignOut&) { sign_out(s); },
                   [&](const KioskTouched&) {},
                   [&](const KioskEditToken& e) { s.token_field = e.text.substr(0, 200); },
                   [&](const KioskPair&) {
                       const auto first = s.token_field.find_first_not_of(" \t\r\n");
                       if (first == std::string::npos) {
                           s.pair_error = make_error("missing_field", "Paste the kiosk token HR received.", "token");
                           return;
                       }
                       const auto last = s.token_field.find_last_not_of(" \t\r\n");
                       out.push_back(KioskRememberToken{s.token_field.substr(first, last - first + 1)});
                       s.token_field.clear();
                       s.pair_error.reset();
                       s.paired = true;
                       s.next_poll_ms = clock.now_ms;
                   },
                   [&](const KioskTick&) { tick(s, clock, out); },
                   [&](const KioskBoardAnswer& b) {
                       if (b.status == 401) return unpair(s, out);
                       connection(s, b.status == 200 && b.board, clock);
                       if (b.status == 200 && b.board) {
                           if (!s.board) s.rotation_start_ms = clock.now_ms;
                           s.board = *b.board;
                           s.board_loaded_ms = clock.now_ms;
                       }
                   },
                   [&](const KioskSyncAnswer& y) {
                       if (y.status == 401) return unpair(s, out);
                       connection(s, y.status == 200, clock);
                       if (y.status != 200) return;
                       s.cursor = y.cursor;
                       if (y.changed) {  // fetch the board at once
                           s.next_poll_ms = clock.now_ms;
                           s.board_loaded_ms = clock.now_ms - kiosk_board_refresh_ms;
                       }
                   },
                   [&](const KioskLookupAnswer& l) { lookup_answer(s, l, clock, out); },
               },
               a);
    if (!std::holds_alternative<KioskTick>(a) && !std::holds_alternative<KioskBoardAnswer>(a) && !std::holds_alternative<KioskSyncAnswer>(a))
        s.last_touch_ms = clock.now_ms;
    tick(s, clock, out);
    const bool keypad_in_use = !s.badge.empty() || !s.pin.empty() || s.entry == KioskEntry::pin || s.lookup_error || s.looking_up;
    if (!keypad_in_use) s.keypad_language.reset();
    return out;
}

std::vector<Language> kiosk_languages(const KioskState& s) {
    std::vector<Language> out;
    if (s.board)
        for (const auto& code : s.board->languages)
            if (auto l = language_from(code)) out.push_back(*l);
    if (out.empty()) out.push_back(s.fallback_language);
    return out;
}

kiosk::Slot kiosk_slot(const KioskState& s, const KioskClock& clock) {
    return kiosk::slot_at(clock.now_ms - s.rotation_start_ms, kiosk_dashboards, static_cast<int>(kiosk_languages(s).size()), s.policy);
}

Language kiosk_language_now(const KioskState& s, const KioskClock& clock) {
    if (s.lookup)
        if (auto l = language_from(s.lookup->language)) return *l;
    if (s.keypad_language) return *s.keypad_language;
    const auto languages = kiosk_languages(s);
    return languages[static_cast<size_t>(kiosk_slot(s, clock).language) % languages.size()];
}

}  // namespace ll::ui
