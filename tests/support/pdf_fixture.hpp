#pragma once

// PDFs built in memory for the tests: a page drawn with libharu, files attached with qpdf.
// Every function throws std::runtime_error when a library fails, so a broken fixture fails the
// test that asked for it instead of producing a misleading PDF.

#include <string>
#include <string_view>
#include <vector>

namespace relance::testing {

// fixtures/invoices/cii/minimal-en16931.xml: FA-2024-0042, payable 1603.80 EUR.
std::string minimal_cii_invoice();

// A one-page A4 PDF with a line of text in the base-14 Helvetica font, no attachment.
std::string make_plain_pdf(std::string_view text = "Facture FA-2024-0042");

struct PdfAttachment {
  std::string name;  // /UF and /F of the file spec
  std::string data;
  std::string mime_type = "text/xml";    // /Subtype of the embedded file stream
  std::string af_relationship = "Data";  // empty: no /AFRelationship key
  bool in_name_tree = true;              // listed in /Names /EmbeddedFiles
  bool in_catalog_af = true;             // listed in the catalog's /AF array
  bool on_first_page = false;            // a /FileAttachment annotation on page 1
};

// The PDF with the files attached, rewritten by QPDFWriter (classic xref table, no object streams).
std::string attach_files(std::string_view pdf, const std::vector<PdfAttachment>& files);

// A Factur-X-like PDF: make_plain_pdf() with xml attached under attachment_name.
std::string make_facturx_pdf(std::string_view xml, std::string attachment_name = "factur-x.xml",
                             std::string af_relationship = "Data");

// The XMP packet of a Factur-X PDF; an empty field leaves its property out.
struct FacturXXmp {
  std::string conformance_level = "EN 16931";
  std::string document_file_name = "factur-x.xml";
  std::string document_type = "INVOICE";
  std::string version = "1.0";
  std::string fx_namespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
  std::string pdfa_part = "3";
  std::string pdfa_conformance = "B";
  bool as_attributes = false;  // properties as attributes of rdf:Description, as some producers write them
};

// The packet text: xpacket wrapper, pdfaid and fx properties (no extension schema description).
std::string facturx_xmp_packet(const FacturXXmp& xmp);

// The PDF with `packet` as the catalog's /Metadata stream (/Type /Metadata /Subtype /XML).
std::string set_metadata(std::string_view pdf, std::string_view packet);

// make_facturx_pdf() with the XMP packet of `xmp` in the catalog.
std::string make_facturx_pdf_with_xmp(std::string_view xml, const FacturXXmp& xmp = {},
                                      std::string attachment_name = "factur-x.xml",
                                      std::string af_relationship = "Data");

enum class PdfCipher { aes256_r6, aes128_r4 };

// The PDF rewritten encrypted; an empty user password opens without a prompt, as most
// "protected" invoices do.
std::string encrypt_pdf(std::string_view pdf, std::string_view user_password = "",
                        PdfCipher cipher = PdfCipher::aes256_r6);

}  // namespace relance::testing
