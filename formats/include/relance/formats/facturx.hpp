#pragma once

#include <string>
#include <string_view>

#include "relance/formats/diagnostic.hpp"

namespace relance::formats {

// The invoice XML found inside a Factur-X / ZUGFeRD / XRechnung PDF.
struct EmbeddedInvoiceXml {
  std::string filename;         // name of the embedded file (factur-x.xml, zugferd-invoice.xml, ...)
  std::string af_relationship;  // "Data", "Alternative", "Source", ... or empty when absent
  std::string xml;              // the file's bytes
};

// Finds the embedded invoice with qpdf: the well-known names first (factur-x.xml,
// zugferd-invoice.xml, ZUGFeRD-invoice.xml, xrechnung.xml), then any XML attachment marked
// with /AFRelationship. Broken, truncated or encrypted PDFs and PDFs without an invoice are
// diagnostics (RL-PDF-*), never exceptions.
Result<EmbeddedInvoiceXml> extract_invoice_xml(std::string_view pdf_bytes, std::string_view source_name);

}  // namespace relance::formats
