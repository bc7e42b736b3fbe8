// Cross-check with the official EN 16931 validator (release 1.3.16, Saxon HE): what relance
// writes must not carry a fatal rule the source did not have. The validator is a development
// tool outside the project: found through RELANCE_EN16931_VALIDATE, skipped when absent.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "relance/formats/cii.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/ubl.hpp"
#include "test_support.hpp"

using namespace relance::formats;
using relance::testing::official_examples;
using relance::testing::read_file;
using relance::testing::run_command;
using relance::testing::TempDir;
using relance::testing::write_file;

namespace {

std::set<std::string> split_ids(const std::string& field) {
  std::set<std::string> ids;
  std::stringstream s(field);
  for (std::string id; std::getline(s, id, ',');)
    if (!id.empty() && id != "-") ids.insert(id);
  return ids;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cols;
  std::stringstream s(line);
  for (std::string c; std::getline(s, c, '\t');) cols.push_back(c);
  return cols;
}

// file (relative to the examples folder) -> fatal ids the official validator gives the source
std::map<std::string, std::set<std::string>> expected_fatals() {
  std::map<std::string, std::set<std::string>> out;
  std::ifstream in(*relance::testing::en16931_dir() / "expected.tsv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto cols = split_tabs(line);
    if (cols.size() >= 4) out[cols[0]] = split_ids(cols[3]);
  }
  return out;
}

}  // namespace

TEST(OfficialValidator, WrittenCiiAndUblAddNoFatalRule) {
  RELANCE_REQUIRE_EN16931_DIR();
  const char* tool = std::getenv("RELANCE_EN16931_VALIDATE");
  if (!tool || !std::filesystem::exists(tool))
    GTEST_SKIP() << "RELANCE_EN16931_VALIDATE is not set to the official validator (en16931-validate)";
  if (run_command({"/usr/bin/env", "java", "-version"}).exit_code != 0)
    GTEST_SKIP() << "java is not installed";

  const auto expected = expected_fatals();
  TempDir tmp;
  std::map<std::string, std::string> source_of;  // written file -> source key in expected.tsv
  std::ofstream list(tmp / "list.txt");
  int n = 0;
  for (const std::string sub : {"cii", "ubl"}) {
    for (const auto& f : official_examples(sub)) {
      const auto r = read_invoice(read_file(f), f.string());
      ASSERT_TRUE(r.value) << f;
      const std::string key = sub + "/" + f.filename().string();
      for (const std::string to : {"cii", "ubl"}) {
        const auto out = tmp / (std::to_string(n++) + "." + to + ".xml");
        write_file(out, to == "cii" ? write_cii(*r.value) : write_ubl(*r.value));
        source_of[out.string()] = key;
        list << out.string() << '\n';
      }
    }
  }
  list.close();
  const auto result = run_command({tool, "-j", "2", "@" + (tmp / "list.txt").string()});
  ASSERT_NE(result.exit_code, 3) << "validator set-up problem: " << result.err;
  std::size_t checked = 0;
  std::stringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    const auto cols = split_tabs(line);
    if (cols.size() < 3 || !source_of.count(cols[0])) continue;
    ++checked;
    const std::string& source = source_of[cols[0]];
    ASSERT_NE(cols[1], "error") << source << " written as " << cols[0] << ": "
                                << (cols.size() > 2 ? cols[2] : "");
    const auto fatals = split_ids(cols[2]);
    for (const auto& id : fatals)
      EXPECT_TRUE(expected.at(source).count(id)) << source << " written as " << cols[0] << " fires " << id;
  }
  EXPECT_EQ(checked, source_of.size()) << result.err;
}
