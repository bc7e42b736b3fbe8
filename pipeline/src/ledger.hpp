#pragma once
// The ledger: one SQLite file (relance.db by default) holding customers, open items, payments,
// disputes, promises, notes and the dunning history. SQLite appears only in ledger*.cpp.
// Every import is idempotent; every change is one transaction.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outbox.hpp"
#include "relance/formats/bank_statement.hpp"
#include "relance/formats/invoice.hpp"
#include "relance/letters/dunning.hpp"
#include "relance/letters/letter.hpp"

namespace relance::pipeline::detail {

struct CustomerRecord {
  std::string id;  // BT-46 buyer id, else SIREN/SIRET (BT-47), else VAT id (BT-48), else name+post code
  std::string name;
  std::string siren, siret, vat_id;
  std::vector<std::string> emails;
  formats::Address billing_address;
  formats::Address postal_address;  // where letters go; the billing address when empty
  letters::Language language = letters::Language::fr;
  std::string profile = std::string(letters::profile_new);
  std::string preferred_channel;  // "email", "postal", ... or empty for the scenario's
  std::string account_manager;
};

// The seller of imported invoices (BG-4): the creditor of the letters.
struct SellerRecord {
  std::string id;
  letters::LetterParty party;  // name, address, SIREN, VAT id, email, phone
  std::string iban, bic;       // the first credit transfer account of its latest invoice
};

struct ItemRecord {
  std::int64_t id = 0;
  std::string seller_id;  // seller VAT id or SIREN: an invoice is identified by seller and number
  std::string number;     // BT-1
  std::string customer_id;
  bool credit_note = false;
  formats::Date issue_date = formats::Date::from_days(0);
  std::optional<formats::Date> due_date;
  std::string currency;
  formats::Decimal amount;       // BT-115 (a credit note's is positive and reduces its preceding invoice)
  std::string preceding_number;  // BG-3 of a credit note
  // As of now: what an invoice still owes; for a credit note, minus the credit it has left
  // (negative or zero), so that the sum over a customer's items is its balance.
  formats::Decimal outstanding;
  std::string source;  // the file it came from
  // Filled by open_items(): the open dispute and the latest promise, if any.
  std::optional<formats::Date> disputed_since;
  std::string dispute_reason;
  std::optional<letters::Promise> promise;
};

// An invoice with the file it came from, for import_invoices().
struct SourcedInvoice {
  formats::Invoice invoice;
  std::string source;
};

struct NoteRecord {
  formats::Date date = formats::Date::from_days(0);
  std::string item_number;  // empty: a note on the customer
  std::string text;
};

// What an import did, for the user ("3 invoices added, 1 already known, 2 payments unmatched").
struct ImportReport {
  std::size_t added = 0, unchanged = 0, updated = 0;
  std::size_t matched = 0, unmatched = 0;  // payments
  std::size_t ignored = 0;                 // bank debits: not customer payments
  std::size_t customers_added = 0;         // customers created from invoices' buyers
  Diagnostics diagnostics;                 // per record problems (RL-LEDGER-*), the batch goes on
  std::vector<std::string> notes;          // one line per noteworthy record (an unmatched payment)
};

// One letter of a recorded batch.
struct RecordedLetter {
  std::string customer_id;
  std::string level;
  std::vector<std::string> channels;
  std::vector<std::int64_t> item_ids;
  formats::Decimal principal, interest, indemnity, total;  // recorded rounded to the cent
  std::string currency;
  std::string pdf_path;
  std::string pdf_sha256;
  // A level sent before the due date (DunningLevel::before_due_only, the courtesy pre-reminder):
  // it does not make the customer's later late items "not the first" (had_late_item_before).
  // A letter dated before the due date of every item it lists counts as such anyway.
  bool before_due = false;
};

// How a letter left, from the outbox: one per channel it was queued on.
struct HistoryDelivery {
  std::string channel;             // email, postal, registered, agency
  std::string transport;           // spool, smtp, postal, sftp: what carried it (empty: not yet attempted)
  std::string state;               // pending, sending, sent, failed, retry, cancelled
  std::string provider_reference;  // the postal provider's letter id, the email's Message-ID, the spool file
  std::string finished_at;         // UTC, when it became sent, failed or cancelled
  // A posted letter's delivery, as relance track last heard it: delivered, failed, ... (empty:
  // never asked), and the registered letter's tracking number.
  std::string delivery_stage, tracking_number;
};

struct HistoryEntry {
  formats::Date as_of = formats::Date::from_days(0);
  std::string level;
  std::vector<std::string> channels;
  std::vector<std::string> item_numbers;
  formats::Decimal total;
  std::string pdf_sha256;
  std::string pdf_path;  // where the outbox found the letter's PDF when it queued it; empty: not queued
  std::vector<HistoryDelivery> deliveries;
};

// Everything the dunning planner needs, loaded in a few sequential queries (a million items
// must load in seconds).
struct DunningState {
  std::vector<letters::DunningCustomer> customers;
  std::vector<letters::DunningItem> items;  // items with something outstanding, or a letter pending
};

class Ledger {
 public:
  // Opens or creates the file and applies the migrations it lacks (schema version in
  // PRAGMA user_version). Throws relance::Error RL-LEDGER-001 naming the file when it cannot.
  // With create false, a missing file is an error too.
  static std::unique_ptr<Ledger> open(const std::filesystem::path& path, bool create = true);
  virtual ~Ledger() = default;
  virtual int schema_version() const = 0;

