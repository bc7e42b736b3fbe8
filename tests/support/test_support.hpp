#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace relance::testing {

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, std::string_view bytes);

// $RELANCE_EN16931_DIR, when set and a folder.
std::optional<std::filesystem::path> en16931_dir();
// Every *.xml / *.XML under $RELANCE_EN16931_DIR/<sub>, sorted.
std::vector<std::filesystem::path> official_examples(const std::string& sub);

std::filesystem::path fixtures_dir();  // <repo>/fixtures

// A fresh folder under the build tree, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs argv (no shell), capturing stdout and stderr.
CommandResult run_command(const std::vector<std::string>& argv);

// Sets (or, with nullopt, removes) an environment variable for the scope, then puts back what was
// there: child processes started meanwhile inherit it.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::optional<std::string>& value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> saved_;
};

}  // namespace relance::testing

// Skips the current test with a clear message when the official examples are not available.
#define RELANCE_REQUIRE_EN16931_DIR()                                                              \
  do {                                                                                             \
    if (!::relance::testing::en16931_dir())                                                        \
      GTEST_SKIP() << "RELANCE_EN16931_DIR is not set: the official EN 16931 examples are needed " \
                      "(.ci/run sets it to ../shared/fixtures/en16931)";                           \
  } while (0)
