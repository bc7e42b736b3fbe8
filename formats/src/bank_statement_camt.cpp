// ISO 20022 camt.053 (BkToCstmrStmt/Stmt/Ntry) and camt.054 (BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry),
// any version: the element names relance reads have not changed from .001.02 to .001.13, except
// the debtor's name, under RltdPties/Dbtr/Nm up to .001.07 and RltdPties/Dbtr/Pty/Nm from .001.08.
// Elements are matched by local name in the document's own namespace, whatever the prefix.

#include <pugixml.hpp>

#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bank_statement_support.hpp"
#include "relance/formats/bank_statement.hpp"
#include "xml_support.hpp"

namespace relance::formats {
namespace {

constexpr std::string_view unreadable = "RL-BANK-001";
constexpr std::string_view incomplete = "RL-BANK-002";

// The namespace URI bound to the element's prefix, looked up through its ancestors.
std::string_view namespace_of(pugi::xml_node node) {
  const std::string_view qualified(node.name());
  const auto colon = qualified.find(':');
  const std::string_view prefix =
      colon == std::string_view::npos ? std::string_view{} : qualified.substr(0, colon);
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name(a.name());
      if (prefix.empty()
              ? name == "xmlns"
              : name.size() == prefix.size() + 6 && name.substr(0, 6) == "xmlns:" && name.substr(6) == prefix)
        return a.value();
    }
  }
  return {};
}

// The camt Document element: the root, or the first Document in a camt namespace below it
// (statements wrapped in an envelope with a business application header).
pugi::xml_node find_document(pugi::xml_node node, int depth = 0) {
  if (node.type() == pugi::node_element && detail::local_name(node.name()) == "Document" &&
      detail::camt_format_of_namespace(namespace_of(node)) != BankFormat::unknown)
    return node;
  if (depth > 4) return {};
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element)
      if (pugi::xml_node found = find_document(c, depth + 1)) return found;
  return {};
}

// The placeholder the SEPA rulebooks prescribe when the payer gave no end-to-end id.
bool is_not_provided(std::string_view s) {
  return s == "NOTPROVIDED";
}

