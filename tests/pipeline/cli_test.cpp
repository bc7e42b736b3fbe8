// The command line, in process through relance::pipeline::Job and once through the binary.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "relance/pipeline/job.hpp"
#include "test_support.hpp"

using relance::pipeline::ExitCode;
using relance::pipeline::Job;
using relance::testing::fixtures_dir;
using relance::testing::read_file;
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
  return (fixtures_dir() / "invoices" / rel).string();
}

}  // namespace

TEST(Cli, HelpTeachesTheCommandsAndExitCodes) {
  const CliRun r = relance_run({"--help"});
  EXPECT_EQ(r.code, ExitCode::success);
  EXPECT_NE(r.out.find("inspect"), std::string::npos);
  EXPECT_NE(r.out.find("convert"), std::string::npos);
  EXPECT_NE(r.out.find("Exit status"), std::string::npos);
  EXPECT_NE(r.out.find("Examples"), std::string::npos);
}

TEST(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(relance_run({}).code, ExitCode::failure);
  EXPECT_EQ(relance_run({"frobnicate"}).code, ExitCode::failure);
  EXPECT_EQ(relance_run({"convert", fixture("cii/fr-delivery-elsewhere.xml"), "--to", "pdf"}).code,
            ExitCode::failure);
}

TEST(Cli, InspectJsonHasTheDocumentedKeys) {
  const CliRun r = relance_run({"inspect", "--json", fixture("cii/fr-delivery-elsewhere.xml")});
  ASSERT_EQ(r.code, ExitCode::success) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["number"], "FA-2026-0042");
  EXPECT_EQ(j["type_code"], "380");
  EXPECT_EQ(j["issue_date"], "2026-11-02");
  EXPECT_EQ(j["currency"], "EUR");
  EXPECT_EQ(j["due_date"], "2026-12-02");
  EXPECT_EQ(j["seller"]["name"], "Atelier Dupont SARL");
  EXPECT_EQ(j["buyer"]["name"], "Bâtiments Réunis SA");
  EXPECT_EQ(j["deliver_to"]["city"], "Lyon");
  EXPECT_EQ(j["deliver_to"]["post_code"], "69003");
  EXPECT_EQ(j["totals"]["payable_amount"], "438.00");
  ASSERT_TRUE(j["lines"].is_array());
  EXPECT_EQ(j["lines"].size(), 2u);
  EXPECT_EQ(j["lines"][0]["item"]["name"], "Chaise en chêne massif « Œuvre »");
  EXPECT_EQ(j["lines"][0]["net_amount"], "340.00");
}

TEST(Cli, InspectJsonOfSeveralFilesIsAnArrayAndNullsWhatIsAbsent) {
  const CliRun r =
      relance_run({"inspect", "--json", fixture("cii/fr-delivery-elsewhere.xml"), fixture("ubl")});
  ASSERT_EQ(r.code, ExitCode::success) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_GE(j.size(), 2u);
  EXPECT_EQ(j[1]["number"], "AV-2026-0007");
  EXPECT_EQ(j[1]["type_code"], "381");
  EXPECT_TRUE(j[1]["deliver_to"].is_null());
  EXPECT_TRUE(j[1]["due_date"].is_null());
}

TEST(Cli, BatchGoesOnAfterABadFileAndSumsUpFailures) {
  TempDir tmp;
  write_file(tmp / "broken.xml", "<rsm:CrossIndustryInvoice>\n  <oops>\n</rsm:CrossIndustryInvoice>");
  const CliRun r = relance_run({"inspect", (tmp / "broken.xml").string(),
                                fixture("cii/fr-delivery-elsewhere.xml"), (tmp / "missing.xml").string()});
  EXPECT_EQ(r.code, ExitCode::failure);
  EXPECT_NE(r.out.find("FA-2026-0042"), std::string::npos);
  EXPECT_NE(r.err.find("broken.xml:3:3: RL-XML-001"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("RL-IN-002"), std::string::npos);
  EXPECT_NE(r.err.find("3 files: 1 read, 2 failed"), std::string::npos) << r.err;
}

TEST(Cli, ADocumentThatIsNoInvoiceIsOneClearError) {
  TempDir tmp;
  write_file(tmp / "order.xml", "<?xml version='1.0'?><Order xmlns='urn:example'><ID>1</ID></Order>");
  const CliRun r = relance_run({"inspect", (tmp / "order.xml").string()});
  EXPECT_EQ(r.code, ExitCode::failure);
  EXPECT_NE(r.err.find("RL-XML-002"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("<Order>"), std::string::npos) << r.err;
}

TEST(Cli, NonNumericAmountAndImpossibleDateAreNamedWithTheirTerm) {
  TempDir tmp;
  std::string xml = read_file(fixture("cii/fr-delivery-elsewhere.xml"));
  xml.replace(xml.find("<ram:DuePayableAmount>438.00"), 28, "<ram:DuePayableAmount>4 38,00");
  xml.replace(xml.find("20261102"), 8, "20260231");
  write_file(tmp / "bad.xml", xml);
  const CliRun r = relance_run({"inspect", (tmp / "bad.xml").string()});
  EXPECT_EQ(r.code, ExitCode::failure);
  EXPECT_NE(r.err.find("RL-XML-003 [BT-115]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ram:DuePayableAmount"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("RL-XML-004 [BT-2]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'20260231'"), std::string::npos) << r.err;
}

TEST(Cli, EmptyAndBinaryInputsAreRejectedCleanly) {
  TempDir tmp;
  write_file(tmp / "empty.xml", "");
  write_file(tmp / "noise.pdf", std::string("\x01\x02\x03 not a pdf", 14));
  const CliRun r = relance_run({"inspect", (tmp / "empty.xml").string(), (tmp / "noise.pdf").string()});
  EXPECT_EQ(r.code, ExitCode::failure);
  EXPECT_NE(r.err.find("the file is empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 files: 0 read, 2 failed"), std::string::npos) << r.err;
}

TEST(Cli, ConvertWritesToStandardOutputOrAFolder) {
  const CliRun one = relance_run({"convert", fixture("ubl/fr-credit-note.xml"), "--to", "cii"});
  ASSERT_EQ(one.code, ExitCode::success) << one.err;
  EXPECT_NE(one.out.find("<ram:TypeCode>381</ram:TypeCode>"), std::string::npos);

  TempDir tmp;
  const CliRun many = relance_run({"convert", fixture(""), "--to", "ubl", "-o", (tmp / "out").string()});
  ASSERT_EQ(many.code, ExitCode::success) << many.err;
  EXPECT_TRUE(std::filesystem::exists(tmp / "out" / "fr-delivery-elsewhere.ubl.xml"));
  const std::string credit = read_file(tmp / "out" / "fr-credit-note.ubl.xml");
  EXPECT_NE(credit.find("<CreditNote"), std::string::npos);

  EXPECT_EQ(relance_run({"convert", fixture(""), "--to", "ubl"}).code, ExitCode::failure);
}

TEST(Cli, TheBinaryRunsAndMapsExitCodes) {
  auto ok = relance::testing::run_command({RELANCE_EXE, "inspect", fixture("cii/fr-delivery-elsewhere.xml")});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("Deliver to: Chantier Les Lilas"), std::string::npos) << ok.out;
  auto bad = relance::testing::run_command({RELANCE_EXE, "inspect", "/nonexistent.xml"});
  EXPECT_EQ(bad.exit_code, 2);
}
