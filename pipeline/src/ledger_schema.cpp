// The ledger's schema and its migrations. The schema version is PRAGMA user_version; migration N
// brings a file from version N-1 to N. They run in order, all in one transaction, so a file is
// either at its old version or at the new one. A file newer than this program is refused, as is
// an SQLite file that some other program made.
//
// Conventions:
// - Money is INTEGER cents (amount_cents, ...), not TEXT decimal strings: sums, comparisons and
//   the planner's filters stay exact integer arithmetic inside SQLite (SUM over TEXT would go
//   through binary floating point), and a row is smaller. EN 16931 amounts have at most two
//   decimals (BR-DEC-*), as have EUR and every SEPA payment; an amount with more significant
//   decimals is refused at import rather than rounded.
// - Dates are ISO TEXT (YYYY-MM-DD): they sort and compare as dates, and sqlite3 shows them.
// - Customers are keyed by their TEXT id (the user's own customer number, or the buyer's
//   identifier); rename one and ON UPDATE CASCADE follows it everywhere.
#include <iterator>
#include <string>

#include "ledger_sqlite.hpp"
#include "relance/formats/diagnostic.hpp"

namespace relance::pipeline::detail::sql {
namespace {

// 'RLNC': marks the file as a relance ledger.
constexpr std::int64_t application_id = 0x524C4E43;

struct Migration {
  int version;
  const char* sql;
};

constexpr Migration migrations[] = {
    {1, R"sql(
CREATE TABLE customers (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  -- The name in upper-case ASCII letters and digits ('Bâtiments Réunis SA' -> 'BATIMENTSREUNISSA'):
  -- how a bank's debtor name or an invoice's buyer name finds the customer.
  name_key TEXT NOT NULL DEFAULT '',
  siren TEXT NOT NULL DEFAULT '',
  siret TEXT NOT NULL DEFAULT '',
  vat_id TEXT NOT NULL DEFAULT '',
  billing_line_one TEXT NOT NULL DEFAULT '',
  billing_line_two TEXT NOT NULL DEFAULT '',
  billing_line_three TEXT NOT NULL DEFAULT '',
  billing_post_code TEXT NOT NULL DEFAULT '',
  billing_city TEXT NOT NULL DEFAULT '',
  billing_subdivision TEXT NOT NULL DEFAULT '',
  billing_country TEXT NOT NULL DEFAULT '',
  postal_line_one TEXT NOT NULL DEFAULT '',
  postal_line_two TEXT NOT NULL DEFAULT '',
  postal_line_three TEXT NOT NULL DEFAULT '',
  postal_post_code TEXT NOT NULL DEFAULT '',
  postal_city TEXT NOT NULL DEFAULT '',
  postal_subdivision TEXT NOT NULL DEFAULT '',
  postal_country TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en', 'de')),
  profile TEXT NOT NULL DEFAULT 'new',
  channel TEXT NOT NULL DEFAULT '',
  account_manager TEXT NOT NULL DEFAULT '',
  -- 'invoice': created from an invoice's buyer (BG-7); 'csv': from a customers file.
  origin TEXT NOT NULL DEFAULT 'csv' CHECK (origin IN ('csv', 'invoice'))
);
CREATE INDEX customers_siren ON customers(siren) WHERE siren <> '';
CREATE INDEX customers_siret ON customers(siret) WHERE siret <> '';
CREATE INDEX customers_vat_id ON customers(vat_id) WHERE vat_id <> '';
CREATE INDEX customers_name_key ON customers(name_key) WHERE name_key <> '';

CREATE TABLE customer_emails (
  customer_id TEXT NOT NULL REFERENCES customers(id) ON UPDATE CASCADE ON DELETE CASCADE,
  position INTEGER NOT NULL,
  email TEXT NOT NULL,
  PRIMARY KEY (customer_id, position)
) WITHOUT ROWID;

-- Accounts payments came from (learnt from matched payments and the customers file): a payment
-- without an invoice number finds its payer here.
CREATE TABLE customer_accounts (
  iban TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id) ON UPDATE CASCADE ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX customer_accounts_customer ON customer_accounts(customer_id);

-- Invoices and credit notes, known by seller and number.
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  seller_id TEXT NOT NULL,
  number TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id) ON UPDATE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  type_code TEXT NOT NULL DEFAULT '',
  issue_date TEXT NOT NULL,
  due_date TEXT,
  currency TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  preceding_number TEXT NOT NULL DEFAULT '',
  -- The value date on which the allocations reached the amount (an invoice paid, a credit note
  -- used up); NULL while something is open. Kept by the program after every allocation, so
  -- that open items are found without summing allocations.
  settled_on TEXT,
  source TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (seller_id, number)
);
CREATE INDEX items_number ON items(number COLLATE NOCASE);
CREATE INDEX items_customer ON items(customer_id, due_date);
CREATE INDEX items_open ON items(customer_id, due_date) WHERE settled_on IS NULL;
CREATE INDEX items_preceding ON items(preceding_number) WHERE preceding_number <> '';

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  value_date TEXT NOT NULL,
  booking_date TEXT,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  currency TEXT NOT NULL,
  debtor_name TEXT NOT NULL DEFAULT '',
  debtor_iban TEXT NOT NULL DEFAULT '',
  remittance_unstructured TEXT NOT NULL DEFAULT '',
  remittance_structured TEXT NOT NULL DEFAULT '',
  end_to_end_id TEXT NOT NULL DEFAULT '',
  -- The payer once known: what is not allocated is a credit on its account.
  customer_id TEXT REFERENCES customers(id) ON UPDATE CASCADE,
  source TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX payments_customer ON payments(customer_id) WHERE customer_id IS NOT NULL;

-- What settles an item: part of a payment, or part of a credit note.
CREATE TABLE allocations (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  payment_id INTEGER REFERENCES payments(id),
  credit_note_id INTEGER REFERENCES items(id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  -- The payment's value date, or the credit note's issue date.
  value_date TEXT NOT NULL,
  how TEXT NOT NULL CHECK (how IN ('number', 'amount', 'manual', 'credit_note')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK ((payment_id IS NULL) <> (credit_note_id IS NULL))
);
CREATE INDEX allocations_item ON allocations(item_id, value_date);
CREATE INDEX allocations_payment ON allocations(payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX allocations_credit_note ON allocations(credit_note_id) WHERE credit_note_id IS NOT NULL;

CREATE TABLE disputes (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  opened_on TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  closed_on TEXT,
  outcome TEXT NOT NULL DEFAULT '',
  CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX disputes_item ON disputes(item_id, opened_on);
CREATE UNIQUE INDEX disputes_one_open ON disputes(item_id) WHERE closed_on IS NULL;

CREATE TABLE promises (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  promised_date TEXT NOT NULL,
  amount_cents INTEGER CHECK (amount_cents IS NULL OR amount_cents > 0),
  made_on TEXT NOT NULL
);
CREATE INDEX promises_item ON promises(item_id, made_on);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  customer_id TEXT REFERENCES customers(id) ON UPDATE CASCADE,
  item_id INTEGER REFERENCES items(id),
  written_on TEXT NOT NULL,
  text TEXT NOT NULL,
  CHECK ((customer_id IS NULL) <> (item_id IS NULL))
);
CREATE INDEX notes_customer ON notes(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX notes_item ON notes(item_id) WHERE item_id IS NOT NULL;

-- The dunning history: one batch per as-of date, at most one letter per customer and batch.
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  as_of TEXT NOT NULL UNIQUE,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE letters (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches(id),
  as_of TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id) ON UPDATE CASCADE,
  level TEXT NOT NULL,
  -- 1 for a level sent before the due date (the courtesy pre-reminder).
  before_due INTEGER NOT NULL DEFAULT 0 CHECK (before_due IN (0, 1)),
  channels TEXT NOT NULL DEFAULT '',  -- comma-separated: 'postal,email'
  currency TEXT NOT NULL DEFAULT '',
  principal_cents INTEGER NOT NULL DEFAULT 0,
  interest_cents INTEGER NOT NULL DEFAULT 0,
  indemnity_cents INTEGER NOT NULL DEFAULT 0,
  total_cents INTEGER NOT NULL DEFAULT 0,
  pdf_path TEXT NOT NULL DEFAULT '',
  pdf_sha256 TEXT NOT NULL DEFAULT '',
  UNIQUE (batch_id, customer_id)
);
CREATE INDEX letters_customer ON letters(customer_id, as_of);

CREATE TABLE letter_items (
  letter_id INTEGER NOT NULL REFERENCES letters(id),
  item_id INTEGER NOT NULL REFERENCES items(id),
  -- What the item still owed on the letter's date.
  outstanding_cents INTEGER NOT NULL,
  PRIMARY KEY (letter_id, item_id)
) WITHOUT ROWID;
CREATE INDEX letter_items_item ON letter_items(item_id);
)sql"},
    {2, R"sql(
-- The sellers of imported invoices (BG-4), as letters name the creditor when the configuration
-- has no [company]: the latest invoice's details win.
CREATE TABLE sellers (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  line_one TEXT NOT NULL DEFAULT '',
  line_two TEXT NOT NULL DEFAULT '',
  line_three TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  post_code TEXT NOT NULL DEFAULT '',
  country_subdivision TEXT NOT NULL DEFAULT '',
  country_code TEXT NOT NULL DEFAULT '',
  siren TEXT NOT NULL DEFAULT '',
  vat_id TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  iban TEXT NOT NULL DEFAULT '',
  bic TEXT NOT NULL DEFAULT ''
);
)sql"},
    {3, R"sql(
-- The outbox: the journal of every message relance sends (outbox.hpp). A message gets its id
-- ('rl-' and 24 hex digits of the SHA-256 of as_of|customer|level|channel) when it is queued, before
-- any attempt, and keeps it: the SMTP Message-ID and the postal API's idempotency key derive from
-- it, so a message sent again after a crash is recognisably the same one.
-- States: pending -> sending -> sent | failed (permanent) | retry (transient, due again at
-- next_attempt_at) | cancelled (its items were paid, disputed or promised meanwhile). Every
-- transition is its own transaction. A message still 'sending' when a dispatch starts was being
-- sent by a run that died between the server's answer and the commit: it is in doubt, flagged and
-- sent again.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY NOT NULL,
  -- The dunning letter it carries, when it comes from a batch.
  letter_id INTEGER REFERENCES letters(id),
  as_of TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id) ON UPDATE CASCADE,
  level TEXT NOT NULL DEFAULT '',
  -- The scenario's channel: email, postal, registered or agency. [dispatch.channels] says which
  -- transport carries it (spool, smtp, postal, sftp); `transport` records the one that did.
  channel TEXT NOT NULL CHECK (channel IN ('email', 'postal', 'registered', 'agency')),
  language TEXT NOT NULL DEFAULT 'fr',
  recipient_name TEXT NOT NULL DEFAULT '',
  recipient_emails TEXT NOT NULL DEFAULT '',  -- one address per line
  postal_address TEXT NOT NULL DEFAULT '',    -- one line per line, the name first
  country_code TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  text_body TEXT NOT NULL DEFAULT '',
  html_body TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'retry', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  in_doubt INTEGER NOT NULL DEFAULT 0 CHECK (in_doubt IN (0, 1)),
  -- UTC 'YYYY-MM-DDTHH:MM:SSZ' (they sort as times): when a message in 'retry' is due again.
  next_attempt_at TEXT,
  transport TEXT NOT NULL DEFAULT '',
  provider_reference TEXT NOT NULL DEFAULT '',
  -- The server's last answer (or why the message was cancelled or failed), never a secret.
  last_answer TEXT NOT NULL DEFAULT '',
  queued_at TEXT NOT NULL,
  last_attempt_at TEXT,
  finished_at TEXT,  -- when it became sent, failed or cancelled
  CHECK ((state = 'retry') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at) WHERE state IN ('pending', 'retry', 'sending');
CREATE INDEX outbox_customer ON outbox(customer_id, as_of);
CREATE INDEX outbox_letter ON outbox(letter_id) WHERE letter_id IS NOT NULL;

-- The files a message carries, by path (the letter PDF first, then the statement), with their
-- SHA-256 when queued: a file changed or gone since is a permanent failure, not another letter.
CREATE TABLE outbox_attachments (
  message_id TEXT NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL DEFAULT 'application/pdf',
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (message_id, position)
) WITHOUT ROWID;

-- The items a message claims: checked again just before sending.
CREATE TABLE outbox_items (
  message_id TEXT NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items(id),
  PRIMARY KEY (message_id, item_id)
) WITHOUT ROWID;
CREATE INDEX outbox_items_item ON outbox_items(item_id);

-- Every transition, in order: the reminder history with dates, channels and provider references.
CREATE TABLE outbox_events (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  state TEXT NOT NULL,
  in_doubt INTEGER NOT NULL DEFAULT 0,
  attempt INTEGER NOT NULL DEFAULT 0,
  transport TEXT NOT NULL DEFAULT '',
  provider_reference TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_events_message ON outbox_events(message_id, id);
)sql"},
    {4, R"sql(
-- Where a posted letter is, as its provider last said when relance track asked: the stage in
-- relance's words (in_progress, action_required, sent, delivered, failed, unknown), the provider's
-- own word, the postal operator's tracking number of a registered letter, and when it was asked.
ALTER TABLE outbox ADD COLUMN delivery_stage TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN delivery_state TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN tracking_number TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN tracked_at TEXT;
)sql"},
};

constexpr int latest = static_cast<int>(std::size(migrations));

}  // namespace

int latest_schema_version() {
  return latest;
}

int migrate(Database& db) {
  auto version = static_cast<int>(db.pragma_int("PRAGMA user_version"));
  if (version > latest)
    fail(db.file(), "the ledger has schema version " + std::to_string(version) +
                        ", newer than this relance knows (" + std::to_string(latest) +
                        "): use a newer relance, or another --db");
  if (version == latest) {
    if (db.pragma_int("PRAGMA application_id") != application_id)
      fail(db.file(), "this SQLite file is not a relance ledger");
    return version;
  }
  Transaction t(db);
  // Another process may have migrated the file since it was read.
  version = static_cast<int>(db.pragma_int("PRAGMA user_version"));
  const std::int64_t app = db.pragma_int("PRAGMA application_id");
  if (version == 0) {
    Statement tables = db.prepare("SELECT count(*) FROM sqlite_schema");
    if ((tables.step() && tables.int64(0) != 0) || (app != 0 && app != application_id))
      fail(db.file(), "this SQLite file is not a relance ledger");
  } else if (app != application_id) {
    fail(db.file(), "this SQLite file is not a relance ledger");
  }
  for (const Migration& m : migrations) {
    if (m.version <= version) continue;
    try {
      db.exec(m.sql);
    } catch (const Error& e) {
      fail(db.file(), "cannot migrate the ledger to schema version " + std::to_string(m.version) + ": " +
                          e.diagnostic.message);
    }
    db.exec(("PRAGMA user_version = " + std::to_string(m.version)).c_str());
  }
  db.exec(("PRAGMA application_id = " + std::to_string(application_id)).c_str());
  t.commit();
  return latest;
}

}  // namespace relance::pipeline::detail::sql
