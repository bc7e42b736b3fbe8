#pragma once
// Incoming payments as banks report them: ISO 20022 camt.053 (account statement) and camt.054
// (debit/credit notification), and a simple CSV export. Only what matching needs is kept.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"
#include "relance/formats/diagnostic.hpp"

namespace relance::formats {

struct BankEntry {
  // What makes the entry unique across imports, so importing a statement twice adds nothing:
  // the bank's AcctSvcrRef, else the end-to-end id, else a hash of the entry's content.
  std::string reference;
  Date value_date = Date::from_days(0);
  std::optional<Date> booking_date;
  Decimal amount;        // positive for a credit (money in)
  std::string currency;  // ISO 4217
  bool credit = true;    // false: a debit (money out), not a customer payment
  std::string debtor_name;
  std::string debtor_iban;
  std::string remittance_unstructured;  // RmtInf/Ustrd lines joined by " "
  std::string remittance_structured;    // RmtInf/Strd/CdtrRefInf/Ref (an RF or invoice reference)
  std::string end_to_end_id;
  std::string location;  // "statement.xml: Ntry[3]/NtryDtls/TxDtls[2]" or "payments.csv:7"
};

enum class BankFormat { unknown, camt053, camt054, csv };

// Sniffs camt.053 / camt.054 by the document namespace (any version, urn:iso:std:iso:20022:
// tech:xsd:camt.053.001.xx) and the payments CSV by its header line.
BankFormat sniff_bank_format(std::string_view bytes);

// One entry per transaction (TxDtls; an entry without details is one transaction). Bad input is
// diagnostics (RL-BANK-001 unreadable, RL-BANK-002 a transaction missing amount or date), never
// a crash; the good transactions are still returned.
Result<std::vector<BankEntry>> read_camt(std::string_view xml, std::string_view source_name);

// CSV with a header line, comma or semicolon separated, quoted fields allowed. Columns (any
// order, case-insensitive): date (YYYY-MM-DD or DD/MM/YYYY), amount (1234.56 or 1234,56),
// currency (default EUR), reference (the bank's id; else a hash of the line), payer, iban,
// remittance. Errors are RL-BANK-003 with file:line.
Result<std::vector<BankEntry>> read_payments_csv(std::string_view csv, std::string_view source_name);

}  // namespace relance::formats
