#pragma once
// The aged balance (balance âgée) as a PDF, with the invoices' typography, from
// templates/<lang>/aging.mustache. The pipeline computes the report and formats every value
// for the language (letters::format_amount, format_date, format_number); the template adds the
// wording. The names the template sees are those of the structs below.
#include <filesystem>
#include <string>
#include <vector>

#include "relance/formats/diagnostic.hpp"
#include "relance/letters/language.hpp"

namespace relance::letters {

// One customer (or the total) in one currency: outstanding amounts by days past due.
struct AgingReportRow {
  std::string customer;  // "Name (id)"; the total row's label
  std::string not_due, days_1_30, days_31_60, days_61_90, over_90;
  std::string total;
  std::string disputed;          // part of total under an open dispute
  std::string oldest_days_late;  // empty when nothing is late
};

// A customer to chase first: most owed more than 30 days late, then the oldest.
struct AgingChaseRow {
  std::string rank;  // "1"
  std::string customer;
  std::string over_30;  // outstanding more than 30 days late, disputed items aside
  std::string overdue;  // everything past due, disputed items aside
  std::string oldest_days_late;
};

// Expected cash-in of one ISO week.
struct AgingCashInWeek {
  std::string week;  // "2026-W48"
  std::string from;  // its Monday, formatted
  std::string amount;
};

struct AgingCurrencySection {
  std::string currency;  // ISO 4217
  std::vector<AgingReportRow> rows;
  AgingReportRow totals;
  std::string dso_days;  // formatted number of days ("42,5")
  std::vector<AgingChaseRow> chase_first;
  std::vector<AgingCashInWeek> cash_in;
  std::string overdue_unknown;  // past due with no promise: date unknown
  std::string later;            // expected after the last week
  std::string disputed;         // under dispute: not forecast
};

struct AgingReportDocument {
  std::string company;  // the creditor's name; may be empty
  std::string as_of;    // formatted date
  std::vector<AgingCurrencySection> currencies;
};

// An empty templates_dir means the bundled templates (or $RELANCE_TEMPLATES). Template or font
// problems are RL-RENDER-* diagnostics and no value.
Result<std::string> render_aging_pdf(const AgingReportDocument& document, Language language,
                                     std::filesystem::path templates_dir);

}  // namespace relance::letters
