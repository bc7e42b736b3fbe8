#include "ledger_sqlite.hpp"

#include <sqlite3.h>

#include <charconv>
#include <utility>

#include "relance/formats/diagnostic.hpp"

namespace relance::pipeline::detail::sql {

void fail(const std::string& file, const std::string& what) {
  throw Error(Diagnostic{"RL-LEDGER-001", Severity::fatal, Location{file, {}, 0, 0}, what, {}});
}

// ---- Statement

Statement::Statement(sqlite3* db, std::string_view sql, const std::string& file) : db_(db), file_(&file) {
  const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(file, std::string("the ledger cannot prepare a query: ") + sqlite3_errmsg(db));
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_), file_(other.file_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
    file_ = other.file_;
  }
  return *this;
}

void Statement::check(int rc, const char* what) {
  if (rc == SQLITE_OK) return;
  fail(*file_, std::string(what) + ": " + sqlite3_errmsg(db_));
}

Statement& Statement::bind(int index, std::int64_t value) {
  check(sqlite3_bind_int64(stmt_, index, value), "cannot bind a query parameter");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        "cannot bind a query parameter");
  return *this;
}

Statement& Statement::bind_null(int index) {
  check(sqlite3_bind_null(stmt_, index), "cannot bind a query parameter");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const std::string message = sqlite3_errmsg(db_);
  sqlite3_reset(stmt_);
  fail(*file_, "the ledger cannot be read or written: " + message);
}

void Statement::run() {
  while (step()) {
  }
  sqlite3_reset(stmt_);
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string_view Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (p == nullptr) return {};
  return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<formats::Date> Statement::date(int column) const {
  if (is_null(column)) return std::nullopt;
  auto d = formats::Date::parse_iso(text(column));
  if (!d) fail(*file_, "the ledger holds a malformed date '" + str(column) + "'");
  return d;
}

// ---- Database

std::unique_ptr<Database> Database::open(const std::filesystem::path& path, bool create) {
  const std::string file = path.string();
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_EXRESCODE;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close_v2(raw);
    fail(file, "cannot open the ledger: " + message);
  }
  std::unique_ptr<Database> db(new Database(raw, file));
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_extended_result_codes(raw, 1);
  try {
    // The first statement reads the header: a file that is not SQLite fails here.
    db->exec("PRAGMA foreign_keys = ON");
    db->pragma_int("PRAGMA schema_version");
    // WAL lets `ledger show` read while an import writes. With WAL, synchronous=NORMAL never
    // corrupts the file; a power cut may lose the last commits, which re-running the idempotent
    // import restores.
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = NORMAL");
    // Reading a large ledger (dunning_state scans every open item) goes through memory-mapped
    // pages and a 64 MB page cache rather than a read() per page.
    db->exec("PRAGMA mmap_size = 1073741824");
    db->exec("PRAGMA cache_size = -65536");
  } catch (const Error& e) {
    fail(file, "cannot open the ledger: " + e.diagnostic.message);
  }
  return db;
}

Database::~Database() {
  cache_.clear();  // statements first: a connection with live statements does not close
  sqlite3_close_v2(db_);
}

void Database::exec(const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    fail(file_, text);
  }
}

Statement Database::prepare(std::string_view sql) {
  return Statement(db_, sql, file_);
}

Statement& Database::cached(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<Statement>(db_, sql, file_)).first;
  it->second->reset();
  return *it->second;
}

std::int64_t Database::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

bool Database::in_transaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

std::int64_t Database::pragma_int(const char* pragma) {
  Statement s = prepare(pragma);
  return s.step() ? s.int64(0) : 0;
}

// ---- Transaction

Transaction::Transaction(Database& db) : db_(db), nested_(db.in_transaction()) {
  db_.exec(nested_ ? "SAVEPOINT relance_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    db_.exec(nested_ ? "ROLLBACK TO relance_nested; RELEASE relance_nested" : "ROLLBACK");
  } catch (const Error&) {
    // A failed rollback (the connection is gone) leaves SQLite to roll back on close.
  }
}

void Transaction::commit() {
  db_.exec(nested_ ? "RELEASE relance_nested" : "COMMIT");
  done_ = true;
}

// ---- Money

std::optional<std::int64_t> to_cents(const formats::Decimal& amount) {
  if (amount.significant_scale() > 2) return std::nullopt;
  const formats::Decimal exact = amount.scale() <= 2 ? amount.rescaled_up(2) : amount.rounded(2);
  std::string digits = exact.to_string();
  digits.erase(digits.size() - 3, 1);  // the decimal point: "-12.34" -> "-1234"
  std::int64_t cents = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cents);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return cents;
}

formats::Decimal from_cents(std::int64_t cents) {
  return formats::Decimal::from_units(cents, 2);
}

std::string cents_text(std::int64_t cents) {
  return from_cents(cents).to_string();
}

}  // namespace relance::pipeline::detail::sql
