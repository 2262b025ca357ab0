// Hours and minutes are typed apart ("3" and "30"); the cost in euros with a comma or a point.
// Anything the decoder refuses comes back with the same field name the server would use.
#include "submit_form.h"

#include <nlohmann/json.hpp>

#include "rational.h"
#include "requests.h"

namespace ll::ui {
namespace {

std::optional<long long> whole_number(const std::string& text) {
    if (text.empty()) return 0;
    if (text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(text);
}

std::optional<long long> cents(std::string text) {
    if (text.empty()) return 0;
    for (char& c : text)
        if (c == ',') c = '.';
    auto r = Rational::parse_decimal(text);
    if (!r || *r < Rational(0)) return std::nullopt;
    auto c = r->times(Rational(100));
    if (!c || c->den() != 1) return std::nullopt;  // no fractions of a cent
    return c->num();
}

}  // namespace

Result<ValidSubmission> validate_submission(const SubmitForm& form) {
    auto hours = whole_number(form.hours);
    if (!hours) return make_error("wrong_type", "hours are a whole number", "hours");
    auto minutes = whole_number(form.minutes);
    if (!minutes || *minutes > 59) return make_error("out_of_range", "minutes are 0 to 59", "minutes");
    auto cost = cents(form.cost);
    if (!cost) return make_error("wrong_type", "the cost is an amount in euros", "cost");
    nlohmann::json body = {{"title", form.title},
                           {"provider", form.provider},
                           {"training_type", form.training_type},
                           {"date", form.date},
                           {"minutes", *hours * 60 + *minutes},
                           {"cost_cents", *cost}};
    if (!form.end_date.empty()) body["end_date"] = form.end_date;
    if (!form.certificate_valid_until.empty()) body["certificate_valid_until"] = form.certificate_valid_until;
    auto training = requests::training(body);
    if (!training) {
        Error e = training.error();
        if (e.field == "minutes") e.field = "hours";  // the form's duration starts at the hours field
        if (e.field == "cost_cents") e.field = "cost";
        return e;
    }
    return ValidSubmission{body.dump(), *training};
}

}  // namespace ll::ui