  // Imports. An invoice is known by seller and number; the buyer becomes a customer when new.
  // A credit note reduces its preceding invoice (BG-3) whichever of the two comes first; an
  // invoice also takes the unassigned payments that name it. Refused invoices (no number, no
  // issue date, no amount due, more than two decimals) are RL-LEDGER-004 diagnostics.
  virtual ImportReport import_invoice(const formats::Invoice& invoice, std::string_view source) = 0;
  // The same for many, in one transaction (what the command line and bulk loads use).
  virtual ImportReport import_invoices(const std::vector<SourcedInvoice>& invoices) = 0;
  virtual ImportReport import_customers_csv(std::string_view csv, std::string_view source) = 0;
  // Matched by invoice number in the remittance text, else by amount among the payer's items;
  // partial payments, overpayments and one payment for several invoices are allocated; what
  // cannot be matched stays unassigned for `payment assign`.
  virtual ImportReport import_payments(const std::vector<formats::BankEntry>& entries,
                                       std::string_view source) = 0;

  // Collections actions. `item` is an invoice number, or SELLER:NUMBER when ambiguous.
  // Errors (unknown item, ambiguous number) are RL-LEDGER-002 exceptions; an action the ledger
  // refuses (a second open dispute, nothing left to assign, ...) is RL-LEDGER-004.
  virtual void open_dispute(std::string_view item, formats::Date date, std::string_view reason) = 0;
  virtual void close_dispute(std::string_view item, formats::Date date, std::string_view outcome) = 0;
  virtual void add_promise(std::string_view item, formats::Date promised_date,
                           std::optional<formats::Decimal> amount, formats::Date made_on) = 0;
  virtual void add_note(std::string_view customer_or_item, std::string_view text, formats::Date date) = 0;
  // Allocates what the payment has left (or `amount`) to the item, up to what it owes; returns
  // the amount allocated.
  virtual formats::Decimal assign_payment(std::string_view payment_reference, std::string_view item,
                                          std::optional<formats::Decimal> amount) = 0;

  // Reading.
  virtual std::optional<CustomerRecord> customer(std::string_view id) const = 0;
  virtual std::optional<SellerRecord> seller(std::string_view id) const = 0;
  virtual std::vector<ItemRecord> open_items(std::optional<std::string_view> customer_id = {}) const = 0;
  virtual std::vector<formats::BankEntry> unassigned_payments() const = 0;
  virtual std::vector<HistoryEntry> history(std::string_view customer_id) const = 0;
  // Notes on the customer and on its items, oldest first.
  virtual std::vector<NoteRecord> notes(std::string_view customer_id) const = 0;
  // What the customer's payments left unallocated (overpayments): a credit on its account.
  virtual formats::Decimal payment_credit(std::string_view customer_id) const = 0;
  virtual DunningState dunning_state(formats::Date as_of) const = 0;

