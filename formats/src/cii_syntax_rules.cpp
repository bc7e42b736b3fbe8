// The official artefacts' rules that CII checks on the XML itself (release 1.3.16): CII-SR-*
// (structure and repetitions), CII-DT-* (data types and attributes) and the code lists BR-CL-*,
// each in the context and with the precedence the artefact's Schematron gives it.

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "rules/code_lists.hpp"
#include "syntax_checks.hpp"
#include "syntax_rules.hpp"

namespace relance::formats::detail {
namespace {

using namespace syntax;
using codes::CodeList;

// Rule contexts of the CII artefact, named after the element they apply to.
namespace C {
enum : std::uint8_t {
  none,
  payment_means,
  document_context,
  document,
  document_note,
  line,
  line_document,
  product,
  product_characteristic,
  line_agreement,
  allowance_charge,
  price_allowance_charge,
  line_delivery,
  line_settlement,
  header_agreement,
  header_delivery,
  header_settlement,
  totals,
  root,
  context_parameter,
  plain_identifier,
  identifier,
  type_code,
  document_type_code,
  line_category_code,
  referenced_document,
  amount,
  quantity,
  trade_tax,
  billing_period,
  postal_address,
  date_102,
};
}  // namespace C

#define RELANCE_CII_LINE \
  "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"
#define RELANCE_CII_TX "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction"

// In the artefact's priority order. The context of /rsm:ExchangedDocument/ram:TypeCode comes
// after //ram:TypeCode there, so it never applies; it is kept to mirror the artefact.
constexpr ContextSpec contexts[] = {
    {C::payment_means, "ram:SpecifiedTradeSettlementPaymentMeans"},
    {C::document_context, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext"},
    {C::document, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument"},
    {C::document_note, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote"},
    {C::line, RELANCE_CII_LINE},
    {C::line_document, RELANCE_CII_LINE "/ram:AssociatedDocumentLineDocument"},
    {C::product, RELANCE_CII_LINE "/ram:SpecifiedTradeProduct"},
    {C::product_characteristic,
     RELANCE_CII_LINE "/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic"},
    {C::line_agreement, RELANCE_CII_LINE "/ram:SpecifiedLineTradeAgreement"},
    {C::allowance_charge, "ram:SpecifiedTradeAllowanceCharge"},
    {C::price_allowance_charge, "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge"},
    {C::line_delivery, RELANCE_CII_LINE "/ram:SpecifiedLineTradeDelivery"},
    {C::line_settlement, RELANCE_CII_LINE "/ram:SpecifiedLineTradeSettlement"},
    {C::header_agreement, RELANCE_CII_TX "/ram:ApplicableHeaderTradeAgreement"},
    {C::header_delivery, RELANCE_CII_TX "/ram:ApplicableHeaderTradeDelivery"},
    {C::header_settlement, RELANCE_CII_TX "/ram:ApplicableHeaderTradeSettlement"},
    {C::totals, RELANCE_CII_TX
     "/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation"},
    {C::root, "/rsm:CrossIndustryInvoice"},
    {C::context_parameter, "*:*DocumentContextParameter"},
    {C::plain_identifier,
     "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/"
     "ram:ID"},
    {C::plain_identifier, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID"},
    {C::plain_identifier, RELANCE_CII_LINE "/ram:AssociatedDocumentLineDocument/ram:LineID"},
    {C::plain_identifier, RELANCE_CII_LINE "/ram:SpecifiedTradeProduct/ram:SellerAssignedID"},
    {C::identifier, "ram:*ID"},
    {C::type_code, "ram:TypeCode"},
    {C::document_type_code, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode"},
    {C::line_category_code,
     RELANCE_CII_LINE "/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"},
    {C::referenced_document, "ram:*ReferencedDocument"},
    {C::amount, "ram:*Amount"},
    {C::quantity, "ram:*Quantity"},
    {C::trade_tax, "ram:*TradeTax"},
    {C::billing_period, "ram:BillingSpecifiedPeriod"},
    {C::postal_address, "ram:PostalTradeAddress"},
    {C::date_102, "udt:DateTimeString"},
};

#undef RELANCE_CII_LINE
#undef RELANCE_CII_TX

// Generated from EN16931-CII-validation.xslt (release 1.3.16): every rule whose test is a plain
// "not(path)", "count(path) <= n", "count(path) = 1" or "(path)". The rest is in CiiHooks.
constexpr PathRule path_rules[] = {
    {"CII-SR-464", C::payment_means, Kind::absent, "ram:PayerSpecifiedDebtorFinancialInstitution"},
    {"CII-SR-001", C::document_context, Kind::absent, "ram:SpecifiedTransactionID"},
    {"CII-SR-002", C::document_context, Kind::absent, "ram:TestIndicator"},
    {"CII-SR-003", C::document_context, Kind::at_most_one,
     "ram:BusinessProcessSpecifiedDocumentContextParameter"},
    {"CII-SR-006", C::document_context, Kind::absent, "ram:BIMSpecifiedDocumentContextParameter"},
    {"CII-SR-007", C::document_context, Kind::absent, "ram:ScenarioSpecifiedDocumentContextParameter"},
    {"CII-SR-008", C::document_context, Kind::absent, "ram:ApplicationSpecifiedDocumentContextParameter"},
    {"CII-SR-009", C::document_context, Kind::exactly_one, "ram:GuidelineSpecifiedDocumentContextParameter"},
    {"CII-SR-010", C::document_context, Kind::exactly_one,
     "ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"},
    {"CII-SR-011", C::document_context, Kind::absent, "ram:SubsetSpecifiedDocumentContextParameter"},
    {"CII-SR-012", C::document_context, Kind::absent, "ram:MessageStandardSpecifiedDocumentContextParameter"},
    {"CII-SR-013", C::document, Kind::absent, "ram:Name"},
    {"CII-SR-014", C::document, Kind::exactly_one, "ram:TypeCode"},
    {"CII-SR-015", C::document, Kind::absent, "ram:IssueDateTime/udt:DateTime"},
    {"CII-SR-016", C::document, Kind::absent, "ram:CopyIndicator"},
    {"CII-SR-017", C::document, Kind::absent, "ram:Purpose"},
    {"CII-SR-018", C::document, Kind::absent, "ram:ControlRequirementIndicator"},
    {"CII-SR-019", C::document, Kind::absent, "ram:LanguageID"},
    {"CII-SR-020", C::document, Kind::absent, "ram:PurposeCode"},
    {"CII-SR-021", C::document, Kind::absent, "ram:RevisionDateTime"},
    {"CII-SR-022", C::document, Kind::absent, "ram:VersionID"},
    {"CII-SR-023", C::document, Kind::absent, "ram:GlobalID"},
    {"CII-SR-024", C::document, Kind::absent, "ram:RevisionID"},
    {"CII-SR-025", C::document, Kind::absent, "ram:PreviousRevisionID"},
    {"CII-SR-026", C::document, Kind::absent, "ram:CategoryCode"},
    {"CII-SR-027", C::document, Kind::absent, "ram:IncludedNote/ram:Subject"},
    {"CII-SR-028", C::document, Kind::absent, "ram:IncludedNote/ram:ContentCode"},
    {"CII-SR-032", C::document, Kind::absent, "ram:IncludedNote/ram:ID"},
    {"CII-SR-033", C::document, Kind::absent, "ram:EffectiveSpecifiedPeriod"},
    {"CII-SR-034", C::document, Kind::absent, "ram:IssuerTradeParty"},
    {"CII-SR-030", C::document_note, Kind::at_most_one, "ram:Content"},
    {"CII-SR-035", C::line, Kind::absent, "ram:DescriptionCode"},
    {"CII-SR-036", C::line, Kind::absent, "ram:ParentLineID"},
    {"CII-SR-037", C::line, Kind::absent, "ram:LineStatusCode"},
    {"CII-SR-038", C::line, Kind::absent, "ram:LineStatusReasonCode"},
    {"CII-SR-221", C::line, Kind::absent, "ram:IncludedSubordinateTradeLineItem"},
    {"CII-SR-039", C::line_document, Kind::at_most_one, "ram:IncludedNote"},
    {"CII-SR-040", C::line_document, Kind::at_most_one, "ram:IncludedNote/ram:Content"},
    {"CII-SR-041", C::line_document, Kind::absent, "ram:IncludedNote/ram:SubjectCode"},
    {"CII-SR-042", C::line_document, Kind::absent, "ram:IncludedNote/ram:ID"},
    {"CII-SR-043", C::line_document, Kind::absent, "ram:IncludedNote/ram:Subject"},
    {"CII-SR-044", C::line_document, Kind::absent, "ram:IncludedNote/ram:ContentCode"},
    {"CII-SR-045", C::product, Kind::absent, "ram:ID"},
    {"CII-SR-048", C::product, Kind::absent, "ram:ManufacturerAssignedID"},
    {"CII-SR-049", C::product, Kind::absent, "ram:TradeName"},
    {"CII-SR-050", C::product, Kind::absent, "ram:TypeCode"},
    {"CII-SR-051", C::product, Kind::absent, "ram:NetWeightMeasure"},
    {"CII-SR-052", C::product, Kind::absent, "ram:GrossWeightMeasure"},
    {"CII-SR-053", C::product, Kind::absent, "ram:ProductGroupID"},
    {"CII-SR-054", C::product, Kind::absent, "ram:EndItemTypeCode"},
    {"CII-SR-055", C::product, Kind::absent, "ram:EndItemName"},
    {"CII-SR-056", C::product, Kind::absent, "ram:AreaDensityMeasure"},
    {"CII-SR-057", C::product, Kind::absent, "ram:UseDescription"},
    {"CII-SR-058", C::product, Kind::absent, "ram:BrandName"},
    {"CII-SR-059", C::product, Kind::absent, "ram:SubBrandName"},
    {"CII-SR-060", C::product, Kind::absent, "ram:DrainedNetWeightMeasure"},
    {"CII-SR-061", C::product, Kind::absent, "ram:VariableMeasureIndicator"},
    {"CII-SR-062", C::product, Kind::absent, "ram:ColourCode"},
    {"CII-SR-063", C::product, Kind::absent, "ram:ColourDescription"},
    {"CII-SR-064", C::product, Kind::absent, "ram:Designation"},
    {"CII-SR-065", C::product, Kind::absent, "ram:FormattedCancellationAnnouncedLaunchDateTime"},
    {"CII-SR-066", C::product, Kind::absent, "ram:FormattedLatestProductDataChangeDateTime"},
    {"CII-SR-067", C::product, Kind::absent, "ram:ApplicableProductCharacteristic/ram:ID"},
    {"CII-SR-068", C::product, Kind::absent, "ram:ApplicableProductCharacteristic/ram:TypeCode"},
    {"CII-SR-070", C::product, Kind::absent, "ram:ApplicableProductCharacteristic/ram:ValueMeasure"},
    {"CII-SR-071", C::product, Kind::absent, "ram:ApplicableProductCharacteristic/ram:MeasurementMethodCode"},
    {"CII-SR-073", C::product, Kind::absent, "ram:ApplicableProductCharacteristic/ram:ValueCode"},
    {"CII-SR-074", C::product, Kind::absent, "ram:ApplicableProductCharacteristic/ram:ValueDateTime"},
    {"CII-SR-075", C::product, Kind::absent, "ram:ApplicableProductCharacteristic/ram:ValueIndicator"},
    {"CII-SR-076", C::product, Kind::absent, "ram:ApplicableProductCharacteristic/ram:ContentTypeCode"},
    {"CII-SR-077", C::product, Kind::absent,
     "ram:ApplicableProductCharacteristic/ram:ValueSpecifiedBinaryFile"},
    {"CII-SR-078", C::product, Kind::absent,
     "ram:ApplicableProductCharacteristic/ram:ApplicableProductCharacteristicCondition"},
    {"CII-SR-079", C::product, Kind::absent,
     "ram:ApplicableProductCharacteristic/ram:ApplicableReferencedStandard"},
    {"CII-SR-080", C::product, Kind::absent, "ram:ApplicableMaterialGoodsCharacteristic"},
    {"CII-SR-081", C::product, Kind::absent, "ram:DesignatedProductClassification/ram:SystemID"},
    {"CII-SR-082", C::product, Kind::absent, "ram:DesignatedProductClassification/ram:SystemName"},
    {"CII-SR-083", C::product, Kind::absent, "ram:DesignatedProductClassification/ram:ClassName"},
    {"CII-SR-084", C::product, Kind::absent, "ram:DesignatedProductClassification/ram:SubClassCode"},
    {"CII-SR-085", C::product, Kind::absent,
     "ram:DesignatedProductClassification/ram:ClassProductCharacteristic"},
    {"CII-SR-086", C::product, Kind::absent,
     "ram:DesignatedProductClassification/ram:ApplicableReferencedStandard"},
    {"CII-SR-087", C::product, Kind::absent, "ram:IndividualTradeProductInstance"},
    {"CII-SR-088", C::product, Kind::absent, "ram:CertificationEvidenceReferenceReferencedDocument"},
    {"CII-SR-089", C::product, Kind::absent, "ram:InspectionReferenceReferencedDocument"},
    {"CII-SR-091", C::product, Kind::absent, "ram:OriginTradeCountry/ram:Name"},
    {"CII-SR-092", C::product, Kind::absent, "ram:OriginTradeCountry/ram:SubordinateTradeCountrySubDivision"},
    {"CII-SR-093", C::product, Kind::absent, "ram:LinearSpatialDimension"},
    {"CII-SR-094", C::product, Kind::absent, "ram:MinimumLinearSpatialDimension"},
    {"CII-SR-095", C::product, Kind::absent, "ram:MaximumLinearSpatialDimension"},
    {"CII-SR-096", C::product, Kind::absent, "ram:ManufacturerTradeParty"},
    {"CII-SR-097", C::product, Kind::absent, "ram:PresentationSpecifiedBinaryFile"},
    {"CII-SR-098", C::product, Kind::absent, "ram:MSDSReferenceReferencedDocument"},
    {"CII-SR-099", C::product, Kind::absent, "ram:AdditionalReferenceReferencedDocument"},
    {"CII-SR-100", C::product, Kind::absent, "ram:LegalRightsOwnerTradeParty"},
    {"CII-SR-101", C::product, Kind::absent, "ram:BrandOwnerTradeParty"},
    {"CII-SR-102", C::product, Kind::absent, "ram:IncludedReferencedProduct"},
    {"CII-SR-103", C::product, Kind::absent, "ram:InformationNote"},
    {"CII-SR-069", C::product_characteristic, Kind::exactly_one, "ram:Description"},
    {"CII-SR-072", C::product_characteristic, Kind::exactly_one, "ram:Value"},
    {"CII-SR-104", C::line_agreement, Kind::absent, "ram:BuyerReference"},
    {"CII-SR-105", C::line_agreement, Kind::absent, "ram:BuyerRequisitionerTradeParty"},
    {"CII-SR-106", C::line_agreement, Kind::absent, "ram:ApplicableTradeDeliveryTerms"},
    {"CII-SR-107", C::line_agreement, Kind::absent, "ram:SellerOrderReferencedDocument"},
    {"CII-SR-108", C::line_agreement, Kind::absent, "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"},
    {"CII-SR-109", C::line_agreement, Kind::absent, "ram:QuotationReferencedDocument"},
    {"CII-SR-110", C::line_agreement, Kind::absent, "ram:ContractReferencedDocument"},
    {"CII-SR-111", C::line_agreement, Kind::absent, "ram:DemandForecastReferencedDocument"},
    {"CII-SR-112", C::line_agreement, Kind::absent, "ram:PromotionalDealReferencedDocument"},
    {"CII-SR-113", C::line_agreement, Kind::absent, "ram:AdditionalReferencedDocument"},
    {"CII-SR-114", C::line_agreement, Kind::absent, "ram:GrossPriceProductTradePrice/ram:TypeCode"},
    {"CII-SR-115", C::line_agreement, Kind::absent, "ram:GrossPriceProductTradePrice/ram:MinimumQuantity"},
    {"CII-SR-116", C::line_agreement, Kind::absent, "ram:GrossPriceProductTradePrice/ram:MaximumQuantity"},
    {"CII-SR-117", C::line_agreement, Kind::absent, "ram:GrossPriceProductTradePrice/ram:ChangeReason"},
    {"CII-SR-118", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:OrderUnitConversionFactorNumeric"},
    {"CII-SR-439", C::line_agreement, Kind::exactly_one, "ram:NetPriceProductTradePrice/ram:ChargeAmount"},
    {"CII-SR-120", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ID"},
    {"CII-SR-121", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:SequenceNumeric"},
    {"CII-SR-122", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:CalculationPercent"},
    {"CII-SR-123", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:BasisAmount"},
    {"CII-SR-124", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:BasisQuantity"},
    {"CII-SR-125", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:PrepaidIndicator"},
    {"CII-SR-126", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:UnitBasisAmount"},
    {"CII-SR-127", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ReasonCode"},
    {"CII-SR-128", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:Reason"},
    {"CII-SR-129", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:TypeCode"},
    {"CII-SR-130", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:CategoryTradeTax"},
    {"CII-SR-131", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge/ram:ActualTradeCurrencyExchange"},
    {"CII-SR-445", C::line_agreement, Kind::absent, "ram:GrossPriceProductTradePrice/ram:IncludedTradeTax"},
    {"CII-SR-132", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:ValiditySpecifiedPeriod"},
    {"CII-SR-133", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:DeliveryTradeLocation"},
    {"CII-SR-134", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:TradeComparisonReferencePrice"},
    {"CII-SR-135", C::line_agreement, Kind::absent,
     "ram:GrossPriceProductTradePrice/ram:AssociatedReferencedDocument"},
    {"CII-SR-136", C::line_agreement, Kind::absent, "ram:NetPriceProductTradePrice/ram:TypeCode"},
    {"CII-SR-138", C::line_agreement, Kind::absent, "ram:NetPriceProductTradePrice/ram:MinimumQuantity"},
    {"CII-SR-139", C::line_agreement, Kind::absent, "ram:NetPriceProductTradePrice/ram:MaximumQuantity"},
    {"CII-SR-140", C::line_agreement, Kind::absent, "ram:NetPriceProductTradePrice/ram:ChangeReason"},
    {"CII-SR-141", C::line_agreement, Kind::absent,
     "ram:NetPriceProductTradePrice/ram:OrderUnitConversionFactorNumeric"},
    {"CII-SR-142", C::line_agreement, Kind::absent,
     "ram:NetPriceProductTradePrice/ram:AppliedTradeAllowanceCharge"},
    {"CII-SR-446", C::line_agreement, Kind::absent, "ram:NetPriceProductTradePrice/ram:IncludedTradeTax"},
    {"CII-SR-143", C::line_agreement, Kind::absent,
     "ram:NetPriceProductTradePrice/ram:ValiditySpecifiedPeriod"},
    {"CII-SR-144", C::line_agreement, Kind::absent,
     "ram:NetPriceProductTradePrice/ram:DeliveryTradeLocation"},
    {"CII-SR-145", C::line_agreement, Kind::absent,
     "ram:NetPriceProductTradePrice/ram:TradeComparisonReferencePrice"},
    {"CII-SR-146", C::line_agreement, Kind::absent,
     "ram:NetPriceProductTradePrice/ram:AssociatedReferencedDocument"},
    {"CII-SR-441", C::line_agreement, Kind::at_most_one, "ram:NetPriceProductTradePrice/ram:ChargeAmount"},
    {"CII-SR-147", C::line_agreement, Kind::absent, "ram:RequisitionerReferencedDocument"},
    {"CII-SR-148", C::line_agreement, Kind::absent, "ram:ItemSellerTradeParty"},
    {"CII-SR-149", C::line_agreement, Kind::absent, "ram:ItemBuyerTradeParty"},
    {"CII-SR-150", C::line_agreement, Kind::absent, "ram:IncludedSpecifiedMarketplace"},
    {"CII-SR-447", C::line_agreement, Kind::absent, "ram:UltimateCustomerOrderReferencedDocument"},
    {"CII-SR-463", C::allowance_charge, Kind::present, "ram:ChargeIndicator"},
    {"CII-SR-471", C::allowance_charge, Kind::at_most_one, "ram:RateApplicablePercent"},
    {"CII-SR-472", C::allowance_charge, Kind::at_most_one, "ram:CategoryTradeTax"},
    {"CII-SR-473", C::allowance_charge, Kind::at_most_one, "ram:ActualAmount"},
    {"CII-SR-440", C::price_allowance_charge, Kind::at_most_one, "ram:ActualAmount"},
    {"CII-SR-151", C::line_delivery, Kind::absent, "ram:RequestedQuantity"},
    {"CII-SR-152", C::line_delivery, Kind::absent, "ram:ReceivedQuantity"},
    {"CII-SR-153", C::line_delivery, Kind::absent, "ram:ChargeFreeQuantity"},
    {"CII-SR-154", C::line_delivery, Kind::absent, "ram:PackageQuantity"},
    {"CII-SR-155", C::line_delivery, Kind::absent, "ram:ProductUnitQuantity"},
    {"CII-SR-156", C::line_delivery, Kind::absent, "ram:PerPackageUnitQuantity"},
    {"CII-SR-157", C::line_delivery, Kind::absent, "ram:NetWeightMeasure"},
    {"CII-SR-158", C::line_delivery, Kind::absent, "ram:GrossWeightMeasure"},
    {"CII-SR-159", C::line_delivery, Kind::absent, "ram:TheoreticalWeightMeasure"},
    {"CII-SR-160", C::line_delivery, Kind::absent, "ram:DespatchedQuantity"},
    {"CII-SR-161", C::line_delivery, Kind::absent, "ram:SpecifiedDeliveryAdjustment"},
    {"CII-SR-162", C::line_delivery, Kind::absent, "ram:IncludedSupplyChainPackaging"},
    {"CII-SR-163", C::line_delivery, Kind::absent, "ram:RelatedSupplyChainConsignment"},
    {"CII-SR-164", C::line_delivery, Kind::absent, "ram:ShipToTradeParty"},
    {"CII-SR-165", C::line_delivery, Kind::absent, "ram:UltimateShipToTradeParty"},
    {"CII-SR-166", C::line_delivery, Kind::absent, "ram:ShipFromTradeParty"},
    {"CII-SR-167", C::line_delivery, Kind::absent, "ram:ActualDespatchSupplyChainEvent"},
    {"CII-SR-168", C::line_delivery, Kind::absent, "ram:ActualPickUpSupplyChainEvent"},
    {"CII-SR-169", C::line_delivery, Kind::absent, "ram:RequestedDeliverySupplyChainEvent"},
    {"CII-SR-170", C::line_delivery, Kind::absent, "ram:ActualDeliverySupplyChainEvent"},
    {"CII-SR-171", C::line_delivery, Kind::absent, "ram:ActualReceiptSupplyChainEvent"},
    {"CII-SR-172", C::line_delivery, Kind::absent, "ram:AdditionalReferencedDocument"},
    {"CII-SR-173", C::line_delivery, Kind::absent, "ram:DespatchAdviceReferencedDocument"},
    {"CII-SR-174", C::line_delivery, Kind::absent, "ram:ReceivingAdviceReferencedDocument"},
    {"CII-SR-175", C::line_delivery, Kind::absent, "ram:DeliveryNoteReferencedDocument"},
    {"CII-SR-176", C::line_delivery, Kind::absent, "ram:ConsumptionReportReferencedDocument"},
    {"CII-SR-177", C::line_delivery, Kind::absent, "ram:PackingListReferencedDocument"},
    {"CII-SR-178", C::line_settlement, Kind::absent, "ram:PaymentReference"},
    {"CII-SR-179", C::line_settlement, Kind::absent, "ram:InvoiceIssuerReference"},
    {"CII-SR-180", C::line_settlement, Kind::absent, "ram:TotalAdjustmentAmount"},
    {"CII-SR-181", C::line_settlement, Kind::absent, "ram:DiscountIndicator"},
    {"CII-SR-182", C::line_settlement, Kind::absent, "ram:ApplicableTradeTax/ram:CalculatedAmount"},
    {"CII-SR-183", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeAllowanceCharge/ram:ChargeIndicator/udt:IndicatorString"},
    {"CII-SR-184", C::line_settlement, Kind::absent, "ram:SpecifiedTradeAllowanceCharge/ram:ID"},
    {"CII-SR-185", C::line_settlement, Kind::absent, "ram:SpecifiedTradeAllowanceCharge/ram:SequenceNumeric"},
    {"CII-SR-186", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeAllowanceCharge/ram:CalculationPercent/@format"},
    {"CII-SR-187", C::line_settlement, Kind::absent, "ram:SpecifiedTradeAllowanceCharge/ram:BasisQuantity"},
    {"CII-SR-188", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeAllowanceCharge/ram:PrepaidIndicator"},
    {"CII-SR-189", C::line_settlement, Kind::absent, "ram:SpecifiedTradeAllowanceCharge/ram:UnitBasisAmount"},
    {"CII-SR-190", C::line_settlement, Kind::absent, "ram:SpecifiedTradeAllowanceCharge/ram:TypeCode"},
    {"CII-SR-191", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeAllowanceCharge/ram:CategoryTradeTax"},
    {"CII-SR-192", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeAllowanceCharge/ram:ActualTradeCurrencyExchange"},
    {"CII-SR-193", C::line_settlement, Kind::absent, "ram:SpecifiedTradeAllowanceCharge/ram:ID"},
    {"CII-SR-194", C::line_settlement, Kind::absent, "ram:SubtotalCalculatedTradeTax"},
    {"CII-SR-195", C::line_settlement, Kind::absent, "ram:SpecifiedLogisticsServiceCharge"},
    {"CII-SR-196", C::line_settlement, Kind::absent, "ram:SpecifiedTradePaymentTerms"},
    {"CII-SR-197", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:ChargeTotalAmount"},
    {"CII-SR-198", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:AllowanceTotalAmount"},
    {"CII-SR-199", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:TaxBasisTotalAmount"},
    {"CII-SR-200", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:TaxTotalAmount"},
    {"CII-SR-201", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:GrandTotalAmount"},
    {"CII-SR-202", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:InformationAmount"},
    {"CII-SR-203", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:TotalAllowanceChargeAmount"},
    {"CII-SR-204", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:TotalRetailValueInformationAmount"},
    {"CII-SR-205", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:GrossLineTotalAmount"},
    {"CII-SR-206", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:NetLineTotalAmount"},
    {"CII-SR-207", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:NetIncludingTaxesLineTotalAmount"},
    {"CII-SR-208", C::line_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:ProductWeightLossInformationAmount"},
    {"CII-SR-209", C::line_settlement, Kind::absent, "ram:SpecifiedFinancialAdjustment"},
    {"CII-SR-210", C::line_settlement, Kind::absent, "ram:InvoiceReferencedDocument"},
    {"CII-SR-212", C::line_settlement, Kind::absent, "ram:PayableSpecifiedTradeAccountingAccount"},
    {"CII-SR-213", C::line_settlement, Kind::absent,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:SetTriggerCode"},
    {"CII-SR-214", C::line_settlement, Kind::absent,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:TypeCode"},
    {"CII-SR-215", C::line_settlement, Kind::absent,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:AmountTypeCode"},
    {"CII-SR-216", C::line_settlement, Kind::absent,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:Name"},
    {"CII-SR-217", C::line_settlement, Kind::absent,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:CostReferenceDimensionPattern"},
    {"CII-SR-218", C::line_settlement, Kind::absent, "ram:PurchaseSpecifiedTradeAccountingAccount"},
    {"CII-SR-219", C::line_settlement, Kind::absent, "ram:SalesSpecifiedTradeAccountingAccount"},
    {"CII-SR-220", C::line_settlement, Kind::absent, "ram:SpecifiedTradeSettlementFinancialCard"},
    {"CII-SR-454", C::line_settlement, Kind::exactly_one, "ram:ApplicableTradeTax"},
    {"CII-SR-442", C::header_agreement, Kind::absent, "ram:Reference"},
    {"CII-SR-222", C::header_agreement, Kind::absent, "ram:SellerTradeParty/ram:RoleCode"},
    {"CII-SR-223", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:LegalClassificationCode"},
    {"CII-SR-224", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:Name"},
    {"CII-SR-225", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:PostalTradeAddress"},
    {"CII-SR-226", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:AuthorizedLegalRegistration"},
    {"CII-SR-227", C::header_agreement, Kind::absent, "ram:SellerTradeParty/ram:DefinedTradeContact/ram:ID"},
    {"CII-SR-228", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:TypeCode"},
    {"CII-SR-229", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:JobTitle"},
    {"CII-SR-230", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:Responsibility"},
    {"CII-SR-231", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:PersonID"},
    {"CII-SR-232", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:URIID"},
    {"CII-SR-233", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:ChannelCode"},
    {"CII-SR-234", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:DirectTelephoneUniversalCommunication"},
    {"CII-SR-235", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:MobileTelephoneUniversalCommunication"},
    {"CII-SR-236", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:FaxUniversalCommunication"},
    {"CII-SR-237", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:ChannelCode"},
    {"CII-SR-238", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:CompleteNumber"},
    {"CII-SR-239", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:TelexUniversalCommunication"},
    {"CII-SR-240", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:VOIPUniversalCommunication"},
    {"CII-SR-241", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:InstantMessagingUniversalCommunication"},
    {"CII-SR-242", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:SpecifiedNote"},
    {"CII-SR-243", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:DefinedTradeContact/ram:SpecifiedContactPerson"},
    {"CII-SR-244", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:URIUniversalCommunication/ram:ChannelCode"},
    {"CII-SR-245", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:URIUniversalCommunication/ram:CompleteNumber"},
    {"CII-SR-246", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:AssociatedRegisteredTax"},
    {"CII-SR-247", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:EndPointURIUniversalCommunication"},
    {"CII-SR-248", C::header_agreement, Kind::absent,
     "ram:SellerTradeParty/ram:LogoAssociatedSpecifiedBinaryFile"},
    {"CII-SR-249", C::header_agreement, Kind::absent, "ram:BuyerTradeParty/ram:RoleCode"},
    {"CII-SR-250", C::header_agreement, Kind::absent, "ram:BuyerTradeParty/ram:Description"},
    {"CII-SR-251", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:LegalClassificationCode"},
    {"CII-SR-252", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:Name"},
    {"CII-SR-254", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:PostalTradeAddress"},
    {"CII-SR-255", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:AuthorizedLegalRegistration"},
    {"CII-SR-256", C::header_agreement, Kind::absent, "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:ID"},
    {"CII-SR-257", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:TypeCode"},
    {"CII-SR-258", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:JobTitle"},
    {"CII-SR-259", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:Responsibility"},
    {"CII-SR-260", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:PersonID"},
    {"CII-SR-261", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:URIID"},
    {"CII-SR-262", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:ChannelCode"},
    {"CII-SR-263", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:DirectTelephoneUniversalCommunication"},
    {"CII-SR-264", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:MobileTelephoneUniversalCommunication"},
    {"CII-SR-265", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:FaxUniversalCommunication"},
    {"CII-SR-266", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:ChannelCode"},
    {"CII-SR-267", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:CompleteNumber"},
    {"CII-SR-268", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:TelexUniversalCommunication"},
    {"CII-SR-269", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:VOIPUniversalCommunication"},
    {"CII-SR-270", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:InstantMessagingUniversalCommunication"},
    {"CII-SR-271", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:SpecifiedNote"},
    {"CII-SR-272", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:DefinedTradeContact/ram:SpecifiedContactPerson"},
    {"CII-SR-273", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:ChannelCode"},
    {"CII-SR-274", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:CompleteNumber"},
    {"CII-SR-275", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:AssociatedRegisteredTax"},
    {"CII-SR-276", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:EndPointURIUniversalCommunication"},
    {"CII-SR-277", C::header_agreement, Kind::absent,
     "ram:BuyerTradeParty/ram:LogoAssociatedSpecifiedBinaryFile"},
    {"CII-SR-278", C::header_agreement, Kind::absent, "ram:SalesAgentTradeParty"},
    {"CII-SR-279", C::header_agreement, Kind::absent, "ram:BuyerRequisitionerTradeParty"},
    {"CII-SR-280", C::header_agreement, Kind::absent, "ram:BuyerAssignedAccountantTradeParty"},
    {"CII-SR-281", C::header_agreement, Kind::absent, "ram:SellerAssignedAccountantTradeParty"},
    {"CII-SR-282", C::header_agreement, Kind::absent, "ram:SellerTaxRepresentativeTradeParty/ram:ID"},
    {"CII-SR-283", C::header_agreement, Kind::absent, "ram:SellerTaxRepresentativeTradeParty/ram:GlobalID"},
    {"CII-SR-284", C::header_agreement, Kind::absent, "ram:SellerTaxRepresentativeTradeParty/ram:RoleCode"},
    {"CII-SR-285", C::header_agreement, Kind::absent,
     "ram:SellerTaxRepresentativeTradeParty/ram:Description"},
    {"CII-SR-286", C::header_agreement, Kind::absent,
     "ram:SellerTaxRepresentativeTradeParty/ram:SpecifiedLegalOrganization"},
    {"CII-SR-287", C::header_agreement, Kind::absent,
     "ram:SellerTaxRepresentativeTradeParty/ram:DefinedTradeContact"},
    {"CII-SR-288", C::header_agreement, Kind::absent,
     "ram:SellerTaxRepresentativeTradeParty/ram:URIUniversalCommunication"},
    {"CII-SR-289", C::header_agreement, Kind::absent,
     "ram:SellerTaxRepresentativeTradeParty/ram:SpecifiedTaxRegistration/ram:AssociatedRegisteredTax"},
    {"CII-SR-290", C::header_agreement, Kind::absent,
     "ram:SellerTaxRepresentativeTradeParty/ram:EndPointURIUniversalCommunication"},
    {"CII-SR-291", C::header_agreement, Kind::absent,
     "ram:SellerTaxRepresentativeTradeParty/ram:LogoAssociatedSpecifiedBinaryFile"},
    {"CII-SR-292", C::header_agreement, Kind::absent, "ram:ProductEndUserTradeParty"},
    {"CII-SR-293", C::header_agreement, Kind::absent, "ram:ApplicableTradeDeliveryTerms"},
    {"CII-SR-294", C::header_agreement, Kind::absent, "ram:SellerOrderReferencedDocument/ram:LineID"},
    {"CII-SR-295", C::header_agreement, Kind::absent, "ram:BuyerOrderReferencedDocument/ram:LineID"},
    {"CII-SR-296", C::header_agreement, Kind::absent, "ram:QuotationReferencedDocument"},
    {"CII-SR-297", C::header_agreement, Kind::absent, "ram:OrderResponseReferencedDocument"},
    {"CII-SR-298", C::header_agreement, Kind::absent, "ram:ContractReferencedDocument/ram:LineID"},
    {"CII-SR-299", C::header_agreement, Kind::absent, "ram:DemandForecastReferencedDocument"},
    {"CII-SR-300", C::header_agreement, Kind::absent, "ram:SupplyInstructionReferencedDocument"},
    {"CII-SR-301", C::header_agreement, Kind::absent, "ram:PromotionalDealReferencedDocument"},
    {"CII-SR-302", C::header_agreement, Kind::absent, "ram:PriceListReferencedDocument"},
    {"CII-SR-303", C::header_agreement, Kind::absent, "ram:AdditionalReferencedDocument/ram:LineID"},
    {"CII-SR-304", C::header_agreement, Kind::absent, "ram:RequisitionerReferencedDocument"},
    {"CII-SR-305", C::header_agreement, Kind::absent, "ram:BuyerAgentTradeParty"},
    {"CII-SR-306", C::header_agreement, Kind::absent, "ram:PurchaseConditionsReferencedDocument"},
    {"CII-SR-307", C::header_agreement, Kind::absent, "ram:SpecifiedProcuringProject/ram:Description"},
    {"CII-SR-448", C::header_agreement, Kind::absent, "ram:UltimateCustomerOrderReferencedDocument"},
    {"CII-SR-455", C::header_agreement, Kind::at_most_one, "ram:SellerTradeParty/ram:DefinedTradeContact"},
    {"CII-SR-456", C::header_agreement, Kind::at_most_one, "ram:BuyerTradeParty/ram:DefinedTradeContact"},
    {"CII-SR-459", C::header_agreement, Kind::at_most_one,
     "ram:SellerTradeParty/ram:URIUniversalCommunication"},
    {"CII-SR-460", C::header_agreement, Kind::at_most_one,
     "ram:BuyerTradeParty/ram:URIUniversalCommunication"},
    {"CII-SR-308", C::header_delivery, Kind::absent, "ram:RelatedSupplyChainConsignment"},
    {"CII-SR-309", C::header_delivery, Kind::absent, "ram:ShipToTradeParty/ram:RoleCode"},
    {"CII-SR-310", C::header_delivery, Kind::absent, "ram:ShipToTradeParty/ram:Description"},
    {"CII-SR-311", C::header_delivery, Kind::absent, "ram:ShipToTradeParty/ram:SpecifiedLegalOrganization"},
    {"CII-SR-312", C::header_delivery, Kind::absent, "ram:ShipToTradeParty/ram:DefinedTradeContact"},
    {"CII-SR-313", C::header_delivery, Kind::absent, "ram:ShipToTradeParty/ram:URIUniversalCommunication"},
    {"CII-SR-314", C::header_delivery, Kind::absent, "ram:ShipToTradeParty/ram:SpecifiedTaxRegistration"},
    {"CII-SR-315", C::header_delivery, Kind::absent,
     "ram:ShipToTradeParty/ram:EndPointURIUniversalCommunication"},
    {"CII-SR-316", C::header_delivery, Kind::absent,
     "ram:ShipToTradeParty/ram:LogoAssociatedSpecifiedBinaryFile"},
    {"CII-SR-317", C::header_delivery, Kind::absent, "ram:UltimateShipToTradeParty"},
    {"CII-SR-318", C::header_delivery, Kind::absent, "ram:ShipFromTradeParty"},
    {"CII-SR-319", C::header_delivery, Kind::absent, "ram:ActualDespatchSupplyChainEvent"},
    {"CII-SR-320", C::header_delivery, Kind::absent, "ram:ActualPickUpSupplyChainEvent"},
    {"CII-SR-321", C::header_delivery, Kind::absent, "ram:ActualDeliverySupplyChainEvent/ram:ID"},
    {"CII-SR-322", C::header_delivery, Kind::absent,
     "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTime"},
    {"CII-SR-323", C::header_delivery, Kind::absent, "ram:ActualDeliverySupplyChainEvent/ram:TypeCode"},
    {"CII-SR-324", C::header_delivery, Kind::absent, "ram:ActualDeliverySupplyChainEvent/ram:Description"},
    {"CII-SR-325", C::header_delivery, Kind::absent,
     "ram:ActualDeliverySupplyChainEvent/ram:DescriptionBinaryObject"},
    {"CII-SR-326", C::header_delivery, Kind::absent, "ram:ActualDeliverySupplyChainEvent/ram:UnitQuantity"},
    {"CII-SR-327", C::header_delivery, Kind::absent,
     "ram:ActualDeliverySupplyChainEvent/ram:LatestOccurrenceDateTime"},
    {"CII-SR-328", C::header_delivery, Kind::absent,
     "ram:ActualDeliverySupplyChainEvent/ram:EarliestOccurrenceDateTime"},
    {"CII-SR-329", C::header_delivery, Kind::absent,
     "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceSpecifiedPeriod"},
    {"CII-SR-330", C::header_delivery, Kind::absent,
     "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceLogisticsLocation"},
    {"CII-SR-331", C::header_delivery, Kind::absent, "ram:ActualReceiptSupplyChainEvent"},
    {"CII-SR-332", C::header_delivery, Kind::absent, "ram:AdditionalReferencedDocument"},
    {"CII-SR-333", C::header_delivery, Kind::absent, "ram:DespatchAdviceReferencedDocument/ram:LineID"},
    {"CII-SR-334", C::header_delivery, Kind::absent, "ram:DespatchAdviceReferencedDocument/ram:LineID"},
    {"CII-SR-335", C::header_delivery, Kind::absent, "ram:DeliveryNoteReferencedDocument"},
    {"CII-SR-336", C::header_delivery, Kind::absent, "ram:ConsumptionReportReferencedDocument"},
    {"CII-SR-337", C::header_delivery, Kind::absent, "ram:PreviousDeliverySupplyChainEvent"},
    {"CII-SR-338", C::header_delivery, Kind::absent, "ram:PackingListReferencedDocument"},
    {"CII-SR-339", C::header_settlement, Kind::absent, "ram:DuePayableAmount"},
    {"CII-SR-340", C::header_settlement, Kind::absent, "ram:CreditorReferenceTypeCode"},
    {"CII-SR-341", C::header_settlement, Kind::absent, "ram:CreditorReferenceType"},
    {"CII-SR-342", C::header_settlement, Kind::absent, "ram:CreditorReferenceIssuerID"},
    {"CII-SR-344", C::header_settlement, Kind::absent, "ram:PaymentCurrencyCode"},
    {"CII-SR-345", C::header_settlement, Kind::absent, "ram:InvoiceIssuerReference"},
    {"CII-SR-346", C::header_settlement, Kind::absent, "ram:InvoiceDateTime"},
    {"CII-SR-347", C::header_settlement, Kind::absent, "ram:NextInvoiceDateTime"},
    {"CII-SR-348", C::header_settlement, Kind::absent, "ram:CreditReasonCode"},
    {"CII-SR-349", C::header_settlement, Kind::absent, "ram:CreditReason"},
    {"CII-SR-350", C::header_settlement, Kind::absent, "ram:InvoicerTradeParty"},
    {"CII-SR-351", C::header_settlement, Kind::absent, "ram:InvoiceeTradeParty"},
    {"CII-SR-352", C::header_settlement, Kind::absent, "ram:PayeeTradeParty/ram:RoleCode"},
    {"CII-SR-353", C::header_settlement, Kind::absent, "ram:PayeeTradeParty/ram:Description"},
    {"CII-SR-354", C::header_settlement, Kind::absent,
     "ram:PayeeTradeParty/ram:SpecifiedLegalOrganization/ram:LegalClassificationCode"},
    {"CII-SR-355", C::header_settlement, Kind::absent,
     "ram:PayeeTradeParty/ram:SpecifiedLegalOrganization/ram:Name"},
    {"CII-SR-356", C::header_settlement, Kind::absent,
     "ram:PayeeTradeParty/ram:SpecifiedLegalOrganization/ram:TradingBusinessName"},
    {"CII-SR-357", C::header_settlement, Kind::absent,
     "ram:PayeeTradeParty/ram:SpecifiedLegalOrganization/ram:PostalTradeAddress"},
    {"CII-SR-358", C::header_settlement, Kind::absent,
     "ram:PayeeTradeParty/ram:SpecifiedLegalOrganization/ram:AuthorizedLegalRegistration"},
    {"CII-SR-359", C::header_settlement, Kind::absent, "ram:PayeeTradeParty/ram:DefinedTradeContact"},
    {"CII-SR-360", C::header_settlement, Kind::absent, "ram:PayeeTradeParty/ram:PostalTradeAddress"},
    {"CII-SR-361", C::header_settlement, Kind::absent, "ram:PayeeTradeParty/ram:URIUniversalCommunication"},
    {"CII-SR-362", C::header_settlement, Kind::absent, "ram:PayeeTradeParty/ram:SpecifiedTaxRegistration"},
    {"CII-SR-363", C::header_settlement, Kind::absent,
     "ram:PayeeTradeParty/ram:EndPointURIUniversalCommunication"},
    {"CII-SR-364", C::header_settlement, Kind::absent,
     "ram:PayeeTradeParty/ram:LogoAssociatedSpecifiedBinaryFile"},
    {"CII-SR-365", C::header_settlement, Kind::absent, "ram:PayerTradeParty"},
    {"CII-SR-366", C::header_settlement, Kind::absent, "ram:TaxApplicableTradeCurrencyExchange"},
    {"CII-SR-367", C::header_settlement, Kind::absent, "ram:InvoiceApplicableTradeCurrencyExchange"},
    {"CII-SR-368", C::header_settlement, Kind::absent, "ram:PaymentApplicableTradeCurrencyExchange"},
    {"CII-SR-369", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:PaymentChannelCode"},
    {"CII-SR-370", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:GuaranteeMethodCode"},
    {"CII-SR-371", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:PaymentMethodCode"},
    {"CII-SR-443", C::header_settlement, Kind::absent, "ram:SpecifiedTradeSettlementPaymentMeans/ram:ID"},
    {"CII-SR-372", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/"
     "ram:MicrochipIndicator"},
    {"CII-SR-373", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:TypeCode"},
    {"CII-SR-375", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:ExpiryDate"},
    {"CII-SR-376", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/"
     "ram:VerificationNumeric"},
    {"CII-SR-377", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/"
     "ram:ValidFromDateTime"},
    {"CII-SR-378", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/"
     "ram:CreditLimitAmount"},
    {"CII-SR-379", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/"
     "ram:CreditAvailableAmount"},
    {"CII-SR-380", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/"
     "ram:InterestRatePercent"},
    {"CII-SR-381", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard/ram:Description"},
    {"CII-SR-382", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerPartyDebtorFinancialAccount/ram:AccountName"},
    {"CII-SR-444", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerPartyDebtorFinancialAccount/ram:ProprietaryID"},
    {"CII-SR-384", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerSpecifiedDebtorFinancialInstitution/"
     "ram:ClearingSystemName"},
    {"CII-SR-385", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerSpecifiedDebtorFinancialInstitution/ram:Name"},
    {"CII-SR-386", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerSpecifiedDebtorFinancialInstitution/"
     "ram:LocationFinancialInstitutionAddress"},
    {"CII-SR-388", C::header_settlement, Kind::absent, "ram:SpecifiedTradeAllowanceCharge/ram:ID"},
    {"CII-SR-389", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeAllowanceCharge/ram:SequenceNumeric"},
    {"CII-SR-390", C::header_settlement, Kind::absent, "ram:SpecifiedTradeAllowanceCharge/ram:BasisQuantity"},
    {"CII-SR-391", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeAllowanceCharge/ram:PrepaidIndicator"},
    {"CII-SR-392", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeAllowanceCharge/ram:UnitBasisAmount"},
    {"CII-SR-393", C::header_settlement, Kind::absent, "ram:SpecifiedTradeAllowanceCharge/ram:TypeCode"},
    {"CII-SR-394", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradeAllowanceCharge/ram:ActualTradeCurrencyExchange"},
    {"CII-SR-395", C::header_settlement, Kind::absent, "ram:SubtotalCalculatedTradeTax"},
    {"CII-SR-396", C::header_settlement, Kind::absent, "ram:SpecifiedLogisticsServiceCharge"},
    {"CII-SR-397", C::header_settlement, Kind::absent, "ram:SpecifiedTradePaymentTerms/ram:ID"},
    {"CII-SR-398", C::header_settlement, Kind::absent, "ram:SpecifiedTradePaymentTerms/ram:FromEventCode"},
    {"CII-SR-399", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradePaymentTerms/ram:SettlementPeriodMeasure"},
    {"CII-SR-400", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTime"},
    {"CII-SR-401", C::header_settlement, Kind::absent, "ram:SpecifiedTradePaymentTerms/ram:TypeCode"},
    {"CII-SR-402", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradePaymentTerms/ram:InstructionTypeCode"},
    {"CII-SR-404", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradePaymentTerms/ram:PartialPaymentPercent"},
    {"CII-SR-405", C::header_settlement, Kind::absent, "ram:SpecifiedTradePaymentTerms/ram:PaymentMeansID"},
    {"CII-SR-406", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradePaymentTerms/ram:PartialPaymentAmount"},
    {"CII-SR-407", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradePaymentTerms/ram:ApplicableTradePaymentPenaltyTerms"},
    {"CII-SR-408", C::header_settlement, Kind::absent,
     "ram:SpecifiedTradePaymentTerms/ram:ApplicableTradePaymentDiscountTerms"},
    {"CII-SR-409", C::header_settlement, Kind::absent, "ram:SpecifiedTradePaymentTerms/ram:PayeeTradeParty"},
    {"CII-SR-421", C::header_settlement, Kind::absent, "ram:SpecifiedFinancialAdjustment"},
    {"CII-SR-422", C::header_settlement, Kind::absent, "ram:InvoiceReferencedDocument/ram:LineID"},
    {"CII-SR-423", C::header_settlement, Kind::absent, "ram:ProFormaInvoiceReferencedDocument"},
    {"CII-SR-424", C::header_settlement, Kind::absent, "ram:LetterOfCreditReferencedDocument"},
    {"CII-SR-425", C::header_settlement, Kind::absent, "ram:FactoringAgreementReferencedDocument"},
    {"CII-SR-426", C::header_settlement, Kind::absent, "ram:FactoringListReferencedDocument"},
    {"CII-SR-427", C::header_settlement, Kind::absent, "ram:PayableSpecifiedTradeAccountingAccount"},
    {"CII-SR-428", C::header_settlement, Kind::absent,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:SetTriggerCode"},
    {"CII-SR-429", C::header_settlement, Kind::absent,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:TypeCode"},
    {"CII-SR-430", C::header_settlement, Kind::absent,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:AmountTypeCode"},
    {"CII-SR-431", C::header_settlement, Kind::absent,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:Name"},
    {"CII-SR-432", C::header_settlement, Kind::absent,
     "ram:ReceivableSpecifiedTradeAccountingAccount/ram:CostReferenceDimensionPattern"},
    {"CII-SR-433", C::header_settlement, Kind::absent, "ram:PurchaseSpecifiedTradeAccountingAccount"},
    {"CII-SR-434", C::header_settlement, Kind::absent, "ram:SalesSpecifiedTradeAccountingAccount"},
    {"CII-SR-435", C::header_settlement, Kind::absent, "ram:SpecifiedTradeSettlementFinancialCard"},
    {"CII-SR-436", C::header_settlement, Kind::absent, "ram:SpecifiedAdvancePayment"},
    {"CII-SR-437", C::header_settlement, Kind::absent, "ram:UltimatePayeeTradeParty"},
    {"CII-SR-452", C::header_settlement, Kind::at_most_one, "ram:SpecifiedTradePaymentTerms"},
    {"CII-SR-453", C::header_settlement, Kind::at_most_one, "ram:SpecifiedTradePaymentTerms/ram:Description"},
    {"CII-SR-461", C::header_settlement, Kind::at_most_one, "ram:ApplicableTradeTax/ram:TaxPointDate"},
    {"CII-SR-411", C::totals, Kind::absent, "ram:InformationAmount"},
    {"CII-SR-412", C::totals, Kind::absent, "ram:TotalDiscountAmount"},
    {"CII-SR-413", C::totals, Kind::absent, "ram:TotalAllowanceChargeAmount"},
    {"CII-SR-414", C::totals, Kind::absent, "ram:RetailValueExcludingTaxInformationAmount"},
    {"CII-SR-415", C::totals, Kind::absent, "ram:TotalDepositFeeInformationAmount"},
    {"CII-SR-416", C::totals, Kind::absent, "ram:ProductValueExcludingTobaccoTaxInformationAmount"},
    {"CII-SR-417", C::totals, Kind::absent, "ram:TotalRetailValueInformationAmount"},
    {"CII-SR-418", C::totals, Kind::absent, "ram:GrossLineTotalAmount"},
    {"CII-SR-419", C::totals, Kind::absent, "ram:NetLineTotalAmount"},
    {"CII-SR-420", C::totals, Kind::absent, "ram:NetIncludingTaxesLineTotalAmount"},
    {"CII-SR-477", C::totals, Kind::at_most_one, "ram:LineTotalAmount"},
    {"CII-SR-478", C::totals, Kind::at_most_one, "ram:ChargeTotalAmount"},
    {"CII-SR-479", C::totals, Kind::at_most_one, "ram:AllowanceTotalAmount"},
    {"CII-SR-480", C::totals, Kind::at_most_one, "ram:TaxBasisTotalAmount"},
    {"CII-SR-481", C::totals, Kind::at_most_one, "ram:RoundingAmount"},
    {"CII-SR-482", C::totals, Kind::at_most_one, "ram:GrandTotalAmount"},
    {"CII-SR-483", C::totals, Kind::at_most_one, "ram:InformationAmount"},
    {"CII-SR-484", C::totals, Kind::at_most_one, "ram:TotalPrepaidAmount"},
    {"CII-SR-485", C::totals, Kind::at_most_one, "ram:TotalDiscountAmount"},
    {"CII-SR-486", C::totals, Kind::at_most_one, "ram:TotalAllowanceChargeAmount"},
    {"CII-SR-487", C::totals, Kind::at_most_one, "ram:DuePayableAmount"},
    {"CII-SR-488", C::totals, Kind::at_most_one, "ram:RetailValueExcludingTaxInformationAmount"},
    {"CII-SR-489", C::totals, Kind::at_most_one, "ram:TotalDepositFeeInformationAmount"},
    {"CII-SR-490", C::totals, Kind::at_most_one, "ram:ProductValueExcludingTobaccoTaxInformationAmount"},
    {"CII-SR-491", C::totals, Kind::at_most_one, "ram:TotalRetailValueInformationAmount"},
    {"CII-SR-492", C::totals, Kind::at_most_one, "ram:GrossLineTotalAmount"},
    {"CII-SR-493", C::totals, Kind::at_most_one, "ram:NetLineTotalAmount"},
    {"CII-SR-494", C::totals, Kind::at_most_one, "ram:NetIncludingTaxesLineTotalAmount"},
    {"CII-DT-013", C::root, Kind::absent, "@languageID"},
    {"CII-DT-014", C::root, Kind::absent, "@languageLocaleID"},
    {"CII-SR-438", C::root, Kind::absent, "ram:ValuationBreakdownStatement"},
    {"CII-SR-04", C::context_parameter, Kind::absent, "ram:Value"},
    {"CII-SR-05", C::context_parameter, Kind::absent, "ram:SpecifiedDocumentVersion"},
    {"CII-DT-001", C::plain_identifier, Kind::absent, "@schemeName"},
    {"CII-DT-002", C::plain_identifier, Kind::absent, "@schemeAgencyName"},
    {"CII-DT-003", C::plain_identifier, Kind::absent, "@schemeDataURI"},
    {"CII-DT-004", C::plain_identifier, Kind::absent, "@schemeURI"},
    {"CII-DT-005", C::plain_identifier, Kind::absent, "@schemeID"},
    {"CII-DT-006", C::plain_identifier, Kind::absent, "@schemeAgencyID"},
    {"CII-DT-007", C::plain_identifier, Kind::absent, "@schemeVersionID"},
    {"CII-DT-101", C::identifier, Kind::absent, "@schemeName"},
    {"CII-DT-102", C::identifier, Kind::absent, "@schemeAgencyName"},
    {"CII-DT-103", C::identifier, Kind::absent, "@schemeDataURI"},
    {"CII-DT-104", C::identifier, Kind::absent, "@schemeURI"},
    {"CII-DT-008", C::type_code, Kind::absent, "@name"},
    {"CII-DT-009", C::type_code, Kind::absent, "@listURI"},
    {"CII-DT-010", C::document_type_code, Kind::absent, "@listID"},
    {"CII-DT-011", C::document_type_code, Kind::absent, "@listAgencyID"},
    {"CII-DT-012", C::document_type_code, Kind::absent, "@listVersionID"},
    {"CII-DT-045", C::line_category_code, Kind::absent, "@listID"},
    {"CII-DT-046", C::line_category_code, Kind::absent, "@listAgencyID"},
    {"CII-DT-047", C::line_category_code, Kind::absent, "@listVersionID"},
    {"CII-DT-048", C::line_category_code, Kind::absent, "@listURI"},
    {"CII-DT-016", C::referenced_document, Kind::absent, "ram:StatusCode"},
    {"CII-DT-017", C::referenced_document, Kind::absent, "ram:CopyIndicator"},
    {"CII-DT-019", C::referenced_document, Kind::absent, "ram:GlobalID"},
    {"CII-DT-020", C::referenced_document, Kind::absent, "ram:RevisionID"},
    {"CII-DT-023", C::referenced_document, Kind::absent, "ram:Information"},
    {"CII-DT-025", C::referenced_document, Kind::absent, "ram:SectionName"},
    {"CII-DT-026", C::referenced_document, Kind::absent, "ram:PreviousRevisionID"},
    {"CII-DT-028", C::referenced_document, Kind::absent, "ram:EffectiveSpecifiedPeriod"},
    {"CII-DT-029", C::referenced_document, Kind::absent, "ram:IssuerTradeParty"},
    {"CII-DT-030", C::referenced_document, Kind::absent, "ram:AttachedSpecifiedBinaryFile"},
    {"CII-DT-031", C::amount, Kind::absent, "@currencyID"},
    {"CII-DT-032", C::amount, Kind::absent, "@currencyCodeListVersionID"},
    {"CII-DT-034", C::quantity, Kind::absent, "@unitCodeListID"},
    {"CII-DT-035", C::quantity, Kind::absent, "@unitCodeListAgencyID"},
    {"CII-DT-036", C::quantity, Kind::absent, "@unitCodeListAgencyName"},
    {"CII-DT-038", C::trade_tax, Kind::absent, "ram:CalculatedRate"},
    {"CII-DT-039", C::trade_tax, Kind::absent, "ram:CalculationSequenceNumeric"},
    {"CII-DT-040", C::trade_tax, Kind::absent, "ram:BasisQuantity"},
    {"CII-DT-042", C::trade_tax, Kind::absent, "ram:UnitBasisAmount"},
    {"CII-DT-043", C::trade_tax, Kind::absent, "ram:LineTotalBasisAmount"},
    {"CII-DT-044", C::trade_tax, Kind::absent, "ram:AllowanceChargeBasisAmount"},
    {"CII-DT-049", C::trade_tax, Kind::absent, "ram:CurrencyCode"},
    {"CII-DT-050", C::trade_tax, Kind::absent, "ram:Jurisdiction"},
    {"CII-DT-051", C::trade_tax, Kind::absent, "ram:CustomsDutyIndicator"},
    {"CII-DT-053", C::trade_tax, Kind::absent, "ram:TaxBasisAllowanceRate"},
    {"CII-DT-055", C::trade_tax, Kind::absent, "ram:Type"},
    {"CII-DT-056", C::trade_tax, Kind::absent, "ram:InformationAmount"},
    {"CII-DT-057", C::trade_tax, Kind::absent, "ram:CategoryName"},
    {"CII-DT-059", C::trade_tax, Kind::absent, "ram:RateApplicablePercent/@format"},
    {"CII-DT-060", C::trade_tax, Kind::absent, "ram:SpecifiedTradeAccountingAccount"},
    {"CII-DT-061", C::trade_tax, Kind::absent, "ram:ServiceSupplyTradeCountry"},
    {"CII-DT-062", C::trade_tax, Kind::absent, "ram:BuyerRepayableTaxSpecifiedTradeAccountingAccount"},
    {"CII-DT-063", C::trade_tax, Kind::absent, "ram:SellerPayableTaxSpecifiedTradeAccountingAccount"},
    {"CII-DT-064", C::trade_tax, Kind::absent, "ram:SellerRefundableTaxSpecifiedTradeAccountingAccount"},
    {"CII-DT-065", C::trade_tax, Kind::absent, "ram:BuyerDeductibleTaxSpecifiedTradeAccountingAccount"},
    {"CII-DT-066", C::trade_tax, Kind::absent, "ram:BuyerNonDeductibleTaxSpecifiedTradeAccountingAccount"},
    {"CII-DT-067", C::trade_tax, Kind::absent, "ram:PlaceApplicableTradeLocation"},
    {"CII-DT-068", C::billing_period, Kind::absent, "ram:StartDateTime/udt:DateTime"},
    {"CII-DT-069", C::billing_period, Kind::absent, "ram:DurationMeasure"},
    {"CII-DT-070", C::billing_period, Kind::absent, "ram:InclusiveIndicator"},
    {"CII-DT-071", C::billing_period, Kind::absent, "ram:Description"},
    {"CII-DT-072", C::billing_period, Kind::absent, "ram:EndDateTime/udt:DateTime"},
    {"CII-DT-073", C::billing_period, Kind::absent, "ram:CompleteDateTime"},
    {"CII-DT-074", C::billing_period, Kind::absent, "ram:OpenIndicator"},
    {"CII-DT-075", C::billing_period, Kind::absent, "ram:SeasonCode"},
    {"CII-DT-076", C::billing_period, Kind::absent, "ram:ID"},
    {"CII-DT-077", C::billing_period, Kind::absent, "ram:Name"},
    {"CII-DT-078", C::billing_period, Kind::absent, "ram:SequenceNumeric"},
    {"CII-DT-079", C::billing_period, Kind::absent, "ram:StartDateFlexibilityCode"},
    {"CII-DT-080", C::billing_period, Kind::absent, "ram:ContinuousIndicator"},
    {"CII-DT-081", C::billing_period, Kind::absent, "ram:PurposeCode"},
    {"CII-DT-082", C::postal_address, Kind::absent, "ram:ID"},
    {"CII-DT-083", C::postal_address, Kind::absent, "ram:PostOfficeBox"},
    {"CII-DT-084", C::postal_address, Kind::absent, "ram:BuildingName"},
    {"CII-DT-086", C::postal_address, Kind::absent, "ram:LineFour"},
    {"CII-DT-087", C::postal_address, Kind::absent, "ram:LineFive"},
    {"CII-DT-088", C::postal_address, Kind::absent, "ram:StreetName"},
    {"CII-DT-089", C::postal_address, Kind::absent, "ram:CitySubDivisionName"},
    {"CII-DT-090", C::postal_address, Kind::absent, "ram:CountryName"},
    {"CII-DT-091", C::postal_address, Kind::absent, "ram:CountrySubDivisionID"},
    {"CII-DT-092", C::postal_address, Kind::absent, "ram:AttentionOf"},
    {"CII-DT-093", C::postal_address, Kind::absent, "ram:CareOf"},
    {"CII-DT-094", C::postal_address, Kind::absent, "ram:BuildingNumber"},
    {"CII-DT-095", C::postal_address, Kind::absent, "ram:DepartmentName"},
    {"CII-DT-096", C::postal_address, Kind::absent, "ram:AdditionalStreetName"},
};

// Local names the hooks switch on; their ids are their positions here.
enum Name : int {
  n_AdditionalReferencedDocument,
  n_ApplicableHeaderTradeDelivery,
  n_ApplicableHeaderTradeSettlement,
  n_ApplicableTradeTax,
  n_AttachmentBinaryObject,
  n_BasisQuantity,
  n_BilledQuantity,
  n_CategoryCode,
  n_CategoryTradeTax,
  n_ChargeIndicator,
  n_ClassCode,
  n_CountryID,
  n_CrossIndustryInvoice,
  n_DueDateTypeCode,
  n_ExchangedDocument,
  n_ExemptionReasonCode,
  n_GlobalID,
  n_ID,
  n_IncludedSupplyChainTradeLineItem,
  n_Information,
  n_InvoiceCurrencyCode,
  n_OriginTradeCountry,
  n_PaymentReference,
  n_ReasonCode,
  n_ReferenceTypeCode,
  n_ShipToTradeParty,
  n_SpecifiedLineTradeDelivery,
  n_SpecifiedTaxRegistration,
  n_SpecifiedTradeAllowanceCharge,
  n_SpecifiedTradeProduct,
  n_SpecifiedTradeSettlementPaymentMeans,
  n_SubjectCode,
  n_SupplyChainTradeTransaction,
  n_TaxCurrencyCode,
  n_TaxTotalAmount,
  n_TypeCode,
  n_URIID,
  n_URIUniversalCommunication,
  name_count,
};

constexpr std::array<std::string_view, name_count> names = {
    "AdditionalReferencedDocument",
    "ApplicableHeaderTradeDelivery",
    "ApplicableHeaderTradeSettlement",
    "ApplicableTradeTax",
    "AttachmentBinaryObject",
    "BasisQuantity",
    "BilledQuantity",
    "CategoryCode",
    "CategoryTradeTax",
    "ChargeIndicator",
    "ClassCode",
    "CountryID",
    "CrossIndustryInvoice",
    "DueDateTypeCode",
    "ExchangedDocument",
    "ExemptionReasonCode",
    "GlobalID",
    "ID",
    "IncludedSupplyChainTradeLineItem",
    "Information",
    "InvoiceCurrencyCode",
    "OriginTradeCountry",
    "PaymentReference",
    "ReasonCode",
    "ReferenceTypeCode",
    "ShipToTradeParty",
    "SpecifiedLineTradeDelivery",
    "SpecifiedTaxRegistration",
    "SpecifiedTradeAllowanceCharge",
    "SpecifiedTradeProduct",
    "SpecifiedTradeSettlementPaymentMeans",
    "SubjectCode",
    "SupplyChainTradeTransaction",
    "TaxCurrencyCode",
    "TaxTotalAmount",
    "TypeCode",
    "URIID",
    "URIUniversalCommunication",
};

const Ruleset& ruleset() {
  static const Ruleset r(names, contexts, path_rules);
  return r;
}

// matches(., '^\s*(\d{4})(1[0-2]|0[1-9])(3[01]|[12][0-9]|0[1-9])\s*$'), for ASCII digits.
bool is_yyyymmdd(std::string_view v) {
  v = trim(v);
  if (v.size() != 8) return false;
  for (char c : v)
    if (c < '0' || c > '9') return false;
  const int month = (v[4] - '0') * 10 + (v[5] - '0');
  const int day = (v[6] - '0') * 10 + (v[7] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

class CiiHooks final : public Hooks {
 public:
  CiiHooks(const XmlReader& x, Reporter& report) : x_(x), report_(report) {}

  bool accepts(int context, const Element& e) override {
    switch (context) {
      case C::amount:
        return e.name != n_TaxTotalAmount;
      case C::date_102:
        return std::string_view(e.node.attribute("format").value()) == "102";
      default:
        return true;
    }
  }

  void enter(const Element& e) override {
    if (int* depth = ancestor_depth(e)) {
      ++*depth;
      e.notify_leave = true;
    }
    switch (e.context) {
      case C::product:
        check_product(e.node);
        break;
      case C::line_agreement:
        check_gross_price_allowance(e.node);
        break;
      case C::line_settlement:
        at_most_one_referenced(e.node, "130", true, "CII-SR-474",
                               "more than one line object identifier (type 130)");
        break;
      case C::header_agreement:
        check_header_agreement(e.node);
        break;
      case C::header_delivery:
        not_both_ids(e.node, "ShipToTradeParty", "CII-SR-449", "the deliver-to party");
        break;
      case C::header_settlement:
        check_header_settlement(e.node);
        break;
      case C::referenced_document:
        check_referenced_document(e);
        break;
      case C::quantity:
        if (e.node.attribute("unitCode")) quantities_with_unit_.push_back(e.node);
        break;
      case C::trade_tax:
        check_trade_tax(e);
        break;
      case C::date_102: {
        std::string buffer;
        const std::string_view v = string_value(e.node, buffer);
        if (!is_yyyymmdd(v))
          report_.fail("CII-DT-097", e.node, quoted(v) + " is not a YYYYMMDD date (format 102)");
        break;
      }
      default:
        break;
    }
    if (e.ns == Ns::ram) {
      check_document_wide(e);
      check_codes(e);
    }
  }

  void leave(const Element& e) override {
    if (int* depth = ancestor_depth(e)) --*depth;
  }

  void finish() override {
    // CII-DT-033: a unitCode on any quantity is fine once some line quantity has one.
    if (!line_quantity_unit_)
      for (pugi::xml_node q : quantities_with_unit_)
        report_.fail("CII-DT-033", q,
                     "a unitCode here requires the invoice lines' billed quantities to have one");
    // CII-SR-462, in each ram:ApplicableHeaderTradeSettlement.
    if (due_date_codes_ > 1 && second_due_date_code_)
      for (std::size_t i = 0; i < settlement_contexts_; ++i)
        report_.fail("CII-SR-462", second_due_date_code_,
                     "the VAT point date codes differ: " + quoted(first_due_date_code_) + " and " +
                         quoted(second_due_date_code_value_));
  }

 private:
  pugi::xml_node child(pugi::xml_node n, std::string_view local) const {
    return first_child(x_, n, Ns::ram, local);
  }
  bool has_path(pugi::xml_node n, std::string_view a, std::string_view b) const {
    bool found = false;
    for_each_child(x_, n, Ns::ram, a, [&](pugi::xml_node c) { found = found || child(c, b); });
    return found;
  }
  static bool parent_is(const Element& e, Name n, Ns ns = Ns::ram) {
    return e.parent && e.parent->name == n && e.parent->ns == ns;
  }
  // Ancestors the rules ask about are counted as the walk passes them, not searched: documents
  // may nest deeply.
  int* ancestor_depth(const Element& e) {
    if (e.ns != Ns::ram) return nullptr;
    switch (e.name) {
      case n_ApplicableHeaderTradeSettlement:
        return &header_settlements_;
      case n_SpecifiedTradeProduct:
        return &products_;
      case n_ShipToTradeParty:
        return &ship_to_parties_;
      case n_SpecifiedTaxRegistration:
        return &tax_registrations_;
      default:
        return nullptr;
    }
  }
  // ram:TypeCode = 'v', compared verbatim; normalize-space(ram:TypeCode) = 'v' with `normalized`.
  bool type_code_is(pugi::xml_node d, std::string_view v, bool normalized) const {
    bool found = false;
    for_each_child(x_, d, Ns::ram, "TypeCode", [&](pugi::xml_node t) {
      std::string buffer;
      const std::string_view s = string_value(t, buffer);
      if (normalized ? same_normalized(s, v) : s == v) found = true;
    });
    return found;
  }

  void check_product(pugi::xml_node p) {
    // not(ram:GlobalID) or (ram:GlobalID/@schemeID)
    pugi::xml_node first;
    bool scheme = false;
    for_each_child(x_, p, Ns::ram, "GlobalID", [&](pugi::xml_node g) {
      if (!first) first = g;
      scheme = scheme || g.attribute("schemeID");
    });
    if (first && !scheme) report_.fail("CII-SR-046", first, "the item standard identifier has no schemeID");
    // not(ram:OriginTradeCountry) or count(ram:OriginTradeCountry/ram:ID) = 1
    pugi::xml_node origin;
    int ids = 0;
    for_each_child(x_, p, Ns::ram, "OriginTradeCountry", [&](pugi::xml_node o) {
      if (!origin) origin = o;
      for_each_child(x_, o, Ns::ram, "ID", [&](pugi::xml_node) { ++ids; });
    });
    if (origin && ids != 1)
      report_.fail("CII-SR-090", origin, "the item country of origin has " + std::to_string(ids) + " ram:ID");
  }

  // (indicator false and amount) or (no indicator and no amount), over every gross price allowance.
  void check_gross_price_allowance(pugi::xml_node agreement) {
    bool false_indicator = false, indicator = false, amount = false;
    pugi::xml_node at;
    for_each_child(x_, agreement, Ns::ram, "GrossPriceProductTradePrice", [&](pugi::xml_node g) {
      for_each_child(x_, g, Ns::ram, "AppliedTradeAllowanceCharge", [&](pugi::xml_node ac) {
        if (!at) at = ac;
        amount = amount || child(ac, "ActualAmount");
        for_each_child(x_, ac, Ns::ram, "ChargeIndicator", [&](pugi::xml_node ci) {
          indicator = true;
          for_each_child(x_, ci, Ns::udt, "Indicator", [&](pugi::xml_node i) {
            false_indicator = false_indicator || indicator_value(i) == 0;
          });
        });
      });
    });
    if (!((false_indicator && amount) || (!indicator && !amount)))
      report_.fail("CII-SR-119", at ? at : agreement,
                   "a gross price allowance needs both a charge indicator set to false and an amount");
  }

  void at_most_one_referenced(pugi::xml_node parent, std::string_view type, bool normalized,
                              std::string_view rule, std::string_view message) {
    int n = 0;
    for_each_child(x_, parent, Ns::ram, "AdditionalReferencedDocument", [&](pugi::xml_node d) {
      if (type_code_is(d, type, normalized) && ++n == 2) report_.fail(rule, d, std::string(message));
    });
  }

  // not(P/ram:ID and P/ram:GlobalID)
  void not_both_ids(pugi::xml_node parent, std::string_view party, std::string_view rule,
                    std::string_view who) {
    if (has_path(parent, party, "ID") && has_path(parent, party, "GlobalID"))
      report_.fail(rule, child(parent, party), std::string(who) + " has both ram:ID and ram:GlobalID");
  }

  void check_header_agreement(pugi::xml_node a) {
    not_both_ids(a, "BuyerTradeParty", "CII-SR-450", "the buyer");
    at_most_one_referenced(a, "50", false, "CII-SR-457", "more than one tender or lot reference (type 50)");
    at_most_one_referenced(a, "130", false, "CII-SR-458",
                           "more than one invoiced object identifier (type 130)");
    contact_names(a, "SellerTradeParty", "CII-SR-465", "the seller");
    contact_names(a, "BuyerTradeParty", "CII-SR-466", "the buyer");
    // count(ram:AdditionalReferencedDocument[normalize-space(ram:TypeCode) = '916']/ram:Name) <= 1, and the
    // attachment.
    int descriptions = 0, attachments = 0;
    for_each_child(x_, a, Ns::ram, "AdditionalReferencedDocument", [&](pugi::xml_node d) {
      if (!type_code_is(d, "916", true)) return;
      for_each_child(x_, d, Ns::ram, "Name", [&](pugi::xml_node n) {
        if (++descriptions == 2)
          report_.fail("CII-SR-475", n, "more than one supporting document description");
      });
      for_each_child(x_, d, Ns::ram, "AttachmentBinaryObject", [&](pugi::xml_node n) {
        if (++attachments == 2) report_.fail("CII-SR-476", n, "more than one supporting document attachment");
      });
    });
  }

  // not(P/ram:DefinedTradeContact/ram:PersonName and P/ram:DefinedTradeContact/ram:DepartmentName)
  void contact_names(pugi::xml_node a, std::string_view party, std::string_view rule, std::string_view who) {
    bool person = false, department = false;
    pugi::xml_node at;
    for_each_child(x_, a, Ns::ram, party, [&](pugi::xml_node p) {
      for_each_child(x_, p, Ns::ram, "DefinedTradeContact", [&](pugi::xml_node c) {
        if (!at) at = c;
        person = person || child(c, "PersonName");
        department = department || child(c, "DepartmentName");
      });
    });
    if (person && department)
      report_.fail(rule, at, std::string(who) + "'s contact has both a person name and a department name");
  }

  void check_header_settlement(pugi::xml_node s) {
    ++settlement_contexts_;
    not_both_ids(s, "PayeeTradeParty", "CII-SR-451", "the payee");
    // Credit transfers (30, 58) need the payee's account.
    for_each_child(x_, s, Ns::ram, "SpecifiedTradeSettlementPaymentMeans", [&](pugi::xml_node m) {
      if (cr470_) return;
      pugi::xml_node code = child(m, "TypeCode");
      std::string buffer;
      const std::string_view v = code ? string_value(code, buffer) : std::string_view{};
      if (!code || !(same_normalized(v, "30") || same_normalized(v, "58"))) return;
      if (has_path(m, "PayeePartyCreditorFinancialAccount", "IBANID") ||
          has_path(m, "PayeePartyCreditorFinancialAccount", "ProprietaryID"))
        return;
      cr470_ = true;
      report_.fail("CII-SR-470", m,
                   "a credit transfer (" + quoted(trim(v)) + ") without the payee's account");
    });
  }

  // One pass over an element's children: the first ram child of each local name asked for, and
  // which values its ram:TypeCode children have (compared verbatim).
  template <std::size_t N>
  std::array<pugi::xml_node, N> scan(pugi::xml_node parent, const std::array<std::string_view, N>& locals,
                                     std::vector<std::string_view>* type_codes = nullptr) const {
    std::array<pugi::xml_node, N> first{};
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view local = local_name(c.name());
      for (std::size_t i = 0; i < N; ++i) {
        if (local != locals[i] || first[i] || x_.ns().namespace_of(c) != Ns::ram) continue;
        first[i] = c;
      }
      if (type_codes && local == "TypeCode" && x_.ns().namespace_of(c) == Ns::ram) {
        std::string buffer;
        const std::string_view v = string_value(c, buffer);
        for (std::string_view known : {"50", "130", "916", "VAT"})
          if (v == known) type_codes->push_back(known);
      }
    }
    return first;
  }

  void only(pugi::xml_node c, bool allowed, std::string_view rule, std::string_view where) {
    if (c && !allowed)
      report_.fail(rule, c,
                   "ram:" + std::string(local_name(c.name())) + " is only used " + std::string(where));
  }

  static bool has(const std::vector<std::string_view>& codes, std::string_view v) {
    return std::find(codes.begin(), codes.end(), v) != codes.end();
  }

  void check_referenced_document(const Element& e) {
    std::vector<std::string_view> types;
    const auto c = scan<6>(e.node,
                           {"URIID", "TypeCode", "Name", "AttachmentBinaryObject", "ReferenceTypeCode",
                            "FormattedIssueDateTime"},
                           &types);
    const bool additional = e.name == n_AdditionalReferencedDocument;
    const bool supporting = additional && has(types, "916");
    only(c[0], supporting, "CII-DT-015", "on a supporting document (type 916)");
    only(c[1], additional && (has(types, "50") || has(types, "130") || supporting), "CII-DT-018",
         "on an additional referenced document, with 50, 130 or 916");
    only(c[2], supporting, "CII-DT-021", "on a supporting document (type 916)");
    only(c[3], supporting, "CII-DT-022", "on a supporting document (type 916)");
    only(c[4], additional && has(types, "130"), "CII-DT-024", "on the invoiced object identifier (type 130)");
    only(c[5], e.local == "InvoiceReferencedDocument", "CII-DT-027", "on a preceding invoice reference");
  }

  void check_trade_tax(const Element& e) {
    std::vector<std::string_view> types;
    const auto c = scan<6>(e.node,
                           {"TypeCode", "BasisAmount", "ExemptionReasonCode", "ExemptionReason",
                            "TaxPointDate", "DueDateTypeCode"},
                           &types);
    if (c[0] && !has(types, "VAT")) report_.fail("CII-DT-037", c[0], "the tax type code must be VAT");
    const bool header = header_settlements_ > 0;
    const bool applicable = e.name == n_ApplicableTradeTax;
    only(c[1], header, "CII-DT-041", "in the document level VAT breakdown");
    only(c[2], applicable, "CII-DT-052", "on ram:ApplicableTradeTax");
    only(c[3], applicable, "CII-DT-098", "on ram:ApplicableTradeTax");
    only(c[4], header, "CII-DT-054", "in the document level VAT breakdown");
    only(c[5], header, "CII-DT-058", "in the document level VAT breakdown");
  }

  // Rules over the whole document: payment means codes and texts, payment references, VAT
  // point date codes, line quantity units.
  void check_document_wide(const Element& e) {
    std::string buffer;
    switch (e.name) {
      case n_TypeCode:
      case n_Information:
        if (parent_is(e, n_SpecifiedTradeSettlementPaymentMeans)) {
          const bool code = e.name == n_TypeCode;
          std::string& first = code ? first_means_code_ : first_means_text_;
          bool& seen = code ? means_code_seen_ : means_text_seen_;
          bool& reported = code ? sr467_ : sr468_;
          const std::string_view v = string_value(e.node, buffer);
          if (!seen) {
            seen = true;
            first = std::string(v);
          } else if (!reported && !same_normalized(v, first)) {
            reported = true;
            report_.fail(code ? "CII-SR-467" : "CII-SR-468", e.node,
                         quoted(trim(v)) + " differs from the first payment means " +
                             (code ? "code " : "text ") + quoted(trim(first)));
          }
        }
        break;
      case n_PaymentReference:
        if (parent_is(e, n_ApplicableHeaderTradeSettlement) && ++payment_references_ == 2)
          report_.fail("CII-SR-469", e.node, "more than one payment reference (BT-83)");
        break;
      case n_DueDateTypeCode:
        if (parent_is(e, n_ApplicableTradeTax)) {
          const std::string_view v = string_value(e.node, buffer);
          if (due_date_codes_ == 0) {
            first_due_date_code_ = std::string(v);
            due_date_codes_ = 1;
          } else if (due_date_codes_ == 1 && v != first_due_date_code_) {
            due_date_codes_ = 2;
            second_due_date_code_ = e.node;
            second_due_date_code_value_ = std::string(v);
          }
        }
        break;
      case n_BilledQuantity:
        // /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem/
        // ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode
        if (!line_quantity_unit_ && e.node.attribute("unitCode") &&
            parent_is(e, n_SpecifiedLineTradeDelivery)) {
          const Element* line = e.parent->parent;
          const Element* tx = line ? line->parent : nullptr;
          const Element* root = tx ? tx->parent : nullptr;
          line_quantity_unit_ = line && line->name == n_IncludedSupplyChainTradeLineItem &&
                                line->ns == Ns::ram && tx->name == n_SupplyChainTradeTransaction &&
                                tx->ns == Ns::rsm && root && !root->parent &&
                                root->name == n_CrossIndustryInvoice && root->ns == Ns::rsm;
        }
        break;
      default:
        break;
    }
  }

  // BR-CL-*: the code list checks, each on its context element, in the artefact's precedence.
  void check_codes(const Element& e) {
    std::string buffer;
    const auto value = [&] { return string_value(e.node, buffer); };
    const auto code = [&](std::string_view rule, CodeList list, std::string_view what) {
      const std::string_view v = value();
      if (!listed_(list, v)) report_.fail(rule, e.node, quoted(v) + " is not " + std::string(what));
    };
    const auto scheme = [&](std::string_view rule, std::string_view attribute, CodeList list,
                            std::string_view what) {
      const std::string_view v = e.node.attribute(std::string(attribute).c_str()).value();
      if (!listed_(list, v))
        report_.fail(rule, e.node, std::string(attribute) + " " + quoted(v) + " is not " + std::string(what));
    };
    switch (e.name) {
      case n_TypeCode:
        if (parent_is(e, n_ExchangedDocument, Ns::rsm)) {
          // CII has one list for both: the union of UBL's invoice and credit note lists.
          const std::string_view v = value();
          if (!listed_(CodeList::invoice_type, v) && !listed_(CodeList::credit_note_type, v))
            report_.fail("BR-CL-01", e.node, quoted(v) + " is not a UNTDID 1001 invoice or credit note type");
        } else if (parent_is(e, n_SpecifiedTradeSettlementPaymentMeans))
          code("BR-CL-16", CodeList::payment_means, "a UNTDID 4461 payment means code");
        break;
      case n_TaxTotalAmount:
        if (e.node.attribute("currencyID"))
          scheme("BR-CL-03", "currencyID", CodeList::currency, "an ISO 4217 currency code");
        break;
      case n_InvoiceCurrencyCode:
        code("BR-CL-04", CodeList::currency, "an ISO 4217 currency code");
        break;
      case n_TaxCurrencyCode:
        code("BR-CL-05", CodeList::currency, "an ISO 4217 currency code");
        break;
      case n_DueDateTypeCode:
        code("BR-CL-06", CodeList::cii_vat_date_code, "a VAT point date code (UNTDID 2475: 5, 29, 72)");
        break;
      case n_ReferenceTypeCode:
        code("BR-CL-07", CodeList::object_scheme, "a UNTDID 1153 code");
        break;
      case n_SubjectCode: {
        const std::string_view v = value();
        if (!codes::listed_note_subject(v, Syntax::cii))
          report_.fail("BR-CL-08", e.node, quoted(v) + " is not a UNTDID 4451 note subject code");
        break;
      }
      case n_GlobalID:
        if (!e.node.attribute("schemeID")) break;
        if (products_ == 0 && ship_to_parties_ == 0)
          scheme("BR-CL-10", "schemeID", CodeList::icd_scheme, "an ISO 6523 ICD scheme");
        else if (parent_is(e, n_SpecifiedTradeProduct))
          scheme("BR-CL-21", "schemeID", CodeList::icd_scheme, "an ISO 6523 ICD scheme");
        else if (parent_is(e, n_ShipToTradeParty) && e.parent->parent &&
                 e.parent->parent->name == n_ApplicableHeaderTradeDelivery && e.parent->parent->ns == Ns::ram)
          scheme("BR-CL-26", "schemeID", CodeList::icd_scheme, "an ISO 6523 ICD scheme");
        break;
      case n_ID:
        if (e.node.attribute("schemeID") && tax_registrations_ == 0)
          scheme("BR-CL-11", "schemeID", CodeList::icd_scheme, "an ISO 6523 ICD scheme");
        else if (parent_is(e, n_OriginTradeCountry))
          country("BR-CL-15", e.node, value());
        break;
      case n_ClassCode:
        if (e.node.attribute("listID"))
          scheme("BR-CL-13", "listID", CodeList::item_classification_scheme, "a UNTDID 7143 scheme");
        break;
      case n_CountryID:
        country("BR-CL-14", e.node, value());
        break;
      case n_CategoryCode:
        if (parent_is(e, n_CategoryTradeTax))
          code("BR-CL-17", CodeList::vat_category, "a UNTDID 5305 VAT category code");
        else if (parent_is(e, n_ApplicableTradeTax))
          code("BR-CL-18", CodeList::vat_category, "a UNTDID 5305 VAT category code");
        break;
      case n_ReasonCode:
        if (parent_is(e, n_SpecifiedTradeAllowanceCharge)) {
          if (indicator(e.parent->node, 0))
            code("BR-CL-19", CodeList::allowance_reason, "a UNTDID 5189 allowance reason code");
          else if (indicator(e.parent->node, 1))
            code("BR-CL-20", CodeList::charge_reason, "a UNTDID 7161 charge reason code");
        }
        break;
      case n_ExemptionReasonCode: {
        const std::string_view v = value();
        if (!codes::listed_vatex(v)) report_.fail("BR-CL-22", e.node, quoted(v) + " is not a VATEX code");
        break;
      }
      case n_BasisQuantity:
      case n_BilledQuantity:
        if (pugi::xml_attribute a = e.node.attribute("unitCode"); a && !listed_(CodeList::unit, a.value()))
          report_.fail(
              "BR-CL-23", e.node,
              "unitCode " + quoted(a.value()) + " is not a UN/ECE Recommendation 20 or 21 unit code");
        break;
      case n_AttachmentBinaryObject:
        if (pugi::xml_attribute a = e.node.attribute("mimeCode"); a && !codes::listed_mime(a.value()))
          report_.fail("BR-CL-24", e.node, "mimeCode " + quoted(a.value()) + " is not an accepted MIME type");
        break;
      case n_URIID:
        if (e.node.attribute("schemeID") && parent_is(e, n_URIUniversalCommunication))
          scheme("BR-CL-25", "schemeID", CodeList::eas_scheme, "an EAS scheme");
        break;
      default:
        break;
    }
  }

  static int indicator_value(pugi::xml_node indicator) {
    std::string buffer;
    return boolean_value(string_value(indicator, buffer));
  }

  void country(std::string_view rule, pugi::xml_node node, std::string_view v) {
    if (!codes::listed_country(v, Syntax::cii))
      report_.fail(rule, node, quoted(v) + " is not an ISO 3166-1 alpha-2 country code");
  }

  // ram:ChargeIndicator/udt:Indicator = false() (value 0) or true() (value 1).
  bool indicator(pugi::xml_node ac, int value) const {
    bool found = false;
    for_each_child(x_, ac, Ns::ram, "ChargeIndicator", [&](pugi::xml_node ci) {
      for_each_child(x_, ci, Ns::udt, "Indicator",
                     [&](pugi::xml_node i) { found = found || indicator_value(i) == value; });
    });
    return found;
  }

  const XmlReader& x_;
  Reporter& report_;
  Accepted listed_;
  int header_settlements_ = 0, products_ = 0, ship_to_parties_ = 0, tax_registrations_ = 0;
  std::size_t settlement_contexts_ = 0;
  std::vector<pugi::xml_node> quantities_with_unit_;
  bool line_quantity_unit_ = false;
  int due_date_codes_ = 0;
  std::string first_due_date_code_, second_due_date_code_value_;
  pugi::xml_node second_due_date_code_;
  std::string first_means_code_, first_means_text_;
  bool means_code_seen_ = false, means_text_seen_ = false, sr467_ = false, sr468_ = false, cr470_ = false;
  int payment_references_ = 0;
};

}  // namespace

std::span<const PathRule> cii_path_rules() {
  return path_rules;
}
std::span<const ContextSpec> cii_contexts() {
  return contexts;
}

void check_cii_syntax(const XmlReader& x, pugi::xml_node root, std::string_view bytes,
                      std::string_view source_name, Diagnostics& out) {
  Reporter report(bytes, source_name, out);
  CiiHooks hooks(x, report);
  walk(x, root, ruleset(), hooks, report);
  report.flush();
}

}  // namespace relance::formats::detail
