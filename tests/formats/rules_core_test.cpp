// EN 16931 rules BR-01 .. BR-65 on the model: each rule silent on a valid invoice and firing,
// with its severity and source path, once that invoice is changed in one place.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/validate.hpp"
#include "rule_checks.hpp"
#include "sample_invoice.hpp"

using namespace relance::formats;
using relance::Severity;
using namespace relance::testing::rule_checks;

namespace {

Invoice sample() {
  return relance::samples::make_invoice(3);
}

constexpr std::string_view seller_party = "/Invoice/cac:AccountingSupplierParty";
constexpr std::string_view buyer_party = "/Invoice/cac:AccountingCustomerParty";
constexpr std::string_view tax_representative = "/Invoice/cac:TaxRepresentativeParty";

DocumentAllowanceCharge transport_charge() {
  DocumentAllowanceCharge c;
  c.amount = d("10.00");
  c.vat_category_code = "S";
  c.vat_rate = d("20");
  c.reason = "Transport";
  c.reason_code = "FC";
  return c;
}

LineAllowanceCharge line_discount() {
  LineAllowanceCharge a;
  a.amount = d("1.00");
  a.reason = "Remise";
  a.reason_code = "95";
  return a;
}

TaxRepresentative full_representative() {
  TaxRepresentative r;
  r.name = "Fiscal Rep SAS";
  r.vat_id = "FR32123456789";
  r.postal_address = {"1 rue de la Paix", "", "", "Paris", "75002", "", "FR"};
  return r;
}

}  // namespace

TEST(CoreRules, SampleInvoicePassesEveryCoreRule) {
  ValidationOptions options;
  options.only_rules = {"BR-0*", "BR-1*", "BR-2*", "BR-3*", "BR-4*", "BR-5*", "BR-6*"};
  const relance::Diagnostics found_all = validate(sample(), options);
  for (const auto& found : found_all.items())
    ADD_FAILURE() << found.rule_id << " " << found.where.path << ": " << found.message;
}

TEST(CoreRules, RegistryHasEveryRuleOfTheRelease) {
  for (std::string_view id : {"BR-01", "BR-11", "BR-33", "BR-36", "BR-57", "BR-61", "BR-65"})
    EXPECT_NE(find_rule(id), nullptr) << id;
  // Numbers the release does not use.
  for (std::string_view id : {"BR-34", "BR-35", "BR-39", "BR-40", "BR-58", "BR-59", "BR-60"})
    EXPECT_EQ(find_rule(id), nullptr) << id;
  EXPECT_EQ(find_rule("BR-51")->severity, Severity::warning);
}

TEST(CoreRules, Br01FlagsAnInvoiceWithoutSpecificationIdentifier) {
  Invoice inv = sample();
  expect_silent(inv, "BR-01");
  inv.specification_identifier.clear();
  expect_fires(inv, "BR-01", root);
}

TEST(CoreRules, Br02FlagsAnInvoiceWithoutNumber) {
  Invoice inv = sample();
  expect_silent(inv, "BR-02");
  inv.number.clear();
  expect_fires(inv, "BR-02", root);
}

TEST(CoreRules, Br03FlagsAnInvoiceWithoutIssueDate) {
  Invoice inv = sample();
  expect_silent(inv, "BR-03");
  inv.issue_date.reset();
  expect_fires(inv, "BR-03", root);
}

TEST(CoreRules, Br04FlagsAnInvoiceWithoutTypeCode) {
  Invoice inv = sample();
  expect_silent(inv, "BR-04");
  inv.type_code.clear();
  expect_fires(inv, "BR-04", root);
}

TEST(CoreRules, Br05FlagsAnInvoiceWithoutCurrency) {
  Invoice inv = sample();
  expect_silent(inv, "BR-05");
  inv.currency.clear();
  expect_fires(inv, "BR-05", root);
}

