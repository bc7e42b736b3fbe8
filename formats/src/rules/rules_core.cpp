// EN 16931 business rules BR-01 .. BR-65 (release 1.3.16 of the official artefacts).
//
// The artefacts check the XML, the rules here check the model. A model read from a document
// carries which elements existed (Invoice::facts), so where the artefacts test presence only
// (exists(...)) an empty element counts as present; for a model built in code an empty value is
// taken as absent. Where the UBL and CII artefacts disagree, the one of the source syntax is
// followed; a model built in code (Syntax::unknown) is judged as UBL, whose paths it is given.

#include <string_view>

#include "rule_context.hpp"

namespace relance::formats::rules {
namespace {

constexpr RuleInfo infos[] = {
    {"BR-01", Severity::fatal, "BT-24", "The invoice has a specification identifier.", "EN 16931-1"},
    {"BR-02", Severity::fatal, "BT-1", "The invoice has an invoice number.", "EN 16931-1"},
    {"BR-03", Severity::fatal, "BT-2", "The invoice has an issue date.", "EN 16931-1"},
    {"BR-04", Severity::fatal, "BT-3", "The invoice has an invoice type code.", "EN 16931-1"},
    {"BR-05", Severity::fatal, "BT-5", "The invoice has an invoice currency code.", "EN 16931-1"},
    {"BR-06", Severity::fatal, "BT-27", "The invoice names the seller.", "EN 16931-1"},
    {"BR-07", Severity::fatal, "BT-44", "The invoice names the buyer.", "EN 16931-1"},
    {"BR-08", Severity::fatal, "BG-5", "The invoice gives the seller's postal address.", "EN 16931-1"},
    {"BR-09", Severity::fatal, "BT-40, BG-5", "The seller's postal address has a country code.",
     "EN 16931-1"},
    {"BR-10", Severity::fatal, "BG-8", "The invoice gives the buyer's postal address.", "EN 16931-1"},
    {"BR-11", Severity::fatal, "BT-55, BG-8", "The buyer's postal address has a country code.", "EN 16931-1"},
    {"BR-12", Severity::fatal, "BT-106", "The invoice gives the sum of the invoice line net amounts.",
     "EN 16931-1"},
    {"BR-13", Severity::fatal, "BT-109", "The invoice gives its total amount without VAT.", "EN 16931-1"},
    {"BR-14", Severity::fatal, "BT-112", "The invoice gives its total amount with VAT.", "EN 16931-1"},
    {"BR-15", Severity::fatal, "BT-115", "The invoice gives the amount due for payment.", "EN 16931-1"},
    {"BR-16", Severity::fatal, "BG-25", "The invoice has at least one invoice line.", "EN 16931-1"},
    {"BR-17", Severity::fatal, "BT-59, BG-10",
     "A payee other than the seller is named, and is not the seller under another role.", "EN 16931-1"},
    {"BR-18", Severity::fatal, "BT-62, BG-11", "A seller tax representative is named.", "EN 16931-1"},
    {"BR-19", Severity::fatal, "BG-12, BG-11", "A seller tax representative has a postal address.",
     "EN 16931-1"},
    {"BR-20", Severity::fatal, "BT-69, BG-12", "The tax representative's postal address has a country code.",
     "EN 16931-1"},
    {"BR-21", Severity::fatal, "BT-126, BG-25", "Every invoice line has an identifier.", "EN 16931-1"},
    {"BR-22", Severity::fatal, "BT-129, BG-25", "Every invoice line has an invoiced quantity.", "EN 16931-1"},
    {"BR-23", Severity::fatal, "BT-130, BG-25", "Every invoiced quantity has a unit of measure code.",
     "EN 16931-1"},
    {"BR-24", Severity::fatal, "BT-131, BG-25", "Every invoice line has a net amount.", "EN 16931-1"},
    {"BR-25", Severity::fatal, "BT-153, BG-25", "Every invoice line names its item.", "EN 16931-1"},
    {"BR-26", Severity::fatal, "BT-146, BG-25", "Every invoice line gives the item net price.", "EN 16931-1"},
    {"BR-27", Severity::fatal, "BT-146", "The item net price is given and not negative.", "EN 16931-1"},
    {"BR-28", Severity::fatal, "BT-148", "The item gross price is not negative.", "EN 16931-1"},
    {"BR-29", Severity::fatal, "BT-73, BT-74", "The invoicing period does not end before it starts.",
     "EN 16931-1"},
    {"BR-30", Severity::fatal, "BT-134, BT-135", "An invoice line period does not end before it starts.",
     "EN 16931-1"},
    {"BR-31", Severity::fatal, "BT-92, BG-20", "Every document level allowance has an amount.", "EN 16931-1"},
    {"BR-32", Severity::fatal, "BT-95, BG-20", "Every document level allowance has a VAT category code.",
     "EN 16931-1"},
    {"BR-33", Severity::fatal, "BT-97, BT-98, BG-20",
     "Every document level allowance has a reason, as text or as a code.", "EN 16931-1"},
    {"BR-36", Severity::fatal, "BT-99, BG-21", "Every document level charge has an amount.", "EN 16931-1"},
    {"BR-37", Severity::fatal, "BT-102, BG-21", "Every document level charge has a VAT category code.",
     "EN 16931-1"},
    {"BR-38", Severity::fatal, "BT-104, BT-105, BG-21",
     "Every document level charge has a reason, as text or as a code.", "EN 16931-1"},
    {"BR-41", Severity::fatal, "BT-136, BG-27", "Every invoice line allowance has an amount.", "EN 16931-1"},
    {"BR-42", Severity::fatal, "BT-139, BT-140, BG-27",
     "Every invoice line allowance has a reason, as text or as a code.", "EN 16931-1"},
    {"BR-43", Severity::fatal, "BT-141, BG-28", "Every invoice line charge has an amount.", "EN 16931-1"},
    {"BR-44", Severity::fatal, "BT-144, BT-145, BG-28",
     "Every invoice line charge has a reason, as text or as a code.", "EN 16931-1"},
    {"BR-45", Severity::fatal, "BT-116, BG-23", "Every VAT breakdown has a taxable amount.", "EN 16931-1"},
    {"BR-46", Severity::fatal, "BT-117, BG-23", "Every VAT breakdown has a tax amount.", "EN 16931-1"},
    {"BR-47", Severity::fatal, "BT-118, BG-23", "Every VAT breakdown has a VAT category code.", "EN 16931-1"},
    {"BR-48", Severity::fatal, "BT-119, BG-23",
     "Every VAT breakdown has a rate, unless its category is 'not subject to VAT' (O).", "EN 16931-1"},
    {"BR-49", Severity::fatal, "BT-81, BG-16", "Payment instructions have a payment means type code.",
     "EN 16931-1"},
    {"BR-50", Severity::fatal, "BT-84, BG-17", "Every credit transfer account has an account identifier.",
     "EN 16931-1"},
    {"BR-51", Severity::warning, "BT-87, BG-18",
     "A payment card number shows at most 10 characters (PCI DSS: first 6 and last 4 digits).", "EN 16931-1"},
    {"BR-52", Severity::fatal, "BT-122, BG-24", "Every supporting document has a reference.", "EN 16931-1"},
    {"BR-53", Severity::fatal, "BT-111, BT-6",
     "With a VAT accounting currency, the total VAT in that currency is given.", "EN 16931-1"},
    {"BR-54", Severity::fatal, "BT-160, BT-161, BG-32", "Every item attribute has a name and a value.",
     "EN 16931-1"},
    {"BR-55", Severity::fatal, "BT-25, BG-3", "Every preceding invoice reference gives the invoice number.",
     "EN 16931-1"},
    {"BR-56", Severity::fatal, "BT-63, BG-11", "A seller tax representative has a VAT identifier.",
     "EN 16931-1"},
    {"BR-57", Severity::fatal, "BT-80, BG-15", "A deliver-to address has a country code.", "EN 16931-1"},
    {"BR-61", Severity::fatal, "BT-84, BT-81",
     "Payment by credit transfer (means code 30 or 58) gives the payment account identifier.", "EN 16931-1"},
    {"BR-62", Severity::fatal, "BT-34", "The seller's electronic address has a scheme identifier.",
     "EN 16931-1"},
    {"BR-63", Severity::fatal, "BT-49", "The buyer's electronic address has a scheme identifier.",
     "EN 16931-1"},
    {"BR-64", Severity::fatal, "BT-157", "An item standard identifier has a scheme identifier.",
     "EN 16931-1"},
    {"BR-65", Severity::fatal, "BT-158", "An item classification identifier has a scheme identifier.",
     "EN 16931-1"},
};

std::string quoted(std::string_view s) {
  std::string r;
  r.reserve(s.size() + 2);
  r += '\'';
  r += s;
  r += '\'';
  return r;
}

// XPath string-length(normalize-space(s)): code points, runs of white space counted as one,
// none at either end.
std::size_t normalized_length(std::string_view s) {
  std::size_t n = 0;
  bool pending_space = false;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = n > 0;
      continue;
    }
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte: same code point
    if (pending_space) ++n;
    pending_space = false;
    ++n;
  }
  return n;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\n\r") == std::string_view::npos;
}

