// Progress counts people once per line (distinct workers, like the social balance sheet) and only
// trainings inside the plan's period; groups the ledger cannot tell are "not recorded", not zero.
#include "training_plan.h"

#include <algorithm>

#include "json_reader.h"
#include "rational.h"
#include "wire.h"

namespace ll {

using nlohmann::json;

const char* to_string(PlanGroup g) {
    switch (g) {
        case PlanGroup::everyone: return "everyone";
        case PlanGroup::women: return "women";
        case PlanGroup::men: return "men";
        case PlanGroup::age_50_plus: return "age_50_plus";
        case PlanGroup::under_26: return "under_26";
        case PlanGroup::disabled: return "disabled";
        case PlanGroup::foreign_nationality: return "foreign_nationality";
        case PlanGroup::bottleneck_jobs: return "bottleneck_jobs";
    }
    return "";
}

std::optional<PlanGroup> plan_group_from(const std::string& s) {
    for (auto g : {PlanGroup::everyone, PlanGroup::women, PlanGroup::men, PlanGroup::age_50_plus, PlanGroup::under_26, PlanGroup::disabled,
                   PlanGroup::foreign_nationality, PlanGroup::bottleneck_jobs})
        if (s == to_string(g)) return g;
    return std::nullopt;
}

namespace {

int age_on(const CivilDate& birth, const CivilDate& day) {
    int age = day.year() - birth.year();
    if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day())) --age;
    return age;
}

// Whether the ledger can tell membership, and if so whether `p` belongs on `day`.
std::optional<bool> member_of(PlanGroup g, const PlanPerson& p, const CivilDate& day) {
    switch (g) {
        case PlanGroup::everyone: return true;
        case PlanGroup::women: return p.gender == "female";
        case PlanGroup::men: return p.gender == "male";
        case PlanGroup::age_50_plus: return p.birth_date && age_on(*p.birth_date, day) >= 50;
        case PlanGroup::under_26: return p.birth_date && age_on(*p.birth_date, day) < 26;
        case PlanGroup::disabled:
        case PlanGroup::foreign_nationality:
        case PlanGroup::bottleneck_jobs: return std::nullopt;
    }
    return std::nullopt;
}

bool has_national_number(const std::string& text) {
    int run = 0;
    for (char c : text) {
        run = (c >= '0' && c <= '9') ? run + 1 : (c == '.' || c == '-' || c == ' ') && run > 0 ? run : 0;
        if (run >= 11) return true;
    }
    return false;
}

std::string hours_text(long long minutes) { return Rational::make(minutes, 60)->to_decimal(2); }

}  // namespace

std::vector<LineProgress> plan_progress(const TrainingPlan& plan, const std::vector<PlanPerson>& people) {
    std::vector<LineProgress> out;
    for (const auto& line : plan.lines) {
        LineProgress lp;
        lp.known = member_of(line.group, PlanPerson{}, plan.from).has_value();
        for (const auto& p : people) {
            if (!lp.known || !*member_of(line.group, p, plan.from)) continue;
            long long minutes = 0;
            for (const auto& t : p.trainings)
                if (t.training_type == line.training_type && t.date >= plan.from && t.date <= plan.to) minutes += t.minutes;
            if (minutes == 0) continue;
            ++lp.workers;
            lp.minutes += minutes;
        }
        out.push_back(lp);
    }
    return out;
}

std::vector<PlanDeadline> plan_deadlines(const RuleSet& rules, const TrainingPlan& plan) {
    std::vector<PlanDeadline> out;
    const CivilDate january = *CivilDate::from_ymd(plan.year, 1, 1);
    for (const Obligation* o : obligations_on(rules.obligations, january, january))
        if (o->id.rfind("training_plan", 0) == 0) out.push_back({o->id, o->name, o->deadline_for(january)});
    // "Within one month of its entry into force" (FPS Employment): the same day a month later, or
    // the month's last day when it has no such day.
    const CivilDate start = *CivilDate::from_ymd(plan.from.year(), plan.from.month(), 1);
    const CivilDate next = start.end_of_month().plus_days(1);
    const unsigned day = std::min(plan.from.day(), CivilDate::days_in_month(next.year(), next.month()));
    out.push_back({"training_plan.filing", "Training plan: filing with the FPS Employment", *CivilDate::from_ymd(next.year(), next.month(), day)});
    std::sort(out.begin(), out.end(), [](const PlanDeadline& a, const PlanDeadline& b) { return a.deadline < b.deadline; });
    return out;
}

std::vector<std::string> training_plan_columns() {
    return {"target_group", "training_type", "description", "planned_workers", "planned_hours", "realised_workers", "realised_hours"};
}

