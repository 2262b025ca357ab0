// The yearly training account statement over HTTP: the same figures as the worker's balance, in the
// worker's language, as HTML (escaped) and as a PDF whose text poppler's pdftotext reads back.
#include <doctest/doctest.h>

#include <regex>

#include "demo_server.h"
#include "tool_output.h"

using namespace ll::test;
using nlohmann::json;

namespace {

std::string header(const Reply& r, const std::string& name) {
    auto it = r.headers.find(name);
    return it == r.headers.end() ? "" : it->second;
}

// The text of a PDF as poppler extracts it (layout kept, so label and value share a line).
std::string pdf_text(const std::string& pdf) { return tool_output("pdftotext -layout", pdf, "-"); }


}  // namespace

TEST_CASE("a worker's statement as HTML: their language, the figures of their balance, nothing of anyone else") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto anna = s.signed_in("worker@demo.example");
    auto balance = anna.get("/api/v1/me/balance?year=2026");
    REQUIRE(balance.status == 200);
    CHECK(balance.body["remaining_minutes"] == 72 * 60 + 12);  // 9.5 days of 7 h 36 min

    auto r = anna.get("/api/v1/me/statement?year=2026");
    REQUIRE(r.status == 200);
    CHECK(header(r, "Content-Type") == "text/html; charset=utf-8");
    CHECK(header(r, "Cache-Control") == "no-store");
    CHECK(r.raw.find("<html lang=\"nl\">") != std::string::npos);  // Anna's account language
    CHECK(r.raw.find("Individuele opleidingsrekening 2026") != std::string::npos);
    CHECK(r.raw.find("Anna Peeters") != std::string::npos);
    CHECK(r.raw.find("Demo Logistics NV") != std::string::npos);
    CHECK(r.raw.find("<th scope=\"row\">Resterend</th><td class=\"figure\">9,5 dagen (72 u 12 min)</td>") != std::string::npos);
    CHECK(r.raw.find("Safe loading") != std::string::npos);      // the waiting training is listed
    CHECK(r.raw.find("<script") == std::string::npos);
    CHECK_FALSE(has_national_number(r.raw));

    // Another worker's statement is not Anna's to see; HR of another employer does not find it.
    auto other = anna.get("/api/v1/workers/w-0002/statement?year=2026");
    CHECK((other.status == 403 || other.status == 404));
    auto bakery = s.signed_in("hr@bakery.example");
    CHECK(bakery.get("/api/v1/workers/w-0001/statement?year=2026").status == 404);
    CHECK(s.client().get("/api/v1/me/statement?year=2026").status == 401);
}

TEST_CASE("HR prints a worker's statement as PDF in another language; the PDF's text has the balance") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto r = hr.get("/api/v1/workers/w-0001/statement?year=2026&format=pdf&lang=fr");
    REQUIRE(r.status == 200);
    CHECK(header(r, "Content-Type") == "application/pdf");
    CHECK(header(r, "Content-Disposition") == "attachment; filename=\"training-account-2026-w-0001.pdf\"");
    REQUIRE(r.raw.rfind("%PDF-", 0) == 0);
    const std::string text = pdf_text(r.raw);
    CHECK(text.find("Compte individuel de formation 2026") != std::string::npos);
    CHECK(text.find("Anna Peeters") != std::string::npos);
    CHECK(std::regex_search(text, std::regex("Solde +9,5 jours \\(72 h 12 min\\)")));
    CHECK(std::regex_search(text, std::regex("Reporté des années précédentes +5,5 jours")));
    CHECK(text.find("Safe loading") != std::string::npos);
    CHECK_FALSE(has_national_number(text));

    // English and German render too; a year without a company size is a clear error naming the year.
    CHECK(pdf_text(hr.get("/api/v1/workers/w-0001/statement?year=2026&format=pdf&lang=en").raw).find("Individual training account 2026") !=
          std::string::npos);
    CHECK(hr.get("/api/v1/workers/w-0001/statement?year=2026&lang=de").raw.find("Individuelles Ausbildungskonto 2026") != std::string::npos);
}

TEST_CASE("statement requests are checked field by field; names are escaped in the HTML") {
    DemoServer s;
    REQUIRE(s.server.running());
    auto hr = s.signed_in("hr@demo.example");
    auto bad_format = hr.get("/api/v1/me/statement?year=2026&format=docx");
    CHECK(bad_format.status == 400);
    CHECK(bad_format.error()["field"] == "format");
    auto bad_lang = hr.get("/api/v1/workers/w-0001/statement?year=2026&lang=xx");
    CHECK(bad_lang.status == 400);
    CHECK(bad_lang.error()["field"] == "lang");
    auto bad_year = hr.get("/api/v1/workers/w-0001/statement?year=26");
    CHECK(bad_year.status == 400);
    CHECK(bad_year.error()["field"] == "year");
    CHECK(hr.get("/api/v1/workers/w-nobody/statement?year=2026").status == 404);

    auto created = hr.post("/api/v1/workers", {{"display_name", "<script>alert(1)</script> & \"Zoë\""},
                                               {"employment", {{{"start", "2026-01-01"}, {"fraction", 1}}}}});
    REQUIRE(created.status == 201);
    auto r = hr.get("/api/v1/workers/" + created.body["id"].get<std::string>() + "/statement?year=2026&lang=en");
    REQUIRE(r.status == 200);
    CHECK(r.raw.find("<script>") == std::string::npos);
    CHECK(r.raw.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zoë&quot;") != std::string::npos);
    CHECK(r.raw.find("No trainings in 2026.") != std::string::npos);
    auto pdf = hr.get("/api/v1/workers/" + created.body["id"].get<std::string>() + "/statement?year=2026&format=pdf&lang=en");
    REQUIRE(pdf.status == 200);
    CHECK(pdf_text(pdf.raw).find("<script>alert(1)</script> & \"Zoë\"") != std::string::npos);
}
