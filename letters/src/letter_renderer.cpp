#include <optional>

#include "document_pipeline.hpp"
#include "letter_view.hpp"
#include "relance/formats/pdf_finish.hpp"
#include "relance/letters/letter.hpp"

namespace relance::letters {

struct LetterRenderer::Impl {
  LetterRenderOptions options;
  detail::DocumentPipeline pipeline;
  explicit Impl(LetterRenderOptions o) : options(std::move(o)), pipeline(options.templates_dir) {}

  Result<std::string> render(Language language, const std::string& template_name,
                             const detail::ViewData& view, const detail::PdfDocumentInfo& info,
                             std::string_view source) {
    Result<std::string> out;
    try {
      std::string pdf = pipeline.draw(language, template_name, view, info);
      auto finished = formats::finish_pdf(pdf, formats::PdfFinishOptions{options.modification_date}, source);
      out.diagnostics.merge(finished.diagnostics);
      out.value = std::move(finished.value);
    } catch (const Error& e) {
      out.diagnostics.add(detail::with_source(e.diagnostic, source));
    }
    return out;
  }
};

LetterRenderer::LetterRenderer(LetterRenderOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
LetterRenderer::~LetterRenderer() = default;

Result<std::string> LetterRenderer::render_letter(const Letter& letter) {
  const std::string source = letter.customer_id + "/" + letter.level;
  std::string name;
  try {
    name = impl_->pipeline.variant(letter.language, letter.template_name, letter.profile);
  } catch (const Error& e) {
    Result<std::string> out;
    out.diagnostics.add(detail::with_source(e.diagnostic, source));
    return out;
  }
  return impl_->render(
      letter.language, name, detail::letter_view(letter),
      detail::PdfDocumentInfo{letter.level + " " + letter.reference, letter.creditor.name, {}}, source);
}

Result<std::string> LetterRenderer::render_statement(const Statement& statement) {
  return impl_->render(
      statement.language, "statement", detail::statement_view(statement),
      detail::PdfDocumentInfo{"Statement " + statement.customer_id, statement.creditor.name, {}},
      statement.customer_id + "/statement");
}

}  // namespace relance::letters
