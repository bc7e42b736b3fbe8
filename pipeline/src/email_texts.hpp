#pragma once
// The subject and the short text and HTML bodies of a dunning email, per level and language. The
// letter itself travels as the attached PDF; the email only says what it is about. Written in
// code for now (email_texts.cpp), in one function, so that it can move to templates
// (templates/<lang>/email_<level>.txt.mustache) without touching its callers.
#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"
#include "relance/letters/language.hpp"

namespace relance::pipeline::detail {

struct EmailFacts {
  std::string debtor_name;
  std::string creditor_name;
  std::string creditor_email, creditor_phone;
  std::vector<std::string> item_numbers;  // the invoices the letter claims
  formats::Decimal total;                 // what the letter asks for
  std::string currency;
  formats::Date as_of = formats::Date::from_days(0);
};

struct EmailTexts {
  std::string subject;
  std::string text;  // plain text, LF line endings
  std::string html;  // the same as a small HTML document, every value escaped
};

// level: "pre_reminder", "reminder_1", "reminder_2", "formal_notice", "agency"; any other level
// gets the wording of a plain reminder.
EmailTexts email_texts(std::string_view level, letters::Language language, const EmailFacts& facts);

}  // namespace relance::pipeline::detail
