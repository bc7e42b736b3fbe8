// RL-FX-*: a Factur-X/ZUGFeRD PDF's own statements (XMP metadata, the attachment's file
// specification) against the invoice it carries, checked by read_invoice after the embedded XML
// is read. Each PDF is the minimal CII invoice with a correct Factur-X XMP, changed in one place.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "pdf_fixture.hpp"
#include "relance/formats/facturx.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/validate.hpp"

namespace {

using relance::Diagnostic;
using relance::Diagnostics;
using relance::Severity;
using relance::formats::read_invoice;
using relance::testing::FacturXXmp;
using relance::testing::make_facturx_pdf_with_xmp;

std::vector<Diagnostic> fx_only(const Diagnostics& all) {
  std::vector<Diagnostic> out;
  for (const auto& d : all.items())
    if (d.rule_id.starts_with("RL-FX-")) out.push_back(d);
  return out;
}

std::string dump(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += relance::format_diagnostic(d) + "\n";
  return out.empty() ? "(no RL-FX diagnostics)\n" : out;
}

std::vector<Diagnostic> read_fx(const std::string& pdf) {
  const auto r = read_invoice(pdf, "invoice.pdf");
  EXPECT_TRUE(r.value) << (r.diagnostics.empty() ? std::string("no value")
                                                 : relance::format_diagnostic(r.diagnostics.items().front()));
  return fx_only(r.diagnostics);
}

// Exactly one RL-FX diagnostic, with this id and severity, its path starting with `path`.
void expect_one(const std::vector<Diagnostic>& ds, std::string_view id, Severity severity,
                std::string_view path) {
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(ds[0].rule_id, id) << dump(ds);
  EXPECT_EQ(ds[0].severity, severity) << dump(ds);
  EXPECT_TRUE(ds[0].where.path.starts_with(path)) << dump(ds);
  EXPECT_EQ(ds[0].where.source, "invoice.pdf");  // the PDF is at fault, not the XML inside
}

std::string invoice_with_guideline(std::string_view guideline) {
  std::string xml = relance::testing::minimal_cii_invoice();
  constexpr std::string_view en16931 = "<ram:ID>urn:cen.eu:en16931:2017</ram:ID>";
  const auto at = xml.find(en16931);
  EXPECT_NE(at, std::string::npos);
  xml.replace(at, en16931.size(), "<ram:ID>" + std::string(guideline) + "</ram:ID>");
  return xml;
}

TEST(FacturXRules, ACoherentFacturXPdfIsClean) {
  const auto pdf = make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice());
  const auto r = read_invoice(pdf, "invoice.pdf");
  ASSERT_TRUE(r.value);
  EXPECT_TRUE(fx_only(r.diagnostics).empty()) << dump(fx_only(r.diagnostics));
}

TEST(FacturXRules, PropertiesWrittenAsAttributesCountToo) {
  FacturXXmp xmp;
  xmp.as_attributes = true;
  EXPECT_TRUE(read_fx(make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice(), xmp)).empty());
}

TEST(FacturXRules, ExtractionRecordsTheXmpFacts) {
  FacturXXmp xmp;
  xmp.conformance_level = "BASIC";
  const auto r = relance::formats::extract_invoice_xml(
      make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice(), xmp), "invoice.pdf");
  ASSERT_TRUE(r.value);
  EXPECT_TRUE(r.diagnostics.empty());  // facts only: judging them needs the XML read
  const auto& x = r.value->xmp;
  EXPECT_TRUE(x.present);
  EXPECT_TRUE(x.problem.empty()) << x.problem;
  EXPECT_EQ(x.fx_namespace, relance::formats::facturx_xmp_namespace);
  EXPECT_EQ(x.conformance_level, "BASIC");
  EXPECT_EQ(x.document_file_name, "factur-x.xml");
  EXPECT_EQ(x.document_type, "INVOICE");
  EXPECT_EQ(x.version, "1.0");
  EXPECT_EQ(x.pdfa_part, "3");
  EXPECT_EQ(x.pdfa_conformance, "B");
  EXPECT_TRUE(x.location.starts_with("catalog /Metadata (object ")) << x.location;
  EXPECT_TRUE(r.value->location.starts_with("attachment factur-x.xml")) << r.value->location;
}

TEST(FacturXRules, Fx001NoXmp) {
  expect_one(read_fx(relance::testing::make_facturx_pdf(relance::testing::minimal_cii_invoice())),
             "RL-FX-001", Severity::warning, "document catalog");
}

TEST(FacturXRules, Fx001NamespaceReadersDoNotRecognise) {
  FacturXXmp xmp;
  xmp.fx_namespace = "urn:factur-x:pdfa:crossindustrydocument:invoice:1p0#";  // the early samples' lower case
  const auto ds = read_fx(make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice(), xmp));
  expect_one(ds, "RL-FX-001", Severity::warning, "catalog /Metadata");
  EXPECT_NE(ds[0].message.find("crossindustrydocument"), std::string::npos) << ds[0].message;
}

