// Recovery-agency dossiers (relance dossier export): a ledger imported from the fixtures, with
// Hôtel des Brotteaux under the customer id "../../etc", taken by relance remind through reminder 1
// (2024-04-21), reminder 2 (2024-05-05) and the formal notice (2024-05-19) for FA-2024-0042
// (1603.80 due 2024-04-14). Its deadline is 2024-05-27: the dossier is due from 2024-05-28, unless
// something moved since the notice. Checked: the folder and ZIP (inside the output folder whatever
// the id), manifest.json (debtor, amounts, items, the SHA-256 of every file, which match the files
// and the ZIP's entries), the Factur-X invoice read back, history.csv, nothing before the deadline
// or after a payment, a dispute or a promise, a source file gone, a dossier already handed over.

#include <gtest/gtest.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "config.hpp"
#include "digest.hpp"
#include "dossier.hpp"
#include "dossier_commands.hpp"
#include "ledger.hpp"
#include "relance/formats/ingest.hpp"
#include "test_support.hpp"

using relance::testing::fixtures_dir;
using relance::testing::read_file;
using relance::testing::run_command;
using relance::testing::TempDir;
using relance::testing::write_file;

namespace {

namespace fs = std::filesystem;
namespace detail = relance::pipeline::detail;
using relance::formats::Date;
using Json = nlohmann::json;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

constexpr const char* config_toml = R"toml([company]
name = "Atelier Dupont SARL"
line_one = "12 rue des Lilas"
city = "Lyon"
post_code = "69003"
country_code = "FR"
siren = "732829320"
vat_id = "FR44732829320"
email = "compta@example.fr"
iban = "FR7630006000011234567890189"
bic = "AGRIFRPP"
)toml";

// Hôtel des Brotteaux (found by its SIRET) under an id that would climb out of any folder.
constexpr const char* evil_id = "../../etc";
constexpr const char* customers_csv =
    "id,name,siren,siret,vat_id,email,address_line1,post_code,city,country,language,profile,channel,"
    "account_manager\n"
    "BR,Bâtiments Réunis SA,812345676,,FR19812345676,compta@batiments-reunis.example,5 avenue "
    "Foch,75116,Paris,FR,fr,regular,email,Claire Martin\n"
    "../../etc,Hôtel des Brotteaux SARL,,98765432400019,FR14987654324,compta@hotel-brotteaux.example,5 "
    "boulevard des Brotteaux,69006,Lyon,FR,fr,new,,Claire Martin\n";

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

// `relance dossier ...` in this process, through DossierCommands as job.cpp registers it.
CliRun dossier_cli(const std::vector<std::string>& args) {
  CLI::App app{"relance", "relance"};
  app.require_subcommand(1);
  const detail::DossierCommands commands(app);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return {2, "", e.what()};
  }
  std::ostringstream out, err;
  const auto code = commands.run(out, err);
  return {code ? static_cast<int>(*code) : -1, out.str(), err.str()};
}

