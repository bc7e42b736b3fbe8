#include "customer_party.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

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

letters::Statement account_statement(const letters::LetterParty& creditor, const letters::LetterParty& debtor,
                                     const std::string& customer_id, letters::Language language,
                                     const std::vector<ItemRecord>& open, const std::string& currency,
                                     formats::Date as_of) {
  letters::Statement statement{creditor, debtor, customer_id, language, as_of, currency, {}, {}};
  for (const auto& item : open) {
    if (!item.due_date || item.outstanding.sign() <= 0) continue;
    letters::LetterItem li;
    li.number = item.number;
    li.issue_date = item.issue_date;
    li.due_date = *item.due_date;
    li.amount = item.amount;
    li.outstanding = item.outstanding;
    li.paid = item.amount - item.outstanding;
    li.days_late = static_cast<int>(
        std::max<std::int64_t>(0, as_of.days_since_epoch() - item.due_date->days_since_epoch()));
    statement.total_outstanding = statement.total_outstanding + li.outstanding;
    statement.items.push_back(std::move(li));
  }
  return statement;
}

}  // namespace relance::pipeline::detail
