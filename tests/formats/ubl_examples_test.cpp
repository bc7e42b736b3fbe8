// Every official UBL example is read, checked against plain XPath on the XML itself,
// written back and read again.

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>

#include "relance/formats/cii.hpp"
#include "relance/formats/invoice_json.hpp"
#include "relance/formats/ubl.hpp"
#include "test_support.hpp"
#include "ubl_schema_order.hpp"

using namespace relance::formats;
using relance::testing::official_examples;
using relance::testing::read_file;

namespace {

// XPath on local names, so the check does not depend on the prefixes a file uses:
// "AccountingSupplierParty/Party" from the root element.
std::string q(const std::string& path) {
  std::string out = "/*";
  std::size_t start = 0;
  while (start < path.size()) {
    const auto slash = path.find('/', start);
    out += "/*[local-name()='" +
           path.substr(start, slash == std::string::npos ? std::string::npos : slash - start) + "']";
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

// The text of the first match with the XML white space around it removed (the reader
// keeps inner white space, so normalize-space() would not do).
std::string xp(const pugi::xml_document& doc, const std::string& path) {
  std::string v = pugi::xpath_query(("string(" + q(path) + ")").c_str()).evaluate_string(doc);
  const auto first = v.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return v.substr(first, v.find_last_not_of(" \t\r\n") - first + 1);
}

std::size_t xcount(const pugi::xml_document& doc, const std::string& xpath) {
  return static_cast<std::size_t>(pugi::xpath_query(("count(" + xpath + ")").c_str()).evaluate_number(doc));
}

std::optional<Decimal> xdec(const pugi::xml_document& doc, const std::string& path) {
  return Decimal::parse(xp(doc, path));
}

}  // namespace

TEST(UblExamples, EveryOfficialExampleReadsAndAgreesWithXPath) {
  RELANCE_REQUIRE_EN16931_DIR();
  const auto files = official_examples("ubl");
  ASSERT_EQ(files.size(), 48u);
  std::size_t credit_notes = 0;
  for (const auto& f : files) {
    SCOPED_TRACE(f.filename().string());
    const std::string xml = read_file(f);
    const auto r = read_ubl(xml, f.string());
    ASSERT_TRUE(r.value);
    EXPECT_FALSE(r.diagnostics.has_fatal());
    for (const auto& diag : r.diagnostics.items()) ADD_FAILURE() << relance::format_diagnostic(diag);
    const Invoice& inv = *r.value;

    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_buffer(xml.data(), xml.size()));
    const bool credit_note = std::string_view(doc.document_element().name()).ends_with("CreditNote");
    credit_notes += credit_note ? 1 : 0;
    EXPECT_EQ(inv.source_syntax, credit_note ? Syntax::ubl_credit_note : Syntax::ubl_invoice);
    EXPECT_EQ(inv.number, xp(doc, "ID"));
    ASSERT_TRUE(inv.issue_date);
    EXPECT_EQ(inv.issue_date->to_iso(), xp(doc, "IssueDate"));
    EXPECT_EQ(inv.type_code, xp(doc, credit_note ? "CreditNoteTypeCode" : "InvoiceTypeCode"));
    EXPECT_EQ(inv.currency, xp(doc, "DocumentCurrencyCode"));
    EXPECT_EQ(inv.seller.name, xp(doc, "AccountingSupplierParty/Party/PartyLegalEntity/RegistrationName"));
    EXPECT_EQ(inv.buyer.name, xp(doc, "AccountingCustomerParty/Party/PartyLegalEntity/RegistrationName"));
    EXPECT_EQ(inv.lines.size(), xcount(doc, q(credit_note ? "CreditNoteLine" : "InvoiceLine")));
    EXPECT_EQ(inv.totals.payable_amount, xdec(doc, "LegalMonetaryTotal/PayableAmount"));
    EXPECT_EQ(inv.totals.total_with_vat, xdec(doc, "LegalMonetaryTotal/TaxInclusiveAmount"));
    // BG-23 is the TaxSubtotals of the TaxTotal in the document currency.
    const std::string breakdown =
        q("TaxTotal") + "[normalize-space(*[local-name()='TaxAmount']/@currencyID) = " +
        "normalize-space(/*/*[local-name()='DocumentCurrencyCode'])]/*[local-name()='TaxSubtotal']";
    EXPECT_EQ(inv.vat_breakdown.size(), xcount(doc, breakdown));
    EXPECT_GT(inv.vat_breakdown.size(), 0u);
    if (!credit_note) {
      const std::string due = xp(doc, "DueDate");
      EXPECT_EQ(inv.due_date ? inv.due_date->to_iso() : std::string(), due);
    }
  }
  EXPECT_EQ(credit_notes, 5u);
}

TEST(UblExamples, ReadWriteReadGivesAnEqualModel) {
  RELANCE_REQUIRE_EN16931_DIR();
  for (const auto& f : official_examples("ubl")) {
    SCOPED_TRACE(f.filename().string());
    const auto first = read_ubl(read_file(f), f.string());
    ASSERT_TRUE(first.value);
    const std::string written = write_ubl(*first.value);
    const auto second = read_ubl(written, "written.xml");
    ASSERT_TRUE(second.value);
    for (const auto& diag : second.diagnostics.items()) ADD_FAILURE() << relance::format_diagnostic(diag);
    EXPECT_TRUE(*first.value == *second.value);
    if (!(*first.value == *second.value)) {
      EXPECT_EQ(to_json(*first.value), to_json(*second.value));
    }
    // Writing is deterministic: the same model gives the same bytes.
    EXPECT_EQ(write_ubl(*second.value), written);
  }
}

// The order table stands in for the XSD; it must itself agree with the (schema-valid) examples.
TEST(UblExamples, OfficialExamplesAgreeWithTheSchemaOrderTable) {
  RELANCE_REQUIRE_EN16931_DIR();
  for (const auto& f : official_examples("ubl")) {
    SCOPED_TRACE(f.filename().string());
    const std::string xml = read_file(f);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_buffer(xml.data(), xml.size()));
    for (const auto& problem : relance::testing::ubl::order_problems(doc, false)) ADD_FAILURE() << problem;
  }
}

