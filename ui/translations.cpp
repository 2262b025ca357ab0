// A small reader for the parts of the gettext .po format the catalogs use (msgid, msgid_plural,
// msgstr, msgstr[n], continued strings, escapes, comments) and the lookup used by every screen.
#include "translations.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <mutex>
#include <optional>

namespace ll::ui {

namespace catalogs {
std::string_view en_po();  // generated from assets/i18n/*.po
std::string_view nl_po();
std::string_view fr_po();
std::string_view de_po();
}  // namespace catalogs

const char* code(Language l) {
    switch (l) {
        case Language::en: return "en";
        case Language::nl: return "nl";
        case Language::fr: return "fr";
        case Language::de: return "de";
    }
    return "en";
}

const char* native_name(Language l) {
    switch (l) {
        case Language::en: return "English";
        case Language::nl: return "Nederlands";
        case Language::fr: return "Fran\u00e7ais";
        case Language::de: return "Deutsch";
    }
    return "English";
}

std::optional<Language> language_from(std::string_view text) {
    std::string primary;
    for (char c : text) {
        if (c == '-' || c == '_') break;
        primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (Language l : all_languages)
        if (primary == code(l)) return l;
    return std::nullopt;
}

namespace {

// A quoted .po string: "..." with \n \t \" \\ escapes.
std::optional<std::string> unquote(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::nullopt;
    std::string out;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
        char c = s[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i + 1 > s.size() - 1) return std::nullopt;
        switch (s[i]) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            default: return std::nullopt;
        }
    }
    return out;
}

}  // namespace

Result<Catalog> Catalog::parse(std::string_view text, const std::string& file_name) {
    Catalog c;
    std::string msgid, plural_id, msgstr0, msgstr1;
    std::string* target = nullptr;
    bool has_entry = false;
    auto flush = [&]() {
        if (!has_entry) return;
        if (msgid.empty()) {
            c.n_above_one_ = msgstr0.find("plural=(n > 1)") != std::string::npos;
        } else {
            c.messages_[msgid] = Message{msgstr0, msgstr1};
        }
        msgid.clear();
        plural_id.clear();
        msgstr0.clear();
        msgstr1.clear();
        has_entry = false;
        target = nullptr;
    };
    size_t line_no = 0, pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        auto fail = [&](const char* why) {
            return make_error("invalid_catalog", file_name + ":" + std::to_string(line_no) + ": " + why, "catalog");
        };
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.empty() || line.front() == '#' || line == "\r") continue;
        auto keyword_value = [&](std::string_view keyword) -> std::optional<std::string> {
            if (line.rfind(keyword, 0) != 0 || line.size() <= keyword.size() || line[keyword.size()] != ' ') return std::nullopt;
            return unquote(line.substr(keyword.size() + 1));
        };
        if (line.front() == '"') {
            auto more = unquote(line);
            if (!more || !target) return fail("a continued string belongs after msgid or msgstr");
            *target += *more;
        } else if (auto v = keyword_value("msgid")) {
            flush();
            has_entry = true;
            msgid = *v;
            target = &msgid;
        } else if (auto p = keyword_value("msgid_plural")) {
            plural_id = *p;
            target = &plural_id;
        } else if (auto s0 = keyword_value("msgstr")) {
            msgstr0 = *s0;
            target = &msgstr0;
        } else if (auto s00 = keyword_value("msgstr[0]")) {
            msgstr0 = *s00;
            target = &msgstr0;
        } else if (auto s1 = keyword_value("msgstr[1]")) {
            msgstr1 = *s1;
            target = &msgstr1;
        } else {
            return fail("expected msgid, msgid_plural, msgstr or a quoted string");
        }
        if (!has_entry) return fail("msgstr before msgid");
    }
    flush();
    return c;
}

const Message* Catalog::find(std::string_view msgid) const {
    auto it = messages_.find(msgid);
    return it == messages_.end() || it->second.singular.empty() ? nullptr : &it->second;
}

std::vector<std::string> Catalog::keys() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : messages_) out.push_back(k);
    return out;
}

