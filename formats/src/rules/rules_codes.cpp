// Code list rules BR-CL-* (release 1.3.16 of the official artefacts), with the artefacts' own
// lists (code_lists.hpp).
//
// For a document read from CII or UBL the readers judge these rules on the XML itself
// (ubl_syntax_rules.cpp, cii_syntax_rules.cpp): the verdict depends on what the model drops
// (the scheme of an identifier without a value, the second payment means code, codes in places
// the model has no room for, the currency of each amount) and the artefacts apply them per
// syntax, each with its own context and list. Judging a read document here as well would report
// every bad code twice, so check_codes() covers the invoices that were not read from XML (built
// in code, or loaded from JSON), with the union of the syntaxes' lists where they differ.

#include "code_lists.hpp"
#include "rule_context.hpp"

namespace relance::formats::rules {
namespace {

using codes::CodeList;

constexpr RuleInfo infos[] = {
    {"BR-CL-01", Severity::fatal, "BT-3",
     "The invoice type code is an invoice or credit note code of UNTDID 1001.", "EN 16931-1, UNTDID 1001"},
    {"BR-CL-03", Severity::fatal, "BT-5", "Every amount's currency identifier is an ISO 4217 alpha-3 code.",
     "EN 16931-1, ISO 4217"},
    {"BR-CL-04", Severity::fatal, "BT-5", "The invoice currency code is an ISO 4217 alpha-3 code.",
     "EN 16931-1, ISO 4217"},
    {"BR-CL-05", Severity::fatal, "BT-6", "The VAT accounting currency code is an ISO 4217 alpha-3 code.",
     "EN 16931-1, ISO 4217"},
    {"BR-CL-06", Severity::fatal, "BT-8",
     "The value added tax point date code is 3, 35 or 432 (UNTDID 2005; 5, 29 or 72 of UNTDID 2475 in CII).",
     "EN 16931-1, UNTDID 2005"},
    {"BR-CL-07", Severity::fatal, "BT-18, BT-128", "An object identifier's scheme is a UNTDID 1153 code.",
     "EN 16931-1, UNTDID 1153"},
    {"BR-CL-08", Severity::fatal, "BT-21", "An invoice note subject code is a UNTDID 4451 code.",
     "EN 16931-1, UNTDID 4451"},
    {"BR-CL-10", Severity::fatal, "BT-29, BT-46, BT-60",
     "A party identifier's scheme is an ISO 6523 ICD code (SEPA for the seller's and the payee's creditor "
     "reference).",
     "EN 16931-1, ISO 6523"},
    {"BR-CL-11", Severity::fatal, "BT-30, BT-47, BT-61",
     "A legal registration identifier's scheme is an ISO 6523 ICD code.", "EN 16931-1, ISO 6523"},
    {"BR-CL-13", Severity::fatal, "BT-158",
     "An item classification identifier's scheme is a UNTDID 7143 code.", "EN 16931-1, UNTDID 7143"},
    {"BR-CL-14", Severity::fatal, "BT-40, BT-55, BT-69, BT-80",
     "An address country code is an ISO 3166-1 alpha-2 code.", "EN 16931-1, ISO 3166-1"},
    {"BR-CL-15", Severity::fatal, "BT-159", "The item country of origin is an ISO 3166-1 alpha-2 code.",
     "EN 16931-1, ISO 3166-1"},
    {"BR-CL-16", Severity::fatal, "BT-81", "The payment means type code is a UNTDID 4461 code.",
     "EN 16931-1, UNTDID 4461"},
    {"BR-CL-17", Severity::fatal, "BT-118, BT-95, BT-102",
     "A VAT category code of the VAT breakdown or of a document allowance or charge is one of the UNTDID "
     "5305 "
     "subset (S, Z, E, AE, K, G, O, L, M, B).",
     "EN 16931-1, UNTDID 5305"},
    {"BR-CL-18", Severity::fatal, "BT-151",
     "An invoiced item VAT category code is one of the UNTDID 5305 subset.", "EN 16931-1, UNTDID 5305"},
    {"BR-CL-19", Severity::fatal, "BT-98, BT-140",
     "An allowance reason code is one of the UNTDID 5189 subset.", "EN 16931-1, UNTDID 5189"},
    {"BR-CL-20", Severity::fatal, "BT-105, BT-145", "A charge reason code is a UNTDID 7161 code.",
     "EN 16931-1, UNTDID 7161"},
    {"BR-CL-21", Severity::fatal, "BT-157", "An item standard identifier's scheme is an ISO 6523 ICD code.",
     "EN 16931-1, ISO 6523"},
    {"BR-CL-22", Severity::fatal, "BT-121", "A VAT exemption reason code is a CEF VATEX code.",
     "EN 16931-1, CEF VATEX"},
    {"BR-CL-23", Severity::fatal, "BT-130, BT-150",
     "A unit of measure code is a UN/ECE Recommendation 20 code (with the Recommendation 21 extension).",
     "EN 16931-1, UN/ECE Rec 20 and 21"},
    {"BR-CL-24", Severity::fatal, "BT-125",
     "An attached document's MIME code is application/pdf, image/png, image/jpeg, text/csv, or an OOXML or "
     "OpenDocument spreadsheet.",
     "EN 16931-1, IANA MIME media types"},
    {"BR-CL-25", Severity::fatal, "BT-34, BT-49", "An electronic address scheme is a CEF EAS code.",
     "EN 16931-1, CEF EAS"},
    {"BR-CL-26", Severity::fatal, "BT-71",
     "A deliver-to location identifier's scheme is an ISO 6523 ICD code.", "EN 16931-1, ISO 6523"},
};

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

class CodeChecks {
 public:
  explicit CodeChecks(RuleContext& ctx) : ctx_(ctx), syntax_(ctx.inv.source_syntax) {}