TEST(CoreRules, Br06FlagsASellerWithoutName) {
  Invoice inv = sample();
  expect_silent(inv, "BR-06");
  inv.seller.name.clear();
  expect_fires(inv, "BR-06", seller_party);
}

TEST(CoreRules, Br07FlagsABuyerWithoutName) {
  Invoice inv = sample();
  expect_silent(inv, "BR-07");
  inv.buyer.name.clear();
  expect_fires(inv, "BR-07", buyer_party);
}

TEST(CoreRules, Br08FlagsASellerWithoutPostalAddress) {
  Invoice inv = sample();
  expect_silent(inv, "BR-08");
  inv.seller.postal_address = {};
  expect_fires(inv, "BR-08", seller_party);
}

TEST(CoreRules, Br09FlagsASellerAddressWithoutCountry) {
  Invoice inv = sample();
  expect_silent(inv, "BR-09");
  inv.seller.postal_address.country_code.clear();
  expect_fires(inv, "BR-09", at(seller_party, "/cac:Party/cac:PostalAddress"));
}

TEST(CoreRules, Br09InCiiAlsoFlagsAMissingSellerAddress) {
  Invoice inv = sample();
  inv.source_syntax = Syntax::cii;
  inv.seller.postal_address = {};
  expect_fires(inv, "BR-09",
               "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
               "ram:SellerTradeParty/ram:PostalTradeAddress");
  inv.source_syntax = Syntax::ubl_invoice;
  expect_silent(inv, "BR-09");  // UBL judges the country code inside an address only
}

TEST(CoreRules, Br10FlagsABuyerWithoutPostalAddress) {
  Invoice inv = sample();
  expect_silent(inv, "BR-10");
  inv.buyer.postal_address = {};
  expect_fires(inv, "BR-10", buyer_party);
}

TEST(CoreRules, Br11FlagsABuyerAddressWithoutCountry) {
  Invoice inv = sample();
  expect_silent(inv, "BR-11");
  inv.buyer.postal_address.country_code.clear();
  expect_fires(inv, "BR-11", at(buyer_party, "/cac:Party/cac:PostalAddress"));
}

TEST(CoreRules, Br12FlagsAMissingSumOfLineNetAmounts) {
  Invoice inv = sample();
  expect_silent(inv, "BR-12");
  inv.totals.sum_of_line_net_amounts.reset();
  expect_fires(inv, "BR-12", totals);
}

TEST(CoreRules, Br13FlagsAMissingTotalWithoutVat) {
  Invoice inv = sample();
  expect_silent(inv, "BR-13");
  inv.totals.total_without_vat.reset();
  expect_fires(inv, "BR-13", totals);
}

TEST(CoreRules, Br14FlagsAMissingTotalWithVat) {
  Invoice inv = sample();
  expect_silent(inv, "BR-14");
  inv.totals.total_with_vat.reset();
  expect_fires(inv, "BR-14", totals);
}

TEST(CoreRules, Br15FlagsAMissingAmountDue) {
  Invoice inv = sample();
  expect_silent(inv, "BR-15");
  inv.totals.payable_amount.reset();
  expect_fires(inv, "BR-15", totals);
}

TEST(CoreRules, Br16FlagsAnInvoiceWithoutLines) {
  Invoice inv = sample();
  expect_silent(inv, "BR-16");
  inv.lines.clear();
  expect_fires(inv, "BR-16", root);
}

TEST(CoreRules, Br17FlagsAPayeeWithoutName) {
  Invoice inv = sample();
  inv.payee.identifier = {"FACTOR-1", ""};
  inv.payee.name = "Factor SA";
  expect_silent(inv, "BR-17");
  inv.payee.name.clear();
  expect_fires(inv, "BR-17", "/Invoice/cac:PayeeParty");
}

