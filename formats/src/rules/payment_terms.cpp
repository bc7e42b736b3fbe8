#include "payment_terms.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <vector>

namespace relance::formats::rules::terms {
namespace {

// Folding of the two-byte UTF-8 sequences C3 80..C3 BF (Latin-1 letters), by second byte.
constexpr std::array<std::string_view, 64> latin1_folds{
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "y",
};

std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

enum class Kind : unsigned char { word, number, symbol, brk };

struct Token {
  Kind kind;
  bool glued;  // no space between this token and the previous one
  std::string_view text;
  int value;          // numbers: the integer part, capped; -1 when the fraction is not zero
  bool has_fraction;  // numbers: "40,00", "12.15"
};

bool is_letter(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Words, numbers (with a decimal comma or point), single symbols; newline and ';' separate
// clauses. Sentences are not split at '.', which legal abbreviations ("art. L441-10") use.
std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 3 + 4);
  bool glued = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ') {
      glued = false;
      ++i;
      continue;
    }
    if (c == '\n' || c == ';') {
      out.push_back({Kind::brk, false, s.substr(i, 1), 0, false});
      glued = false;
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (is_letter(c)) {
      while (i < s.size() && is_letter(s[i])) ++i;
      out.push_back({Kind::word, glued, s.substr(start, i - start), 0, false});
    } else if (is_digit(c)) {
      int value = 0;
      while (i < s.size() && is_digit(s[i])) {
        value = std::min(value * 10 + (s[i] - '0'), 100000);
        ++i;
      }
      bool fraction_zero = true, fraction = false;
      if (i + 1 < s.size() && (s[i] == ',' || s[i] == '.') && is_digit(s[i + 1])) {
        fraction = true;
        ++i;
        while (i < s.size() && is_digit(s[i])) {
          fraction_zero = fraction_zero && s[i] == '0';
          ++i;
        }
      }
      // "40,00" is forty.
      out.push_back({Kind::number, glued, s.substr(start, i - start), fraction && !fraction_zero ? -1 : value,
                     fraction});
    } else {
      ++i;
      out.push_back({Kind::symbol, glued, s.substr(start, 1), 0, false});
    }
    glued = true;
  }
  return out;
}

// Called for most tokens against short word lists: the first letter settles nearly every
// comparison without a call to memcmp.
bool any_of(std::string_view w, std::initializer_list<std::string_view> words) {
  if (w.empty()) return false;
  for (const std::string_view x : words) {
    if (x.size() != w.size() || x[0] != w[0]) continue;
    std::size_t k = 1;
    while (k < w.size() && x[k] == w[k]) ++k;
    if (k == w.size()) return true;
  }
  return false;
}

bool is_word(const Token& t, std::initializer_list<std::string_view> words) {
  return t.kind == Kind::word && any_of(t.text, words);
}

bool is_day_unit(const Token& t) {
  return is_word(t, {"jours", "jour", "j", "days", "day", "tage", "tagen", "tag", "dias", "giorni", "dagen",
                     "dagar", "dage", "dni"});
}

// The tokens of a clause around position i, at most `before` back and `after` on.
struct Window {
  std::size_t first, last;  // [first, last)
};

Window window(const std::vector<Token>& t, std::size_t i, std::size_t before, std::size_t after) {
  std::size_t first = i, last = i + 1;
  while (first > 0 && i - first < before && t[first - 1].kind != Kind::brk) --first;
  while (last < t.size() && last - i <= after && t[last].kind != Kind::brk) ++last;
  return {first, last};
}

template <class Pred>
bool any_in(Window w, Pred pred) {
  for (std::size_t k = w.first; k < w.last; ++k)
    if (pred(k)) return true;
  return false;
}

// "fin de mois", "fin du mois", "fdm", "end of (the) month", "eom", "Monatsende", "Ende des
// Monats", "fine mese", "fin de mes" starting at k.
bool end_of_month_at(const std::vector<Token>& t, std::size_t k) {
  const auto w = [&](std::size_t j, std::initializer_list<std::string_view> words) {
    return j < t.size() && is_word(t[j], words);
  };
  if (w(k, {"fdm", "eom", "monatsende", "monatsletzten"})) return true;
  if (w(k, {"fin"}) && w(k + 1, {"de", "du"}) && w(k + 2, {"mois", "mes"})) return true;
  if (w(k, {"end"}) && w(k + 1, {"of"}) &&
      (w(k + 2, {"month"}) || (w(k + 2, {"the"}) && w(k + 3, {"month"}))))
    return true;
  if (w(k, {"ende"}) && w(k + 1, {"des"}) && w(k + 2, {"monats"})) return true;
  if (w(k, {"fine"}) && w(k + 1, {"mese"})) return true;
  return false;
}