  void run() {
    const Invoice& inv = ctx_.inv;
    const SourcePaths& p = ctx_.paths;
    if (!inv.type_code.empty() && !codes::listed(CodeList::invoice_type, inv.type_code) &&
        !codes::listed(CodeList::credit_note_type, inv.type_code))
      ctx_.fail("BR-CL-01", p.term("BT-3"),
                quoted(inv.type_code) + " is not a UNTDID 1001 invoice or credit note type");
    code("BR-CL-04", p.term("BT-5"), inv.currency, CodeList::currency, "an ISO 4217 currency code");
    code("BR-CL-05", p.term("BT-6"), inv.tax_currency, CodeList::currency, "an ISO 4217 currency code");
    code("BR-CL-06", p.term("BT-8"), inv.tax_point_date_code, CodeList::vat_date_code,
         "a VAT point date code (3, 35 or 432)");
    scheme("BR-CL-07", "BT-18", inv.invoiced_object_identifier.scheme, CodeList::object_scheme,
           "UNTDID 1153");
    for (const Note& n : inv.notes)
      if (!n.subject_code.empty() && !codes::listed_note_subject(n.subject_code, syntax_))
        ctx_.fail("BR-CL-08", p.term("BG-1"),
                  quoted(n.subject_code) + " is not a UNTDID 4451 note subject code");
    parties();
    payment_and_taxes();
    for (std::size_t i = 0; i < inv.lines.size(); ++i) line(i, inv.lines[i]);
    for (const SupportingDocument& d : inv.supporting_documents)
      if (!d.attachment.mime_code.empty() && !codes::listed_mime(d.attachment.mime_code))
        ctx_.fail("BR-CL-24", p.term("BG-24"),
                  "mimeCode " + quoted(d.attachment.mime_code) + " is not an accepted MIME type");
  }