TEST(CoreRules, Br17FlagsAPayeeThatIsTheSeller) {
  Invoice inv = sample();
  inv.source_syntax = Syntax::cii;
  inv.payee.name = "Factor SA";
  expect_silent(inv, "BR-17");
  inv.payee.legal_registration_id = inv.seller.legal_registration_id;
  expect_fires(
      inv, "BR-17",
      "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
      "ram:PayeeTradeParty");
}

TEST(CoreRules, Br18FlagsATaxRepresentativeWithoutName) {
  Invoice inv = sample();
  inv.tax_representative = full_representative();
  expect_silent(inv, "BR-18");
  inv.tax_representative.name.clear();
  expect_fires(inv, "BR-18", tax_representative);
}

TEST(CoreRules, Br19FlagsATaxRepresentativeWithoutAddress) {
  Invoice inv = sample();
  inv.tax_representative = full_representative();
  expect_silent(inv, "BR-19");
  inv.tax_representative.postal_address = {};
  expect_fires(inv, "BR-19", tax_representative);
}

TEST(CoreRules, Br20FlagsATaxRepresentativeAddressWithoutCountry) {
  Invoice inv = sample();
  inv.tax_representative = full_representative();
  expect_silent(inv, "BR-20");
  inv.tax_representative.postal_address.country_code.clear();
  expect_fires(inv, "BR-20", at(tax_representative, "/cac:PostalAddress"));
}

TEST(CoreRules, Br21FlagsALineWithoutIdentifier) {
  Invoice inv = sample();
  expect_silent(inv, "BR-21");
  inv.lines[0].id.clear();
  expect_fires(inv, "BR-21", line_1);
}

TEST(CoreRules, Br22FlagsALineWithoutQuantity) {
  Invoice inv = sample();
  expect_silent(inv, "BR-22");
  inv.lines[1].quantity.reset();
  expect_fires(inv, "BR-22", "/Invoice/cac:InvoiceLine[2]");
}

TEST(CoreRules, Br23FlagsAQuantityWithoutUnit) {
  Invoice inv = sample();
  expect_silent(inv, "BR-23");
  inv.lines[0].unit_code.clear();
  expect_fires(inv, "BR-23", at(line_1, "/cbc:InvoicedQuantity"));
}

TEST(CoreRules, Br24FlagsALineWithoutNetAmount) {
  Invoice inv = sample();
  expect_silent(inv, "BR-24");
  inv.lines[0].net_amount.reset();
  expect_fires(inv, "BR-24", line_1);
}

TEST(CoreRules, Br25FlagsALineWithoutItemName) {
  Invoice inv = sample();
  expect_silent(inv, "BR-25");
  inv.lines[0].item.name.clear();
  expect_fires(inv, "BR-25", at(line_1, "/cac:Item"));
}

TEST(CoreRules, Br26FlagsALineWithoutNetPrice) {
  Invoice inv = sample();
  expect_silent(inv, "BR-26");
  inv.lines[0].price.net_price.reset();
  expect_fires(inv, "BR-26", at(line_1, "/cac:Price"));
}

TEST(CoreRules, Br27FlagsANegativeNetPrice) {
  Invoice inv = sample();
  inv.lines[0].price.net_price = d("0.00");
  expect_silent(inv, "BR-27");
  inv.lines[0].price.net_price = d("-12.50");
  expect_fires(inv, "BR-27", at(line_1, "/cac:Price/cbc:PriceAmount"));
}

TEST(CoreRules, Br27AlsoFlagsAMissingNetPrice) {
  // The artefacts compare the price with zero, which fails when there is none.
  Invoice inv = sample();
  inv.lines[0].price.net_price.reset();
  expect_fires(inv, "BR-27", at(line_1, "/cac:Price"));
}

TEST(CoreRules, Br28FlagsANegativeGrossPrice) {
  Invoice inv = sample();
  inv.lines[0].price.gross_price = d("15.00");
  expect_silent(inv, "BR-28");
  inv.lines[0].price.gross_price = d("-15.00");
  expect_fires(inv, "BR-28", at(line_1, "/cac:Price/cac:AllowanceCharge/cbc:BaseAmount"));
}

