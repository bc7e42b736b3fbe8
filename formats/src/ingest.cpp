#include "relance/formats/ingest.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "relance/formats/cii.hpp"
#include "relance/formats/facturx.hpp"
#include "relance/formats/ubl.hpp"
#include "relance/formats/validate.hpp"

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

// The ConformanceLevel a specification identifier (BT-24) calls for, after the Factur-X 1.0 and
// ZUGFeRD 2.x profile tables; empty when the identifier is not a Factur-X/ZUGFeRD profile, which
// leaves nothing to compare. XRechnung in a ZUGFeRD PDF may be declared either way.
struct Level {
  std::string_view level;
  std::string_view also;
};

Level expected_level(std::string_view bt24) {
  constexpr std::string_view en16931 = "urn:cen.eu:en16931:2017";
  static constexpr std::pair<std::string_view, std::string_view> profiles[] = {
      {"urn:factur-x.eu:1p0:minimum", "MINIMUM"},
      {"urn:factur-x.eu:1p0:basicwl", "BASIC WL"},
      {"urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic", "BASIC"},
      {"urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic", "BASIC"},
      {"urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended", "EXTENDED"},
      {"urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended-ctc-fr", "EXTENDED"},
      {"urn:zugferd.de:2p0:minimum", "MINIMUM"},
      {"urn:zugferd.de:2p0:basicwl", "BASIC WL"},
      {"urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic", "BASIC"},
      {"urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended", "EXTENDED"},
      {en16931, "EN 16931"},
  };
  for (const auto& [id, level] : profiles)
    if (bt24 == id) return {level, {}};
  if (bt24.starts_with("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung"))
    return {"XRECHNUNG", "EN 16931"};
  // Other CIUS (compliant) identifiers are EN 16931 content.
  if (bt24.starts_with("urn:cen.eu:en16931:2017#compliant#")) return {"EN 16931", {}};
  return {};
}

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// RL-FX-*: the PDF's own statements (XMP, file specification) against the invoice they carry.
// Readers pick the profile from the XMP, so a disagreement makes them judge another invoice than
// the one inside. Severities come from the rule registry.
void check_facturx(const EmbeddedInvoiceXml& e, const Invoice& inv, const std::string& source,
                   Diagnostics& out) {
  const auto add = [&](std::string_view id, std::string path, std::string message) {
    const RuleInfo* rule = find_rule(id);
    std::string term;
    if (rule) term = std::string(rule->terms.substr(0, rule->terms.find(',')));
    out.add(std::string(id), rule ? rule->severity : Severity::warning,
            Location{source, std::move(path), 0, 0}, std::move(message), std::move(term));
  };
  const std::string_view rel = e.af_relationship;
  if (rel.empty())
    add("RL-FX-004", e.location,
        "the file specification of " + e.filename +
            " has no /AFRelationship, which PDF/A-3 requires (Data for MINIMUM and BASIC WL, Alternative or "
            "Source otherwise)");
  else if (rel != "Data" && rel != "Source" && rel != "Alternative")
    add("RL-FX-004", e.location,
        "the file specification of " + e.filename + " has /AFRelationship /" + std::string(rel) +
            ", but the invoice XML is Data, Source or Alternative");

  const FacturXMetadata& x = e.xmp;
  if (!x.present) {
    add("RL-FX-001", "document catalog",
        "the PDF has no XMP metadata (catalog /Metadata), so readers take it for a plain PDF, not a "
        "Factur-X/ZUGFeRD invoice");
    return;
  }
  if (!x.problem.empty()) {
    add("RL-FX-001", x.location, "the XMP metadata cannot be used: " + x.problem);
    return;
  }
  if (x.pdfa_part != "3")
    add("RL-FX-005", x.location + " pdfaid:part",
        x.pdfa_part.empty()
            ? std::string("the XMP does not declare PDF/A (no pdfaid:part); Factur-X is PDF/A-3")
            : "the XMP declares PDF/A-" + x.pdfa_part + ", not PDF/A-3 (pdfaid:part 3)");
  else if (x.pdfa_conformance != "A" && x.pdfa_conformance != "B" && x.pdfa_conformance != "U")
    add("RL-FX-005", x.location + " pdfaid:conformance",
        "the XMP declares PDF/A-3 with conformance " + quoted(x.pdfa_conformance) + ", not A, B or U");

  if (x.fx_namespace.empty()) {
    add("RL-FX-001", x.location,
        "the XMP metadata has no Factur-X properties (fx:ConformanceLevel, fx:DocumentFileName in " +
            std::string(facturx_xmp_namespace) + "), so readers take the PDF for a plain PDF");
    return;
  }
  if (x.fx_namespace != facturx_xmp_namespace && x.fx_namespace != zugferd2_xmp_namespace) {
    add("RL-FX-001", x.location,
        "the XMP Factur-X properties are in the namespace " + quoted(x.fx_namespace) +
            ", which readers do not recognise for this invoice; Factur-X and ZUGFeRD 2.1 use " +
            std::string(facturx_xmp_namespace));
    return;
  }
  if (x.conformance_level.empty()) {
    add("RL-FX-001", x.location + " fx:ConformanceLevel",
        "the XMP metadata has no fx:ConformanceLevel, so readers cannot tell the invoice's profile");
  } else if (const Level want = expected_level(inv.specification_identifier);
             !want.level.empty() && x.conformance_level != want.level && x.conformance_level != want.also) {
    add("RL-FX-002", x.location + " fx:ConformanceLevel",
        "the XMP declares the profile " + quoted(x.conformance_level) + " but the embedded invoice's " +
            "specification identifier " + quoted(inv.specification_identifier) + " (BT-24) is the " +
            std::string(want.level) + " profile, so readers judge it against the wrong one");
  }
  if (x.document_file_name.empty())
    add("RL-FX-003", x.location + " fx:DocumentFileName",
        "the XMP metadata has no fx:DocumentFileName; it should name the attachment " + e.filename);
  else if (x.document_file_name != e.filename)
    add("RL-FX-003", x.location + " fx:DocumentFileName",
        "the XMP names the invoice " + quoted(x.document_file_name) + " but the attachment is " +
            quoted(e.filename));
  if (x.document_type != "INVOICE")
    add("RL-FX-006", x.location + " fx:DocumentType",
        x.document_type.empty() ? std::string("the XMP metadata has no fx:DocumentType (INVOICE)")
                                : "the XMP declares the document type " + quoted(x.document_type) +
                                      ", not INVOICE, for an embedded invoice");
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

Result<Invoice> read_invoice(std::string_view bytes, std::string_view source_name, const ReadOptions& options) {
  switch (sniff(bytes)) {
    case InputKind::pdf: {
      Result<Invoice> result;
      auto embedded = extract_invoice_xml(bytes, source_name);
      result.diagnostics.merge(embedded.diagnostics);
      if (!embedded.value) return result;
      const std::string inner_name = std::string(source_name) + "/attachment:" + embedded.value->filename;
      auto inner = read_invoice(embedded.value->xml, inner_name, options);
      if (sniff(embedded.value->xml) == InputKind::pdf) {
        result.diagnostics.add("RL-PDF-003", Severity::fatal, Location{inner_name, {}, 0, 0},
                               "the embedded invoice is itself a PDF, not XML");
        return result;
      }
      result.diagnostics.merge(inner.diagnostics);
      // Factur-X and ZUGFeRD carry CII; a PDF that carries UBL is none of them.
      if (inner.value && inner.value->source_syntax == Syntax::cii)
        check_facturx(*embedded.value, *inner.value, std::string(source_name), result.diagnostics);
      result.value = std::move(inner.value);
      return result;
    }
    case InputKind::cii:
      return read_cii(bytes, source_name, options.syntax_rules);
    case InputKind::ubl_invoice:
    case InputKind::ubl_credit_note:
      return read_ubl(bytes, source_name, options.syntax_rules);
    case InputKind::other_xml:
      // Let the CII reader produce the precise diagnostic (malformed XML or wrong root).
      return read_cii(bytes, source_name, options.syntax_rules);
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
