#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relance/formats/diagnostic.hpp"
#include "relance/letters/epc_qr.hpp"
#include "sample_invoice.hpp"
#include "test_support.hpp"

namespace {

using relance::formats::Decimal;
using relance::formats::Invoice;
using relance::letters::encode_qr;
using relance::letters::epc_qr_payload;
using relance::letters::QrMatrix;

// make_invoice(3, 1): Atelier Dupont SARL, means 58, FR76 3000 6000 0112 3456 7890 189 at AGRIFRPP,
// remittance "BENCH-1", 86.30 EUR due.
Invoice sample() {
  return relance::samples::make_invoice(3, 1);
}

const std::string sample_payload =
    "BCD\n002\n1\nSCT\nAGRIFRPP\nAtelier Dupont SARL\nFR7630006000011234567890189\nEUR86.30\n\n\nBENCH-1";

Decimal dec(std::string_view text) {
  return *Decimal::parse(text);
}

std::vector<std::string> lines_of(const std::string& payload) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const auto end = payload.find('\n', start);
    lines.push_back(payload.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(EpcQrPayload, SampleInvoiceGivesTheExactEpcText) {
  const auto payload = epc_qr_payload(sample());
  ASSERT_TRUE(payload.has_value());
  EXPECT_EQ(*payload, sample_payload);
}

TEST(EpcQrPayload, PayeeNameWinsOverTheSellerAndAccountIsNormalised) {
  Invoice inv = sample();
  inv.payee.name = "Dupont Recouvrement";
  inv.payment_instructions.means_code = "30";
  inv.payment_instructions.credit_transfers[0].account_id = "fr76 3000 6000 0112 3456 7890 189";
  inv.payment_instructions.credit_transfers[0].service_provider_id = "agri frpp xxx";
  inv.totals.payable_amount = dec("1234.56");
  EXPECT_EQ(
      epc_qr_payload(inv),
      "BCD\n002\n1\nSCT\nAGRIFRPPXXX\nDupont Recouvrement\nFR7630006000011234567890189\nEUR1234.56\n\n\n"
      "BENCH-1");
}

TEST(EpcQrPayload, BicIsOptional) {
  Invoice inv = sample();
  inv.payment_instructions.credit_transfers[0].service_provider_id.clear();
  EXPECT_EQ(epc_qr_payload(inv),
            "BCD\n002\n1\nSCT\n\nAtelier Dupont SARL\nFR7630006000011234567890189\nEUR86.30\n\n\nBENCH-1");
  inv.payment_instructions.credit_transfers[0].service_provider_id = "NOT A BIC";
  EXPECT_EQ(lines_of(*epc_qr_payload(inv)).at(4), "");
}

TEST(EpcQrPayload, AmountIsRoundedToCentsWithoutLeadingZeros) {
  Invoice inv = sample();
  const std::pair<const char*, const char*> cases[] = {
      {"0.01", "EUR0.01"},
      {"0.005", "EUR0.01"},
      {"12.3", "EUR12.30"},
      {"00042.00", "EUR42.00"},
      {"2.345", "EUR2.35"},
      {"1000000000.00", nullptr},
      {"999999999.99", "EUR999999999.99"},
      {"999999999.994", "EUR999999999.99"},
      {"999999999.995", nullptr},
      {"0.004", nullptr},
      {"0", nullptr},
      {"-86.30", nullptr},
  };
  for (const auto& [amount, expected] : cases) {
    SCOPED_TRACE(amount);
    inv.totals.payable_amount = dec(amount);
    const auto payload = epc_qr_payload(inv);
    if (!expected) {
      EXPECT_FALSE(payload.has_value()) << *payload;
    } else {
      ASSERT_TRUE(payload.has_value());
      EXPECT_EQ(lines_of(*payload).at(7), expected);
    }
  }
}

TEST(EpcQrPayload, AbsentWhenTheInvoiceCannotBePaidByASepaTransfer) {
  {
    Invoice inv = sample();
    inv.currency = "USD";
    EXPECT_FALSE(epc_qr_payload(inv).has_value()) << "non-EUR currency";
  }
  {
    Invoice inv = sample();
    inv.payment_instructions.credit_transfers.clear();
    EXPECT_FALSE(epc_qr_payload(inv).has_value()) << "no credit transfer account";
  }
  {
    Invoice inv = sample();
    inv.payment_instructions.credit_transfers[0].account_id.clear();
    EXPECT_FALSE(epc_qr_payload(inv).has_value()) << "no IBAN";
  }
  {
    Invoice inv = sample();
    inv.payment_instructions.credit_transfers[0].account_id = "12345678";
    EXPECT_FALSE(epc_qr_payload(inv).has_value()) << "proprietary account id";
  }
  {
    Invoice inv = sample();
    inv.payment_instructions.credit_transfers[0].account_id = "FR7630006000011234567890188";
    EXPECT_FALSE(epc_qr_payload(inv).has_value()) << "IBAN with a wrong check";
  }
  for (const char* means : {"", "1", "42", "48", "49", "59", "57"}) {
    Invoice inv = sample();
    inv.payment_instructions.means_code = means;
    EXPECT_FALSE(epc_qr_payload(inv).has_value()) << "payment means " << means;
  }
  {
    Invoice inv = sample();
    inv.totals.payable_amount = dec("0.00");
    EXPECT_FALSE(epc_qr_payload(inv).has_value()) << "nothing due";
  }
  {
    Invoice inv = sample();
    inv.totals.payable_amount.reset();
    EXPECT_FALSE(epc_qr_payload(inv).has_value()) << "no amount due";
  }
  {
    Invoice inv = sample();
    inv.seller.name.clear();
    EXPECT_FALSE(epc_qr_payload(inv).has_value()) << "no beneficiary name";
  }
}

TEST(EpcQrPayload, SecondAccountIsUsedWhenTheFirstIsNotAnIban) {
  Invoice inv = sample();
  auto& transfers = inv.payment_instructions.credit_transfers;
  transfers.insert(transfers.begin(), relance::formats::CreditTransfer{"ACCOUNT-7", "Caisse", "BNPAFRPP"});
  const auto lines = lines_of(*epc_qr_payload(inv));
  EXPECT_EQ(lines.at(4), "AGRIFRPP");
  EXPECT_EQ(lines.at(6), "FR7630006000011234567890189");
}

TEST(EpcQrPayload, RfCreditorReferenceGoesInTheStructuredLine) {
  Invoice inv = sample();
  inv.payment_instructions.remittance_information = "RF18 5390 0754 7034";
  EXPECT_EQ(epc_qr_payload(inv),
            "BCD\n002\n1\nSCT\nAGRIFRPP\nAtelier Dupont SARL\nFR7630006000011234567890189\nEUR86.30\n\n"
            "RF18539007547034");
  inv.payment_instructions.remittance_information = "RF18000000000539007547034";
  EXPECT_EQ(lines_of(*epc_qr_payload(inv)).at(9), "RF18000000000539007547034");
}

TEST(EpcQrPayload, TextThatIsNotAValidRfReferenceStaysUnstructured) {
  Invoice inv = sample();
  inv.payment_instructions.remittance_information = "RF19 5390 0754 7034";  // wrong check digits
  auto lines = lines_of(*epc_qr_payload(inv));
  ASSERT_EQ(lines.size(), 11U);
  EXPECT_EQ(lines[9], "");
  EXPECT_EQ(lines[10], "RF19 5390 0754 7034");

  inv.payment_instructions.remittance_information = "Facture BENCH-1\r\ndu 2 novembre";
  lines = lines_of(*epc_qr_payload(inv));
  ASSERT_EQ(lines.size(), 11U);
  EXPECT_EQ(lines[10], "Facture BENCH-1 du 2 novembre");
}

TEST(EpcQrPayload, InvoiceNumberStandsInForAnAbsentRemittanceText) {
  Invoice inv = sample();
  inv.payment_instructions.remittance_information.clear();
  inv.number = "F-2026-0042";
  EXPECT_EQ(lines_of(*epc_qr_payload(inv)).back(), "F-2026-0042");
  // With neither, the trailing empty lines are dropped.
  inv.number.clear();
  EXPECT_EQ(epc_qr_payload(inv),
            "BCD\n002\n1\nSCT\nAGRIFRPP\nAtelier Dupont SARL\nFR7630006000011234567890189\nEUR86.30");
}

TEST(EpcQrPayload, BeneficiaryNameIsCutAt70CharactersOnACharacterBoundary) {
  Invoice inv = sample();
  inv.seller.name = repeat("a", 69) + "é" + "xyz";
  EXPECT_EQ(lines_of(*epc_qr_payload(inv)).at(5), repeat("a", 69) + "é");

  inv.seller.name = repeat("é", 80);
  const std::string name = lines_of(*epc_qr_payload(inv)).at(5);
  EXPECT_EQ(name, repeat("é", 70));
  EXPECT_TRUE(valid_utf8(name));

  inv.seller.name = "Atelier\nDupont   SARL ";
  EXPECT_EQ(lines_of(*epc_qr_payload(inv)).at(5), "Atelier Dupont SARL");
}

TEST(EpcQrPayload, RemittanceIsCutAt140CharactersAndThePayloadAt331Bytes) {
  Invoice inv = sample();
  inv.payment_instructions.remittance_information = repeat("x", 200);
  auto payload = *epc_qr_payload(inv);
  EXPECT_EQ(lines_of(payload).at(10), repeat("x", 140));
  EXPECT_LE(payload.size(), 331U);

  // Three-byte characters everywhere: 70 in the name (210 bytes) leave too little room for 140 more.
  inv.seller.name = repeat("€", 90);
  inv.payment_instructions.remittance_information = repeat("€", 200);
  payload = *epc_qr_payload(inv);
  EXPECT_LE(payload.size(), 331U);
  EXPECT_TRUE(valid_utf8(payload));
  const auto lines = lines_of(payload);
  EXPECT_EQ(lines.at(5), repeat("€", 70));
  EXPECT_GT(code_points(lines.at(10)), 0U);
  EXPECT_EQ(lines.at(10), repeat("€", code_points(lines.at(10))));
}

TEST(EncodeQr, GivesASquareSymbolWithFinderPatterns) {
  const QrMatrix qr = encode_qr(sample_payload);
  ASSERT_GE(qr.size, 21);
  EXPECT_EQ((qr.size - 17) % 4, 0) << "a QR version has 17 + 4 * version modules a side";
  ASSERT_EQ(qr.modules.size(), static_cast<std::size_t>(qr.size * qr.size));
  // The three 7x7 finder patterns: dark outer ring, light ring, dark 3x3 centre.
  for (const auto& [top, left] : {std::pair{0, 0}, std::pair{0, qr.size - 7}, std::pair{qr.size - 7, 0}}) {
    for (int r = 0; r < 7; ++r) {
      for (int c = 0; c < 7; ++c) {
        const bool ring = r == 0 || r == 6 || c == 0 || c == 6;
        const bool centre = r >= 2 && r <= 4 && c >= 2 && c <= 4;
        EXPECT_EQ(qr.dark(top + r, left + c), ring || centre) << top + r << "," << left + c;
      }
    }
  }
  for (const auto m : qr.modules) EXPECT_LE(m, 1);
}

TEST(EncodeQr, TextBeyondTheLargestSymbolThrowsRender003) {
  try {
    encode_qr(std::string(4000, 'x'));
    FAIL() << "4000 bytes cannot fit a level M QR code";
  } catch (const relance::Error& e) {
    EXPECT_EQ(e.diagnostic.rule_id, "RL-RENDER-003");
    EXPECT_EQ(e.diagnostic.severity, relance::Severity::fatal);
  }
}

TEST(EncodeQr, LongestEpcPayloadFitsVersion13) {
  Invoice inv = sample();
  inv.seller.name = repeat("€", 90);
  inv.payment_instructions.remittance_information = repeat("€", 200);
  const auto payload = *epc_qr_payload(inv);
  const std::string padded = payload + std::string(331 - payload.size(), 'x');
  EXPECT_LE(encode_qr(padded).size, 17 + 4 * 13) << "EPC069-12 sizes its 331 bytes for a version 13 symbol";
}

// The symbol as a PGM image: 4 light modules of quiet zone around it, 4 pixels a module.
void write_pgm(const QrMatrix& qr, const std::filesystem::path& path) {
  constexpr int quiet = 4;
  constexpr int scale = 4;
  const int side = (qr.size + 2 * quiet) * scale;
  std::string image = "P5\n" + std::to_string(side) + " " + std::to_string(side) + "\n255\n";
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const int row = y / scale - quiet;
      const int column = x / scale - quiet;
      const bool inside = row >= 0 && row < qr.size && column >= 0 && column < qr.size;
      image += static_cast<char>(inside && qr.dark(row, column) ? 0 : 255);
    }
  }
  relance::testing::write_file(path, image);
}

