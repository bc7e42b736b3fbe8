#include "relance/formats/invoice.hpp"

namespace relance::formats {

bool Address::empty() const {
  return line_one.empty() && line_two.empty() && line_three.empty() && city.empty() && post_code.empty() &&
         country_subdivision.empty() && country_code.empty();
}

bool Delivery::empty() const {
  return deliver_to_name.empty() && location_id.empty() && !actual_delivery_date && deliver_to.empty();
}

bool PaymentInstructions::empty() const {
  return means_code.empty() && means_text.empty() && remittance_information.empty() &&
         credit_transfers.empty() && card.empty() && direct_debit.empty();
}

std::string_view to_string(Syntax s) {
  switch (s) {
    case Syntax::cii:
      return "CII";
    case Syntax::ubl_invoice:
      return "UBL-Invoice";
    case Syntax::ubl_credit_note:
      return "UBL-CreditNote";
    case Syntax::unknown:
      break;
  }
  return "unknown";
}

bool Invoice::is_credit_note() const {
  return type_code == "381" || type_code == "396" || type_code == "532" || type_code == "81" ||
         type_code == "83" || type_code == "261" || type_code == "262" || type_code == "308";
}

bool Invoice::same_business_content(const Invoice& other) const {
  Invoice a = *this;
  a.source_syntax = other.source_syntax;
  return a == other;
}

}  // namespace relance::formats
