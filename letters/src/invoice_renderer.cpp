#include "relance/letters/invoice_renderer.hpp"

#include <cstdlib>

#include "document_pipeline.hpp"
#include "invoice_view.hpp"
#include "relance/formats/cii.hpp"
#include "relance/formats/facturx.hpp"
#include "relance/formats/facturx_profile.hpp"
#include "relance/formats/pdf_finish.hpp"

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
  detail::DocumentPipeline pipeline;
  explicit Impl(RenderOptions o) : options(std::move(o)), pipeline(options.templates_dir) {}
};

InvoiceRenderer::InvoiceRenderer(RenderOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
InvoiceRenderer::~InvoiceRenderer() = default;

Result<std::string> InvoiceRenderer::markup(const formats::Invoice& invoice, std::string_view source_name) {
  Result<std::string> out;
  try {
    const Language language = impl_->options.language;
    out.value = impl_->pipeline.markup(language, "invoice", detail::invoice_view(invoice, language));
  } catch (const Error& e) {
    out.diagnostics.add(detail::with_source(e.diagnostic, source_name));
  }
  return out;
}

Result<std::string> InvoiceRenderer::render(const formats::Invoice& invoice, std::string_view source_name) {
  Result<std::string> out;
  try {
    const Language language = impl_->options.language;
    detail::PdfDocumentInfo info{document_title(invoice), invoice.seller.name, {}};
    std::string pdf =
        impl_->pipeline.draw(language, "invoice", detail::invoice_view(invoice, language), info);
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
    out.diagnostics.add(detail::with_source(e.diagnostic, source_name));
  }
  return out;
}

}  // namespace relance::letters
