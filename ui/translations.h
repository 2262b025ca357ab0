// Translations: gettext .po catalogs for English, Dutch, French and German (assets/i18n), embedded
// at build time; messages keep {name} placeholders; numbers and durations follow the language.
// Keys asked for but missing from a catalog are recorded, so a test can fail on them.
#pragma once
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "civil_date.h"
#include "explanation.h"
#include "rational.h"
#include "result.h"

namespace ll::ui {

enum class Language { en, nl, fr, de };
constexpr Language all_languages[] = {Language::en, Language::nl, Language::fr, Language::de};

const char* code(Language l);          // "nl"
const char* native_name(Language l);   // "Nederlands"
// From a browser or account code: "nl", "nl-BE", "FR_be" -> the language; nullopt if unsupported.
std::optional<Language> language_from(std::string_view code);

struct Message {
    std::string singular;  // msgstr, or msgstr[0]
    std::string plural;    // msgstr[1] when the entry has a plural
};

class Catalog {
public:
    // Parses gettext .po text; errors name the file and line.
    static Result<Catalog> parse(std::string_view po_text, const std::string& file_name);
    const Message* find(std::string_view msgid) const;
    bool plural_is_n_above_one() const { return n_above_one_; }  // French: 0 and 1 are singular
    std::vector<std::string> keys() const;

private:
    std::map<std::string, Message, std::less<>> messages_;
    bool n_above_one_ = false;
};

using Args = std::initializer_list<std::pair<std::string_view, std::string>>;

// The language used by tr() and the formatters (per thread); set once per frame from the app state.
void set_language(Language l);
// Sets the language for a scope (a statement rendered in the worker's language) and restores it.
class LanguageScope {
public:
    explicit LanguageScope(Language l);
    ~LanguageScope();
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;

private:
    Language previous_;
};

// The message in the current language with its placeholders filled; the English text when the key
// is missing (and the key is recorded in missing_keys()).
std::string tr(std::string_view msgid, Args args = {});
// Singular or plural by `n` (en, nl, de: n == 1 is singular; fr: n < 2, so "1,5 jour").
std::string tr_plural(std::string_view singular, std::string_view plural, const Rational& n, Args args = {});
std::string number(const Rational& value, int max_decimals = 2);  // "3,5" in nl/fr/de
std::string duration(long long minutes);                           // "7 h 36 min", "7 u 36 min", ...
std::string days_text(const Rational& days);                        // "3 days", "1 day", "3,5 dagen" (two decimals at most)
std::string date_text(const CivilDate& d);                          // "2028-12-31", "31-12-2028", "31/12/2028", "31.12.2028"
std::string explanation(const ExplanationLine& line);               // a core explanation line, translated
std::string error_message(const Error& e);                         // known errors by code, else the message

const std::set<std::string>& missing_keys();
void clear_missing_keys();
// Every catalog parsed (for tests): language -> catalog, or the first parse error.
Result<std::vector<std::pair<Language, const Catalog*>>> loaded_catalogs();

}  // namespace ll::ui
