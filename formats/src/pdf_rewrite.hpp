#pragma once
// What finish_pdf and embed_facturx share: a PDF relance drew, opened in memory with qpdf, changed
// and written again (streams as they are, a deterministic /ID), where every failure is a fatal
// diagnostic and never an exception.
#include <qpdf/QPDF.hh>

#include <functional>
#include <string>
#include <string_view>

#include "relance/formats/diagnostic.hpp"

namespace relance::formats::detail {

class PdfRewrite {
 public:
  // `bytes` must outlive the rewrite; `source` names the document in diagnostics.
  PdfRewrite(std::string_view bytes, std::string_view source);

  // RL-PDF-001 for empty or unreadable bytes, RL-PDF-002 with `encrypted_message` for an
  // encrypted PDF; false then.
  bool open(const std::string& encrypted_message);
  // `edit` changes the open document, which is then written with at least `minimum_version`
  // (empty: the document's own) into the result. qpdf's exceptions become RL-PDF-001, running
  // out of memory RL-PDF-005.
  void rewrite(const std::function<void(QPDF&)>& edit, const std::string& minimum_version = {});

  void fatal(std::string rule, std::string path, std::string message);
  QPDF& pdf() { return pdf_; }
  // The written PDF, or no value and the diagnostics that say why.
  Result<std::string> take();

 private:
  std::string_view bytes_;
  std::string source_;
  QPDF pdf_;
  Result<std::string> result_;
};

// "D:20261123120000+00'00'": now, as PDF dates are written.
std::string now_as_pdf_date();

// `body`'s result, or, should it throw anyway (building the result itself failing), one RL-PDF-005
// diagnostic: the callers promise a diagnostic, never an exception.
Result<std::string> without_exceptions(std::string_view source,
                                       const std::function<Result<std::string>()>& body);

}  // namespace relance::formats::detail
