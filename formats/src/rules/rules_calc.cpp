// EN 16931 business rules BR-CO-* (conditions and calculations) and BR-DEC-* (decimals),
// release 1.3.16 of the official artefacts.
//
// The sums round as the Schematron does, round(x * 100) div 100, that is half towards
// positive infinity (Decimal::rounded_half_up), and compare numerically. Where the UBL and CII
// artefacts disagree, the one of the source syntax is followed; a model built in code
// (Syntax::unknown) is judged as UBL, except where the UBL artefact cannot fail (BR-DEC-13,
// BR-DEC-15): there it gets the rule as written.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rule_context.hpp"

namespace relance::formats::rules {
namespace {

constexpr RuleInfo infos[] = {
    {"BR-CO-03", Severity::fatal, "BT-7, BT-8",
     "The VAT point date and the VAT point date code are not both given.", "EN 16931-1"},
    {"BR-CO-04", Severity::fatal, "BT-151, BG-25",
     "Every invoice line has an invoiced item VAT category code.", "EN 16931-1"},
    // BR-CO-05 .. BR-CO-08 are in the artefacts with a test that always holds: the standard
    // gives no mapping between reason texts and codes to check them against.
    {"BR-CO-05", Severity::fatal, "BT-97, BT-98",
     "A document level allowance reason and its code mean the same (not checkable).", "EN 16931-1"},
    {"BR-CO-06", Severity::fatal, "BT-104, BT-105",
     "A document level charge reason and its code mean the same (not checkable).", "EN 16931-1"},
    {"BR-CO-07", Severity::fatal, "BT-139, BT-140",
     "An invoice line allowance reason and its code mean the same (not checkable).", "EN 16931-1"},
    {"BR-CO-08", Severity::fatal, "BT-144, BT-145",
     "An invoice line charge reason and its code mean the same (not checkable).", "EN 16931-1"},
    {"BR-CO-09", Severity::fatal, "BT-31, BT-48, BT-63",
     "VAT identifiers start with an ISO 3166-1 alpha-2 country code (EL for Greece).", "EN 16931-1"},
    {"BR-CO-10", Severity::fatal, "BT-106, BT-131",
     "The sum of invoice line net amounts equals the total of the lines' net amounts.", "EN 16931-1"},
    {"BR-CO-11", Severity::fatal, "BT-107, BT-92",
     "The sum of document level allowances equals the total of their amounts.", "EN 16931-1"},
    {"BR-CO-12", Severity::fatal, "BT-108, BT-99",
     "The sum of document level charges equals the total of their amounts.", "EN 16931-1"},
    {"BR-CO-13", Severity::fatal, "BT-109, BT-106, BT-107, BT-108",
     "The total without VAT is the line total less document allowances plus document charges.", "EN 16931-1"},
    {"BR-CO-14", Severity::fatal, "BT-110, BT-117",
     "The invoice total VAT amount equals the total of the VAT breakdown tax amounts.", "EN 16931-1"},
    {"BR-CO-15", Severity::fatal, "BT-112, BT-109, BT-110",
     "The total with VAT is the total without VAT plus the total VAT amount.", "EN 16931-1"},
    {"BR-CO-16", Severity::fatal, "BT-115, BT-112, BT-113, BT-114",
     "The amount due is the total with VAT less the paid amount plus the rounding amount.", "EN 16931-1"},
    {"BR-CO-17", Severity::fatal, "BT-117, BT-116, BT-119",
     "A VAT breakdown's tax amount is its taxable amount times its rate, to within 1.00.", "EN 16931-1"},
    {"BR-CO-18", Severity::fatal, "BG-23", "The invoice has at least one VAT breakdown.", "EN 16931-1"},
    {"BR-CO-19", Severity::fatal, "BT-73, BT-74, BG-14",
     "An invoicing period gives a start date, an end date or both.", "EN 16931-1"},
    {"BR-CO-20", Severity::fatal, "BT-134, BT-135, BG-26",
     "An invoice line period gives a start date, an end date or both.", "EN 16931-1"},
    {"BR-CO-21", Severity::fatal, "BT-97, BT-98, BG-20",
     "Every document level allowance has a reason, a reason code or both.", "EN 16931-1"},
    {"BR-CO-22", Severity::fatal, "BT-104, BT-105, BG-21",
     "Every document level charge has a reason, a reason code or both.", "EN 16931-1"},
    {"BR-CO-23", Severity::fatal, "BT-139, BT-140, BG-27",
     "Every invoice line allowance has a reason, a reason code or both.", "EN 16931-1"},
    {"BR-CO-24", Severity::fatal, "BT-144, BT-145, BG-28",
     "Every invoice line charge has a reason, a reason code or both.", "EN 16931-1"},
    {"BR-CO-26", Severity::fatal, "BT-29, BT-30, BT-31",
     "The seller is identified by an identifier, a legal registration identifier or a VAT identifier.",
     "EN 16931-1"},
    {"BR-DEC-01", Severity::fatal, "BT-92", "A document level allowance amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-02", Severity::fatal, "BT-93", "A document level allowance base amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-05", Severity::fatal, "BT-99", "A document level charge amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-06", Severity::fatal, "BT-100", "A document level charge base amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-09", Severity::fatal, "BT-106", "The sum of invoice line net amounts has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-10", Severity::fatal, "BT-107", "The sum of document level allowances has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-11", Severity::fatal, "BT-108", "The sum of document level charges has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-12", Severity::fatal, "BT-109", "The total without VAT has at most 2 decimals.", "EN 16931-1"},
    {"BR-DEC-13", Severity::fatal, "BT-110", "The invoice total VAT amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-14", Severity::fatal, "BT-112", "The total with VAT has at most 2 decimals.", "EN 16931-1"},
    {"BR-DEC-15", Severity::fatal, "BT-111",
     "The total VAT amount in the accounting currency has at most 2 decimals.", "EN 16931-1"},
    {"BR-DEC-16", Severity::fatal, "BT-113", "The paid amount has at most 2 decimals.", "EN 16931-1"},
    {"BR-DEC-17", Severity::fatal, "BT-114", "The rounding amount has at most 2 decimals.", "EN 16931-1"},
    {"BR-DEC-18", Severity::fatal, "BT-115", "The amount due for payment has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-19", Severity::fatal, "BT-116", "A VAT category taxable amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-20", Severity::fatal, "BT-117", "A VAT category tax amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-23", Severity::fatal, "BT-131", "An invoice line net amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-24", Severity::fatal, "BT-136", "An invoice line allowance amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-25", Severity::fatal, "BT-137", "An invoice line allowance base amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-27", Severity::fatal, "BT-141", "An invoice line charge amount has at most 2 decimals.",
     "EN 16931-1"},
    {"BR-DEC-28", Severity::fatal, "BT-142", "An invoice line charge base amount has at most 2 decimals.",
     "EN 16931-1"},
};

// BR-CO-09's country lists, verbatim: UBL looks the first two characters up anywhere in its
// string (so a one-character identifier passes), CII looks up the code between spaces. The
// two lists differ by AN (CII) and SS (UBL).
constexpr std::string_view ubl_vat_prefixes =
    " 1A AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ "
    "EC EE EG EH EL ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW "
    "GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ "
    "LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX "
    "MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO "
    "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL "
    "TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XI YE YT ZA ZM ZW ";
constexpr std::string_view cii_vat_prefixes =
    " 1A AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BL BJ BM BN BO "
    "BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO "
    "DZ EC EE EG EH EL ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU "
    "GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY "
    "KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW "
    "MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE "
    "RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR ST SV SX SY SZ TC TD TF TG TH TJ TK TL "
    "TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XI YE YT ZA ZM ZW ";

bool valid_vat_prefix(std::string_view vat_id, bool cii) {
  if (!cii) return ubl_vat_prefixes.find(vat_id.substr(0, 2)) != std::string_view::npos;
  if (vat_id.size() < 2) return false;
  std::string key = " ";
  key += vat_id.substr(0, 2);
  key += ' ';
  return cii_vat_prefixes.find(key) != std::string_view::npos;
}

// In the CII artefact the rules of VAT categories L, M and O match the breakdown element
// itself and, having a higher priority, take it from the general breakdown rule (BR-CO-03,
// BR-CO-17, BR-DEC-19, BR-DEC-20 there).
bool shadowed_breakdown(const VatBreakdown& v, bool cii) {
  return cii && (v.category_code == "L" || v.category_code == "M" || v.category_code == "O");
}

Decimal round2(const Decimal& d) {
  return d.rounded_half_up(2);
}

std::string quoted(const Decimal& d) {
  return "'" + d.to_string() + "'";
}
std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}
std::string text_or_missing(const std::optional<Decimal>& d) {
  return d ? quoted(*d) : "missing";
}

// Decimal arithmetic throws on overflow (absurd magnitudes); a rule that cannot compute stays
// silent rather than letting validate() throw.
template <class F>
void guarded(F&& check) {
  try {
    check();
  } catch (const std::overflow_error&) {
  } catch (const std::logic_error&) {
  }
}

// Whether the document has BG-22 (cac:LegalMonetaryTotal, or the CII monetary summation, which
// also holds BT-110 and BT-111).
bool any_total(const DocumentTotals& t, bool cii) {
  return t.sum_of_line_net_amounts || t.sum_of_allowances || t.sum_of_charges || t.total_without_vat ||
         t.total_with_vat || t.paid_amount || t.rounding_amount || t.payable_amount ||
         (cii && (t.total_vat || t.total_vat_in_tax_currency));
}

// A sum of amounts. The exact sum gives up (nullopt) on overflow, so the rules that need it stay
// silent. `beyond_cents` tells whether a term has more than 2 significant decimals: only then can
// the binary floating point sums of the CII artefact (below) differ from the exact one.
struct Sum {
  std::optional<Decimal> exact = Decimal();
  bool beyond_cents = false;

