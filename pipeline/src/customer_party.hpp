#pragma once
// A ledger customer as the letters see it: the debtor's party, and the account statement that
// goes with every letter and into every agency dossier.
#include <string>
#include <vector>

#include "ledger.hpp"
#include "relance/formats/date.hpp"
#include "relance/letters/letter.hpp"

namespace relance::pipeline::detail {

// Name, the postal address (else the billing one), SIREN, VAT id and the first email address.
letters::LetterParty party_of(const CustomerRecord& customer);

// The statement on `as_of` of the customer's open items that have a due date and something still
// owed: each with what was paid and its days late, and the total outstanding.
letters::Statement account_statement(const letters::LetterParty& creditor, const letters::LetterParty& debtor,
                                     const std::string& customer_id, letters::Language language,
                                     const std::vector<ItemRecord>& open, const std::string& currency,
                                     formats::Date as_of);

}  // namespace relance::pipeline::detail
