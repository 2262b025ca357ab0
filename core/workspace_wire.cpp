// Encoders and decoders of the workspace answers. Decoders are strict like the others (JsonReader),
// so an unexpected answer is an Error on the client, never a crash or a silently wrong figure.
#include "workspace_wire.h"

#include "json_reader.h"
#include "wire.h"

namespace ll::wire {

using nlohmann::json;

namespace {

// Reads {"items":[...]} with `one` for each element, naming "items[i]" in errors.
template <class T, class F>
Result<std::vector<T>> items_from(const json& j, F one) {
    if (!j.is_object()) return make_error("wrong_type", "expected an object", "");
    auto it = j.find("items");
    if (it == j.end() || !it->is_array()) return make_error("missing_field", "expected a list", "items");
    std::vector<T> out;
    out.reserve(it->size());
    for (size_t i = 0; i < it->size(); ++i) {
        auto v = one((*it)[i], "items[" + std::to_string(i) + "]");
        if (!v) return v.error();
        out.push_back(std::move(*v));
    }
    return out;
}

json duty_json(const Duty& d) {
    return {{"worker_id", d.worker_id}, {"worker_name", d.worker_name}, {"trigger", d.trigger.iso()},
            {"deadline", d.deadline.iso()}, {"status", to_string(d.status)}, {"days_left", d.days_left},
            {"done_on", date_or_null(d.done_on)}};
}

Result<Duty> duty_from_json(const json& j, const std::string& path) {
    JsonReader r(j, path);
    auto worker = r.string("worker_id", true, 64);
    auto name = r.string("worker_name", true, 200);
    auto trigger = r.date("trigger", true);
    auto deadline = r.date("deadline", true);
    auto status = r.string("status", true, 20);
    auto left = r.integer("days_left", true, -100000, 100000);
    auto done_on = r.date("done_on", false);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto st = duty_status_from(*status);
    if (!st) return make_error("out_of_range", "unknown status", path + ".status");
    return Duty{*trigger, *deadline, *worker, *name, *st, static_cast<int>(*left), done_on};
}

Result<DutyGroup> group_from_json(const json& j, const std::string& path) {
    JsonReader r(j, path);
    DutyGroup g;
    auto id = r.string("obligation_id", true, 80);
    auto name = r.string("name", true, 400);
    auto action = r.string("action", true, 1000);
    auto source = r.string("source", true, 1000);
    auto applies = r.string("applies_to", true, 20);
    auto trigger = r.date("trigger", true);
    auto deadline = r.date("deadline", true);
    auto status = r.string("status", true, 20);
    auto left = r.integer("days_left", true, -100000, 100000);
    auto done = r.integer("done", true, 0, 10000000);
    auto total = r.integer("total", true, 0, 10000000);
    const json* duties = r.member("duties", true, json::value_t::array);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto st = duty_status_from(*status);
    if (!st) return make_error("out_of_range", "unknown status", path + ".status");
    g.obligation_id = *id, g.name = *name, g.action = *action, g.source = *source, g.applies_to = *applies;
    g.trigger = *trigger, g.deadline = *deadline, g.status = *st, g.days_left = static_cast<int>(*left);
    g.done = static_cast<int>(*done), g.total = static_cast<int>(*total);
    for (size_t i = 0; i < duties->size(); ++i) {
        auto d = duty_from_json((*duties)[i], path + ".duties[" + std::to_string(i) + "]");
        if (!d) return d.error();
        g.duties.push_back(std::move(*d));
    }
    return g;
}

Result<ApprovalItem> approval_from_json(const json& j, const std::string& path) {
    if (!j.is_object()) return make_error("wrong_type", "expected an object", path);
    json entry = j;
    ApprovalItem a;
    JsonReader r(j, path);
    auto name = r.string("worker_name", true, 200);
    auto per_day = r.integer("minutes_per_day", true, 0, 24 * 60);
    auto remaining = r.integer("remaining_minutes", true, 0, INT64_MAX / 2);
    auto after = r.integer("remaining_after_minutes", true, 0, INT64_MAX / 2);
    if (!r.ok()) return r.error();
    for (const char* k : {"worker_name", "minutes_per_day", "remaining_minutes", "remaining_after_minutes"}) entry.erase(k);
    auto e = entry_from_json(entry, path);
    if (!e) return e.error();
    a.entry = std::move(*e);
    a.worker_name = *name;
    a.minutes_per_day = *per_day;
    a.remaining_minutes = *remaining;
    a.remaining_after_minutes = *after;
    return a;
}

Result<TeamRow> team_row_from_json(const json& j, const std::string& path) {
    JsonReader r(j, path);
    TeamRow t;
    auto id = r.string("worker_id", true, 64);
    auto name = r.string("name", true, 200);
    auto dep_id = r.string("department_id", true, 64);
    auto dep = r.string("department", true, 200);
    auto pc = r.string("joint_committee", true, 20);
    auto fraction = r.rational("fraction", false, Rational(0), Rational(1), true);
    auto status = r.string("status", true, 20);
    auto year = r.integer("year", true, CivilDate::min_year, CivilDate::max_year);
    auto per_day = r.integer("minutes_per_day", true, 0, 24 * 60);
    struct Figure {
        const char* key;
        long long* target;
    };
    const Figure figures[] = {{"entitled_minutes", &t.entitled_minutes},   {"complementary_minutes", &t.complementary_minutes},
                              {"carried_in_minutes", &t.carried_in_minutes}, {"used_minutes", &t.used_minutes},
                              {"pending_minutes", &t.pending_minutes},     {"remaining_minutes", &t.remaining_minutes},
                              {"period_goal_minutes", &t.period_goal_minutes}, {"period_followed_minutes", &t.period_followed_minutes},
                              {"period_shortfall_minutes", &t.period_shortfall_minutes}};
    for (const auto& f : figures)
        if (auto m = r.integer(f.key, true, 0, INT64_MAX / 2)) *f.target = *m;
    auto p_start = r.integer("period_start_year", true, 0, CivilDate::max_year);
    auto p_end = r.integer("period_end_year", true, 0, CivilDate::max_year);
    t.lapses_on = r.date("lapses_on", false);
    auto behind = r.boolean("behind", true);
    auto lapsing = r.boolean("lapsing", true);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto st = worker_status_from(*status);
    if (!st) return make_error("out_of_range", "unknown status", path + ".status");
    t.worker_id = *id, t.name = *name, t.department_id = *dep_id, t.department = *dep, t.joint_committee = *pc;
    t.fraction = fraction;
    t.status = *st;
    t.year = static_cast<int>(*year);
    t.minutes_per_day = *per_day;
    t.period_start_year = static_cast<int>(*p_start), t.period_end_year = static_cast<int>(*p_end);
    t.behind = *behind, t.lapsing = *lapsing;
    return t;
}

}  // namespace

json to_json(const ApprovalItem& a) {
    json out = to_json(a.entry);
    out["worker_name"] = a.worker_name;
    out["minutes_per_day"] = a.minutes_per_day;
    out["remaining_minutes"] = a.remaining_minutes;
    out["remaining_after_minutes"] = a.remaining_after_minutes;
    return out;
}

json to_json(const TeamRow& t) {
    return {{"worker_id", t.worker_id},
            {"name", t.name},
            {"department_id", t.department_id},
            {"department", t.department},
            {"joint_committee", t.joint_committee},
            {"fraction", t.fraction ? json(exact(*t.fraction)) : json(nullptr)},
            {"status", to_string(t.status)},
            {"year", t.year},
            {"minutes_per_day", t.minutes_per_day},
            {"entitled_minutes", t.entitled_minutes},
            {"complementary_minutes", t.complementary_minutes},
            {"carried_in_minutes", t.carried_in_minutes},
            {"used_minutes", t.used_minutes},
            {"pending_minutes", t.pending_minutes},
            {"remaining_minutes", t.remaining_minutes},
            {"period_goal_minutes", t.period_goal_minutes},
            {"period_followed_minutes", t.period_followed_minutes},
            {"period_shortfall_minutes", t.period_shortfall_minutes},
            {"period_start_year", t.period_start_year},
            {"period_end_year", t.period_end_year},
            {"lapses_on", date_or_null(t.lapses_on)},
            {"behind", t.behind},
            {"lapsing", t.lapsing}};
}

json to_json(const ComplianceReport& r) {
    json groups = json::array();
    for (const auto& g : r.groups) {
        json duties = json::array();
        for (const auto& d : g.duties) duties.push_back(duty_json(d));
        groups.push_back({{"obligation_id", g.obligation_id}, {"name", g.name}, {"action", g.action}, {"source", g.source},
                          {"applies_to", g.applies_to}, {"trigger", g.trigger.iso()}, {"deadline", g.deadline.iso()},
                          {"status", to_string(g.status)}, {"days_left", g.days_left}, {"done", g.done}, {"total", g.total},
                          {"duties", duties}});
    }
    return {{"date", r.day.iso()}, {"items", groups}};
}

json to_json(const ApprovalPage& p) {
    json items = json::array();
    for (const auto& i : p.items) items.push_back(to_json(i));
    return {{"items", std::move(items)}, {"total", p.total}};
}

Result<ApprovalPage> approvals_from_json(const json& j) {
    auto items = items_from<ApprovalItem>(j, approval_from_json);
    if (!items) return items.error();
    JsonReader r(j, "");
    auto total = r.integer("total", true, static_cast<std::int64_t>(items->size()), INT64_MAX / 2);
    if (!r.ok()) return r.error();
    return ApprovalPage{std::move(*items), *total};
}

Result<std::vector<TeamRow>> team_from_json(const json& j) { return items_from<TeamRow>(j, team_row_from_json); }

Result<ComplianceReport> compliance_from_json(const json& j) {
    if (!j.is_object()) return make_error("wrong_type", "expected an object", "");
    auto date = j.find("date");
    if (date == j.end() || !date->is_string()) return make_error("missing_field", "expected a date", "date");
    auto day = CivilDate::parse(date->get<std::string>(), "date");
    if (!day) return day.error();
    auto groups = items_from<DutyGroup>(j, group_from_json);
    if (!groups) return groups.error();
    return ComplianceReport{*day, std::move(*groups)};
}

namespace {

json problem_json(const ImportProblem& p) {
    return {{"line", p.line}, {"column", p.column}, {"field", p.field}, {"message", p.message}};
}

Result<std::vector<ImportProblem>> problems_from(const json* list, const std::string& path) {
    std::vector<ImportProblem> out;
    for (size_t i = 0; i < list->size(); ++i) {
        JsonReader r((*list)[i], path + "[" + std::to_string(i) + "]");
        auto line = r.integer("line", true, 0, INT32_MAX);
        auto column = r.integer("column", true, 0, INT32_MAX);
        auto field = r.string("field", true, 200);
        auto message = r.string("message", true, 1000);
        r.reject_unknown_fields();
        if (!r.ok()) return r.error();
        out.push_back({static_cast<int>(*line), static_cast<int>(*column), *field, *message});
    }
    return out;
}

std::optional<ImportAction> import_action_from(const std::string& s) {
    for (auto a : {ImportAction::create, ImportAction::update, ImportAction::unchanged, ImportAction::rejected})
        if (s == to_string(a)) return a;
    return std::nullopt;
}

Result<PlannedRow> planned_row_from(const json& j, const std::string& path) {
    JsonReader r(j, path);
    PlannedRow row;
    auto line = r.integer("line", true, 0, INT32_MAX);
    auto action = r.string("action", true, 20);
    auto worker = r.string("worker_id", true, 64);
    auto name = r.string("name", true, 400);
    const json* changes = r.member("changes", true, json::value_t::array);
    const json* problems = r.member("problems", true, json::value_t::array);
    const json* entry = r.member("entry", false, json::value_t::object);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    auto a = import_action_from(*action);
    if (!a) return make_error("out_of_range", "unknown action", path + ".action");
    for (const auto& c : *changes) {
        if (!c.is_string()) return make_error("wrong_type", "expected a field name", path + ".changes");
        row.changes.push_back(c.get<std::string>());
    }
    auto p = problems_from(problems, path + ".problems");
    if (!p) return p.error();
    if (entry) {
        auto e = entry_from_json(*entry, path + ".entry");
        if (!e) return e.error();
        row.entry = std::move(*e);
    }
    row.line = static_cast<int>(*line), row.action = *a, row.worker_id = *worker, row.name = *name, row.problems = std::move(*p);
    return row;
}

}  // namespace

std::string to_json_text(const ImportPlan& plan, bool dry_run) {
    json file = json::array();
    for (const auto& p : plan.file_problems) file.push_back(problem_json(p));
    json head = {{"dry_run", dry_run},
                 {"kind", to_string(plan.kind)},
                 {"numbered_by_item", plan.numbered_by_item},
                 {"summary", {{"created", plan.created}, {"updated", plan.updated}, {"unchanged", plan.unchanged}, {"rejected", plan.rejected}}},
                 {"file_problems", file}};
    std::string text = head.dump();
    text.pop_back();  // the closing brace: the rows follow
    text += R"(,"rows":[)";
    bool first = true;
    for (const auto& r : plan.rows) {
        json problems = json::array();
        for (const auto& p : r.problems) problems.push_back(problem_json(p));
        const json row = {{"line", r.line}, {"action", to_string(r.action)}, {"worker_id", r.worker_id}, {"name", r.name},
                          {"changes", r.changes}, {"problems", problems}, {"entry", r.entry ? to_json(*r.entry) : json(nullptr)}};
        if (!first) text += ',';
        first = false;
        text += row.dump();
    }
    text += "]}";
    return text;
}

Result<ImportPlan> import_plan_from_json(const json& j) {
    JsonReader r(j);
    r.boolean("dry_run", true);
    auto kind = r.string("kind", true, 20);
    auto by_item = r.boolean("numbered_by_item", true);
    const json* summary = r.member("summary", true, json::value_t::object);
    const json* file = r.member("file_problems", true, json::value_t::array);
    const json* rows = r.member("rows", true, json::value_t::array);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    ImportPlan plan;
    auto k = import_kind_from(*kind);
    if (!k) return make_error("out_of_range", "unknown import kind", "kind");
    plan.kind = *k;
    plan.numbered_by_item = *by_item;
    JsonReader counts(*summary, "summary");
    int* targets[] = {&plan.created, &plan.updated, &plan.unchanged, &plan.rejected};
    const char* keys[] = {"created", "updated", "unchanged", "rejected"};
    for (int i = 0; i < 4; ++i)
        if (auto n = counts.integer(keys[i], true, 0, INT32_MAX)) *targets[i] = static_cast<int>(*n);
    counts.reject_unknown_fields();
    if (!counts.ok()) return counts.error();
    auto problems = problems_from(file, "file_problems");
    if (!problems) return problems.error();
    plan.file_problems = std::move(*problems);
    for (size_t i = 0; i < rows->size(); ++i) {
        auto row = planned_row_from((*rows)[i], "rows[" + std::to_string(i) + "]");
        if (!row) return row.error();
        plan.rows.push_back(std::move(*row));
    }
    return plan;
}

json to_json(const std::vector<NotificationItem>& items) {
    json list = json::array();
    int unread = 0;
    for (const auto& n : items) {
        unread += n.read ? 0 : 1;
        list.push_back({{"id", n.id}, {"kind", n.kind}, {"subject", n.subject}, {"body", n.body}, {"created_at", n.created_at}, {"read", n.read}});
    }
    return {{"unread", unread}, {"items", list}};
}

Result<std::vector<NotificationItem>> notifications_from_json(const json& j) {
    return items_from<NotificationItem>(j, [](const json& item, const std::string& path) -> Result<NotificationItem> {
        JsonReader r(item, path);
        auto id = r.integer("id", true, 1, INT64_MAX);
        auto kind = r.string("kind", true, 40);
        auto subject = r.string("subject", true, 400);
        auto body = r.string("body", true, 4000);
        auto created = r.string("created_at", true, 40);
        auto read = r.boolean("read", true);
        r.reject_unknown_fields();
        if (!r.ok()) return r.error();
        return NotificationItem{*id, *kind, *subject, *body, *created, *read};
    });
}

}  // namespace ll::wire
