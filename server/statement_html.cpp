// The statement as one self-contained HTML page (styles inline, no scripts, no external files), laid
// out for A4 when printed; every text is escaped, so a name like "<script>" stays text.
#include "printed_statement.h"

namespace ll::server {

namespace {

std::string escaped(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

constexpr const char* style =
    "@page{size:A4;margin:18mm}"
    "body{font-family:Inter,'DejaVu Sans',Arial,sans-serif;color:#111;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.4}"
    "h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #999}"
    "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem .25rem 0;vertical-align:top}"
    "td.figure{text-align:right;white-space:nowrap}table.trainings th{border-bottom:1px solid #999}"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{color:#444}dd{margin:0}"
    "footer{margin-top:2rem;font-size:.9rem;color:#333}@media print{body{margin:0;max-width:none}}";

void rows_html(std::string& out, const std::vector<ui::StatementRow>& rows) {
    if (rows.empty()) return;
    out += "<table>";
    for (const auto& r : rows) out += "<tr><th scope=\"row\">" + escaped(r.label) + "</th><td class=\"figure\">" + escaped(r.value) + "</td></tr>";
    out += "</table>";
}

void trainings_html(std::string& out, const ui::StatementDocument& d, const ui::StatementSection& s) {
    if (s.trainings.empty()) return;
    out += "<table class=\"trainings\"><thead><tr>";
    for (const auto& c : d.training_columns) out += "<th scope=\"col\">" + escaped(c) + "</th>";
    out += "</tr></thead><tbody>";
    for (const auto& t : s.trainings)
        out += "<tr><td>" + escaped(t.date) + "</td><td>" + escaped(t.title) + "</td><td>" + escaped(t.duration) + "</td><td>" +
               escaped(t.status) + "</td></tr>";
    out += "</tbody></table>";
}

}  // namespace

std::string statement_html(const ui::StatementDocument& d) {
    std::string out = "<!DOCTYPE html><html lang=\"" + std::string(ui::code(d.language)) + "\"><head><meta charset=\"utf-8\">";
    out += "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + escaped(d.title) + "</title>";
    out += "<style>" + std::string(style) + "</style></head><body><h1>" + escaped(d.title) + "</h1><dl>";
    for (const auto& r : d.header) out += "<dt>" + escaped(r.label) + "</dt><dd>" + escaped(r.value) + "</dd>";
    out += "</dl>";
    for (const auto& s : d.sections) {
        out += "<section><h2>" + escaped(s.heading) + "</h2>";
        rows_html(out, s.rows);
        for (const auto& line : s.lines) out += "<p>" + escaped(line) + "</p>";
        trainings_html(out, d, s);
        out += "</section>";
    }
    out += "<footer><p>" + escaped(d.footer) + "</p></footer></body></html>\n";
    return out;
}

}  // namespace ll::server
