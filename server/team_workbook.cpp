// libxlsxwriter 1.1.4 (Debian 12) writes only to a file: the workbook goes to a private temporary
// file that is read back and removed. Text cells are written as strings, never as formulas.
#include "team_workbook.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include <xlsxwriter.h>

namespace ll::server {

namespace {

double days(long long minutes, long long per_day) { return per_day > 0 ? static_cast<double>(minutes) / static_cast<double>(per_day) : 0; }
double hours(long long minutes) { return static_cast<double>(minutes) / 60.0; }

struct Formats {
    lxw_format *header, *days, *hours, *share, *date;
};

Formats formats_of(lxw_workbook* wb) {
    Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    format_set_num_format(f.days, "0.00");
    format_set_num_format(f.hours, "0.00");
    format_set_num_format(f.share, "0%");
    format_set_num_format(f.date, "yyyy-mm-dd");
    return f;
}

void write_row(lxw_worksheet* ws, lxw_row_t r, const TeamRow& t, const Formats& f) {
    lxw_col_t c = 0;
    worksheet_write_string(ws, r, c++, t.name.c_str(), nullptr);
    worksheet_write_string(ws, r, c++, t.department.c_str(), nullptr);
    worksheet_write_string(ws, r, c++, t.joint_committee.c_str(), nullptr);
    if (t.fraction) worksheet_write_number(ws, r, c, t.fraction->to_double(), f.share);
    ++c;
    worksheet_write_string(ws, r, c++, to_string(t.status), nullptr);  // active, not_started, left
    for (long long m : {t.entitled_minutes, t.complementary_minutes, t.carried_in_minutes, t.used_minutes, t.pending_minutes, t.remaining_minutes})
        worksheet_write_number(ws, r, c++, days(m, t.minutes_per_day), f.days);
    worksheet_write_number(ws, r, c++, hours(t.remaining_minutes), f.hours);
    if (t.period_start_year) worksheet_write_string(ws, r, c, (std::to_string(t.period_start_year) + "-" + std::to_string(t.period_end_year)).c_str(), nullptr);
    ++c;
    for (long long m : {t.period_goal_minutes, t.period_followed_minutes, t.period_shortfall_minutes}) worksheet_write_number(ws, r, c++, hours(m), f.hours);
    if (t.lapses_on) {
        lxw_datetime d{t.lapses_on->year(), static_cast<int>(t.lapses_on->month()), static_cast<int>(t.lapses_on->day()), 0, 0, 0};
        worksheet_write_datetime(ws, r, c, &d, f.date);
    }
    ++c;
    worksheet_write_boolean(ws, r, c++, t.behind, nullptr);
    worksheet_write_boolean(ws, r, c++, t.lapsing, nullptr);
}

}  // namespace

Result<std::string> team_workbook(const std::vector<TeamRow>& rows, int year) {
    std::string path = (std::filesystem::temp_directory_path() / "learnledger-team-XXXXXX").string();
    const int fd = ::mkstemp(path.data());
    if (fd < 0) return make_error("storage_error", "no temporary file for the workbook");
    ::close(fd);
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) {
        std::filesystem::remove(path);
        return make_error("storage_error", "the workbook could not be created");
    }
    const std::string sheet = "Team " + std::to_string(year);
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
    const Formats f = formats_of(wb);
    const char* headers[] = {"Name", "Department", "Joint committee", "Regime", "Status", "Right (days)", "Extra (days)",
                             "Carried in (days)", "Followed (days)", "Waiting (days)", "Remaining (days)", "Remaining (hours)",
                             "5-year period", "Period goal (hours)", "Period followed (hours)", "Period shortfall (hours)",
                             "Lapses on", "Behind", "Lapsing"};
    const lxw_col_t columns = static_cast<lxw_col_t>(std::size(headers));
    for (lxw_col_t c = 0; c < columns; ++c) worksheet_write_string(ws, 0, c, headers[c], f.header);
    for (size_t i = 0; i < rows.size(); ++i) write_row(ws, static_cast<lxw_row_t>(i + 1), rows[i], f);
    worksheet_set_column(ws, 0, 0, 28, nullptr);
    worksheet_set_column(ws, 1, 2, 16, nullptr);
    worksheet_set_column(ws, 3, columns - 1, 14, nullptr);
    worksheet_freeze_panes(ws, 1, 1);
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size()), columns - 1);
    const lxw_error closed = workbook_close(wb);
    std::string out;
    if (closed == LXW_NO_ERROR) {
        std::ifstream in(path, std::ios::binary);
        out.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::filesystem::remove(path);
    if (closed != LXW_NO_ERROR || out.empty()) return make_error("storage_error", std::string("the workbook could not be written: ") + lxw_strerror(closed));
    return out;
}

}  // namespace ll::server
