#include "document_pipeline.hpp"

#include "fonts.hpp"
#include "layout.hpp"
#include "markup.hpp"
#include "relance/letters/invoice_renderer.hpp"

namespace relance::letters::detail {

DocumentPipeline::DocumentPipeline(std::filesystem::path templates_root)
    : root_(templates_root.empty() ? default_templates_dir() : std::move(templates_root)) {}

TemplateSet& DocumentPipeline::templates(Language language) {
  auto& slot = templates_[language];
  if (!slot) slot = std::make_unique<TemplateSet>(root_, language);
  return *slot;
}

std::string DocumentPipeline::template_path(Language language, std::string_view name) {
  return (templates(language).folder() / (std::string(name) + ".mustache")).string();
}

std::string DocumentPipeline::variant(Language language, std::string_view name, std::string_view profile) {
  if (profile.empty()) return std::string(name);
  std::string candidate = std::string(name) + "." + std::string(profile);
  std::error_code ec;
  if (std::filesystem::exists(templates(language).folder() / (candidate + ".mustache"), ec)) return candidate;
  return std::string(name);
}

std::string DocumentPipeline::markup(Language language, std::string_view template_name,
                                     const ViewData& view) {
  return templates(language).render(template_name, view);
}

std::string DocumentPipeline::draw(Language language, std::string_view template_name, const ViewData& view,
                                   const PdfDocumentInfo& info) {
  const auto& font_set = fonts();
  const std::string path = template_path(language, template_name);
  const auto pages = lay_out(parse_markup(markup(language, template_name, view), path), font_set, path);
  if (!writer_) writer_ = std::make_unique<PdfWriter>(font_set);
  return writer_->write(pages, info);
}

Diagnostic with_source(Diagnostic d, std::string_view source) {
  if (d.where.source.empty()) d.where.source = std::string(source);
  return d;
}

}  // namespace relance::letters::detail