// Whether the source document had group BG-n, even empty.
bool saw_group(const Invoice& inv, std::size_t bg) {
  return inv.facts.read_from_source && inv.facts.has_group(bg);
}
bool saw_term(const Invoice& inv, std::size_t bt) {
  return inv.facts.read_from_source && inv.facts.has_term(bt);
}

bool is_credit_transfer(std::string_view means_code) {
  return means_code == "30" || means_code == "58";
}

// Whether the document has a payment means group: the model keeps BG-16 terms that sit outside
// it in CII (remittance information, mandate reference), so those only count in UBL.
bool has_payment_means(const PaymentInstructions& pi, bool cii) {
  if (!pi.means_code.empty() || !pi.means_text.empty() || !pi.credit_transfers.empty() || !pi.card.empty() ||
      !pi.direct_debit.debited_account_id.empty())
    return true;
  return !cii && (!pi.remittance_information.empty() || !pi.direct_debit.mandate_reference.empty());
}

void check_document(RuleContext& ctx, bool cii) {
  const Invoice& inv = ctx.inv;
  const SourcePaths& paths = ctx.paths;
  if (inv.specification_identifier.empty())
    ctx.fail("BR-01", paths.root(), "the invoice has no specification identifier (BT-24)");
  if (inv.number.empty()) ctx.fail("BR-02", paths.root(), "the invoice has no number (BT-1)");
  if (!inv.issue_date && !saw_term(inv, 2))
    ctx.fail("BR-03", paths.root(), "the invoice has no issue date (BT-2)");
  if (inv.type_code.empty()) ctx.fail("BR-04", paths.root(), "the invoice has no type code (BT-3)");
  if (inv.currency.empty()) ctx.fail("BR-05", paths.root(), "the invoice has no currency code (BT-5)");
  if (inv.seller.name.empty()) ctx.fail("BR-06", paths.term("BG-4"), "the seller has no name (BT-27)");
  if (inv.buyer.name.empty()) ctx.fail("BR-07", paths.term("BG-7"), "the buyer has no name (BT-44)");

  // In UBL the country code rules apply within an address; in CII they apply to the invoice,
  // so there a missing address also lacks its country code.
  const Address& seller_address = inv.seller.postal_address;
  const bool seller_address_given = !seller_address.empty() || saw_group(inv, 5);
  if (!seller_address_given) ctx.fail("BR-08", paths.term("BG-4"), "the seller has no postal address (BG-5)");
  if (seller_address.country_code.empty() && (cii || seller_address_given))
    ctx.fail("BR-09", paths.term("BG-5"), "the seller's postal address has no country code (BT-40)");
  const Address& buyer_address = inv.buyer.postal_address;
  const bool buyer_address_given = !buyer_address.empty() || saw_group(inv, 8);
  if (!buyer_address_given) ctx.fail("BR-10", paths.term("BG-7"), "the buyer has no postal address (BG-8)");
  if (buyer_address.country_code.empty() && (cii || buyer_address_given))
    ctx.fail("BR-11", paths.term("BG-8"), "the buyer's postal address has no country code (BT-55)");

  // BG-22 is mandatory, so these fire also when the whole group is missing (which the model
  // cannot tell from an empty group).
  const DocumentTotals& t = inv.totals;
  if (!t.sum_of_line_net_amounts)
    ctx.fail("BR-12", paths.term("BG-22"), "the sum of invoice line net amounts (BT-106) is missing");
  if (!t.total_without_vat)
    ctx.fail("BR-13", paths.term("BG-22"), "the invoice total amount without VAT (BT-109) is missing");
  if (!t.total_with_vat)
    ctx.fail("BR-14", paths.term("BG-22"), "the invoice total amount with VAT (BT-112) is missing");
  if (!t.payable_amount)
    ctx.fail("BR-15", paths.term("BG-22"), "the amount due for payment (BT-115) is missing");
  if (inv.lines.empty()) ctx.fail("BR-16", paths.root(), "the invoice has no invoice line (BG-25)");
}