  void add(const std::optional<Decimal>& value) {
    if (!value) return;
    beyond_cents = beyond_cents || (value->scale() > 2 && value->significant_scale() > 2);
    if (!exact) return;
    try {
      *exact += *value;
    } catch (const std::overflow_error&) {
      exact.reset();
    }
  }
};

// The CII artefact sums untyped values, which XPath converts to xs:double; the UBL artefact casts
// each value to xs:decimal first. With amounts in cents the two agree; with more decimals a half
// cent may fall on either side, so CII sums are then redone the artefact's way.
std::optional<double> as_double(const Decimal& d) {
  const std::string text = d.to_string();
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

template <class Range, class Amount>
std::optional<double> double_sum(const Range& items, Amount amount) {
  double sum = 0;
  for (const auto& item : items) {
    const std::optional<Decimal>& a = amount(item);
    if (!a) continue;
    const std::optional<double> d = as_double(*a);
    if (!d) return std::nullopt;
    sum += *d;
  }
  if (!std::isfinite(sum)) return std::nullopt;
  return sum;
}

// From 2^52 on, every double is an integer (and f + 0.5 is no longer exact).
constexpr double two_to_52 = 4503599627370496.0;

// XPath round() on a double: to the nearest integer, halves up.
double xpath_round(double x) {
  if (!(std::fabs(x) < two_to_52)) return x;  // already an integer (or not finite)
  const double f = std::floor(x);
  return x >= f + 0.5 ? f + 1 : f;
}

// A count of hundredths as a Decimal, when it fits.
std::optional<Decimal> from_hundredths(double k) {
  if (!(std::fabs(k) < 9.0e15)) return std::nullopt;
  return Decimal::from_units(static_cast<std::int64_t>(k), 2);
}

// CII BR-CO-10 casts the double sum to xs:decimal, which is exact, before round(x * 100):
// s * 100 is hi + lo exactly, and lo only matters on a tie.
std::optional<Decimal> exact_round2(double s) {
  const double hi = s * 100;
  if (!std::isfinite(hi)) return std::nullopt;
  if (!(std::fabs(hi) < two_to_52)) return from_hundredths(hi);
  const double lo = std::fma(s, 100, -hi);
  const double f = std::floor(hi);
  const bool up = hi > f + 0.5 || (hi == f + 0.5 && lo >= 0);
  return from_hundredths(up ? f + 1 : f);
}

// CII BR-CO-11, BR-CO-12, BR-CO-14: round(sum * 10 * 10) div 100 compared with the total, all in
// doubles. Returns the rounded sum and whether the total equals it.
struct DoubleVerdict {
  Decimal expected;
  bool equal = false;
};
std::optional<DoubleVerdict> double_total(double sum, const std::optional<Decimal>& total) {
  const double k = xpath_round(sum * 10 * 10);
  const std::optional<Decimal> expected = from_hundredths(k);
  if (!expected) return std::nullopt;
  if (!total) return DoubleVerdict{*expected, false};
  const std::optional<double> t = as_double(*total);
  if (!t) return std::nullopt;
  return DoubleVerdict{*expected, *t == k / 100};
}

// BR-DEC: the decimals as written in the source.
template <class PathFn>
void check_scale(RuleContext& ctx, std::string_view id, std::string_view term,
                 const std::optional<Decimal>& value, PathFn&& path) {
  if (!value || value->scale() <= 2) return;
  ctx.fail(id, path(),
           std::string(term) + " is written " + quoted(*value) + ", with " + std::to_string(value->scale()) +
               " decimals where at most 2 are allowed");
}

void check_header(RuleContext& ctx, bool cii) {
  const Invoice& inv = ctx.inv;
  const SourcePaths& paths = ctx.paths;

  // CII states BR-CO-03 on each VAT breakdown, UBL on the invoice.
  bool judged = !cii;
  for (const VatBreakdown& v : inv.vat_breakdown) judged = judged || !shadowed_breakdown(v, cii);
  if (judged && inv.tax_point_date && !inv.tax_point_date_code.empty())
    ctx.fail("BR-CO-03", paths.term("BT-8"),
             "the VAT point date " + inv.tax_point_date->to_iso() + " (BT-7) and the VAT point date code " +
                 quoted(inv.tax_point_date_code) + " (BT-8) are both given");

  const auto check_vat_id = [&](const std::string& vat_id, std::string_view term, const char* whose) {
    if (!vat_id.empty() && !valid_vat_prefix(vat_id, cii))
      ctx.fail("BR-CO-09", paths.term(term),
               std::string("the ") + whose + " VAT identifier " + quoted(vat_id) +
                   " does not start with an ISO 3166-1 alpha-2 country code");
  };
  check_vat_id(inv.seller.vat_id, "BT-31", "seller's");
  check_vat_id(inv.buyer.vat_id, "BT-48", "buyer's");
  check_vat_id(inv.tax_representative.vat_id, "BT-63", "tax representative's");

  if (inv.vat_breakdown.empty() && (!cii || !inv.lines.empty()))
    ctx.fail("BR-CO-18", paths.root(), "the invoice has no VAT breakdown (BG-23)");

  const Seller& s = inv.seller;
  // The artefacts judge the seller party, which the model cannot tell apart from an empty one:
  // judged always, a party without any identifier reads the same as no party.
  if (s.identifiers.empty() && s.legal_registration_id.empty() && s.vat_id.empty())
    ctx.fail("BR-CO-26", paths.term("BG-4"),
             "the seller has no identifier (BT-29), legal registration identifier (BT-30) or VAT identifier "
             "(BT-31)");
}

void check_document_allowances(RuleContext& ctx, bool charge, Sum& sum) {
  const auto& list = charge ? ctx.inv.charges : ctx.inv.allowances;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const DocumentAllowanceCharge& ac = list[i];
    sum.add(ac.amount);
    if (ac.reason.empty() && ac.reason_code.empty())
      ctx.fail(charge ? "BR-CO-22" : "BR-CO-21", ctx.paths.allowance_charge(charge, i),
               std::string(charge ? "document level charge " : "document level allowance ") +
                   std::to_string(i + 1) + " has neither a reason (" + (charge ? "BT-104" : "BT-97") +
                   ") nor a reason code (" + (charge ? "BT-105" : "BT-98") + ")");
    check_scale(ctx, charge ? "BR-DEC-05" : "BR-DEC-01", charge ? "BT-99" : "BT-92", ac.amount,
                [&] { return ctx.paths.allowance_charge(charge, i, charge ? "BT-99" : "BT-92"); });
    check_scale(ctx, charge ? "BR-DEC-06" : "BR-DEC-02", charge ? "BT-100" : "BT-93", ac.base_amount,
                [&] { return ctx.paths.allowance_charge(charge, i, charge ? "BT-100" : "BT-93"); });
  }
}

void check_line_allowances(RuleContext& ctx, std::size_t line, bool charge) {
  const InvoiceLine& l = ctx.inv.lines[line];
  const auto& list = charge ? l.charges : l.allowances;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const LineAllowanceCharge& ac = list[i];
    if (ac.reason.empty() && ac.reason_code.empty())
      ctx.fail(charge ? "BR-CO-24" : "BR-CO-23", ctx.paths.line_allowance_charge(line, charge, i),
               "invoice line " + quoted(l.id) + (charge ? " charge " : " allowance ") +
                   std::to_string(i + 1) + " has neither a reason (" + (charge ? "BT-144" : "BT-139") +
                   ") nor a reason code (" + (charge ? "BT-145" : "BT-140") + ")");
    check_scale(ctx, charge ? "BR-DEC-27" : "BR-DEC-24", charge ? "BT-141" : "BT-136", ac.amount, [&] {
      return ctx.paths.line_allowance_charge(line, charge, i, charge ? "BT-141" : "BT-136");
    });
    check_scale(ctx, charge ? "BR-DEC-28" : "BR-DEC-25", charge ? "BT-142" : "BT-137", ac.base_amount, [&] {
      return ctx.paths.line_allowance_charge(line, charge, i, charge ? "BT-142" : "BT-137");
    });
  }
}

