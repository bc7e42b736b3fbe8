#pragma once
// What the camt, CSV and sniffing parts of the bank statement readers share.
#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/bank_statement.hpp"

namespace relance::formats::detail {

// camt.053.001.NN -> camt053, camt.054.001.NN -> camt054, anything else -> unknown.
BankFormat camt_format_of_namespace(std::string_view uri);
// A stable reference for an entry the bank gave none ("hash:" + 32 hex digits).
std::string bank_hash_reference(std::string_view content);
// Appends "#2", "#3" to references repeated within one file.
void make_bank_references_unique(std::vector<BankEntry>& entries);
// The first line names at least a date and an amount column.
bool is_payments_csv_header(std::string_view bytes);

}  // namespace relance::formats::detail
