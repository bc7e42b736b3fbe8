#include <gtest/gtest.h>

#include "relance/letters/language.hpp"

TEST(Language, ParsesTheThreeShippedCodes) {
  EXPECT_EQ(relance::letters::parse_language("de"), relance::letters::Language::de);
  EXPECT_FALSE(relance::letters::parse_language("xx").has_value());
}
