// Encoders and decoders for entitlement figures and errors. Decoders use JsonReader, so a
// malformed server answer becomes an Error on the client instead of a crash.
#include "wire.h"

#include "json_reader.h"
#include "national_number.h"

namespace ll::wire {

using nlohmann::json;

std::string exact(const Rational& r) {
    if (r.den() == 1) return std::to_string(r.num());
    return std::to_string(r.num()) + "/" + std::to_string(r.den());
}

json to_json(const Error& e) {
    json inner = {{"code", e.code}, {"message", e.message}};
    if (!e.field.empty()) inner["field"] = e.field;
    return {{"error", inner}};
}

json to_json(const ExplanationLine& line) {
    json args = json::object();
    for (const auto& [k, v] : line.args) args[k] = v;
    return {{"key", line.key}, {"args", args}, {"text", render_english(line)}};
}

json date_or_null(const std::optional<CivilDate>& d) { return d ? json(d->iso()) : json(nullptr); }

namespace {

json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json explanation_json(const Explanation& lines) {
    json out = json::array();
    for (const auto& l : lines) out.push_back(to_json(l));
    return out;
}

json period_json(const PeriodProgress& p) {
    return {{"start_year", p.start_year}, {"end_year", p.end_year}, {"goal_minutes", p.goal_minutes},
            {"followed_minutes", p.followed_minutes}, {"shortfall_minutes", p.shortfall_minutes}, {"ended", p.ended}};
}

json end_of_contract_json(const std::optional<EndOfContract>& e) {
    if (!e) return nullptr;
    return {{"date", e->termination.date.iso()},
            {"reason", to_string(e->termination.reason)},
            {"open_minutes", e->open_minutes},
            {"treatment", e->lapses ? "lapsed" : "take_during_notice_or_include_in_indemnity"}};
}

}  // namespace

json to_json(const Entitlement& e) {
    return {{"year", e.year},
            {"basis", e.basis},
            {"full_time_days", exact(e.full_time_days)},
            {"entitled_days", e.days.to_double()},
            {"entitled_days_exact", exact(e.days)},
            {"entitled_minutes", e.minutes},
            {"minutes_per_day", e.minutes_per_day},
            {"months_counted", e.months_counted},
            {"explanation", explanation_json(e.explanation)}};
}

json to_json(const Balance& b) {
    json years = json::array();
    for (const auto& y : b.years) {
        json lots = json::array();
        for (const auto& l : y.lots_carried_out)
            lots.push_back({{"origin_year", l.origin_year}, {"source", to_string(l.source)}, {"minutes", l.minutes}});
        years.push_back({{"year", y.year},
                         {"basis", y.entitlement.basis},
                         {"entitled_days", y.entitlement.days.to_double()},
                         {"entitled_days_exact", exact(y.entitlement.days)},
                         {"entitled_minutes", y.entitled_minutes},
                         {"complementary_minutes", y.complementary_minutes},
                         {"carried_in_minutes", y.carried_in_minutes},
                         {"credit_minutes", y.credit_minutes},
                         {"used_minutes", y.used_minutes},
                         {"pending_minutes", y.pending_minutes},
                         {"beyond_right_minutes", y.beyond_right_minutes},
                         {"remaining_minutes", y.remaining_minutes},
                         {"expired_minutes", y.expired_minutes},
                         {"carried_out_minutes", y.carried_out_minutes},
                         {"lapses_on", date_or_null(y.lapses_on)},
                         {"lots_carried_out", lots},
                         {"entitlement_explanation", explanation_json(y.entitlement.explanation)},
                         {"explanation", explanation_json(y.explanation)}});
    }
    json periods = json::array();
    for (const auto& p : b.periods) periods.push_back(period_json(p));
    return {{"minutes_per_day", b.minutes_per_day}, {"years", years}, {"periods", periods},
            {"end_of_contract", end_of_contract_json(b.end_of_contract)}};
}

json to_json(const Obligation& o) {
    json deadline = json::object();
    if (o.deadline.month) {
        deadline = {{"month", *o.deadline.month}, {"day", *o.deadline.day}};
    } else {
        deadline = {{"months_after", o.deadline.months_after}, {"end_of_month", o.deadline.end_of_month},
                    {"days_after", o.deadline.days_after}};
    }
    return {{"id", o.id},
            {"name", o.name},
            {"applies_to", o.applies_to},
            {"min_fte", o.min_fte ? json(exact(*o.min_fte)) : json(nullptr)},
            {"trigger", to_string(o.trigger)},
            {"trigger_date", date_or_null(o.trigger_date)},
            {"deadline", deadline},
            {"valid_from", o.valid_from.iso()},
            {"valid_to", date_or_null(o.valid_to)},
            {"known_from", date_or_null(o.known_from)},
            {"known_to", date_or_null(o.known_to)},
            {"action", o.action},
            {"source", o.source}};
}

json to_json(const WorkerRecord& w) {
    json termination = nullptr;
    if (w.termination) termination = {{"date", w.termination->date.iso()}, {"reason", to_string(w.termination->reason)}};
    json masked = nullptr;
    if (w.national_number)
        if (auto n = NationalNumber::parse(*w.national_number)) masked = n->masked();
    return {{"id", w.id},
            {"display_name", w.display_name},
            {"department_id", w.department_id},
            {"department", w.department_name},
            {"joint_committee", w.joint_committee},
            {"language", w.language},
            {"national_number", masked},
            {"termination", termination},
            {"gender", w.gender},
            {"site", w.site},
            {"version", w.version}};
}

json to_json(const EntryRecord& e) {
    json out = {{"id", e.entry.id},
                {"worker_id", e.worker_id},
                {"kind", to_string(e.entry.kind)},
                {"date", e.entry.date.iso()},
                {"end_date", e.end_date ? json(e.end_date->iso()) : json(nullptr)},
                {"minutes", e.entry.minutes},
                {"title", e.entry.title},
                {"provider", e.provider},
                {"training_type", e.training_type},
                {"counts_for_right", e.entry.counts_for_right},
                {"cost_cents", e.cost_cents},
                {"fund_cents", e.fund_cents},
                {"subsidy_cents", e.subsidy_cents},
                {"origin_year", e.entry.origin_year ? json(*e.entry.origin_year) : json(nullptr)},
                {"certificate_id", text_or_null(e.certificate_id)},
                {"certificate_valid_until", date_or_null(e.certificate_valid_until)},
                {"created_by", e.created_by},
                {"created_at", e.created_at}};
    set_decision(out, e);
    return out;
}

void set_decision(json& entry, const EntryRecord& e) {
    entry["status"] = to_string(e.entry.status);
    entry["decided_by"] = text_or_null(e.decided_by);
    entry["decided_at"] = text_or_null(e.decided_at);
    entry["decision_reason"] = text_or_null(e.decision_reason);
    entry["version"] = e.version;
}

json to_json(const CommentRecord& c) {
    return {{"id", c.id}, {"author_id", c.author_id}, {"text", c.text}, {"created_at", c.created_at}};
}

json to_json(const DepartmentRecord& d) {
    return {{"id", d.id}, {"name", d.name}, {"manager_id", d.manager_id.empty() ? json(nullptr) : json(d.manager_id)}};
}

json to_json(const EmploymentPeriod& p) {
    return {{"start", p.start.iso()}, {"end", p.end ? json(p.end->iso()) : json(nullptr)}, {"fraction", exact(p.fraction)}};
}


json to_json(const YearView& v) {
    json periods = json::array(), entries = json::array();
    for (const auto& p : v.periods) periods.push_back(period_json(p));
    for (const auto& e : v.entries) entries.push_back(to_json(e));
    return {{"worker_id", v.worker_id},
            {"year", v.year},
            {"minutes_per_day", v.minutes_per_day},
            {"entitled_days_exact", exact(v.entitled_days)},
            {"entitled_minutes", v.entitled_minutes},
            {"complementary_minutes", v.complementary_minutes},
            {"carried_in_minutes", v.carried_in_minutes},
            {"credit_minutes", v.credit_minutes},
            {"used_minutes", v.used_minutes},
            {"pending_minutes", v.pending_minutes},
            {"beyond_right_minutes", v.beyond_right_minutes},
            {"remaining_minutes", v.remaining_minutes},
            {"expired_minutes", v.expired_minutes},
            {"carried_out_minutes", v.carried_out_minutes},
            {"lapses_on", date_or_null(v.lapses_on)},
            {"entitlement_explanation", explanation_json(v.entitlement_explanation)},
            {"explanation", explanation_json(v.explanation)},
            {"periods", periods},
            {"end_of_contract", end_of_contract_json(v.end_of_contract)},
            {"entries", entries}};
}

json to_json(const SessionInfo& s) {
    json out = {{"account_id", s.account_id}, {"email", s.email},       {"role", s.role},
                {"language", s.language},     {"worker_id", text_or_null(s.worker_id)},
                {"display_name", s.display_name}, {"employer", nullptr}, {"mandates", s.mandates}};
    if (!s.employer_id.empty()) out["employer"] = {{"id", s.employer_id}, {"name", s.employer_name}};
    if (!s.csrf_token.empty()) out["csrf_token"] = s.csrf_token;
    out["persistent"] = s.persistent;
    return out;
}

Result<SessionInfo> session_from_json(const json& j) {
    JsonReader r(j);
    SessionInfo s;
    auto account = r.string("account_id", true, 64);
    auto email = r.string("email", true, 254);
    auto role = r.string("role", true, 16);
    auto language = r.string("language", true, 2);
    auto worker = r.string("worker_id", false, 64);
    auto name = r.string("display_name", true, 254);
    const json* employer = r.member("employer", false, json::value_t::object);
    const json* mandates = r.member("mandates", true, json::value_t::array);
    auto csrf = r.string("csrf_token", false, 100);
    auto persistent = r.boolean("persistent", false);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    s.persistent = persistent.value_or(true);
    s.account_id = *account;
    s.email = *email;
    s.role = *role;
    s.language = *language;
    s.worker_id = worker.value_or("");
    s.display_name = *name;
    s.csrf_token = csrf.value_or("");
    if (employer) {
        JsonReader e(*employer, "employer");
        auto id = e.string("id", true, 64);
        auto employer_name = e.string("name", true, 200);
        e.reject_unknown_fields();
        if (!e.ok()) return e.error();
        s.employer_id = *id;
        s.employer_name = *employer_name;
    }
    for (size_t i = 0; i < mandates->size(); ++i) {
        if (!(*mandates)[i].is_string()) return make_error("wrong_type", "expected an employer id", "mandates[" + std::to_string(i) + "]");
        s.mandates.push_back((*mandates)[i].get<std::string>());
    }
    return s;
}

Result<std::vector<EmploymentPeriod>> employment_from_json(const json& list, const std::string& path) {
    std::vector<EmploymentPeriod> out;
    if (list.size() > 100) return make_error("too_long", "at most 100 employment periods", path);
    for (size_t i = 0; i < list.size(); ++i) {
        JsonReader r(list[i], path + "[" + std::to_string(i) + "]");
        auto start = r.date("start", true);
        auto end = r.date("end", false);
        auto fraction = r.rational("fraction", false, Rational(0), Rational(1), true);
        auto hours = r.rational("weekly_hours", false, Rational(0), Rational(60), true);
        r.reject_unknown_fields();
        if (r.ok() && !fraction && !hours)
            r.fail(make_error("missing_field", "give fraction or weekly_hours", r.field_path("fraction")));
        if (r.ok() && end && *end < *start) r.fail(make_error("out_of_range", "end is before start", r.field_path("end")));
        if (!r.ok()) return r.error();
        out.push_back(EmploymentPeriod{*start, end, fraction.value_or(Rational(1)), hours});
    }
    return out;
}

Result<std::vector<LedgerEntry>> entries_from_json(const json& list, const std::string& path,
                                                   std::optional<EntryKind> fixed_kind) {
    std::vector<LedgerEntry> out;
    if (list.size() > 100000) return make_error("too_long", "at most 100000 entries", path);
    for (size_t i = 0; i < list.size(); ++i) {
        std::string item = path + "[" + std::to_string(i) + "]";
        JsonReader r(list[i], item);
        auto id = r.string("id", false, 64);
        auto kind_text = r.string("kind", !fixed_kind, 32);
        auto status_text = r.string("status", false, 16);
        auto date = r.date("date", true);
        auto minutes = r.integer("minutes", true, -max_minutes_per_day * 366, max_minutes_per_day * 366);
        auto title = r.string("title", false, 200);
        auto counts = r.boolean("counts_for_right", false);
        auto origin = r.integer("origin_year", false, CivilDate::min_year, CivilDate::max_year);
        r.reject_unknown_fields();
        if (!r.ok()) return r.error();
        LedgerEntry e;
        e.id = id.value_or(item);
        if (kind_text) {
            auto k = entry_kind_from(*kind_text);
            if (!k || (fixed_kind && *k != *fixed_kind))
                return make_error("out_of_range", "unknown entry kind", item + ".kind");
            e.kind = *k;
        } else {
            e.kind = *fixed_kind;
        }
        if (status_text) {
            auto s = entry_status_from(*status_text);
            if (!s) return make_error("out_of_range", "expected draft, submitted, approved, rejected or withdrawn", item + ".status");
            e.status = *s;
        }
        e.date = *date;
        e.minutes = *minutes;
        bool valid = e.kind == EntryKind::training ? e.minutes > 0 && e.minutes <= max_minutes_per_day
                   : e.kind == EntryKind::correction ? e.minutes != 0
                                                     : e.minutes > 0;
        if (!valid)
            return make_error("out_of_range",
                              e.kind == EntryKind::training ? "a training lasts 1 minute to 24 hours on one day"
                                                            : "minutes must be above 0 (a correction: not 0)",
                              item + ".minutes");
        e.title = title.value_or("");
        e.counts_for_right = counts.value_or(true);
        if (origin && e.kind != EntryKind::opening_balance)
            return make_error("unknown_field", "origin_year belongs to opening balances only", item + ".origin_year");
        e.origin_year = origin;
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::map<int, Rational>> company_sizes_from_json(const json& object, const std::string& path) {
    std::map<int, Rational> out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string& key = it.key();
        std::string field = path + "." + key.substr(0, 8);
        if (key.size() != 4 || key.find_first_not_of("0123456789") != std::string::npos)
            return make_error("wrong_type", "company sizes are keyed by four-digit year", field);
        auto fte = json_to_rational(*it);
        if (!fte || *fte < Rational(0) || *fte > Rational(1000000))
            return make_error("out_of_range", "expected a company size from 0 to 1000000 FTE", field);
        out[std::stoi(key)] = *fte;
    }
    return out;
}

Result<Termination> termination_from_json(const json& object, const std::string& path) {
    JsonReader r(object, path);
    auto date = r.date("date", true);
    auto reason = r.string("reason", true, 20);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto why = termination_reason_from(*reason);
    if (!why) return make_error("out_of_range", "expected resignation, serious_cause, dismissal or other", path + ".reason");
    return Termination{*date, *why};
}

namespace {

Result<ExplanationLine> line_from_json(const json& j, const std::string& path) {
    JsonReader r(j, path);
    auto key = r.string("key", true);
    const json* args = r.member("args", true, json::value_t::object);
    r.string("text", false, 2000);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    ExplanationLine line{*key, {}};
    for (auto it = args->begin(); it != args->end(); ++it) {
        if (!it->is_string()) return make_error("wrong_type", "expected a string", path + ".args." + it.key());
        line.args.emplace_back(it.key(), it->get<std::string>());
    }
    return line;
}

Result<Rational> exact_from(const std::optional<std::string>& text, const std::string& field) {
    auto r = text ? json_to_rational(json(*text)) : std::nullopt;
    if (!r) return make_error("wrong_type", "expected an exact fraction", field);
    return *r;
}

}  // namespace

Result<Entitlement> entitlement_from_json(const json& j) {
    JsonReader r(j);
    Entitlement e;
    auto year = r.integer("year", true, CivilDate::min_year, CivilDate::max_year);
    auto basis = r.string("basis", true, 40);
    auto ft = r.string("full_time_days", true, 40);
    r.rational("entitled_days", true, Rational(0), Rational(365), false);
    auto days = r.string("entitled_days_exact", true, 40);
    auto minutes = r.integer("entitled_minutes", true, 0, 365LL * 24 * 60);
    auto per_day = r.integer("minutes_per_day", true, 0, 24 * 60);
    auto months = r.integer("months_counted", true, 0, 12);
    const json* lines = r.member("explanation", true, json::value_t::array);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto ft_exact = exact_from(ft, "full_time_days");
    if (!ft_exact) return ft_exact.error();
    auto days_exact = exact_from(days, "entitled_days_exact");
    if (!days_exact) return days_exact.error();
    e.year = static_cast<int>(*year);
    e.basis = *basis;
    e.full_time_days = *ft_exact;
    e.days = *days_exact;
    e.minutes = *minutes;
    e.minutes_per_day = *per_day;
    e.months_counted = static_cast<int>(*months);
    for (size_t i = 0; i < lines->size(); ++i) {
        auto line = line_from_json((*lines)[i], "explanation[" + std::to_string(i) + "]");
        if (!line) return line.error();
        e.explanation.push_back(std::move(*line));
    }
    return e;
}

namespace {

Result<Explanation> lines_from_json(const json* lines, const std::string& path) {
    Explanation out;
    for (size_t i = 0; lines && i < lines->size(); ++i) {
        auto line = line_from_json((*lines)[i], path + "[" + std::to_string(i) + "]");
        if (!line) return line.error();
        out.push_back(std::move(*line));
    }
    return out;
}

Result<PeriodProgress> period_from_json(const json& j, const std::string& path) {
    JsonReader r(j, path);
    auto start = r.integer("start_year", true, CivilDate::min_year, CivilDate::max_year);
    auto end = r.integer("end_year", true, CivilDate::min_year, CivilDate::max_year);
    auto goal = r.integer("goal_minutes", true, 0, INT64_MAX);
    auto followed = r.integer("followed_minutes", true, 0, INT64_MAX);
    auto shortfall = r.integer("shortfall_minutes", true, 0, INT64_MAX);
    auto ended = r.boolean("ended", true);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    return PeriodProgress{static_cast<int>(*start), static_cast<int>(*end), *goal, *followed, *shortfall, *ended};
}

Result<EndOfContract> end_of_contract_from_json(const json& j) {
    JsonReader r(j, "end_of_contract");
    auto date = r.date("date", true);
    auto reason = r.string("reason", true, 20);
    auto open = r.integer("open_minutes", true, 0, INT64_MAX);
    auto treatment = r.string("treatment", true, 60);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto why = termination_reason_from(*reason);
    if (!why) return make_error("out_of_range", "unknown reason", "end_of_contract.reason");
    return EndOfContract{Termination{*date, *why}, *open, *treatment == "lapsed"};
}

}  // namespace

Result<EntryRecord> entry_from_json(const json& j, const std::string& path) {
    JsonReader r(j, path);
    EntryRecord e;
    auto id = r.string("id", true, 64);
    auto worker = r.string("worker_id", true, 64);
    auto kind = r.string("kind", true, 32);
    auto status = r.string("status", true, 16);
    auto date = r.date("date", true);
    auto end = r.date("end_date", false);
    auto minutes = r.integer("minutes", true, INT64_MIN / 2, INT64_MAX / 2);
    auto title = r.string("title", true, 500);
    auto provider = r.string("provider", true, 200);
    auto type = r.string("training_type", true, 16);
    auto counts = r.boolean("counts_for_right", true);
    auto cost = r.integer("cost_cents", true, 0, INT64_MAX);
    // Optional: year views kept on devices before these existed still decode.
    auto fund = r.integer("fund_cents", false, 0, INT64_MAX);
    auto subsidy = r.integer("subsidy_cents", false, 0, INT64_MAX);
    auto origin = r.integer("origin_year", false, CivilDate::min_year, CivilDate::max_year);
    auto certificate = r.string("certificate_id", false, 64);
    auto valid_until = r.date("certificate_valid_until", false);
    auto created_by = r.string("created_by", true, 64);
    auto created_at = r.string("created_at", true, 40);
    auto decided_by = r.string("decided_by", false, 64);
    auto decided_at = r.string("decided_at", false, 40);
    auto reason = r.string("decision_reason", false, 500);
    auto version = r.integer("version", true, 0, INT64_MAX);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto k = entry_kind_from(*kind);
    auto st = entry_status_from(*status);
    if (!k) return make_error("out_of_range", "unknown entry kind", r.field_path("kind"));
    if (!st) return make_error("out_of_range", "unknown entry status", r.field_path("status"));
    e.entry = LedgerEntry{*id, *k, *st, *date, *minutes, *title, *counts, std::nullopt};
    if (origin) e.entry.origin_year = static_cast<int>(*origin);
    e.worker_id = *worker;
    e.end_date = end;
    e.provider = *provider;
    e.training_type = *type;
    e.cost_cents = *cost;
    e.fund_cents = fund.value_or(0);
    e.subsidy_cents = subsidy.value_or(0);
    e.certificate_id = certificate.value_or("");
    e.certificate_valid_until = valid_until;
    e.created_by = *created_by;
    e.created_at = *created_at;
    e.decided_by = decided_by.value_or("");
    e.decided_at = decided_at.value_or("");
    e.decision_reason = reason.value_or("");
    e.version = *version;
    return e;
}

Result<YearView> year_view_from_json(const json& j) {
    JsonReader r(j);
    YearView v;
    auto worker = r.string("worker_id", true, 64);
    auto year = r.integer("year", true, CivilDate::min_year, CivilDate::max_year);
    auto per_day = r.integer("minutes_per_day", true, 0, 24 * 60);
    auto days = r.string("entitled_days_exact", true, 40);
    struct Figure {
        const char* key;
        long long* target;
    };
    const Figure figures[] = {{"entitled_minutes", &v.entitled_minutes},     {"complementary_minutes", &v.complementary_minutes},
                              {"carried_in_minutes", &v.carried_in_minutes}, {"credit_minutes", &v.credit_minutes},
                              {"used_minutes", &v.used_minutes},             {"pending_minutes", &v.pending_minutes},
                              {"beyond_right_minutes", &v.beyond_right_minutes}, {"remaining_minutes", &v.remaining_minutes},
                              {"expired_minutes", &v.expired_minutes},       {"carried_out_minutes", &v.carried_out_minutes}};
    for (const auto& f : figures)
        if (auto m = r.integer(f.key, true, 0, INT64_MAX / 2)) *f.target = *m;
    const json* entitlement_lines = r.member("entitlement_explanation", true, json::value_t::array);
    const json* lines = r.member("explanation", true, json::value_t::array);
    const json* periods = r.member("periods", true, json::value_t::array);
    const json* end = r.member("end_of_contract", false, json::value_t::object);
    const json* entries = r.member("entries", true, json::value_t::array);
    v.lapses_on = r.date("lapses_on", false);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto exact_days = exact_from(days, "entitled_days_exact");
    if (!exact_days) return exact_days.error();
    v.worker_id = *worker;
    v.year = static_cast<int>(*year);
    v.minutes_per_day = *per_day;
    v.entitled_days = *exact_days;
    auto a = lines_from_json(entitlement_lines, "entitlement_explanation");
    if (!a) return a.error();
    v.entitlement_explanation = std::move(*a);
    auto b = lines_from_json(lines, "explanation");
    if (!b) return b.error();
    v.explanation = std::move(*b);
    for (size_t i = 0; i < periods->size(); ++i) {
        auto p = period_from_json((*periods)[i], "periods[" + std::to_string(i) + "]");
        if (!p) return p.error();
        v.periods.push_back(*p);
    }
    if (end) {
        auto e = end_of_contract_from_json(*end);
        if (!e) return e.error();
        v.end_of_contract = *e;
    }
    for (size_t i = 0; i < entries->size(); ++i) {
        auto e = entry_from_json((*entries)[i], "entries[" + std::to_string(i) + "]");
        if (!e) return e.error();
        v.entries.push_back(std::move(*e));
    }
    return v;
}

std::optional<Error> error_from_json(const json& j) {
    JsonReader outer(j);
    const json* inner = outer.member("error", true, json::value_t::object);
    outer.reject_unknown_fields();
    if (!outer.ok()) return std::nullopt;
    JsonReader r(*inner, "error");
    auto code = r.string("code", true);
    auto message = r.string("message", true, 2000);
    auto field = r.string("field", false);
    r.reject_unknown_fields();
    if (!r.ok()) return std::nullopt;
    return Error{*code, *message, field.value_or("")};
}

}  // namespace ll::wire