void check_parties(RuleContext& ctx, bool cii) {
  const Invoice& inv = ctx.inv;
  const SourcePaths& paths = ctx.paths;

  // BR-17: UBL compares the payee name with the seller's trading name (cac:PartyName), CII
  // with the seller's name; CII also compares the legal registration identifiers.
  if (const Payee& payee = inv.payee; !payee.empty() || saw_group(inv, 10)) {
    const Seller& seller = inv.seller;
    if (payee.name.empty() && !saw_term(inv, 59)) {
      ctx.fail("BR-17", paths.term("BG-10"), "the payee (BG-10) has no name (BT-59)");
    } else if (const std::string& seller_name = cii ? seller.name : seller.trading_name;
               !seller_name.empty() && payee.name == seller_name) {
      ctx.fail("BR-17", paths.term("BT-59"),
               "the payee name " + quoted(payee.name) +
                   " is the seller's, and a payee is given only when it is not the seller");
    } else {
      bool same_id = false;
      if (!payee.identifier.empty())
        for (const Identifier& id : seller.identifiers)
          same_id = same_id || id.value == payee.identifier.value;
      const bool same_legal_id = cii && !payee.legal_registration_id.empty() &&
                                 payee.legal_registration_id.value == seller.legal_registration_id.value;
      if (same_id || same_legal_id)
        ctx.fail("BR-17", paths.term("BG-10"),
                 "the payee identifier " +
                     quoted(same_id ? payee.identifier.value : payee.legal_registration_id.value) +
                     " is the seller's, and a payee is given only when it is not the seller");
    }
  }

  if (const TaxRepresentative& rep = inv.tax_representative; !rep.empty() || saw_group(inv, 11)) {
    if (rep.name.empty())
      ctx.fail("BR-18", paths.term("BG-11"), "the seller tax representative (BG-11) has no name (BT-62)");
    const bool address_given = !rep.postal_address.empty() || saw_group(inv, 12);
    if (!address_given)
      ctx.fail("BR-19", paths.term("BG-11"),
               "the seller tax representative (BG-11) has no postal address (BG-12)");
    if (rep.postal_address.country_code.empty() && (cii || address_given))
      ctx.fail("BR-20", paths.term("BG-12"),
               "the tax representative's postal address has no country code (BT-69)");
    // UBL asks only for the VAT CompanyID element, CII for a non-blank one.
    if (rep.vat_id.empty() && (cii || !saw_term(inv, 63)))
      ctx.fail("BR-56", paths.term("BG-11"),
               "the seller tax representative (BG-11) has no VAT identifier (BT-63)");
  }

  // UBL asks only for the country code element, CII for a non-blank one.
  if (const Address& a = inv.delivery.deliver_to;
      (!a.empty() || saw_group(inv, 15)) && a.country_code.empty() && (cii || !saw_term(inv, 80)))
    ctx.fail("BR-57", paths.term("BG-15"), "the deliver-to address (BG-15) has no country code (BT-80)");

  if (const Identifier& e = inv.seller.electronic_address; !e.empty() && e.scheme.empty())
    ctx.fail("BR-62", paths.term("BT-34"),
             "the seller's electronic address " + quoted(e.value) + " has no scheme");
  if (const Identifier& e = inv.buyer.electronic_address; !e.empty() && e.scheme.empty())
    ctx.fail("BR-63", paths.term("BT-49"),
             "the buyer's electronic address " + quoted(e.value) + " has no scheme");
}