  // Dunning batches: recorded once per as-of date.
  virtual bool batch_recorded(formats::Date as_of) const = 0;
  // With the messages that carry the letters (one per channel of a letter's level but phone; a
  // message belongs to the batch's letter to its customer), queued in the same transaction as
  // enqueue() does: a batch is recorded with its messages or not at all.
  virtual void record_batch(formats::Date as_of, const std::vector<RecordedLetter>& letters,
                            const std::vector<QueuedMessage>& messages = {}) = 0;

  // The outbox (ledger_outbox.cpp; what the states mean: outbox.hpp). Times are Unix seconds.
  // Each transition is one committed transaction and one row of outbox_events.
  //
  // Queues the messages whose id is not queued yet, in one transaction; returns how many were new.
  // A message already queued is left as it is, whatever its state. Unknown customers or items are
  // RL-LEDGER-002.
  virtual std::size_t enqueue(const std::vector<QueuedMessage>& messages, std::int64_t now) = 0;
  virtual std::optional<OutboxEntry> outbox_entry(std::string_view id) const = 0;
  // Every message, in queue order; with a customer id, that customer's only.
  virtual std::vector<OutboxEntry> outbox_entries(std::optional<std::string_view> customer_id = {}) const = 0;
  virtual std::vector<OutboxEvent> outbox_events(std::string_view id) const = 0;
  // What a dispatch takes at `now`, in queue order: pending messages, retries whose
  // next_attempt_at has come, and messages left in sending (in doubt: call
  // outbox_recover_in_doubt first, under the dispatch lock).
  virtual std::vector<OutboxEntry> outbox_due(std::int64_t now) const = 0;
  // sending -> retry (due now), flagged in_doubt: the messages a dead run left between the
  // server's answer and the journal's commit. Returns their ids.
  virtual std::vector<std::string> outbox_recover_in_doubt(std::int64_t now) = 0;
  // pending | retry -> sending, attempts + 1, committed before anything is sent. False when the
  // message is no longer pending or due (another run took it, or it was cancelled).
  virtual bool outbox_begin(std::string_view id, std::string_view transport, std::int64_t now) = 0;
  // sending -> sent, with the provider's reference and answer.
  virtual void outbox_sent(std::string_view id, std::string_view provider_reference, std::string_view answer,
                           std::int64_t now) = 0;
  // sending -> retry, due again at next_attempt_at.
  virtual void outbox_retry(std::string_view id, std::string_view answer, std::int64_t next_attempt_at,
                            std::int64_t now) = 0;
  // sending -> pending, the attempt not counted: the transport refused us before anything was
  // handed over (SendStatus::unusable), so the message waits for the next run as it was.
  virtual void outbox_release(std::string_view id, std::string_view answer, std::int64_t now) = 0;
  // pending | retry | sending -> failed, for good.
  virtual void outbox_failed(std::string_view id, std::string_view answer, std::int64_t now) = 0;
  // pending | retry -> cancelled, with the reason. False when the message was in another state.
  virtual bool outbox_cancel(std::string_view id, std::string_view reason, std::int64_t now) = 0;
  // A sent letter's delivery as its provider says now (relance track): stage, the provider's own
  // word, the tracking number (an empty one keeps the known one). True when something changed,
  // which is then also an event of the message. RL-LEDGER-004 for a message not sent.
  virtual bool outbox_tracked(std::string_view id, std::string_view stage, std::string_view provider_state,
                              std::string_view tracking_number, std::int64_t now) = 0;
  // The re-check before sending: why a letter about these items should no longer go ("FA-1 paid,
  // FA-2 disputed since 2026-12-03, FA-3 promised for 2026-12-31"), when every one of them is paid
  // (allocations of any date included), under an open dispute, or under a promise whose date is
  // not past on `as_of`; nullopt when one of them is still owed with nothing running. A message
  // that claims no item is never cancelled.
  virtual std::optional<std::string> no_longer_due(const std::vector<std::int64_t>& item_ids,
                                                   formats::Date as_of) const = 0;
};

// A customers CSV: a header line naming at least the columns id and name.
bool is_customers_csv(std::string_view bytes);

// relance.db in the working folder unless --db or RELANCE_DB says otherwise.
std::filesystem::path ledger_path(const std::string& explicit_path);

}  // namespace relance::pipeline::detail
