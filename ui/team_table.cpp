// Filtering and sorting are presentation: they pick and order rows the server computed, so
// thousands of rows re-sort in the client without another request.
#include "team_table.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "history_filter.h"

namespace ll::ui {
namespace {

bool words_in(const std::string& folded_haystack, const std::string& search) {
    std::istringstream words(search_folded(search));
    std::string w;
    while (words >> w)
        if (folded_haystack.find(w) == std::string::npos) return false;
    return true;
}

long long sort_value(const TeamRow& r, TeamColumn c) {
    switch (c) {
        case TeamColumn::entitled: return r.entitled_minutes;
        case TeamColumn::used: return r.used_minutes;
        case TeamColumn::pending: return r.pending_minutes;
        case TeamColumn::remaining: return r.remaining_minutes;
        case TeamColumn::period: return r.period_shortfall_minutes;
        case TeamColumn::name:
        case TeamColumn::department: return 0;
    }
    return 0;
}

}  // namespace

bool matches(const TeamFilter& f, const TeamRow& r) {
    if (!f.department_id.empty() && r.department_id != f.department_id) return false;
    if (!f.joint_committee.empty() && r.joint_committee != f.joint_committee) return false;
    if (f.status && r.status != *f.status) return false;
    if (f.flagged_only && !r.behind && !r.lapsing) return false;
    if (f.regime != RegimeFilter::all) {
        if (!r.fraction) return false;
        const bool full = *r.fraction == Rational(1);
        if (full != (f.regime == RegimeFilter::full_time)) return false;
    }
    return f.search.empty() || words_in(search_folded(r.name), f.search);
}

int active_filters(const TeamFilter& f) {
    const TeamFilter defaults;
    return !f.search.empty() + !f.department_id.empty() + !f.joint_committee.empty() + (f.regime != defaults.regime) +
           (f.status != defaults.status) + f.flagged_only;
}

std::vector<const TeamRow*> visible_rows(const TeamState& t) {
    std::vector<const TeamRow*> out;
    out.reserve(t.rows.size());
    for (const auto& r : t.rows)
        if (matches(t.filter, r)) out.push_back(&r);
    const TeamColumn c = t.sort;
    const bool asc = t.ascending;
    std::stable_sort(out.begin(), out.end(), [&](const TeamRow* a, const TeamRow* b) {
        if (c == TeamColumn::name || c == TeamColumn::department) {
            const std::string& x = c == TeamColumn::name ? a->name : a->department;
            const std::string& y = c == TeamColumn::name ? b->name : b->department;
            if (x != y) return asc ? x < y : y < x;
            return a->name < b->name;
        }
        const long long x = sort_value(*a, c), y = sort_value(*b, c);
        if (x != y) return asc ? x < y : y < x;
        return a->name < b->name;
    });
    return out;
}

std::vector<std::pair<std::string, std::string>> departments_of(const std::vector<TeamRow>& rows) {
    std::map<std::string, std::string> by_name;
    for (const auto& r : rows)
        if (!r.department_id.empty()) by_name[r.department] = r.department_id;
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, id] : by_name) out.emplace_back(id, name);
    return out;
}

std::vector<std::string> joint_committees_of(const std::vector<TeamRow>& rows) {
    std::set<std::string> all;
    for (const auto& r : rows)
        if (!r.joint_committee.empty()) all.insert(r.joint_committee);
    return {all.begin(), all.end()};
}

}  // namespace ll::ui
