#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pdf_fixture.hpp"
#include "relance/formats/cii.hpp"
#include "relance/formats/ingest.hpp"
#include "test_support.hpp"

namespace {

using relance::formats::InputKind;
using relance::formats::read_invoice;

std::string dump(const relance::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += relance::format_diagnostic(d) + "\n";
  return out.empty() ? "(no diagnostics)\n" : out;
}

std::vector<std::string> rule_ids(const relance::Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  for (const auto& d : diagnostics.items()) ids.push_back(d.rule_id);
  return ids;
}

using Ids = std::vector<std::string>;

TEST(IngestPdf, ReadsTheInvoiceEmbeddedInAFacturXPdf) {
  const auto xml = relance::testing::minimal_cii_invoice();
  const auto pdf = relance::testing::make_facturx_pdf(xml);
  ASSERT_EQ(relance::formats::sniff(pdf), InputKind::pdf);

  const auto from_pdf = read_invoice(pdf, "FA-2024-0042.pdf");
  ASSERT_TRUE(from_pdf) << dump(from_pdf.diagnostics);
  EXPECT_FALSE(from_pdf.diagnostics.has_fatal()) << dump(from_pdf.diagnostics);
  EXPECT_EQ(from_pdf.value->number, "FA-2024-0042");  // BT-1
  ASSERT_TRUE(from_pdf.value->totals.payable_amount);
  EXPECT_EQ(from_pdf.value->totals.payable_amount->to_string(), "1603.80");  // BT-115

  const auto from_xml = relance::formats::read_cii(xml, "minimal-en16931.xml");
  ASSERT_TRUE(from_xml) << dump(from_xml.diagnostics);
  EXPECT_TRUE(from_pdf.value->same_business_content(*from_xml.value));
}

TEST(IngestPdf, DiagnosticsInsideTheAttachmentNameIt) {
  const auto pdf = relance::testing::make_facturx_pdf("<rsm:CrossIndustryInvoice", "zugferd-invoice.xml");
  const auto r = read_invoice(pdf, "broken.pdf");
  EXPECT_FALSE(r);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.items().front().where.source, "broken.pdf/attachment:zugferd-invoice.xml")
      << dump(r.diagnostics);
}

TEST(IngestPdf, PdfWithoutInvoiceIsPdf003) {
  const auto r = read_invoice(relance::testing::make_plain_pdf(), "scan.pdf");
  EXPECT_FALSE(r);
  EXPECT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-003"}) << dump(r.diagnostics);
}

TEST(IngestPdf, EncryptedPdfIsPdf002) {
  const auto pdf = relance::testing::encrypt_pdf(
      relance::testing::make_facturx_pdf(relance::testing::minimal_cii_invoice()));
  const auto r = read_invoice(pdf, "locked.pdf");
  EXPECT_FALSE(r);
  EXPECT_EQ(rule_ids(r.diagnostics), Ids{"RL-PDF-002"}) << dump(r.diagnostics);
}

TEST(IngestPdf, EmptyFileIsIn001) {
  const auto r = read_invoice("", "empty.pdf");
  EXPECT_FALSE(r);
  EXPECT_EQ(rule_ids(r.diagnostics), Ids{"RL-IN-001"}) << dump(r.diagnostics);
}

TEST(IngestPdf, TextFileIsIn001) {
  const auto r = read_invoice("Facture FA-2024-0042\nMontant : 1603,80 EUR\n", "facture.txt");
  EXPECT_FALSE(r);
  EXPECT_EQ(rule_ids(r.diagnostics), Ids{"RL-IN-001"}) << dump(r.diagnostics);
}

}  // namespace