TEST(FacturXRules, Fx001BrokenXmp) {
  const auto pdf = relance::testing::set_metadata(
      relance::testing::make_facturx_pdf(relance::testing::minimal_cii_invoice()), "<x:xmpmeta><unclosed>");
  const auto ds = read_fx(pdf);
  expect_one(ds, "RL-FX-001", Severity::warning, "catalog /Metadata");
  EXPECT_NE(ds[0].message.find("not well-formed"), std::string::npos) << ds[0].message;
}

TEST(FacturXRules, Fx002ConformanceLevelDisagreesWithBt24) {
  FacturXXmp xmp;
  xmp.conformance_level = "BASIC";
  const auto ds = read_fx(make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice(), xmp));
  expect_one(ds, "RL-FX-002", Severity::warning, "catalog /Metadata");
  EXPECT_TRUE(ds[0].where.path.ends_with(" fx:ConformanceLevel")) << ds[0].where.path;
  EXPECT_EQ(ds[0].business_term, "BT-24");
}

TEST(FacturXRules, Fx002EachProfileMapsToItsLevel) {
  const std::pair<std::string_view, std::string_view> profiles[] = {
      {"urn:factur-x.eu:1p0:minimum", "MINIMUM"},
      {"urn:factur-x.eu:1p0:basicwl", "BASIC WL"},
      {"urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic", "BASIC"},
      {"urn:cen.eu:en16931:2017", "EN 16931"},
      {"urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended", "EXTENDED"},
  };
  for (const auto& [guideline, level] : profiles) {
    FacturXXmp right, wrong;
    right.conformance_level = std::string(level);
    wrong.conformance_level = level == "EXTENDED" ? "EN 16931" : "EXTENDED";
    const std::string xml = invoice_with_guideline(guideline);
    EXPECT_TRUE(read_fx(make_facturx_pdf_with_xmp(xml, right)).empty()) << guideline;
    const auto ds = read_fx(make_facturx_pdf_with_xmp(xml, wrong));
    ASSERT_EQ(ds.size(), 1u) << guideline << "\n" << dump(ds);
    EXPECT_EQ(ds[0].rule_id, "RL-FX-002") << guideline;
  }
}

TEST(FacturXRules, Fx002UnknownGuidelineLeavesNothingToCompare) {
  FacturXXmp xmp;
  xmp.conformance_level = "BASIC";
  const std::string xml = invoice_with_guideline("urn:example:private-profile");
  EXPECT_TRUE(read_fx(make_facturx_pdf_with_xmp(xml, xmp)).empty());
}

TEST(FacturXRules, Fx003DocumentFileNameNamesTheAttachment) {
  FacturXXmp xmp;
  xmp.document_file_name = "invoice.xml";
  const auto ds = read_fx(make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice(), xmp));
  expect_one(ds, "RL-FX-003", Severity::warning, "catalog /Metadata");
  EXPECT_TRUE(ds[0].where.path.ends_with(" fx:DocumentFileName")) << ds[0].where.path;
}

TEST(FacturXRules, ZugferdTwoNamesAndNamespaceAreAccepted) {
  FacturXXmp xmp;
  xmp.fx_namespace = std::string(relance::formats::zugferd2_xmp_namespace);
  xmp.document_file_name = "zugferd-invoice.xml";
  EXPECT_TRUE(read_fx(make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice(), xmp,
                                                "zugferd-invoice.xml", "Alternative"))
                  .empty());
}

TEST(FacturXRules, Fx004AttachmentWithoutAfRelationship) {
  const auto ds =
      read_fx(make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice(), {}, "factur-x.xml", ""));
  expect_one(ds, "RL-FX-004", Severity::warning, "attachment factur-x.xml");
}

TEST(FacturXRules, Fx004RelationshipThatIsNotTheInvoices) {
  const auto ds = read_fx(
      make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice(), {}, "factur-x.xml", "Supplement"));
  expect_one(ds, "RL-FX-004", Severity::warning, "attachment factur-x.xml");
}

TEST(FacturXRules, Fx005NotPdfA3) {
  FacturXXmp xmp;
  xmp.pdfa_part = "2";
  expect_one(read_fx(make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice(), xmp)), "RL-FX-005",
             Severity::warning, "catalog /Metadata");
}

TEST(FacturXRules, Fx006DocumentTypeIsInvoice) {
  FacturXXmp xmp;
  xmp.document_type = "ORDER";
  expect_one(read_fx(make_facturx_pdf_with_xmp(relance::testing::minimal_cii_invoice(), xmp)), "RL-FX-006",
             Severity::warning, "catalog /Metadata");
}

TEST(FacturXRules, TheRegistryKnowsTheRules) {
  for (const std::string_view id :
       {"RL-FX-001", "RL-FX-002", "RL-FX-003", "RL-FX-004", "RL-FX-005", "RL-FX-006"})
    EXPECT_NE(relance::formats::find_rule(id), nullptr) << id;
}

}  // namespace