void check_payment(RuleContext& ctx, bool cii) {
  const Invoice& inv = ctx.inv;
  const SourcePaths& paths = ctx.paths;
  const PaymentInstructions& pi = inv.payment_instructions;

  // UBL's cbc:PaymentMeansCode carries BT-82 as its name attribute: with a text, the element exists.
  // Read from a document, BR-49 needs the code element in each payment means, empty or not.
  const bool means_without_code =
      inv.facts.read_from_source
          ? inv.facts.has_group(16) && !inv.facts.has_term(81)
          : pi.means_code.empty() && (cii || pi.means_text.empty()) && has_payment_means(pi, cii);
  if (means_without_code)
    ctx.fail("BR-49", paths.term("BG-16"),
             "the payment instructions (BG-16) have no payment means code (BT-81)");

  // Each UBL cac:PaymentMeans and each CII payment means holds at most one account, so an
  // account without identifier is a payment means without one. UBL also fails a credit transfer
  // with no account at all; the model cannot tell an empty identifier from a missing one.
  if (is_credit_transfer(pi.means_code)) {
    for (std::size_t i = 0; i < pi.credit_transfers.size(); ++i) {
      if (!pi.credit_transfers[i].account_id.empty()) continue;
      ctx.fail("BR-50", paths.term("BG-17"),
               "credit transfer account " + std::to_string(i + 1) + " (BG-17) has no identifier (BT-84)");
      ctx.fail("BR-61", paths.term("BG-17"),
               "payment means code " + quoted(pi.means_code) + " is a credit transfer, but account " +
                   std::to_string(i + 1) + " has no identifier (BT-84)");
    }
    if (!cii && pi.credit_transfers.empty())
      ctx.fail("BR-61", paths.term("BT-81"),
               "payment means code " + quoted(pi.means_code) +
                   " is a credit transfer, but no payment account (BG-17) is given");
  }

  if (normalized_length(pi.card.primary_account_number) > 10)
    ctx.fail("BR-51", paths.term("BG-18"),
             "the payment card number (BT-87) shows " +
                 std::to_string(normalized_length(pi.card.primary_account_number)) +
                 " characters, more than the 10 (first 6 and last 4 digits) card security standards allow");

  if (!inv.tax_currency.empty()) {
    // CII wants BT-111 in a currency other than BT-5; UBL accepts the BT-110 amount when both
    // currencies are the same.
    const bool given = inv.totals.total_vat_in_tax_currency.has_value() ||
                       (!cii && inv.tax_currency == inv.currency && inv.totals.total_vat.has_value());
    if (!given)
      ctx.fail("BR-53", paths.term("BT-6"),
               "the VAT accounting currency is " + quoted(inv.tax_currency) +
                   ", but the total VAT amount in that currency (BT-111) is missing");
  }
}

