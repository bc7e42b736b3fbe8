// The ledger's command line: ledger import|show, payment assign|list, dispute open|close,
// promise add, note add.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <ostream>

#include "batch_report.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "ledger.hpp"
#include "relance/formats/ingest.hpp"

namespace relance::pipeline::detail {
namespace {

using formats::Date;
using formats::Decimal;

struct ImportOptions {
  std::string db;
  std::vector<std::string> inputs;
};
struct ShowOptions {
  std::string db;
  std::string customer;
};
struct AssignOptions {
  std::string db, reference, item, amount;
};
struct DisputeOptions {
  std::string db, item, text, date;
};
struct PromiseOptions {
  std::string db, item, date, amount, made_on;
};
struct NoteOptions {
  std::string db, target, text, date;
};

// A bad command-line value: printed as a usage error.
struct UsageError {
  std::string message;
};

Date today() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  return *Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

Date date_option(const std::string& text, const char* option) {
  if (text.empty()) return today();
  const auto d = Date::parse_iso(text);
  if (!d) throw UsageError{std::string(option) + " '" + text + "' is not a date (YYYY-MM-DD)"};
  return *d;
}

std::optional<Decimal> amount_option(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::string s = text;
  if (s.find('.') == std::string::npos) std::replace(s.begin(), s.end(), ',', '.');
  const auto d = Decimal::parse(s);
  if (!d || d->sign() <= 0) throw UsageError{"--amount '" + text + "' is not a positive amount (1234.56)"};
  return d;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Runs a ledger action: errors are printed in the diagnostic shape, exit 2.
template <class F>
ExitCode guarded(std::ostream& err, F&& action) {
  try {
    return action();
  } catch (const UsageError& e) {
    err << "relance: " << e.message << "\nRun 'relance --help' for the commands and their options.\n";
  } catch (const Error& e) {
    err << format_diagnostic(e.diagnostic) << '\n';
  }
  return ExitCode::failure;
}

// ---- ledger import

// The ISO 20022 message namespace near the top of an XML file
// ("urn:iso:std:iso:20022:tech:xsd:camt.052.001.08"), or empty: a bank file the payment readers do not take
// (another camt message) gets its own message.
std::string iso20022_message(std::string_view bytes) {
  constexpr std::string_view stem = "urn:iso:std:iso:20022:tech:xsd:";
  const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096));
  const auto at = head.find(stem);
  if (at == std::string_view::npos) return {};
  const auto end = head.find_first_of("\"' >", at);
  return std::string(head.substr(at, end == std::string_view::npos ? head.size() - at : end - at));
}

struct Tally {
  ImportReport report;
  void add(const ImportReport& r) {
    report.added += r.added;
    report.unchanged += r.unchanged;
    report.updated += r.updated;
    report.matched += r.matched;
    report.unmatched += r.unmatched;
    report.ignored += r.ignored;
    report.customers_added += r.customers_added;
  }
};

ExitCode run_import(const ImportOptions& o, std::ostream& out, std::ostream& err) {
  Diagnostics input_diags;
  // Invoices (XML, PDF), customers and payments (CSV), bank statements (XML).
  const auto files = expand_inputs(o.inputs, input_diags, {".xml", ".pdf", ".csv"});
  BatchReport batch(err);
  batch.print(input_diags);
  bool unreadable = !input_diags.empty();
  for (const auto& d : input_diags.items()) batch.failed(d.where.source);

  std::unique_ptr<Ledger> ledger;
  try {
    ledger = Ledger::open(ledger_path(o.db));
  } catch (const Error& e) {
    err << format_diagnostic(e.diagnostic) << '\n';
    return ExitCode::failure;
  }

  // Sorted by what they hold: customers first, then invoices, then payments, so that payments
  // find their invoices whatever the order on the command line.
  std::vector<std::filesystem::path> customer_files, invoice_files, payment_files;
  for (const auto& f : files) {
    Diagnostics diags;
    const auto bytes = read_input(f, diags);
    if (!bytes) {
      batch.print(diags);
      batch.failed(f.string());
      unreadable = true;
      continue;
    }
    if (is_customers_csv(*bytes)) {
      customer_files.push_back(f);
    } else if (formats::sniff_bank_format(*bytes) != formats::BankFormat::unknown) {
      payment_files.push_back(f);
    } else if (const auto iso = iso20022_message(*bytes); !iso.empty()) {
      Diagnostics bank;
      bank.add("RL-BANK-001", Severity::fatal, Location{f.string(), {}, 0, 0},
               "an ISO 20022 message that is not a camt.053 or camt.054 bank statement (" + iso +
                   "): not imported");
      batch.print(bank);
      batch.failed(f.string());
    } else {
      invoice_files.push_back(f);
    }
  }

  Tally customers, invoices, credit_notes, payments;
  std::vector<std::string> notes;
  auto finish_file = [&](const std::string& name, const ImportReport& r) {
    batch.print(r.diagnostics);
    if (r.diagnostics.has_fatal())
      batch.failed(name);
    else
      batch.succeeded();
    notes.insert(notes.end(), r.notes.begin(), r.notes.end());
  };

  try {
    for (const auto& f : customer_files) {
      Diagnostics diags;
      const auto bytes = read_input(f, diags);
      const ImportReport r = ledger->import_customers_csv(bytes.value_or(std::string()), f.string());
      customers.add(r);
      finish_file(f.string(), r);
    }

    // Invoices in chunks, each chunk one transaction: invoices first, then credit notes.
    constexpr std::size_t chunk = 256;
    for (std::size_t start = 0; start < invoice_files.size(); start += chunk) {
      std::vector<SourcedInvoice> plain, credit;
      const std::size_t end = std::min(invoice_files.size(), start + chunk);
      for (std::size_t i = start; i < end; ++i) {
        const std::string name = invoice_files[i].string();
        Diagnostics diags;
        const auto bytes = read_input(invoice_files[i], diags);
        Result<formats::Invoice> r;
        if (bytes) r = formats::read_invoice(*bytes, name);
        r.diagnostics.merge(diags);
        if (!r.value || r.diagnostics.has_fatal()) {
          Diagnostics fatal;  // warnings of a readable invoice are validate's business
          for (const auto& d : r.diagnostics.items())
            if (d.severity == Severity::fatal) fatal.add(d);
          batch.print(fatal);
          batch.failed(name);
          continue;
        }
        (r.value->is_credit_note() ? credit : plain).push_back(SourcedInvoice{std::move(*r.value), name});
      }
      for (auto* group : {&plain, &credit}) {
        if (group->empty()) continue;
        const ImportReport r = ledger->import_invoices(*group);
        (group == &plain ? invoices : credit_notes).add(r);
        batch.print(r.diagnostics);
        notes.insert(notes.end(), r.notes.begin(), r.notes.end());
        // A refused invoice names its file; the others were imported.
        std::vector<std::string> refused;
        for (const auto& d : r.diagnostics.items())
          if (d.severity == Severity::fatal) refused.push_back(d.where.source);
        for (const auto& s : *group) {
          if (std::find(refused.begin(), refused.end(), s.source) != refused.end())
            batch.failed(s.source);
          else
            batch.succeeded();
        }
      }
    }

    // Statements are read first and imported oldest first, so that payments are allocated in the
    // order they came whatever the order of the files.
    struct Statement {
      std::string name;
      Result<std::vector<formats::BankEntry>> entries;
      Date first = Date::from_days(0);
    };
    std::vector<Statement> statements;
    for (const auto& f : payment_files) {
      Diagnostics diags;
      Statement st{f.string(), {}, Date::from_days(0)};
      const std::string bytes = read_input(f, diags).value_or(std::string());
      st.entries = formats::sniff_bank_format(bytes) == formats::BankFormat::csv
                       ? formats::read_payments_csv(bytes, st.name)
                       : formats::read_camt(bytes, st.name);
      if (!st.entries.value) {
        batch.print(st.entries.diagnostics);
        batch.failed(st.name);
        continue;
      }
      if (!st.entries.value->empty())
        st.first = std::min_element(st.entries.value->begin(), st.entries.value->end(),
                                    [](const auto& a, const auto& b) { return a.value_date < b.value_date; })
                       ->value_date;
      statements.push_back(std::move(st));
    }
    std::stable_sort(statements.begin(), statements.end(),
                     [](const Statement& a, const Statement& b) { return a.first < b.first; });
    for (Statement& st : statements) {
      ImportReport r = ledger->import_payments(*st.entries.value, st.name);
      r.diagnostics.merge(st.entries.diagnostics);
      payments.add(r);
      finish_file(st.name, r);
    }
  } catch (const Error& e) {
    // The ledger itself failed (disk full, locked): the current transaction was rolled back.
    err << format_diagnostic(e.diagnostic) << '\n';
    return ExitCode::failure;
  }

  const auto& c = customers.report;
  if (c.added + c.updated + c.unchanged > 0)
    out << plural(c.added + c.updated + c.unchanged, "customer", "customers") << ": " << c.added << " added, "
        << c.updated << " updated, " << c.unchanged << " already known\n";
  for (const auto* t : {&invoices, &credit_notes}) {
    const auto& r = t->report;
    if (r.added + r.unchanged == 0) continue;
    out << (t == &invoices ? plural(r.added + r.unchanged, "invoice", "invoices")
                           : plural(r.added + r.unchanged, "credit note", "credit notes"))
        << ": " << r.added << " added, " << r.unchanged << " already known\n";
  }
  const std::size_t new_customers = invoices.report.customers_added + credit_notes.report.customers_added;
  if (new_customers > 0)
    out << plural(new_customers, "new customer", "new customers") << " from the invoices' buyers (profile "
        << letters::profile_new << ")\n";
  const auto& p = payments.report;
  if (p.added + p.unchanged + p.ignored > 0) {
    out << plural(p.added + p.unchanged, "payment", "payments") << ": " << p.added << " added";
    if (p.added > 0) out << " (" << p.matched << " matched, " << p.unmatched << " unmatched)";
    out << ", " << p.unchanged << " already known";
    if (p.ignored > 0) out << "; " << plural(p.ignored, "debit", "debits") << " ignored";
    out << '\n';
  }
  for (const auto& n : notes) out << n << '\n';
  if (p.unmatched > 0)
    out << "Assign unmatched payments with: relance payment assign REFERENCE ITEM [--amount A]\n";
  batch.summary("imported");
  if (unreadable) return ExitCode::failure;
  return batch.any_failed() ? ExitCode::rejected : ExitCode::success;
}

// ---- ledger show

// One customer: its open items, what they owe, disputes and promises; with `detailed`, its notes
// and letters too.
void print_customer(std::ostream& out, Ledger& ledger, const std::string& id, const ItemRecord* first,
                    const ItemRecord* last, bool detailed) {
  const auto c = ledger.customer(id);
  out << id << "  " << (c ? c->name : std::string("?"));
  if (c) {
    out << "  [" << c->profile << ", " << letters::language_code(c->language);
    if (!c->preferred_channel.empty()) out << ", " << c->preferred_channel;
    if (!c->account_manager.empty()) out << ", manager " << c->account_manager;
    out << "]";
  }
  out << '\n';
  std::map<std::string, Decimal> balance;
  for (const ItemRecord* r = first; r != last; ++r) {
    balance[r->currency] += r->outstanding;
    if (r->credit_note) {
      out << "  " << r->number << "  credit note of " << r->issue_date.to_iso() << "  "
          << r->amount.to_string() << ' ' << r->currency << "  credit left " << (-r->outstanding).to_string()
          << '\n';
      continue;
    }
    out << "  " << r->number << "  issued " << r->issue_date.to_iso() << "  due "
        << (r->due_date ? r->due_date->to_iso() : std::string("-")) << "  " << r->amount.to_string() << ' '
        << r->currency << "  owes " << r->outstanding.to_string() << '\n';
    if (r->disputed_since)
      out << "      disputed since " << r->disputed_since->to_iso()
          << (r->dispute_reason.empty() ? std::string() : ": " + r->dispute_reason) << '\n';
    if (r->promise)
      out << "      promised "
          << (r->promise->amount ? r->promise->amount->to_string() : std::string("in full")) << " by "
          << r->promise->date.to_iso() << " (on " << r->promise->made_on.to_iso() << ")\n";
  }
  if (first == last) out << "  nothing open\n";
  const Decimal credit = ledger.payment_credit(id);
  if (!credit.is_zero()) out << "  unallocated payments (credit): " << credit.to_string() << '\n';
  for (const auto& [currency, amount] : balance)
    out << "  balance " << amount.to_string() << ' ' << currency << '\n';
  if (!detailed) return;
  for (const auto& n : ledger.notes(id))
    out << "  note " << n.date.to_iso() << (n.item_number.empty() ? "" : " on " + n.item_number) << ": "
        << n.text << '\n';
  for (const auto& h : ledger.history(id)) {
    std::string channels, numbers;
    for (const auto& ch : h.channels) channels += (channels.empty() ? "" : "+") + ch;
    for (const auto& n : h.item_numbers) numbers += (numbers.empty() ? "" : ", ") + n;
    out << "  letter " << h.as_of.to_iso() << ' ' << h.level << " (" << channels << ") " << numbers
        << "  total " << h.total.to_string() << '\n';
  }
}

ExitCode run_show(const ShowOptions& o, std::ostream& out, std::ostream& err) {
  return guarded(err, [&] {
    const auto ledger = Ledger::open(ledger_path(o.db), false);
    if (!o.customer.empty()) {
      if (!ledger->customer(o.customer))
        throw Error(Diagnostic{"RL-LEDGER-002",
                               Severity::fatal,
                               Location{ledger_path(o.db).string(), {}, 0, 0},
                               "no customer '" + o.customer + "' in the ledger",
                               {}});
      const auto items = ledger->open_items(std::string_view(o.customer));
      print_customer(out, *ledger, o.customer, items.data(), items.data() + items.size(), true);
    } else {
      const auto items = ledger->open_items();
      if (items.empty()) out << "Nothing open in the ledger.\n";
      for (std::size_t i = 0; i < items.size();) {
        std::size_t j = i;
        while (j < items.size() && items[j].customer_id == items[i].customer_id) ++j;
        print_customer(out, *ledger, items[i].customer_id, items.data() + i, items.data() + j, false);
        i = j;
      }
    }
    const auto unassigned = ledger->unassigned_payments();
    if (!unassigned.empty())
      out << plural(unassigned.size(), "unassigned payment", "unassigned payments")
          << ": see relance payment list\n";
    return ExitCode::success;
  });
}

}  // namespace

