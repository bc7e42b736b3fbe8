// relance remind end to end through the binary: a ledger imported from the fixtures, batches on
// dates where letters are due, the --json shape, letters and statements as PDF files with safe
// names, a batch recorded once per date, --dry-run recording and writing nothing, a phone task in
// phone_tasks.csv, a formal notice reached by stepping the dates with interest and the indemnity.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "test_support.hpp"

using relance::testing::fixtures_dir;
using relance::testing::read_file;
using relance::testing::run_command;
using relance::testing::TempDir;
using relance::testing::write_file;

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string fixture(const std::string& rel) {
  return (fixtures_dir() / rel).string();
}

// The creditor the letters name ([company] keys as fixtures/config/relance.toml lists them).
constexpr const char* config_toml = R"toml([company]
name = "Atelier Dupont SARL"
line_one = "12 rue des Lilas"
city = "Lyon"
post_code = "69003"
country_code = "FR"
siren = "732829320"
vat_id = "FR44732829320"
email = "compta@example.fr"
phone = "+33 4 00 00 00 00"
iban = "FR7630006000011234567890189"
bic = "AGRIFRPP"
)toml";

// The fixtures' customers under ids of our own: Bâtiments Réunis (regular, the buyer of
// FA-2026-0042..0044, found by its SIREN) gets an id with a slash and a space, which file names
// must not carry; Hôtel des Brotteaux (new, FA-2024-0042, found by its SIRET).
constexpr const char* customers_csv =
    "id,name,siren,siret,vat_id,email,address_line1,post_code,city,country,language,profile,channel,"
    "account_manager\n"
    "BR/Paris 01,Bâtiments Réunis SA,812345676,,FR19812345676,compta@batiments-reunis.example,5 avenue "
    "Foch,75116,Paris,FR,fr,regular,email,Claire Martin\n"
    "C-HB,Hôtel des Brotteaux SARL,,98765432400019,FR14987654324,compta@hotel-brotteaux.example,5 "
    "boulevard des Brotteaux,69006,Lyon,FR,fr,new,,Claire Martin\n";

// A ledger with the fixtures' invoices (FA-2026-0042 336.00 after its credit note, due 2026-12-02;
// FA-2026-0043 438.00 due 2026-12-10; FA-2026-0044 438.00 due 2026-12-20; FA-2024-0042 1603.80
// due 2024-04-14), no payments, and a configuration with the company.
class RemindCli : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(tmp_ / "relance.toml", config_toml);
    write_file(tmp_ / "customers.csv", customers_csv);
    const auto import = run_command({RELANCE_EXE, "ledger", "import", (tmp_ / "customers.csv").string(),
                                     fixture("invoices"), fixture("ledger/invoices"), "--db", db()});
    ASSERT_EQ(import.exit_code, 0) << import.out << import.err;
    ASSERT_TRUE(has(import.out, "2 customers: 2 added")) << import.out;
  }

  std::string db() const { return (tmp_ / "relance.db").string(); }
  fs::path out() const { return tmp_ / "letters"; }

  relance::testing::CommandResult remind(const std::string& as_of, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {RELANCE_EXE, "remind",      "--as-of",  as_of,
                                     "--db",      db(),          "--config", (tmp_ / "relance.toml").string(),
                                     "--out",     out().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_command(args);
  }

  Json remind_json(const std::string& as_of, std::vector<std::string> extra = {}) {
    extra.push_back("--json");
    const auto r = remind(as_of, extra);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    try {
      return Json::parse(r.out);
    } catch (const Json::exception& e) {
      ADD_FAILURE() << "not JSON: " << e.what() << "\n" << r.out;
      return Json::object();
    }
  }

  // Every file under out(), relative, with its last write time.
  std::map<std::string, fs::file_time_type> files() const {
    std::map<std::string, fs::file_time_type> all;
    if (!fs::exists(out())) return all;
    for (const auto& e : fs::recursive_directory_iterator(out()))
      if (e.is_regular_file()) all[fs::relative(e.path(), out()).string()] = e.last_write_time();
    return all;
  }

  TempDir tmp_;
};

const Json* letter_of(const Json& batch, const std::string& customer) {
  for (const auto& l : batch.at("letters"))
    if (l.at("customer") == customer) return &l;
  return nullptr;
}

bool is_amount(const Json& v) {
  static const std::regex decimal(R"(-?[0-9]+\.[0-9]{2})");
  return v.is_string() && std::regex_match(v.get<std::string>(), decimal);
}

