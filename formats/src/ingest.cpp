#include "relance/formats/ingest.hpp"

#include <algorithm>

#include "relance/formats/cii.hpp"
#include "relance/formats/facturx.hpp"
#include "relance/formats/ubl.hpp"

namespace relance::formats {
namespace {

// Skips a UTF-8 BOM, white space, the XML declaration, comments and processing
// instructions, and returns the root element's qualified name.
std::string_view root_element_name(std::string_view b) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  while (true) {
    const auto lt = b.find('<');
    if (lt == std::string_view::npos) return {};
    b.remove_prefix(lt);
    if (b.substr(0, 4) == "<!--") {
      const auto end = b.find("-->");
      if (end == std::string_view::npos) return {};
      b.remove_prefix(end + 3);
    } else if (b.substr(0, 2) == "<?" || b.substr(0, 2) == "<!") {
      const auto end = b.find('>');
      if (end == std::string_view::npos) return {};
      b.remove_prefix(end + 1);
    } else {
      b.remove_prefix(1);
      const auto end = b.find_first_of(" \t\r\n/>");
      return b.substr(0, end);
    }
  }
}

std::string_view local_part(std::string_view qname) {
  const auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

}  // namespace

InputKind sniff(std::string_view bytes) {
  // A PDF header may follow some junk bytes (the specification allows it within the first 1024).
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return InputKind::pdf;
  const std::string_view root = local_part(root_element_name(bytes.substr(0, 64 * 1024)));
  if (root.empty()) return InputKind::unknown;
  if (root == "CrossIndustryInvoice") return InputKind::cii;
  if (root == "Invoice") return InputKind::ubl_invoice;
  if (root == "CreditNote") return InputKind::ubl_credit_note;
  return InputKind::other_xml;
}

Result<Invoice> read_invoice(std::string_view bytes, std::string_view source_name) {
  switch (sniff(bytes)) {
    case InputKind::pdf: {
      Result<Invoice> result;
      auto embedded = extract_invoice_xml(bytes, source_name);
      result.diagnostics.merge(embedded.diagnostics);
      if (!embedded.value) return result;
      const std::string inner_name = std::string(source_name) + "/attachment:" + embedded.value->filename;
      auto inner = read_invoice(embedded.value->xml, inner_name);
      if (sniff(embedded.value->xml) == InputKind::pdf) {
        result.diagnostics.add("RL-PDF-003", Severity::fatal, Location{inner_name, {}, 0, 0},
                               "the embedded invoice is itself a PDF, not XML");
        return result;
      }
      result.diagnostics.merge(inner.diagnostics);
      result.value = std::move(inner.value);
      return result;
    }
    case InputKind::cii:
      return read_cii(bytes, source_name);
    case InputKind::ubl_invoice:
    case InputKind::ubl_credit_note:
      return read_ubl(bytes, source_name);
    case InputKind::other_xml:
      // Let the CII reader produce the precise diagnostic (malformed XML or wrong root).
      return read_cii(bytes, source_name);
    case InputKind::unknown:
      break;
  }
  Result<Invoice> result;
  std::string what = bytes.empty() ? "the file is empty" : "the file is neither XML nor PDF";
  result.diagnostics.add("RL-IN-001", Severity::fatal, Location{std::string(source_name), {}, 0, 0},
                         what + ": expected a CII or UBL invoice, or a Factur-X/ZUGFeRD PDF");
  return result;
}

}  // namespace relance::formats