class DossierExport : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(tmp_ / "relance.toml", config_toml);
    write_file(tmp_ / "customers.csv", customers_csv);
    // The invoices from a copy, so that a test can take a source file away.
    fs::copy(fixtures_dir() / "invoices", tmp_ / "invoices", fs::copy_options::recursive);
    fs::copy(fixtures_dir() / "ledger" / "invoices", tmp_ / "invoices" / "ledger",
             fs::copy_options::recursive);
    const auto import = run_command({RELANCE_EXE, "ledger", "import", (tmp_ / "customers.csv").string(),
                                     (tmp_ / "invoices").string(), "--db", db()});
    ASSERT_EQ(import.exit_code, 0) << import.out << import.err;
    for (const char* date : {"2024-04-21", "2024-05-05", "2024-05-19"}) {
      const auto r = run_command({RELANCE_EXE, "remind", "--as-of", date, "--db", db(), "--config", config(),
                                  "--out", letters().string()});
      ASSERT_EQ(r.exit_code, 0) << date << r.out << r.err;
    }
    const auto ledger = detail::Ledger::open(db(), false);
    const auto history = ledger->history(evil_id);
    ASSERT_EQ(history.size(), 3u);
    ASSERT_EQ(history.back().level, "formal_notice");
  }

  std::string db() const { return (tmp_ / "relance.db").string(); }
  std::string config() const { return (tmp_ / "relance.toml").string(); }
  fs::path letters() const { return tmp_ / "letters"; }
  fs::path out() const { return tmp_ / "out"; }

  detail::DossierExportReport export_on(const char* as_of) {
    const auto ledger = detail::Ledger::open(db(), false);
    const auto loaded = detail::load_config(config());
    EXPECT_TRUE(loaded.value.has_value());
    detail::DossierExportOptions options;
    options.as_of = day(as_of);
    options.output = out();
    options.letters = letters();
    return detail::export_dossiers(*ledger, *loaded.value, options);
  }

  TempDir tmp_;
};

// Every file under `root`, relative.
std::set<std::string> files_under(const fs::path& root) {
  std::set<std::string> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), root).generic_string());
  return out;
}

bool inside(const fs::path& folder, const fs::path& p) {
  const auto f = fs::weakly_canonical(folder).generic_string() + "/";
  return fs::weakly_canonical(p).generic_string().rfind(f, 0) == 0;
}

