#pragma once
// The subject and the short text and HTML bodies of a dunning email. The letter itself travels as
// the attached PDF; the email only says what it is about. The wording lives in
// templates/<lang>/email_<level>.{subject,txt,html}.mustache (see templates/README.md), so that it
// changes without recompiling, like the letters'.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"
#include "relance/letters/language.hpp"

namespace relance::letters {

struct EmailFacts {
  std::string debtor_name;
  std::string creditor_name;
  std::string creditor_email, creditor_phone;
  std::vector<std::string> item_numbers;  // the invoices the letter claims
  formats::Decimal total;                 // what the letter asks for
  std::string currency;                   // empty: the amount is written without one
  formats::Date as_of = formats::Date::from_days(0);
};

struct EmailTexts {
  std::string subject;  // one line: safe to put in a header
  std::string text;     // plain text, ending with one line break
  std::string html;     // a small HTML document, every value escaped
};

// Renders emails one after the other, parsing each template once. Not thread-safe; one per thread.
class EmailRenderer {
 public:
  // Holds fr/, en/ and de/ with the email templates; empty: default_templates_dir().
  explicit EmailRenderer(std::filesystem::path templates_dir = {});
  ~EmailRenderer();
  EmailRenderer(const EmailRenderer&) = delete;
  EmailRenderer& operator=(const EmailRenderer&) = delete;

  // level: a scenario level ("reminder_2"); a level without email templates of its own gets the
  // reminder_1 wording. Throws relance::Error RL-RENDER-002 naming the template for a missing or
  // malformed template or a name the view lacks: an email is never sent blank.
  EmailTexts render(std::string_view level, Language language, const EmailFacts& facts);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relance::letters