// Lines: BR-CO-04 and the line decimals; returns the sum of the net amounts for BR-CO-10.
Sum check_lines(RuleContext& ctx) {
  const Invoice& inv = ctx.inv;
  Sum sum;
  for (std::size_t i = 0; i < inv.lines.size(); ++i) {
    const InvoiceLine& l = inv.lines[i];
    sum.add(l.net_amount);
    if (l.vat_category_code.empty())
      ctx.fail("BR-CO-04", ctx.paths.line(i, "BG-30"),
               "invoice line " + quoted(l.id) + " has no invoiced item VAT category code (BT-151)");
    check_scale(ctx, "BR-DEC-23", "BT-131", l.net_amount, [&] { return ctx.paths.line(i, "BT-131"); });
    if (!l.allowances.empty()) check_line_allowances(ctx, i, false);
    if (!l.charges.empty()) check_line_allowances(ctx, i, true);
  }
  return sum;
}

// BR-CO-10 .. BR-CO-13 and BR-CO-16 belong to BG-22 in the artefacts: without any total
// they have nothing to judge (BR-12 .. BR-15 report the missing totals).
// BR-CO-11 and BR-CO-12: a sum of document level allowances or charges; without any the total
// must be absent or zero.
void check_allowance_total(RuleContext& ctx, bool cii, bool charge, const Sum& sum) {
  const Invoice& inv = ctx.inv;
  const auto& list = charge ? inv.charges : inv.allowances;
  const std::optional<Decimal>& total = charge ? inv.totals.sum_of_charges : inv.totals.sum_of_allowances;
  std::optional<Decimal> expected;
  bool ok = false;
  if (cii && sum.beyond_cents) {
    const auto s = double_sum(
        list, [](const DocumentAllowanceCharge& ac) -> const std::optional<Decimal>& { return ac.amount; });
    const std::optional<DoubleVerdict> verdict = s ? double_total(*s, total) : std::nullopt;
    if (!verdict) return;
    expected = verdict->expected;
    ok = verdict->equal;
  } else {
    if (!sum.exact) return;
    expected = round2(*sum.exact);
    ok = total && *total == *expected;
  }
  if (!total && list.empty()) ok = true;
  if (ok) return;
  ctx.fail(charge ? "BR-CO-12" : "BR-CO-11", ctx.paths.term(total ? (charge ? "BT-108" : "BT-107") : "BG-22"),
           std::string(charge ? "the document level charge amounts (BT-99)"
                              : "the document level allowance amounts (BT-92)") +
               " add up to " + quoted(*expected) + (charge ? ", BT-108 is " : ", BT-107 is ") +
               text_or_missing(total));
}