 private:
  // Only builds strings for codes that fail.
  void code(std::string_view rule, std::string path, const std::string& value, CodeList list,
            std::string_view what) {
    if (!value.empty() && !codes::listed(list, value))
      ctx_.fail(rule, std::move(path), quoted(value) + " is not " + std::string(what));
  }
  void scheme(std::string_view rule, std::string_view term, const std::string& scheme, CodeList list,
              std::string_view list_name) {
    if (!scheme.empty() && !codes::listed(list, scheme))
      ctx_.fail(rule, ctx_.paths.term(term),
                "scheme " + quoted(scheme) + " of " + std::string(term) + " is not an " +
                    std::string(list_name) + " code");
  }
  void country(std::string_view term, const Address& a) {
    if (!a.country_code.empty() && !codes::listed_country(a.country_code, syntax_))
      ctx_.fail("BR-CL-14", ctx_.paths.term(term),
                quoted(a.country_code) + " is not an ISO 3166-1 alpha-2 country code");
  }
  // SEPA is the scheme of the bank assigned creditor reference (BT-90), which UBL carries as a
  // seller or payee party identifier.
  void party_identifier(std::string_view term, const Identifier& id, bool sepa_allowed) {
    if (id.scheme.empty() || codes::listed(CodeList::icd_scheme, id.scheme)) return;
    if (sepa_allowed && id.scheme == "SEPA") return;
    ctx_.fail("BR-CL-10", ctx_.paths.term(term),
              "scheme " + quoted(id.scheme) + " of " + std::string(term) + " is not an ISO 6523 ICD code");
  }

  void parties() {
    const Invoice& inv = ctx_.inv;
    for (const Identifier& id : inv.seller.identifiers) party_identifier("BT-29", id, true);
    party_identifier("BT-46", inv.buyer.identifier, false);
    party_identifier("BG-10", inv.payee.identifier, true);
    scheme("BR-CL-11", "BT-30", inv.seller.legal_registration_id.scheme, CodeList::icd_scheme,
           "ISO 6523 ICD");
    scheme("BR-CL-11", "BT-47", inv.buyer.legal_registration_id.scheme, CodeList::icd_scheme, "ISO 6523 ICD");
    scheme("BR-CL-11", "BG-10", inv.payee.legal_registration_id.scheme, CodeList::icd_scheme, "ISO 6523 ICD");
    country("BT-40", inv.seller.postal_address);
    country("BT-55", inv.buyer.postal_address);
    country("BG-12", inv.tax_representative.postal_address);
    country("BT-80", inv.delivery.deliver_to);
    scheme("BR-CL-25", "BT-34", inv.seller.electronic_address.scheme, CodeList::eas_scheme, "EAS");
    scheme("BR-CL-25", "BT-49", inv.buyer.electronic_address.scheme, CodeList::eas_scheme, "EAS");
    scheme("BR-CL-26", "BT-71", inv.delivery.location_id.scheme, CodeList::icd_scheme, "ISO 6523 ICD");
  }

  void payment_and_taxes() {
    const Invoice& inv = ctx_.inv;
    const SourcePaths& p = ctx_.paths;
    code("BR-CL-16", p.term("BT-81"), inv.payment_instructions.means_code, CodeList::payment_means,
         "a UNTDID 4461 payment means code");
    for (std::size_t i = 0; i < inv.vat_breakdown.size(); ++i) {
      const VatBreakdown& v = inv.vat_breakdown[i];
      if (!v.category_code.empty() && !codes::listed(CodeList::vat_category, v.category_code))
        ctx_.fail("BR-CL-17", p.vat_breakdown(i, "BT-118"),
                  quoted(v.category_code) + " is not a UNTDID 5305 VAT category code");
      if (!v.exemption_reason_code.empty() && !codes::listed_vatex(v.exemption_reason_code))
        ctx_.fail("BR-CL-22", p.vat_breakdown(i, "BT-121"),
                  quoted(v.exemption_reason_code) + " is not a VATEX code");
    }
    for (const bool charge : {false, true}) {
      const auto& list = charge ? inv.charges : inv.allowances;
      for (std::size_t i = 0; i < list.size(); ++i) {
        const DocumentAllowanceCharge& ac = list[i];
        if (!ac.vat_category_code.empty() && !codes::listed(CodeList::vat_category, ac.vat_category_code))
          ctx_.fail("BR-CL-17", p.allowance_charge(charge, i, charge ? "BT-102" : "BT-95"),
                    quoted(ac.vat_category_code) + " is not a UNTDID 5305 VAT category code");
        reason(charge, ac.reason_code,
               [&] { return p.allowance_charge(charge, i, charge ? "BT-105" : "BT-98"); });
      }
    }
  }

