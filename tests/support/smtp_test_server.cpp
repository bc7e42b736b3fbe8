#include "smtp_test_server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "test_support.hpp"

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
    if (run_command({kPython, "-c", "import aiosmtpd"}).exit_code != 0)
      return "/usr/bin/python3 cannot import aiosmtpd (Debian: apt-get install python3-aiosmtpd)";
    return std::nullopt;
  }();
  return reason;
}

SmtpServer::SmtpServer(const fs::path& inbox, const std::vector<std::string>& options) {
  std::vector<std::string> args = {kPython, smtp_server_script().string(), "serve", "--dir", inbox.string()};
  args.insert(args.end(), options.begin(), options.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int out[2];
  int in[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    execv(kPython, argv.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  stdin_ = in[1];

  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    char buffer[256];
    const ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    line.append(buffer, static_cast<std::size_t>(n));
  }
  close(out[0]);
  if (line.rfind("PORT ", 0) != 0) {
    stop();
    throw std::runtime_error("the SMTP test server did not start (said '" + line + "')");
  }
  port_ = std::stoi(line.substr(5));
}

SmtpServer::~SmtpServer() {
  stop();
}

void SmtpServer::stop() {
  if (stdin_ >= 0) close(stdin_);
  stdin_ = -1;
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

}  // namespace relance::testing
