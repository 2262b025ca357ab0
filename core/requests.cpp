// Each decoder reads every field through JsonReader, then checks the relations between fields
// (end after start, minutes within the days covered), so stored data is always consistent.
#include "requests.h"

#include <algorithm>

#include "json_reader.h"
#include "kiosk.h"
#include "national_number.h"
#include "rule_set.h"
#include "wire.h"

namespace ll::requests {

using nlohmann::json;

bool is_language(std::string_view code) { return code == "en" || code == "nl" || code == "fr" || code == "de"; }

bool is_training_type(std::string_view t) { return t == "formal" || t == "informal" || t == "initial"; }

std::optional<std::string> normalized_email(std::string_view email) {
    std::string out;
    for (char c : email) {
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return std::nullopt;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    auto at = out.find('@');
    if (out.size() > 254 || at == std::string::npos || at == 0 || out.find('@', at + 1) != std::string::npos) return std::nullopt;
    auto dot = out.find('.', at);
    if (dot == std::string::npos || dot == at + 1 || dot + 1 >= out.size()) return std::nullopt;
    return out;
}

Result<Login> login(const json& j) {
    JsonReader r(j);
    auto email = r.string("email", true, 254);
    auto password = r.string("password", true, 1024);
    auto remember = r.boolean("remember", false);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto normalized = normalized_email(*email);
    if (!normalized) return make_error("wrong_type", "expected an e-mail address", "email");
    return Login{*normalized, *password, remember.value_or(true)};
}

Result<TrainingSubmission> training(const json& j) {
    JsonReader r(j);
    TrainingSubmission t;
    auto worker = r.string("worker_id", false, 64);
    auto title = r.string("title", true, 200);
    auto provider = r.string("provider", false, 200);
    auto type = r.string("training_type", false, 16);
    auto date = r.date("date", true);
    auto end = r.date("end_date", false);
    auto minutes = r.integer("minutes", true, 1, max_minutes_per_day * 366);
    auto counts = r.boolean("counts_for_right", false);
    auto cost = r.integer("cost_cents", false, 0, max_amount_cents);
    auto fund = r.integer("fund_cents", false, 0, max_amount_cents);
    auto subsidy = r.integer("subsidy_cents", false, 0, max_amount_cents);
    auto certificate = r.string("certificate_id", false, 64);
    auto valid_until = r.date("certificate_valid_until", false);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (valid_until && *valid_until < *date)
        return make_error("out_of_range", "the certificate would expire before the training", "certificate_valid_until");
    if (title->find_first_not_of(" \t") == std::string::npos) return make_error("missing_field", "a title is required", "title");
    if (type && !is_training_type(*type)) return make_error("out_of_range", "expected formal, informal or initial", "training_type");
    if (end && *end < *date) return make_error("out_of_range", "end_date is before date", "end_date");
    long long days = end ? date->days_until(*end) + 1 : 1;
    if (*minutes > days * max_minutes_per_day)
        return make_error("out_of_range", "more than 24 hours a day for the days covered", "minutes");
    t.worker_id = worker.value_or("");
    t.title = *title;
    t.provider = provider.value_or("");
    t.training_type = type.value_or("formal");
    t.date = *date;
    t.end_date = end;
    t.minutes = *minutes;
    t.counts_for_right = counts.value_or(true);
    t.cost_cents = cost.value_or(0);
    t.fund_cents = fund.value_or(0);
    t.subsidy_cents = subsidy.value_or(0);
    t.certificate_id = certificate.value_or("");
    t.certificate_valid_until = valid_until;
    return t;
}

EntryRecord training_entry(const TrainingSubmission& t) {
    EntryRecord e;
    e.entry = LedgerEntry{"", EntryKind::training, EntryStatus::draft, t.date, t.minutes, t.title, t.counts_for_right};
    e.end_date = t.end_date;
    e.provider = t.provider;
    e.training_type = t.training_type;
    e.certificate_id = t.certificate_id;
    e.certificate_valid_until = t.certificate_valid_until;
    e.cost_cents = t.cost_cents;
    e.fund_cents = t.fund_cents;
    e.subsidy_cents = t.subsidy_cents;
    return e;
}

Result<CorrectionRequest> correction(const json& j) {
    JsonReader r(j);
    auto worker = r.string("worker_id", true, 64);
    auto date = r.date("date", true);
    auto minutes = r.integer("minutes", true, -max_minutes_per_day * 366, max_minutes_per_day * 366);
    auto why = r.string("reason", true, 500);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (*minutes == 0) return make_error("out_of_range", "a correction changes the balance by at least one minute", "minutes");
    if (why->find_first_not_of(" \t") == std::string::npos) return make_error("missing_field", "a correction needs a reason", "reason");
    return CorrectionRequest{*worker, *why, *date, *minutes};
}

Result<EmploymentPeriod> employment_period(const json& j) {
    auto list = wire::employment_from_json(json::array({j}), "employment");
    if (!list) {
        Error e = list.error();
        if (e.field.rfind("employment[0].", 0) == 0) e.field = e.field.substr(14);
        return e;
    }
    return list->front();
}

Result<WorkerChange> worker(const json& j, bool create) {
    JsonReader r(j);
    WorkerChange w;
    w.display_name = r.string("display_name", create, 200);
    w.department_id = r.string("department_id", false, 64);
    w.joint_committee = r.string("joint_committee", false, 16);
    w.language = r.string("language", false, 2);
    auto nn = r.string("national_number", false, 32);
    w.gender = r.string("gender", false, 8);
    w.site = r.string("site", false, 100);
    bool has_termination = j.is_object() && j.contains("termination");
    const json* termination = r.member("termination", false, json::value_t::object);
    const json* employment = create ? r.member("employment", true, json::value_t::array) : nullptr;
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (w.display_name && w.display_name->find_first_not_of(" \t") == std::string::npos)
        return make_error("missing_field", "a name is required", "display_name");
    if (w.joint_committee && !w.joint_committee->empty() && !is_joint_committee_code(*w.joint_committee))
        return make_error("wrong_type", "expected a joint committee code like 200 or 305.02.09", "joint_committee");
    if (w.language && !is_language(*w.language)) return make_error("out_of_range", "expected en, nl, fr or de", "language");
    if (w.gender && *w.gender != "female" && *w.gender != "male" && !w.gender->empty())
        return make_error("out_of_range", "expected female, male or empty", "gender");
    if (nn) {
        auto parsed = NationalNumber::parse(*nn, "national_number");
        if (!parsed) return parsed.error();
        w.national_number = parsed->digits();
    }
    if (has_termination) {
        w.termination = std::optional<Termination>();
        if (termination) {
            auto t = wire::termination_from_json(*termination, "termination");
            if (!t) return t.error();
            w.termination = std::optional<Termination>(*t);
        }
    }
    if (employment) {
        auto periods = wire::employment_from_json(*employment, "employment");
        if (!periods) return periods.error();
        w.employment = std::move(*periods);
    }
    return w;
}

Result<Delegation> delegation(const json& j) {
    JsonReader r(j);
    auto approver = r.string("approver_id", false, 64);
    auto delegate = r.string("delegate_id", true, 64);
    auto from = r.date("from", true);
    auto to = r.date("to", true);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (*to < *from) return make_error("out_of_range", "to is before from", "to");
    if (from->days_until(*to) > 366) return make_error("out_of_range", "a delegation lasts at most a year", "to");
    return Delegation{approver.value_or(""), *delegate, *from, *to};
}

Result<std::string> reason(const json& j, bool required) {
    JsonReader r(j);
    auto text = r.string("reason", required, 500);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    return text.value_or("");
}

Result<std::string> comment(const json& j) {
    JsonReader r(j);
    auto text = r.string("text", true, 2000);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) return make_error("missing_field", "the comment is empty", "text");
    return *text;
}

Result<std::vector<std::string>> entry_ids(const json& j) {
    JsonReader r(j);
    const json* ids = r.member("ids", true, json::value_t::array);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (ids->empty() || ids->size() > 200) return make_error("out_of_range", "give 1 to 200 entry ids", "ids");
    std::vector<std::string> out;
    for (size_t i = 0; i < ids->size(); ++i) {
        const json& v = (*ids)[i];
        if (!v.is_string() || v.get_ref<const std::string&>().empty() || v.get_ref<const std::string&>().size() > 64)
            return make_error("wrong_type", "expected an entry id", "ids[" + std::to_string(i) + "]");
        out.push_back(v.get<std::string>());
    }
    return out;
}

Result<std::string> label(const json& j, const char* key) {
    JsonReader r(j);
    auto text = r.string(key, true, 100);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (text->find_first_not_of(" \t") == std::string::npos) return make_error("missing_field", "this field is required", key);
    return *text;
}

Result<Fulfilment> fulfilment(const json& j, const CivilDate& today) {
    JsonReader r(j);
    auto id = r.string("obligation_id", true, 80);
    auto trigger = r.date("trigger", true);
    auto worker = r.string("worker_id", false, 64);
    auto done_on = r.date("done_on", false);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (done_on && *done_on > today) return make_error("out_of_range", "a duty cannot be done in the future", "done_on");
    return Fulfilment{*id, *trigger, worker.value_or(""), done_on.value_or(today)};
}

Result<KioskDevice> kiosk_device(const json& j) {
    JsonReader r(j);
    auto site = r.string("site", true, 100);
    const json* languages = r.member("languages", false, json::value_t::array);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (site->find_first_not_of(" \t") == std::string::npos) return make_error("missing_field", "this field is required", "site");
    KioskDevice d{*site, {}};
    if (languages) {
        if (languages->empty() || languages->size() > 4) return make_error("out_of_range", "one to four languages", "languages");
        for (const auto& l : *languages) {
            if (!l.is_string() || !is_language(l.get<std::string>())) return make_error("out_of_range", "expected en, nl, fr or de", "languages");
            if (std::find(d.languages.begin(), d.languages.end(), l.get<std::string>()) != d.languages.end())
                return make_error("duplicate", "each language once", "languages");
            d.languages.push_back(l.get<std::string>());
        }
    }
    if (d.languages.empty()) d.languages.push_back("nl");
    return d;
}

Result<std::string> badge(const json& j) {
    JsonReader r(j);
    auto b = r.string("badge", true, 100);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    return kiosk::validate_badge(*b);
}

Result<std::string> pin(const json& j) {
    JsonReader r(j);
    auto p = r.string("pin", true, 100);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    return kiosk::validate_pin(*p);
}

Result<KioskSignIn> kiosk_sign_in(const json& j) {
    JsonReader r(j);
    auto b = r.string("badge", true, 100);
    auto p = r.string("pin", true, 100);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto badge = kiosk::validate_badge(*b);
    if (!badge) return badge.error();
    // A PIN is only checked against its hash; its shape is not revealed here.
    if (p->empty()) return make_error("missing_field", "this field is required", "pin");
    if (p->size() > 16) return make_error("too_long", "at most 16 digits", "pin");
    return KioskSignIn{*badge, *p};
}

Result<int> time_of_day(std::string_view text, const std::string& field) {
    auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
        return make_error("wrong_type", "expected a time like 09:30", field);
    const int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59) return make_error("out_of_range", "expected a time between 00:00 and 23:59", field);
    return h * 60 + m;
}

Result<TrainingSession> training_session(const json& j) {
    JsonReader r(j);
    auto site = r.string("site", true, 100);
    auto title = r.string("title", true, 200);
    auto provider = r.string("provider", false, 200);
    auto date = r.date("date", true);
    auto start = r.string("start", true, 5);
    auto minutes = r.integer("minutes", true, 1, max_minutes_per_day);
    auto places = r.integer("places", true, 1, 10000);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    for (auto [text, key] : {std::pair{&*site, "site"}, std::pair{&*title, "title"}})
        if (text->find_first_not_of(" \t") == std::string::npos) return make_error("missing_field", "this field is required", key);
    auto minute = time_of_day(*start, "start");
    if (!minute) return minute.error();
    if (*minute + *minutes > 24 * 60) return make_error("out_of_range", "the training must end on the day it starts", "minutes");
    TrainingSession s;
    s.site = *site;
    s.title = *title;
    s.provider = provider.value_or("");
    s.date = *date;
    s.start_minute = *minute;
    s.minutes = *minutes;
    s.places = static_cast<int>(*places);
    return s;
}

}  // namespace ll::requests
