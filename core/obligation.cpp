// Reading and evaluating dated obligations. "As it stood on a date" is bitemporal: valid_from/to
// say when a duty applies, known_from/to say when that version was the law as published.
#include "obligation.h"

#include <algorithm>

#include "json_reader.h"

namespace ll {

using nlohmann::json;

const char* to_string(ObligationTrigger t) {
    switch (t) {
        case ObligationTrigger::worker_joined: return "worker_joined";
        case ObligationTrigger::quarter_end: return "quarter_end";
        case ObligationTrigger::year_start: return "year_start";
        case ObligationTrigger::year_end: return "year_end";
        case ObligationTrigger::fixed_date: return "fixed_date";
    }
    return "";
}

namespace {

std::optional<ObligationTrigger> trigger_from(const std::string& s) {
    for (auto t : {ObligationTrigger::worker_joined, ObligationTrigger::quarter_end, ObligationTrigger::year_start,
                   ObligationTrigger::year_end, ObligationTrigger::fixed_date})
        if (s == to_string(t)) return t;
    return std::nullopt;
}

Result<DeadlineRule> read_deadline(const json& j, const std::string& path) {
    JsonReader r(j, path);
    DeadlineRule d;
    auto days = r.integer("days_after", false, 0, 3660);
    auto months = r.integer("months_after", false, 0, 120);
    auto eom = r.boolean("end_of_month", false);
    auto month = r.integer("month", false, 1, 12);
    auto day = r.integer("day", false, 1, 31);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (month.has_value() != day.has_value())
        return make_error("missing_field", "month and day go together", path + (month ? ".day" : ".month"));
    if (month && CivilDate::days_in_month(2023, static_cast<unsigned>(*month)) < *day)
        return make_error("out_of_range", "no such day in that month", path + ".day");
    d.days_after = static_cast<int>(days.value_or(0));
    d.months_after = static_cast<int>(months.value_or(0));
    d.end_of_month = eom.value_or(false);
    if (month) d.month = static_cast<unsigned>(*month), d.day = static_cast<unsigned>(*day);
    return d;
}

CivilDate add_months(const CivilDate& d, int months) {
    int index = d.year() * 12 + static_cast<int>(d.month()) - 1 + months;
    int year = index / 12;
    unsigned month = static_cast<unsigned>(index % 12 + 1);
    unsigned day = std::min(d.day(), CivilDate::days_in_month(year, month));
    return *CivilDate::from_ymd(year, month, day);
}

}  // namespace

CivilDate Obligation::deadline_for(const CivilDate& trigger_day) const {
    if (deadline.month) return *CivilDate::from_ymd(trigger_day.year(), *deadline.month, *deadline.day);
    CivilDate d = add_months(trigger_day, deadline.months_after);
    if (deadline.end_of_month) d = d.end_of_month();
    return d.plus_days(deadline.days_after);
}

bool Obligation::applies_on(const CivilDate& day, const CivilDate& known_on) const {
    if (day < valid_from || (valid_to && day > *valid_to)) return false;
    if (known_from && known_on < *known_from) return false;
    if (known_to && known_on >= *known_to) return false;
    return true;
}

Result<Obligation> read_obligation(const json& j, const std::string& path) {
    JsonReader r(j, path);
    Obligation o;
    auto id = r.string("id", true, 80);
    auto name = r.string("name", true);
    auto applies_to = r.string("applies_to", true, 20);
    auto min_fte = r.rational("min_fte", false, Rational(0), Rational(1000000), false);
    auto trigger = r.string("trigger", true, 40);
    auto trigger_date = r.date("trigger_date", false);
    const json* deadline = r.member("deadline", true, json::value_t::object);
    auto valid_from = r.date("valid_from", true);
    auto valid_to = r.date("valid_to", false);
    auto known_from = r.date("known_from", false);
    auto known_to = r.date("known_to", false);
    auto action = r.string("action", true, 400);
    auto source = r.string("source", true, 400);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto t = trigger_from(*trigger);
    if (!t) return make_error("out_of_range", "unknown trigger", path + ".trigger");
    if (*t == ObligationTrigger::fixed_date && !trigger_date)
        return make_error("missing_field", "a fixed_date trigger needs trigger_date", path + ".trigger_date");
    if (*applies_to != "employer" && *applies_to != "worker")
        return make_error("out_of_range", "expected \"employer\" or \"worker\"", path + ".applies_to");
    if (valid_to && *valid_to < *valid_from) return make_error("out_of_range", "valid_to is before valid_from", path + ".valid_to");
    if (known_from && known_to && *known_to <= *known_from)
        return make_error("out_of_range", "known_to is not after known_from", path + ".known_to");
    auto d = read_deadline(*deadline, path + ".deadline");
    if (!d) return d.error();
    o.id = *id;
    o.name = *name;
    o.applies_to = *applies_to;
    o.min_fte = min_fte;
    o.trigger = *t;
    o.trigger_date = trigger_date;
    o.deadline = *d;
    o.valid_from = *valid_from;
    o.valid_to = valid_to;
    o.known_from = known_from;
    o.known_to = known_to;
    o.action = *action;
    o.source = *source;
    return o;
}

std::vector<const Obligation*> obligations_on(const std::vector<Obligation>& all, const CivilDate& day,
                                              const CivilDate& known_on) {
    std::vector<const Obligation*> out;
    for (const auto& o : all)
        if (o.applies_on(day, known_on)) out.push_back(&o);
    return out;
}

}  // namespace ll
