// Numbers as people write them (decimal comma, "7:36" for hours); the strict checks (a year at
// least, no national numbers) are the core's decoder's, run on the server too.
#include "plan_draft.h"

#include "import_plan.h"
#include "wire.h"

namespace ll::ui {
namespace {

std::string hours_of(long long minutes) { return Rational::make(minutes, 60)->to_decimal(2); }

Result<CivilDate> date_field(const std::string& text, const char* field) {
    if (auto d = parse_date_cell(text)) return *d;
    return make_error("invalid_date", "expected a date like 2027-01-01 or 01/01/2027", field);
}

}  // namespace

PlanDraft draft_of(const TrainingPlan& plan) {
    PlanDraft d{plan.from.iso(), plan.to.iso(), plan.evaluation, plan.advice_on ? plan.advice_on->iso() : "",
                plan.filed_on ? plan.filed_on->iso() : "", {}};
    for (const auto& l : plan.lines) d.lines.push_back({l.group, l.training_type, l.description, std::to_string(l.workers), hours_of(l.minutes)});
    return d;
}

Result<TrainingPlan> plan_from_draft(const PlanDraft& d, int year, std::int64_t version) {
    nlohmann::json j = {{"year", year}, {"version", version}, {"evaluation", d.evaluation}, {"lines", nlohmann::json::array()}};
    auto from = date_field(d.from, "from");
    if (!from) return from.error();
    auto to = date_field(d.to, "to");
    if (!to) return to.error();
    j["from"] = from->iso();
    j["to"] = to->iso();
    for (auto [text, field] : {std::pair{&d.advice_on, "advice_on"}, {&d.filed_on, "filed_on"}}) {
        if (trimmed_cell(*text).empty()) continue;
        auto day = date_field(*text, field);
        if (!day) return day.error();
        j[field] = day->iso();
    }
    for (size_t i = 0; i < d.lines.size(); ++i) {
        const PlanLineDraft& l = d.lines[i];
        const std::string path = "lines[" + std::to_string(i) + "]";
        const std::string workers = trimmed_cell(l.workers);
        if (workers.empty() || workers.size() > 7 || workers.find_first_not_of("0123456789") != std::string::npos)
            return make_error("out_of_range", "expected a number of people", path + ".workers");
        auto minutes = trimmed_cell(l.hours).empty() ? std::optional<long long>(0) : parse_hours_cell(l.hours);
        if (!minutes) return make_error("out_of_range", "expected hours like 120 or 7,5", path + ".hours");
        j["lines"].push_back({{"group", to_string(l.group)}, {"training_type", l.training_type}, {"description", trimmed_cell(l.description)},
                              {"workers", std::stoi(workers)}, {"minutes", *minutes}});
    }
    auto plan = training_plan_from_json(j);
    if (!plan) {  // the screen's field for a line's time is its hours
        Error e = plan.error();
        if (e.field.size() > 8 && e.field.substr(e.field.size() - 8) == ".minutes") e.field.replace(e.field.size() - 7, 7, "hours");
        return e;
    }
    return plan;
}

}  // namespace ll::ui