std::string without_spaces(std::string s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

void append_words(std::string& to, const std::string& text) {
  if (text.empty()) return;
  if (!to.empty()) to += ' ';
  to += text;
}

// xs:date or the date part of xs:dateTime ("2026-03-02", "2026-03-02+01:00", "2026-03-02T10:15:00Z").
std::optional<Date> parse_camt_date(std::string_view t) {
  if (t.size() > 10) {
    const char next = t[10];
    if (next != 'T' && next != 'Z' && next != '+' && next != '-') return std::nullopt;
    t = t.substr(0, 10);
  }
  return Date::parse_iso(t);
}

struct Amount {
  Decimal value;
  std::string currency;
};

// What the statement tells about every entry: for the content hash of entries without references.
struct StatementInfo {
  std::string id;
  std::string account;
  std::string label;  // "Stmt[2]/" when the document holds several, else ""
};

class CamtReader {
 public:
  CamtReader(std::string_view bytes, std::string_view source, std::string_view uri, Diagnostics& diags)
      : bytes_(bytes), source_(source), uri_(uri), diags_(diags) {}

  void read_statement(pugi::xml_node stmt, const std::string& label, std::vector<BankEntry>& out) {
    StatementInfo st;
    st.id = text(stmt, {"Id"});
    st.account = text(stmt, {"Acct", "Id", "IBAN"});
    if (st.account.empty()) st.account = text(stmt, {"Acct", "Id", "Othr", "Id"});
    st.label = label;
    int index = 0;
    for (pugi::xml_node ntry : children(stmt, "Ntry")) read_entry(ntry, ++index, st, out);
  }

  pugi::xml_node child(pugi::xml_node parent, std::string_view local) const {
    if (!parent) return {};
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
      if (is(c, local)) return c;
    return {};
  }
  std::vector<pugi::xml_node> children(pugi::xml_node parent, std::string_view local) const {
    std::vector<pugi::xml_node> out;
    if (!parent) return out;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
      if (is(c, local)) out.push_back(c);
    return out;
  }

 private:
  bool is(pugi::xml_node n, std::string_view local) const {
    return n.type() == pugi::node_element && detail::local_name(n.name()) == local && namespace_of(n) == uri_;
  }
  pugi::xml_node path(pugi::xml_node from, std::initializer_list<std::string_view> steps) const {
    pugi::xml_node n = from;
    for (std::string_view step : steps) n = child(n, step);
    return n;
  }
  std::string text(pugi::xml_node from, std::initializer_list<std::string_view> steps) const {
    const pugi::xml_node n = path(from, steps);
    return n ? detail::trimmed(n.child_value()) : std::string();
  }

  void error(pugi::xml_node node, std::string message) {
    Location where;
    where.source = std::string(source_);
    where.path = detail::xpath_of(node);
    const auto [line, column] = detail::line_column(bytes_, node.offset_debug());
    where.line = line;
    where.column = column;
    diags_.add(std::string(incomplete), Severity::fatal, std::move(where), std::move(message));
  }

  // An Amt element: a non-negative decimal with its Ccy; errors are reported on it.
  std::optional<Amount> amount(pugi::xml_node amt) {
    const std::string t = detail::trimmed(amt.child_value());
    const auto value = Decimal::parse(t);
    if (!value) {
      error(amt, "'" + t + "' is not a decimal amount");
      return std::nullopt;
    }
    if (value->sign() < 0) {
      error(amt, "'" + t + "' is negative: camt amounts are unsigned, CdtDbtInd gives the direction");
      return std::nullopt;
    }
    const std::string currency = detail::trimmed(amt.attribute("Ccy").value());
    if (currency.empty()) {
      error(amt, "the amount has no currency (Ccy)");
      return std::nullopt;
    }
    return Amount{*value, currency};
  }

  // CRDT -> true, DBIT -> false.
  std::optional<bool> direction(pugi::xml_node holder) {
    const pugi::xml_node ind = child(holder, "CdtDbtInd");
    const std::string t = ind ? detail::trimmed(ind.child_value()) : std::string();
    if (t == "CRDT") return true;
    if (t == "DBIT") return false;
    if (ind)
      error(ind, "'" + t + "' is not a credit/debit indicator (CRDT or DBIT)");
    else
      error(holder, "the entry has no credit/debit indicator (CdtDbtInd)");
    return std::nullopt;
  }

  // ValDt or BookgDt: Dt, or the date part of DtTm.
  std::optional<Date> date(pugi::xml_node holder, bool& bad) {
    if (!holder) return std::nullopt;
    pugi::xml_node d = child(holder, "Dt");
    if (!d) d = child(holder, "DtTm");
    if (!d) return std::nullopt;
    const std::string t = detail::trimmed(d.child_value());
    if (auto parsed = parse_camt_date(t)) return parsed;
    error(d, "'" + t + "' is not a date");
    bad = true;
    return std::nullopt;
  }

  void read_entry(pugi::xml_node ntry, int index, const StatementInfo& st, std::vector<BankEntry>& out) {
    const std::string entry_label = st.label + "Ntry[" + std::to_string(index) + "]";

    // The entry's dates hold for all its transactions: checked once, reported on the entry.
    bool bad_date = false;
    const auto value_date = date(child(ntry, "ValDt"), bad_date);
    const auto booking_date = date(child(ntry, "BookgDt"), bad_date);
    if (!value_date && !booking_date && !bad_date) error(ntry, "the entry has no date (ValDt or BookgDt)");
    const std::optional<Date> effective_date = bad_date     ? std::nullopt
                                               : value_date ? value_date
                                                            : booking_date;

    const pugi::xml_node entry_amt = child(ntry, "Amt");
    std::optional<Amount> entry_amount;
    bool bad_entry_amount = false;
    if (entry_amt) {
      entry_amount = amount(entry_amt);
      bad_entry_amount = !entry_amount;
    }
    const std::optional<bool> entry_credit = direction(ntry);
    const std::string entry_ref = text(ntry, {"AcctSvcrRef"});
    const std::string entry_info = text(ntry, {"AddtlNtryInf"});

    struct Tx {
      pugi::xml_node node;
      std::string label;
    };
    std::vector<Tx> txs;
    const auto details = children(ntry, "NtryDtls");
    for (std::size_t k = 0; k < details.size(); ++k) {
      const std::string details_label =
          entry_label + "/NtryDtls" +
          (details.size() > 1 ? "[" + std::to_string(k + 1) + "]" : std::string());
      int i = 0;
      for (pugi::xml_node tx : children(details[k], "TxDtls"))
        txs.push_back({tx, details_label + "/TxDtls[" + std::to_string(++i) + "]"});
    }
    const bool single = txs.size() <= 1;
    if (txs.empty()) txs.push_back({pugi::xml_node(), entry_label});

    for (std::size_t t = 0; t < txs.size(); ++t) {
      const pugi::xml_node tx = txs[t].node;
      const std::string& label = txs[t].label;
      BankEntry e;
      e.location = std::string(source_) + ": " + label;
      bool ok = effective_date.has_value();

      std::optional<Amount> amt;
      pugi::xml_node own = child(tx, "Amt");
      if (!own) own = path(tx, {"AmtDtls", "TxAmt", "Amt"});
      if (own) {
        amt = amount(own);
      } else if (single && entry_amount) {
        amt = entry_amount;
      } else if (!single) {
        error(tx, "the transaction has no amount of its own (Amt or AmtDtls/TxAmt/Amt) and the entry holds " +
                      std::to_string(txs.size()) + " transactions");
      } else if (!bad_entry_amount) {
        error(tx ? tx : ntry, tx ? "the transaction has no amount (Amt)" : "the entry has no amount (Amt)");
      }
      if (!amt) ok = false;

      // camt.053.001.03 and later may repeat the indicator per transaction.
      const std::optional<bool> credit = tx && child(tx, "CdtDbtInd") ? direction(tx) : entry_credit;
      if (!credit) ok = false;
      if (!ok) continue;

      e.value_date = *effective_date;
      e.booking_date = booking_date;
      e.currency = amt->currency;
      e.credit = *credit;
      e.amount = e.credit ? amt->value : -amt->value;

      const std::string e2e = text(tx, {"Refs", "EndToEndId"});
      if (!is_not_provided(e2e)) e.end_to_end_id = e2e;
      const pugi::xml_node debtor = path(tx, {"RltdPties", "Dbtr"});
      e.debtor_name = text(debtor, {"Nm"});
      if (e.debtor_name.empty()) e.debtor_name = text(debtor, {"Pty", "Nm"});
      e.debtor_iban = without_spaces(text(tx, {"RltdPties", "DbtrAcct", "Id", "IBAN"}));
      const pugi::xml_node rmt = child(tx, "RmtInf");
      for (pugi::xml_node u : children(rmt, "Ustrd"))
        append_words(e.remittance_unstructured, detail::trimmed(u.child_value()));
      for (pugi::xml_node s : children(rmt, "Strd"))
        append_words(e.remittance_structured, text(s, {"CdtrRefInf", "Ref"}));
      // Banks that give no remittance information often put it in the free text.
      if (e.remittance_unstructured.empty()) e.remittance_unstructured = text(tx, {"AddtlTxInf"});
      if (e.remittance_unstructured.empty() && single) e.remittance_unstructured = entry_info;

      const std::string tx_ref = text(tx, {"Refs", "AcctSvcrRef"});
      if (!tx_ref.empty())
        e.reference = tx_ref;
      else if (!entry_ref.empty())
        e.reference = single ? entry_ref : entry_ref + "/" + std::to_string(t + 1);
      else if (!e.end_to_end_id.empty())
        e.reference = e.end_to_end_id;
      else
        e.reference = detail::bank_hash_reference(hash_content(st, index, t + 1, e));
      out.push_back(std::move(e));
    }
  }

  // The entry's content and its position in the statement: the same statement read again gives
  // the same text, two transactions of one statement never do.
  static std::string hash_content(const StatementInfo& st, int entry, std::size_t tx, const BankEntry& e) {
    constexpr char us = '\x1f';
    std::string s = "camt";
    for (const std::string& part :
         {st.id, st.account, std::to_string(entry), std::to_string(tx), e.value_date.to_iso(),
          e.booking_date ? e.booking_date->to_iso() : std::string(), e.amount.to_plain_string(2), e.currency,
          e.debtor_name, e.debtor_iban, e.remittance_unstructured, e.remittance_structured}) {
      s += us;
      s += part;
    }
    return s;
  }

  std::string_view bytes_;
  std::string_view source_;
  std::string_view uri_;
  Diagnostics& diags_;
};

void unreadable_error(Diagnostics& diags, std::string_view source, std::string_view bytes,
                      std::ptrdiff_t offset, std::string message) {
  Location where;
  where.source = std::string(source);
  const auto [line, column] = detail::line_column(bytes, offset);
  where.line = line;
  where.column = column;
  diags.add(std::string(unreadable), Severity::fatal, std::move(where), std::move(message));
}

}  // namespace

