// A generated ledger for the `relance remind --dry-run` benchmark (issue 5: 1,000,000 open items and
// 100,000 customers, planned in under 30 s and 2 GB). scripts/bench runs the command on the file
// under /usr/bin/time -v and records the wall time and the peak resident size.
//
// Usage: relance_bench_remind_ledger FILE [--customers N] [--items M] [--settled S] [--as-of D]
//                                         [--seed X]
// Defaults: 100,000 customers, 1,000,000 items open on D, M/5 settled items, D = 2026-11-24.
//
// The mix, on the as-of date D (every draw from a seeded generator: the same file every time):
// - customers: profiles regular 35%, new 30%, at-risk 15%, public-sector 12%, consumer 8%;
//   languages fr 80%, en 12%, de 8%; every customer has at least one open item, the rest of the
//   items go to customers with a skew (big accounts have a few hundred);
// - open items: due dates spread over the last 180 days and the next 30, 30/45/60 days terms,
//   amounts log-uniform from 50 to 20,000 EUR, inserted in issue date order (customers interleave,
//   as real imports do); ~30% partially paid (a third of those in two instalments);
// - late items: ~2% under an open dispute, ~1.5% with a closed one, ~3% with a promise (some
//   still running, some broken); settled items (fully paid, before D) carry history too;
// - a dunning history as daily batches would have left it: for 90% of the items, the levels they
//   reached before D (pre_reminder D-7, reminder_1 D+7, reminder_2 D+21 or a phone call for a
//   regular customer's first late item, formal_notice D+35, agency D+50), one letter per customer
//   and batch, at least 7 days apart, listing every item at that stage; escalation stops at a
//   dispute or a promise.
//
// The schema comes from the ledger's own migrations (Ledger::open); rows are then written with
// prepared statements in one transaction, without journal: a million items in seconds (the
// Ledger API's import_invoices goes through the whole invoice model and matching, per item).

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ledger.hpp"
#include "relance/formats/date.hpp"

namespace {

using relance::formats::Date;

struct Options {
  std::filesystem::path file;
  long customers = 100000;
  long items = 1000000;
  long settled = -1;  // -1: items / 5
  std::string as_of = "2026-11-24";
  std::uint64_t seed = 20261124;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "relance_bench_remind_ledger: %s\n"
               "usage: relance_bench_remind_ledger FILE [--customers N] [--items M] [--settled S] "
               "[--as-of YYYY-MM-DD] [--seed X]\n",
               why);
  std::exit(2);
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage("an option lacks its value");
      return argv[++i];
    };
    auto number = [&]() {
      const std::string v = value();
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (end == v.c_str() || *end != '\0' || n < 0) usage("not a number");
      return n;
    };
    if (a == "--customers")
      o.customers = number();
    else if (a == "--items")
      o.items = number();
    else if (a == "--settled")
      o.settled = number();
    else if (a == "--as-of")
      o.as_of = value();
    else if (a == "--seed")
      o.seed = static_cast<std::uint64_t>(number());
    else if (!a.empty() && a[0] == '-')
      usage("unknown option");
    else
      o.file = a;
  }
  if (o.file.empty()) usage("no FILE");
  if (o.customers < 1 || o.items < o.customers) usage("need at least one item per customer");
  if (o.settled < 0) o.settled = o.items / 5;
  return o;
}

