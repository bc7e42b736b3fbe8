#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "pdf_fixture.hpp"
#include "relance/formats/cii.hpp"
#include "relance/formats/facturx.hpp"
#include "relance/formats/ingest.hpp"
#include "test_support.hpp"

namespace {

using relance::formats::embed_facturx;
using relance::formats::FacturxEmbedOptions;

std::string dump(const relance::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += relance::format_diagnostic(d) + "\n";
  return out.empty() ? "(no diagnostics)\n" : out;
}

std::string invoice_xml() {
  return relance::testing::read_file(relance::testing::fixtures_dir() / "invoices" / "cii" /
                                     "fr-delivery-elsewhere.xml");
}

FacturxEmbedOptions fixed_options() {
  FacturxEmbedOptions o;
  o.document_title = "Facture FA-2024-0042";
  // Fixed, so that two runs give the same bytes.
  o.modification_date = "D:20261123120000+00'00'";
  return o;
}

// The finished PDF, or a failed assertion naming the diagnostics.
std::string finished_pdf(const FacturxEmbedOptions& options = fixed_options()) {
  const auto r = embed_facturx(relance::testing::make_plain_pdf(), invoice_xml(), options, "plain.pdf");
  EXPECT_TRUE(r) << dump(r.diagnostics);
  EXPECT_FALSE(r.diagnostics.has_fatal()) << dump(r.diagnostics);
  return r.value.value_or(std::string());
}

#define RELANCE_REQUIRE_ICC_PROFILE()                                                      \
  do {                                                                                     \
    if (!std::filesystem::exists(std::string(relance::formats::srgb_icc_profile_path)))    \
      GTEST_SKIP() << "no sRGB ICC profile at " << relance::formats::srgb_icc_profile_path \
                   << ": apt-get install icc-profiles-free (scripts/install-deps does)";   \
  } while (0)

TEST(FacturxEmbed, ExtractionGivesBackTheXmlAndTheXmpFacts) {
  RELANCE_REQUIRE_ICC_PROFILE();
  const auto pdf = finished_pdf();
  ASSERT_FALSE(pdf.empty());
  const auto found = relance::formats::extract_invoice_xml(pdf, "finished.pdf");
  ASSERT_TRUE(found) << dump(found.diagnostics);
  EXPECT_TRUE(found.diagnostics.empty()) << dump(found.diagnostics);
  EXPECT_EQ(found.value->xml, invoice_xml());
  EXPECT_EQ(found.value->filename, "factur-x.xml");
  EXPECT_EQ(found.value->af_relationship, "Alternative");
  const auto& xmp = found.value->xmp;
  EXPECT_TRUE(xmp.present);
  EXPECT_EQ(xmp.problem, "");
  EXPECT_EQ(xmp.fx_namespace, relance::formats::facturx_xmp_namespace);
  EXPECT_EQ(xmp.conformance_level, "EN 16931");
  EXPECT_EQ(xmp.document_file_name, "factur-x.xml");
  EXPECT_EQ(xmp.document_type, "INVOICE");
  EXPECT_EQ(xmp.version, "1.0");
  EXPECT_EQ(xmp.pdfa_part, "3");
  EXPECT_EQ(xmp.pdfa_conformance, "B");
  EXPECT_EQ(pdf.substr(0, 9), "%PDF-1.7\n");
}

TEST(FacturxEmbed, MinimumAndBasicWlAttachTheXmlAsData) {
  RELANCE_REQUIRE_ICC_PROFILE();
  auto options = fixed_options();
  options.conformance_level = "BASIC WL";
  const auto found = relance::formats::extract_invoice_xml(finished_pdf(options), "finished.pdf");
  ASSERT_TRUE(found) << dump(found.diagnostics);
  EXPECT_EQ(found.value->af_relationship, "Data");
  EXPECT_EQ(found.value->xmp.conformance_level, "BASIC WL");
}

TEST(FacturxEmbed, ReadingTheFinishedPdfGivesTheModelOfTheXml) {
  RELANCE_REQUIRE_ICC_PROFILE();
  const auto from_pdf = relance::formats::read_invoice(finished_pdf(), "finished.pdf");
  const auto from_xml = relance::formats::read_cii(invoice_xml(), "fr-delivery-elsewhere.xml");
  ASSERT_TRUE(from_pdf) << dump(from_pdf.diagnostics);
  ASSERT_TRUE(from_xml) << dump(from_xml.diagnostics);
  EXPECT_FALSE(from_pdf.diagnostics.has_fatal()) << dump(from_pdf.diagnostics);
  EXPECT_TRUE(*from_pdf.value == *from_xml.value);
}

TEST(FacturxEmbed, SameInputSameBytes) {
  RELANCE_REQUIRE_ICC_PROFILE();
  const auto first = finished_pdf();
  const auto second = finished_pdf();
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == second) << "the finished PDF differs between two runs with the same options";
}

