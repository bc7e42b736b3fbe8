#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/invoice.hpp"

namespace relance::letters {

// The EPC069-12 "SEPA credit transfer" QR payload (version 002, UTF-8, BCD service tag): what a
// banking app scans to fill in a transfer. Present only when the invoice asks to be paid by credit
// transfer (BT-81 30 or 58) in EUR to an IBAN (BT-84), and the amount due (BT-115) is positive and at
// most 999,999,999.99; nullopt otherwise. The beneficiary is the payee (BG-10) or else the seller
// (BG-4), cut to 70 characters; the remittance text is BT-83, else the invoice number BT-1.
std::optional<std::string> epc_qr_payload(const formats::Invoice& invoice);

// A QR code as a square of modules, row by row, true = dark. Error correction level M, as EPC069-12
// requires; throws formats::Error (RL-RENDER-003) if the text does not fit a QR code.
struct QrMatrix {
  int size = 0;
  std::vector<std::uint8_t> modules;  // size * size, 1 = dark
  bool dark(int row, int column) const { return modules[static_cast<std::size_t>(row * size + column)] != 0; }
};
QrMatrix encode_qr(std::string_view text);

}  // namespace relance::letters
