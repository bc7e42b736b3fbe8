#pragma once
// SFTP uploads with libcurl (its libssh2 back end): key authentication only, and the server's
// host key checked against a known_hosts file before anything is sent; a host that is not in the
// file, or whose key differs, is refused. A file goes up under a temporary name (".NAME.part")
// and is renamed when complete, so that the other side never sees half a file.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "relance/formats/diagnostic.hpp"

namespace relance::pipeline::detail {

struct SftpConfig;

struct SftpSettings {
  // sftp://host[:port]/folder/ : where the files go (an absolute path on the server; /~/folder/
  // for one under the user's home). Created when missing.
  std::string url;
  std::string user;
  std::filesystem::path private_key;  // the user's key (OpenSSH or PEM format)
  std::filesystem::path public_key;   // empty: PRIVATE_KEY.pub when it exists, else derived from the key
  std::string key_passphrase;         // never logged
  std::filesystem::path known_hosts;  // required: OpenSSH known_hosts ("[host]:port" for another port)
  long connect_timeout_seconds = 30;

  // [dispatch.sftp] of the configuration first (url, private_key, public_key, known_hosts), the
  // environment for what it leaves empty (RELANCE_SFTP_URL, RELANCE_SFTP_KEY,
  // RELANCE_SFTP_KNOWN_HOSTS), and the environment only for the user (RELANCE_SFTP_USER, unless the
  // URL names one) and the key's passphrase (RELANCE_SFTP_KEY_PASSPHRASE): nothing secret is read
  // from a file. A missing setting is an RL-SFTP-001 diagnostic naming both places.
  static Result<SftpSettings> resolve(const SftpConfig& configured);
};

// One connection, reused from upload to upload. Errors are relance::Error: RL-SFTP-002 when the
// host key is refused, RL-SFTP-001 for anything else (connection, authentication, transfer), with
// libcurl's explanation. The passphrase never appears in a message.
class SftpUploader {
 public:
  explicit SftpUploader(SftpSettings settings);
  ~SftpUploader();
  SftpUploader(const SftpUploader&) = delete;
  SftpUploader& operator=(const SftpUploader&) = delete;

  // The remote file NAME of the folder, or nullopt when there is none.
  std::optional<std::string> fetch(std::string_view name);
  // Writes the bytes to ".NAME.part" in the folder (replacing a leftover), then renames it NAME.
  // NAME must be a plain file name (no '/').
  void upload(std::string_view bytes, std::string_view name);
  // sftp://host:port/folder/NAME, for the record.
  std::string remote_url(std::string_view name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relance::pipeline::detail