class Sqlite {
 public:
  explicit Sqlite(const std::filesystem::path& file) {
    if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK) fail("open");
  }
  ~Sqlite() { sqlite3_close(db_); }
  Sqlite(const Sqlite&) = delete;
  Sqlite& operator=(const Sqlite&) = delete;
  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
  }
  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db_));
  }
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// One prepared INSERT, bound column by column and run once per row.
class Insert {
 public:
  Insert(Sqlite& db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v3(db.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
      db.fail(sql);
  }
  ~Insert() { sqlite3_finalize(stmt_); }
  Insert(const Insert&) = delete;
  Insert& operator=(const Insert&) = delete;
  Insert& i64(int col, std::int64_t v) {
    sqlite3_bind_int64(stmt_, col, v);
    return *this;
  }
  // The text must live until run().
  Insert& text(int col, std::string_view v) {
    sqlite3_bind_text(stmt_, col, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Insert& null(int col) {
    sqlite3_bind_null(stmt_, col);
    return *this;
  }
  void run() {
    if (sqlite3_step(stmt_) != SQLITE_DONE) db_.fail("insert");
    sqlite3_reset(stmt_);
    ++rows_;
  }
  std::size_t rows() const { return rows_; }

 private:
  Sqlite& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::size_t rows_ = 0;
};

// Days relative to the as-of date (0 = D, -1 = the day before), with their ISO text ready.
class Days {
 public:
  Days(Date as_of, int first, int last) : first_(first) {
    for (int d = first; d <= last; ++d) iso_.push_back(as_of.plus_days(d).to_iso());
  }
  const std::string& iso(int d) const { return iso_.at(static_cast<std::size_t>(d - first_)); }

 private:
  int first_;
  std::vector<std::string> iso_;
};

constexpr int first_day = -800;  // the oldest date any row gets, relative to D
constexpr int last_day = 120;

struct Customer {
  std::string id;
  std::string profile;
  int jitter = 0;  // the customer's batches run 0 to 2 days after the level's date
};

struct Item {
  std::int32_t customer = 0;
  std::int32_t issue = 0, due = 0;  // days relative to D
  std::int64_t cents = 0;
  std::int64_t paid_first = 0, paid_second = 0;
  std::int32_t paid_first_on = 0, paid_second_on = 0;
  bool settled = false;  // fully paid by paid_second_on (or paid_first_on with one payment)
  std::uint32_t order = 0;
  std::int64_t id = 0;
  // Escalation stops the day before this (a dispute opened, a promise made, the item settled).
  std::int32_t history_limit = 0;
  bool with_history = true;
  std::int32_t settled_on() const { return paid_second > 0 ? paid_second_on : paid_first_on; }
  std::int64_t paid_by(int day) const {
    return (paid_first > 0 && paid_first_on <= day ? paid_first : 0) +
           (paid_second > 0 && paid_second_on <= day ? paid_second : 0);
  }
};

struct Level {
  const char* name;
  int offset;
  const char* channels;
};
// The shipped default scenario; index 2 is reminder_2, or phone_call for a regular customer's
// first late item.
constexpr Level levels[] = {{"pre_reminder", -7, "email"},
                            {"reminder_1", 7, "email"},
                            {"reminder_2", 21, "postal,email"},
                            {"formal_notice", 35, "registered"},
                            {"agency", 50, "agency"}};
constexpr Level phone_call{"phone_call", 21, "phone"};

std::string padded(long n, int width) {
  std::string s = std::to_string(n);
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
  return s;
}

// Eight digits and a Luhn key: a SIREN that passes RL-ID-001.
std::string siren_of(long n) {
  std::string s = padded(100000000L / 10 + n % 90000000L, 8);
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    int d = s[i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  s += static_cast<char>('0' + (10 - sum % 10) % 10);
  return s;
}

class Generator {
 public:
  explicit Generator(const Options& o)
      : o_(o), as_of_(*Date::parse_iso(o.as_of)), days_(as_of_, first_day, last_day), rng_(o.seed) {}

  void run() {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    std::filesystem::remove(o_.file);
    std::filesystem::remove(o_.file.string() + "-wal");
    std::filesystem::remove(o_.file.string() + "-shm");
    // The schema, by the ledger's own migrations.
    relance::pipeline::detail::Ledger::open(o_.file).reset();
    Sqlite db(o_.file);
    db.exec("PRAGMA journal_mode = OFF");
    db.exec("PRAGMA synchronous = OFF");
    db.exec("PRAGMA foreign_keys = OFF");  // consistent by construction
    db.exec("PRAGMA cache_size = -524288");
    db.exec("PRAGMA temp_store = MEMORY");
    db.exec("BEGIN");
    make_seller(db);
    make_customers(db);
    make_items();
    write_items(db);
    write_disputes_and_promises(db);
    write_history(db);
    db.exec("COMMIT");
    db.exec("PRAGMA journal_mode = WAL");  // as relance leaves its ledgers
    const double seconds = std::chrono::duration<double>(clock::now() - t0).count();
    std::printf(
        "ledger %s as of %s: %ld customers, %ld open items (%zu partially paid), %ld settled items, %zu "
        "payments, %zu disputes, %zu promises, %zu letters (%zu letter items) in %zu batches; %.1f s, "
        "%.0f MB\n",
        o_.file.c_str(), o_.as_of.c_str(), o_.customers, o_.items, partially_paid_, o_.settled, payments_,
        disputes_, promises_, letters_, letter_items_, batches_, seconds,
        static_cast<double>(std::filesystem::file_size(o_.file)) / 1e6);
  }

 private:
  double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }
  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return uniform() < p; }
  const std::string& day(int d) const { return days_.iso(d); }

  // The seller of the invoices, where the ledger keeps sellers (schema version 2 on).
  void make_seller(Sqlite& db) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db.get(), "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sellers'", -1,
                       &s, nullptr);
    const bool exists = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    if (!exists) return;
    db.exec(
        "INSERT INTO sellers (id, name, line_one, city, post_code, country_code, siren, vat_id, email, iban, "
        "bic) "
        "VALUES ('FR44732829320', 'Atelier Dupont SARL', '12 rue des Lilas', 'Lyon', '69003', 'FR', "
        "'732829320', "
        "'FR44732829320', 'compta@example.fr', 'FR7630006000011234567890189', 'AGRIFRPP')");
  }