void check_references(RuleContext& ctx) {
  const Invoice& inv = ctx.inv;
  for (std::size_t i = 0; i < inv.supporting_documents.size(); ++i)
    if (inv.supporting_documents[i].reference.empty())
      ctx.fail("BR-52", ctx.paths.term("BG-24"),
               "supporting document " + std::to_string(i + 1) + " (BG-24) has no reference (BT-122)");
  for (std::size_t i = 0; i < inv.preceding_invoices.size(); ++i)
    if (inv.preceding_invoices[i].reference.empty())
      ctx.fail(
          "BR-55", ctx.paths.term("BG-3"),
          "preceding invoice reference " + std::to_string(i + 1) + " (BG-3) has no invoice number (BT-25)");
}

void check_period(RuleContext& ctx) {
  const Period& p = ctx.inv.invoicing_period;
  if (p.start && p.end && *p.end < *p.start)
    ctx.fail(
        "BR-29", ctx.paths.term("BG-14"),
        "the invoicing period ends on " + p.end->to_iso() + ", before it starts on " + p.start->to_iso());
}

void check_document_allowances(RuleContext& ctx, bool charge) {
  const auto& list = charge ? ctx.inv.charges : ctx.inv.allowances;
  const char* what = charge ? "document level charge" : "document level allowance";
  for (std::size_t i = 0; i < list.size(); ++i) {
    const DocumentAllowanceCharge& ac = list[i];
    if (!ac.amount)
      ctx.fail(charge ? "BR-36" : "BR-31", ctx.paths.allowance_charge(charge, i),
               std::string(what) + " " + std::to_string(i + 1) + " has no amount (" +
                   (charge ? "BT-99" : "BT-92") + ")");
    if (ac.vat_category_code.empty())
      ctx.fail(charge ? "BR-37" : "BR-32", ctx.paths.allowance_charge(charge, i),
               std::string(what) + " " + std::to_string(i + 1) + " has no VAT category code (" +
                   (charge ? "BT-102" : "BT-95") + ")");
    if (ac.reason.empty() && ac.reason_code.empty())
      ctx.fail(charge ? "BR-38" : "BR-33", ctx.paths.allowance_charge(charge, i),
               std::string(what) + " " + std::to_string(i + 1) + " has neither a reason (" +
                   (charge ? "BT-104" : "BT-97") + ") nor a reason code (" + (charge ? "BT-105" : "BT-98") +
                   ")");
  }
}

