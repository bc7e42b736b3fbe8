#include "relance/letters/invoice_renderer.hpp"

#include <cstdlib>

#include "fonts.hpp"
#include "invoice_view.hpp"
#include "layout.hpp"
#include "markup.hpp"
#include "pdf_writer.hpp"
#include "relance/formats/cii.hpp"
#include "relance/formats/facturx.hpp"
#include "relance/formats/facturx_profile.hpp"
#include "relance/formats/pdf_finish.hpp"
#include "template_engine.hpp"

namespace relance::letters {

namespace {

constexpr std::string_view en16931_guideline = "urn:cen.eu:en16931:2017";

std::string document_title(const formats::Invoice& invoice) {
  return (invoice.is_credit_note() ? "Credit note " : "Invoice ") + invoice.number;
}

}  // namespace

std::filesystem::path default_templates_dir() {
  if (const char* env = std::getenv("RELANCE_TEMPLATES"); env != nullptr && *env != '\0') return env;
  return RELANCE_DEFAULT_TEMPLATES_DIR;
}

struct InvoiceRenderer::Impl {
  RenderOptions options;
  std::unique_ptr<detail::TemplateSet> templates;
  std::unique_ptr<detail::PdfWriter> writer;

  detail::PdfWriter& pdf_writer() {
    if (!writer) writer = std::make_unique<detail::PdfWriter>(detail::fonts());
    return *writer;
  }

  detail::TemplateSet& template_set() {
    if (!templates) {
      const auto dir = options.templates_dir.empty() ? default_templates_dir() : options.templates_dir;
      templates = std::make_unique<detail::TemplateSet>(dir, options.language);
    }
    return *templates;
  }
};

InvoiceRenderer::InvoiceRenderer(RenderOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}
InvoiceRenderer::~InvoiceRenderer() = default;

Result<std::string> InvoiceRenderer::markup(const formats::Invoice& invoice, std::string_view source_name) {
  Result<std::string> out;
  try {
    out.value =
        impl_->template_set().render("invoice", detail::invoice_view(invoice, impl_->options.language));
  } catch (const Error& e) {
    Diagnostic d = e.diagnostic;
    if (d.where.source.empty()) d.where.source = std::string(source_name);
    out.diagnostics.add(std::move(d));
  }
  return out;
}

Result<std::string> InvoiceRenderer::render(const formats::Invoice& invoice, std::string_view source_name) {
  Result<std::string> out;
  try {
    const auto& fonts = detail::fonts();
    auto& templates = impl_->template_set();
    const std::string markup_text =
        templates.render("invoice", detail::invoice_view(invoice, impl_->options.language));
    const auto pages =
        detail::lay_out(detail::parse_markup(markup_text, (templates.folder() / "invoice.mustache").string()),
                        fonts, (templates.folder() / "invoice.mustache").string());
    detail::PdfDocumentInfo info{document_title(invoice), invoice.seller.name, {}};
    std::string pdf = impl_->pdf_writer().write(pages, info);
    if (!impl_->options.facturx) {
      auto finished =
          formats::finish_pdf(pdf, formats::PdfFinishOptions{impl_->options.modification_date}, source_name);
      out.diagnostics.merge(finished.diagnostics);
      out.value = std::move(finished.value);
      return out;
    }
    // The embedded XML must announce a profile Factur-X knows, and the XMP must say the same.
    formats::CiiWriteOptions cii_options;
    std::string level = formats::facturx_conformance_level(invoice.specification_identifier);
    if (level.empty()) {
      cii_options.guideline_id = std::string(en16931_guideline);
      level = "EN 16931";
    }
    const std::string xml = formats::write_cii(invoice, cii_options);
    formats::FacturxEmbedOptions embed;
    embed.conformance_level = level;
    embed.document_title = info.title;
    embed.modification_date = impl_->options.modification_date;
    auto finished = formats::embed_facturx(pdf, xml, embed, source_name);
    out.diagnostics.merge(finished.diagnostics);
    out.value = std::move(finished.value);
  } catch (const Error& e) {
    Diagnostic d = e.diagnostic;
    if (d.where.source.empty()) d.where.source = std::string(source_name);
    out.diagnostics.add(std::move(d));
  }
  return out;
}

}  // namespace relance::letters