// ---- Registration

struct LedgerCommands::State {
  ImportOptions import;
  ShowOptions show;
  AssignOptions assign;
  std::string list_db;
  DisputeOptions dispute_open, dispute_close;
  PromiseOptions promise;
  NoteOptions note;
  CLI::App *import_cmd = nullptr, *show_cmd = nullptr, *assign_cmd = nullptr, *list_cmd = nullptr,
           *open_cmd = nullptr, *close_cmd = nullptr, *promise_cmd = nullptr, *note_cmd = nullptr;
};

LedgerCommands::LedgerCommands(CLI::App& app) : state_(std::make_unique<State>()) {
  State& s = *state_;
  const std::string db_help = "The ledger file (default: $RELANCE_DB, else ./relance.db)";
  const std::string date_help = "Date (YYYY-MM-DD), default today";

  CLI::App* ledger = app.add_subcommand(
      "ledger", "The ledger (an SQLite file): import invoices, customers and payments; show what is open");
  ledger->require_subcommand(1);
  s.import_cmd = ledger->add_subcommand(
      "import",
      "Import files, recognised by content: invoices (CII, UBL, Factur-X PDF), customers CSV, payments CSV, "
      "camt.053/camt.054 bank statements. Importing a file twice changes nothing.");
  s.import_cmd->add_option("files", s.import.inputs, "Files or folders (.xml, .pdf, .csv below them)")
      ->required();
  s.import_cmd->add_option("--db", s.import.db, db_help);
  s.import_cmd->footer(
      "Customers CSV columns (header line, comma or semicolon): id, name, siren, siret, vat_id, email "
      "(several\n"
      "separated by ';'), address_line1, address_line2, address_line3, post_code, city, country, language\n"
      "(fr, en, de), profile (regular, new, at-risk, public-sector, consumer, ...), channel (email, postal,\n"
      "registered, phone), account_manager; optional: postal_address_line1..3, postal_post_code, "
      "postal_city,\n"
      "postal_country, iban. Columns left out of the header leave what the ledger knows unchanged.\n"
      "Payments are matched by the invoice numbers in their remittance information, else by the exact\n"
      "amount of one of the payer's open items; the others are listed for 'relance payment assign'.\n"
      "Exit status: 0 all imported, 1 some file or line rejected, 2 a file or the ledger cannot be read.");
  s.show_cmd = ledger->add_subcommand(
      "show",
      "Open items per customer with what they owe, disputes, promises (and, for one customer, notes "
      "and letters)");
  s.show_cmd->add_option("customer", s.show.customer, "A customer id");
  s.show_cmd->add_option("--db", s.show.db, db_help);

  CLI::App* payment = app.add_subcommand("payment", "Payments the import could not match");
  payment->require_subcommand(1);
  s.assign_cmd = payment->add_subcommand(
      "assign", "Allocate a payment to an item (what it has left, up to what the item owes, or --amount)");
  s.assign_cmd->add_option("reference", s.assign.reference, "The payment's reference (see payment list)")
      ->required();
  s.assign_cmd->add_option("item", s.assign.item, "An invoice number, or SELLER:NUMBER")->required();
  s.assign_cmd->add_option("--amount", s.assign.amount, "Amount to allocate (1234.56)");
  s.assign_cmd->add_option("--db", s.assign.db, db_help);
  s.list_cmd = payment->add_subcommand("list", "List the payments not allocated to any item");
  s.list_cmd->add_option("--db", s.list_db, db_help);

  CLI::App* dispute = app.add_subcommand("dispute", "Disputes: an open dispute suspends an item's dunning");
  dispute->require_subcommand(1);
  s.open_cmd = dispute->add_subcommand("open", "Open a dispute on an item");
  s.open_cmd->add_option("item", s.dispute_open.item, "An invoice number, or SELLER:NUMBER")->required();
  s.open_cmd->add_option("--reason", s.dispute_open.text, "Why the customer disputes it");
  s.open_cmd->add_option("--date", s.dispute_open.date, date_help);
  s.open_cmd->add_option("--db", s.dispute_open.db, db_help);
  s.close_cmd = dispute->add_subcommand("close", "Close the open dispute on an item");
  s.close_cmd->add_option("item", s.dispute_close.item, "An invoice number, or SELLER:NUMBER")->required();
  s.close_cmd->add_option("--outcome", s.dispute_close.text, "How it ended");
  s.close_cmd->add_option("--date", s.dispute_close.date, date_help);
  s.close_cmd->add_option("--db", s.dispute_close.db, db_help);

  CLI::App* promise = app.add_subcommand("promise", "Payment promises: a promised date holds escalation");
  promise->require_subcommand(1);
  s.promise_cmd = promise->add_subcommand("add", "Record a promise to pay an item by a date");
  s.promise_cmd->add_option("item", s.promise.item, "An invoice number, or SELLER:NUMBER")->required();
  s.promise_cmd->add_option("--date", s.promise.date, "The promised payment date (YYYY-MM-DD)")->required();
  s.promise_cmd->add_option("--amount", s.promise.amount,
                            "The promised amount (default: what the item owes)");
  s.promise_cmd->add_option("--made-on", s.promise.made_on,
                            "When the customer promised (YYYY-MM-DD), default today");
  s.promise_cmd->add_option("--db", s.promise.db, db_help);

  CLI::App* note = app.add_subcommand("note", "Free-text notes on a customer or an item");
  note->require_subcommand(1);
  s.note_cmd = note->add_subcommand("add", "Add a note");
  s.note_cmd
      ->add_option("target", s.note.target, "A customer id or an item (customer:ID or item:NUMBER when both)")
      ->required();
  s.note_cmd->add_option("text", s.note.text, "The note")->required();
  s.note_cmd->add_option("--date", s.note.date, date_help);
  s.note_cmd->add_option("--db", s.note.db, db_help);
}

