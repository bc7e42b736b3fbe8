#pragma once
// A helper program (a local test server) run as a child process for tests and benchmarks: it dies
// with the process that started it (PR_SET_PDEATHSIG), reads its standard input from a pipe whose
// end closes when it is stopped, and writes its standard output to a pipe read line by line.
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace relance::testing {

class ChildProcess {
 public:
  // argv[0] is the program's path (no PATH search).
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The next line the child writes on standard output, without its '\n'; what came so far when
  // `timeout` passes or the output ends first.
  std::string read_line(std::chrono::milliseconds timeout);
  // Waits for the child to end: its exit status, or 128 + the signal that ended it.
  int wait();
  // Closes its standard input and sends SIGTERM, then SIGKILL after 5 s; returns once it is gone.
  void stop();

 private:
  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  std::string pending_;  // read past the last line returned
};

}  // namespace relance::testing
