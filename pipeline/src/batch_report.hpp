#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "relance/formats/diagnostic.hpp"

namespace relance::pipeline::detail {

// Counts a batch's outcome per file, prints diagnostics as they come and the summary at the
// end, so one bad file never hides the others.
class BatchReport {
 public:
  explicit BatchReport(std::ostream& err) : err_(err) {}
  void print(const Diagnostics& diags);
  void succeeded() { ++ok_; }
  void failed(const std::string& file) { failed_.push_back(file); }
  bool any_failed() const { return !failed_.empty(); }
  // "3 files: 2 read, 1 failed (x.xml)"; printed only for batches of more than one file or failures.
  void summary(const std::string& verb);

 private:
  std::ostream& err_;
  std::size_t ok_ = 0;
  std::vector<std::string> failed_;
};

}  // namespace relance::pipeline::detail