// BR-CO-10 .. BR-CO-13 and BR-CO-16 belong to BG-22 in the artefacts: without any total
// they have nothing to judge (BR-12 .. BR-15 report the missing totals).
void check_totals(RuleContext& ctx, bool cii, const Sum& line_sum, const Sum& allowance_sum,
                  const Sum& charge_sum) {
  const Invoice& inv = ctx.inv;
  const DocumentTotals& t = inv.totals;
  const SourcePaths& paths = ctx.paths;

  guarded([&] {
    std::optional<Decimal> expected;
    if (cii && line_sum.beyond_cents) {
      const auto s = double_sum(
          inv.lines, [](const InvoiceLine& l) -> const std::optional<Decimal>& { return l.net_amount; });
      if (s) expected = exact_round2(*s);
    } else if (line_sum.exact) {
      expected = round2(*line_sum.exact);
    }
    if (!expected) return;
    if (!t.sum_of_line_net_amounts || *t.sum_of_line_net_amounts != *expected)
      ctx.fail("BR-CO-10", paths.term("BT-106"),
               "the invoice line net amounts (BT-131) add up to " + quoted(*expected) + ", BT-106 is " +
                   text_or_missing(t.sum_of_line_net_amounts));
  });
  guarded([&] { check_allowance_total(ctx, cii, false, allowance_sum); });
  guarded([&] { check_allowance_total(ctx, cii, true, charge_sum); });
  guarded([&] {
    if (!t.sum_of_line_net_amounts) {
      ctx.fail("BR-CO-13", paths.term("BT-109"),
               "the total without VAT (BT-109) cannot be checked: the sum of line net amounts (BT-106) is "
               "missing");
      return;
    }
    Decimal expected = *t.sum_of_line_net_amounts;
    if (t.sum_of_allowances) expected -= *t.sum_of_allowances;
    if (t.sum_of_charges) expected += *t.sum_of_charges;
    // UBL compares BT-106 unrounded when there is neither allowance nor charge total.
    if (cii || t.sum_of_allowances || t.sum_of_charges) expected = round2(expected);
    if (!t.total_without_vat || *t.total_without_vat != expected)
      ctx.fail("BR-CO-13", paths.term("BT-109"),
               "BT-106 - BT-107 + BT-108 gives " + quoted(expected) + ", the total without VAT (BT-109) is " +
                   text_or_missing(t.total_without_vat));
  });
  guarded([&] {
    if (!t.total_with_vat || !t.payable_amount) {
      ctx.fail("BR-CO-16", paths.term("BT-115"),
               "the amount due (BT-115) is " + text_or_missing(t.payable_amount) +
                   " and the total with VAT (BT-112) " + text_or_missing(t.total_with_vat) +
                   ": they cannot be checked against each other");
      return;
    }
    const Decimal& due = *t.payable_amount;
    const Decimal& gross = *t.total_with_vat;
    bool ok = false;
    Decimal expected = gross;
    if (t.paid_amount) expected -= *t.paid_amount;
    if (t.rounding_amount) expected += *t.rounding_amount;
    if (cii) {
      ok = due == expected;
    } else if (!t.rounding_amount) {
      // Without a rounding amount UBL rounds only a difference.
      ok = t.paid_amount ? due == round2(gross - *t.paid_amount) : due == gross;
    } else {
      const Decimal left = round2(due - *t.rounding_amount);
      ok = t.paid_amount ? left == round2(gross - *t.paid_amount) : left == gross;
    }
    if (!ok)
      ctx.fail("BR-CO-16", paths.term("BT-115"),
               "BT-112 - BT-113 + BT-114 gives " + quoted(expected) +
                   ", the amount due for payment (BT-115) is " + quoted(due));
  });
}

