#pragma once
// The SQLite implementation of Ledger, split over ledger.cpp (open, actions, reading, batches),
// ledger_import.cpp (invoices, customers CSV), ledger_payments.cpp (payments and matching),
// ledger_state.cpp (dunning_state) and ledger_outbox.cpp (the outbox journal).
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ledger.hpp"
#include "ledger_sqlite.hpp"

namespace relance::pipeline::detail {

// Throws relance::Error with this rule id, fatal, located at `where`.
[[noreturn]] void ledger_error(const char* rule, const std::string& where, const std::string& message);

// Invoice numbers a remittance text may name: every run of characters between separators, and
// every span of pieces joined by '-', '/', '.', '_' within a word, so that "F-2026-001/F-2026-002"
// gives F-2026-001 and F-2026-002 but "F-2026-0011" never gives F-2026-001.
std::vector<std::string> remittance_candidates(std::string_view text);

// Upper-case ASCII letters and digits only, accented Latin letters folded to their base letter:
// how names and IBANs compare ("Bâtiments Réunis S.A." -> "BATIMENTSREUNISSA").
std::string fold_key(std::string_view text);
// The same with every other character a space: "Hôtel des Brotteaux" -> "HOTEL DES BROTTEAUX".
std::string ascii_upper(std::string_view text);

class SqliteLedger final : public Ledger {
 public:
  explicit SqliteLedger(std::unique_ptr<sql::Database> db, int version)
      : db_(std::move(db)), version_(version) {}

  int schema_version() const override { return version_; }

  ImportReport import_invoice(const formats::Invoice& invoice, std::string_view source) override;
  ImportReport import_invoices(const std::vector<SourcedInvoice>& invoices) override;
  ImportReport import_customers_csv(std::string_view csv, std::string_view source) override;
  ImportReport import_payments(const std::vector<formats::BankEntry>& entries,
                               std::string_view source) override;

  void open_dispute(std::string_view item, formats::Date date, std::string_view reason) override;
  void close_dispute(std::string_view item, formats::Date date, std::string_view outcome) override;
  void add_promise(std::string_view item, formats::Date promised_date, std::optional<formats::Decimal> amount,
                   formats::Date made_on) override;
  void add_note(std::string_view customer_or_item, std::string_view text, formats::Date date) override;
  formats::Decimal assign_payment(std::string_view payment_reference, std::string_view item,
                                  std::optional<formats::Decimal> amount) override;

  std::optional<CustomerRecord> customer(std::string_view id) const override;
  std::optional<SellerRecord> seller(std::string_view id) const override;
  std::vector<ItemRecord> open_items(std::optional<std::string_view> customer_id) const override;
  std::vector<formats::BankEntry> unassigned_payments() const override;
  std::vector<HistoryEntry> history(std::string_view customer_id) const override;
  std::vector<NoteRecord> notes(std::string_view customer_id) const override;
  formats::Decimal payment_credit(std::string_view customer_id) const override;
  DunningState dunning_state(formats::Date as_of) const override;

  bool batch_recorded(formats::Date as_of) const override;
  void record_batch(formats::Date as_of, const std::vector<RecordedLetter>& letters,
                    const std::vector<QueuedMessage>& messages) override;

  std::size_t enqueue(const std::vector<QueuedMessage>& messages, std::int64_t now) override;
  std::optional<OutboxEntry> outbox_entry(std::string_view id) const override;
  std::vector<OutboxEntry> outbox_entries(std::optional<std::string_view> customer_id) const override;
  std::vector<OutboxEvent> outbox_events(std::string_view id) const override;
  std::vector<OutboxEntry> outbox_due(std::int64_t now) const override;
  std::vector<std::string> outbox_recover_in_doubt(std::int64_t now) override;
  bool outbox_begin(std::string_view id, std::string_view transport, std::int64_t now) override;
  void outbox_sent(std::string_view id, std::string_view provider_reference, std::string_view answer,
                   std::int64_t now) override;
  void outbox_retry(std::string_view id, std::string_view answer, std::int64_t next_attempt_at,
                    std::int64_t now) override;
  void outbox_failed(std::string_view id, std::string_view answer, std::int64_t now) override;
  void outbox_release(std::string_view id, std::string_view answer, std::int64_t now) override;
  bool outbox_cancel(std::string_view id, std::string_view reason, std::int64_t now) override;
  bool outbox_tracked(std::string_view id, std::string_view stage, std::string_view provider_state,
                      std::string_view tracking_number, std::int64_t now) override;
  std::optional<std::string> no_longer_due(const std::vector<std::int64_t>& item_ids,
                                           formats::Date as_of) const override;