  void make_customers(Sqlite& db) {
    static const char* const managers[] = {"Claire Martin", "Jonas Weber",  "Léa Bernard",  "Hugo Petit",
                                           "Sarah Moreau",  "Paul Girard",  "Emma Schmitt", "Nina Rossi",
                                           "Louis Fabre",   "Inès Lambert", "Tom Andrews",  "Julie Roux"};
    static const char* const cities[][3] = {
        {"Paris", "75011", "FR"},  {"Lyon", "69003", "FR"},    {"Marseille", "13006", "FR"},
        {"Lille", "59000", "FR"},  {"Nantes", "44000", "FR"},  {"Bordeaux", "33000", "FR"},
        {"Berlin", "10115", "DE"}, {"München", "80331", "DE"}, {"London", "EC1A 1BB", "GB"}};
    Insert customer(db,
                    "INSERT INTO customers (id, name, name_key, siren, vat_id, billing_line_one, "
                    "billing_post_code, billing_city, billing_country, language, profile, channel, "
                    "account_manager, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                    "?13, 'csv')");
    Insert email(db, "INSERT INTO customer_emails (customer_id, position, email) VALUES (?1, 0, ?2)");
    customers_.resize(static_cast<std::size_t>(o_.customers));
    for (long c = 0; c < o_.customers; ++c) {
      Customer& cu = customers_[static_cast<std::size_t>(c)];
      cu.id = "C" + padded(c + 1, 6);
      const double p = uniform();
      cu.profile = p < 0.35   ? "regular"
                   : p < 0.65 ? "new"
                   : p < 0.80 ? "at-risk"
                   : p < 0.92 ? "public-sector"
                              : "consumer";
      cu.jitter = between(0, 2);
      const double l = uniform();
      const char* language = l < 0.80 ? "fr" : l < 0.92 ? "en" : "de";
      const auto& city = cities[between(0, 8)];
      const std::string name = cu.profile == "consumer" ? "Client particulier " + padded(c + 1, 6)
                                                        : "Client " + padded(c + 1, 6) + " SAS";
      std::string key;
      for (char ch : name)
        if (ch != ' ') key += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
      const std::string siren = cu.profile == "consumer" ? "" : siren_of(c);
      const std::string vat = siren.empty() ? "" : "FR00" + siren;
      const std::string street = std::to_string(between(1, 120)) + " rue de la République";
      const std::string mail = "compta@" + cu.id + ".example";
      const double ch = uniform();
      customer.text(1, cu.id)
          .text(2, name)
          .text(3, key)
          .text(4, siren)
          .text(5, vat)
          .text(6, street)
          .text(7, city[1])
          .text(8, city[0])
          .text(9, city[2])
          .text(10, language)
          .text(11, cu.profile)
          .text(12, ch < 0.7   ? ""
                    : ch < 0.9 ? "email"
                               : "postal")
          .text(13, managers[between(0, 11)])
          .run();
      email.text(1, cu.id).text(2, mail).run();
    }
  }