// A count of days that is not a percentage, an amount, a rate or a piece of an article number
// ("L441-10", "D. 441-5").
bool plausible_day_count(const std::vector<Token>& t, std::size_t i) {
  const Token& n = t[i];
  if (n.kind != Kind::number || n.value <= 0 || n.value > 366 || n.has_fraction) return false;
  if (n.glued && i > 0 && (t[i - 1].kind == Kind::word || t[i - 1].text == "-" || t[i - 1].text == "."))
    return false;
  if (i + 1 < t.size()) {
    const Token& next = t[i + 1];
    if (next.kind == Kind::symbol && (next.text == "%" || next.text == "-" || next.text == "/")) return false;
    if (is_word(next, {"eur", "euro", "euros", "points", "point", "pts", "pt", "fois", "x"})) return false;
  }
  return true;
}

struct Candidate {
  StatedTerm term;
  bool net;
};

}  // namespace

void fold_into(std::string_view utf8, std::string& out) {
  // No sequence folds to more than twice its length (the euro sign: 3 bytes to 5), so the output
  // is written through a pointer into room made once.
  const std::size_t start = out.size();
  out.resize(start + 2 * utf8.size());
  char* w = out.data() + start;
  const auto put = [&w](std::string_view s) {
    for (const char ch : s) *w++ = ch;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z')
        *w++ = static_cast<char>(c - 'A' + 'a');
      else if (c == '\t' || c == '\r')
        *w++ = ' ';
      else if (c == '\n' || c >= 0x20)
        *w++ = static_cast<char>(c);
      ++i;
      continue;
    }
    const std::size_t len = std::min(sequence_length(c), utf8.size() - i);
    const auto b1 = len > 1 ? static_cast<unsigned char>(utf8[i + 1]) : 0;
    const auto b2 = len > 2 ? static_cast<unsigned char>(utf8[i + 2]) : 0;
    if (c == 0xC3 && len == 2 && b1 >= 0x80 && b1 <= 0xBF) {
      put(latin1_folds[static_cast<std::size_t>(b1 - 0x80)]);
    } else if (c == 0xC5 && len == 2 && (b1 == 0x92 || b1 == 0x93)) {
      put("oe");
    } else if (c == 0xE2 && len == 3 && b1 == 0x82 && b2 == 0xAC) {
      put(" eur ");
    } else if (c == 0xE2 && len == 3 && b1 == 0x80 && (b2 == 0x98 || b2 == 0x99)) {
      *w++ = '\'';
    } else {
      *w++ = ' ';
    }
    i += len;
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
}

std::string fold(std::string_view utf8) {
  std::string out;
  fold_into(utf8, out);
  return out;
}

