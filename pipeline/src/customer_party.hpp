#pragma once
// A ledger customer as the letters name the debtor.
#include "ledger.hpp"
#include "relance/letters/letter.hpp"

namespace relance::pipeline::detail {

// Name, the postal address (else the billing one), SIREN, VAT id and the first email address.
letters::LetterParty party_of(const CustomerRecord& customer);

}  // namespace relance::pipeline::detail