TEST(CoreRules, Br29FlagsAnInvoicingPeriodEndingBeforeItStarts) {
  Invoice inv = sample();
  inv.invoicing_period = {Date::from_ymd(2026, 10, 1), Date::from_ymd(2026, 10, 1)};
  expect_silent(inv, "BR-29");
  inv.invoicing_period.end = Date::from_ymd(2026, 9, 30);
  expect_fires(inv, "BR-29", "/Invoice/cac:InvoicePeriod");
}

TEST(CoreRules, Br30FlagsALinePeriodEndingBeforeItStarts) {
  Invoice inv = sample();
  inv.lines[0].period = {Date::from_ymd(2026, 10, 1), Date::from_ymd(2026, 10, 31)};
  expect_silent(inv, "BR-30");
  inv.lines[0].period.end = Date::from_ymd(2026, 9, 30);
  expect_fires(inv, "BR-30", at(line_1, "/cac:InvoicePeriod"));
}

TEST(CoreRules, Br31FlagsADocumentAllowanceWithoutAmount) {
  Invoice inv = sample();
  expect_silent(inv, "BR-31");
  inv.allowances[0].amount.reset();
  expect_fires(inv, "BR-31", allowance_1);
}

TEST(CoreRules, Br32FlagsADocumentAllowanceWithoutVatCategory) {
  Invoice inv = sample();
  expect_silent(inv, "BR-32");
  inv.allowances[0].vat_category_code.clear();
  expect_fires(inv, "BR-32", allowance_1);
}

TEST(CoreRules, Br33FlagsADocumentAllowanceWithoutReason) {
  Invoice inv = sample();
  inv.allowances[0].reason_code.clear();
  expect_silent(inv, "BR-33");  // a text reason is enough
  inv.allowances[0].reason.clear();
  expect_fires(inv, "BR-33", allowance_1);
}

TEST(CoreRules, Br36FlagsADocumentChargeWithoutAmount) {
  Invoice inv = sample();
  inv.charges.push_back(transport_charge());
  expect_silent(inv, "BR-36");
  inv.charges[0].amount.reset();
  expect_fires(inv, "BR-36", charge_1);
}

TEST(CoreRules, Br37FlagsADocumentChargeWithoutVatCategory) {
  Invoice inv = sample();
  inv.charges.push_back(transport_charge());
  expect_silent(inv, "BR-37");
  inv.charges[0].vat_category_code.clear();
  expect_fires(inv, "BR-37", charge_1);
}

TEST(CoreRules, Br38FlagsADocumentChargeWithoutReason) {
  Invoice inv = sample();
  inv.charges.push_back(transport_charge());
  inv.charges[0].reason.clear();
  expect_silent(inv, "BR-38");  // a reason code is enough
  inv.charges[0].reason_code.clear();
  expect_fires(inv, "BR-38", charge_1);
}

TEST(CoreRules, Br41FlagsALineAllowanceWithoutAmount) {
  Invoice inv = sample();
  inv.lines[0].allowances.push_back(line_discount());
  expect_silent(inv, "BR-41");
  inv.lines[0].allowances[0].amount.reset();
  expect_fires(inv, "BR-41", at(line_1, "/cac:AllowanceCharge[cbc:ChargeIndicator='false'][1]"));
}

TEST(CoreRules, Br42FlagsALineAllowanceWithoutReason) {
  Invoice inv = sample();
  inv.lines[0].allowances.push_back(line_discount());
  inv.lines[0].allowances[0].reason.clear();
  expect_silent(inv, "BR-42");
  inv.lines[0].allowances[0].reason_code.clear();
  expect_fires(inv, "BR-42", at(line_1, "/cac:AllowanceCharge[cbc:ChargeIndicator='false'][1]"));
}

