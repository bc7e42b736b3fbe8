#pragma once
// Draws laid-out pages with libharu and returns the PDF bytes. libharu appears only in
// pdf_writer.cpp.
#include <memory>
#include <string>
#include <vector>

#include "fonts.hpp"
#include "page_content.hpp"

namespace relance::letters::detail {

struct PdfDocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
};

// One libharu handle for a whole batch: the fonts are read and parsed once, when the writer is
// made, and every document reuses them (libharu keeps font definitions across HPDF_NewDoc).
// A document whose text fits Windows-1252 (French, English, German and most of Western Europe)
// uses simple TrueType fonts; any other text switches that document to UTF-8 CID fonts, which
// cover the whole cut but cost libharu a 64 K-entry glyph map each.
class PdfWriter {
 public:
  explicit PdfWriter(const FontSet& fonts);
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // Throws relance::Error RL-RENDER-004 with libharu's error code when libharu fails.
  std::string write(const std::vector<PageContent>& pages, const PdfDocumentInfo& info);

 private:
  struct Handle;
  void open();
  const FontSet& fonts_;
  std::unique_ptr<Handle> handle_;
};

// Windows-1252 bytes for UTF-8 text, or false when some character has no such byte. The narrow
// no-break space (French digit groups) becomes a no-break space and the minus sign a hyphen.
bool to_windows_1252(std::string_view utf8, std::string& out);

}  // namespace relance::letters::detail