void check_vat_totals(RuleContext& ctx, bool cii) {
  const Invoice& inv = ctx.inv;
  const DocumentTotals& t = inv.totals;
  const SourcePaths& paths = ctx.paths;

  // BR-CO-14: UBL judges a TaxTotal that has subtotals; CII judges BT-110 even without any
  // breakdown (the sum is then zero).
  guarded([&] {
    if (cii ? !t.total_vat : inv.vat_breakdown.empty()) return;
    Sum sum;
    for (const VatBreakdown& v : inv.vat_breakdown) sum.add(v.tax_amount);
    std::optional<Decimal> expected;
    bool ok = false;
    if (cii && sum.beyond_cents) {
      const auto s =
          double_sum(inv.vat_breakdown,
                     [](const VatBreakdown& v) -> const std::optional<Decimal>& { return v.tax_amount; });
      const std::optional<DoubleVerdict> verdict = s ? double_total(*s, t.total_vat) : std::nullopt;
      if (!verdict) return;
      expected = verdict->expected;
      ok = verdict->equal;
    } else {
      if (!sum.exact) return;
      expected = round2(*sum.exact);
      ok = t.total_vat && *t.total_vat == *expected;
    }
    if (!ok)
      ctx.fail("BR-CO-14", paths.term("BT-110"),
               "the VAT breakdown tax amounts (BT-117) add up to " + quoted(*expected) + ", BT-110 is " +
                   text_or_missing(t.total_vat));
  });

  // BR-CO-15 applies once the invoice currency is known; both artefacts require exactly one
  // total VAT amount in it. CII also accepts BT-112 = BT-109 (no VAT amount at all).
  guarded([&] {
    if (inv.currency.empty()) return;
    // Read from a document, the reader counted the totals in the invoice currency; the model
    // keeps one, so for a model built in code only a tax currency equal to it can repeat it.
    const int in_currency = inv.facts.read_from_source ? inv.facts.document_currency_tax_totals
                            : !cii && inv.tax_currency == inv.currency && t.total_vat_in_tax_currency ? 2
                                                                                                      : 1;
    const bool cii_without_vat =
        cii && t.total_with_vat && t.total_without_vat && *t.total_with_vat == *t.total_without_vat;
    if (in_currency != 1 && !cii_without_vat) {
      ctx.fail("BR-CO-15", paths.term("BT-110"),
               in_currency == 0
                   ? "no total VAT amount (BT-110) is given in the invoice currency " + quoted(inv.currency)
                   : "the total VAT amount is given twice in the invoice currency " + quoted(inv.currency));
      return;
    }
    std::optional<Decimal> expected;
    if (t.total_without_vat && t.total_vat) expected = round2(*t.total_without_vat + *t.total_vat);
    bool ok = t.total_with_vat && expected && *t.total_with_vat == *expected;
    if (cii && !ok) ok = t.total_with_vat && t.total_without_vat && *t.total_with_vat == *t.total_without_vat;
    if (!ok)
      ctx.fail("BR-CO-15", paths.term("BT-112"),
               expected ? "BT-109 + BT-110 gives " + quoted(*expected) + ", the total with VAT (BT-112) is " +
                              text_or_missing(t.total_with_vat)
                        : "the total with VAT (BT-112) is " + text_or_missing(t.total_with_vat) +
                              ", the total without VAT (BT-109) " + text_or_missing(t.total_without_vat) +
                              " and the total VAT amount (BT-110) " + text_or_missing(t.total_vat));
  });

  // BR-CO-17: the artefacts round the rate to an integer to tell a zero rate, and accept a
  // difference below 1.00 (UBL) or up to 1.00 (CII).
  const Decimal one = Decimal::from_integer(1);
  const Decimal hundredth = Decimal::from_units(1, 2);
  for (std::size_t i = 0; i < inv.vat_breakdown.size(); ++i) {
    guarded([&] {
      const VatBreakdown& v = inv.vat_breakdown[i];
      if (shadowed_breakdown(v, cii)) return;
      bool ok = false;
      std::optional<Decimal> expected;
      if (v.tax_amount) {
        const bool zero_tax = v.tax_amount->rounded_half_up(0).is_zero();
        if (!v.rate || v.rate->rounded_half_up(0).is_zero()) {
          ok = zero_tax;
        } else if (v.taxable_amount) {
          expected = round2(v.taxable_amount->abs() * *v.rate * hundredth);
          const Decimal diff = (v.tax_amount->abs() - *expected).abs();
          ok = cii ? diff <= one : diff < one;
        }
      }
      if (ok) return;
      std::string message = "VAT breakdown " + std::to_string(i + 1) + ": ";
      if (!v.tax_amount)
        message += "the tax amount (BT-117) is missing";
      else if (expected)
        message += "the taxable amount " + quoted(*v.taxable_amount) + " at " + quoted(*v.rate) + "% gives " +
                   quoted(*expected) + ", the tax amount (BT-117) is " + quoted(*v.tax_amount);
      else if (!v.rate || v.rate->rounded_half_up(0).is_zero())
        message += "the rate is " + text_or_missing(v.rate) + " but the tax amount (BT-117) is " +
                   quoted(*v.tax_amount);
      else
        message += "the taxable amount (BT-116) is missing";
      ctx.fail("BR-CO-17", paths.vat_breakdown(i, "BT-117"), std::move(message));
    });
  }
}