TEST(CoreRules, Br43FlagsALineChargeWithoutAmount) {
  Invoice inv = sample();
  inv.lines[0].charges.push_back(line_discount());
  expect_silent(inv, "BR-43");
  inv.lines[0].charges[0].amount.reset();
  expect_fires(inv, "BR-43", at(line_1, "/cac:AllowanceCharge[cbc:ChargeIndicator='true'][1]"));
}

TEST(CoreRules, Br44FlagsALineChargeWithoutReason) {
  Invoice inv = sample();
  inv.lines[0].charges.push_back(line_discount());
  inv.lines[0].charges[0].reason_code.clear();
  expect_silent(inv, "BR-44");
  inv.lines[0].charges[0].reason.clear();
  expect_fires(inv, "BR-44", at(line_1, "/cac:AllowanceCharge[cbc:ChargeIndicator='true'][1]"));
}

TEST(CoreRules, Br45FlagsAVatBreakdownWithoutTaxableAmount) {
  Invoice inv = sample();
  expect_silent(inv, "BR-45");
  inv.vat_breakdown[0].taxable_amount.reset();
  expect_fires(inv, "BR-45", subtotal_1);
}

TEST(CoreRules, Br46FlagsAVatBreakdownWithoutTaxAmount) {
  Invoice inv = sample();
  expect_silent(inv, "BR-46");
  inv.vat_breakdown[0].tax_amount.reset();
  expect_fires(inv, "BR-46", subtotal_1);
}

TEST(CoreRules, Br47FlagsAVatBreakdownWithoutCategory) {
  Invoice inv = sample();
  expect_silent(inv, "BR-47");
  inv.vat_breakdown[0].category_code.clear();
  expect_fires(inv, "BR-47", subtotal_1);
}

TEST(CoreRules, Br48FlagsAVatBreakdownWithoutRate) {
  Invoice inv = sample();
  inv.vat_breakdown[0].rate.reset();
  inv.vat_breakdown[0].category_code = "O";
  expect_silent(inv, "BR-48");  // not subject to VAT: no rate
  inv.vat_breakdown[0].category_code = "S";
  expect_fires(inv, "BR-48", subtotal_1);
}

TEST(CoreRules, Br48IsNotJudgedOnCategoriesLMOInCii) {
  // The CII artefact gives those breakdowns to the category rules only.
  Invoice inv = sample();
  inv.source_syntax = Syntax::cii;
  inv.vat_breakdown[0].rate.reset();
  inv.vat_breakdown[0].category_code = "L";
  expect_silent(inv, "BR-48");
  inv.source_syntax = Syntax::ubl_invoice;
  expect_fires(inv, "BR-48", subtotal_1);
}

TEST(CoreRules, Br49FlagsPaymentInstructionsWithoutMeansCode) {
  Invoice inv = sample();
  expect_silent(inv, "BR-49");
  inv.payment_instructions.means_code.clear();
  expect_fires(inv, "BR-49", "/Invoice/cac:PaymentMeans");
}

TEST(CoreRules, Br50FlagsACreditTransferAccountWithoutIdentifier) {
  Invoice inv = sample();
  expect_silent(inv, "BR-50");
  inv.payment_instructions.credit_transfers[0].account_id.clear();
  expect_fires(inv, "BR-50", "/Invoice/cac:PaymentMeans/cac:PayeeFinancialAccount");
}

TEST(CoreRules, Br51WarnsOfAFullCardNumber) {
  Invoice inv = sample();
  inv.payment_instructions.card.primary_account_number = "4970101234";
  expect_silent(inv, "BR-51");
  inv.payment_instructions.card.primary_account_number = "4970101234567890";
  expect_fires(inv, "BR-51", "/Invoice/cac:PaymentMeans/cac:CardAccount", Severity::warning);
}

TEST(CoreRules, Br52FlagsASupportingDocumentWithoutReference) {
  Invoice inv = sample();
  inv.supporting_documents.push_back({"TIMESHEET-1", "Timesheet", "", {}});
  expect_silent(inv, "BR-52");
  inv.supporting_documents[0].reference.clear();
  expect_fires(inv, "BR-52", root);
}

