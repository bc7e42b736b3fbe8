// The aged balance as a PDF: the document's formatted values as a view for
// templates/<lang>/aging.mustache, drawn and finished like a letter.
#include "document_pipeline.hpp"
#include "relance/formats/pdf_finish.hpp"
#include "relance/letters/report.hpp"

namespace relance::letters {

namespace {

using detail::ViewData;
using kainjow::mustache::list;
using kainjow::mustache::object;

ViewData boolean(bool b) {
  return ViewData(b ? ViewData::type::bool_true : ViewData::type::bool_false);
}

ViewData row_view(const AgingReportRow& r) {
  ViewData v = object{};
  v.set("customer", r.customer);
  v.set("not_due", r.not_due);
  v.set("days_1_30", r.days_1_30);
  v.set("days_31_60", r.days_31_60);
  v.set("days_61_90", r.days_61_90);
  v.set("over_90", r.over_90);
  v.set("total", r.total);
  detail::set_optional(v, "disputed", r.disputed);
  detail::set_optional(v, "oldest_days_late", r.oldest_days_late);
  return v;
}

ViewData section_view(const AgingCurrencySection& s) {
  ViewData v = object{};
  v.set("currency", s.currency);
  list rows;
  for (const auto& r : s.rows) rows.push_back(row_view(r));
  v.set("rows", ViewData(rows));
  v.set("totals", row_view(s.totals));
  v.set("dso_days", s.dso_days);
  list chase;
  for (const auto& c : s.chase_first) {
    ViewData e = object{};
    e.set("rank", c.rank);
    e.set("customer", c.customer);
    e.set("over_30", c.over_30);
    e.set("overdue", c.overdue);
    e.set("oldest_days_late", c.oldest_days_late);
    chase.push_back(e);
  }
  v.set("chase_first", ViewData(chase));
  v.set("has_chase_first", boolean(!s.chase_first.empty()));
  list weeks;
  for (const auto& w : s.cash_in) {
    ViewData e = object{};
    e.set("week", w.week);
    e.set("from", w.from);
    e.set("amount", w.amount);
    weeks.push_back(e);
  }
  v.set("cash_in", ViewData(weeks));
  v.set("overdue_unknown", s.overdue_unknown);
  v.set("later", s.later);
  v.set("disputed", s.disputed);
  return v;
}

ViewData document_view(const AgingReportDocument& d, Language language) {
  ViewData v = object{};
  v.set("lang", std::string(language_code(language)));
  detail::set_optional(v, "company", d.company);
  v.set("as_of", d.as_of);
  list sections;
  for (const auto& s : d.currencies) sections.push_back(section_view(s));
  v.set("currencies", ViewData(sections));
  v.set("is_empty", boolean(d.currencies.empty()));
  return v;
}

}  // namespace

Result<std::string> render_aging_pdf(const AgingReportDocument& document, Language language,
                                     std::filesystem::path templates_dir) {
  const std::string source = "aging-" + std::string(language_code(language));
  Result<std::string> out;
  try {
    detail::DocumentPipeline pipeline(std::move(templates_dir));
    std::string pdf =
        pipeline.draw(language, "aging", document_view(document, language),
                      detail::PdfDocumentInfo{"Aged balance " + document.as_of, document.company, {}});
    auto finished = formats::finish_pdf(pdf, formats::PdfFinishOptions{}, source);
    out.diagnostics.merge(finished.diagnostics);
    out.value = std::move(finished.value);
  } catch (const Error& e) {
    out.diagnostics.add(detail::with_source(e.diagnostic, source));
  }
  return out;
}

}  // namespace relance::letters