void check_line_allowances(RuleContext& ctx, std::size_t line, bool charge) {
  const InvoiceLine& l = ctx.inv.lines[line];
  const auto& list = charge ? l.charges : l.allowances;
  const char* what = charge ? " charge " : " allowance ";
  for (std::size_t i = 0; i < list.size(); ++i) {
    const LineAllowanceCharge& ac = list[i];
    if (!ac.amount)
      ctx.fail(charge ? "BR-43" : "BR-41", ctx.paths.line_allowance_charge(line, charge, i),
               "invoice line " + quoted(l.id) + what + std::to_string(i + 1) + " has no amount (" +
                   (charge ? "BT-141" : "BT-136") + ")");
    if (ac.reason.empty() && ac.reason_code.empty())
      ctx.fail(charge ? "BR-44" : "BR-42", ctx.paths.line_allowance_charge(line, charge, i),
               "invoice line " + quoted(l.id) + what + std::to_string(i + 1) + " has neither a reason (" +
                   (charge ? "BT-144" : "BT-139") + ") nor a reason code (" + (charge ? "BT-145" : "BT-140") +
                   ")");
  }
}

void check_lines(RuleContext& ctx, bool cii) {
  const Invoice& inv = ctx.inv;
  const SourcePaths& paths = ctx.paths;
  for (std::size_t i = 0; i < inv.lines.size(); ++i) {
    const InvoiceLine& l = inv.lines[i];
    const std::string_view id = l.id;
    if (id.empty())
      ctx.fail("BR-21", paths.line(i),
               "invoice line " + std::to_string(i + 1) + " has no identifier (BT-126)");
    if (!l.quantity)
      ctx.fail("BR-22", paths.line(i), "invoice line " + quoted(id) + " has no quantity (BT-129)");
    if (l.unit_code.empty())
      ctx.fail("BR-23", paths.line(i, "BT-129"),
               "invoice line " + quoted(id) + " has no unit of measure for its quantity (BT-130)");
    if (!l.net_amount)
      ctx.fail("BR-24", paths.line(i), "invoice line " + quoted(id) + " has no net amount (BT-131)");
    if (l.item.name.empty())
      ctx.fail("BR-25", paths.line(i, "BG-31"), "invoice line " + quoted(id) + " has no item name (BT-153)");
    if (!l.price.net_price)
      ctx.fail("BR-26", paths.line(i, "BG-29"),
               "invoice line " + quoted(id) + " has no item net price (BT-146)");
    // The artefacts compare the price with zero, which fails as well when there is no price.
    if (!l.price.net_price || l.price.net_price->sign() < 0)
      ctx.fail("BR-27", paths.line(i, l.price.net_price ? "BT-146" : "BG-29"),
               l.price.net_price
                   ? "invoice line " + quoted(id) + " has a negative item net price " +
                         quoted(l.price.net_price->to_string()) + " (BT-146)"
                   : "invoice line " + quoted(id) + " has no item net price (BT-146) to be checked");
    if (l.price.gross_price && l.price.gross_price->sign() < 0)
      ctx.fail("BR-28", paths.line(i, "BT-148"),
               "invoice line " + quoted(id) + " has a negative item gross price " +
                   quoted(l.price.gross_price->to_string()) + " (BT-148)");
    if (l.period.start && l.period.end && *l.period.end < *l.period.start)
      ctx.fail("BR-30", paths.line(i, "BG-26"),
               "the period of invoice line " + quoted(id) + " ends on " + l.period.end->to_iso() +
                   ", before it starts on " + l.period.start->to_iso());
    if (!l.allowances.empty()) check_line_allowances(ctx, i, false);
    if (!l.charges.empty()) check_line_allowances(ctx, i, true);
    for (std::size_t k = 0; k < l.item.attributes.size(); ++k) {
      const ItemAttribute& a = l.item.attributes[k];
      if (a.name.empty() || a.value.empty())
        ctx.fail("BR-54", paths.line(i, "BG-31"),
                 "item attribute " + std::to_string(k + 1) + " of invoice line " + quoted(id) + " has no " +
                     (a.name.empty() ? "name (BT-160)" : "value (BT-161)"));
    }
    if (const Identifier& s = l.item.standard_id; !s.empty() && s.scheme.empty())
      ctx.fail("BR-64", paths.line(i, "BT-157"),
               "the item standard identifier " + quoted(s.value) + " of invoice line " + quoted(id) +
                   " has no scheme");
    // A CII classification without a code has nothing to qualify; its scheme attribute is read
    // untrimmed there.
    for (const ItemClassification& c : l.item.classifications)
      if (is_blank(c.scheme) && (!cii || !c.code.empty()))
        ctx.fail("BR-65", paths.line(i, "BT-158"),
                 "the item classification " + quoted(c.code) + " of invoice line " + quoted(id) +
                     " has no scheme");
  }
}