TEST(CoreRules, Br53FlagsATaxCurrencyWithoutVatTotalInIt) {
  Invoice inv = sample();
  inv.tax_currency = "CHF";
  inv.totals.total_vat_in_tax_currency = d("40.00");
  expect_silent(inv, "BR-53");
  inv.totals.total_vat_in_tax_currency.reset();
  expect_fires(inv, "BR-53", "/Invoice/cbc:TaxCurrencyCode");
}

TEST(CoreRules, Br54FlagsAnItemAttributeWithoutValue) {
  Invoice inv = sample();
  inv.lines[0].item.attributes.push_back({"Colour", "Oak"});
  expect_silent(inv, "BR-54");
  inv.lines[0].item.attributes[0].value.clear();
  expect_fires(inv, "BR-54", at(line_1, "/cac:Item"));
}

TEST(CoreRules, Br55FlagsAPrecedingInvoiceWithoutReference) {
  Invoice inv = sample();
  inv.preceding_invoices.push_back({"INV-2026-001", Date::from_ymd(2026, 10, 1)});
  expect_silent(inv, "BR-55");
  inv.preceding_invoices[0].reference.clear();
  expect_fires(inv, "BR-55", "/Invoice/cac:BillingReference");
}

TEST(CoreRules, Br56FlagsATaxRepresentativeWithoutVatIdentifier) {
  Invoice inv = sample();
  inv.tax_representative = full_representative();
  expect_silent(inv, "BR-56");
  inv.tax_representative.vat_id.clear();
  expect_fires(inv, "BR-56", tax_representative);
}

TEST(CoreRules, Br57FlagsADeliverToAddressWithoutCountry) {
  Invoice inv = sample();
  expect_silent(inv, "BR-57");
  inv.delivery.deliver_to.country_code.clear();
  expect_fires(inv, "BR-57", "/Invoice/cac:Delivery/cac:DeliveryLocation/cac:Address");
}

TEST(CoreRules, Br61FlagsACreditTransferWithoutAccount) {
  Invoice inv = sample();
  inv.payment_instructions.means_code = "30";
  expect_silent(inv, "BR-61");
  inv.payment_instructions.credit_transfers.clear();
  expect_fires(inv, "BR-61", "/Invoice/cac:PaymentMeans/cbc:PaymentMeansCode");
}

TEST(CoreRules, Br62FlagsASellerElectronicAddressWithoutScheme) {
  Invoice inv = sample();
  expect_silent(inv, "BR-62");
  inv.seller.electronic_address.scheme.clear();
  expect_fires(inv, "BR-62", at(seller_party, "/cac:Party/cbc:EndpointID"));
}

TEST(CoreRules, Br63FlagsABuyerElectronicAddressWithoutScheme) {
  Invoice inv = sample();
  expect_silent(inv, "BR-63");
  inv.buyer.electronic_address.scheme.clear();
  expect_fires(inv, "BR-63", at(buyer_party, "/cac:Party/cbc:EndpointID"));
}

TEST(CoreRules, Br64FlagsAnItemStandardIdentifierWithoutScheme) {
  Invoice inv = sample();
  inv.lines[0].item.standard_id = {"4012345678901", "0160"};
  expect_silent(inv, "BR-64");
  inv.lines[0].item.standard_id.scheme.clear();
  expect_fires(inv, "BR-64", at(line_1, "/cac:Item/cac:StandardItemIdentification/cbc:ID"));
}

TEST(CoreRules, Br65FlagsAnItemClassificationWithoutScheme) {
  Invoice inv = sample();
  inv.lines[0].item.classifications.push_back({"43211503", "MP", ""});
  expect_silent(inv, "BR-65");
  inv.lines[0].item.classifications[0].scheme.clear();
  expect_fires(inv, "BR-65", at(line_1, "/cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode"));
}