// The documented shape: {"as_of", "letters": [{"customer", "level", "channel", "items": [{"number",
// "due_date", "outstanding", "days_late", "interest"}], "principal", "interest", "indemnity",
// "total", "pdf"}], "phone_tasks": [...]}, amounts as decimal strings.
void expect_documented_shape(const Json& batch, bool dry_run) {
  ASSERT_TRUE(batch.is_object()) << batch.dump(2);
  EXPECT_TRUE(batch.at("as_of").is_string());
  ASSERT_TRUE(batch.at("letters").is_array());
  ASSERT_TRUE(batch.at("phone_tasks").is_array());
  for (const auto& l : batch.at("letters")) {
    for (const char* key : {"customer", "level", "channel"}) EXPECT_TRUE(l.at(key).is_string()) << key;
    for (const char* key : {"principal", "interest", "indemnity", "total"})
      EXPECT_TRUE(is_amount(l.at(key))) << key << ": " << l.at(key);
    if (dry_run)
      EXPECT_TRUE(l.at("pdf").is_null()) << l.dump(2);
    else
      EXPECT_TRUE(l.at("pdf").is_string()) << l.dump(2);
    ASSERT_TRUE(l.at("items").is_array());
    EXPECT_FALSE(l.at("items").empty());
    for (const auto& it : l.at("items")) {
      EXPECT_TRUE(it.at("number").is_string());
      EXPECT_TRUE(it.at("due_date").is_string());
      EXPECT_TRUE(is_amount(it.at("outstanding"))) << it.at("outstanding");
      EXPECT_TRUE(it.at("days_late").is_number_integer());
      EXPECT_TRUE(is_amount(it.at("interest"))) << it.at("interest");
    }
  }
}

// pdftotext writes no-break and narrow no-break spaces as spaces; compare without any space.
std::string squeeze(std::string s) {
  for (const char* space : {"\u202f", "\u00a0"})
    for (auto at = s.find(space); at != std::string::npos; at = s.find(space))
      s.erase(at, std::string(space).size());
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\f'; }),
          s.end());
  return s;
}

}  // namespace

TEST_F(RemindCli, WritesTheLettersOfTheDayOnceAndDryRunRecordsNothing) {
  // A dry run first: the batch as JSON, no PDF, nothing recorded.
  const Json dry = remind_json("2026-12-09", {"--dry-run"});
  expect_documented_shape(dry, true);
  EXPECT_EQ(dry.at("letters").size(), 2u) << dry.dump(2);
  EXPECT_TRUE(files().empty());
  const auto dry_text = remind("2026-12-09", {"--dry-run"});
  EXPECT_EQ(dry_text.exit_code, 0) << dry_text.err;
  EXPECT_TRUE(has(dry_text.out, "dry run")) << dry_text.out;
  EXPECT_TRUE(files().empty());

  // The real run still has the letters: reminder 1 for the invoice due on 2026-12-02 (D+7; the
  // one due on 12-10 waits, one letter per customer) and for the long overdue FA-2024-0042.
  const Json batch = remind_json("2026-12-09");
  expect_documented_shape(batch, false);
  EXPECT_EQ(batch.at("as_of"), "2026-12-09");
  ASSERT_EQ(batch.at("letters").size(), 2u) << batch.dump(2);
  EXPECT_TRUE(batch.at("phone_tasks").empty());
  EXPECT_EQ(dry.at("letters").size(), batch.at("letters").size());

  const Json* br = letter_of(batch, "BR/Paris 01");
  ASSERT_NE(br, nullptr) << batch.dump(2);
  EXPECT_EQ(br->at("level"), "reminder_1");
  EXPECT_EQ(br->at("channel"), "email");
  ASSERT_EQ(br->at("items").size(), 1u) << br->dump(2);
  const Json& item = br->at("items")[0];
  EXPECT_EQ(item.at("number"), "FA-2026-0042");
  EXPECT_EQ(item.at("due_date"), "2026-12-02");
  EXPECT_EQ(item.at("outstanding"), "336.00");
  EXPECT_EQ(item.at("days_late"), 7);
  EXPECT_EQ(item.at("interest"), "0.00");
  EXPECT_EQ(br->at("principal"), "336.00");
  EXPECT_EQ(br->at("interest"), "0.00");
  EXPECT_EQ(br->at("indemnity"), "0.00");
  EXPECT_EQ(br->at("total"), "336.00");

  const Json* hb = letter_of(batch, "C-HB");
  ASSERT_NE(hb, nullptr) << batch.dump(2);
  EXPECT_EQ(hb->at("level"), "reminder_1");
  EXPECT_EQ(hb->at("principal"), "1603.80");

  // A letter and a statement per letter, named after the sanitized customer id and the level.
  const fs::path folder = out() / "2026-12-09";
  EXPECT_EQ(fs::path(br->at("pdf").get<std::string>()), folder / "BR_Paris_01-reminder_1.pdf");
  EXPECT_EQ(fs::path(hb->at("pdf").get<std::string>()), folder / "C-HB-reminder_1.pdf");
  const auto written = files();
  for (const char* name : {"BR_Paris_01-reminder_1.pdf", "BR_Paris_01-reminder_1-statement.pdf",
                           "C-HB-reminder_1.pdf", "C-HB-reminder_1-statement.pdf"}) {
    const fs::path p = folder / name;
    ASSERT_TRUE(fs::exists(p)) << p;
    EXPECT_EQ(read_file(p).rfind("%PDF-", 0), 0u) << p;
  }
  EXPECT_EQ(written.size(), 4u);

  // Again for the same date: nothing new, no file written.
  const auto again = remind("2026-12-09");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(has(again.out, "already recorded")) << again.out;
  EXPECT_TRUE(has(again.out, "nothing new")) << again.out;
  EXPECT_EQ(files(), written);

  // A dry run of a later date writes nothing either.
  const Json later_dry = remind_json("2026-12-23", {"--dry-run"});
  expect_documented_shape(later_dry, true);
  EXPECT_EQ(files(), written);
}

