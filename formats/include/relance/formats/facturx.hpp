#pragma once

#include <string>
#include <string_view>

#include "relance/formats/diagnostic.hpp"

namespace relance::formats {

// What the PDF's XMP packet (the catalog's /Metadata stream) says about the hybrid invoice.
// Values are the first found, trimmed; empty when absent.
struct FacturXMetadata {
  bool present = false;  // the catalog has a /Metadata stream
  std::string location;  // "catalog /Metadata (object 7 0)"
  std::string problem;   // why the stream could not be read or parsed; empty when it was
  // Namespace URI of the fx: properties as written: the Factur-X one
  // (urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#), ZUGFeRD 2.0's or 1.0's, or a near miss
  // (other case, no trailing '#') that readers do not recognise. Empty when there are none.
  std::string fx_namespace;
  std::string conformance_level;   // fx:ConformanceLevel: MINIMUM, BASIC WL, BASIC, EN 16931, EXTENDED, ...
  std::string document_file_name;  // fx:DocumentFileName
  std::string document_type;       // fx:DocumentType: INVOICE
  std::string version;             // fx:Version: 1.0
  std::string pdfa_part;           // pdfaid:part: 3
  std::string pdfa_conformance;    // pdfaid:conformance: A, B or U
};

inline constexpr std::string_view facturx_xmp_namespace =
    "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
inline constexpr std::string_view zugferd2_xmp_namespace =
    "urn:zugferd:pdfa:CrossIndustryDocument:invoice:2p0#";
inline constexpr std::string_view zugferd1_xmp_namespace = "urn:ferd:pdfa:CrossIndustryDocument:invoice:1p0#";

// The invoice XML found inside a Factur-X / ZUGFeRD / XRechnung PDF.
struct EmbeddedInvoiceXml {
  std::string filename;         // name of the embedded file (factur-x.xml, zugferd-invoice.xml, ...)
  std::string af_relationship;  // "Data", "Alternative", "Source", ... or empty when absent
  std::string xml;              // the file's bytes
  std::string location;         // "attachment factur-x.xml (object 12 0)", for diagnostics
  FacturXMetadata xmp;
};

// Finds the embedded invoice with qpdf: the well-known names first (factur-x.xml,
// zugferd-invoice.xml, ZUGFeRD-invoice.xml, xrechnung.xml), then any XML attachment marked
// with /AFRelationship. Broken, truncated or encrypted PDFs and PDFs without an invoice are
// diagnostics (RL-PDF-*), never exceptions. The XMP facts are only recorded here: judging them
// against the invoice (RL-FX-*) needs the embedded XML read first.
Result<EmbeddedInvoiceXml> extract_invoice_xml(std::string_view pdf_bytes, std::string_view source_name);

// Where Debian's icc-profiles-free installs the sRGB profile that becomes the PDF/A output intent.
inline constexpr std::string_view srgb_icc_profile_path = "/usr/share/color/icc/sRGB.icc";

struct FacturxEmbedOptions {
  std::string conformance_level = "EN 16931";  // MINIMUM, BASIC WL, BASIC, EN 16931, EXTENDED
  std::string document_title;                  // dc:title and /Title; left out when empty
  // PDF date such as "D:20261123120000+00'00'": /ModDate everywhere and the XMP dates. Empty: now,
  // which makes the output differ from run to run; tests fix it.
  std::string modification_date;
  std::string icc_profile_path = std::string(srgb_icc_profile_path);
};

// Turns a PDF drawn by libharu into a Factur-X 1.0 PDF/A-3b: cii_xml attached as factur-x.xml
// (an associated file of the catalog), an XMP packet with the PDF/A and Factur-X extension
// schemas, an sRGB output intent and a trailer /ID. Already compressed streams are copied as
// they are. Never throws: an unreadable PDF is RL-PDF-001, an encrypted one RL-PDF-002, and a
// missing ICC profile or unusable options RL-PDF-005. Fonts are the renderer's business: this
// step does not embed them.
Result<std::string> embed_facturx(std::string_view pdf_bytes, std::string_view cii_xml,
                                  const FacturxEmbedOptions& options, std::string_view source_name);

}  // namespace relance::formats
