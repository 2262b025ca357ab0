// Encoders and decoders of the kiosk's answers, strict like the others (JsonReader): a display
// that receives something unexpected keeps its last board instead of drawing a wrong figure.
#include "kiosk_wire.h"

#include "json_reader.h"
#include "requests.h"
#include "wire.h"

namespace ll::wire {

using nlohmann::json;

namespace {

template <class T, class F>
Result<std::vector<T>> list_from(const json* list, const std::string& path, F one) {
    std::vector<T> out;
    for (size_t i = 0; i < list->size(); ++i) {
        auto v = one((*list)[i], path + "[" + std::to_string(i) + "]");
        if (!v) return v.error();
        out.push_back(std::move(*v));
    }
    return out;
}

json progress_json(const kiosk::SiteProgress& p) {
    return {{"workers", p.workers}, {"shown", p.shown}, {"goal_minutes", p.goal_minutes}, {"followed_minutes", p.followed_minutes},
            {"percent", p.percent}};
}

Result<kiosk::SiteProgress> progress_from(const json& j) {
    JsonReader r(j, "progress");
    kiosk::SiteProgress p;
    auto workers = r.integer("workers", true, 0, INT32_MAX);
    auto shown = r.boolean("shown", true);
    auto goal = r.integer("goal_minutes", true, 0, INT64_MAX / 2);
    auto followed = r.integer("followed_minutes", true, 0, INT64_MAX / 2);
    auto percent = r.integer("percent", true, 0, 100);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    p.workers = static_cast<int>(*workers);
    p.shown = *shown;
    p.goal_minutes = *goal;
    p.followed_minutes = *followed;
    p.percent = static_cast<int>(*percent);
    return p;
}

json deadline_json(const kiosk::MonthDeadline& d) {
    return {{"obligation_id", d.obligation_id}, {"name", d.name}, {"deadline", d.deadline.iso()},
            {"status", to_string(d.status)}, {"done", d.done}, {"total", d.total}};
}

Result<kiosk::MonthDeadline> deadline_from(const json& j, const std::string& path) {
    JsonReader r(j, path);
    auto id = r.string("obligation_id", true, 80);
    auto name = r.string("name", true, 300);
    auto deadline = r.date("deadline", true);
    auto status = r.string("status", true, 16);
    auto done = r.integer("done", true, 0, INT32_MAX);
    auto total = r.integer("total", true, 0, INT32_MAX);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto s = duty_status_from(*status);
    if (!s) return make_error("out_of_range", "unknown status", r.field_path("status"));
    return kiosk::MonthDeadline{*id, *name, *deadline, *s, static_cast<int>(*done), static_cast<int>(*total)};
}

Result<QrMatrix> qr_from(const json& j) {
    JsonReader r(j, "qr");
    auto size = r.integer("size", true, 0, 177);  // version 40 is the largest QR code
    auto modules = r.string("modules", true, 177 * 177);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (modules->size() != static_cast<size_t>(*size * *size) || modules->find_first_not_of("01") != std::string::npos)
        return make_error("out_of_range", "expected size * size modules of 0 and 1", "qr.modules");
    return QrMatrix{static_cast<int>(*size), *modules};
}

}  // namespace

json to_json(const TrainingSession& s) {
    return {{"id", s.id},           {"site", s.site},       {"title", s.title},
            {"provider", s.provider}, {"date", s.date.iso()}, {"start", time_of_day(s.start_minute)},
            {"minutes", s.minutes},  {"places", s.places},   {"enrolled", s.enrolled},
            {"free", free_places(s)}};
}

Result<TrainingSession> training_session_from_json(const json& j, const std::string& path) {
    JsonReader r(j, path);
    TrainingSession s;
    auto id = r.string("id", true, 64);
    auto site = r.string("site", true, 100);
    auto title = r.string("title", true, 200);
    auto provider = r.string("provider", true, 200);
    auto date = r.date("date", true);
    auto start = r.string("start", true, 5);
    auto minutes = r.integer("minutes", true, 1, requests::max_minutes_per_day);
    auto places = r.integer("places", true, 1, 10000);
    auto enrolled = r.integer("enrolled", true, 0, 10000);
    r.integer("free", true, 0, 10000);  // derived; read so the field is known
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto minute = requests::time_of_day(*start, r.field_path("start"));
    if (!minute) return minute.error();
    s.id = *id;
    s.site = *site;
    s.title = *title;
    s.provider = *provider;
    s.date = *date;
    s.start_minute = *minute;
    s.minutes = *minutes;
    s.places = static_cast<int>(*places);
    s.enrolled = static_cast<int>(*enrolled);
    return s;
}

json to_json(const KioskBoard& b) {
    json sessions = json::array(), deadlines = json::array();
    for (const auto& s : b.sessions) sessions.push_back(to_json(s));
    for (const auto& d : b.deadlines) deadlines.push_back(deadline_json(d));
    return {{"site", b.site},         {"employer_name", b.employer_name},
            {"languages", b.languages}, {"today", b.today.iso()},
            {"progress", progress_json(b.progress)}, {"sessions", sessions},
            {"deadlines", deadlines}, {"app_url", b.app_url},
            {"qr", {{"size", b.qr.size}, {"modules", b.qr.modules}}}};
}

Result<KioskBoard> kiosk_board_from_json(const json& j) {
    JsonReader r(j);
    KioskBoard b;
    auto site = r.string("site", true, 100);
    auto employer = r.string("employer_name", true, 200);
    const json* languages = r.member("languages", true, json::value_t::array);
    auto today = r.date("today", true);
    const json* progress = r.member("progress", true, json::value_t::object);
    const json* sessions = r.member("sessions", true, json::value_t::array);
    const json* deadlines = r.member("deadlines", true, json::value_t::array);
    auto app_url = r.string("app_url", true, 500);
    const json* qr = r.member("qr", true, json::value_t::object);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    for (const auto& l : *languages) {
        if (!l.is_string() || !requests::is_language(l.get<std::string>())) return make_error("out_of_range", "expected en, nl, fr or de", "languages");
        b.languages.push_back(l.get<std::string>());
    }
    if (b.languages.empty()) return make_error("missing_field", "at least one language", "languages");
    auto p = progress_from(*progress);
    if (!p) return p.error();
    auto s = list_from<TrainingSession>(sessions, "sessions", [](const json& e, const std::string& at) { return training_session_from_json(e, at); });
    if (!s) return s.error();
    auto d = list_from<kiosk::MonthDeadline>(deadlines, "deadlines", deadline_from);
    if (!d) return d.error();
    auto code = qr_from(*qr);
    if (!code) return code.error();
    b.site = *site;
    b.employer_name = *employer;
    b.today = *today;
    b.progress = *p;
    b.sessions = std::move(*s);
    b.deadlines = std::move(*d);
    b.app_url = *app_url;
    b.qr = std::move(*code);
    return b;
}

json to_json(const KioskLookup& l) { return {{"display_name", l.display_name}, {"language", l.language}, {"year", to_json(l.year)}}; }

Result<KioskLookup> kiosk_lookup_from_json(const json& j) {
    JsonReader r(j);
    auto name = r.string("display_name", true, 200);
    auto language = r.string("language", true, 2);
    const json* year = r.member("year", true, json::value_t::object);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto view = year_view_from_json(*year);
    if (!view) return at_field(view.error(), "year");
    return KioskLookup{*name, *language, std::move(*view)};
}

}  // namespace ll::wire