TEST_F(DossierExport, AnUnansweredFormalNoticeGivesAFolderAndAZip) {
  // The letters went out (to the spool): the history records how, with each transport's reference.
  const auto sent =
      run_command({RELANCE_EXE, "dispatch", "--as-of", "2024-05-19", "--db", db(), "--config", config()});
  ASSERT_EQ(sent.exit_code, 0) << sent.out << sent.err;
  const auto report = export_on("2024-05-28");
  ASSERT_EQ(report.dossiers.size(), 1u);
  const auto& d = report.dossiers[0];
  EXPECT_EQ(d.customer_id, evil_id);
  EXPECT_EQ(d.total.to_string(), "1671.83");
  EXPECT_EQ(d.currency, "EUR");

  // "../../etc" stays inside OUT/dossiers/2024-05-28.
  const fs::path date_folder = out() / "dossiers" / "2024-05-28";
  EXPECT_EQ(d.folder.parent_path(), date_folder);
  EXPECT_EQ(d.zip.parent_path(), date_folder);
  EXPECT_TRUE(inside(date_folder, d.folder)) << d.folder;
  EXPECT_TRUE(inside(date_folder, d.zip)) << d.zip;
  EXPECT_EQ(d.name.find('/'), std::string::npos);
  EXPECT_EQ(d.name, detail::dossier_name(evil_id));
  EXPECT_EQ(d.name.rfind("_._.._etc-", 0), 0u) << d.name;
  EXPECT_EQ(files_under(tmp_ / "etc").size(), 0u);
  EXPECT_FALSE(fs::exists(out() / "etc"));
  // Nothing outside the date's folder but the folder itself.
  for (const auto& f : files_under(out())) EXPECT_EQ(f.rfind("dossiers/2024-05-28/", 0), 0u) << f;

  const std::set<std::string> expected = {"manifest.json",
                                          "formal_notice.pdf",
                                          "invoices/FA-2024-0042.pdf",
                                          "statement.pdf",
                                          "history.csv",
                                          "letters/2024-04-21-reminder_1.pdf",
                                          "letters/2024-05-05-reminder_2.pdf"};
  EXPECT_EQ(files_under(d.folder), expected);

  // manifest.json
  const Json m = Json::parse(read_file(d.folder / "manifest.json"));
  EXPECT_EQ(m.at("as_of"), "2024-05-28");
  const Json& debtor = m.at("debtor");
  EXPECT_EQ(debtor.at("id"), evil_id);
  EXPECT_EQ(debtor.at("name"), "Hôtel des Brotteaux SARL");
  EXPECT_EQ(debtor.at("siret"), "98765432400019");
  EXPECT_EQ(debtor.at("vat_id"), "FR14987654324");
  EXPECT_EQ(debtor.at("emails"), Json::array({"compta@hotel-brotteaux.example"}));
  EXPECT_EQ(debtor.at("billing_address").at("city"), "Lyon");
  EXPECT_EQ(debtor.at("billing_address").at("post_code"), "69006");
  EXPECT_EQ(debtor.at("billing_address").at("line_one"), "5 boulevard des Brotteaux");
  EXPECT_EQ(m.at("creditor").at("name"), "Atelier Dupont SARL");
  EXPECT_EQ(m.at("creditor").at("siren"), "732829320");
  EXPECT_EQ(m.at("currency"), "EUR");
  // 1603.80 x (4.50 + 10) % x 44 days (2024-04-15 to 2024-05-28) / 365 = 28.0335... -> 28.03
  EXPECT_EQ(m.at("principal"), "1603.80");
  EXPECT_EQ(m.at("interest"), "28.03");
  EXPECT_EQ(m.at("indemnity"), "40.00");
  EXPECT_EQ(m.at("total"), "1671.83");
  const Json& notice = m.at("formal_notice");
  EXPECT_EQ(notice.at("date"), "2024-05-19");
  EXPECT_EQ(notice.at("deadline"), "2024-05-27");
  EXPECT_EQ(notice.at("file"), "formal_notice.pdf");
  ASSERT_EQ(m.at("items").size(), 1u);
  const Json& item = m.at("items")[0];
  EXPECT_EQ(item.at("number"), "FA-2024-0042");
  EXPECT_EQ(item.at("due_date"), "2024-04-14");
  EXPECT_EQ(item.at("outstanding"), "1603.80");
  EXPECT_EQ(item.at("days_late"), 44);
  EXPECT_EQ(item.at("interest"), "28.03");
  EXPECT_EQ(item.at("file"), "invoices/FA-2024-0042.pdf");
  EXPECT_TRUE(item.at("note").is_null());
  EXPECT_TRUE(m.at("notes").empty()) << m.at("notes").dump();
  ASSERT_EQ(m.at("history").size(), 3u);
  EXPECT_EQ(m.at("history")[2].at("level"), "formal_notice");
  EXPECT_EQ(m.at("history")[2].at("channels"), Json::array({"registered"}));
  const Json& delivery = m.at("history")[2].at("deliveries").at(0);
  EXPECT_EQ(delivery.at("channel"), "registered");
  EXPECT_EQ(delivery.at("transport"), "spool");
  EXPECT_EQ(delivery.at("state"), "sent");
  const std::string notice_reference = delivery.at("provider_reference");
  EXPECT_TRUE(fs::exists(notice_reference)) << notice_reference;  // the spool's envelope
  EXPECT_TRUE(delivery.at("finished_at").is_string());
  // reminder_2 went by letter and by email: two deliveries.
  ASSERT_EQ(m.at("history")[1].at("deliveries").size(), 2u) << m.at("history")[1].dump();

  // The formal notice is the very PDF the ledger recorded.
  const auto ledger = detail::Ledger::open(db(), false);
  EXPECT_EQ(detail::sha256_hex(read_file(d.folder / "formal_notice.pdf")),
            ledger->history(evil_id).back().pdf_sha256);
  EXPECT_EQ(notice.at("pdf_sha256"), ledger->history(evil_id).back().pdf_sha256);

  // Every file but the manifest, with its SHA-256 and size.
  std::set<std::string> listed;
  for (const auto& f : m.at("files")) {
    const std::string name = f.at("name");
    listed.insert(name);
    const std::string bytes = read_file(d.folder / name);
    EXPECT_EQ(f.at("sha256"), detail::sha256_hex(bytes)) << name;
    EXPECT_EQ(f.at("size"), bytes.size()) << name;
  }
  std::set<std::string> without_manifest = expected;
  without_manifest.erase("manifest.json");
  EXPECT_EQ(listed, without_manifest);

  // The ZIP holds the same files, manifest first.
  const auto entries = detail::read_zip(d.zip);
  ASSERT_EQ(entries.size(), expected.size());
  EXPECT_EQ(entries.front().name, "manifest.json");
  for (const auto& e : entries) EXPECT_EQ(e.bytes, read_file(d.folder / e.name)) << e.name;
  EXPECT_EQ(d.zip_sha256, detail::sha256_hex(read_file(d.zip)));
  if (fs::exists("/usr/bin/unzip")) {
    const auto list = run_command({"/usr/bin/unzip", "-l", d.zip.string()});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    for (const auto& name : expected) EXPECT_TRUE(has(list.out, name)) << name << "\n" << list.out;
    const auto test = run_command({"/usr/bin/unzip", "-t", d.zip.string()});
    EXPECT_EQ(test.exit_code, 0) << test.out << test.err;
  }

  // The invoice is a Factur-X that reads back as FA-2024-0042.
  const auto invoice =
      relance::formats::read_invoice(read_file(d.folder / "invoices/FA-2024-0042.pdf"), "x.pdf");
  ASSERT_TRUE(invoice.value.has_value());
  EXPECT_EQ(invoice.value->number, "FA-2024-0042");

  const std::string csv = read_file(d.folder / "history.csv");
  EXPECT_EQ(csv.rfind("date,level,channels,items,total,pdf_sha256,file,deliveries\n", 0), 0u) << csv;
  EXPECT_TRUE(has(csv, ",formal_notice.pdf,registered:spool:sent:" + notice_reference + "\n")) << csv;
  EXPECT_TRUE(has(csv, "2024-04-21,reminder_1,email,FA-2024-0042,")) << csv;
  EXPECT_TRUE(has(csv, "2024-05-19,formal_notice,registered,FA-2024-0042,1666.10,")) << csv;
}

