#include "relance/formats/facturx.hpp"

#include <gtest/gtest.h>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "pdf_fixture.hpp"
#include "test_support.hpp"

namespace {

using relance::Diagnostics;
using relance::Severity;
using relance::formats::extract_invoice_xml;
using relance::testing::PdfAttachment;

std::string dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += relance::format_diagnostic(d) + "\n";
  return out.empty() ? "(no diagnostics)\n" : out;
}

// The rule ids in order, to assert the exact outcome rather than "something failed".
std::vector<std::string> rule_ids(const Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  for (const auto& d : diagnostics.items()) ids.push_back(d.rule_id);
  return ids;
}

using Ids = std::vector<std::string>;

PdfAttachment attachment(std::string name, std::string data, std::string relationship = "Data",
                         std::string mime = "text/xml") {
  PdfAttachment a;
  a.name = std::move(name);
  a.data = std::move(data);
  a.af_relationship = std::move(relationship);
  a.mime_type = std::move(mime);
  return a;
}

// Opens pdf with qpdf, lets change() damage it, and writes it back with the streams as they are.
std::string rewrite(const std::string& pdf, const std::function<void(QPDF&)>& change) {
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("fixture.pdf", pdf.data(), pdf.size());
  change(q);
  QPDFWriter writer(q);
  writer.setOutputMemory();
  writer.setCompressStreams(false);
  writer.setDecodeLevel(qpdf_dl_none);
  writer.write();
  const auto b = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

QPDFObjectHandle invoice_stream(QPDF& q) {
  auto spec = QPDFEmbeddedFileDocumentHelper(q).getEmbeddedFile("factur-x.xml");
  if (!spec) throw std::runtime_error("fixture without factur-x.xml");
  return spec->getEmbeddedFileStream();
}

class FacturxExtract : public ::testing::Test {
 protected:
  const std::string xml_ = relance::testing::minimal_cii_invoice();
};

TEST_F(FacturxExtract, FindsFacturXXml) {
  const auto pdf = relance::testing::make_facturx_pdf(xml_);
  ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
  const auto r = extract_invoice_xml(pdf, "invoice.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  EXPECT_EQ(r.value->filename, "factur-x.xml");
  EXPECT_EQ(r.value->af_relationship, "Data");
  EXPECT_EQ(r.value->xml, xml_);
}

TEST_F(FacturxExtract, FindsZugferdAndXRechnungNames) {
  for (const std::string name : {"zugferd-invoice.xml", "ZUGFeRD-invoice.xml", "xrechnung.xml"}) {
    SCOPED_TRACE(name);
    const auto r =
        extract_invoice_xml(relance::testing::make_facturx_pdf(xml_, name, "Alternative"), "in.pdf");
    ASSERT_TRUE(r) << dump(r.diagnostics);
    EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
    EXPECT_EQ(r.value->filename, name);
    EXPECT_EQ(r.value->af_relationship, "Alternative");
    EXPECT_EQ(r.value->xml, xml_);
  }
}

TEST_F(FacturxExtract, PrefersWellKnownNamesInOrder) {
  // Listed in the name tree in alphabetical order, so the choice cannot come from position.
  const auto pdf = relance::testing::attach_files(
      relance::testing::make_plain_pdf(),
      {attachment("a-first.xml", "<other/>", "Data"), attachment("xrechnung.xml", "<x/>", "Source"),
       attachment("zugferd-invoice.xml", xml_, "Alternative")});
  const auto r = extract_invoice_xml(pdf, "in.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_EQ(r.value->filename, "zugferd-invoice.xml");
  EXPECT_EQ(r.value->xml, xml_);
}

TEST_F(FacturxExtract, MatchesWellKnownNameIgnoringCaseOnlyAfterExactNames) {
  auto r = extract_invoice_xml(relance::testing::make_facturx_pdf(xml_, "Factur-X.XML"), "in.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_EQ(r.value->filename, "Factur-X.XML");

  // An exact xrechnung.xml beats a factur-x.xml spelt differently.
  const auto pdf = relance::testing::attach_files(
      relance::testing::make_plain_pdf(),
      {attachment("FACTUR-X.xml", "<wrong/>"), attachment("xrechnung.xml", xml_)});
  r = extract_invoice_xml(pdf, "in.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_EQ(r.value->filename, "xrechnung.xml");
}

TEST_F(FacturxExtract, FindsOddlyNamedXmlThroughAfRelationship) {
  const auto pdf = relance::testing::attach_files(
      relance::testing::make_plain_pdf(),
      {attachment("conditions-generales.pdf", "%PDF-1.4 not really", "Supplement", "application/pdf"),
       attachment("FA-2024-0042_cii.xml", xml_, "Alternative", "application/xml")});
  const auto r = extract_invoice_xml(pdf, "in.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  EXPECT_EQ(r.value->filename, "FA-2024-0042_cii.xml");
  EXPECT_EQ(r.value->af_relationship, "Alternative");
  EXPECT_EQ(r.value->xml, xml_);
}

TEST_F(FacturxExtract, FindsXmlByMimeTypeWhenTheNameSaysNothing) {
  const auto pdf = relance::testing::attach_files(relance::testing::make_plain_pdf(),
                                                  {attachment("invoice-data", xml_, "Data", "text/xml")});
  const auto r = extract_invoice_xml(pdf, "in.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_EQ(r.value->filename, "invoice-data");
  EXPECT_EQ(r.value->af_relationship, "Data");
}

TEST_F(FacturxExtract, ReportsAbsentAfRelationshipAsEmpty) {
  const auto r = extract_invoice_xml(relance::testing::make_facturx_pdf(xml_, "factur-x.xml", ""), "in.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_EQ(r.value->af_relationship, "");
}

TEST_F(FacturxExtract, FindsInvoiceListedOnlyInCatalogAf) {
  auto file = attachment("factur-x.xml", xml_);
  file.in_name_tree = false;
  const auto r = extract_invoice_xml(
      relance::testing::attach_files(relance::testing::make_plain_pdf(), {file}), "in.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_EQ(r.value->filename, "factur-x.xml");
  EXPECT_EQ(r.value->xml, xml_);
}

TEST_F(FacturxExtract, FindsInvoiceAttachedOnlyToThePage) {
  auto file = attachment("factur-x.xml", xml_);
  file.in_name_tree = false;
  file.in_catalog_af = false;
  file.on_first_page = true;
  const auto r = extract_invoice_xml(
      relance::testing::attach_files(relance::testing::make_plain_pdf(), {file}), "in.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_EQ(r.value->filename, "factur-x.xml");
  EXPECT_EQ(r.value->xml, xml_);
}

TEST_F(FacturxExtract, PdfWithoutAttachmentIsPdf003) {
  const auto r = extract_invoice_xml(relance::testing::make_plain_pdf(), "plain.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-003"}) << dump(r.diagnostics);
  const auto& d = r.diagnostics.items().front();
  EXPECT_EQ(d.severity, Severity::fatal);
  EXPECT_EQ(d.where.source, "plain.pdf");
  EXPECT_NE(d.message.find("factur-x.xml"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("no attachments"), std::string::npos) << d.message;
}

TEST_F(FacturxExtract, PdfWithOnlyNonXmlAttachmentsIsPdf003) {
  const auto pdf = relance::testing::attach_files(
      relance::testing::make_plain_pdf(),
      {attachment("notes.txt", "Merci de votre confiance.", "Data", "text/plain"),
       attachment("annexe.xml", "<annexe/>", "Supplement")});
  const auto r = extract_invoice_xml(pdf, "in.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-003"}) << dump(r.diagnostics);
  const auto& message = r.diagnostics.items().front().message;
  EXPECT_NE(message.find("notes.txt"), std::string::npos) << message;
  EXPECT_NE(message.find("annexe.xml"), std::string::npos) << message;
}

TEST_F(FacturxExtract, TruncatedAtHalfIsPdf001) {
  const auto pdf = relance::testing::make_facturx_pdf(xml_);
  const auto r = extract_invoice_xml(std::string_view(pdf).substr(0, pdf.size() / 2), "half.pdf");
  // Without its trailer the file cannot be rebuilt: qpdf's recovery needs a trailer dictionary.
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-001"}) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics.items().front().where.source, "half.pdf");
}

TEST_F(FacturxExtract, TruncatedAt100BytesIsPdf001) {
  const auto pdf = relance::testing::make_facturx_pdf(xml_);
  const auto r = extract_invoice_xml(std::string_view(pdf).substr(0, 100), "cut.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-001"}) << dump(r.diagnostics);
}

TEST_F(FacturxExtract, EveryTruncationIsAValueOrADiagnostic) {
  const auto pdf = relance::testing::make_facturx_pdf(xml_);
  for (std::size_t cut = 0; cut < pdf.size(); cut += 97) {
    SCOPED_TRACE(cut);
    const auto r = extract_invoice_xml(std::string_view(pdf).substr(0, cut), "cut.pdf");
    if (r) {
      EXPECT_EQ(r.value->xml, xml_);
      EXPECT_FALSE(r.diagnostics.has_fatal());
    } else {
      ASSERT_TRUE(r.diagnostics.has_fatal());
      for (const auto& d : r.diagnostics.items())
        EXPECT_EQ(d.rule_id.substr(0, 7), "RL-PDF-") << dump(r.diagnostics);
    }
  }
}

TEST_F(FacturxExtract, RepairsDamagedXrefWithWarningPdf004) {
  auto pdf = relance::testing::make_facturx_pdf(xml_);
  // Point startxref at the wrong place: qpdf must rebuild the table by scanning the objects.
  const auto at = pdf.rfind("startxref");
  ASSERT_NE(at, std::string::npos);
  const auto eol = pdf.find('\n', at + 10);
  pdf.replace(at + 10, eol - at - 10, "17");
  const auto r = extract_invoice_xml(pdf, "damaged.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_EQ(r.value->xml, xml_);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-004"}) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics.items().front().severity, Severity::warning);
}

TEST_F(FacturxExtract, EncryptedWithAes256IsPdf002) {
  const auto pdf = relance::testing::encrypt_pdf(relance::testing::make_facturx_pdf(xml_));
  const auto r = extract_invoice_xml(pdf, "locked.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-002"}) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics.items().front().message,
            "the PDF is encrypted; Factur-X (PDF/A-3) forbids encryption");
}

TEST_F(FacturxExtract, EncryptedWithAes128IsPdf002) {
  const auto pdf = relance::testing::encrypt_pdf(relance::testing::make_facturx_pdf(xml_), "",
                                                 relance::testing::PdfCipher::aes128_r4);
  const auto r = extract_invoice_xml(pdf, "locked.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-002"}) << dump(r.diagnostics);
}

TEST_F(FacturxExtract, EncryptedWithUserPasswordIsPdf002) {
  const auto pdf = relance::testing::encrypt_pdf(relance::testing::make_facturx_pdf(xml_), "secret");
  const auto r = extract_invoice_xml(pdf, "locked.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-002"}) << dump(r.diagnostics);
}

TEST_F(FacturxExtract, GarbageAfterHeaderIsPdf001) {
  std::string pdf = "%PDF-1.7\n";
  std::uint32_t state = 12345;  // a fixed LCG: the same garbage on every run
  for (int i = 0; i < 4096; ++i) {
    state = state * 1664525u + 1013904223u;
    pdf.push_back(static_cast<char>(state >> 24));
  }
  const auto r = extract_invoice_xml(pdf, "garbage.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-001"}) << dump(r.diagnostics);
  const auto& d = r.diagnostics.items().front();
  EXPECT_EQ(d.where.source, "garbage.pdf");
  EXPECT_EQ(d.message.rfind("qpdf cannot read the PDF: ", 0), 0u) << d.message;
}

TEST_F(FacturxExtract, EmptyInputIsPdf001) {
  const auto r = extract_invoice_xml("", "empty.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-001"}) << dump(r.diagnostics);
}

