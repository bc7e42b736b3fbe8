#pragma once

// Small pieces the CII and UBL syntax-rule checks share.

#include <array>
#include <string>
#include <string_view>

#include "rules/code_lists.hpp"

namespace relance::formats::detail::syntax {

inline std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// Codes repeat (currencyID="EUR" on every amount, category S on every line): each list
// remembers the last code it accepted, which then skips the search.
class Accepted {
 public:
  bool operator()(codes::CodeList list, std::string_view v) {
    std::string& last = last_[static_cast<std::size_t>(list)];
    if (!last.empty() && v == last) return true;
    if (!codes::listed(list, v)) return false;
    last.assign(v);
    return true;
  }

 private:
  std::array<std::string, static_cast<std::size_t>(codes::CodeList::mime) + 1> last_;
};

}  // namespace relance::formats::detail::syntax
