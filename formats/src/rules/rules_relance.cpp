// relance's own RL-* rules: what the official artefacts leave out and accounts receivable needs
// (addresses that route the invoice, due dates within the law and agreeing with the terms, the
// French legal mentions, identifier check keys) plus the registry entries of the Factur-X checks,
// which ingest.cpp runs on the PDF.
//
// The model has no consumer flag: a buyer counts as professional when it has a VAT identifier, a
// legal registration identifier or an identifier. A seller counts as French when its address is in
// France or its VAT identifier starts with FR.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "identifiers.hpp"
#include "payment_terms.hpp"
#include "postal_codes.hpp"
#include "rule_context.hpp"

namespace relance::formats::rules {
namespace {

constexpr RuleInfo infos[] = {
    {"RL-ADDR-001", Severity::warning, "BG-8, BT-50, BT-52, BT-53, BT-55",
     "The buyer's billing address is complete: address line, city, postal code (where the country has "
     "them) and country.",
     "Code de commerce L441-9 I; Directive 2006/112/EC art. 226 (5)"},
    {"RL-ADDR-002", Severity::warning, "BG-15, BT-75, BT-77, BT-78, BT-80",
     "A deliver-to address is complete: address line, city, postal code (where the country has them) and "
     "country.",
     "Code de commerce L441-9 I; CGI 242 nonies A (décret 2022-1299)"},
    {"RL-ADDR-003", Severity::warning, "BT-38, BT-53, BT-67, BT-78",
     "A postal code has the shape of its country's codes (FR, DE, BE, NL, LU, ES, IT, AT, CH, GB, US and "
     "other European countries).",
     "national postal operators' formats (UPU addressing S42)"},
    {"RL-ADDR-004", Severity::warning, "BT-10, BT-13, BG-15",
     "When the goods go to another address than the billing one, the invoice carries a buyer reference "
     "(BT-10) or a purchase order reference (BT-13) that routes it to the paying desk.",
     "Code de commerce L441-9 I (purchase order number); accounts payable practice"},
    {"RL-ADDR-005", Severity::warning, "BT-80, BT-55, BT-118",
     "The destination agrees with the VAT category: an intra-community supply (K) goes to another EU member "
     "state than the seller's, an export (G) to a deliver-to address outside the EU.",
     "Directive 2006/112/EC art. 138 and 146; CGI 262 ter I and 262 I"},
    {"RL-DUE-001", Severity::warning, "BT-9, BT-20, BT-115",
     "An invoice with an amount due (BT-115 > 0) gives a due date or payment terms (the former BR-CO-25, "
     "dropped in release 1.3.16 of the official artefacts).",
     "EN 16931-1 BR-CO-25 (up to 1.3.15); Code de commerce L441-9 I"},
    {"RL-DUE-002", Severity::warning, "BT-9, BT-2", "The due date is not before the issue date.",
     "EN 16931-1 (semantics of BT-9)"},
    {"RL-DUE-003", Severity::warning, "BT-9, BT-2, BT-20",
     "The due date is within the legal maximum for the seller's country: in France 60 days after the issue "
     "date, or 45 days end of month when the terms say so (configurable, as is a regulated sector's "
     "shorter term); elsewhere in the EU 60 days.",
     "Code de commerce L441-10 I and L441-11; Directive 2011/7/EU art. 3 (5)"},
    {"RL-DUE-004", Severity::warning, "BT-9, BT-20",
     "The due date is the one the payment terms state (\"30 jours fin de mois\", \"à 45 jours\", \"net "
     "30\", \"30 Tage netto\"), counted from the issue date.",
     "Code de commerce L441-9 I (due date and terms on the invoice)"},
    {"RL-DUE-005", Severity::warning, "BT-2, BT-72, BT-74",
     "The invoice is issued within the configured number of days (default 7) after the delivery (BT-72) "
     "or the end of the invoicing period (BT-74).",
     "CGI 289 I 3; Directive 2006/112/EC art. 222"},
    {"RL-DUE-006", Severity::info, "BT-9, BT-115",
     "With an as-of date, an invoice with an amount due whose due date has passed is reported.",
     "Code de commerce L441-10 II (penalties due from the day after the due date)"},
    {"RL-FR-001", Severity::warning, "BT-20, BG-1",
     "A French seller's invoice to a professional buyer (one with a VAT, legal or other identifier; the "
     "model has no consumer flag) states the late-payment penalty rate in its terms or notes.",
     "Code de commerce L441-9 I and L441-10 II"},
    {"RL-FR-002", Severity::warning, "BT-20, BG-1",
     "A French seller's invoice to a professional buyer (one with a VAT, legal or other identifier; the "
     "model has no consumer flag) states the fixed recovery indemnity of EUR 40 written out, not only a "
     "reference to D441-5.",
     "Code de commerce L441-9 I, L441-10 II and D441-5"},
    {"RL-FR-003", Severity::warning, "BT-47, BT-46",
     "From the reform date, a French seller's invoice to a French professional buyer gives the buyer's "
     "SIREN.",
     "CGI 242 nonies A (décret 2022-1299 art. 2); décret 2024-266"},
    {"RL-FR-004", Severity::warning, "BG-15, BT-70, BT-71",
     "From the reform date, a French seller's invoice that names a deliver-to party or location gives the "
     "delivery address.",
     "CGI 242 nonies A (décret 2022-1299 art. 2); décret 2024-266"},
    {"RL-FR-005", Severity::warning, "BT-23, BG-1",
     "From the reform date, a French seller's invoice states the category of the operation (goods, "
     "services or both), in a French business process code (BT-23 B*, S*, M*) or a note.",
     "CGI 242 nonies A (décret 2022-1299 art. 2); décret 2024-266"},
    {"RL-FR-006", Severity::warning, "BT-8, BG-1",
     "From the reform date, when the seller opted for VAT on debits (configuration), its invoices say so: "
     "a note or VAT due on the invoice date (BT-8 = 3).",
     "CGI 242 nonies A (décret 2022-1299 art. 2); CGI 269 2 c"},
    {"RL-FX-001", Severity::warning, "",
     "A Factur-X/ZUGFeRD PDF carries the Factur-X XMP metadata (fx:ConformanceLevel, fx:DocumentFileName) in "
     "the namespace readers look for.",
     "Factur-X 1.0 / ZUGFeRD 2.x XMP extension schema; ISO 19005-3 6.6.2"},
    {"RL-FX-002", Severity::warning, "BT-24",
     "The XMP ConformanceLevel is the profile of the embedded XML's specification identifier (BT-24).",
     "Factur-X 1.0 / ZUGFeRD 2.x (profile identifiers and XMP ConformanceLevel)"},
    {"RL-FX-003", Severity::warning, "", "The XMP DocumentFileName names the embedded invoice attachment.",
     "Factur-X 1.0 / ZUGFeRD 2.x XMP extension schema"},
    {"RL-FX-004", Severity::warning, "",
     "The embedded invoice's file specification has an /AFRelationship of Data, Source or Alternative.",
     "ISO 19005-3 6.8; Factur-X 1.0 (embedding the XML file)"},
    {"RL-FX-005", Severity::warning, "",
     "The XMP declares PDF/A-3 (pdfaid:part 3, pdfaid:conformance A, B or U).", "ISO 19005-3 6.6.4"},
    {"RL-FX-006", Severity::warning, "", "The XMP DocumentType of a Factur-X/ZUGFeRD invoice is INVOICE.",
     "Factur-X 1.0 / ZUGFeRD 2.x XMP extension schema"},
    {"RL-ID-001", Severity::warning, "BT-30, BT-29, BT-46, BT-47",
     "A SIREN or SIRET (scheme 0002 or 0009, or a French party's 9 or 14 digits) passes its Luhn check.",
     "INSEE (SIRENE); ISO 6523 ICD 0002 and 0009"},
    {"RL-ID-002", Severity::warning, "BT-31, BT-48, BT-63",
     "A VAT identifier has its country's shape and check key (FR, DE, AT, BE, NL, LU, IT, DK, FI, SE, PL, "
     "PT, CH).",
     "Directive 2006/112/EC art. 214 and 215; CGI 286 ter; national VAT number algorithms (VIES)"},
    {"RL-ID-003", Severity::warning, "BT-84, BT-91",
     "An account identifier written as an IBAN has its country's length and passes the mod-97 check.",
     "ISO 13616; Regulation (EU) 260/2012"},
    {"RL-ID-004", Severity::warning, "BT-86",
     "The payment service provider identifier of an IBAN account has the shape of a BIC (8 or 11 "
     "characters).",
     "ISO 9362; Regulation (EU) 260/2012"},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool blank(std::string_view s) {
  return trim(s).empty();
}

std::string quoted(std::string_view s) {
  std::string r;
  r.reserve(s.size() + 2);
  r += '\'';
  r += s;
  r += '\'';
  return r;
}

std::int64_t days_between(const Date& from, const Date& to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

std::string amount_text(const Decimal& amount, std::string_view currency) {
  std::string r = amount.to_string();
  if (!blank(currency)) {
    r += ' ';
    r += trim(currency);
  }
  return r;
}

std::string days_text(std::int64_t n) {
  return std::to_string(n) + (n == 1 || n == -1 ? " day" : " days");
}

bool starts_with_fr(std::string_view vat) {
  return trim(vat).starts_with("FR");
}

// Metropolitan France and the overseas departments, which have ISO codes of their own but the Code
// de commerce all the same.
bool french_territory(std::string_view country) {
  for (const std::string_view c : {"FR", "GP", "MQ", "GF", "RE", "YT"})
    if (trim(country) == c) return true;
  return false;
}

bool french_seller(const Invoice& inv) {
  return french_territory(inv.seller.postal_address.country_code) || starts_with_fr(inv.seller.vat_id);
}

// The seller's country for the law on payment terms: its address, else its VAT prefix.
std::string_view seller_country(const Invoice& inv) {
  const std::string_view c = trim(inv.seller.postal_address.country_code);
  return c.empty() ? ids::vat_prefix_country(inv.seller.vat_id) : c;
}

bool professional_buyer(const Buyer& b) {
  return !blank(b.vat_id) || !blank(b.legal_registration_id.value) || !blank(b.identifier.value);
}

bool french_buyer(const Buyer& b) {
  return french_territory(b.postal_address.country_code) || starts_with_fr(b.vat_id);
}

bool cii(const RuleContext& ctx) {
  return ctx.paths.syntax() == Syntax::cii;
}

// The text the rules read: payment terms, notes and the seller's additional legal information,
// folded and scanned once. The mentions are only read for French sellers.
class Texts {
 public:
  explicit Texts(const Invoice& inv) : inv_(inv), want_mentions_(french_seller(inv)) {}
  const terms::TermsReading& payment_terms() {
    read();
    return terms_;
  }
  const terms::Mentions& mentions() {
    read();
    return mentions_;
  }

 private:
  void read() {
    if (read_) return;
    read_ = true;
    std::string all;
    terms::fold_into(inv_.payment_terms, all);
    if (!want_mentions_) {
      terms_ = terms::read_terms(all);
      return;
    }
    const std::size_t terms_length = all.size();
    for (const Note& n : inv_.notes) {
      all += '\n';
      terms::fold_into(n.text, all);
    }
    all += '\n';
    terms::fold_into(inv_.seller.additional_legal_info, all);
    terms::TextReading r = terms::read_texts(all, terms_length);
    terms_ = r.terms;
    mentions_ = r.mentions;
  }

  const Invoice& inv_;
  const bool want_mentions_;
  bool read_ = false;
  terms::TermsReading terms_;
  terms::Mentions mentions_;
};

// ---------------------------------------------------------------------------------------------
// Addresses

std::string missing_parts(const Address& a, std::string_view line_bt, std::string_view city_bt,
                          std::string_view post_bt, std::string_view country_bt) {
  std::string parts;
  const auto add = [&parts](std::string_view what, std::string_view bt) {
    if (!parts.empty()) parts += ", ";
    parts += what;
    parts += " (";
    parts += bt;
    parts += ')';
  };
  if (blank(a.line_one)) add("address line", line_bt);
  if (blank(a.city)) add("city", city_bt);
  if (blank(a.post_code) && !postal::has_no_postal_codes(trim(a.country_code))) add("postal code", post_bt);
  if (blank(a.country_code)) add("country code", country_bt);
  return parts;
}

bool any_part_missing(const Address& a) {
  return blank(a.line_one) || blank(a.city) || blank(a.country_code) ||
         (blank(a.post_code) && !postal::has_no_postal_codes(trim(a.country_code)));
}

// Same address when the line, city, postal code and country agree, ignoring case, spaces and
// punctuation: "8 Quai Saint-Antoine" and "8 quai saint antoine" are one place.
bool same_text(std::string_view a, std::string_view b) {
  const auto significant = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && !significant(a[i])) ++i;
    while (j < b.size() && !significant(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (lower(a[i]) != lower(b[j])) return false;
    ++i;
    ++j;
  }
}

bool same_place(const Address& a, const Address& b) {
  return same_text(a.line_one, b.line_one) && same_text(a.city, b.city) &&
         same_text(a.post_code, b.post_code) && same_text(a.country_code, b.country_code);
}

void check_addresses(RuleContext& ctx) {
  const Invoice& inv = ctx.inv;
  const Address& billing = inv.buyer.postal_address;
  const Address& deliver_to = inv.delivery.deliver_to;

  // An absent billing address is BR-10's finding; this rule judges the one that is there.
  if (!billing.empty() && any_part_missing(billing))
    ctx.fail("RL-ADDR-001", ctx.paths.term("BG-8"),
             "the buyer's billing address lacks its " +
                 missing_parts(billing, "BT-50", "BT-52", "BT-53", "BT-55"));
  if (!deliver_to.empty() && any_part_missing(deliver_to))
    ctx.fail(
        "RL-ADDR-002", ctx.paths.term("BG-15"),
        "the deliver-to address lacks its " + missing_parts(deliver_to, "BT-75", "BT-77", "BT-78", "BT-80"));

  if (ctx.enabled("RL-ADDR-003")) {
    struct Holder {
      const Address& address;
      std::string_view group, term, whose;
    };
    const Holder holders[] = {
        {inv.seller.postal_address, "BG-5", "BT-38", "seller's"},
        {billing, "BG-8", "BT-53", "buyer's"},
        {inv.tax_representative.postal_address, "BG-12", "BT-67", "tax representative's"},
        {deliver_to, "BG-15", "BT-78", "deliver-to"}};
    for (const Holder& h : holders) {
      const std::string_view code = trim(h.address.post_code), country = trim(h.address.country_code);
      if (code.empty() || country.empty() || postal::check(country, code) != postal::Shape::wrong) continue;
      ctx.fail("RL-ADDR-003", ctx.paths.term(h.group) + (cii(ctx) ? "/ram:PostcodeCode" : "/cbc:PostalZone"),
               "the " + std::string(h.whose) + " postal code " + quoted(code) + " (" + std::string(h.term) +
                   ") is not a " + std::string(country) + " postal code: expected " +
                   std::string(postal::describe(country)));
    }
  }

  if (!deliver_to.empty() && !billing.empty() && !same_place(billing, deliver_to) &&
      blank(inv.buyer_reference) && blank(inv.purchase_order_reference))
    ctx.fail("RL-ADDR-004", ctx.paths.term("BT-10"),
             "the goods go to " + std::string(trim(deliver_to.city)) +
                 " (BG-15), not to the billing address in " + std::string(trim(billing.city)) +
                 " (BG-8), and neither a buyer reference (BT-10) nor a purchase order reference (BT-13) lets "
                 "the buyer's accounts payable match the invoice");

  if (ctx.enabled("RL-ADDR-005")) {
    bool k = false, g = false;
    for (const VatBreakdown& b : inv.vat_breakdown) {
      k = k || b.category_code == "K";
      g = g || b.category_code == "G";
    }
    if (inv.vat_breakdown.empty())
      for (const InvoiceLine& l : inv.lines) {
        k = k || l.vat_category_code == "K";
        g = g || l.vat_category_code == "G";
      }
    const std::string_view deliver_country = trim(deliver_to.country_code);
    const std::string_view buyer_country = trim(billing.country_code);
    const auto in_eu = [&inv](std::string_view c) {
      // Northern Ireland stays in the EU VAT area for goods; its VAT ids start with XI.
      return ids::is_eu_member_state(c) || c == "XI" ||
             (c == "GB" && trim(inv.buyer.vat_id).starts_with("XI"));
    };
    if (k) {
      const std::string_view dest = deliver_country.empty() ? buyer_country : deliver_country;
      std::string_view origin = ids::vat_prefix_country(inv.seller.vat_id);
      if (origin.empty()) origin = ids::vat_prefix_country(inv.tax_representative.vat_id);
      if (origin.empty()) origin = trim(inv.seller.postal_address.country_code);
      const std::string path = ctx.paths.term(deliver_country.empty() ? "BT-55" : "BT-80");
      const std::string where = deliver_country.empty() ? " (BT-55)" : " (BT-80)";
      if (!dest.empty() && !in_eu(dest))
        ctx.fail("RL-ADDR-005", path,
                 "the invoice declares an intra-community supply (VAT category K) but the goods go to " +
                     std::string(dest) + where + ", outside the EU");
      else if (!dest.empty() && dest == origin)
        ctx.fail("RL-ADDR-005", path,
                 "the invoice declares an intra-community supply (VAT category K) but the goods stay in " +
                     std::string(dest) + where + ", the seller's own member state");
    }
    if (g && !deliver_country.empty() && in_eu(deliver_country))
      ctx.fail("RL-ADDR-005", ctx.paths.term("BT-80"),
               "the invoice declares an export outside the EU (VAT category G) but the goods go to " +
                   std::string(deliver_country) + " (BT-80), inside the EU");
  }
}

// ---------------------------------------------------------------------------------------------
// Due dates and payment terms

struct Limit {
  Date date;
  std::string why;
};

// The latest due date the law of the seller's country allows; nullopt outside the EU.
std::optional<Limit> legal_limit(RuleContext& ctx, Texts& texts, const Date& issue) {
  const ValidationOptions& o = ctx.options;
  const std::string_view country = seller_country(ctx.inv);
  if (o.sector_max_payment_days)
    return Limit{issue.plus_days(*o.sector_max_payment_days),
                 std::to_string(*o.sector_max_payment_days) + " days after the issue date (sector, L441-11)"};
  const bool france = french_territory(country) || (country.empty() && french_seller(ctx.inv));
  if (!france && !ids::is_eu_member_state(country)) return std::nullopt;
  Limit l{issue.plus_days(o.max_payment_days),
          std::to_string(o.max_payment_days) + " days after the issue date (" +
              (france ? "Code de commerce L441-10 I" : "Directive 2011/7/EU art. 3") + ")"};
  if (france && texts.payment_terms().end_of_month) {
    const Date eom =
        terms::end_of_month_limit(issue, o.max_payment_days_end_of_month, o.end_of_month_reading);
    if (eom > l.date)
      l = {eom, std::to_string(o.max_payment_days_end_of_month) +
                    " days end of month, as the terms stipulate (Code de commerce L441-10 I)"};
  }
  return l;
}

void check_due(RuleContext& ctx, Texts& texts) {
  const Invoice& inv = ctx.inv;
  const bool credit_note = inv.is_credit_note();
  const std::optional<Decimal>& payable = inv.totals.payable_amount;
  const bool amount_due = !credit_note && payable && payable->sign() > 0;
  const std::optional<Date>& issue = inv.issue_date;
  const std::optional<Date>& due = inv.due_date;

  if (amount_due && !due && blank(inv.payment_terms))
    ctx.fail("RL-DUE-001", ctx.paths.term("BT-9"),
             "the invoice asks for " + amount_text(*payable, inv.currency) +
                 " (BT-115) but gives neither a due date (BT-9) nor payment terms (BT-20)");

  if (due && issue && *due < *issue)
    ctx.fail("RL-DUE-002", ctx.paths.term("BT-9"),
             "the due date " + due->to_iso() + " (BT-9) is " + days_text(days_between(*due, *issue)) +
                 " before the issue date " + issue->to_iso() + " (BT-2)");

  if (due && issue && *due >= *issue && !credit_note && ctx.enabled("RL-DUE-003")) {
    if (const auto limit = legal_limit(ctx, texts, *issue); limit && *due > limit->date)
      ctx.fail("RL-DUE-003", ctx.paths.term("BT-9"),
               "the due date " + due->to_iso() + " (BT-9) is " + days_text(days_between(*issue, *due)) +
                   " after the issue date " + issue->to_iso() + ", beyond the legal maximum of " +
                   limit->why + ", which ends on " + limit->date.to_iso());
  }

  if (due && issue && *due >= *issue && !credit_note && !blank(inv.payment_terms) &&
      ctx.enabled("RL-DUE-004")) {
    if (const auto& term = texts.payment_terms().term; term && !terms::due_date_agrees(*issue, *due, *term))
      ctx.fail("RL-DUE-004", ctx.paths.term("BT-9"),
               "the payment terms state " + std::to_string(term->days) + " days" +
                   (term->end_of_month ? " end of month" : "") + " but the due date " + due->to_iso() +
                   " (BT-9) is " + days_text(days_between(*issue, *due)) + " after the issue date " +
                   issue->to_iso());
  }

  if (issue && !credit_note) {
    const std::optional<Date>& delivered = inv.delivery.actual_delivery_date;
    const std::optional<Date>& period_end = inv.invoicing_period.end;
    const std::optional<Date>& event = delivered ? delivered : period_end;
    if (event && days_between(*event, *issue) > ctx.options.max_days_after_delivery)
      ctx.fail("RL-DUE-005", ctx.paths.term("BT-2"),
               "the invoice is issued on " + issue->to_iso() + ", " +
                   days_text(days_between(*event, *issue)) + " after the " +
                   (delivered ? "delivery on " : "end of the invoicing period on ") + event->to_iso() +
                   (delivered ? " (BT-72)" : " (BT-74)") + "; at most " +
                   days_text(ctx.options.max_days_after_delivery) + " are expected");
  }

  if (ctx.options.as_of && due && amount_due && *due < *ctx.options.as_of)
    ctx.fail("RL-DUE-006", ctx.paths.term("BT-9"),
             "the invoice is " + days_text(days_between(*due, *ctx.options.as_of)) + " past its due date " +
                 due->to_iso() + " as of " + ctx.options.as_of->to_iso() + ", with " +
                 amount_text(*payable, inv.currency) + " due");
}

// ---------------------------------------------------------------------------------------------
// French sellers

bool has_siren(const Buyer& b) {
  const auto digits_only = [](std::string_view s, std::size_t& n) {
    n = 0;
    for (const char c : s) {
      if (c == ' ') continue;
      if (c < '0' || c > '9') return false;
      ++n;
    }
    return true;
  };
  std::size_t n = 0;
  const std::string_view legal = trim(b.legal_registration_id.value);
  if (!legal.empty() && digits_only(legal, n) && (n == 9 || n == 14)) return true;
  const std::string_view id_scheme = trim(b.identifier.scheme);
  if (!blank(b.identifier.value) && (id_scheme == "0002" || id_scheme == "0009")) return true;
  const std::string_view ea_scheme = trim(b.electronic_address.scheme);
  return !blank(b.electronic_address.value) &&
         (ea_scheme == "0002" || ea_scheme == "0009" || ea_scheme == "0225");
}

// The French CTC business process codes: B (goods), S (services), M (mixed) and a digit.
bool french_category_code(std::string_view bt23) {
  bt23 = trim(bt23);
  return bt23.size() == 2 && (bt23[0] == 'B' || bt23[0] == 'S' || bt23[0] == 'M') && bt23[1] >= '1' &&
         bt23[1] <= '9';
}

void check_french(RuleContext& ctx, Texts& texts) {
  const Invoice& inv = ctx.inv;
  if (!french_seller(inv)) return;
  const bool professional = professional_buyer(inv.buyer);

  if (professional && !inv.is_credit_note()) {
    if (ctx.enabled("RL-FR-001") && !texts.mentions().penalty_rate)
      ctx.fail(
          "RL-FR-001", ctx.paths.term("BT-20"),
          "the payment terms (BT-20) and notes (BG-1) do not state the late-payment penalty rate (at least "
          "the ECB refinancing rate + 10 points, or 3 times the legal interest rate when agreed)");
    if (ctx.enabled("RL-FR-002") && !texts.mentions().indemnity_amount)
      ctx.fail(
          "RL-FR-002", ctx.paths.term("BT-20"),
          texts.mentions().indemnity_article
              ? "the payment terms (BT-20) and notes (BG-1) refer to D441-5 without writing out the fixed "
                "recovery indemnity of EUR 40"
              : "the payment terms (BT-20) and notes (BG-1) do not state the fixed recovery indemnity of "
                "EUR 40");
  }

  const std::optional<Date>& from = ctx.options.reform_mentions_from;
  if (!from || !inv.issue_date || *inv.issue_date < *from) return;
  const auto since = [&from] { return " (required from " + from->to_iso() + ")"; };

  if (professional && french_buyer(inv.buyer) && !has_siren(inv.buyer))
    ctx.fail("RL-FR-003", ctx.paths.term("BT-47"),
             "the invoice does not give the SIREN of the French buyer " + quoted(trim(inv.buyer.name)) +
                 " (BT-47 with scheme 0002)" + since());

  const Delivery& d = inv.delivery;
  if (d.deliver_to.empty() && (!blank(d.deliver_to_name) || !blank(d.location_id.value)))
    ctx.fail("RL-FR-004", ctx.paths.term("BG-15"),
             "the invoice names a place of delivery (" +
                 (blank(d.deliver_to_name) ? "location " + quoted(trim(d.location_id.value)) + ", BT-71"
                                           : quoted(trim(d.deliver_to_name)) + ", BT-70") +
                 ") but not its address (BG-15)" + since());

  if (!french_category_code(inv.business_process) && ctx.enabled("RL-FR-005") &&
      !texts.mentions().operation_category)
    ctx.fail("RL-FR-005", ctx.paths.term("BT-23"),
             "the invoice does not state whether it is for goods, services or both (BT-23 code B*, S* or M*, "
             "or a note)" +
                 since());

  if (ctx.options.seller_opted_vat_on_debits && trim(inv.tax_point_date_code) != "3" &&
      !trim(inv.business_process).starts_with('B') && ctx.enabled("RL-FR-006") &&
      !texts.mentions().vat_on_debits)
    ctx.fail("RL-FR-006", ctx.paths.term("BG-1"),
             "the seller opted for VAT on debits but the invoice neither says so in a note nor sets the VAT "
             "point to the invoice date (BT-8 = 3)" +
                 since());
}

// ---------------------------------------------------------------------------------------------
// Identifiers

bool siren_scheme(std::string_view scheme) {
  scheme = trim(scheme);
  return scheme == "0002" || scheme == "0009";
}

bool digits_of_siren_length(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return false;
    ++n;
  }
  return n == 9 || n == 14;
}

void check_siren(RuleContext& ctx, const Identifier& id, bool french_party, std::string_view whose,
                 std::string_view bt) {
  const std::string_view value = trim(id.value);
  if (value.empty()) return;
  const bool declared = siren_scheme(id.scheme);
  if (!declared && !(blank(id.scheme) && french_party && digits_of_siren_length(value))) return;
  const ids::Check r = ids::check_siren_or_siret(value);
  if (r == ids::Check::ok) return;
  std::string message = "the " + std::string(whose) + " ";
  if (r == ids::Check::bad_shape)
    message += "identifier " + quoted(value) + " (" + std::string(bt) + ", scheme " +
               std::string(trim(id.scheme)) + ") is neither a 9-digit SIREN nor a 14-digit SIRET";
  else if (r == ids::Check::bad_siren_part)
    message += "SIRET " + quoted(value) + " (" + std::string(bt) +
               ") passes Luhn as a whole, but its first 9 digits, the SIREN, do not";
  else
    message += "SIREN/SIRET " + quoted(value) + " (" + std::string(bt) + ") fails its Luhn check";
  ctx.fail("RL-ID-001", ctx.paths.term(bt), std::move(message), bt);
}

void check_vat(RuleContext& ctx, std::string_view vat, std::string_view whose, std::string_view bt) {
  vat = trim(vat);
  if (vat.empty()) return;
  const ids::VatCheck r = ids::check_vat_id(vat);
  if (!r.known_country || r.result == ids::Check::ok) return;
  ctx.fail("RL-ID-002", ctx.paths.term(bt),
           r.result == ids::Check::bad_shape
               ? "the " + std::string(whose) + " VAT identifier " + quoted(vat) + " (" + std::string(bt) +
                     ") does not have the shape " + std::string(r.expected)
               : "the " + std::string(whose) + " VAT identifier " + quoted(vat) + " (" + std::string(bt) +
                     ") has a wrong check key",
           bt);
}

// `path` is called only on failure: passing invoices build no strings.
template <class Path>
void check_iban(RuleContext& ctx, std::string_view account, std::string_view bt, Path path) {
  account = trim(account);
  if (!ids::looks_like_iban(account)) return;
  const ids::IbanCheck r = ids::check_iban(account);
  if (r.result == ids::Check::ok) return;
  std::string why = r.result == ids::Check::bad_key ? "fails the ISO 13616 mod-97 check"
                    : r.expected_length ? "is not a " + std::string(account.substr(0, 2)) + " IBAN of " +
                                              std::to_string(r.expected_length) + " characters"
                                        : std::string("is not an IBAN: only letters and digits, at most 34");
  ctx.fail("RL-ID-003", path(), "the account " + quoted(account) + " (" + std::string(bt) + ") " + why, bt);
}

// BG-16 repeats in the syntaxes, once per account: the i-th account sits in the i-th group.
std::string nth_payment_means(const RuleContext& ctx, std::string_view term, std::size_t i,
                              std::size_t count) {
  std::string path = ctx.paths.term(term);
  if (count < 2) return path;
  const std::string group = ctx.paths.term("BG-16");
  if (path.starts_with(group)) path.insert(group.size(), "[" + std::to_string(i + 1) + "]");
  return path;
}

void check_identifiers(RuleContext& ctx) {
  const Invoice& inv = ctx.inv;
  if (ctx.enabled("RL-ID-001")) {
    const bool fr_seller = french_seller(inv), fr_buyer = french_buyer(inv.buyer);
    check_siren(ctx, inv.seller.legal_registration_id, fr_seller, "seller's", "BT-30");
    for (const Identifier& id : inv.seller.identifiers)
      if (siren_scheme(id.scheme)) check_siren(ctx, id, fr_seller, "seller's", "BT-29");
    check_siren(ctx, inv.buyer.legal_registration_id, fr_buyer, "buyer's", "BT-47");
    if (siren_scheme(inv.buyer.identifier.scheme))
      check_siren(ctx, inv.buyer.identifier, fr_buyer, "buyer's", "BT-46");
  }
  if (ctx.enabled("RL-ID-002")) {
    check_vat(ctx, inv.seller.vat_id, "seller's", "BT-31");
    check_vat(ctx, inv.buyer.vat_id, "buyer's", "BT-48");
    check_vat(ctx, inv.tax_representative.vat_id, "tax representative's", "BT-63");
  }
  const auto& transfers = inv.payment_instructions.credit_transfers;
  for (std::size_t i = 0; i < transfers.size(); ++i) {
    const CreditTransfer& t = transfers[i];
    if (ctx.enabled("RL-ID-003"))
      check_iban(ctx, t.account_id, "BT-84",
                 [&] { return nth_payment_means(ctx, "BT-84", i, transfers.size()); });
    // Next to a proprietary account BT-86 names a clearing system ("SE:BANKGIRO"); next to an IBAN
    // it is the BIC.
    const std::string_view bic = trim(t.service_provider_id);
    if (!bic.empty() && ids::looks_like_iban(t.account_id) && !ids::bic_shape_valid(bic))
      ctx.fail(
          "RL-ID-004", nth_payment_means(ctx, "BT-86", i, transfers.size()),
          "the payment service provider identifier " + quoted(bic) +
              " (BT-86) is not a BIC: 4 letters or digits, a 2-letter country code, 2 letters or digits and "
              "an optional 3-character branch code");
  }
  const std::string_view debited = trim(inv.payment_instructions.direct_debit.debited_account_id);
  if (!debited.empty() && ctx.enabled("RL-ID-003"))
    check_iban(ctx, debited, "BT-91", [&] {
      return ctx.paths.term("BG-16") + (cii(ctx) ? "/ram:PayerPartyDebtorFinancialAccount/ram:IBANID"
                                                 : "/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID");
    });
}

}  // namespace

std::span<const RuleInfo> relance_rules() {
  return infos;
}

void check_relance(RuleContext& ctx) {
  Texts texts(ctx.inv);
  check_addresses(ctx);
  check_due(ctx, texts);
  check_french(ctx, texts);
  check_identifiers(ctx);
}

}  // namespace relance::formats::rules
