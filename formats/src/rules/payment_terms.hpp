#pragma once

// Reading what payment terms (BT-20) and notes (BT-22) say, in French, English and German as
// invoices write them: the net term ("30 jours fin de mois", "à 45 jours", "net 30", "30 Tage
// netto") and the mentions French law requires. Hand-written scanners over text folded once to
// lower-case ASCII: std::regex would cost more than the whole validation.

#include <optional>
#include <string>
#include <string_view>

#include "relance/formats/date.hpp"
#include "relance/formats/validate.hpp"

namespace relance::formats::rules::terms {

// Appends `utf8` folded to lower-case ASCII: accents dropped, ß to ss, œ to oe, the euro sign to
// " eur ", no-break spaces to spaces, any other non-ASCII character to a space.
void fold_into(std::string_view utf8, std::string& out);
std::string fold(std::string_view utf8);

struct StatedTerm {
  int days = 0;
  bool end_of_month = false;  // "fin de mois", "end of month", "Monatsende"
};

struct TermsReading {
  // The net term, when the text states exactly one counted from the invoice date. Absent when
  // there is none, when several disagree, or when it counts from receipt or delivery.
  std::optional<StatedTerm> term;
  bool end_of_month = false;  // an end-of-month clause appears anywhere
};

TermsReading read_terms(std::string_view folded);

// The mentions of Code de commerce L441-9 I / L441-10 II / D441-5 and of the 2026-2027 reform,
// found anywhere in the folded terms and notes.
struct Mentions {
  bool penalty_rate = false;        // a late-payment penalty and its rate
  bool indemnity_amount = false;    // the recovery indemnity with "40 €" / "EUR 40" / "quarante euros"
  bool indemnity_article = false;   // a reference to D441-5
  bool operation_category = false;  // goods, services or both
  bool vat_on_debits = false;       // "option pour le paiement de la taxe d'après les débits"
};

Mentions find_mentions(std::string_view folded);

// Both from one pass over `folded`, whose first `terms_length` characters are the payment terms
// (BT-20) and the rest, after a newline, the notes and other texts.
struct TextReading {
  TermsReading terms;
  Mentions mentions;
};
TextReading read_texts(std::string_view folded, std::size_t terms_length);

// The latest due date "N days end of month" allows after `issue`, in the given reading.
Date end_of_month_limit(Date issue, int days, EndOfMonthReading reading);

// Whether `due` is what the stated term gives from `issue`: N days, or N/30 months where N is a
// multiple of 30 (both are common in billing systems); with end of month, either reading.
bool due_date_agrees(Date issue, Date due, const StatedTerm& term);

}  // namespace relance::formats::rules::terms
