#include "smtp_test_server.hpp"

#include <chrono>
#include <stdexcept>

namespace relance::testing {

namespace {

namespace fs = std::filesystem;

constexpr const char* kPython = "/usr/bin/python3";

}  // namespace

fs::path smtp_server_script() {
  return fs::path(RELANCE_SOURCE_DIR) / "tests" / "support" / "smtp_server.py";
}

std::optional<std::string> smtp_server_unavailable() {
  static const std::optional<std::string> reason = []() -> std::optional<std::string> {
    if (!fs::exists(kPython)) return "/usr/bin/python3 is missing (Debian: apt-get install python3-aiosmtpd)";
    if (ChildProcess({kPython, "-c", "import aiosmtpd"}).wait() != 0)
      return "/usr/bin/python3 cannot import aiosmtpd (Debian: apt-get install python3-aiosmtpd)";
    return std::nullopt;
  }();
  return reason;
}

namespace {

std::vector<std::string> server_command(const fs::path& inbox, const std::vector<std::string>& options) {
  std::vector<std::string> args = {kPython, smtp_server_script().string(), "serve", "--dir", inbox.string()};
  args.insert(args.end(), options.begin(), options.end());
  return args;
}

}  // namespace

SmtpServer::SmtpServer(const fs::path& inbox, const std::vector<std::string>& options)
    : process_(server_command(inbox, options)) {
  const std::string line = process_.read_line(std::chrono::seconds(20));
  if (line.rfind("PORT ", 0) != 0) {
    process_.stop();
    throw std::runtime_error("the SMTP test server did not start (said '" + line + "')");
  }
  port_ = std::stoi(line.substr(5));
}

void SmtpServer::stop() {
  process_.stop();
}

}  // namespace relance::testing