std::vector<std::vector<std::string>> training_plan_rows(const TrainingPlan& plan, const std::vector<LineProgress>& progress) {
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < plan.lines.size(); ++i) {
        const PlanLine& l = plan.lines[i];
        const LineProgress p = i < progress.size() ? progress[i] : LineProgress{};
        std::string workers, hours;
        if (p.known && p.workers > 0 && p.workers < smallest_shown_count) {
            workers = "<" + std::to_string(smallest_shown_count);
        } else if (p.known) {
            workers = std::to_string(p.workers);
            hours = hours_text(p.minutes);
        }
        rows.push_back({to_string(l.group), l.training_type, l.description, std::to_string(l.workers), hours_text(l.minutes), workers, hours});
    }
    return rows;
}

json to_json(const TrainingPlan& plan, const std::vector<LineProgress>& progress) {
    using wire::date_or_null;
    json lines = json::array();
    for (size_t i = 0; i < plan.lines.size(); ++i) {
        const PlanLine& l = plan.lines[i];
        json line = {{"group", to_string(l.group)}, {"training_type", l.training_type}, {"description", l.description},
                     {"workers", l.workers}, {"minutes", l.minutes}};
        if (i < progress.size())
            line["realised"] = progress[i].known ? json{{"workers", progress[i].workers}, {"minutes", progress[i].minutes}} : json(nullptr);
        lines.push_back(line);
    }
    return {{"year", plan.year}, {"from", plan.from.iso()}, {"to", plan.to.iso()}, {"evaluation", plan.evaluation},
            {"advice_on", date_or_null(plan.advice_on)}, {"filed_on", date_or_null(plan.filed_on)}, {"version", plan.version},
            {"lines", lines}};
}

namespace {

// The fields both directions share; `with_answer` also requires the version and reads realised figures.
Result<std::pair<TrainingPlan, std::vector<LineProgress>>> read_plan(const json& j, bool with_answer) {
    JsonReader r(j);
    TrainingPlan plan;
    std::vector<LineProgress> progress;
    auto year = r.integer("year", true, CivilDate::min_year, CivilDate::max_year);
    auto from = r.date("from", true);
    auto to = r.date("to", true);
    auto evaluation = r.string("evaluation", false, 2000);
    auto advice = r.date("advice_on", false);
    auto filed = r.date("filed_on", false);
    auto version = r.integer("version", with_answer, 0, INT64_MAX);  // sent: the version edited (0: a new plan)
    const json* lines = r.member("lines", true, json::value_t::array);
    r.reject_unknown_fields();
    if (!r.ok()) return r.error();
    if (lines->size() > 200) return make_error("too_large", "at most 200 lines", "lines");
    if (*to < *from) return make_error("out_of_range", "the plan ends before it starts", "to");
    if (from->days_until(*to) < 364) return make_error("out_of_range", "a training plan covers at least one year", "to");
    plan.year = static_cast<int>(*year);
    plan.from = *from;
    plan.to = *to;
    plan.evaluation = evaluation.value_or("");
    plan.advice_on = advice;
    plan.filed_on = filed;
    plan.version = version.value_or(0);
    if (has_national_number(plan.evaluation)) return make_error("personal_data", "a training plan holds no national numbers", "evaluation");
    for (size_t i = 0; i < lines->size(); ++i) {
        const std::string path = "lines[" + std::to_string(i) + "]";
        JsonReader l((*lines)[i], path);
        auto group = l.string("group", true, 40);
        auto type = l.string("training_type", true, 16);
        auto description = l.string("description", true, 300);
        auto workers = l.integer("workers", true, 0, 1000000);
        auto minutes = l.integer("minutes", true, 0, 1000000LL * 60 * 24);
        const json* realised = with_answer ? l.member("realised", false, json::value_t::object) : nullptr;
        l.reject_unknown_fields();
        if (!l.ok()) return l.error();
        auto g = plan_group_from(*group);
        if (!g) return make_error("out_of_range", "unknown target group", path + ".group");
        if (*type != "formal" && *type != "informal") return make_error("out_of_range", "expected formal or informal", path + ".training_type");
        if (has_national_number(*description))
            return make_error("personal_data", "a training plan holds no national numbers", path + ".description");
        plan.lines.push_back({*g, *type, *description, static_cast<int>(*workers), *minutes});
        if (!with_answer) continue;
        LineProgress p;
        if (realised) {
            JsonReader rr(*realised, path + ".realised");
            auto w = rr.integer("workers", true, 0, INT32_MAX);
            auto m = rr.integer("minutes", true, 0, INT64_MAX);
            rr.reject_unknown_fields();
            if (!rr.ok()) return rr.error();
            p = {true, static_cast<int>(*w), *m};
        }
        progress.push_back(p);
    }
    return std::pair{std::move(plan), std::move(progress)};
}

}  // namespace

Result<TrainingPlan> training_plan_from_json(const json& j) {
    auto r = read_plan(j, false);
    if (!r) return r.error();
    return std::move(r->first);
}

Result<std::pair<TrainingPlan, std::vector<LineProgress>>> training_plan_answer_from_json(const json& j) { return read_plan(j, true); }

}  // namespace ll