Result<std::vector<BankEntry>> read_camt(std::string_view xml, std::string_view source_name) {
  Result<std::vector<BankEntry>> result;
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    unreadable_error(result.diagnostics, source_name, xml, parsed.offset,
                     std::string("malformed XML: ") + parsed.description());
    return result;
  }
  const pugi::xml_node document = find_document(doc);
  if (!document) {
    const pugi::xml_node root = doc.document_element();
    unreadable_error(result.diagnostics, source_name, xml, root ? root.offset_debug() : 0,
                     "not an ISO 20022 camt.053 or camt.054 document (the root element's namespace is '" +
                         std::string(root ? namespace_of(root) : std::string_view{}) + "')");
    return result;
  }
  const std::string_view uri = namespace_of(document);
  CamtReader reader(xml, source_name, uri, result.diagnostics);
  const bool statement = detail::camt_format_of_namespace(uri) == BankFormat::camt053;
  const pugi::xml_node body = reader.child(document, statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn");
  if (!body) {
    unreadable_error(result.diagnostics, source_name, xml, document.offset_debug(),
                     std::string("the document has no ") +
                         (statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn") + " element");
    return result;
  }
  std::vector<BankEntry> entries;
  const auto statements = reader.children(body, statement ? "Stmt" : "Ntfctn");
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const std::string label =
        statements.size() > 1 ? std::string(statement ? "Stmt[" : "Ntfctn[") + std::to_string(i + 1) + "]/"
                              : std::string();
    reader.read_statement(statements[i], label, entries);
  }
  detail::make_bank_references_unique(entries);
  result.value = std::move(entries);
  return result;
}

}  // namespace relance::formats
