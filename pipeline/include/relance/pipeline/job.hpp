#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "relance/pipeline/exit_code.hpp"

namespace relance::pipeline {

// All command-line behaviour, unit-testable: parse argv, run, report an exit code
// (qpdf's QPDFJob pattern). main() only builds one and maps exceptions.
class Job {
 public:
  Job(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}
  ExitCode run(const std::vector<std::string>& args);

 private:
  std::ostream& out_;
  std::ostream& err_;
};

}  // namespace relance::pipeline