TEST_F(FacturxExtract, CorruptAttachmentStreamIsPdf001) {
  const auto broken = rewrite(relance::testing::make_facturx_pdf(xml_), [](QPDF& q) {
    // Bytes that claim to be Flate but are not: qpdf must not pass them off as the invoice.
    invoice_stream(q).replaceStreamData("this is not zlib data at all, just text pretending",
                                        QPDFObjectHandle::newName("/FlateDecode"),
                                        QPDFObjectHandle::newNull());
  });
  const auto r = extract_invoice_xml(broken, "corrupt.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-001"}) << dump(r.diagnostics);
  const auto& d = r.diagnostics.items().front();
  EXPECT_EQ(d.where.path.rfind("attachment factur-x.xml (object ", 0), 0u) << d.where.path;
  EXPECT_NE(d.message.find("corrupt"), std::string::npos) << d.message;
}

TEST_F(FacturxExtract, UndecodableFilterIsPdf001) {
  // qpdf hands back the still-encoded bytes of a filter it does not implement.
  const auto broken = rewrite(relance::testing::make_facturx_pdf(xml_), [](QPDF& q) {
    invoice_stream(q).replaceStreamData("<encoded/>", QPDFObjectHandle::newName("/JBIG2Decode"),
                                        QPDFObjectHandle::newNull());
  });
  const auto r = extract_invoice_xml(broken, "jbig2.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-001"}) << dump(r.diagnostics);
  EXPECT_NE(r.diagnostics.items().front().message.find("/JBIG2Decode"), std::string::npos);
}