TEST(FacturxEmbed, QpdfCheckPasses) {
  RELANCE_REQUIRE_ICC_PROFILE();
  if (!std::filesystem::exists("/usr/bin/qpdf"))
    GTEST_SKIP() << "/usr/bin/qpdf is missing: apt-get install qpdf";
  relance::testing::TempDir dir;
  relance::testing::write_file(dir / "finished.pdf", finished_pdf());
  const auto r = relance::testing::run_command({"/usr/bin/qpdf", "--check", (dir / "finished.pdf").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
}

TEST(FacturxEmbed, StructuralCheckerPasses) {
  RELANCE_REQUIRE_ICC_PROFILE();
  const char* checker = std::getenv("RELANCE_FACTURX_CHECK");
  if (!checker || !*checker)
    GTEST_SKIP() << "RELANCE_FACTURX_CHECK is not set: point it at facturx-check "
                    "(/work/shared/tools/facturx-check/facturx-check)";
  relance::testing::TempDir dir;
  relance::testing::write_file(dir / "finished.pdf", finished_pdf());
  // The fixture's base-14 Helvetica is not embedded; embedding fonts is the renderer's job.
  const auto r = relance::testing::run_command(
      {"/usr/bin/python3", checker, "--no-fonts", (dir / "finished.pdf").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("~ warning"), std::string::npos) << r.out;
}

TEST(FacturxEmbed, MarkupInTheTitleLeavesValidXmp) {
  RELANCE_REQUIRE_ICC_PROFILE();
  auto options = fixed_options();
  options.document_title = "Facture Dupont & Fils <SARL> \"quoted\"";
  const auto found = relance::formats::extract_invoice_xml(finished_pdf(options), "finished.pdf");
  ASSERT_TRUE(found) << dump(found.diagnostics);
  EXPECT_EQ(found.value->xmp.problem, "");
  EXPECT_EQ(found.value->xmp.conformance_level, "EN 16931");
  EXPECT_EQ(found.value->xmp.pdfa_part, "3");
}

TEST(FacturxEmbed, GarbageIsUnreadable) {
  RELANCE_REQUIRE_ICC_PROFILE();
  const auto r = embed_facturx("this is not a PDF at all", invoice_xml(), fixed_options(), "garbage.pdf");
  EXPECT_FALSE(r);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.items().front().rule_id, "RL-PDF-001") << dump(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.has_fatal());
}

TEST(FacturxEmbed, MissingIccProfileIsAnEnvironmentProblem) {
  auto options = fixed_options();
  options.icc_profile_path = "/nonexistent/sRGB.icc";
  const auto r = embed_facturx(relance::testing::make_plain_pdf(), invoice_xml(), options, "plain.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(r.diagnostics.size(), 1U) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics.items().front().rule_id, "RL-PDF-005");
  EXPECT_NE(r.diagnostics.items().front().message.find("/nonexistent/sRGB.icc"), std::string::npos);
}

TEST(FacturxEmbed, UnknownLevelIsRefused) {
  auto options = fixed_options();
  options.conformance_level = "XRECHNUNG";
  const auto r = embed_facturx(relance::testing::make_plain_pdf(), invoice_xml(), options, "plain.pdf");
  EXPECT_FALSE(r);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.items().front().rule_id, "RL-PDF-005");
}

}  // namespace