  std::int64_t amount_cents() {
    // Log-uniform from 50 to 20,000 EUR.
    return static_cast<std::int64_t>(std::llround(5000.0 * std::pow(400.0, uniform())));
  }

  void make_items() {
    const auto open = static_cast<std::size_t>(o_.items);
    const auto total = open + static_cast<std::size_t>(o_.settled);
    items_.resize(total);
    const auto n = static_cast<double>(o_.customers);
    for (std::size_t i = 0; i < total; ++i) {
      Item& it = items_[i];
      // One open item for every customer, the others skewed towards big accounts.
      it.customer = i < static_cast<std::size_t>(o_.customers)
                        ? static_cast<std::int32_t>(i)
                        : std::min(static_cast<std::int32_t>(n * std::pow(uniform(), 1.5)),
                                   static_cast<std::int32_t>(o_.customers - 1));
      const int terms = chance(0.6) ? 30 : chance(0.5) ? 45 : 60;
      it.cents = amount_cents();
      it.order = static_cast<std::uint32_t>(rng_());
      it.with_history = chance(0.9);
      if (i < open) {
        it.due = between(-180, 30);
        it.issue = it.due - terms;
        it.history_limit = 0;
        if (it.issue < -1 && chance(0.30)) {
          ++partially_paid_;
          const auto part =
              static_cast<std::int64_t>(static_cast<double>(it.cents) * (0.1 + 0.8 * uniform()));
          it.paid_first_on = between(it.issue + 1, -1);
          if (chance(0.3) && it.paid_first_on < -1) {
            it.paid_first = std::max<std::int64_t>(1, part / 2);
            it.paid_second = std::max<std::int64_t>(1, part - it.paid_first);
            it.paid_second_on = between(it.paid_first_on + 1, -1);
          } else {
            it.paid_first = std::max<std::int64_t>(1, part);
          }
        }
      } else {
        it.settled = true;
        it.due = between(-420, -20);
        it.issue = it.due - terms;
        it.paid_first_on = std::clamp(it.due + between(-10, 70), it.issue + 1, -1);
        if (chance(0.2) && it.paid_first_on + 1 <= -1) {
          it.paid_first = it.cents / 2;
          it.paid_second = it.cents - it.paid_first;
          it.paid_second_on = between(it.paid_first_on + 1, std::min(-1, it.paid_first_on + 40));
        } else {
          it.paid_first = it.cents;
        }
        it.history_limit = it.settled_on();
      }
    }
    // Imported in issue date order, customers interleaved.
    std::sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) {
      return a.issue != b.issue ? a.issue < b.issue : a.order < b.order;
    });
    for (std::size_t i = 0; i < total; ++i) items_[i].id = static_cast<std::int64_t>(i + 1);
  }

  void write_items(Sqlite& db) {
    Insert item(db,
                "INSERT INTO items (id, seller_id, number, customer_id, kind, type_code, issue_date, "
                "due_date, currency, amount_cents, settled_on, source) VALUES (?1, 'FR44732829320', ?2, ?3, "
                "'invoice', '380', ?4, ?5, 'EUR', ?6, ?7, 'bench-generated.xml')");
    Insert payment(db,
                   "INSERT INTO payments (id, reference, value_date, booking_date, amount_cents, currency, "
                   "debtor_name, remittance_unstructured, customer_id, source) VALUES (?1, ?2, ?3, ?3, ?4, "
                   "'EUR', ?5, ?6, ?7, 'bench-camt053.xml')");
    Insert allocation(db,
                      "INSERT INTO allocations (item_id, payment_id, amount_cents, value_date, how) VALUES "
                      "(?1, ?2, ?3, ?4, 'number')");
    for (const Item& it : items_) {
      const std::string number = "FA-" + padded(it.id, 8);
      const Customer& cu = customers_[static_cast<std::size_t>(it.customer)];
      item.i64(1, it.id)
          .text(2, number)
          .text(3, cu.id)
          .text(4, day(it.issue))
          .text(5, day(it.due))
          .i64(6, it.cents);
      if (it.settled)
        item.text(7, day(it.settled_on()));
      else
        item.null(7);
      item.run();
      auto pay = [&](std::int64_t cents, int on) {
        const auto id = static_cast<std::int64_t>(++payments_);
        const std::string reference = "VIR-" + padded(id, 9);
        const std::string remittance = "Facture " + number;
        payment.i64(1, id)
            .text(2, reference)
            .text(3, day(on))
            .i64(4, cents)
            .text(5, "CLIENT " + cu.id)
            .text(6, remittance)
            .text(7, cu.id)
            .run();
        allocation.i64(1, it.id).i64(2, id).i64(3, cents).text(4, day(on)).run();
      };
      if (it.paid_first > 0) pay(it.paid_first, it.paid_first_on);
      if (it.paid_second > 0) pay(it.paid_second, it.paid_second_on);
    }
  }

  void write_disputes_and_promises(Sqlite& db) {
    Insert dispute(
        db,
        "INSERT INTO disputes (item_id, opened_on, reason, closed_on, outcome) VALUES (?1, ?2, ?3, "
        "?4, ?5)");
    Insert promise(db,
                   "INSERT INTO promises (item_id, promised_date, amount_cents, made_on) VALUES (?1, ?2, ?3, "
                   "?4)");
    for (Item& it : items_) {
      if (it.settled || it.due >= -2) continue;
      const double p = uniform();
      if (p < 0.035) {
        const int opened = between(it.due + 1, -1);
        const bool closed = p >= 0.02 && opened < -1;
        dispute.i64(1, it.id).text(2, day(opened)).text(3, "marchandise non conforme");
        if (closed)
          dispute.text(4, day(between(opened + 1, -1))).text(5, "avoir refusé");
        else
          dispute.null(4).text(5, "");
        dispute.run();
        ++disputes_;
        if (!closed) it.history_limit = opened;
      } else if (p < 0.065 && it.due + 7 < -1) {
        const int made = between(it.due + 7, -1);
        const int promised = made + between(5, 30);
        const std::int64_t outstanding = it.cents - it.paid_by(made);
        promise.i64(1, it.id).text(2, day(promised));
        if (chance(0.5) && outstanding > 1)
          promise.i64(3, outstanding / 2);
        else
          promise.null(3);
        promise.text(4, day(made)).run();
        ++promises_;
        it.history_limit = made;
      }
    }
  }

  struct Event {
    int wanted;  // the day the level falls due for the item
    int level;   // index in levels; 5 = phone_call
    std::size_t item;
  };

  void write_history(Sqlite& db) {
    // The items of each customer, by due date.
    std::vector<std::size_t> start(customers_.size() + 1, 0);
    for (const Item& it : items_) ++start[static_cast<std::size_t>(it.customer) + 1];
    for (std::size_t c = 0; c < customers_.size(); ++c) start[c + 1] += start[c];
    std::vector<std::size_t> by_customer(items_.size());
    {
      std::vector<std::size_t> next(start.begin(), start.end() - 1);
      for (std::size_t i = 0; i < items_.size(); ++i)
        by_customer[next[static_cast<std::size_t>(items_[i].customer)]++] = i;
    }
    Insert batch(db, "INSERT INTO batches (id, as_of) VALUES (?1, ?2)");
    Insert letter(db,
                  "INSERT INTO letters (id, batch_id, as_of, customer_id, level, before_due, channels, "
                  "currency, principal_cents, interest_cents, indemnity_cents, total_cents, pdf_path, "
                  "pdf_sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'EUR', ?8, ?9, ?10, ?11, ?12, ?13)");
    Insert letter_item(
        db, "INSERT INTO letter_items (letter_id, item_id, outstanding_cents) VALUES (?1, ?2, ?3)");
    std::vector<bool> batch_written(static_cast<std::size_t>(last_day - first_day + 1), false);
    std::vector<Event> events;
    std::vector<std::size_t> in_letter;
    std::int64_t letter_id = 0;
    char sha[65];
    for (std::size_t c = 0; c < customers_.size(); ++c) {
      const Customer& cu = customers_[c];
      auto* first = by_customer.data() + start[c];
      auto* last = by_customer.data() + start[c + 1];
      std::sort(first, last, [&](std::size_t a, std::size_t b) { return items_[a].due < items_[b].due; });
      events.clear();
      bool first_late = true;
      for (auto* p = first; p != last; ++p) {
        const Item& it = items_[*p];
        if (!it.with_history) continue;
        for (int l = 0; l < 5; ++l) {
          const int wanted = it.due + levels[l].offset + cu.jitter;
          if (wanted >= it.history_limit) break;
          // The courtesy pre-reminder went out for seven items in ten.
          if (l == 0 && it.order % 10 >= 7) continue;
          const bool phone = l == 2 && cu.profile == "regular" && first_late;
          events.push_back({wanted, phone ? 5 : l, *p});
        }
        if (it.due + levels[1].offset + cu.jitter < it.history_limit) first_late = false;
      }
      std::sort(events.begin(), events.end(),
                [](const Event& a, const Event& b) { return a.wanted < b.wanted; });
      // Daily batches: a letter at most every 7 days, listing everything due by then.
      int previous = first_day - 100;
      for (std::size_t e = 0; e < events.size();) {
        const int on = std::max(events[e].wanted, previous + 7);
        if (on >= 0) break;
        int level = -1;
        in_letter.clear();
        for (; e < events.size() && events[e].wanted <= on; ++e) {
          if (on >= items_[events[e].item].history_limit) continue;
          const int rank = events[e].level == 5 ? 2 : events[e].level;
          const int current = level == 5 ? 2 : level;
          if (rank > current || (rank == current && events[e].level == 5)) level = events[e].level;
          in_letter.push_back(events[e].item);
        }
        if (in_letter.empty()) continue;
        std::sort(in_letter.begin(), in_letter.end());
        in_letter.erase(std::unique(in_letter.begin(), in_letter.end()), in_letter.end());
        previous = on;
        const auto slot = static_cast<std::size_t>(on - first_day);
        if (!batch_written[slot]) {
          batch.i64(1, on - first_day + 1).text(2, day(on)).run();
          batch_written[slot] = true;
          ++batches_;
        }
        const Level& lv = level == 5 ? phone_call : levels[level];
        std::int64_t principal = 0, interest = 0, indemnity = 0;
        ++letter_id;
        for (std::size_t i : in_letter) {
          const Item& it = items_[i];
          const std::int64_t outstanding = it.cents - it.paid_by(on);
          principal += outstanding;
          letter_item.i64(1, letter_id).i64(2, it.id).i64(3, outstanding).run();
          if (level >= 3 && level != 5) {
            // About 12% a year over the days late: the history needs plausible figures only.
            interest += static_cast<std::int64_t>(static_cast<double>(outstanding) * 0.12 *
                                                  static_cast<double>(on - it.due) / 365.0);
            if (cu.profile != "consumer") indemnity += 4000;
          }
        }
        const bool phone = level == 5;
        std::snprintf(sha, sizeof sha, "%016llx%016llx%016llx%016llx",
                      static_cast<unsigned long long>(rng_()), static_cast<unsigned long long>(rng_()),
                      static_cast<unsigned long long>(rng_()), static_cast<unsigned long long>(rng_()));
        const std::string pdf = phone ? "" : "out/letters/" + day(on) + "/" + cu.id + "-" + lv.name + ".pdf";
        letter.i64(1, letter_id)
            .i64(2, on - first_day + 1)
            .text(3, day(on))
            .text(4, cu.id)
            .text(5, lv.name)
            .i64(6, level == 0 ? 1 : 0)
            .text(7, lv.channels)
            .i64(8, principal)
            .i64(9, interest)
            .i64(10, indemnity)
            .i64(11, principal + interest + indemnity)
            .text(12, pdf)
            .text(13, phone ? std::string_view("") : std::string_view(sha, 64))
            .run();
        ++letters_;
        letter_items_ += in_letter.size();
      }
    }
  }

  Options o_;
  Date as_of_;
  Days days_;
  std::mt19937_64 rng_;
  std::vector<Customer> customers_;
  std::vector<Item> items_;
  std::size_t partially_paid_ = 0, payments_ = 0, disputes_ = 0, promises_ = 0;
  std::size_t letters_ = 0, letter_items_ = 0, batches_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_args(argc, argv);
  if (!Date::parse_iso(options.as_of)) usage("--as-of must be YYYY-MM-DD");
  try {
    Generator(options).run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "relance_bench_remind_ledger: %s\n", e.what());
    return 1;
  }
  return 0;
}