TEST_F(FacturxExtract, FlateBombIsPdf001) {
  const auto bomb = rewrite(relance::testing::make_facturx_pdf(xml_), [](QPDF& q) {
    std::string compressed;
    Pl_String out("compressed", nullptr, compressed);
    Pl_Flate deflate("deflate", &out, Pl_Flate::a_deflate);
    const std::string chunk(1 << 20, ' ');
    for (int i = 0; i < 65; ++i)
      deflate.write(reinterpret_cast<const unsigned char*>(chunk.data()), chunk.size());
    deflate.finish();
    invoice_stream(q).replaceStreamData(compressed, QPDFObjectHandle::newName("/FlateDecode"),
                                        QPDFObjectHandle::newNull());
  });
  ASSERT_LT(bomb.size(), 1u << 20);
  const auto r = extract_invoice_xml(bomb, "bomb.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-001"}) << dump(r.diagnostics);
  EXPECT_NE(r.diagnostics.items().front().message.find("64 MiB"), std::string::npos);
}

TEST_F(FacturxExtract, ExternalFileReferenceIsPdf003) {
  const auto pdf = rewrite(relance::testing::make_facturx_pdf(xml_), [](QPDF& q) {
    QPDFEmbeddedFileDocumentHelper(q).getEmbeddedFile("factur-x.xml")->getObjectHandle().removeKey("/EF");
  });
  const auto r = extract_invoice_xml(pdf, "external.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-003"}) << dump(r.diagnostics);
  EXPECT_NE(r.diagnostics.items().front().message.find("external file"), std::string::npos);
}

