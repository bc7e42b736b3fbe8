#include "postal_test_stub.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace relance::testing {

namespace {

namespace fs = std::filesystem;

constexpr const char* kPython = "/usr/bin/python3";

fs::path stub_script() {
  return fs::path(RELANCE_SOURCE_DIR) / "tests" / "support" / "postal_stub.py";
}

}  // namespace

std::optional<std::string> postal_stub_unavailable() {
  if (!fs::exists(kPython)) return std::string(kPython) + " is missing: the postal stub cannot run";
  return std::nullopt;
}

namespace {

std::vector<std::string> stub_command(const fs::path& state, const std::vector<std::string>& options) {
  std::vector<std::string> args = {kPython, stub_script().string(), "--state", state.string()};
  args.insert(args.end(), options.begin(), options.end());
  return args;
}

}  // namespace

PostalStub::PostalStub(const fs::path& state, const std::vector<std::string>& options)
    : process_(stub_command(state, options)) {
  // The first line is the base URL: http://127.0.0.1:PORT
  const std::string line = process_.read_line(std::chrono::seconds(20));
  const auto colon = line.rfind(':');
  if (line.rfind("http://127.0.0.1:", 0) != 0 || colon == std::string::npos) {
    process_.stop();
    throw std::runtime_error("postal_stub.py did not start (said '" + line + "')");
  }
  port_ = std::stoi(line.substr(colon + 1));
  url_ = "http://127.0.0.1:" + std::to_string(port_);
}

void PostalStub::stop() {
  process_.stop();
}

nlohmann::json PostalStub::state() const {
  const std::string response = control("GET", "/__control/state");
  const auto body = response.find("\r\n\r\n");
  if (response.rfind("HTTP/1.", 0) != 0 || body == std::string::npos)
    throw std::runtime_error("the postal stub gave no state: '" + response.substr(0, 200) + "'");
  return nlohmann::json::parse(response.substr(body + 4));
}

std::string PostalStub::control(const std::string& method, const std::string& path,
                                const std::string& body) const {
  const int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port_));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(s);
    throw std::runtime_error("cannot reach the postal stub");
  }
  const std::string request = method + " " + path +
                              " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                              "Content-Type: application/json\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body;
  for (std::size_t sent = 0; sent < request.size();) {
    const ssize_t n = send(s, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string response;
  char buffer[65536];
  for (ssize_t n; (n = recv(s, buffer, sizeof buffer, 0)) > 0;)
    response.append(buffer, static_cast<std::size_t>(n));
  close(s);
  return response;
}

}  // namespace relance::testing