// The letters are found where the outbox took them from, even when --letters points elsewhere.
TEST_F(DossierExport, TheLettersComeFromWhereTheOutboxQueuedThem) {
  const auto ledger = detail::Ledger::open(db(), false);
  const auto loaded = detail::load_config(config());
  ASSERT_TRUE(loaded.value.has_value());
  detail::DossierExportOptions options;
  options.as_of = day("2024-05-28");
  options.output = out();
  options.letters = tmp_ / "not-the-letters-folder";
  const auto report = detail::export_dossiers(*ledger, *loaded.value, options);
  ASSERT_EQ(report.dossiers.size(), 1u);
  EXPECT_TRUE(report.dossiers[0].notes.empty()) << report.dossiers[0].notes.front();
  EXPECT_EQ(detail::sha256_hex(read_file(report.dossiers[0].folder / "formal_notice.pdf")),
            ledger->history(evil_id).back().pdf_sha256);
  EXPECT_TRUE(fs::exists(report.dossiers[0].folder / "letters" / "2024-04-21-reminder_1.pdf"));
}

TEST_F(DossierExport, TheSameLedgerGivesTheSameZip) {
  const auto first = export_on("2024-05-28");
  const auto second = export_on("2024-05-28");
  ASSERT_EQ(first.dossiers.size(), 1u);
  ASSERT_EQ(second.dossiers.size(), 1u);
  EXPECT_EQ(first.dossiers[0].zip_sha256, second.dossiers[0].zip_sha256);
}