LedgerCommands::~LedgerCommands() = default;

std::optional<ExitCode> LedgerCommands::run(std::ostream& out, std::ostream& err) const {
  const State& s = *state_;
  if (s.import_cmd->parsed()) return run_import(s.import, out, err);
  if (s.show_cmd->parsed()) return run_show(s.show, out, err);
  if (s.assign_cmd->parsed())
    return guarded(err, [&] {
      const auto amount = amount_option(s.assign.amount);
      const auto ledger = Ledger::open(ledger_path(s.assign.db), false);
      const Decimal assigned = ledger->assign_payment(s.assign.reference, s.assign.item, amount);
      out << "payment " << s.assign.reference << ": " << assigned.to_string() << " assigned to "
          << s.assign.item << '\n';
      return ExitCode::success;
    });
  if (s.list_cmd->parsed())
    return guarded(err, [&] {
      const auto ledger = Ledger::open(ledger_path(s.list_db), false);
      const auto payments = ledger->unassigned_payments();
      for (const auto& e : payments) {
        out << e.reference << "  " << e.value_date.to_iso() << "  " << e.amount.to_string() << ' '
            << e.currency;
        if (!e.debtor_name.empty()) out << "  " << e.debtor_name;
        if (!e.debtor_iban.empty()) out << "  " << e.debtor_iban;
        const std::string text = e.remittance_structured.empty()
                                     ? e.remittance_unstructured
                                     : e.remittance_structured + " " + e.remittance_unstructured;
        if (!text.empty()) out << "  \"" << text << '"';
        out << '\n';
      }
      out << plural(payments.size(), "unassigned payment", "unassigned payments") << '\n';
      return ExitCode::success;
    });
  if (s.open_cmd->parsed() || s.close_cmd->parsed())
    return guarded(err, [&] {
      const bool open = s.open_cmd->parsed();
      const DisputeOptions& o = open ? s.dispute_open : s.dispute_close;
      const Date date = date_option(o.date, "--date");
      const auto ledger = Ledger::open(ledger_path(o.db), false);
      if (open)
        ledger->open_dispute(o.item, date, o.text);
      else
        ledger->close_dispute(o.item, date, o.text);
      out << o.item << ": dispute " << (open ? "opened" : "closed") << " on " << date.to_iso() << '\n';
      return ExitCode::success;
    });
  if (s.promise_cmd->parsed())
    return guarded(err, [&] {
      const Date date = date_option(s.promise.date, "--date");
      const Date made_on = date_option(s.promise.made_on, "--made-on");
      const auto amount = amount_option(s.promise.amount);
      const auto ledger = Ledger::open(ledger_path(s.promise.db), false);
      ledger->add_promise(s.promise.item, date, amount, made_on);
      out << s.promise.item << ": promise of "
          << (amount ? amount->to_string() : std::string("the full amount")) << " by " << date.to_iso()
          << " recorded\n";
      return ExitCode::success;
    });
  if (s.note_cmd->parsed())
    return guarded(err, [&] {
      const Date date = date_option(s.note.date, "--date");
      const auto ledger = Ledger::open(ledger_path(s.note.db), false);
      ledger->add_note(s.note.target, s.note.text, date);
      out << s.note.target << ": note added\n";
      return ExitCode::success;
    });
  return std::nullopt;
}

}  // namespace relance::pipeline::detail
