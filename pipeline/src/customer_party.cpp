#include "customer_party.hpp"

namespace relance::pipeline::detail {

letters::LetterParty party_of(const CustomerRecord& customer) {
  letters::LetterParty p;
  p.name = customer.name;
  p.address = customer.postal_address.empty() ? customer.billing_address : customer.postal_address;
  p.siren = customer.siren;
  p.vat_id = customer.vat_id;
  p.email = customer.emails.empty() ? std::string{} : customer.emails.front();
  return p;
}

}  // namespace relance::pipeline::detail