TEST(UblExamples, WrittenExamplesFollowTheSchemaOrder) {
  RELANCE_REQUIRE_EN16931_DIR();
  for (const auto& f : official_examples("ubl")) {
    SCOPED_TRACE(f.filename().string());
    const auto r = read_ubl(read_file(f), f.string());
    ASSERT_TRUE(r.value);
    const std::string written = write_ubl(*r.value);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_buffer(written.data(), written.size()));
    for (const auto& problem : relance::testing::ubl::order_problems(doc, true)) ADD_FAILURE() << problem;
  }
}

// CII input is the other way into the UBL writer: its output must be as well formed.
TEST(UblExamples, CiiExamplesWrittenAsUblFollowTheSchemaOrderAndReadBack) {
  RELANCE_REQUIRE_EN16931_DIR();
  for (const auto& f : official_examples("cii")) {
    SCOPED_TRACE(f.filename().string());
    const auto cii = read_cii(read_file(f), f.string());
    ASSERT_TRUE(cii.value);
    const std::string written = write_ubl(*cii.value);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_buffer(written.data(), written.size()));
    for (const auto& problem : relance::testing::ubl::order_problems(doc, true)) ADD_FAILURE() << problem;
    const auto back = read_ubl(written, "written.xml");
    ASSERT_TRUE(back.value);
    EXPECT_TRUE(back.diagnostics.empty());
    EXPECT_EQ(back.value->number, cii.value->number);
    EXPECT_EQ(back.value->lines.size(), cii.value->lines.size());
    EXPECT_EQ(back.value->totals.payable_amount, cii.value->totals.payable_amount);
    EXPECT_EQ(back.value->vat_breakdown, cii.value->vat_breakdown);
    EXPECT_EQ(back.value->seller, cii.value->seller);
  }
}