TEST_F(FacturxExtract, BrokenPageTreeDoesNotHideTheInvoice) {
  const auto pdf = rewrite(relance::testing::make_facturx_pdf(xml_), [](QPDF& q) {
    q.getRoot().replaceKey("/Pages", QPDFObjectHandle::newInteger(3));
  });
  const auto r = extract_invoice_xml(pdf, "pages.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_EQ(r.value->xml, xml_);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-004"}) << dump(r.diagnostics);
}

TEST_F(FacturxExtract, ShiftedObjectOffsetsAreRepairedWithWarningPdf004) {
  auto pdf = relance::testing::make_facturx_pdf(xml_);
  // A mail gateway adding a line after the header: every xref offset is now wrong.
  pdf.insert(pdf.find('\n') + 1, "% inserted by a broken gateway\n");
  const auto r = extract_invoice_xml(pdf, "shifted.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_EQ(r.value->xml, xml_);
  ASSERT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-004"}) << dump(r.diagnostics);
}

TEST_F(FacturxExtract, ByteFlipsNeverThrow) {
  const auto pdf = relance::testing::make_facturx_pdf(xml_);
  std::uint32_t state = 2024;
  for (int round = 0; round < 150; ++round) {
    std::string damaged = pdf;
    for (int flip = 0; flip < 4; ++flip) {
      state = state * 1664525u + 1013904223u;
      const auto at = static_cast<std::size_t>(state % damaged.size());
      state = state * 1664525u + 1013904223u;
      damaged[at] = static_cast<char>(state >> 24);
    }
    SCOPED_TRACE(round);
    const auto r = extract_invoice_xml(damaged, "flipped.pdf");
    if (!r) {
      ASSERT_TRUE(r.diagnostics.has_fatal()) << dump(r.diagnostics);
    }
    for (const auto& d : r.diagnostics.items()) {
      EXPECT_EQ(d.rule_id.substr(0, 7), "RL-PDF-");
      EXPECT_FALSE(d.message.empty());
    }
  }
}

}  // namespace