void check_vat_breakdown(RuleContext& ctx, bool cii) {
  const auto& list = ctx.inv.vat_breakdown;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const VatBreakdown& v = list[i];
    // In the CII artefact the rules of categories L, M and O match the breakdown element itself
    // and, having a higher priority, take it from the general breakdown rule.
    if (cii && (v.category_code == "L" || v.category_code == "M" || v.category_code == "O")) continue;
    if (!v.taxable_amount)
      ctx.fail("BR-45", ctx.paths.vat_breakdown(i),
               "VAT breakdown " + std::to_string(i + 1) + " has no taxable amount (BT-116)");
    if (!v.tax_amount)
      ctx.fail("BR-46", ctx.paths.vat_breakdown(i),
               "VAT breakdown " + std::to_string(i + 1) + " has no tax amount (BT-117)");
    if (v.category_code.empty())
      ctx.fail("BR-47", ctx.paths.vat_breakdown(i),
               "VAT breakdown " + std::to_string(i + 1) + " has no VAT category code (BT-118)");
    if (!v.rate && v.category_code != "O")
      ctx.fail("BR-48", ctx.paths.vat_breakdown(i),
               "VAT breakdown " + std::to_string(i + 1) + " of category " + quoted(v.category_code) +
                   " has no rate (BT-119)");
  }
}

}  // namespace

std::span<const RuleInfo> core_rules() {
  return infos;
}

void check_core(RuleContext& ctx) {
  const bool cii = ctx.inv.source_syntax == Syntax::cii;
  check_document(ctx, cii);
  check_parties(ctx, cii);
  check_payment(ctx, cii);
  check_references(ctx);
  check_period(ctx);
  check_document_allowances(ctx, false);
  check_document_allowances(ctx, true);
  check_lines(ctx, cii);
  check_vat_breakdown(ctx, cii);
}

}  // namespace relance::formats::rules
