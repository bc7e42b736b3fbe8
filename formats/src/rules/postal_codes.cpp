#include "postal_codes.hpp"

#include <cstddef>

namespace relance::formats::rules::postal {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// A pattern character: '9' a digit, 'A' a letter (either case), anything else itself.
bool matches(std::string_view pattern, std::string_view s) {
  if (pattern.size() != s.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char p = pattern[i], c = s[i];
    if (p == '9' ? !is_digit(c) : p == 'A' ? !is_letter(c) : p != c) return false;
  }
  return true;
}

struct CountryShape {
  std::string_view country;
  std::string_view patterns[3];  // alternatives; empty ones unused
  std::string_view words;
};

// Forms without a country prefix ("D-80331", "F-69002" are old letter-writing habits), except
// where the prefix is part of the national form (LU, LV, LT).
constexpr CountryShape shapes[] = {
    {"AT", {"9999"}, "4 digits"},
    {"BE", {"9999"}, "4 digits"},
    {"BG", {"9999"}, "4 digits"},
    {"CA", {"A9A 9A9", "A9A9A9"}, "letter-digit-letter, a space, digit-letter-digit (K1A 0B1)"},
    {"CH", {"9999"}, "4 digits"},
    {"CY", {"9999"}, "4 digits"},
    {"CZ", {"999 99", "99999"}, "5 digits, often written 3 + 2 (110 00)"},
    {"DE", {"99999"}, "5 digits"},
    {"DK", {"9999"}, "4 digits"},
    {"EE", {"99999"}, "5 digits"},
    {"ES", {"99999"}, "5 digits, the first two a province from 01 to 52"},
    {"FI", {"99999"}, "5 digits"},
    {"FR", {"99999"}, "5 digits"},
    {"GR", {"999 99", "99999"}, "5 digits, often written 3 + 2 (105 57)"},
    {"HR", {"99999"}, "5 digits"},
    {"HU", {"9999"}, "4 digits"},
    {"IT", {"99999"}, "5 digits"},
    {"LI", {"9999"}, "4 digits"},
    {"LT", {"LT-99999", "99999"}, "5 digits, optionally after LT- (LT-01100)"},
    {"LU", {"L-9999", "9999"}, "4 digits, optionally after L- (L-1855)"},
    {"LV", {"LV-9999"}, "LV- and 4 digits (LV-1050)"},
    {"MC", {"99999"}, "5 digits starting with 980 (98000)"},
    {"MT", {"AAA 9999", "AAA9999"}, "3 letters, a space and 4 digits (VLT 1117)"},
    {"NL", {"9999 AA", "9999AA"}, "4 digits, a space and 2 letters (1012 AB)"},
    {"NO", {"9999"}, "4 digits"},
    {"PL", {"99-999"}, "2 digits, a hyphen and 3 digits (00-950)"},
    {"PT", {"9999-999"}, "4 digits, a hyphen and 3 digits (1000-001)"},
    {"RO", {"999999"}, "6 digits"},
    {"SE", {"999 99", "99999"}, "5 digits, often written 3 + 2 (114 55)"},
    {"SI", {"9999"}, "4 digits"},
    {"SK", {"999 99", "99999"}, "5 digits, often written 3 + 2 (811 01)"},
    {"US", {"99999", "99999-9999"}, "a 5-digit ZIP code, optionally -4 digits (20500 or 20500-0003)"},
};

const CountryShape* find(std::string_view country) {
  for (const auto& s : shapes)
    if (s.country == country) return &s;
  return nullptr;
}

// Royal Mail: an outward code (A9, A99, AA9, AA99, A9A, AA9A), one optional space, an inward code
// (9AA). GIR 0AA is Girobank's historic code, still in use.
bool uk_postcode(std::string_view s) {
  if (s == "GIR 0AA" || s == "GIR0AA") return true;
  if (s.size() < 5 || s.size() > 8) return false;
  const std::string_view inward = s.substr(s.size() - 3);
  if (!matches("9AA", inward)) return false;
  std::string_view outward = s.substr(0, s.size() - 3);
  if (!outward.empty() && outward.back() == ' ') outward.remove_suffix(1);
  for (const std::string_view p : {"A9", "A99", "AA9", "AA99", "A9A", "AA9A"})
    if (matches(p, outward)) return true;
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

Shape check(std::string_view country, std::string_view post_code) {
  const std::string_view code = trim(post_code);
  if (country == "GB") return uk_postcode(code) ? Shape::ok : Shape::wrong;
  const CountryShape* shape = find(country);
  if (!shape) return Shape::unknown_country;
  bool ok = false;
  for (const auto p : shape->patterns) ok = ok || (!p.empty() && matches(p, code));
  if (ok && country == "MC") ok = code.starts_with("980");
  if (ok && country == "ES") {
    const int province = (code[0] - '0') * 10 + (code[1] - '0');
    ok = province >= 1 && province <= 52;
  }
  return ok ? Shape::ok : Shape::wrong;
}

std::string_view describe(std::string_view country) {
  if (country == "GB") return "an outward code, a space and an inward code (SW1A 1AA)";
  const CountryShape* shape = find(country);
  return shape ? shape->words : std::string_view{};
}

bool has_no_postal_codes(std::string_view country) {
  static constexpr std::string_view none[] = {
      "AE", "AG", "AO", "AW", "BF", "BI", "BJ", "BO", "BQ", "BS", "BW", "BZ", "CD", "CF", "CG", "CI",
      "CK", "CM", "CW", "DJ", "DM", "ER", "FJ", "GA", "GD", "GH", "GM", "GQ", "GY", "HK", "IE", "JM",
      "KI", "KM", "KN", "KP", "LC", "ML", "MO", "MR", "MW", "NR", "NU", "QA", "RW", "SB", "SC", "SL",
      "SR", "SS", "ST", "SX", "SY", "TF", "TG", "TK", "TL", "TO", "TT", "TV", "UG", "VU", "YE", "ZW"};
  for (const auto c : none)
    if (c == country) return true;
  return false;
}

}  // namespace relance::formats::rules::postal