namespace {

std::string_view po_text(Language language) {
    switch (language) {
        case Language::en: return catalogs::en_po();
        case Language::nl: return catalogs::nl_po();
        case Language::fr: return catalogs::fr_po();
        case Language::de: return catalogs::de_po();
    }
    return {};
}

// A language's catalog is parsed when it is first asked for, once (the server's threads may ask
// together): the app starts in one language, and parsing all four cost its first frame 15-29 ms.
const Result<Catalog>& parsed_catalog(Language language) {
    struct Parsed {
        std::once_flag once;
        std::optional<Result<Catalog>> catalog;
    };
    static Parsed parsed[std::size(all_languages)];
    Parsed& p = parsed[static_cast<std::size_t>(language)];
    std::call_once(p.once, [&] { p.catalog = Catalog::parse(po_text(language), std::string("assets/i18n/") + code(language) + ".po"); });
    return *p.catalog;
}

// Per thread: the server renders statements in several languages at once.
thread_local Language active = Language::en;
thread_local std::set<std::string> missing;

const Catalog* active_catalog() {
    const auto& c = parsed_catalog(active);
    return c ? &*c : nullptr;
}

bool uses_decimal_comma() { return active != Language::en; }

std::string fill(std::string_view tpl, Args args) {
    std::vector<std::pair<std::string, std::string>> named;
    for (const auto& [k, v] : args) named.emplace_back(std::string(k), v);
    return fill_template(tpl, named);
}

const Message* lookup(std::string_view msgid) {
    const Catalog* c = active_catalog();
    const Message* m = c ? c->find(msgid) : nullptr;
    if (!m) missing.insert(std::string(code(active)) + ":" + std::string(msgid));
    return m;
}

// Numbers inside neutral text ("52.3", "80") use the language's decimal separator.
std::string localise_decimals(const std::string& s) {
    if (!uses_decimal_comma()) return s;
    std::string out = s;
    for (size_t i = 1; i + 1 < out.size(); ++i)
        if (out[i] == '.' && std::isdigit(static_cast<unsigned char>(out[i - 1])) && std::isdigit(static_cast<unsigned char>(out[i + 1])))
            out[i] = ',';
    return out;
}

// Durations arrive as "1 d 3 h 48 min" from the core; the unit words are translated.
std::string localise_duration(const std::string& s) {
    std::string out, word;
    auto emit = [&]() {
        if (word == "d" || word == "h" || word == "min") {
            out += tr(std::string("unit.") + word);
        } else {
            out += word;
        }
        word.clear();
    };
    for (char c : s) {
        if (c == ' ') {
            emit();
            out += ' ';
        } else {
            word += c;
        }
    }
    emit();
    return out;
}

// Explanation arguments as the language writes them: durations and bases translated, decimals
// with the language's separator; titles, dates and rule-set names as they are.
std::string localise_arg(const std::string& name, const std::string& value) {
    if (name == "duration" || name == "shortfall") return localise_duration(value);
    if (name == "basis") return value == "legal" ? tr("basis.legal") : tr("basis.sector", {{"code", value.substr(value.find(' ') + 1)}});
    if (name == "reason") return tr("termination." + value);
    if (name == "date")
        if (auto d = CivilDate::parse(value)) return date_text(*d);
    if (name == "title" || name == "rule_set" || name == "date") return value;
    return localise_decimals(value);
}

}  // namespace

void set_language(Language l) { active = l; }
const std::set<std::string>& missing_keys() { return missing; }
void clear_missing_keys() { missing.clear(); }

Result<std::vector<std::pair<Language, const Catalog*>>> loaded_catalogs() {
    std::vector<std::pair<Language, const Catalog*>> out;
    for (Language language : all_languages) {
        const auto& c = parsed_catalog(language);
        if (!c) return c.error();
        out.emplace_back(language, &*c);
    }
    return out;
}

std::string tr(std::string_view msgid, Args args) {
    const Message* m = lookup(msgid);
    return fill(m ? std::string_view(m->singular) : msgid, args);
}

std::string tr_plural(std::string_view singular, std::string_view plural, const Rational& n, Args args) {
    const Message* m = lookup(singular);
    const Catalog* c = active_catalog();
    // French counts below two as singular ("1,5 jour"); English, Dutch and German only exactly one.
    bool one = c && c->plural_is_n_above_one() ? n < Rational(2) : n == Rational(1);
    if (!m) return fill(one ? singular : plural, args);
    return fill(one || m->plural.empty() ? m->singular : m->plural, args);
}

std::string number(const Rational& value, int max_decimals) { return localise_decimals(value.to_decimal(max_decimals)); }

std::string duration(long long minutes) { return localise_duration(format_minutes(minutes)); }

std::string days_text(const Rational& days) { return tr_plural("{n} day", "{n} days", days, {{"n", number(days)}}); }

LanguageScope::LanguageScope(Language l) : previous_(active) { active = l; }
LanguageScope::~LanguageScope() { active = previous_; }

// Day first with each language's usual separator; English keeps ISO 8601, which reads the same
// everywhere and matches the core's English explanation lines.
std::string date_text(const CivilDate& d) {
    if (active == Language::en) return d.iso();
    char buf[16];
    const char* format = active == Language::nl ? "%02u-%02u-%04d" : active == Language::de ? "%02u.%02u.%04d" : "%02u/%02u/%04d";
    std::snprintf(buf, sizeof buf, format, d.day(), d.month(), d.year());
    return buf;
}

std::string explanation(const ExplanationLine& line) {
    const Message* m = lookup(line.key);
    if (!m) return render_english(line);
    std::vector<std::pair<std::string, std::string>> localised;
    for (const auto& [k, v] : line.args) localised.emplace_back(k, localise_arg(k, v));
    return fill_template(m->singular, localised);
}

std::string error_message(const Error& e) {
    if (e.code == "offline") return tr("error.offline");
    if (e.code == "invalid_credentials") return tr("error.invalid_credentials");
    if (e.code == "throttled") return tr("error.throttled");
    if (e.code == "busy") return tr("error.busy");
    if (e.code == "session_expired" || e.code == "unauthenticated") return tr("error.session_lost");
    if (e.field == "email") return tr("error.email_required");
    if (e.field == "password") return tr("error.password_required");
    if (e.field == "hours" || e.field == "minutes") return tr("error.duration");
    if (e.field == "cost") return tr("error.cost");
    if (e.field == "end_date") return tr("error.end_date");
    if (e.field == "certificate_valid_until" && e.code == "out_of_range") return tr("error.certificate_valid_until");
    if (e.field == "certificate" || e.field == "certificate_id" || e.code == "unsupported_media_type" || e.code == "too_large")
        return tr("error.certificate");
    if (e.code == "invalid_date") return tr("error.invalid_date");
    if (e.code == "conflict" && e.field == "badge") return tr("error.badge_taken");
    for (const char* code : {"invalid_pin", "weak_pin", "session_full", "session_past", "already_enrolled", "no_badge"})
        if (e.code == code) return tr("error." + std::string(code));
    if (e.code == "missing_field") return tr("error.required");
    return e.message;  // the server's own words (English) for the rare rest
}

}  // namespace ll::ui
