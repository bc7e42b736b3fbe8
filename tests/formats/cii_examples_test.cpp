// Every official CII example is read, checked field by field against the XML itself,
// written back and read again.

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "relance/formats/cii.hpp"
#include "relance/formats/invoice_json.hpp"
#include "test_support.hpp"

using namespace relance::formats;
using relance::testing::official_examples;
using relance::testing::read_file;

namespace {

// XPath on local names, so the check does not depend on the prefixes a file uses.
std::string xp(const pugi::xml_document& doc, const std::string& path) {
  std::string q;
  std::size_t start = 0;
  while (start < path.size()) {
    const auto slash = path.find('/', start);
    const std::string step =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    q += "/*[local-name()='" + step + "']";
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  auto n = doc.select_node(q.c_str());
  if (!n) return {};
  std::string v = n.node().child_value();
  return v.substr(v.find_first_not_of(" \t\r\n") == std::string::npos ? 0 : v.find_first_not_of(" \t\r\n"));
}

std::size_t count(const pugi::xml_document& doc, const std::string& local) {
  return doc.select_nodes(("//*[local-name()='" + local + "']").c_str()).size();
}

std::string dec(const std::optional<Decimal>& d) {
  return d ? d->to_string() : std::string();
}

}  // namespace

TEST(CiiExamples, EveryOfficialExampleReadsWithItsFields) {
  RELANCE_REQUIRE_EN16931_DIR();
  const auto files = official_examples("cii");
  ASSERT_EQ(files.size(), 15u);
  for (const auto& f : files) {
    SCOPED_TRACE(f.filename().string());
    const std::string xml = read_file(f);
    const auto r = read_cii(xml, f.string());
    ASSERT_TRUE(r.value);
    for (const auto& d : r.diagnostics.items()) ADD_FAILURE() << relance::format_diagnostic(d);
    const Invoice& inv = *r.value;
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(xml.c_str()));
    const std::string root = "CrossIndustryInvoice/";
    EXPECT_EQ(inv.number, xp(doc, root + "ExchangedDocument/ID"));
    EXPECT_EQ(inv.type_code, xp(doc, root + "ExchangedDocument/TypeCode"));
    ASSERT_TRUE(inv.issue_date);
    EXPECT_EQ(inv.issue_date->to_basic(), xp(doc, root + "ExchangedDocument/IssueDateTime/DateTimeString"));
    const std::string settlement = root + "SupplyChainTradeTransaction/ApplicableHeaderTradeSettlement/";
    const std::string agreement = root + "SupplyChainTradeTransaction/ApplicableHeaderTradeAgreement/";
    EXPECT_EQ(inv.currency, xp(doc, settlement + "InvoiceCurrencyCode"));
    EXPECT_EQ(inv.seller.name, xp(doc, agreement + "SellerTradeParty/Name"));
    EXPECT_EQ(inv.buyer.name, xp(doc, agreement + "BuyerTradeParty/Name"));
    EXPECT_EQ(inv.lines.size(), count(doc, "IncludedSupplyChainTradeLineItem"));
    const std::string sums = settlement + "SpecifiedTradeSettlementHeaderMonetarySummation/";
    EXPECT_EQ(dec(inv.totals.payable_amount), xp(doc, sums + "DuePayableAmount"));
    EXPECT_EQ(dec(inv.totals.total_with_vat), xp(doc, sums + "GrandTotalAmount"));
    EXPECT_EQ(dec(inv.totals.sum_of_line_net_amounts), xp(doc, sums + "LineTotalAmount"));
    EXPECT_EQ(
        inv.vat_breakdown.size(),
        doc.select_nodes(
               "//*[local-name()='ApplicableHeaderTradeSettlement']/*[local-name()='ApplicableTradeTax']")
            .size());
    if (!inv.vat_breakdown.empty()) {
      EXPECT_EQ(dec(inv.vat_breakdown[0].tax_amount),
                xp(doc, settlement + "ApplicableTradeTax/CalculatedAmount"));
      EXPECT_EQ(inv.vat_breakdown[0].category_code, xp(doc, settlement + "ApplicableTradeTax/CategoryCode"));
    }
    const std::string due = xp(doc, settlement + "SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString");
    EXPECT_EQ(inv.due_date ? inv.due_date->to_basic() : std::string(), due);
  }
}

TEST(CiiExamples, ReadWriteReadGivesAnEqualModel) {
  RELANCE_REQUIRE_EN16931_DIR();
  for (const auto& f : official_examples("cii")) {
    SCOPED_TRACE(f.filename().string());
    const auto first = read_cii(read_file(f), f.string());
    ASSERT_TRUE(first.value);
    const std::string written = write_cii(*first.value);
    const auto second = read_cii(written, "written.xml");
    ASSERT_TRUE(second.value);
    EXPECT_TRUE(second.diagnostics.empty());
    EXPECT_TRUE(*first.value == *second.value);
    if (!(*first.value == *second.value)) {
      EXPECT_EQ(to_json(*first.value), to_json(*second.value));
    }
    // Writing is deterministic: the same model gives the same bytes.
    EXPECT_EQ(write_cii(*second.value), written);
  }
}