 private:
  struct ItemRow {
    std::int64_t id = 0;
    std::string seller_id, number, customer_id, currency;
    bool credit_note = false;
    formats::Date issue_date = formats::Date::from_days(0);
    std::optional<formats::Date> due_date;
    std::int64_t amount_cents = 0;
  };
  struct PaymentRow {
    std::int64_t id = 0;
    std::string reference, currency, debtor_name, debtor_iban, unstructured, structured;
    formats::Date value_date = formats::Date::from_days(0);
    std::int64_t amount_cents = 0;
    std::optional<std::string> customer_id;
  };

  // An item by number, or SELLER:NUMBER; RL-LEDGER-002 naming it and the candidates otherwise.
  ItemRow resolve_item(std::string_view text) const;
  std::optional<ItemRow> item_by_id(std::int64_t id) const;
  std::optional<PaymentRow> payment_by_reference(std::string_view reference) const;
  // The one integer (cents) the query `sql` gives for the id bound to ?1; 0 when no row.
  std::int64_t cents_of(const char* sql, std::int64_t id) const;
  // Cents still owed on an invoice (all allocations), or credit left on a credit note.
  std::int64_t invoice_outstanding(std::int64_t item_id) const;
  std::int64_t credit_note_left(std::int64_t credit_note_id) const;
  std::int64_t payment_left(std::int64_t payment_id) const;
  void allocate(std::int64_t item_id, std::optional<std::int64_t> payment_id,
                std::optional<std::int64_t> credit_note_id, std::int64_t cents,
                const formats::Date& value_date, const char* how);
  // Recomputes items.settled_on from the allocations (invoices) or the credit used (credit notes).
  void refresh_settled(std::int64_t item_id);
  void refresh_credit_note(std::int64_t credit_note_id);

  // Imports.
  void import_one_invoice(const formats::Invoice& invoice, std::string_view source, ImportReport& report,
                          std::vector<std::string>& added_numbers);
  std::string customer_for_buyer(const formats::Invoice& invoice, bool& created);
  void apply_credit_note(std::int64_t credit_note_id, ImportReport& report);
  // Matches one payment (already stored) to items; true when something was allocated.
  bool match_payment(const PaymentRow& payment, ImportReport& report);
  void learn_account(const std::string& iban, const std::string& customer_id);
  // After new invoices: payments still unassigned that name one of them.
  void rematch_unassigned(const std::vector<std::string>& numbers, ImportReport& report);

  // The outbox (ledger_outbox.cpp). Queues one message inside the current transaction; false
  // when its id is already queued.
  bool enqueue_one(const QueuedMessage& message, std::optional<std::int64_t> letter_id,
                   const std::string& now);
  // Entries by a WHERE clause on outbox o (with ?1 bound by `bind`), in queue order.
  std::vector<OutboxEntry> outbox_select(const std::string& where,
                                         const std::function<void(sql::Statement&)>& bind) const;
  // One transition: the row's state must be one of `from`; sets `assignments` (SQL, ?1 is the id,
  // ?2 the time, ?3.. bound by `bind`) and the state, and logs the event. False when the state
  // was not one of `from`.
  bool outbox_transition(std::string_view id, std::initializer_list<OutboxState> from, OutboxState to,
                         const std::string& assignments, const std::function<void(sql::Statement&)>& bind,
                         std::string_view detail, std::int64_t now);

  std::unique_ptr<sql::Database> db_;
  int version_ = 0;
};

}  // namespace relance::pipeline::detail
