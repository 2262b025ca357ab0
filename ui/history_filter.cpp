// Folding is done by a table over U+00C0-U+017F (Latin-1 and Latin Extended-A), which covers the
// accents of Dutch, French and German names; characters outside it are compared as they are.
#include "history_filter.h"

#include <cstdint>
#include <optional>

namespace ll::ui {
namespace {

// The unaccented lower-case letter for U+00C0 + i; '?' keeps the character as it is.
constexpr std::string_view latin_base =
    "aaaaaa?ceeeeiiii?nooooo??uuuuy??aaaaaa?ceeeeiiii?nooooo??uuuuy?y"
    "aaaaaaccccccccdd??eeeeeeeeeegggggggghh??iiiiiiiii???jjkk?llllll?"
    "???nnnnnn???oooooo??rrrrrrsssssssstttt??uuuuuuuuuuuuwwyyyzzzzzz?";

// Decodes one two-byte UTF-8 sequence at `i`, or nullopt (one byte, three or four bytes, broken).
std::optional<std::uint32_t> two_byte_code_point(std::string_view s, size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if ((lead & 0xE0) != 0xC0 || i + 1 >= s.size()) return std::nullopt;
    const auto next = static_cast<unsigned char>(s[i + 1]);
    if ((next & 0xC0) != 0x80) return std::nullopt;
    return ((lead & 0x1Fu) << 6) | (next & 0x3Fu);
}

bool contains_every_word(const std::string& haystack, std::string_view words) {
    size_t i = 0;
    while (i < words.size()) {
        while (i < words.size() && words[i] == ' ') ++i;
        size_t end = words.find(' ', i);
        if (end == std::string_view::npos) end = words.size();
        if (end > i && haystack.find(words.substr(i, end - i)) == std::string::npos) return false;
        i = end;
    }
    return true;
}

bool matches_text(const HistoryFilter& filter, const std::string& title, const std::string& provider) {
    const std::string words = search_folded(filter.search);
    return contains_every_word(search_folded(title) + '\n' + search_folded(provider), words);
}

}  // namespace

std::string search_folded(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        const char c = utf8[i];
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            ++i;
            continue;
        }
        if (auto cp = two_byte_code_point(utf8, i); cp && *cp >= 0xC0 && *cp < 0xC0 + latin_base.size() &&
                                                     latin_base[*cp - 0xC0] != '?') {
            out += latin_base[*cp - 0xC0];
            i += 2;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

bool matches(const HistoryFilter& filter, const EntryRecord& entry) {
    if (filter.status && entry.entry.status != *filter.status) return false;
    return matches_text(filter, entry.entry.title, entry.provider);
}

bool matches(const HistoryFilter& filter, const QueuedTraining& queued) {
    if (filter.status && *filter.status != EntryStatus::submitted) return false;  // waiting counts as pending
    return matches_text(filter, queued.title, "");
}

}  // namespace ll::ui
