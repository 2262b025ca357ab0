// The statement as an A4 PDF: cairo's PDF surface (fonts embedded as subsets) and pango for line
// breaking and shaping, so accents and long names wrap like any text. Pages break between blocks.
#include "printed_statement.h"

#include <algorithm>
#include <memory>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

namespace ll::server {

namespace {

constexpr double page_width = 595.28, page_height = 841.89;  // A4 in points
constexpr double margin = 56.0, content_width = page_width - 2 * margin;
constexpr const char* font_families = "Inter, DejaVu Sans, sans-serif";

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct SurfaceDeleter { void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); } };
struct ContextDeleter { void operator()(cairo_t* c) const { cairo_destroy(c); } };
struct LayoutDeleter { void operator()(PangoLayout* l) const { g_object_unref(l); } };
struct FontDeleter { void operator()(PangoFontDescription* f) const { pango_font_description_free(f); } };

// Draws blocks of text top to bottom, starting a new page when a block would not fit.
class PageWriter {
public:
    explicit PageWriter(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {}

    // Text at `x` wrapped to `width`; returns its height without drawing when `draw` is false.
    double text(const std::string& s, double x, double width, double size, bool bold, bool draw) {
        std::unique_ptr<PangoFontDescription, FontDeleter> font(pango_font_description_from_string(font_families));
        pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
        pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout_.get(), font.get());
        pango_layout_set_width(layout_.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(layout_.get(), s.c_str(), static_cast<int>(s.size()));
        int w = 0, h = 0;
        pango_layout_get_size(layout_.get(), &w, &h);
        if (draw) {
            cairo_move_to(cr_, x, y_);
            pango_cairo_show_layout(cr_, layout_.get());
        }
        return static_cast<double>(h) / PANGO_SCALE;
    }

    void paragraph(const std::string& s, double size = 10, bool bold = false, double after = 4) {
        make_room(text(s, margin, content_width, size, bold, false));
        y_ += text(s, margin, content_width, size, bold, true) + after;
    }

    // One row of cells side by side; the row is as tall as its tallest cell.
    void row(const std::vector<std::string>& cells, const std::vector<double>& widths, bool bold = false) {
        double h = 0;
        for (size_t i = 0; i < cells.size(); ++i) h = std::max(h, text(cells[i], 0, widths[i] - 6, 9.5, bold, false));
        make_room(h);
        double x = margin;
        for (size_t i = 0; i < cells.size(); ++i) {
            text(cells[i], x, widths[i] - 6, 9.5, bold, true);
            x += widths[i];
        }
        y_ += h + 3;
    }

    void rule() {
        cairo_set_line_width(cr_, 0.5);
        cairo_move_to(cr_, margin, y_);
        cairo_line_to(cr_, page_width - margin, y_);
        cairo_stroke(cr_);
        y_ += 4;
    }

    void space(double points) { y_ += points; }
    void make_room(double height) {
        if (y_ + height <= page_height - margin || y_ <= margin) return;
        cairo_show_page(cr_);
        y_ = margin;
    }

private:
    cairo_t* cr_;
    std::unique_ptr<PangoLayout, LayoutDeleter> layout_;
    double y_ = margin;
};

void write_document(PageWriter& page, const ui::StatementDocument& d) {
    page.paragraph(d.title, 18, true, 10);
    for (const auto& r : d.header) page.row({r.label, r.value}, {150, content_width - 150});
    for (const auto& s : d.sections) {
        page.space(10);
        page.make_room(60);  // a heading never ends a page
        page.paragraph(s.heading, 12.5, true, 2);
        page.rule();
        for (const auto& r : s.rows) page.row({r.label, r.value}, {260, content_width - 260});
        for (const auto& line : s.lines) page.paragraph(line);
        if (s.trainings.empty()) continue;
        const std::vector<double> widths = {70, content_width - 70 - 90 - 110, 90, 110};
        page.row(d.training_columns, widths, true);
        for (const auto& t : s.trainings) page.row({t.date, t.title, t.duration, t.status}, widths);
    }
    page.space(16);
    page.paragraph(d.footer, 9);
}

}  // namespace

Result<std::string> statement_pdf(const ui::StatementDocument& d) {
    std::string out;
    {
        std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
            cairo_pdf_surface_create_for_stream(append_to_string, &out, page_width, page_height));
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, d.title.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "learnledger");
        std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
        {
            PageWriter page(cr.get());
            write_document(page, d);
        }
        cairo_show_page(cr.get());
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
            return make_error("render_failed", cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    return out;
}

}  // namespace ll::server
