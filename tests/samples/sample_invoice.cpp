#include "sample_invoice.hpp"

#include <string>

namespace relance::samples {

using formats::Date;
using formats::Decimal;

formats::Invoice make_invoice(std::size_t lines, std::size_t serial) {
  formats::Invoice inv;
  inv.number = "BENCH-" + std::to_string(serial);
  inv.type_code = "380";
  inv.issue_date = Date::from_ymd(2026, 11, 2);
  inv.due_date = Date::from_ymd(2026, 12, 2);
  inv.currency = "EUR";
  inv.buyer_reference = "REF-" + std::to_string(serial);
  inv.purchase_order_reference = "PO-" + std::to_string(serial);
  inv.payment_terms =
      "Paiement à 30 jours. Pénalités de retard : taux BCE + 10 points. Indemnité forfaitaire pour frais de "
      "recouvrement : 40 €.";
  inv.specification_identifier = "urn:cen.eu:en16931:2017";
  inv.notes.push_back({"", "Catégorie de l'opération : livraison de biens."});
  inv.seller.name = "Atelier Dupont SARL";
  inv.seller.legal_registration_id = {"90123456700013", "0009"};
  inv.seller.vat_id = "FR15901234567";
  inv.seller.electronic_address = {"901234567", "0225"};
  inv.seller.postal_address = {"8 quai Saint-Antoine", "", "", "Lyon", "69002", "", "FR"};
  inv.buyer.name = "Müller Großhandel GmbH";
  inv.buyer.vat_id = "DE136695976";
  inv.buyer.electronic_address = {"buchhaltung@mueller.example", "EM"};
  inv.buyer.postal_address = {"Hauptstraße 1", "", "", "Köln", "50667", "", "DE"};
  inv.delivery.deliver_to_name = "Lager Süd";
  inv.delivery.deliver_to = {"Industriestraße 9", "", "", "München", "80331", "", "DE"};
  inv.delivery.actual_delivery_date = Date::from_ymd(2026, 10, 30);
  inv.payment_instructions.means_code = "58";
  inv.payment_instructions.remittance_information = inv.number;
  inv.payment_instructions.credit_transfers.push_back(
      {"FR7630006000011234567890189", "Atelier Dupont", "AGRIFRPP"});

  Decimal sum20, sum10;
  const Decimal rate20 = Decimal::from_integer(20), rate10 = Decimal::from_integer(10);
  for (std::size_t i = 0; i < lines; ++i) {
    formats::InvoiceLine l;
    l.id = std::to_string(i + 1);
    l.item.name = "Article n° " + std::to_string(i + 1) + " — chêne";
    l.item.sellers_id = "SKU-" + std::to_string(1000 + i);
    l.quantity = Decimal::from_integer(static_cast<std::int64_t>(1 + i % 7));
    l.unit_code = "C62";
    l.price.net_price = Decimal::from_units(static_cast<std::int64_t>(1250 + (i * 37) % 9000), 2);
    l.net_amount = (*l.quantity * *l.price.net_price).rounded(2);
    const bool reduced = i % 3 == 0;
    l.vat_category_code = "S";
    l.vat_rate = reduced ? rate10 : rate20;
    (reduced ? sum10 : sum20) += *l.net_amount;
    inv.lines.push_back(std::move(l));
  }
  // A 5.00 allowance on the standard rate.
  formats::DocumentAllowanceCharge discount;
  const Decimal discount_amount = Decimal::from_units(500, 2);
  discount.amount = discount_amount;
  discount.vat_category_code = "S";
  discount.vat_rate = rate20;
  discount.reason = "Remise fidélité";
  discount.reason_code = "95";
  inv.allowances.push_back(discount);

  const Decimal line_total = (sum20 + sum10).rounded(2);
  const Decimal base20 = (sum20 - discount_amount).rounded(2);
  const Decimal base10 = sum10.rounded(2);
  const Decimal hundred = Decimal::from_integer(100);
  const Decimal vat20 = Decimal::divide(base20 * rate20, hundred, 2);
  const Decimal vat10 = Decimal::divide(base10 * rate10, hundred, 2);
  inv.vat_breakdown.push_back({base20, vat20, "S", rate20, "", ""});
  if (lines > 0) inv.vat_breakdown.push_back({base10, vat10, "S", rate10, "", ""});
  auto& t = inv.totals;
  t.sum_of_line_net_amounts = line_total;
  t.sum_of_allowances = discount_amount;
  t.total_without_vat = (line_total - discount_amount).rounded(2);
  t.total_vat = (vat20 + vat10).rounded(2);
  t.total_with_vat = (*t.total_without_vat + *t.total_vat).rounded(2);
  t.payable_amount = t.total_with_vat;
  return inv;
}

}  // namespace relance::samples
