#pragma once
// The small RAII layer over the sqlite3 C API the ledger uses: a connection, prepared statements
// with bind/step/column, and transactions. Every SQLite failure becomes a relance::Error
// RL-LEDGER-001 naming the file. Only ledger*.cpp include this.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace relance::pipeline::detail::sql {

// Throws relance::Error RL-LEDGER-001: "<file>: <what>".
[[noreturn]] void fail(const std::string& file, const std::string& what);

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql, const std::string& file);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are numbered from 1, as in SQL (?1, ?2, ...). Text is copied.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const formats::Date& date) {
    return bind(index, std::string_view(date.to_iso()));
  }
  Statement& bind_null(int index);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // True while there is a row; false when done.
  bool step();
  // Steps to the end (INSERT, UPDATE, DELETE).
  void run();
  // Ready for new bindings and a new run.
  void reset();

  // Columns are numbered from 0.
  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  std::string_view text(int column) const;
  std::string str(int column) const { return std::string(text(column)); }
  // ISO text to a date; nullopt when NULL.
  std::optional<formats::Date> date(int column) const;

 private:
  void check(int rc, const char* what);
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  const std::string* file_ = nullptr;
};

class Database {
 public:
  // Opens (and, when create, creates) the file: foreign keys on, WAL, a busy timeout.
  static std::unique_ptr<Database> open(const std::filesystem::path& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const char* sql);
  Statement prepare(std::string_view sql);
  // A statement prepared once per connection, reset and with its bindings cleared. Never use the
  // same cached statement in two nested loops.
  Statement& cached(const char* sql);
  std::int64_t last_insert_rowid() const;
  bool in_transaction() const;
  std::int64_t pragma_int(const char* pragma);
  const std::string& file() const { return file_; }

 private:
  Database(sqlite3* db, std::string file) : db_(db), file_(std::move(file)) {}
  sqlite3* db_ = nullptr;
  std::string file_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT, or a savepoint inside an enclosing transaction. Rolls back when
// destroyed without commit(), so an exception leaves nothing half-written.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool nested_ = false;
  bool done_ = false;
};

// Money is stored as INTEGER cents (see ledger_schema.cpp). nullopt when the amount has more
// than two significant decimals or does not fit in 64 bits.
std::optional<std::int64_t> to_cents(const formats::Decimal& amount);
formats::Decimal from_cents(std::int64_t cents);
// "1234.56"
std::string cents_text(std::int64_t cents);

// Applies the migrations the file lacks (ledger_schema.cpp); throws RL-LEDGER-001 when the file
// is newer than this program or not a relance ledger.
int migrate(Database& db);
int latest_schema_version();

}  // namespace relance::pipeline::detail::sql
