#include "source_paths.hpp"

#include <utility>

namespace relance::formats::rules {
namespace {

struct TermPath {
  std::string_view id;
  std::string_view cii;  // relative to /rsm:CrossIndustryInvoice
  std::string_view ubl;  // relative to the UBL root
};

// Document-level terms; line, VAT breakdown and allowance terms are in the tables below.
constexpr TermPath document_terms[] = {
    {"BT-1", "/rsm:ExchangedDocument/ram:ID", "/cbc:ID"},
    {"BT-2", "/rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString", "/cbc:IssueDate"},
    {"BT-3", "/rsm:ExchangedDocument/ram:TypeCode", "/cbc:InvoiceTypeCode"},
    {"BT-5", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode",
     "/cbc:DocumentCurrencyCode"},
    {"BT-6", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:TaxCurrencyCode",
     "/cbc:TaxCurrencyCode"},
    {"BT-7", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:TaxPointDate",
     "/cbc:TaxPointDate"},
    {"BT-8", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:DueDateTypeCode",
     "/cac:InvoicePeriod/cbc:DescriptionCode"},
    {"BT-9",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradePaymentTerms/"
     "ram:DueDateDateTime",
     "/cbc:DueDate"},
    {"BT-10", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerReference",
     "/cbc:BuyerReference"},
    {"BT-11", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SpecifiedProcuringProject",
     "/cac:ProjectReference/cbc:ID"},
    {"BT-12", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:ContractReferencedDocument",
     "/cac:ContractDocumentReference/cbc:ID"},
    {"BT-13", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerOrderReferencedDocument",
     "/cac:OrderReference/cbc:ID"},
    {"BT-14", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerOrderReferencedDocument",
     "/cac:OrderReference/cbc:SalesOrderID"},
    {"BT-15",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ReceivingAdviceReferencedDocument",
     "/cac:ReceiptDocumentReference/cbc:ID"},
    {"BT-16",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:DespatchAdviceReferencedDocument",
     "/cac:DespatchDocumentReference/cbc:ID"},
    {"BT-17", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument",
     "/cac:OriginatorDocumentReference/cbc:ID"},
    {"BT-18", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument",
     "/cac:AdditionalDocumentReference/cbc:ID"},
    {"BT-19",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID",
     "/cbc:AccountingCost"},
    {"BT-20",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradePaymentTerms/"
     "ram:Description",
     "/cac:PaymentTerms/cbc:Note"},
    {"BG-1", "/rsm:ExchangedDocument/ram:IncludedNote", "/cbc:Note"},
    {"BT-23",
     "/rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID",
     "/cbc:ProfileID"},
    {"BT-24", "/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID",
     "/cbc:CustomizationID"},
    {"BG-2", "/rsm:ExchangedDocumentContext", "/cbc:CustomizationID"},
    {"BG-3", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument",
     "/cac:BillingReference"},
    {"BT-25",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:InvoiceReferencedDocument/"
     "ram:IssuerAssignedID",
     "/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"},
    {"BG-4", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty",
     "/cac:AccountingSupplierParty"},
    {"BT-27", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:Name",
     "/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName"},
    {"BT-29", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:ID",
     "/cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID"},
    {"BT-30",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/"
     "ram:SpecifiedLegalOrganization/ram:ID",
     "/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID"},
    {"BT-31",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/"
     "ram:SpecifiedTaxRegistration/ram:ID",
     "/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID"},
    {"BT-32",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/"
     "ram:SpecifiedTaxRegistration/ram:ID",
     "/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID"},
    {"BT-33",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:Description",
     "/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm"},
    {"BT-34",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/"
     "ram:URIUniversalCommunication/ram:URIID",
     "/cac:AccountingSupplierParty/cac:Party/cbc:EndpointID"},
    {"BG-5",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/"
     "ram:PostalTradeAddress",
     "/cac:AccountingSupplierParty/cac:Party/cac:PostalAddress"},
    {"BT-40",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/"
     "ram:PostalTradeAddress/ram:CountryID",
     "/cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode"},
    {"BG-6",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/"
     "ram:DefinedTradeContact",
     "/cac:AccountingSupplierParty/cac:Party/cac:Contact"},
    {"BG-7", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty",
     "/cac:AccountingCustomerParty"},
    {"BT-44", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:Name",
     "/cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName"},
    {"BT-46", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:ID",
     "/cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID"},
    {"BT-47",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/"
     "ram:SpecifiedLegalOrganization/ram:ID",
     "/cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID"},
    {"BT-48",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/"
     "ram:SpecifiedTaxRegistration/ram:ID",
     "/cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID"},
    {"BT-49",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/"
     "ram:URIUniversalCommunication/ram:URIID",
     "/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID"},
    {"BG-8",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/"
     "ram:PostalTradeAddress",
     "/cac:AccountingCustomerParty/cac:Party/cac:PostalAddress"},
    {"BT-55",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/"
     "ram:PostalTradeAddress/ram:CountryID",
     "/cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode"},
    {"BG-9",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/"
     "ram:DefinedTradeContact",
     "/cac:AccountingCustomerParty/cac:Party/cac:Contact"},
    {"BG-10", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PayeeTradeParty",
     "/cac:PayeeParty"},
    {"BT-59", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PayeeTradeParty/ram:Name",
     "/cac:PayeeParty/cac:PartyName/cbc:Name"},
    {"BG-11",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTaxRepresentativeTradeParty",
     "/cac:TaxRepresentativeParty"},
    {"BT-62",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTaxRepresentativeTradeParty/"
     "ram:Name",
     "/cac:TaxRepresentativeParty/cac:PartyName/cbc:Name"},
    {"BT-63",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTaxRepresentativeTradeParty/"
     "ram:SpecifiedTaxRegistration/ram:ID",
     "/cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:CompanyID"},
    {"BG-12",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTaxRepresentativeTradeParty/"
     "ram:PostalTradeAddress",
     "/cac:TaxRepresentativeParty/cac:PostalAddress"},
    {"BG-13", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery", "/cac:Delivery"},
    {"BT-70",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty/ram:Name",
     "/cac:Delivery/cac:DeliveryParty/cac:PartyName/cbc:Name"},
    {"BT-71", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty/ram:ID",
     "/cac:Delivery/cac:DeliveryLocation/cbc:ID"},
    {"BT-72",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent/"
     "ram:OccurrenceDateTime",
     "/cac:Delivery/cbc:ActualDeliveryDate"},
    {"BG-14", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:BillingSpecifiedPeriod",
     "/cac:InvoicePeriod"},
    {"BG-15",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty/"
     "ram:PostalTradeAddress",
     "/cac:Delivery/cac:DeliveryLocation/cac:Address"},
    {"BT-80",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty/"
     "ram:PostalTradeAddress/ram:CountryID",
     "/cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode"},
    {"BG-16",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans",
     "/cac:PaymentMeans"},
    {"BT-81",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans/"
     "ram:TypeCode",
     "/cac:PaymentMeans/cbc:PaymentMeansCode"},
    {"BT-83", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:PaymentReference",
     "/cac:PaymentMeans/cbc:PaymentID"},
    {"BG-17",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans/"
     "ram:PayeePartyCreditorFinancialAccount",
     "/cac:PaymentMeans/cac:PayeeFinancialAccount"},
    {"BT-84",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans/"
     "ram:PayeePartyCreditorFinancialAccount/ram:IBANID",
     "/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"},
    {"BT-86",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans/"
     "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID",
     "/cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"},
    {"BG-18",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans/"
     "ram:ApplicableTradeSettlementFinancialCard",
     "/cac:PaymentMeans/cac:CardAccount"},
    {"BG-19", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradePaymentTerms",
     "/cac:PaymentMeans/cac:PaymentMandate"},
    {"BT-89",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradePaymentTerms/"
     "ram:DirectDebitMandateID",
     "/cac:PaymentMeans/cac:PaymentMandate/cbc:ID"},
    {"BT-90", "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:CreditorReferenceID",
     "/cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID"},
    {"BG-22",
     "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
     "ram:SpecifiedTradeSettlementHeaderMonetarySummation",
     "/cac:LegalMonetaryTotal"},
    {"BT-106", "/ram:LineTotalAmount", "/cbc:LineExtensionAmount"},
    {"BT-107", "/ram:AllowanceTotalAmount", "/cbc:AllowanceTotalAmount"},
    {"BT-108", "/ram:ChargeTotalAmount", "/cbc:ChargeTotalAmount"},
    {"BT-109", "/ram:TaxBasisTotalAmount", "/cbc:TaxExclusiveAmount"},
    {"BT-110", "/ram:TaxTotalAmount", "/../cac:TaxTotal/cbc:TaxAmount"},
    {"BT-111", "/ram:TaxTotalAmount", "/../cac:TaxTotal/cbc:TaxAmount"},
    {"BT-112", "/ram:GrandTotalAmount", "/cbc:TaxInclusiveAmount"},
    {"BT-113", "/ram:TotalPrepaidAmount", "/cbc:PrepaidAmount"},
};

// Totals terms are relative to BG-22; the last two below too.
constexpr TermPath more_totals[] = {
    {"BT-114", "/ram:RoundingAmount", "/cbc:PayableRoundingAmount"},
    {"BT-115", "/ram:DuePayableAmount", "/cbc:PayableAmount"},
};

constexpr TermPath line_terms[] = {
    {"BT-126", "/ram:AssociatedDocumentLineDocument/ram:LineID", "/cbc:ID"},
    {"BT-127", "/ram:AssociatedDocumentLineDocument/ram:IncludedNote/ram:Content", "/cbc:Note"},
    {"BT-128", "/ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument", "/cac:DocumentReference/cbc:ID"},
    {"BT-129", "/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", "/cbc:InvoicedQuantity"},
    {"BT-130", "/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode", "/cbc:InvoicedQuantity/@unitCode"},
    {"BT-131",
     "/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
     "/cbc:LineExtensionAmount"},
    {"BT-132", "/ram:SpecifiedLineTradeAgreement/ram:BuyerOrderReferencedDocument/ram:LineID",
     "/cac:OrderLineReference/cbc:LineID"},
    {"BT-133", "/ram:SpecifiedLineTradeSettlement/ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID",
     "/cbc:AccountingCost"},
    {"BG-26", "/ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod", "/cac:InvoicePeriod"},
    {"BG-29", "/ram:SpecifiedLineTradeAgreement", "/cac:Price"},
    {"BT-146", "/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
     "/cac:Price/cbc:PriceAmount"},
    {"BT-147",
     "/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/"
     "ram:ActualAmount",
     "/cac:Price/cac:AllowanceCharge/cbc:Amount"},
    {"BT-148", "/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:ChargeAmount",
     "/cac:Price/cac:AllowanceCharge/cbc:BaseAmount"},
    {"BT-149", "/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:BasisQuantity",
     "/cac:Price/cbc:BaseQuantity"},
    {"BG-30", "/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax", "/cac:Item/cac:ClassifiedTaxCategory"},
    {"BT-151", "/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode",
     "/cac:Item/cac:ClassifiedTaxCategory/cbc:ID"},
    {"BT-152", "/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent",
     "/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"},
    {"BG-31", "/ram:SpecifiedTradeProduct", "/cac:Item"},
    {"BT-153", "/ram:SpecifiedTradeProduct/ram:Name", "/cac:Item/cbc:Name"},
    {"BT-157", "/ram:SpecifiedTradeProduct/ram:GlobalID", "/cac:Item/cac:StandardItemIdentification/cbc:ID"},
    {"BT-158", "/ram:SpecifiedTradeProduct/ram:DesignatedProductClassification/ram:ClassCode",
     "/cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode"},
    {"BT-159", "/ram:SpecifiedTradeProduct/ram:OriginTradeCountry/ram:ID",
     "/cac:Item/cac:OriginCountry/cbc:IdentificationCode"},
};

constexpr TermPath vat_terms[] = {
    {"BT-116", "/ram:BasisAmount", "/cbc:TaxableAmount"},
    {"BT-117", "/ram:CalculatedAmount", "/cbc:TaxAmount"},
    {"BT-118", "/ram:CategoryCode", "/cac:TaxCategory/cbc:ID"},
    {"BT-119", "/ram:RateApplicablePercent", "/cac:TaxCategory/cbc:Percent"},
    {"BT-120", "/ram:ExemptionReason", "/cac:TaxCategory/cbc:TaxExemptionReason"},
    {"BT-121", "/ram:ExemptionReasonCode", "/cac:TaxCategory/cbc:TaxExemptionReasonCode"},
};

// BT ids of allowances and charges, document (BG-20/21) and line (BG-27/28), by position.
constexpr TermPath allowance_terms[] = {
    {"amount", "/ram:ActualAmount", "/cbc:Amount"},
    {"base", "/ram:BasisAmount", "/cbc:BaseAmount"},
    {"percentage", "/ram:CalculationPercent", "/cbc:MultiplierFactorNumeric"},
    {"category", "/ram:CategoryTradeTax/ram:CategoryCode", "/cac:TaxCategory/cbc:ID"},
    {"rate", "/ram:CategoryTradeTax/ram:RateApplicablePercent", "/cac:TaxCategory/cbc:Percent"},
    {"reason", "/ram:Reason", "/cbc:AllowanceChargeReason"},
    {"reason_code", "/ram:ReasonCode", "/cbc:AllowanceChargeReasonCode"},
};

// The allowance/charge term kind of a BT id: BT-92..98 and BT-99..105 at document level,
// BT-136..140 and BT-141..145 on lines.
std::string_view allowance_kind(std::string_view id) {
  static constexpr std::pair<std::string_view, std::string_view> kinds[] = {
      {"BT-92", "amount"},      {"BT-93", "base"},        {"BT-94", "percentage"}, {"BT-95", "category"},
      {"BT-96", "rate"},        {"BT-97", "reason"},      {"BT-98", "reason_code"}, {"BT-99", "amount"},
      {"BT-100", "base"},       {"BT-101", "percentage"}, {"BT-102", "category"},  {"BT-103", "rate"},
      {"BT-104", "reason"},     {"BT-105", "reason_code"}, {"BT-136", "amount"},   {"BT-137", "base"},
      {"BT-138", "percentage"}, {"BT-139", "reason"},     {"BT-140", "reason_code"}, {"BT-141", "amount"},
      {"BT-142", "base"},       {"BT-143", "percentage"}, {"BT-144", "reason"},    {"BT-145", "reason_code"},
  };
  for (const auto& [bt, kind] : kinds)
    if (bt == id) return kind;
  return {};
}

template <std::size_t N>
const TermPath* find(const TermPath (&table)[N], std::string_view id) {
  for (const auto& t : table)
    if (t.id == id) return &t;
  return nullptr;
}

}  // namespace

std::string SourcePaths::root() const {
  switch (syntax_) {
    case Syntax::cii:
      return "/rsm:CrossIndustryInvoice";
    case Syntax::ubl_credit_note:
      return "/CreditNote";
    default:
      return "/Invoice";
  }
}

std::string SourcePaths::term(std::string_view id) const {
  if (const TermPath* t = find(document_terms, id)) {
    std::string p = root();
    if (id.starts_with("BT-10") || id.starts_with("BT-11")) {
      // BT-106..BT-113 are relative to BG-22 (BT-10 and BT-11 themselves are not).
      if (id.size() == 6) p = term("BG-22");
    }
    std::string rel(cii() ? t->cii : t->ubl);
    if (syntax_ == Syntax::ubl_credit_note && id == "BT-3") rel = "/cbc:CreditNoteTypeCode";
    if (syntax_ == Syntax::ubl_credit_note && id == "BT-9") rel = "/cac:PaymentMeans/cbc:PaymentDueDate";
    if (rel.starts_with("/../")) return root() + rel.substr(3);
    return p + rel;
  }
  if (const TermPath* t = find(more_totals, id)) return term("BG-22") + std::string(cii() ? t->cii : t->ubl);
  return root();
}

std::string SourcePaths::line(std::size_t i, std::string_view id) const {
  std::string p = cii() ? root() + "/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"
                        : root() + (syntax_ == Syntax::ubl_credit_note ? "/cac:CreditNoteLine" : "/cac:InvoiceLine");
  p += "[" + std::to_string(i + 1) + "]";
  if (id.empty()) return p;
  if (const TermPath* t = find(line_terms, id)) {
    std::string rel(cii() ? t->cii : t->ubl);
    if (syntax_ == Syntax::ubl_credit_note && id == "BT-129") rel = "/cbc:CreditedQuantity";
    return p + rel;
  }
  return p;
}

std::string SourcePaths::vat_breakdown(std::size_t i, std::string_view id) const {
  std::string p = cii() ? root() +
                              "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
                              "ram:ApplicableTradeTax"
                        : root() + "/cac:TaxTotal/cac:TaxSubtotal";
  p += "[" + std::to_string(i + 1) + "]";
  if (const TermPath* t = find(vat_terms, id)) p += cii() ? t->cii : t->ubl;
  return p;
}

std::string SourcePaths::allowance_charge(bool charge, std::size_t i, std::string_view id) const {
  std::string p = cii() ? root() +
                              "/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
                              "ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator='"
                        : root() + "/cac:AllowanceCharge[cbc:ChargeIndicator='";
  p += charge ? "true" : "false";
  p += "'][" + std::to_string(i + 1) + "]";
  if (const TermPath* t = find(allowance_terms, allowance_kind(id))) p += cii() ? t->cii : t->ubl;
  return p;
}

std::string SourcePaths::line_allowance_charge(std::size_t line_index, bool charge, std::size_t i,
                                               std::string_view id) const {
  std::string p = line(line_index);
  p += cii() ? "/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator='"
             : "/cac:AllowanceCharge[cbc:ChargeIndicator='";
  p += charge ? "true" : "false";
  p += "'][" + std::to_string(i + 1) + "]";
  if (const TermPath* t = find(allowance_terms, allowance_kind(id))) p += cii() ? t->cii : t->ubl;
  return p;
}

}  // namespace relance::formats::rules
