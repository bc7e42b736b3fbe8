// Agreement with the official EN 16931 validation artefacts (release 1.3.16):
// - the 1,140 official rule unit tests (unit.tsv): each rule in a fragment's scope fires or
//   stays silent exactly as upstream expects;
// - the 63 official examples (expected.tsv): the set of fatal rule ids is exactly the official one.
// RELANCE_UNIT_RULES (e.g. "BR-CO-*,BR-S-*") restricts the unit tests to some rules while working.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "relance/formats/ingest.hpp"
#include "relance/formats/validate.hpp"
#include "test_support.hpp"

using namespace relance::formats;
using relance::Severity;
using relance::testing::read_file;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);)
    if (!part.empty() && part != "-") out.push_back(part);
  return out;
}

struct Fired {
  std::set<std::string> fatal;
  std::set<std::string> warning;
};

// Reader diagnostics (syntax rules) plus every rule of the engine.
Fired fire(const std::filesystem::path& file) {
  Fired f;
  auto r = read_invoice(read_file(file), file.string(), {.syntax_rules = true});
  relance::Diagnostics all = r.diagnostics;
  if (r.value) all.merge(validate(*r.value, {}, file.string()));
  for (const auto& d : all.items()) {
    if (d.rule_id.starts_with("RL-")) continue;  // relance's own rules are not the official ones
    (d.severity == Severity::fatal ? f.fatal : f.warning).insert(d.rule_id);
  }
  return f;
}

bool wanted(const std::string& id, const std::vector<std::string>& only) {
  if (only.empty()) return true;
  for (const auto& p : only)
    if (p.back() == '*' ? id.starts_with(p.substr(0, p.size() - 1)) : id == p) return true;
  return false;
}

}  // namespace

TEST(OfficialRules, UnitTestsFireOrStaySilentAsUpstreamExpects) {
  RELANCE_REQUIRE_EN16931_DIR();
  const auto dir = *relance::testing::en16931_dir();
  const char* filter = std::getenv("RELANCE_UNIT_RULES");
  const auto only = split(filter ? filter : "", ',');
  std::ifstream in(dir / "unit.tsv");
  std::string line;
  std::getline(in, line);
  std::size_t checked = 0, mismatches = 0;
  std::map<std::string, int> mismatches_per_rule;
  while (std::getline(in, line)) {
    const auto cols = split(line, '\t');
    if (cols.size() < 4) continue;
    const auto& file = cols[0];
    // One fragment may carry several expectations: "success:BR-29;success:BR-30".
    std::vector<std::pair<std::string, std::string>> expectations;
    for (const auto& e : split(cols[3], ';')) {
      const auto colon = e.find(':');
      if (colon != std::string::npos && wanted(e.substr(colon + 1), only))
        expectations.emplace_back(e.substr(0, colon), e.substr(colon + 1));
    }
    if (expectations.empty()) continue;
    const Fired f = fire(dir / file);
    for (const auto& [kind, id] : expectations) {
      ++checked;
      bool ok = false;
      if (kind == "success") ok = !f.fatal.count(id) && !f.warning.count(id);
      if (kind == "error") ok = f.fatal.count(id) > 0;
      if (kind == "warning") ok = f.warning.count(id) > 0;
      if (!ok) {
        ++mismatches;
        ++mismatches_per_rule[id];
        ADD_FAILURE() << file << ": expected " << kind << ":" << id << ", "
                      << (f.fatal.count(id) ? "fired fatal" : f.warning.count(id) ? "fired as warning" : "did not fire");
      }
    }
  }
  std::string summary;
  for (const auto& [id, n] : mismatches_per_rule) summary += " " + id + "(" + std::to_string(n) + ")";
  EXPECT_EQ(mismatches, 0u) << "of " << checked << " unit tests; per rule:" << summary;
  if (only.empty()) {
    EXPECT_EQ(checked, 1142u);  // 1,140 fragments, one with two expectations
  }
}

TEST(OfficialRules, ExamplesHaveExactlyTheOfficialFatalRules) {
  RELANCE_REQUIRE_EN16931_DIR();
  const auto dir = *relance::testing::en16931_dir();
  std::ifstream in(dir / "expected.tsv");
  std::string line;
  std::getline(in, line);
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream s(line);
    for (std::string c; std::getline(s, c, '\t');) cols.push_back(c);
    if (cols.size() < 4) continue;
    const auto expected = split(cols[3], ',');
    const Fired f = fire(dir / cols[0]);
    EXPECT_EQ(f.fatal, std::set<std::string>(expected.begin(), expected.end())) << cols[0];
    ++checked;
  }
  EXPECT_EQ(checked, 63u);
}
