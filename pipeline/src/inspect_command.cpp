#include <nlohmann/json.hpp>

#include <ostream>

#include "batch_report.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/invoice_json.hpp"

namespace relance::pipeline::detail {
namespace {

using formats::Decimal;
using formats::Invoice;

std::string or_dash(const std::string& s) {
  return s.empty() ? "-" : s;
}
std::string or_dash(const std::optional<formats::Date>& d) {
  return d ? d->to_iso() : "-";
}
std::string or_dash(const std::optional<Decimal>& d) {
  return d ? d->to_string() : "-";
}

std::string one_line(const formats::Address& a) {
  std::string s;
  for (const std::string* part :
       {&a.line_one, &a.line_two, &a.line_three, &a.post_code, &a.city, &a.country_code}) {
    if (part->empty()) continue;
    if (!s.empty()) s += part == &a.city ? " " : ", ";
    s += *part;
  }
  return s.empty() ? "-" : s;
}

void print_text(std::ostream& out, const std::string& file, const Invoice& inv) {
  out << "== " << file << " (" << formats::to_string(inv.source_syntax) << ")\n";
  out << (inv.is_credit_note() ? "Credit note " : "Invoice ") << or_dash(inv.number) << " (type "
      << or_dash(inv.type_code) << "), issued " << or_dash(inv.issue_date) << ", due "
      << or_dash(inv.due_date) << ", currency " << or_dash(inv.currency) << '\n';
  out << "Seller:     " << or_dash(inv.seller.name);
  if (!inv.seller.vat_id.empty()) out << ", VAT " << inv.seller.vat_id;
  if (!inv.seller.legal_registration_id.empty()) out << ", reg. " << inv.seller.legal_registration_id.value;
  out << " — " << one_line(inv.seller.postal_address) << '\n';
  out << "Buyer:      " << or_dash(inv.buyer.name);
  if (!inv.buyer.vat_id.empty()) out << ", VAT " << inv.buyer.vat_id;
  out << " — " << one_line(inv.buyer.postal_address) << '\n';
  if (!inv.delivery.deliver_to.empty())
    out << "Deliver to: "
        << (inv.delivery.deliver_to_name.empty() ? "" : inv.delivery.deliver_to_name + " — ")
        << one_line(inv.delivery.deliver_to) << '\n';
  if (!inv.buyer_reference.empty() || !inv.purchase_order_reference.empty())
    out << "References: buyer " << or_dash(inv.buyer_reference) << ", order "
        << or_dash(inv.purchase_order_reference) << '\n';
  out << "Lines:      " << inv.lines.size() << '\n';
  for (const auto& l : inv.lines)
    out << "  " << or_dash(l.id) << "  " << or_dash(l.item.name) << "  " << or_dash(l.quantity) << ' '
        << l.unit_code << " x " << or_dash(l.price.net_price) << " = " << or_dash(l.net_amount) << "  ["
        << l.vat_category_code << ' ' << or_dash(l.vat_rate) << "%]\n";
  for (const auto& v : inv.vat_breakdown)
    out << "VAT " << v.category_code << ' ' << or_dash(v.rate) << "%: base " << or_dash(v.taxable_amount)
        << ", tax " << or_dash(v.tax_amount) << '\n';
  const auto& t = inv.totals;
  out << "Totals:     net " << or_dash(t.total_without_vat) << ", VAT " << or_dash(t.total_vat) << ", total "
      << or_dash(t.total_with_vat) << ", paid " << or_dash(t.paid_amount) << ", payable "
      << or_dash(t.payable_amount) << '\n';
  if (!inv.payment_terms.empty()) out << "Terms:      " << inv.payment_terms << '\n';
}

}  // namespace

ExitCode run_inspect(const InspectOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics input_diags;
  const auto files = expand_inputs(options.inputs, input_diags);
  BatchReport report(err);
  report.print(input_diags);
  for (const auto& d : input_diags.items()) report.failed(d.where.source);

  auto models = nlohmann::ordered_json::array();
  for (const auto& file : files) {
    Diagnostics diags;
    const auto bytes = read_input(file, diags);
    Result<Invoice> r;
    if (bytes) r = formats::read_invoice(*bytes, file.string());
    r.diagnostics.merge(diags);
    report.print(r.diagnostics);
    if (!r.value || r.diagnostics.has_fatal()) {
      report.failed(file.string());
      continue;
    }
    report.succeeded();
    if (options.json) {
      auto j = nlohmann::ordered_json::object();
      j["file"] = file.string();
      j["syntax"] = std::string(formats::to_string(r.value->source_syntax));
      const auto model = nlohmann::ordered_json::parse(formats::to_json(*r.value, -1));
      for (const auto& [k, v] : model.items()) j[k] = v;
      models.push_back(std::move(j));
    } else {
      print_text(out, file.string(), *r.value);
    }
  }
  if (options.json) {
    // One file gives one object, several an array: `relance inspect x.xml --json | jq .number` works.
    if (models.size() == 1 && files.size() == 1)
      out << models[0].dump(2) << '\n';
    else
      out << models.dump(2) << '\n';
  }
  report.summary("read");
  return report.any_failed() ? ExitCode::failure : ExitCode::success;
}

}  // namespace relance::pipeline::detail
