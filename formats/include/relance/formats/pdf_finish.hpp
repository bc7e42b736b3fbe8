#pragma once

#include <string>
#include <string_view>

#include "relance/formats/diagnostic.hpp"

namespace relance::formats {

struct PdfFinishOptions {
  // PDF date such as "D:20261123120000+00'00'" for /ModDate (and /CreationDate when the PDF has
  // none). Empty: now, which makes the output differ from run to run; tests fix it.
  std::string modification_date;
};

// Finishes a PDF drawn by libharu that is not a Factur-X invoice (a dunning letter, a plain
// invoice): libharu's malformed ToUnicode CMaps are replaced by correct ones, so the text extracts,
// searches and copies everywhere, and the trailer gets a deterministic /ID (the same bytes in give
// the same bytes out). Already compressed streams are copied as they are. Never throws: an
// unreadable PDF is RL-PDF-001, an encrypted one RL-PDF-002, an unusable date RL-PDF-005.
Result<std::string> finish_pdf(std::string_view pdf_bytes, const PdfFinishOptions& options,
                               std::string_view source_name);

}  // namespace relance::formats
