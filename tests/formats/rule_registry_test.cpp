// The registry is the one list of rules: every id the engine or the readers emit is in it,
// every registered rule is exercised by a test that names it, and ids are unique.

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "relance/formats/ingest.hpp"
#include "relance/formats/validate.hpp"
#include "test_support.hpp"

using namespace relance::formats;

namespace {

// Diagnostics that are reading errors, not rules: they have no severity to configure.
bool is_reading_error(const std::string& id) {
  for (const char* prefix : {"RL-IN-", "RL-XML-", "RL-PDF-", "RL-OUT-", "RL-CONFIG-"})
    if (id.starts_with(prefix)) return true;
  return false;
}

}  // namespace

TEST(RuleRegistry, IdsAreUniqueAndDescribed) {
  std::set<std::string_view> seen;
  for (const auto& r : rule_registry()) {
    EXPECT_TRUE(seen.insert(r.id).second) << "duplicate " << r.id;
    EXPECT_FALSE(r.title.empty()) << r.id;
    EXPECT_FALSE(r.source.empty()) << r.id;
  }
  EXPECT_NE(find_rule("BR-CO-10"), nullptr);
  EXPECT_EQ(find_rule("BR-CO-25"), nullptr);  // dropped in release 1.3.16
}

TEST(RuleRegistry, EveryEmittedIdIsRegistered) {
  RELANCE_REQUIRE_EN16931_DIR();
  const auto dir = *relance::testing::en16931_dir();
  std::set<std::string> unknown;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() == ".tsv" || e.path().extension() == ".md") continue;
    if (e.path().filename() == "LICENSE") continue;
    auto r = read_invoice(relance::testing::read_file(e.path()), e.path().string(), {.syntax_rules = true});
    relance::Diagnostics all = r.diagnostics;
    if (r.value) all.merge(validate(*r.value));
    for (const auto& d : all.items())
      if (!is_reading_error(d.rule_id) && !find_rule(d.rule_id)) unknown.insert(d.rule_id);
  }
  EXPECT_TRUE(unknown.empty()) << "emitted but not registered: " << ::testing::PrintToString(unknown);
}

TEST(RuleRegistry, EveryBusinessAndRelanceRuleIsNamedByATest) {
  // The rule tests name their rule (TEST(CoreRules, Br16...) or the id in an assertion).
  std::string sources;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(RELANCE_SOURCE_DIR) / "tests/formats"))
    if (e.path().filename().string().starts_with("rules_")) sources += relance::testing::read_file(e.path());
  std::set<std::string> untested;
  for (const auto& r : rule_registry()) {
    const std::string id(r.id);
    if (!id.starts_with("BR-") && !id.starts_with("RL-")) continue;
    if (sources.find("\"" + id + "\"") == std::string::npos) untested.insert(id);
  }
  EXPECT_TRUE(untested.empty()) << ::testing::PrintToString(untested);
}
