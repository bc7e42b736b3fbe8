#include "pdf_fixture.hpp"

#include <hpdf.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "test_support.hpp"

namespace relance::testing {
namespace {

struct HaruStatus {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = HPDF_OK;
};

// libharu's default handler is absent, and throwing through its C frames is undefined: record
// the first error and let the caller check after each step.
void record_haru_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* status = static_cast<HaruStatus*>(user_data);
  if (status->error == HPDF_OK) {
    status->error = error_no;
    status->detail = detail_no;
  }
}

void check(const HaruStatus& status, const char* step) {
  if (status.error == HPDF_OK) return;
  // libharu documents its error codes in hex (0x1025 ...).
  char code[64];
  std::snprintf(code, sizeof code, "0x%04lX, detail %lu", status.error, status.detail);
  throw std::runtime_error(std::string("libharu failed at ") + step + ": error " + code);
}

std::string to_string(const std::shared_ptr<Buffer>& buffer) {
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

std::string write_pdf(QPDF& pdf) {
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  // Same bytes on every run, so a failing test can be reproduced from the file.
  writer.setDeterministicID(true);
  // Factur-X files are PDF/A-3, which is PDF 1.7; libharu writes 1.3.
  writer.setMinimumPDFVersion("1.7");
  writer.write();
  return to_string(writer.getBufferSharedPointer());
}

}  // namespace

std::string minimal_cii_invoice() {
  return read_file(fixtures_dir() / "invoices" / "cii" / "minimal-en16931.xml");
}

std::string make_plain_pdf(std::string_view text) {
  HaruStatus status;
  HPDF_Doc doc = HPDF_New(record_haru_error, &status);
  if (!doc) throw std::runtime_error("libharu: HPDF_New failed");
  const std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> guard(doc, &HPDF_Free);

  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_Page page = HPDF_AddPage(doc);
  check(status, "AddPage");
  HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  HPDF_Font font = HPDF_GetFont(doc, "Helvetica", "WinAnsiEncoding");
  check(status, "GetFont");
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, font, 14);
  HPDF_Page_TextOut(page, 72, 770, std::string(text).c_str());
  HPDF_Page_EndText(page);
  check(status, "drawing");

  HPDF_SaveToStream(doc);
  check(status, "SaveToStream");
  HPDF_UINT32 size = HPDF_GetStreamSize(doc);
  std::string out(size, '\0');
  HPDF_ResetStream(doc);
  HPDF_GetContents(doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  check(status, "GetContents");
  out.resize(size);
  return out;
}

std::string attach_files(std::string_view pdf_bytes, const std::vector<PdfAttachment>& files) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile("fixture.pdf", pdf_bytes.data(), pdf_bytes.size());
  QPDFEmbeddedFileDocumentHelper embedded(pdf);
  auto root = pdf.getRoot();
  auto af = QPDFObjectHandle::newArray();

  for (const auto& file : files) {
    auto stream = QPDFEFStreamObjectHelper::createEFStream(pdf, file.data);
    stream.setSubtype(file.mime_type).setModDate("D:20240315120000Z");
    auto spec = QPDFFileSpecObjectHelper::createFileSpec(pdf, file.name, stream);
    spec.setDescription("invoice attachment " + file.name);
    auto spec_object = spec.getObjectHandle();
    if (!file.af_relationship.empty())
      spec_object.replaceKey("/AFRelationship", QPDFObjectHandle::newName("/" + file.af_relationship));
    if (file.in_name_tree) embedded.replaceEmbeddedFile(file.name, spec);
    if (file.in_catalog_af) af.appendItem(spec_object);
    if (file.on_first_page) {
      auto page = QPDFPageDocumentHelper(pdf).getAllPages().at(0).getObjectHandle();
      auto annot = pdf.makeIndirectObject(QPDFObjectHandle::parse(
          "<< /Type /Annot /Subtype /FileAttachment /Rect [ 20 20 40 40 ] /Name /Paperclip >>"));
      annot.replaceKey("/FS", spec_object);
      annot.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(file.name));
      auto annots = page.getKey("/Annots");
      if (!annots.isArray()) {
        annots = QPDFObjectHandle::newArray();
        page.replaceKey("/Annots", annots);
      }
      annots.appendItem(annot);
    }
  }
  if (af.getArrayNItems() > 0) root.replaceKey("/AF", af);
  return write_pdf(pdf);
}

std::string make_facturx_pdf(std::string_view xml, std::string attachment_name, std::string af_relationship) {
  PdfAttachment file;
  file.name = std::move(attachment_name);
  file.data = std::string(xml);
  file.af_relationship = std::move(af_relationship);
  return attach_files(make_plain_pdf(), {file});
}

std::string facturx_xmp_packet(const FacturXXmp& xmp) {
  std::string fx_attributes, fx_elements, id_attributes, id_elements;
  const auto property = [&](std::string& attributes, std::string& elements, const std::string& name,
                            const std::string& value) {
    if (value.empty()) return;
    if (xmp.as_attributes)
      attributes += " " + name + "=\"" + value + "\"";
    else
      elements += "   <" + name + ">" + value + "</" + name + ">\n";
  };
  property(id_attributes, id_elements, "pdfaid:part", xmp.pdfa_part);
  property(id_attributes, id_elements, "pdfaid:conformance", xmp.pdfa_conformance);
  property(fx_attributes, fx_elements, "fx:DocumentType", xmp.document_type);
  property(fx_attributes, fx_elements, "fx:DocumentFileName", xmp.document_file_name);
  property(fx_attributes, fx_elements, "fx:Version", xmp.version);
  property(fx_attributes, fx_elements, "fx:ConformanceLevel", xmp.conformance_level);
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
         "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"" +
         id_attributes + ">\n" + id_elements +
         "  </rdf:Description>\n"
         "  <rdf:Description rdf:about=\"\" xmlns:fx=\"" +
         xmp.fx_namespace + "\"" + fx_attributes + ">\n" + fx_elements +
         "  </rdf:Description>\n"
         " </rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"w\"?>";
}

std::string set_metadata(std::string_view pdf_bytes, std::string_view packet) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile("fixture.pdf", pdf_bytes.data(), pdf_bytes.size());
  auto stream = QPDFObjectHandle::newStream(&pdf, std::string(packet));
  stream.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  stream.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  pdf.getRoot().replaceKey("/Metadata", stream);
  return write_pdf(pdf);
}

std::string make_facturx_pdf_with_xmp(std::string_view xml, const FacturXXmp& xmp,
                                      std::string attachment_name, std::string af_relationship) {
  return set_metadata(make_facturx_pdf(xml, std::move(attachment_name), std::move(af_relationship)),
                      facturx_xmp_packet(xmp));
}

std::string encrypt_pdf(std::string_view pdf_bytes, std::string_view user_password, PdfCipher cipher) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile("fixture.pdf", pdf_bytes.data(), pdf_bytes.size());
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  const std::string user(user_password);
  const char* owner = "relance-owner";
  if (cipher == PdfCipher::aes256_r6)
    writer.setR6EncryptionParameters(user.c_str(), owner, true, true, true, true, true, true, qpdf_r3p_full,
                                     true);
  else
    writer.setR4EncryptionParametersInsecure(user.c_str(), owner, true, true, true, true, true, true,
                                             qpdf_r3p_full, true, true);
  writer.write();
  return to_string(writer.getBufferSharedPointer());
}

}  // namespace relance::testing
