#include <gtest/gtest.h>

#include "test_support.hpp"

using relance::testing::run_command;

TEST(Cli, Runs) {
  auto r = run_command({RELANCE_EXE});
  EXPECT_EQ(r.exit_code, 0);
}
