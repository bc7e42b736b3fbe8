#pragma once
// tests/support/postal_stub.py (a local Pingen API v2 stand-in, standard library only) as a child
// process on 127.0.0.1, for the postal channel test and the crash test.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "child_process.hpp"

namespace relance::testing {

// Why the stub cannot run here, if it cannot.
std::optional<std::string> postal_stub_unavailable();

// The credentials the stub accepts by default (postal_stub.py --client-id/--client-secret/--organisation).
inline constexpr const char* kPostalStubClientId = "stub-client";
inline constexpr const char* kPostalStubClientSecret = "stub-secret";
inline constexpr const char* kPostalStubOrganisation = "stub-org";

// Started in the constructor (which returns once the stub printed its base URL), stopped in the
// destructor. The child also dies with the test process.
class PostalStub {
 public:
  // `state`: the JSON file where the stub records what it did (its --state).
  PostalStub(const std::filesystem::path& state, const std::vector<std::string>& options);
  PostalStub(const PostalStub&) = delete;
  PostalStub& operator=(const PostalStub&) = delete;

  const std::string& url() const { return url_; }
  int port() const { return port_; }
  void stop();

  // What the stub did, as of now (asked over HTTP, so also with --lazy-state).
  nlohmann::json state() const;

  // A raw HTTP/1.1 request to the stub (its /__control/ endpoints); the whole response.
  std::string control(const std::string& method, const std::string& path, const std::string& body = "") const;

 private:
  ChildProcess process_;
  int port_ = 0;
  std::string url_;
};

}  // namespace relance::testing
