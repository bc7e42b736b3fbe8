// Numbers, amounts, percentages and dates as French, English and German readers write them.
// Exact string work on Decimal::to_string(): no std::locale, no floating point.

#include <algorithm>
#include <string>
#include <string_view>

#include "relance/letters/language.hpp"

namespace relance::letters {

namespace {

constexpr std::string_view narrow_no_break_space = "\u202F";
constexpr std::string_view no_break_space = "\u00A0";

std::string_view group_separator(Language language) {
  switch (language) {
    case Language::fr:
      return narrow_no_break_space;
    case Language::de:
      return ".";
    case Language::en:
      return ",";
  }
  return ",";
}

char decimal_separator(Language language) {
  return language == Language::en ? '.' : ',';
}

// "-1234.56" (Decimal::to_string) -> "-1 234,56" in the language's separators.
std::string localize(std::string_view plain, Language language) {
  std::string out;
  if (!plain.empty() && plain.front() == '-') {
    out += '-';
    plain.remove_prefix(1);
  }
  const auto dot = plain.find('.');
  const std::string_view integer = plain.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : plain.substr(dot + 1);
  const std::string_view separator = group_separator(language);
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += separator;
    out += integer[i];
  }
  if (dot != std::string_view::npos) {
    out += decimal_separator(language);
    out += fraction;
  }
  return out;
}

std::string currency_symbol(std::string_view currency) {
  std::string code(currency);
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c); });
  if (code == "EUR") return "\u20AC";
  if (code == "USD") return "$";
  if (code == "GBP") return "\u00A3";
  return code;  // CHF and every other ISO 4217 code are written as the code
}

// A symbol made of letters ("CHF", "SEK") needs a space on the side of the digits in English too.
bool is_code(std::string_view symbol) {
  return !symbol.empty() && std::all_of(symbol.begin(), symbol.end(), [](unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

std::string two_digits(int value) {
  std::string s = std::to_string(value);
  if (s.size() < 2) s.insert(0, 2 - s.size(), '0');
  return s;
}

std::string four_digits(int value) {
  std::string s = std::to_string(value < 0 ? -value : value);
  if (s.size() < 4) s.insert(0, 4 - s.size(), '0');
  return value < 0 ? "-" + s : s;
}

}  // namespace

std::string format_amount(const formats::Decimal& amount, std::string_view currency, Language language,
                          int decimals) {
  decimals = std::clamp(decimals, 0, formats::Decimal::max_scale);
  const std::string digits = localize(amount.rounded(decimals).to_string(), language);
  const std::string symbol = currency_symbol(currency);
  if (symbol.empty()) return digits;
  if (language != Language::en) return digits + std::string(no_break_space) + symbol;
  // English: the symbol goes before the digits, after the sign: "-€1,234.56", "SEK 1,234.56".
  const bool negative = !digits.empty() && digits.front() == '-';
  std::string out = negative ? "-" : "";
  out += symbol;
  if (is_code(symbol)) out += no_break_space;
  out += negative ? digits.substr(1) : digits;
  return out;
}

std::string format_number(const formats::Decimal& value, Language language) {
  return localize(value.to_string(), language);
}

std::string format_percent(const formats::Decimal& rate, Language language) {
  std::string out = localize(rate.to_plain_string(), language);
  if (language != Language::en) out += no_break_space;
  out += '%';
  return out;
}

std::string format_date(const formats::Date& date, Language language) {
  switch (language) {
    case Language::fr:
      return two_digits(date.day()) + "/" + two_digits(date.month()) + "/" + four_digits(date.year());
    case Language::de:
      return two_digits(date.day()) + "." + two_digits(date.month()) + "." + four_digits(date.year());
    case Language::en:
      return date.to_iso();
  }
  return date.to_iso();
}

}  // namespace relance::letters
