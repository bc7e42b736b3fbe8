#include "batch_report.hpp"

#include <ostream>

namespace relance::pipeline::detail {

void BatchReport::print(const Diagnostics& diags) {
  for (const auto& d : diags.items()) err_ << format_diagnostic(d) << '\n';
}

void BatchReport::summary(const std::string& verb) {
  const std::size_t total = ok_ + failed_.size();
  if (total <= 1 && failed_.empty()) return;
  err_ << total << (total == 1 ? " file: " : " files: ") << ok_ << ' ' << verb << ", " << failed_.size()
       << " failed";
  if (!failed_.empty()) {
    // The diagnostics above name every file; the summary names a few so it stays one line.
    constexpr std::size_t shown = 5;
    err_ << " (";
    for (std::size_t i = 0; i < failed_.size() && i < shown; ++i) err_ << (i ? ", " : "") << failed_[i];
    if (failed_.size() > shown) err_ << " and " << failed_.size() - shown << " more";
    err_ << ')';
  }
  err_ << '\n';
}

}  // namespace relance::pipeline::detail
