#pragma once
// Dunning letters and the account statement attached to them, rendered with the invoices'
// typography from templates/<lang>/<template>.mustache (a profile's own wording, when present,
// from <template>.<profile>.mustache: formal_notice.consumer.mustache).
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"
#include "relance/formats/diagnostic.hpp"
#include "relance/formats/invoice.hpp"
#include "relance/letters/language.hpp"
#include "relance/letters/late_interest.hpp"

namespace relance::letters {

struct LetterParty {
  std::string name;
  formats::Address address;
  std::string siren;
  std::string vat_id;
  std::string email;
  std::string phone;
};

struct LetterItem {
  std::string number;
  formats::Date issue_date = formats::Date::from_days(0);
  formats::Date due_date = formats::Date::from_days(0);
  formats::Decimal amount;       // what the invoice asked for
  formats::Decimal paid;         // payments and credit notes so far
  formats::Decimal outstanding;  // amount - paid
  int days_late = 0;             // as_of - due_date, 0 when not due
  InterestComputation interest;  // empty when no interest is claimed
};

struct Letter {
  std::string level;          // scenario level name, for the record
  std::string template_name;  // "reminder_1"
  std::string profile;        // the customer's profile: chooses a variant template
  Language language = Language::fr;
  formats::Date as_of = formats::Date::from_days(0);
  std::string reference;  // the letter's own reference, printed and kept in the journal
  LetterParty creditor;
  LetterParty debtor;
  std::string customer_id;
  std::string currency = "EUR";
  std::vector<LetterItem> items;
  formats::Decimal principal, interest, indemnity, total;
  int deadline_days = 8;  // formal notice: pay within this many days
  std::string creditor_iban, creditor_bic;
  std::string account_manager;
  std::string penalty_rate_text;  // how the rate is set, as the letter states it
};

struct Statement {
  LetterParty creditor;
  LetterParty debtor;
  std::string customer_id;
  Language language = Language::fr;
  formats::Date as_of = formats::Date::from_days(0);
  std::string currency = "EUR";
  std::vector<LetterItem> items;  // every open item of the customer
  formats::Decimal total_outstanding;
};

struct LetterRenderOptions {
  std::filesystem::path templates_dir;  // empty: default_templates_dir()
  std::string modification_date;        // fixed PDF date for reproducible output; empty: now
};

// Renders letters and statements one after the other, reusing templates and fonts; one per thread.
class LetterRenderer {
 public:
  explicit LetterRenderer(LetterRenderOptions options);
  ~LetterRenderer();
  LetterRenderer(const LetterRenderer&) = delete;
  LetterRenderer& operator=(const LetterRenderer&) = delete;

  Result<std::string> render_letter(const Letter& letter);
  Result<std::string> render_statement(const Statement& statement);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relance::letters
