#pragma once

namespace relance::pipeline {

// The process exit codes, documented in `relance --help`.
enum class ExitCode : int {
  success = 0,   // everything done (warnings allowed)
  rejected = 1,  // some documents rejected (fatal diagnostics)
  failure = 2,   // usage, configuration or system error, or unreadable input
};

}  // namespace relance::pipeline