TEST_F(DossierExport, NothingBeforeTheDeadline) {
  for (const char* as_of : {"2024-05-19", "2024-05-27"}) {
    const auto report = export_on(as_of);
    EXPECT_TRUE(report.dossiers.empty()) << as_of;
    ASSERT_EQ(report.skipped.size(), 1u) << as_of;
    EXPECT_EQ(report.skipped[0].customer_id, evil_id);
    EXPECT_TRUE(has(report.skipped[0].reason, "deadline (2024-05-27) has not passed"))
        << report.skipped[0].reason;
  }
  EXPECT_TRUE(files_under(out()).empty());
}

TEST_F(DossierExport, NothingWhenAPaymentCameSinceTheNotice) {
  write_file(tmp_ / "payments.csv",
             "date,amount,currency,reference,payer,iban,remittance\n"
             "2024-05-22,100.00,EUR,VIR-20240522-01,Hôtel des Brotteaux SARL,,Acompte FA-2024-0042\n");
  const auto import =
      run_command({RELANCE_EXE, "ledger", "import", (tmp_ / "payments.csv").string(), "--db", db()});
  ASSERT_EQ(import.exit_code, 0) << import.out << import.err;
  const auto report = export_on("2024-05-28");
  EXPECT_TRUE(report.dossiers.empty());
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_TRUE(has(report.skipped[0].reason, "FA-2024-0042 was paid")) << report.skipped[0].reason;
  EXPECT_TRUE(files_under(out()).empty());
}

TEST_F(DossierExport, NothingWhenDisputedOrPromisedSinceTheNotice) {
  {
    const auto ledger = detail::Ledger::open(db(), false);
    ledger->open_dispute("FA-2024-0042", day("2024-05-24"), "room never booked");
  }
  auto report = export_on("2024-05-28");
  EXPECT_TRUE(report.dossiers.empty());
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_TRUE(has(report.skipped[0].reason, "disputed")) << report.skipped[0].reason;
  {
    // Closed again: it still moved since the notice.
    const auto ledger = detail::Ledger::open(db(), false);
    ledger->close_dispute("FA-2024-0042", day("2024-05-25"), "withdrawn");
  }
  report = export_on("2024-05-28");
  EXPECT_TRUE(report.dossiers.empty());
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_TRUE(has(report.skipped[0].reason, "since the formal notice")) << report.skipped[0].reason;
  EXPECT_TRUE(files_under(out()).empty());
}

TEST_F(DossierExport, NothingWhenPromisedSinceTheNotice) {
  {
    const auto ledger = detail::Ledger::open(db(), false);
    ledger->add_promise("FA-2024-0042", day("2024-05-26"), std::nullopt, day("2024-05-20"));
  }
  const auto report = export_on("2024-05-28");
  EXPECT_TRUE(report.dossiers.empty());
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_TRUE(has(report.skipped[0].reason, "promise")) << report.skipped[0].reason;
}

TEST_F(DossierExport, AMovementBeforeTheNoticeDoesNotStopIt) {
  {
    // A dispute opened and closed between reminder 2 and the formal notice.
    const auto ledger = detail::Ledger::open(db(), false);
    ledger->open_dispute("FA-2024-0042", day("2024-05-06"), "question");
    ledger->close_dispute("FA-2024-0042", day("2024-05-07"), "answered");
  }
  EXPECT_EQ(export_on("2024-05-28").dossiers.size(), 1u);
}

TEST_F(DossierExport, ASourceFileGoneIsNotedInTheManifest) {
  fs::remove(tmp_ / "invoices" / "cii" / "minimal-en16931.xml");
  const auto report = export_on("2024-05-28");
  ASSERT_EQ(report.dossiers.size(), 1u);
  const auto& d = report.dossiers[0];
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_TRUE(has(d.notes[0], "FA-2024-0042")) << d.notes[0];
  EXPECT_TRUE(has(d.notes[0], "is gone")) << d.notes[0];
  const Json m = Json::parse(read_file(d.folder / "manifest.json"));
  EXPECT_TRUE(m.at("items")[0].at("file").is_null());
  EXPECT_TRUE(has(m.at("items")[0].at("note").get<std::string>(), "is gone"));
  EXPECT_EQ(m.at("notes").size(), 1u);
  EXPECT_FALSE(fs::exists(d.folder / "invoices"));
  // The rest is there.
  EXPECT_TRUE(fs::exists(d.folder / "formal_notice.pdf"));
  EXPECT_TRUE(fs::exists(d.folder / "statement.pdf"));
}

