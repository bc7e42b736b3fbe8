#pragma once
// tests/support/smtp_server.py (Debian's aiosmtpd under /usr/bin/python3) as a child process on
// 127.0.0.1, for the tests and the benchmark that need a real SMTP server.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "child_process.hpp"

namespace relance::testing {

// tests/support/smtp_server.py ("serve" runs the server, "parse DIR" prints what it received).
std::filesystem::path smtp_server_script();

// Why the SMTP test server cannot run here, if it cannot (checked once per process).
std::optional<std::string> smtp_server_unavailable();

// Started in the constructor (which returns once the server printed its port), stopped in the
// destructor (SIGTERM, then SIGKILL after 5 s). The child also dies with the test process and
// when its standard input closes.
class SmtpServer {
 public:
  SmtpServer(const std::filesystem::path& inbox, const std::vector<std::string>& options);
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  void stop();

 private:
  ChildProcess process_;
  int port_ = 0;
};

}  // namespace relance::testing
