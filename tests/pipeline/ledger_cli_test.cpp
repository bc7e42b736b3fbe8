// The ledger's command line: ledger import|show, payment assign|list, dispute, promise, note; in
// process through relance::pipeline::Job and end to end through the binary.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <sstream>

#include "relance/pipeline/job.hpp"
#include "test_support.hpp"

using relance::pipeline::ExitCode;
using relance::pipeline::Job;
using relance::testing::fixtures_dir;
using relance::testing::run_command;
using relance::testing::TempDir;
using relance::testing::write_file;

namespace {

struct CliRun {
  ExitCode code;
  std::string out;
  std::string err;
};

CliRun relance_run(std::vector<std::string> args) {
  std::ostringstream out, err;
  Job job(out, err);
  const ExitCode code = job.run(args);
  return {code, out.str(), err.str()};
}

std::string fixture(const std::string& rel) {
  return (fixtures_dir() / rel).string();
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(LedgerCli, ImportRecognisesEveryKindOfFileMatchesPaymentsAndIsIdempotent) {
  TempDir tmp;
  const std::string db = (tmp / "relance.db").string();
  const std::vector<std::string> args = {RELANCE_EXE,
                                         "ledger",
                                         "import",
                                         fixture("bank/camt053-sample.xml"),
                                         fixture("ledger/payments.csv"),
                                         fixture("invoices"),
                                         fixture("ledger/invoices"),
                                         fixture("ledger/customers.csv"),
                                         "--db",
                                         db};
  const auto first = run_command(args);
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_TRUE(has(first.out, "3 customers: 3 added, 0 updated, 0 already known")) << first.out;
  EXPECT_TRUE(has(first.out, "4 invoices: 4 added, 0 already known")) << first.out;
  EXPECT_TRUE(has(first.out, "1 credit note: 1 added, 0 already known")) << first.out;
  EXPECT_TRUE(has(first.out, "6 payments: 6 added (4 matched, 2 unmatched), 0 already known")) << first.out;
  EXPECT_TRUE(has(first.out, "unmatched payment T2026121400003 2026-12-14 55.00 EUR from DUPUIS JEAN"))
      << first.out;
  EXPECT_TRUE(has(first.out, "unmatched payment VIR-20261222-07")) << first.out;
  EXPECT_TRUE(has(first.out, "12.00 EUR more than FA-2026-0044 owed stays a credit on C-BR's account"))
      << first.out;
  EXPECT_TRUE(has(first.out, "relance payment assign")) << first.out;

  const auto second = run_command(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(has(second.out, "3 customers: 0 added, 0 updated, 3 already known")) << second.out;
  EXPECT_TRUE(has(second.out, "4 invoices: 0 added, 4 already known")) << second.out;
  EXPECT_TRUE(has(second.out, "1 credit note: 0 added, 1 already known")) << second.out;
  EXPECT_TRUE(has(second.out, "6 payments: 0 added, 6 already known")) << second.out;
  EXPECT_FALSE(has(second.out, "unmatched payment")) << second.out;

  // Everything Bâtiments Réunis owed is paid; the overpayment is a credit.
  const auto show = run_command({RELANCE_EXE, "ledger", "show", "C-BR", "--db", db});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_TRUE(has(show.out, "C-BR  Bâtiments Réunis SA  [regular, fr, email, manager Claire Martin]"))
      << show.out;
  EXPECT_TRUE(has(show.out, "unallocated payments (credit): 12.00")) << show.out;
  EXPECT_FALSE(has(show.out, "owes")) << show.out;

  const auto list = run_command({RELANCE_EXE, "payment", "list", "--db", db});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_TRUE(has(list.out, "T2026121400003  2026-12-14  55.00 EUR  DUPUIS JEAN")) << list.out;
  EXPECT_TRUE(has(list.out, "2 unassigned payments")) << list.out;

  // Nothing is open any more: assigning is refused, and says why.
  const auto assign =
      run_command({RELANCE_EXE, "payment", "assign", "T2026121400003", "FA-2026-0043", "--db", db});
  EXPECT_EQ(assign.exit_code, 2);
  EXPECT_TRUE(has(assign.err, "RL-LEDGER-004")) << assign.err;
  EXPECT_TRUE(has(assign.err, "FA-2026-0043 is already paid")) << assign.err;
}

TEST(LedgerCli, CollectionsActionsShowUpInLedgerShow) {
  TempDir tmp;
  const std::string db = (tmp / "relance.db").string();
  const auto import =
      relance_run({"ledger", "import", fixture("invoices"), fixture("ledger/invoices"), "--db", db});
  ASSERT_EQ(import.code, ExitCode::success) << import.err;
  EXPECT_TRUE(has(import.out, "2 new customers from the invoices' buyers (profile new)")) << import.out;

  auto ok = [&](std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db);
    const CliRun r = relance_run(args);
    EXPECT_EQ(r.code, ExitCode::success) << r.err;
    return r.out;
  };
  EXPECT_EQ(ok({"dispute", "open", "FA-2026-0043", "--reason", "chaises abîmées", "--date", "2026-12-12"}),
            "FA-2026-0043: dispute opened on 2026-12-12\n");
  ok({"promise", "add", "FA-2026-0044", "--date", "2027-01-10", "--amount", "200,00", "--made-on",
      "2026-12-15"});
  ok({"note", "add", "812345676", "Appeler le service achats", "--date", "2026-12-16"});
  ok({"note", "add", "FA-2026-0044", "Paiera en deux fois", "--date", "2026-12-16"});

  const std::string show = ok({"ledger", "show", "812345676"});
  EXPECT_TRUE(has(show, "812345676  Bâtiments Réunis SA  [new, fr]")) << show;
  EXPECT_TRUE(has(show, "FA-2026-0042  issued 2026-11-02  due 2026-12-02  438.00 EUR  owes 336.00")) << show;
  EXPECT_TRUE(has(show, "AV-2026-0007") == false) << show;  // used up on FA-2026-0042
  EXPECT_TRUE(has(show, "disputed since 2026-12-12: chaises abîmées")) << show;
  EXPECT_TRUE(has(show, "promised 200.00 by 2027-01-10 (on 2026-12-15)")) << show;
  EXPECT_TRUE(has(show, "balance 1212.00 EUR")) << show;  // 336 + 438 + 438
  EXPECT_TRUE(has(show, "note 2026-12-16: Appeler le service achats")) << show;
  EXPECT_TRUE(has(show, "note 2026-12-16 on FA-2026-0044: Paiera en deux fois")) << show;

  ok({"dispute", "close", "FA-2026-0043", "--outcome", "remplacées", "--date", "2026-12-20"});
  EXPECT_FALSE(has(ok({"ledger", "show"}), "disputed since"));
  const std::string all = ok({"ledger", "show"});
  EXPECT_TRUE(has(all, "98765432400019  Hôtel des Brotteaux SARL")) << all;
  EXPECT_TRUE(has(all, "FA-2024-0042")) << all;
}

TEST(LedgerCli, BadInputIsOneClearMessage) {
  TempDir tmp;
  const std::string db = (tmp / "relance.db").string();

  // No ledger yet: show does not create one.
  const CliRun none = relance_run({"ledger", "show", "--db", db});
  EXPECT_EQ(none.code, ExitCode::failure);
  EXPECT_TRUE(has(none.err, "RL-LEDGER-001")) << none.err;
  EXPECT_TRUE(has(none.err, db)) << none.err;
  EXPECT_FALSE(std::filesystem::exists(db));

  ASSERT_EQ(relance_run({"ledger", "import", fixture("invoices"), "--db", db}).code, ExitCode::success);

  const CliRun unknown = relance_run({"dispute", "open", "FA-2026-004", "--db", db});
  EXPECT_EQ(unknown.code, ExitCode::failure);
  EXPECT_TRUE(has(unknown.err, "RL-LEDGER-002")) << unknown.err;
  EXPECT_TRUE(has(unknown.err, "no item 'FA-2026-004'")) << unknown.err;
  EXPECT_TRUE(has(unknown.err, "FA-2026-0042")) << unknown.err;  // a candidate

  const CliRun bad_date =
      relance_run({"dispute", "open", "FA-2026-0042", "--date", "12/12/2026", "--db", db});
  EXPECT_EQ(bad_date.code, ExitCode::failure);
  EXPECT_TRUE(has(bad_date.err, "--date '12/12/2026' is not a date (YYYY-MM-DD)")) << bad_date.err;

  const CliRun bad_amount =
      relance_run({"promise", "add", "FA-2026-0042", "--date", "2027-01-01", "--amount", "abc", "--db", db});
  EXPECT_EQ(bad_amount.code, ExitCode::failure);
  EXPECT_TRUE(has(bad_amount.err, "--amount 'abc'")) << bad_amount.err;

  const CliRun no_payment = relance_run({"payment", "assign", "NOPE", "FA-2026-0042", "--db", db});
  EXPECT_EQ(no_payment.code, ExitCode::failure);
  EXPECT_TRUE(has(no_payment.err, "no payment with reference 'NOPE'")) << no_payment.err;

  // A bad customers line names file and line; the good lines and the other files are imported.
  write_file(tmp / "customers.csv", "id,name,language\nC1,Un,fr\nC2,Deux,klingon\nC3,Trois,de\n");
  write_file(tmp / "broken.xml", "<rsm:CrossIndustryInvoice>\n  <oops>\n</rsm:CrossIndustryInvoice>");
  const CliRun partly = relance_run({"ledger", "import", (tmp / "customers.csv").string(),
                                     (tmp / "broken.xml").string(), fixture("ledger/invoices"), "--db", db});
  EXPECT_EQ(partly.code, ExitCode::rejected) << partly.err;
  EXPECT_TRUE(has(partly.err, "customers.csv:3:1: RL-LEDGER-003")) << partly.err;
  EXPECT_TRUE(has(partly.err, "language 'klingon' is not fr, en or de")) << partly.err;
  EXPECT_TRUE(has(partly.err, "broken.xml:3:3: RL-XML-001")) << partly.err;
  EXPECT_TRUE(has(partly.out, "2 customers: 2 added")) << partly.out;
  EXPECT_TRUE(has(partly.out, "2 invoices: 2 added")) << partly.out;

  // Another camt message than a statement.
  std::string camt052 = relance::testing::read_file(fixture("bank/camt053-sample.xml"));
  camt052.replace(camt052.find("xsd:camt.053.001.08"), 19, "xsd:camt.052.001.08");
  write_file(tmp / "report.xml", camt052);
  const CliRun other = relance_run({"ledger", "import", (tmp / "report.xml").string(), "--db", db});
  EXPECT_EQ(other.code, ExitCode::rejected);
  EXPECT_TRUE(has(other.err, "RL-BANK-001")) << other.err;
  EXPECT_TRUE(
      has(other.err,
          "not a camt.053 or camt.054 bank statement (urn:iso:std:iso:20022:tech:xsd:camt.052.001.08)"))
      << other.err;

  const CliRun nobody = relance_run({"ledger", "show", "C-NOBODY", "--db", db});
  EXPECT_EQ(nobody.code, ExitCode::failure);
  EXPECT_TRUE(has(nobody.err, "RL-LEDGER-002")) << nobody.err;

  const CliRun missing = relance_run({"ledger", "import", (tmp / "nothing.xml").string(), "--db", db});
  EXPECT_EQ(missing.code, ExitCode::failure);
  EXPECT_TRUE(has(missing.err, "RL-IN-002")) << missing.err;

  // A ledger written by a newer relance.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "PRAGMA user_version = 42", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  const auto newer = run_command({RELANCE_EXE, "ledger", "show", "--db", db});
  EXPECT_EQ(newer.exit_code, 2);
  EXPECT_TRUE(has(newer.err, "RL-LEDGER-001")) << newer.err;
  EXPECT_TRUE(has(newer.err, "schema version 42")) << newer.err;
}

TEST(LedgerCli, TheLedgerIsRelanceDbUnlessDbOrRelanceDbSays) {
  TempDir tmp;
  const std::string env_db = (tmp / "from-env.db").string();
  ::setenv("RELANCE_DB", env_db.c_str(), 1);
  const auto r = run_command({RELANCE_EXE, "ledger", "import", fixture("invoices/cii/minimal-en16931.xml")});
  ::unsetenv("RELANCE_DB");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(env_db));
  const CliRun show = relance_run({"ledger", "show", "--db", env_db});
  EXPECT_TRUE(has(show.out, "FA-2024-0042")) << show.out;

  const CliRun help = relance_run({"ledger", "import", "--help"});
  EXPECT_EQ(help.code, ExitCode::success);
  EXPECT_TRUE(has(help.out, "--db")) << help.out;
  EXPECT_TRUE(has(help.out, "account_manager")) << help.out;
}
