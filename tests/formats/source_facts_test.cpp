// Where the official rules test that an element exists, an empty or unreadable element counts:
// the readers record what the document showed (Invoice::facts) and the rules consult it. The
// same invoice built in code has no facts, and its empty values read as absent.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "../samples/sample_invoice.hpp"
#include "relance/formats/cii.hpp"
#include "relance/formats/ubl.hpp"
#include "relance/formats/validate.hpp"

using namespace relance::formats;

namespace {

Invoice sample() {
  return relance::samples::make_invoice(2);
}

bool fires(const Invoice& inv, std::string_view id) {
  ValidationOptions options;
  options.only_rules = {std::string(id)};
  return !validate(inv, options).items().empty();
}

// Inserts `element` as the first child of the first `parent` open tag.
std::string with_child(std::string xml, std::string_view parent, std::string_view element) {
  const auto at = xml.find(std::string(parent) + ">");
  EXPECT_NE(at, std::string::npos) << parent;
  if (at == std::string::npos) return xml;
  xml.insert(at + parent.size() + 1, element);
  return xml;
}

Invoice read_ubl_ok(const std::string& xml) {
  auto r = read_ubl(xml, "test.xml");
  EXPECT_TRUE(r.value.has_value());
  return r.value ? *r.value : Invoice{};
}

Invoice read_cii_ok(const std::string& xml) {
  auto r = read_cii(xml, "test.xml");
  EXPECT_TRUE(r.value.has_value());
  return r.value ? *r.value : Invoice{};
}

}  // namespace

TEST(SourceFacts, ReadersMarkTheirModelsAsReadFromSource) {
  const Invoice inv = sample();
  EXPECT_FALSE(inv.facts.read_from_source);
  EXPECT_TRUE(read_ubl_ok(write_ubl(inv)).facts.read_from_source);
  EXPECT_TRUE(read_cii_ok(write_cii(inv)).facts.read_from_source);
}

TEST(SourceFacts, AnEmptyPayeePartyMakesBr17Fire) {
  Invoice inv = sample();
  inv.payee = {};
  ASSERT_FALSE(fires(inv, "BR-17"));  // built in code, an empty payee is no payee
  EXPECT_FALSE(fires(read_ubl_ok(write_ubl(inv)), "BR-17"));
  std::string xml = write_ubl(inv);
  const auto at = xml.find("<cac:PaymentMeans>");
  ASSERT_NE(at, std::string::npos);
  xml.insert(at, "<cac:PayeeParty/>");
  const Invoice read = read_ubl_ok(xml);
  EXPECT_TRUE(read.facts.has_group(10));
  EXPECT_TRUE(read.same_business_content(inv));  // facts are no business content
  EXPECT_TRUE(fires(read, "BR-17"));
}

TEST(SourceFacts, AnEmptySellerAddressIsAnAddressWithoutCountry) {
  Invoice inv = sample();
  inv.seller.postal_address = {};
  ASSERT_TRUE(fires(inv, "BR-08"));
  const Invoice read = read_ubl_ok(
      with_child(write_ubl(inv), "<cac:AccountingSupplierParty>\n    <cac:Party", "<cac:PostalAddress/>"));
  EXPECT_TRUE(read.facts.has_group(5));
  EXPECT_FALSE(fires(read, "BR-08"));
  EXPECT_TRUE(fires(read, "BR-09"));
}

TEST(SourceFacts, AnUnreadableIssueDateIsStillAnIssueDate) {
  std::string xml = write_ubl(sample());
  const auto at = xml.find("<cbc:IssueDate>");
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, xml.find("</cbc:IssueDate>") - at, "<cbc:IssueDate>123");
  auto r = read_ubl(xml, "test.xml");
  ASSERT_TRUE(r.value);
  EXPECT_FALSE(r.value->issue_date);
  EXPECT_FALSE(r.diagnostics.empty());  // the reader reports the date it could not read
  EXPECT_FALSE(fires(*r.value, "BR-03"));
}

TEST(SourceFacts, ASecondTaxTotalInTheInvoiceCurrencyFailsBrCo15AndKeepsItsSubtotals) {
  const Invoice inv = sample();
  std::string xml = write_ubl(inv);
  const auto begin = xml.find("<cac:TaxTotal>");
  const auto end = xml.find("</cac:TaxTotal>");
  ASSERT_NE(begin, std::string::npos);
  const std::string total = xml.substr(begin, end + std::string_view("</cac:TaxTotal>").size() - begin);
  xml.insert(begin, total);
  const Invoice read = read_ubl_ok(xml);
  EXPECT_EQ(read.facts.document_currency_tax_totals, 2);
  EXPECT_EQ(read.vat_breakdown.size(), 2 * inv.vat_breakdown.size());
  EXPECT_TRUE(fires(read, "BR-CO-15"));
  EXPECT_FALSE(fires(read_ubl_ok(write_ubl(inv)), "BR-CO-15"));
}

TEST(SourceFacts, PeriodsWithoutAnyDateFailBrCo19AndBrCo20) {
  Invoice inv = sample();
  inv.invoicing_period = {};
  for (InvoiceLine& line : inv.lines) line.period = {};
  ASSERT_FALSE(fires(inv, "BR-CO-19"));
  ASSERT_FALSE(fires(inv, "BR-CO-20"));

  const std::string cii =
      with_child(write_cii(inv), "<ram:ApplicableHeaderTradeSettlement", "<ram:BillingSpecifiedPeriod/>");
  const Invoice from_cii = read_cii_ok(cii);
  EXPECT_TRUE(fires(from_cii, "BR-CO-19"));
  EXPECT_FALSE(fires(from_cii, "BR-CO-20"));

  const Invoice from_ubl =
      read_ubl_ok(with_child(write_ubl(inv), "<cac:InvoiceLine", "<cac:InvoicePeriod/>"));
  EXPECT_FALSE(fires(from_ubl, "BR-CO-19"));
  EXPECT_TRUE(fires(from_ubl, "BR-CO-20"));
}
