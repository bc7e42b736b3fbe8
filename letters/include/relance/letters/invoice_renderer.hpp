#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "relance/formats/diagnostic.hpp"
#include "relance/formats/invoice.hpp"
#include "relance/letters/language.hpp"

namespace relance::letters {

struct RenderOptions {
  Language language = Language::fr;
  // Holds fr/, en/ and de/ with invoice.mustache; empty: default_templates_dir().
  std::filesystem::path templates_dir;
  // A Factur-X 1.0 PDF/A-3b with the invoice as CII inside, instead of a plain PDF.
  bool facturx = false;
  // PDF date for /ModDate and the XMP ("D:20261123120000+00'00'"); empty: now. Tests fix it.
  std::string modification_date;
};

// $RELANCE_TEMPLATES when set, else the templates folder relance was built with.
std::filesystem::path default_templates_dir();

// Renders invoices one after the other with the same templates and fonts: templates are parsed
// and fonts cut once per renderer, not once per invoice. Not thread-safe; use one per thread.
class InvoiceRenderer {
 public:
  explicit InvoiceRenderer(RenderOptions options);
  ~InvoiceRenderer();
  InvoiceRenderer(const InvoiceRenderer&) = delete;
  InvoiceRenderer& operator=(const InvoiceRenderer&) = delete;

  // The PDF bytes, or RL-RENDER-* / RL-PDF-* diagnostics (missing or malformed template, fonts
  // missing, libharu failure). Never throws for bad data.
  Result<std::string> render(const formats::Invoice& invoice, std::string_view source_name);

  // The page markup the invoice template produced, for debugging templates.
  Result<std::string> markup(const formats::Invoice& invoice, std::string_view source_name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relance::letters
