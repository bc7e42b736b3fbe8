#include "identifiers.hpp"

#include <array>
#include <cstddef>
#include <initializer_list>
#include <utility>

namespace relance::formats::rules::ids {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_alpha(char c) {
  return is_upper(c) || (c >= 'a' && c <= 'z');
}
char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
int digit(char c) {
  return c - '0';
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// Identifiers are short; a fixed buffer keeps the checks free of allocation. Longer input is
// not an identifier of any scheme here.
struct Compact {
  std::array<char, 40> buf{};
  std::size_t n = 0;
  bool overflow = false;
  std::string_view view() const { return {buf.data(), n}; }
};

Compact compact(std::string_view s, std::string_view drop) {
  Compact c;
  for (const char ch : s) {
    if (drop.find(ch) != std::string_view::npos) continue;
    if (c.n == c.buf.size()) {
      c.overflow = true;
      break;
    }
    c.buf[c.n++] = upper(ch);
  }
  return c;
}

unsigned long to_number(std::string_view digits) {
  unsigned long v = 0;
  for (const char c : digits) v = v * 10 + static_cast<unsigned long>(digit(c));
  return v;
}

int weighted_sum(std::string_view digits, std::initializer_list<int> weights) {
  int sum = 0;
  std::size_t i = 0;
  for (const int w : weights) sum += digit(digits[i++]) * w;
  return sum;
}

// Each country: the shape as text for the message, the body length after the prefix, and the key
// test on the body (digits already checked where the shape is all digits).
bool de_key(std::string_view d) {
  // ISO 7064 MOD 11,10.
  int product = 10;
  for (std::size_t i = 0; i < 8; ++i) {
    int sum = (digit(d[i]) + product) % 10;
    if (sum == 0) sum = 10;
    product = (2 * sum) % 11;
  }
  int check = 11 - product;
  if (check == 10) check = 0;
  return check == digit(d[8]);
}

bool at_key(std::string_view d) {
  int r = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    const int v = digit(d[i]);
    if (i % 2 == 0) {
      r += v;
    } else {
      const int twice = v * 2;
      r += twice / 10 + twice % 10;
    }
  }
  const int check = (10 - (r + 4) % 10) % 10;
  return check == digit(d[7]);
}

bool be_key(std::string_view d) {
  const unsigned long head = to_number(d.substr(0, 8));
  return static_cast<int>(97 - head % 97) == digit(d[8]) * 10 + digit(d[9]);
}

bool nl_key(std::string_view body) {
  // body: 9 digits, 'B', 2 digits. Mod 11 on the RSIN, or (since 2020, sole proprietors) ISO 7064
  // mod 97 over "NL" and the whole body.
  const int s = weighted_sum(body, {9, 8, 7, 6, 5, 4, 3, 2});
  if (s % 11 == digit(body[8]) && s % 11 != 10) return true;
  int rem = 0;
  const auto feed = [&rem](char c) {
    if (is_digit(c)) {
      rem = (rem * 10 + digit(c)) % 97;
    } else {
      const int v = c - 'A' + 10;
      rem = (rem * 100 + v) % 97;
    }
  };
  feed('N');
  feed('L');
  for (const char c : body) feed(c);
  return rem == 1;
}

bool lu_key(std::string_view d) {
  return static_cast<int>(to_number(d.substr(0, 6)) % 89) == digit(d[6]) * 10 + digit(d[7]);
}

bool dk_key(std::string_view d) {
  return weighted_sum(d, {2, 7, 6, 5, 4, 3, 2, 1}) % 11 == 0;
}

bool fi_key(std::string_view d) {
  const int r = weighted_sum(d, {7, 9, 10, 5, 8, 4, 2}) % 11;
  if (r == 1) return false;
  return (r == 0 ? 0 : 11 - r) == digit(d[7]);
}

bool se_key(std::string_view d) {
  return d.substr(10) == "01" && luhn_valid(d.substr(0, 10));
}

bool pl_key(std::string_view d) {
  const int r = weighted_sum(d, {6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11;
  return r != 10 && r == digit(d[9]);
}

bool pt_key(std::string_view d) {
  int r = 11 - weighted_sum(d, {9, 8, 7, 6, 5, 4, 3, 2}) % 11;
  if (r >= 10) r = 0;
  return r == digit(d[8]);
}

bool ch_key(std::string_view d) {
  const int r = 11 - weighted_sum(d, {5, 4, 3, 2, 7, 6, 5, 4}) % 11;
  if (r == 10) return false;
  return (r == 11 ? 0 : r) == digit(d[8]);
}

VatCheck bad_shape(std::string_view expected) {
  return {Check::bad_shape, true, expected};
}
VatCheck judged(bool key_ok) {
  return {key_ok ? Check::ok : Check::bad_key, true, {}};
}

VatCheck check_fr(std::string_view body) {
  constexpr std::string_view shape = "FR + 2 key characters + the 9-digit SIREN";
  if (body.size() != 11 || !all_digits(body.substr(2))) return bad_shape(shape);
  const std::string_view key = body.substr(0, 2), siren = body.substr(2);
  if (!is_digit(key[0]) || !is_digit(key[1])) {
    // Alphabetic keys go to businesses without a SIREN; their algorithm is not public.
    return (is_digit(key[0]) || is_upper(key[0])) && (is_digit(key[1]) || is_upper(key[1]))
               ? judged(true)
               : bad_shape(shape);
  }
  return judged(luhn_valid(siren) && french_vat_key(to_number(siren)) == digit(key[0]) * 10 + digit(key[1]));
}

VatCheck check_digits(std::string_view body, std::size_t length, std::string_view shape,
                      bool (*key)(std::string_view)) {
  if (body.size() != length || !all_digits(body)) return bad_shape(shape);
  return judged(key(body));
}

}  // namespace

bool luhn_valid(std::string_view digits) {
  if (!all_digits(digits)) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int v = digit(*it);
    if (twice) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    twice = !twice;
  }
  return sum % 10 == 0;
}

Check check_siren_or_siret(std::string_view id) {
  const Compact c = compact(id, " ");
  const std::string_view d = c.view();
  if (c.overflow || (d.size() != 9 && d.size() != 14) || !all_digits(d)) return Check::bad_shape;
  if (d.size() == 14 && d.substr(0, 9) == "356000000") {
    int sum = 0;
    for (const char ch : d) sum += digit(ch);
    return sum % 5 == 0 || luhn_valid(d) ? Check::ok : Check::bad_key;
  }
  if (!luhn_valid(d)) return Check::bad_key;
  if (d.size() == 14 && !luhn_valid(d.substr(0, 9))) return Check::bad_siren_part;
  return Check::ok;
}

int french_vat_key(unsigned long siren) {
  return static_cast<int>((12 + 3 * (siren % 97)) % 97);
}

VatCheck check_vat_id(std::string_view vat_id) {
  const Compact c = compact(vat_id, " .-");
  const std::string_view v = c.view();
  if (c.overflow || v.size() < 3 || !is_upper(v[0]) || !is_upper(v[1])) return {};
  const std::string_view prefix = v.substr(0, 2), body = v.substr(2);
  if (prefix == "FR") return check_fr(body);
  if (prefix == "DE")
    return body.size() == 9 && all_digits(body) && body[0] != '0'
               ? judged(de_key(body))
               : bad_shape("DE + 9 digits, the first not 0");
  if (prefix == "AT") {
    if (body.size() != 9 || body[0] != 'U' || !all_digits(body.substr(1))) return bad_shape("ATU + 8 digits");
    return judged(at_key(body.substr(1)));
  }
  if (prefix == "BE") {
    if (body.size() != 10 || !all_digits(body) || (body[0] != '0' && body[0] != '1'))
      return bad_shape("BE + 10 digits starting with 0 or 1");
    return judged(be_key(body));
  }
  if (prefix == "NL") {
    if (body.size() != 12 || !all_digits(body.substr(0, 9)) || body[9] != 'B' || !all_digits(body.substr(10)))
      return bad_shape("NL + 9 digits + B + 2 digits");
    return judged(nl_key(body));
  }
  if (prefix == "LU") return check_digits(body, 8, "LU + 8 digits", lu_key);
  if (prefix == "IT") return check_digits(body, 11, "IT + 11 digits", luhn_valid);
  if (prefix == "DK") return check_digits(body, 8, "DK + 8 digits", dk_key);
  if (prefix == "FI") return check_digits(body, 8, "FI + 8 digits", fi_key);
  if (prefix == "SE") return check_digits(body, 12, "SE + 12 digits ending in 01", se_key);
  if (prefix == "PL") return check_digits(body, 10, "PL + 10 digits", pl_key);
  if (prefix == "PT") return check_digits(body, 9, "PT + 9 digits", pt_key);
  if (prefix == "CH") {
    // CHE-123.456.788 MWST / TVA / IVA: the UID with the VAT register's suffix.
    std::string_view uid = body;
    for (const std::string_view suffix : {"MWST", "TVA", "IVA"})
      if (uid.ends_with(suffix)) uid.remove_suffix(suffix.size());
    if (uid.size() != 10 || uid[0] != 'E' || !all_digits(uid.substr(1)))
      return bad_shape("CHE + 9 digits, optionally followed by MWST, TVA or IVA");
    return judged(ch_key(uid.substr(1)));
  }
  return {};
}

bool looks_like_iban(std::string_view account) {
  std::size_t i = 0;
  while (i < account.size() && account[i] == ' ') ++i;
  account.remove_prefix(i);
  return account.size() >= 4 && is_alpha(account[0]) && is_alpha(account[1]) && is_digit(account[2]) &&
         is_digit(account[3]);
}

namespace {

// ISO 13616 registry: the length of each country's IBAN.
constexpr std::pair<std::string_view, int> iban_lengths[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27},
    {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
    {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
};

int registered_iban_length(std::string_view country) {
  for (const auto& [code, length] : iban_lengths)
    if (code == country) return length;
  return 0;
}

}  // namespace

IbanCheck check_iban(std::string_view iban) {
  const Compact c = compact(iban, " ");
  const std::string_view v = c.view();
  IbanCheck r;
  if (c.overflow || v.size() < 5 || v.size() > 34 || !looks_like_iban(v)) {
    r.result = Check::bad_shape;
    return r;
  }
  r.expected_length = registered_iban_length(v.substr(0, 2));
  if (r.expected_length != 0 && static_cast<int>(v.size()) != r.expected_length) {
    r.result = Check::bad_shape;
    return r;
  }
  for (const char ch : v)
    if (!is_digit(ch) && !is_upper(ch)) {
      r.result = Check::bad_shape;
      return r;
    }
  // The country code and check digits move to the end; letters count as 10..35.
  int rem = 0;
  const auto feed = [&rem](char ch) {
    rem = is_digit(ch) ? (rem * 10 + digit(ch)) % 97 : (rem * 100 + (ch - 'A' + 10)) % 97;
  };
  for (const char ch : v.substr(4)) feed(ch);
  for (const char ch : v.substr(0, 4)) feed(ch);
  r.result = rem == 1 ? Check::ok : Check::bad_key;
  return r;
}

bool bic_shape_valid(std::string_view bic) {
  if (bic.size() != 8 && bic.size() != 11) return false;
  for (std::size_t i = 0; i < bic.size(); ++i) {
    const char ch = bic[i];
    const bool letter_only = i == 4 || i == 5;
    if (!(is_upper(ch) || (!letter_only && is_digit(ch)))) return false;
  }
  return true;
}

bool is_eu_member_state(std::string_view country) {
  static constexpr std::string_view members[] = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES",
                                                 "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
                                                 "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};
  for (const auto m : members)
    if (m == country) return true;
  return false;
}

std::string_view vat_prefix_country(std::string_view vat_id) {
  while (!vat_id.empty() && vat_id.front() == ' ') vat_id.remove_prefix(1);
  if (vat_id.size() < 2 || !is_upper(vat_id[0]) || !is_upper(vat_id[1])) return {};
  const std::string_view prefix = vat_id.substr(0, 2);
  if (prefix == "EL") return "GR";
  return prefix;
}

}  // namespace relance::formats::rules::ids
