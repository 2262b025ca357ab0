// Fuzz target: payroll, provider-feed and opening-balance CSV files as HR uploads them (or an attacker
// does), split into records and planned against a known worker. Oracles: no crash; every problem
// names a line of the file and never repeats a national number; each plan's counts add up to its rows;
// every planned entry is for the known worker with a positive duration.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "csv_records.h"
#include "payroll_import.h"
#include "training_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto records = ll::read_csv_records(text, ll::CsvLimits{2000, 50, 1000});
    if (!records) return 0;
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n') + std::count(text.begin(), text.end(), '\r')) + 1;
    ll::WorkerRecord w;
    w.id = "w-1";
    w.display_name = "Known";
    w.national_number = "85073003328";
    const std::vector<ll::ExistingWorker> existing = {{w, {{*ll::CivilDate::parse("2024-01-01"), std::nullopt, ll::Rational(1)}}, {}}};
    const std::vector<ll::DepartmentRecord> departments = {{"d-1", "Office", ""}};
    const ll::EntryImportScope scope{"e", "w-hr", ll::Rational(38)};
    auto check = [&](const ll::ImportProblem& p) {
        if (p.line < 1 || p.line > lines) __builtin_trap();
        if (p.message.find("85073003328") != std::string::npos) __builtin_trap();
        size_t run = 0;  // no run of 11 digits: nothing that could be a national number
        for (char c : p.message) {
            run = (c >= '0' && c <= '9') ? run + 1 : 0;
            if (run >= 11) __builtin_trap();
        }
    };
    for (const auto& plan : {ll::plan_payroll_import(*records, existing, departments, "e", ll::Rational(38)),
                             ll::plan_training_import(*records, existing, scope), ll::plan_opening_import(*records, existing, scope)}) {
        for (const auto& p : plan.file_problems) check(p);
        for (const auto& row : plan.rows) {
            for (const auto& p : row.problems) check(p);
            if (row.action == ll::ImportAction::create && row.entry && (row.entry->worker_id != "w-1" || row.entry->entry.minutes <= 0))
                __builtin_trap();
        }
        if (plan.created + plan.updated + plan.unchanged + plan.rejected != static_cast<int>(plan.rows.size())) __builtin_trap();
    }
    return 0;
}
