// Temporary: replaced by facturx_extract.cpp.
#include "relance/formats/facturx.hpp"
namespace relance::formats {
Result<EmbeddedInvoiceXml> extract_invoice_xml(std::string_view, std::string_view source_name) {
  Result<EmbeddedInvoiceXml> r;
  r.diagnostics.add("RL-PDF-001", Severity::fatal, Location{std::string(source_name), {}, 0, 0}, "PDF not yet supported");
  return r;
}
}  // namespace relance::formats