TEST_F(DossierExport, AFormalNoticeHandedOverIsNotExportedAgain) {
  detail::append_dossier_journal(
      detail::dossier_journal_path(out()),
      {"0123", evil_id, "2024-05-19", "2024-05-28", "x.zip", "sftp://h/x.zip", "now"});
  const auto report = export_on("2024-06-15");
  EXPECT_TRUE(report.dossiers.empty());
  ASSERT_EQ(report.already_sent.size(), 1u);
  EXPECT_EQ(report.already_sent[0], evil_id);
}

TEST_F(DossierExport, TheCommandLine) {
  const auto r = dossier_cli({"dossier", "export", "--as-of", "2024-05-28", "--db", db(), "--config",
                              config(), "--out", out().string(), "--letters", letters().string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "1 dossier(s)")) << r.out;
  EXPECT_TRUE(has(r.out, "1671.83 EUR")) << r.out;
  EXPECT_TRUE(fs::exists(out() / "dossiers" / "2024-05-28" / (detail::dossier_name(evil_id) + ".zip")));

  const auto early = dossier_cli({"dossier", "export", "--as-of", "2024-05-20", "--db", db(), "--config",
                                  config(), "--out", out().string(), "--letters", letters().string()});
  EXPECT_EQ(early.exit_code, 0) << early.err;
  EXPECT_TRUE(has(early.out, "0 dossier(s)")) << early.out;
  EXPECT_TRUE(has(early.out, "not handed over: the deadline (2024-05-27) has not passed")) << early.out;

  const auto bad = dossier_cli({"dossier", "export", "--as-of", "28/05/2024", "--db", db()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(has(bad.err, "--as-of")) << bad.err;
}

TEST(DossierNames, DataCannotLeaveTheFolder) {
  std::set<std::string> seen;
  for (const std::string& id :
       std::vector<std::string>{"../../etc", "..", ".", "/", "/etc/passwd", "a/../../b", "", "A/B", "A_B",
                                "C-HB", std::string(200, 'x'), std::string(200, 'x') + "y", "é"}) {
    const std::string name = detail::dossier_name(id);
    EXPECT_FALSE(name.empty()) << id;
    EXPECT_EQ(name.find('/'), std::string::npos) << id;
    EXPECT_NE(name.front(), '.') << id;
    EXPECT_LE(name.size(), 80u) << id;
    EXPECT_TRUE(seen.insert(name).second) << "two ids share " << name;
  }
  EXPECT_EQ(detail::dossier_name("C-HB"), "C-HB");
}

TEST(DossierJournal, ALineCutByACrashIsSkippedAndTheNextStartsOnItsOwnLine) {
  TempDir tmp;
  const fs::path journal = tmp / "dossiers" / "sent.jsonl";
  EXPECT_TRUE(detail::read_dossier_journal(journal).empty());
  detail::append_dossier_journal(journal, {"aa", "C1", "2024-05-19", "2024-05-28", "a.zip", "r", "t"});
  write_file(journal, read_file(journal) + R"({"sha256":"bb","customer_id":"C2")");  // cut
  detail::append_dossier_journal(journal, {"cc", "C3", "2024-05-19", "2024-05-28", "c.zip", "r", "t"});
  const auto entries = detail::read_dossier_journal(journal);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].sha256, "aa");
  EXPECT_EQ(entries[1].sha256, "cc");
  EXPECT_EQ(entries[1].customer_id, "C3");
}

}  // namespace
