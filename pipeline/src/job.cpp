#include "relance/pipeline/job.hpp"

#include <ostream>

namespace relance::pipeline {

ExitCode Job::run(const std::vector<std::string>&) {
  out_ << "relance\n";
  return ExitCode::success;
}

}  // namespace relance::pipeline
