// Net cost = gross cost + collective-fund contributions - subsidies (NBB model); "workers
// involved" counts each person once per block and gender however many trainings they followed.
#include "social_balance.h"

#include <set>
#include <utility>

namespace ll {
namespace {

TrainingBlock block_of(const std::string& training_type) {
    if (training_type == "informal") return TrainingBlock::informal;
    if (training_type == "initial") return TrainingBlock::initial;
    return TrainingBlock::formal;
}

Rational euro(std::int64_t cents) { return *Rational::make(cents, 100); }

}  // namespace

SocialBalanceSheet social_balance_sheet(int year, const std::vector<EntryRecord>& entries, const std::vector<std::string>& gender_of) {
    SocialBalanceSheet sheet;
    sheet.year = year;
    std::set<std::pair<int, std::string>> counted;  // (cell index, worker)
    std::set<std::string> unclassified;
    for (size_t i = 0; i < entries.size(); ++i) {
        const EntryRecord& e = entries[i];
        if (e.entry.kind != EntryKind::training || e.entry.status != EntryStatus::approved || e.entry.date.year() != year) continue;
        const std::string& gender = i < gender_of.size() ? gender_of[i] : std::string();
        if (gender != "female" && gender != "male") {
            unclassified.insert(e.worker_id);
            sheet.unclassified_minutes += e.entry.minutes;
            continue;
        }
        const int b = static_cast<int>(block_of(e.training_type)), g = gender == "female" ? 1 : 0;
        SocialBalanceCell& c = sheet.cells[b][g];
        if (counted.insert({b * 2 + g, e.worker_id}).second) ++c.workers;
        c.minutes += e.entry.minutes;
        c.gross_cents += e.cost_cents;
        c.fund_cents += e.fund_cents;
        c.subsidy_cents += e.subsidy_cents;
    }
    sheet.unclassified_workers = static_cast<int>(unclassified.size());
    return sheet;
}

std::vector<SocialBalanceLine> social_balance_lines(const SocialBalanceSheet& sheet) {
    using Unit = SocialBalanceLine::Unit;
    struct Block {
        TrainingBlock block;
        const char* name;
        int men_code, women_code;  // 5801 / 5811: the first code of each gender's group
        bool detail;               // formal training also gives the three parts of the cost
    };
    const Block blocks[] = {{TrainingBlock::formal, "formal continuing training", 5801, 5811, true},
                            {TrainingBlock::informal, "less formal or informal continuing training", 5821, 5831, false},
                            {TrainingBlock::initial, "initial training", 5841, 5851, false}};
    std::vector<SocialBalanceLine> out;
    for (const auto& b : blocks)
        for (bool women : {false, true}) {
            const SocialBalanceCell& c = sheet.cell(b.block, women);
            const int code = women ? b.women_code : b.men_code;
            const std::string who = std::string(b.name) + (women ? ", women" : ", men");
            out.push_back({std::to_string(code), who + ": workers involved", Unit::people, Rational(c.workers)});
            out.push_back({std::to_string(code + 1), who + ": hours", Unit::hours, *Rational::make(c.minutes, 60)});
            out.push_back({std::to_string(code + 2), who + ": net cost", Unit::euro, euro(c.net_cents())});
            if (!b.detail) continue;
            out.push_back({std::to_string(code + 2) + "1", who + ": gross cost", Unit::euro, euro(c.gross_cents)});
            out.push_back({std::to_string(code + 2) + "2", who + ": contributions to collective funds", Unit::euro, euro(c.fund_cents)});
            out.push_back({std::to_string(code + 2) + "3", who + ": subsidies received (deducted)", Unit::euro, euro(c.subsidy_cents)});
        }
    return out;
}

}  // namespace ll