  template <class Path>
  void reason(bool charge, const std::string& code, Path path) {
    if (code.empty() || codes::listed(charge ? CodeList::charge_reason : CodeList::allowance_reason, code))
      return;
    ctx_.fail(charge ? "BR-CL-20" : "BR-CL-19", path(),
              quoted(code) + (charge ? " is not a UNTDID 7161 charge reason code"
                                     : " is not a UNTDID 5189 allowance reason code"));
  }

  void line(std::size_t i, const InvoiceLine& l) {
    const SourcePaths& p = ctx_.paths;
    if (!l.object_identifier.scheme.empty() &&
        !codes::listed(CodeList::object_scheme, l.object_identifier.scheme))
      ctx_.fail("BR-CL-07", p.line(i, "BT-128"),
                "scheme " + quoted(l.object_identifier.scheme) + " of BT-128 is not a UNTDID 1153 code");
    for (const ItemClassification& c : l.item.classifications)
      if (!c.scheme.empty() && !codes::listed(CodeList::item_classification_scheme, c.scheme))
        ctx_.fail("BR-CL-13", p.line(i, "BT-158"),
                  "scheme " + quoted(c.scheme) + " is not a UNTDID 7143 code");
    if (!l.item.origin_country.empty() && !codes::listed_country(l.item.origin_country, syntax_))
      ctx_.fail("BR-CL-15", p.line(i, "BT-159"),
                quoted(l.item.origin_country) + " is not an ISO 3166-1 alpha-2 country code");
    if (!l.vat_category_code.empty() && !codes::listed(CodeList::vat_category, l.vat_category_code))
      ctx_.fail("BR-CL-18", p.line(i, "BT-151"),
                quoted(l.vat_category_code) + " is not a UNTDID 5305 VAT category code");
    for (std::size_t j = 0; j < l.allowances.size(); ++j)
      reason(false, l.allowances[j].reason_code,
             [&] { return p.line_allowance_charge(i, false, j, "BT-140"); });
    for (std::size_t j = 0; j < l.charges.size(); ++j)
      reason(true, l.charges[j].reason_code, [&] { return p.line_allowance_charge(i, true, j, "BT-145"); });
    if (!l.item.standard_id.scheme.empty() && !codes::listed(CodeList::icd_scheme, l.item.standard_id.scheme))
      ctx_.fail("BR-CL-21", p.line(i, "BT-157"),
                "scheme " + quoted(l.item.standard_id.scheme) + " of BT-157 is not an ISO 6523 ICD code");
    if (!l.unit_code.empty() && !codes::listed(CodeList::unit, l.unit_code))
      ctx_.fail("BR-CL-23", p.line(i, "BT-130"),
                quoted(l.unit_code) + " is not a UN/ECE Recommendation 20 unit code");
    if (!l.price.base_quantity_unit_code.empty() &&
        !codes::listed(CodeList::unit, l.price.base_quantity_unit_code))
      ctx_.fail("BR-CL-23", p.line(i, "BT-149"),
                quoted(l.price.base_quantity_unit_code) + " is not a UN/ECE Recommendation 20 unit code");
  }

  RuleContext& ctx_;
  Syntax syntax_;
};

}  // namespace

std::span<const RuleInfo> code_rules() {
  return infos;
}

void check_codes(RuleContext& ctx) {
  // BR-CL-03 (the currency of each amount) has nothing to judge here: the model keeps no
  // currency per amount.
  if (ctx.inv.source_syntax != Syntax::unknown) return;  // the reader has judged the XML
  CodeChecks(ctx).run();
}

}  // namespace relance::formats::rules
