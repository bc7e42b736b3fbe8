// `relance render` through the binary: one PDF per input named after it, failures that stay
// with their file, usage errors, and Factur-X that inspect reads as the invoice it came from.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using relance::testing::fixtures_dir;
using relance::testing::read_file;
using relance::testing::run_command;
using relance::testing::TempDir;
using relance::testing::write_file;

// fixtures/invoices/cii/*.xml, sorted.
std::vector<fs::path> cii_fixtures() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fixtures_dir() / "invoices" / "cii"))
    if (e.is_regular_file() && e.path().extension() == ".xml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> render_args(const std::vector<fs::path>& inputs, const fs::path& out,
                                     const std::vector<std::string>& extra) {
  std::vector<std::string> argv = {RELANCE_EXE, "render"};
  for (const auto& p : inputs) argv.push_back(p.string());
  argv.push_back("--out");
  argv.push_back(out.string());
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}

std::vector<std::string> pdfs_in(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

bool is_pdf(const fs::path& p) {
  return fs::exists(p) && read_file(p).rfind("%PDF-", 0) == 0;
}

}  // namespace

TEST(RenderCli, RendersEachCiiFixtureAsAGermanFacturXNamedAfterIt) {
  const auto inputs = cii_fixtures();
  ASSERT_GE(inputs.size(), 2U);
  TempDir tmp;
  const auto out = tmp / "out";
  const auto r = run_command(render_args(inputs, out, {"--facturx", "--lang", "de"}));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  std::vector<std::string> expected;
  for (const auto& in : inputs) {
    expected.push_back(in.stem().string() + ".pdf");
    EXPECT_TRUE(is_pdf(out / (in.stem().string() + ".pdf"))) << in;
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(pdfs_in(out), expected);
}

TEST(RenderCli, AnUnreadableInputFailsAloneAndTheOthersAreRendered) {
  const auto inputs = cii_fixtures();
  ASSERT_GE(inputs.size(), 2U);
  TempDir tmp;
  write_file(tmp / "garbage.xml", "this is no invoice");
  const auto out = tmp / "out";
  const auto r = run_command(
      render_args({inputs[0], tmp / "missing.xml", tmp / "garbage.xml", inputs[1]}, out, {"--lang", "en"}));
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("missing.xml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("RL-IN-002"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("RL-IN-001"), std::string::npos) << r.err;
  EXPECT_TRUE(is_pdf(out / (inputs[0].stem().string() + ".pdf")));
  EXPECT_TRUE(is_pdf(out / (inputs[1].stem().string() + ".pdf")));
  EXPECT_FALSE(fs::exists(out / "missing.pdf"));
  EXPECT_FALSE(fs::exists(out / "garbage.pdf"));
  EXPECT_EQ(pdfs_in(out).size(), 2U);
}

TEST(RenderCli, UnknownLanguageIsAUsageError) {
  TempDir tmp;
  const auto out = tmp / "out";
  const auto r = run_command(render_args(cii_fixtures(), out, {"--lang", "xx"}));
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("--lang"), std::string::npos) << r.err;
  EXPECT_TRUE(pdfs_in(out).empty());
}

TEST(RenderCli, InspectReadsTheFacturXAsTheCiiItCameFrom) {
  const auto inputs = cii_fixtures();
  TempDir tmp;
  const auto out = tmp / "out";
  const auto r = run_command(render_args(inputs, out, {"--facturx"}));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const auto& in : inputs) {
    const auto pdf = out / (in.stem().string() + ".pdf");
    const auto from_xml = run_command({RELANCE_EXE, "inspect", "--json", in.string()});
    const auto from_pdf = run_command({RELANCE_EXE, "inspect", "--json", pdf.string()});
    ASSERT_EQ(from_xml.exit_code, 0) << from_xml.err;
    ASSERT_EQ(from_pdf.exit_code, 0) << from_pdf.err;
    auto a = nlohmann::json::parse(from_xml.out);
    auto b = nlohmann::json::parse(from_pdf.out);
    ASSERT_TRUE(a.is_object());
    ASSERT_TRUE(b.is_object());
    // Keys that say where the model was read from, not what the invoice says.
    for (const char* key : {"file", "syntax"}) {
      a.erase(key);
      b.erase(key);
    }
    EXPECT_EQ(a, b) << in << ": inspect differs between the XML and its Factur-X\n"
                    << nlohmann::json::diff(a, b).dump(2);
  }
}

TEST(RenderCli, HelpMentionsFacturX) {
  const auto r = run_command({RELANCE_EXE, "render", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("--facturx"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--lang"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--out"), std::string::npos) << r.out;
}