TEST_F(RemindCli, ARegularCustomersFirstLateItemIsAPhoneTask) {
  ASSERT_EQ(remind("2026-12-09").exit_code, 0);
  // D+21 of FA-2026-0042: for a regular customer's first late item, a call instead of reminder 2.
  const Json batch = remind_json("2026-12-23");
  expect_documented_shape(batch, false);
  EXPECT_EQ(letter_of(batch, "BR/Paris 01"), nullptr) << batch.dump(2);
  ASSERT_EQ(batch.at("phone_tasks").size(), 1u) << batch.dump(2);
  const Json& task = batch.at("phone_tasks")[0];
  EXPECT_EQ(task.at("customer"), "BR/Paris 01");
  EXPECT_EQ(task.at("account_manager"), "Claire Martin");
  EXPECT_EQ(task.at("outstanding"), "336.00");
  ASSERT_EQ(task.at("items").size(), 1u);
  EXPECT_EQ(task.at("items")[0].at("number"), "FA-2026-0042");
  // Hôtel des Brotteaux (profile new) gets reminder 2 by letter.
  const Json* hb = letter_of(batch, "C-HB");
  ASSERT_NE(hb, nullptr) << batch.dump(2);
  EXPECT_EQ(hb->at("level"), "reminder_2");

  const fs::path folder = out() / "2026-12-23";
  const std::string csv = read_file(folder / "phone_tasks.csv");
  EXPECT_EQ(csv.rfind("customer,name,account_manager,phone,items,outstanding,currency,days_late\n", 0), 0u)
      << csv;
  EXPECT_TRUE(has(csv, "BR/Paris 01,Bâtiments Réunis SA,Claire Martin,,FA-2026-0042,336.00,EUR,21\n")) << csv;
  // A call is no letter: no PDF for it.
  for (const auto& [name, time] : files()) EXPECT_FALSE(has(name, "phone_call")) << name;
  EXPECT_FALSE(fs::exists(folder / "BR_Paris_01-phone_call.pdf"));
}

TEST_F(RemindCli, TheFormalNoticeClaimsInterestAndTheIndemnity) {
  // FA-2024-0042, 1603.80 due 2024-04-14: reminder 1 at D+7, reminder 2 at D+21, then at D+35
  // the formal notice, each level recorded by the batch before.
  ASSERT_EQ(remind("2024-04-21").exit_code, 0);
  ASSERT_EQ(remind("2024-05-05").exit_code, 0);
  const Json batch = remind_json("2024-05-19");
  expect_documented_shape(batch, false);
  ASSERT_EQ(batch.at("letters").size(), 1u) << batch.dump(2);
  const Json& notice = batch.at("letters")[0];
  EXPECT_EQ(notice.at("customer"), "C-HB");
  EXPECT_EQ(notice.at("level"), "formal_notice");
  EXPECT_EQ(notice.at("channel"), "registered");
  // 1603.80 x (4.50 + 10) % x 35 days (2024-04-15 to 2024-05-19) / 365 = 22.2995... -> 22.30
  EXPECT_EQ(notice.at("principal"), "1603.80");
  EXPECT_EQ(notice.at("interest"), "22.30");
  EXPECT_EQ(notice.at("indemnity"), "40.00");
  EXPECT_EQ(notice.at("total"), "1666.10");
  ASSERT_EQ(notice.at("items").size(), 1u);
  EXPECT_EQ(notice.at("items")[0].at("days_late"), 35);
  EXPECT_EQ(notice.at("items")[0].at("interest"), "22.30");

  const std::string pdf = notice.at("pdf").get<std::string>();
  ASSERT_TRUE(fs::exists(pdf)) << pdf;
  EXPECT_TRUE(fs::exists(out() / "2024-05-19" / "C-HB-formal_notice-statement.pdf"));
  const auto text = run_command({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(has(text.out, "Mise en demeure")) << text.out;
  EXPECT_TRUE(has(squeeze(text.out), "1666,10€")) << text.out;  // fr: 1 666,10 €
  EXPECT_TRUE(has(squeeze(text.out), "22,30€")) << text.out;
  EXPECT_TRUE(has(squeeze(text.out), "40,00€")) << text.out;
}

TEST_F(RemindCli, AnInvalidAsOfIsAUsageError) {
  for (const char* bad : {"2026-13-45", "09/12/2026", "tomorrow"}) {
    const auto r = remind(bad);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_TRUE(has(r.err, "--as-of")) << r.err;
  }
  EXPECT_TRUE(files().empty());
}