void check_total_decimals(RuleContext& ctx, Syntax syntax) {
  const Invoice& inv = ctx.inv;
  const DocumentTotals& t = inv.totals;
  const auto total = [&](std::string_view id, std::string_view term, const std::optional<Decimal>& value) {
    check_scale(ctx, id, term, value, [&] { return ctx.paths.term(term); });
  };
  total("BR-DEC-09", "BT-106", t.sum_of_line_net_amounts);
  total("BR-DEC-10", "BT-107", t.sum_of_allowances);
  total("BR-DEC-11", "BT-108", t.sum_of_charges);
  total("BR-DEC-12", "BT-109", t.total_without_vat);
  total("BR-DEC-14", "BT-112", t.total_with_vat);
  total("BR-DEC-16", "BT-113", t.paid_amount);
  total("BR-DEC-17", "BT-114", t.rounding_amount);
  total("BR-DEC-18", "BT-115", t.payable_amount);

  // BR-DEC-13 and BR-DEC-15: the UBL artefact compares each TaxAmount's currency with a child
  // of that same TaxAmount, so it never fails; CII compares values (12.340 passes), and any
  // total VAT amount that passes makes the rule pass.
  if (syntax == Syntax::cii) {
    if (t.total_vat && t.total_vat->significant_scale() > 2 && !t.total_vat_in_tax_currency)
      ctx.fail("BR-DEC-13", ctx.paths.term("BT-110"),
               "BT-110 is " + quoted(*t.total_vat) + ", with more than 2 decimals");
    if (!inv.tax_currency.empty() && (t.total_vat || t.total_vat_in_tax_currency)) {
      const std::optional<Decimal>& in_tax_currency =
          inv.tax_currency == inv.currency ? t.total_vat : t.total_vat_in_tax_currency;
      if (!in_tax_currency || in_tax_currency->significant_scale() > 2)
        ctx.fail("BR-DEC-15", ctx.paths.term("BT-111"),
                 in_tax_currency ? "BT-111 is " + quoted(*in_tax_currency) + ", with more than 2 decimals"
                                 : "no total VAT amount (BT-111) in the VAT accounting currency " +
                                       quoted(inv.tax_currency) + " has at most 2 decimals");
    }
  } else if (syntax == Syntax::unknown) {
    total("BR-DEC-13", "BT-110", t.total_vat);
    total("BR-DEC-15", "BT-111", t.total_vat_in_tax_currency);
  }

  for (std::size_t i = 0; i < inv.vat_breakdown.size(); ++i) {
    const VatBreakdown& v = inv.vat_breakdown[i];
    if (shadowed_breakdown(v, syntax == Syntax::cii)) continue;
    check_scale(ctx, "BR-DEC-19", "BT-116", v.taxable_amount,
                [&] { return ctx.paths.vat_breakdown(i, "BT-116"); });
    check_scale(ctx, "BR-DEC-20", "BT-117", v.tax_amount,
                [&] { return ctx.paths.vat_breakdown(i, "BT-117"); });
  }
}

}  // namespace

