// State transitions of the app. Answers for a year no longer shown are dropped, so a slow
// response can never overwrite the figure of the year the user moved to.
#include "update.h"

#include <algorithm>

namespace ll::ui {
namespace {

std::vector<Command> load_year(AppState& s) {
    s.load = LoadState::loading;
    s.error.reset();
    if (s.entitlement && s.entitlement->year != s.year) s.entitlement.reset();
    return {FetchEntitlement{s.worker_id, s.year}};
}

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace

AppState initial_state(const CivilDate& today, std::string worker_id, int first_year, int last_year) {
    AppState s;
    s.today = today;
    s.worker_id = std::move(worker_id);
    s.first_year = first_year;
    s.last_year = last_year;
    s.year = std::clamp(today.year(), first_year, last_year);
    return s;
}

std::vector<Command> start(AppState& state) { return load_year(state); }

std::vector<Command> update(AppState& s, const Action& action) {
    return std::visit(
        Overloaded{
            [&](const SelectYear& a) -> std::vector<Command> {
                int year = std::clamp(a.year, s.first_year, s.last_year);
                if (year == s.year && s.load != LoadState::failed) return {};
                s.year = year;
                return load_year(s);
            },
            [&](const ToggleExplanation&) -> std::vector<Command> {
                s.show_explanation = !s.show_explanation;
                return {};
            },
            [&](const Retry&) -> std::vector<Command> { return load_year(s); },
            [&](const EntitlementLoaded& a) -> std::vector<Command> {
                if (a.entitlement.year != s.year) return {};
                s.entitlement = a.entitlement;
                s.load = LoadState::loaded;
                s.error.reset();
                return {};
            },
            [&](const RequestFailed& a) -> std::vector<Command> {
                if (a.year != s.year) return {};
                s.load = LoadState::failed;
                s.error = a.error;
                return {};
            },
        },
        action);
}

}  // namespace ll::ui
