// The EPC069-12 SEPA credit transfer QR code ("GiroCode"): its payload from an invoice, and the
// QR symbol through libqrencode.

#include "relance/letters/epc_qr.hpp"

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "relance/formats/diagnostic.hpp"

namespace relance::letters {

namespace {

using formats::Decimal;

constexpr std::size_t max_name_characters = 70;
constexpr std::size_t max_remittance_characters = 140;
constexpr std::size_t max_payload_bytes = 331;

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char to_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// Upper case, white space removed: "fr76 3000 6000 ..." -> "FR7630006000...".
std::string compact(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += to_upper(c);
  return out;
}

// ISO 7064 MOD 97-10 as IBAN (ISO 13616) and RF creditor references (ISO 11649) use it: the first
// four characters moved to the end, letters as 10..35, the number modulo 97 must be 1.
bool mod97_valid(std::string_view s) {
  if (s.size() < 5) return false;
  const std::string rearranged = std::string(s.substr(4)) + std::string(s.substr(0, 4));
  int remainder = 0;
  for (const char c : rearranged) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (is_upper(c)) {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

// Country code, two check digits, up to 30 letters and digits, and the check holds.
bool is_iban(std::string_view s) {
  return s.size() >= 15 && s.size() <= 34 && is_upper(s[0]) && is_upper(s[1]) && is_digit(s[2]) &&
         is_digit(s[3]) && mod97_valid(s);
}

// ISO 11649: "RF", two check digits, 1 to 21 letters and digits.
bool is_rf_reference(std::string_view s) {
  return s.size() >= 5 && s.size() <= 25 && s.substr(0, 2) == "RF" && is_digit(s[2]) && is_digit(s[3]) &&
         mod97_valid(s);
}

// ISO 9362: 4 letters (institution), 2 letters (country), 2 letters or digits (location), and an
// optional 3-character branch.
bool is_bic(std::string_view s) {
  if (s.size() != 8 && s.size() != 11) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i < 6 ? !is_upper(c) : !(is_upper(c) || is_digit(c))) return false;
  }
  return true;
}

// One line of the payload: control characters (a line break would shift every later field)
// become spaces, runs of spaces one, and the ends are trimmed.
std::string single_line(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    const char d = control ? ' ' : c;
    if (d == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += d;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// At most `characters` code points and `bytes` bytes, never cutting a UTF-8 sequence.
std::string cut_utf8(std::string_view s, std::size_t characters, std::size_t bytes) {
  std::size_t end = 0;
  std::size_t count = 0;
  while (end < s.size() && count < characters) {
    std::size_t next = end + 1;
    while (next < s.size() && is_continuation(s[next])) ++next;
    if (next > bytes) break;
    end = next;
    ++count;
  }
  std::string out(s.substr(0, end));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i];
  }
  return out;
}

}  // namespace

std::optional<std::string> epc_qr_payload(const formats::Invoice& invoice) {
  const auto& pay = invoice.payment_instructions;
  const std::string_view means = trim(pay.means_code);
  if (means != "30" && means != "58") return std::nullopt;
  if (trim(invoice.currency) != "EUR") return std::nullopt;

  // The first credit transfer account that is an IBAN; a proprietary account id cannot be scanned.
  const formats::CreditTransfer* account = nullptr;
  std::string iban;
  for (const auto& transfer : pay.credit_transfers) {
    std::string candidate = compact(transfer.account_id);
    if (is_iban(candidate)) {
      account = &transfer;
      iban = std::move(candidate);
      break;
    }
  }
  if (!account) return std::nullopt;

  if (!invoice.totals.payable_amount) return std::nullopt;
  const Decimal amount = invoice.totals.payable_amount->rounded(2);
  if (amount < Decimal::from_units(1, 2) || amount > Decimal::from_units(99999999999, 2)) return std::nullopt;

  std::string name = single_line(invoice.payee.name);
  if (name.empty()) name = single_line(invoice.seller.name);
  if (name.empty()) return std::nullopt;  // the beneficiary name is mandatory
  name = cut_utf8(name, max_name_characters, std::string::npos);

  std::string bic = compact(account->service_provider_id);
  if (!is_bic(bic)) bic.clear();  // optional in version 002; a malformed one would be refused

  std::string structured;
  std::string unstructured;
  const std::string reference = compact(pay.remittance_information);
  if (is_rf_reference(reference)) {
    structured = reference;
  } else {
    unstructured = single_line(pay.remittance_information);
    if (unstructured.empty()) unstructured = single_line(invoice.number);
  }

  std::vector<std::string> lines = {
      "BCD", "002", "1", "SCT", bic, name, iban, "EUR" + amount.to_string(), "", structured, ""};
  // What is left of the 331 bytes goes to the remittance text, then the name gives way if it must.
  const std::size_t fixed = join(lines).size();
  const std::size_t room = fixed < max_payload_bytes ? max_payload_bytes - fixed : 0;
  lines.back() = cut_utf8(unstructured, max_remittance_characters, room);
  if (join(lines).size() > max_payload_bytes) {
    lines.back().clear();
    const std::size_t over = join(lines).size() - max_payload_bytes;
    lines[5] = cut_utf8(name, max_name_characters, name.size() > over ? name.size() - over : 0);
    if (lines[5].empty()) return std::nullopt;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return join(lines);
}

QrMatrix encode_qr(std::string_view text) {
  const auto fail = [&](const std::string& why) {
    Diagnostic d;
    d.rule_id = "RL-RENDER-003";
    d.severity = Severity::fatal;
    d.message = "cannot encode " + std::to_string(text.size()) + " bytes as a QR code (level M): " + why;
    return Error(std::move(d));
  };
  if (text.empty()) throw fail("the text is empty");
  if (text.size() > static_cast<std::size_t>(INT_MAX)) throw fail("the text is too long");

  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                        QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) {
    const int error = errno;
    throw fail(error == ERANGE ? std::string("the text is too long for the largest QR code")
                               : std::string(std::strerror(error)));
  }

  QrMatrix matrix;
  matrix.size = code->width;
  const auto cells = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  matrix.modules.resize(cells);
  for (std::size_t i = 0; i < cells; ++i) matrix.modules[i] = static_cast<std::uint8_t>(code->data[i] & 1U);
  return matrix;
}

}  // namespace relance::letters