std::span<const RuleInfo> calc_rules() {
  return infos;
}

// BR-CO-19 and BR-CO-20 judge a period element that is present without any date element. The
// model keeps only readable dates, so only a model read from a document, whose facts tell which
// elements existed, can fail them.
void check_periods(RuleContext& ctx, bool cii) {
  const Invoice& inv = ctx.inv;
  const SourceFacts& f = inv.facts;
  if (!f.read_from_source) return;
  // UBL also accepts a period holding only the VAT point date code (BT-8); CII keeps BT-8 elsewhere.
  if (f.has_group(14) && !f.has_term(73) && !f.has_term(74) && (cii || !f.has_term(8)))
    ctx.fail("BR-CO-19", ctx.paths.term("BG-14"),
             "the invoicing period (BG-14) has neither a start date (BT-73) nor an end date (BT-74)");
  for (std::size_t i = 0; i < inv.lines.size(); ++i) {
    const SourceFacts& lf = inv.lines[i].facts;
    if (lf.has_group(26) && !lf.has_term(134) && !lf.has_term(135))
      ctx.fail("BR-CO-20", ctx.paths.line(i, "BG-26"),
               "the invoice line period (BG-26) of line " + std::to_string(i + 1) +
                   " has neither a start date (BT-134) nor an end date (BT-135)");
  }
}

void check_calc(RuleContext& ctx) {
  const Invoice& inv = ctx.inv;
  const bool cii = inv.source_syntax == Syntax::cii;
  check_header(ctx, cii);
  Sum allowance_sum, charge_sum;
  check_document_allowances(ctx, false, allowance_sum);
  check_document_allowances(ctx, true, charge_sum);
  const Sum line_sum = check_lines(ctx);
  if (any_total(inv.totals, cii)) check_totals(ctx, cii, line_sum, allowance_sum, charge_sum);
  check_vat_totals(ctx, cii);
  check_total_decimals(ctx, inv.source_syntax);
  check_periods(ctx, cii);
}

}  // namespace relance::formats::rules