namespace {

// The terms in the first `count` tokens (a break token ends them when more text follows).
TermsReading read_terms_in(const std::vector<Token>& t, std::size_t count) {
  TermsReading r;
  std::vector<Candidate> found;
  bool unreadable = false;
  for (std::size_t i = 0; i < count; ++i) {
    if (end_of_month_at(t, i)) r.end_of_month = true;
    if (!plausible_day_count(t, i)) continue;
    // "30 ou 60 jours", "30 to 45 days": a choice, not a term.
    if (i + 1 < t.size() && is_word(t[i + 1], {"ou", "or", "oder", "bis", "to"})) {
      unreadable = true;
      continue;
    }
    const auto net_word = [&](std::size_t k) {
      return k < t.size() && is_word(t[k], {"net", "netto", "nett"});
    };
    const bool unit_after = i + 1 < t.size() && is_day_unit(t[i + 1]);
    if (!unit_after && !(i > 0 && net_word(i - 1))) continue;
    const std::size_t end = unit_after ? i + 1 : i;
    // "net 30", "net à 30 jours", "30 jours net", "30 Tage netto".
    const bool net = (i > 0 && net_word(i - 1)) || (i > 1 && net_word(i - 2)) || net_word(end + 1);
    // A discount clause ("2 % d'escompte à 10 jours", "2 % Skonto innerhalb 10 Tagen") is not the
    // due date.
    const Window before = window(t, i, 8, 0);
    const bool discount = !net && any_in(before, [&](std::size_t k) {
      return is_word(t[k], {"escompte", "skonto", "discount", "sconto", "remise", "rabatt", "korting"});
    });
    if (discount) continue;
    const Window clause = window(t, end, 6, 8);
    // Counted from another event than the invoice date: the due date cannot be checked.
    if (any_in(clause, [&](std::size_t k) {
          return is_word(t[k], {"reception", "receipt", "received", "livraison", "delivery", "lieferung",
                                "erhalt", "eingang", "zugang", "leistung"});
        })) {
      unreadable = true;
      continue;
    }
    Candidate c{{t[i].value, false}, net};
    const Window eom = window(t, i, 5, 6);
    for (std::size_t k = eom.first; k < eom.last; ++k) {
      if (!end_of_month_at(t, k)) continue;
      c.term.end_of_month = true;
      // "fin de mois le 10": a day of the following month, which this reading does not model.
      if (k + 4 < t.size() && is_word(t[k + 3], {"le"}) && t[k + 4].kind == Kind::number) unreadable = true;
    }
    found.push_back(c);
  }
  if (unreadable || found.empty()) return r;
  const bool any_net = std::any_of(found.begin(), found.end(), [](const Candidate& c) { return c.net; });
  std::optional<StatedTerm> chosen;
  for (const Candidate& c : found) {
    if (any_net && !c.net) continue;
    if (chosen && (chosen->days != c.term.days || chosen->end_of_month != c.term.end_of_month)) return r;
    chosen = c.term;
  }
  r.term = chosen;
  return r;
}

Mentions find_mentions_in(const std::vector<Token>& t, std::string_view folded) {
  Mentions m;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const Token& tok = t[i];
    if (tok.kind == Kind::word) {
      const std::string_view w = tok.text;
      const bool penalty = w.starts_with("penalit") || (any_of(w, {"interets", "interet", "interest"}) &&
                                                        any_in(window(t, i, 3, 4), [&](std::size_t k) {
                                                          return is_word(t[k], {"retard", "late", "overdue"});
                                                        }));
      if (penalty && !m.penalty_rate)
        m.penalty_rate = any_in(window(t, i, 12, 16), [&](std::size_t k) {
          return t[k].text == "%" ||
                 is_word(t[k], {"taux", "bce", "refinancement", "rate", "ecb", "legal", "fois"});
        });
      const bool quarante = w == "quarante" && i + 1 < t.size() && is_word(t[i + 1], {"euros", "euro"});
      if (quarante || any_of(w, {"eur", "euro", "euros"})) {
        // "40 €", "40,00 EUR", "EUR 40", "€ 40": the amount next to its currency.
        const auto forty = [&](std::size_t k) {
          return k < t.size() && t[k].kind == Kind::number && t[k].value == 40;
        };
        const bool amount = quarante || (i > 0 && forty(i - 1)) || forty(i + 1);
        if (amount && !m.indemnity_amount)
          m.indemnity_amount = any_in(window(t, i, 16, 8), [&](std::size_t k) {
            return t[k].kind == Kind::word &&
                   (t[k].text.starts_with("indemnit") || t[k].text.starts_with("recouvrement") ||
                    any_of(t[k].text, {"recovery", "compensation", "forfaitaire", "pauschale"}));
          });
      }
    }
  }
  m.indemnity_article = folded.find("441-5") != std::string_view::npos;
  for (const std::string_view phrase :
       {"livraison de biens",       "livraisons de biens",    "vente de biens",
        "ventes de biens",          "prestation de services", "prestations de services",
        "biens et services",        "biens et prestations",   "operation mixte",
        "operations mixtes",        "categorie d'operation",  "categorie de l'operation",
        "categorie des operations", "supply of goods",        "supplies of goods",
        "supply of services",       "supplies of services",   "goods and services",
        "category of operation",    "operation category"})
    if (folded.find(phrase) != std::string_view::npos) {
      m.operation_category = true;
      break;
    }
  m.vat_on_debits = folded.find("les debits") != std::string_view::npos;
  return m;
}

}  // namespace

TermsReading read_terms(std::string_view folded) {
  const std::vector<Token> t = tokenize(folded);
  return read_terms_in(t, t.size());
}

Mentions find_mentions(std::string_view folded) {
  return find_mentions_in(tokenize(folded), folded);
}

TextReading read_texts(std::string_view folded, std::size_t terms_length) {
  const std::vector<Token> t = tokenize(folded);
  const char* terms_end = folded.data() + std::min(terms_length, folded.size());
  std::size_t count = 0;
  while (count < t.size() && t[count].text.data() < terms_end) ++count;
  return {read_terms_in(t, count), find_mentions_in(t, folded)};
}

Date end_of_month_limit(Date issue, int days, EndOfMonthReading reading) {
  const Date month_end_then_days = issue.end_of_month().plus_days(days);
  const Date days_then_month_end = issue.plus_days(days).end_of_month();
  switch (reading) {
    case EndOfMonthReading::end_of_month_then_days:
      return month_end_then_days;
    case EndOfMonthReading::days_then_end_of_month:
      return days_then_month_end;
    case EndOfMonthReading::stricter:
      break;
  }
  return std::min(month_end_then_days, days_then_month_end);
}

namespace {

Date plus_months(Date d, int months) {
  const int index = d.year() * 12 + (d.month() - 1) + months;
  const int year = index / 12, month = index % 12 + 1;
  const int day = std::min(d.day(), Date::days_in_month(year, month));
  return Date::from_ymd(year, month, day).value_or(d);
}

}  // namespace

bool due_date_agrees(Date issue, Date due, const StatedTerm& term) {
  const int months = term.days % 30 == 0 ? term.days / 30 : 0;
  if (!term.end_of_month)
    return due == issue.plus_days(term.days) || (months && due == plus_months(issue, months));
  if (due == issue.end_of_month().plus_days(term.days) || due == issue.plus_days(term.days).end_of_month())
    return true;
  return months && (due == plus_months(issue, months).end_of_month() ||
                    due == plus_months(issue.end_of_month(), months).end_of_month());
}

}  // namespace relance::formats::rules::terms
