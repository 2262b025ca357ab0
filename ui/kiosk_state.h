// What a kiosk display holds and how it changes: pairing, the last board (kept while offline),
// polling with back-off, the keypad's badge and PIN, and a worker's lookup that signs out by
// itself. Time comes from the host (`KioskClock`); the host turns commands into requests.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk.h"
#include "kiosk_wire.h"
#include "message_variant.h"
#include "result.h"
#include "translations.h"

namespace ll::ui {

struct KioskClock {
    std::int64_t now_ms = 0;  // monotonic, milliseconds
    int local_minute = 0;     // local time of day, minutes after midnight (for "offline since 14:05")
};

enum class KioskEntry { badge, pin };

struct KioskState {
    kiosk::Policy policy;
    Language fallback_language = Language::nl;  // before the first board names the site's languages
    bool paired = false;
    std::string token_field;
    std::optional<Error> pair_error;

    std::optional<KioskBoard> board;
    std::int64_t cursor = 0;          // the sync feed's position the board reflects
    std::int64_t board_loaded_ms = 0;
    std::int64_t rotation_start_ms = 0;
    bool request_in_flight = false;   // a board or sync request
    std::int64_t next_poll_ms = 0;
    int failures = 0;                 // in a row: the retry waits longer each time
    std::optional<int> offline_since;  // local minute the connection was lost

    KioskEntry entry = KioskEntry::badge;
    std::string badge, pin;            // typed on the keypad; the PIN is dropped once sent
    bool looking_up = false;
    std::optional<Error> lookup_error;
    std::optional<KioskLookup> lookup;  // a worker's own year, shown until sign-out
    // The language on screen when the first digit was typed, kept while the keypad holds anything:
    // the words do not change to another language under a typing finger.
    std::optional<Language> keypad_language;
    std::int64_t last_touch_ms = 0;
    bool reduce_motion = false;
};

// From the screen.
struct KioskDigit {
    char digit = '0';
};
struct KioskErase {};
struct KioskConfirm {};
struct KioskCancel {};   // back from the PIN to the badge, or clear the badge
struct KioskSignOut {};
struct KioskTouched {};  // any touch: keeps a lookup open
struct KioskEditToken {
    std::string text;
};
struct KioskPair {};
// From the host: time passing, and answers (status 0: no answer at all).
struct KioskTick {};
struct KioskBoardAnswer {
    int status = 0;
    std::optional<KioskBoard> board;
};
struct KioskSyncAnswer {
    int status = 0;
    std::int64_t cursor = 0;
    bool changed = false;
};
struct KioskLookupAnswer {
    int status = 0;
    std::optional<KioskLookup> lookup;
    std::optional<Error> error;
};
struct KioskAction : std::variant<KioskDigit, KioskErase, KioskConfirm, KioskCancel, KioskSignOut, KioskTouched, KioskEditToken, KioskPair,
                                  KioskTick, KioskBoardAnswer, KioskSyncAnswer, KioskLookupAnswer> {
    LL_MESSAGE_VARIANT(KioskAction);
};

// To the host.
struct KioskFetchBoard {};
struct KioskFetchSync {
    std::int64_t cursor = 0;
};
struct KioskSendLookup {
    std::string badge, pin;
};
struct KioskRememberToken {
    std::string token;
};
struct KioskForgetToken {};
struct KioskCommand : std::variant<KioskFetchBoard, KioskFetchSync, KioskSendLookup, KioskRememberToken, KioskForgetToken> {
    LL_MESSAGE_VARIANT(KioskCommand);
};

constexpr std::int64_t kiosk_poll_ms = 15'000;           // the sync feed, while online
constexpr std::int64_t kiosk_board_refresh_ms = 300'000;  // the whole board, at least this often
constexpr std::int64_t kiosk_retry_max_ms = 60'000;

// A display with a stored token starts fetching; one without shows the pairing screen.
KioskState kiosk_initial_state(bool paired, Language fallback, const KioskClock& clock);
std::vector<KioskCommand> kiosk_update(KioskState& s, const KioskAction& a, const KioskClock& clock);

// The languages the display alternates (the board's, else the fallback).
std::vector<Language> kiosk_languages(const KioskState& s);
// The language of what is on screen now: the worker's during a lookup, the keypad's while someone
// types, else the rotation's.
Language kiosk_language_now(const KioskState& s, const KioskClock& clock);
constexpr int kiosk_dashboards = 4;  // progress, trainings with places, deadlines, the app's QR code
kiosk::Slot kiosk_slot(const KioskState& s, const KioskClock& clock);

}  // namespace ll::ui
