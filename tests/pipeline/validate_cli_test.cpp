// relance validate: verdicts, exit codes, JSON shape, rule selection and configuration.

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

CliRun relance_run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  Job job(out, err);
  const ExitCode code = job.run(args);
  return {code, out.str(), err.str()};
}

const std::string good = (fixtures_dir() / "invoices/cii/fr-delivery-elsewhere.xml").string();

// The good fixture without its invoice number (BT-1), which BR-02 rejects.
std::string write_without_number(const TempDir& tmp) {
  std::string xml = read_file(good);
  const std::string number = "<ram:ID>FA-2026-0042</ram:ID>";
  xml.replace(xml.find(number), number.size(), "<ram:ID></ram:ID>");
  const auto path = tmp / "no-number.xml";
  write_file(path, xml);
  return path.string();
}

}  // namespace

TEST(ValidateCli, AValidInvoiceExitsZeroWithAShortVerdict) {
  const CliRun r = relance_run({"validate", good, "--rules", "BR-*"});
  EXPECT_EQ(r.code, ExitCode::success) << r.out << r.err;
  EXPECT_NE(r.out.find("fr-delivery-elsewhere.xml (CII): valid"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 file: 1 valid, 0 invalid; 0 fatal"), std::string::npos) << r.out;
}

TEST(ValidateCli, AFatalRuleExitsOneAndNamesRuleSeverityAndPath) {
  TempDir tmp;
  const std::string bad = write_without_number(tmp);
  const CliRun text = relance_run({"validate", bad, good, "--rules", "BR-*"});
  EXPECT_EQ(text.code, ExitCode::rejected);
  EXPECT_NE(text.out.find("no-number.xml (CII): invalid, 1 fatal"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("fatal: " + bad + ": BR-02 [BT-1]"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("2 files: 1 valid, 1 invalid; 1 fatal"), std::string::npos) << text.out;

  const CliRun json = relance_run({"validate", bad, "--format", "json", "--rules", "BR-*"});
  EXPECT_EQ(json.code, ExitCode::rejected);
  const auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["file"], bad);
  EXPECT_EQ(j["syntax"], "CII");
  EXPECT_EQ(j["valid"], false);
  ASSERT_EQ(j["diagnostics"].size(), 1u);
  EXPECT_EQ(j["diagnostics"][0]["rule"], "BR-02");
  EXPECT_EQ(j["diagnostics"][0]["severity"], "fatal");
  EXPECT_TRUE(j["diagnostics"][0]["message"].is_string());
  EXPECT_EQ(j["diagnostics"][0]["path"].get<std::string>().rfind("/rsm:CrossIndustryInvoice", 0), 0u);
}

TEST(ValidateCli, SeveralFilesInJsonAreAnArray) {
  const CliRun r = relance_run({"validate", (fixtures_dir() / "invoices").string(), "--format", "json"});
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  EXPECT_GE(j.size(), 3u);
  for (const auto& f : j) EXPECT_TRUE(f.contains("valid") && f.contains("diagnostics"));
}

TEST(ValidateCli, UnreadableInputExitsTwo) {
  TempDir tmp;
  write_file(tmp / "cut.xml", "<rsm:CrossIndustryInvoice");
  const CliRun r = relance_run({"validate", (tmp / "cut.xml").string(), good});
  EXPECT_EQ(r.code, ExitCode::failure);
  EXPECT_NE(r.out.find("unreadable"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("RL-XML-001"), std::string::npos) << r.out;
}

TEST(ValidateCli, RulesSelectsAndUnknownRulesAreUsageErrors) {
  TempDir tmp;
  const std::string bad = write_without_number(tmp);
  EXPECT_EQ(relance_run({"validate", bad, "--rules", "BR-01,BR-03"}).code, ExitCode::success);
  const CliRun unknown = relance_run({"validate", bad, "--rules", "BR-999"});
  EXPECT_EQ(unknown.code, ExitCode::failure);
  EXPECT_NE(unknown.err.find("'BR-999' names no rule"), std::string::npos);
  EXPECT_EQ(relance_run({"validate", bad, "--as-of", "23/11/2026"}).code, ExitCode::failure);
}

TEST(ValidateCli, ConfigurationRegradesAndSwitchesOffRules) {
  TempDir tmp;
  const std::string bad = write_without_number(tmp);
  write_file(tmp / "warn.toml", "[validation.rules]\n\"BR-02\" = \"warning\"\n");
  const CliRun warned =
      relance_run({"validate", bad, "--rules", "BR-*", "--config", (tmp / "warn.toml").string()});
  EXPECT_EQ(warned.code, ExitCode::success) << warned.out << warned.err;
  EXPECT_NE(warned.out.find("warning: " + bad + ": BR-02"), std::string::npos) << warned.out;

  write_file(tmp / "off.toml",
             "[validation]\nmax_days_after_delivery = 10\n[validation.rules]\n\"BR-02\" = \"off\"\n");
  const CliRun off =
      relance_run({"validate", bad, "--rules", "BR-*", "--config", (tmp / "off.toml").string()});
  EXPECT_EQ(off.code, ExitCode::success);
  EXPECT_EQ(off.out.find("BR-02"), std::string::npos) << off.out;
}

TEST(ValidateCli, ABadConfigurationIsAnErrorWithFileAndLine) {
  TempDir tmp;
  write_file(tmp / "bad.toml",
             "[validation]\nmax_payment_days = \"sixty\"\n[validation.rules]\n\"BR-02\" = \"loud\"\n");
  const CliRun r = relance_run({"validate", good, "--config", (tmp / "bad.toml").string()});
  EXPECT_EQ(r.code, ExitCode::failure);
  EXPECT_NE(r.err.find("bad.toml:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("max_payment_days"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.toml:4:"), std::string::npos) << r.err;
  write_file(tmp / "broken.toml", "[validation\n");
  EXPECT_EQ(relance_run({"validate", good, "--config", (tmp / "broken.toml").string()}).code,
            ExitCode::failure);
  EXPECT_EQ(relance_run({"validate", good, "--config", (tmp / "missing.toml").string()}).code,
            ExitCode::failure);
}

TEST(RulesCli, ListsTheRegistryWithSeveritiesAndSources) {
  const CliRun all = relance_run({"rules"});
  EXPECT_EQ(all.code, ExitCode::success);
  EXPECT_NE(all.out.find("BR-CO-10  fatal"), std::string::npos);
  EXPECT_NE(all.out.find("RL-DUE-003  warning"), std::string::npos);
  EXPECT_NE(all.out.find("L441-10"), std::string::npos);
  const CliRun rl = relance_run({"rules", "RL-*", "--json"});
  EXPECT_EQ(rl.code, ExitCode::success);
  const auto j = nlohmann::json::parse(rl.out);
  ASSERT_TRUE(j.is_array());
  EXPECT_GE(j.size(), 20u);
  for (const auto& r : j) {
    EXPECT_EQ(r["rule"].get<std::string>().rfind("RL-", 0), 0u);
    EXPECT_FALSE(r["source"].get<std::string>().empty());
  }
  EXPECT_EQ(relance_run({"rules", "XX-*"}).code, ExitCode::failure);
}
