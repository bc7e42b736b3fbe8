#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/date.hpp"
#include "relance/formats/diagnostic.hpp"
#include "relance/formats/invoice.hpp"

namespace relance::formats {

// One rule of the registry: the official EN 16931 rules with the ids and severities of the
// validation artefacts (release 1.3.16), and relance's own RL-* rules.
struct RuleInfo {
  std::string_view id;      // "BR-CO-10", "RL-ADDR-001"
  Severity severity;        // the default; the configuration may re-grade or switch it off
  std::string_view terms;   // business terms it judges: "BT-106, BT-131"
  std::string_view title;   // what must hold, one sentence
  std::string_view source;  // legal source or specification clause
};

// Every rule relance can emit, official and own, sorted by id.
std::span<const RuleInfo> rule_registry();
const RuleInfo* find_rule(std::string_view id);

// How "45 days end of month" (L441-10) is counted: the stricter reading is the default.
enum class EndOfMonthReading {
  end_of_month_then_days,  // end of the issue month, then 45 days (the later date)
  days_then_end_of_month,  // 45 days, then the end of that month
  stricter,                // whichever gives the earlier limit
};

struct ValidationOptions {
  // With a date, an invoice already past due is reported (info).
  std::optional<Date> as_of;
  // Rule ids or prefixes ending in '*' ("BR-CO-*"); empty means every rule.
  std::vector<std::string> only_rules;
  // Per rule: a new severity, or nullopt to switch it off.
  std::map<std::string, std::optional<Severity>, std::less<>> overrides;

  // RL-DUE: legal maximum payment term in days after the issue date (France L441-10: 60;
  // EU Directive 2011/7/EU: 60 unless expressly agreed).
  int max_payment_days = 60;
  int max_payment_days_end_of_month = 45;
  EndOfMonthReading end_of_month_reading = EndOfMonthReading::stricter;
  // RL-DUE: an invoice is issued at most this many days after delivery (CGI 289).
  int max_days_after_delivery = 7;
  // RL-DUE-003: a regulated sector's shorter maximum (Code de commerce L441-11, e.g. 30 days for
  // road transport), counted from the issue date; replaces the two limits above when set.
  std::optional<int> sector_max_payment_days;

  // RL-FR-003..006: the mentions of the 2026-2027 e-invoicing reform are required on invoices
  // issued from this date (large and mid-size companies: 2026-09-01; SMEs: 2027-09-01).
  // nullopt: never.
  std::optional<Date> reform_mentions_from = Date::from_ymd(2026, 9, 1);
  // RL-FR-006: the seller opted for paying VAT on debits, which its invoices must then say.
  bool seller_opted_vat_on_debits = false;
};

// Applies the rule selection and the overrides of `options` to diagnostics that did not come
// from validate(): the readers' syntax rules (UBL-*, CII-*) and the Factur-X checks (RL-FX-*).
// Reading errors, which are not rules (RL-XML-001, RL-PDF-001, ...), are kept as they are.
void apply_rule_settings(Diagnostics& diagnostics, const ValidationOptions& options);

// Runs every enabled rule on the model. Never throws for odd data: a rule that cannot judge
// stays silent. `source_name` goes into each diagnostic's location.
Diagnostics validate(const Invoice& invoice, const ValidationOptions& options = {},
                     std::string_view source_name = {});

}  // namespace relance::formats
