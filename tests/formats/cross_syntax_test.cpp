// CII -> UBL -> CII and UBL -> CII -> UBL keep every business term both syntaxes carry.

#include <gtest/gtest.h>

#include "relance/formats/cii.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/invoice_json.hpp"
#include "relance/formats/ubl.hpp"
#include "test_support.hpp"

using namespace relance::formats;
using relance::testing::official_examples;
using relance::testing::read_file;

namespace {

Invoice through(const Invoice& inv, bool to_ubl) {
  const std::string xml = to_ubl ? write_ubl(inv) : write_cii(inv);
  auto r = read_invoice(xml, to_ubl ? "converted.ubl.xml" : "converted.cii.xml");
  EXPECT_TRUE(r.value);
  for (const auto& d : r.diagnostics.items()) ADD_FAILURE() << relance::format_diagnostic(d);
  return r.value.value_or(Invoice{});
}

// What one syntax makes mandatory where EN 16931 leaves it optional is written with the value
// the other terms imply; a converted model may carry these implied terms, never lose any.
Invoice without_implied_terms(const Invoice& original, Invoice converted) {
  // CII names a tax currency only when it differs from the invoice currency (BR-53 in CII).
  if (original.tax_currency == original.currency && converted.tax_currency.empty())
    converted.tax_currency = original.tax_currency;
  // UBL's TaxTotal/TaxAmount is mandatory: BT-110 is written as the sum of BG-23.
  if (!original.totals.total_vat && converted.totals.total_vat) {
    Decimal sum;
    for (const auto& v : original.vat_breakdown) sum += v.tax_amount.value_or(Decimal());
    if (*converted.totals.total_vat == sum) converted.totals.total_vat.reset();
  }
  // UBL's price AllowanceCharge needs an amount (BT-147 = gross - net); CII's gross price needs
  // a gross amount (BT-148 = net + discount).
  for (std::size_t i = 0; i < original.lines.size() && i < converted.lines.size(); ++i) {
    const PriceDetails& o = original.lines[i].price;
    PriceDetails& c = converted.lines[i].price;
    if (!o.price_discount && c.price_discount && o.gross_price && o.net_price &&
        *c.price_discount == *o.gross_price - *o.net_price)
      c.price_discount.reset();
    if (!o.gross_price && c.gross_price && o.price_discount && o.net_price &&
        *c.gross_price == *o.net_price + *o.price_discount)
      c.gross_price.reset();
  }
  return converted;
}

void expect_same_business_terms(const Invoice& original, const Invoice& converted, const std::string& what) {
  const Invoice c = without_implied_terms(original, converted);
  EXPECT_TRUE(original.same_business_content(c)) << what;
  if (!original.same_business_content(c)) {
    EXPECT_EQ(to_json(original), to_json(c)) << what;
  }
}

}  // namespace

TEST(CrossSyntax, CiiToUblToCiiKeepsEverySharedTerm) {
  RELANCE_REQUIRE_EN16931_DIR();
  for (const auto& f : official_examples("cii")) {
    const auto a = read_invoice(read_file(f), f.string());
    ASSERT_TRUE(a.value) << f;
    const Invoice ubl = through(*a.value, true);
    expect_same_business_terms(*a.value, ubl, f.filename().string() + " as UBL");
    expect_same_business_terms(*a.value, through(ubl, false), f.filename().string() + " back to CII");
  }
}

TEST(CrossSyntax, UblToCiiToUblKeepsEverySharedTerm) {
  RELANCE_REQUIRE_EN16931_DIR();
  for (const auto& f : official_examples("ubl")) {
    const auto a = read_invoice(read_file(f), f.string());
    ASSERT_TRUE(a.value) << f;
    const Invoice cii = through(*a.value, false);
    expect_same_business_terms(*a.value, cii, f.filename().string() + " as CII");
    expect_same_business_terms(*a.value, through(cii, true), f.filename().string() + " back to UBL");
  }
}
