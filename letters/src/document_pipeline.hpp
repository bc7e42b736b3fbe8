#pragma once
// template → page markup → layout → libharu, shared by invoices, letters and statements: one
// per renderer, so templates are parsed and fonts loaded once per batch.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "pdf_writer.hpp"
#include "relance/formats/diagnostic.hpp"
#include "relance/letters/language.hpp"
#include "template_engine.hpp"

namespace relance::letters::detail {

class DocumentPipeline {
 public:
  // An empty root means default_templates_dir().
  explicit DocumentPipeline(std::filesystem::path templates_root);

  TemplateSet& templates(Language language);
  // The template's file name for messages.
  std::string template_path(Language language, std::string_view name);
  // The name of the profile's own variant (name.profile) when the language has one, else name.
  std::string variant(Language language, std::string_view name, std::string_view profile);

  // Drawn by libharu, not finished (no /ID, libharu's ToUnicode). Throws relance::Error.
  std::string draw(Language language, std::string_view template_name, const ViewData& view,
                   const PdfDocumentInfo& info);
  // The markup the template produced, for debugging templates. Throws relance::Error.
  std::string markup(Language language, std::string_view template_name, const ViewData& view);

 private:
  std::filesystem::path root_;
  std::map<Language, std::unique_ptr<TemplateSet>> templates_;
  std::unique_ptr<PdfWriter> writer_;
};

// Fills in the source of a diagnostic thrown without one.
Diagnostic with_source(Diagnostic d, std::string_view source);

}  // namespace relance::letters::detail