// zbarimg from $PATH (run_command does not search it), or nullopt.
std::optional<std::filesystem::path> find_zbarimg() {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path && *path ? path : "/usr/bin:/bin";
  while (true) {
    const auto colon = dirs.find(':');
    const std::filesystem::path candidate = std::filesystem::path(dirs.substr(0, colon)) / "zbarimg";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string_view::npos) return std::nullopt;
    dirs.remove_prefix(colon + 1);
  }
}

std::string decode_with_zbarimg(const std::filesystem::path& zbarimg, const std::string& payload) {
  relance::testing::TempDir dir;
  const auto image = dir / "epc.pgm";
  write_pgm(encode_qr(payload), image);
  // -Sbinary: the bytes as they are in the symbol. Without it zbar guesses the character set of
  // byte-mode data and takes UTF-8 "ü" for Shift-JIS; EPC069-12 says UTF-8 in its third line instead.
  const auto result =
      relance::testing::run_command({zbarimg.string(), "--raw", "-q", "-Sbinary", image.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::string out = result.out;
  if (!out.empty() && out.back() == '\n') out.pop_back();  // zbarimg ends each symbol with a newline
  return out;
}

TEST(EncodeQr, ZbarimgReadsBackTheEpcPayload) {
  const auto zbarimg = find_zbarimg();
  if (!zbarimg)
    GTEST_SKIP()
        << "zbarimg is not on the PATH (Debian package zbar-tools, which scripts/install-deps --test "
           "installs): the QR codes are not decoded back";
  EXPECT_EQ(decode_with_zbarimg(*zbarimg, sample_payload), sample_payload);

  Invoice inv = sample();
  inv.payee.name = "Müller Großhandel GmbH";
  inv.payment_instructions.remittance_information = "RF18 5390 0754 7034";
  inv.totals.payable_amount = dec("999999999.99");
  const auto payload = *epc_qr_payload(inv);
  EXPECT_EQ(decode_with_zbarimg(*zbarimg, payload), payload);

  inv.seller.name = repeat("é", 80);
  inv.payee.name.clear();
  inv.payment_instructions.remittance_information = repeat("Facture n° 42 — ", 20);
  const auto longest = *epc_qr_payload(inv);
  EXPECT_EQ(decode_with_zbarimg(*zbarimg, longest), longest);
}

}  // namespace
