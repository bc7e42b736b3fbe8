// SFTP uploads with libcurl: key authentication, known_hosts checked by our own key callback (so
// that the refusal says why), temporary name then rename (CURLOPT_POSTQUOTE), one connection
// reused across a batch (curl_easy_reset keeps live connections).
#include "sftp_upload.hpp"

#include "config.hpp"
#include "curl_support.hpp"

#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace relance::pipeline::detail {

namespace {

[[noreturn]] void fail(const char* rule, const std::string& where, const std::string& message) {
  throw Error(Diagnostic{rule, Severity::fatal, Location{where, {}, 0, 0}, message, {}});
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string{};
}

// What the key callback saw: libcurl calls it once per connection with the known_hosts verdict.
struct HostKeyState {
  bool checked = false;
  curl_khmatch match = CURLKHMATCH_OK;
};

int host_key_callback(CURL*, const curl_khkey*, const curl_khkey*, curl_khmatch match, void* data) {
  auto* state = static_cast<HostKeyState*>(data);
  state->checked = true;
  state->match = match;
  // Only a key that is in the file and equal to it: never a new host, never a changed key.
  return match == CURLKHMATCH_OK ? CURLKHSTAT_FINE : CURLKHSTAT_REJECT;
}

std::size_t write_callback(char* buffer, std::size_t size, std::size_t count, void* data) {
  static_cast<std::string*>(data)->append(buffer, size * count);
  return size * count;
}

// A path for an SFTP quote command: double-quoted, with '"' and '\' escaped.
std::string quoted(const std::string& path) {
  std::string out = "\"";
  for (char c : path) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

bool plain_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos &&
         name.find('\0') == std::string_view::npos;
}

}  // namespace

// Where each setting comes from, as diagnostics name it.
constexpr const char* kUrlSetting = "[dispatch.sftp] url or RELANCE_SFTP_URL";
constexpr const char* kKeySetting = "[dispatch.sftp] private_key or RELANCE_SFTP_KEY";
constexpr const char* kKnownHostsSetting = "[dispatch.sftp] known_hosts or RELANCE_SFTP_KNOWN_HOSTS";

Result<SftpSettings> SftpSettings::resolve(const SftpConfig& configured) {
  Result<SftpSettings> out;
  SftpSettings s;
  const auto path_or_env = [](const std::filesystem::path& p, const char* name) {
    return p.empty() ? std::filesystem::path(env(name)) : p;
  };
  s.url = configured.url.empty() ? env("RELANCE_SFTP_URL") : configured.url;
  s.user = env("RELANCE_SFTP_USER");
  s.private_key = path_or_env(configured.private_key, "RELANCE_SFTP_KEY");
  s.public_key = configured.public_key;
  s.known_hosts = path_or_env(configured.known_hosts, "RELANCE_SFTP_KNOWN_HOSTS");
  s.key_passphrase = env("RELANCE_SFTP_KEY_PASSPHRASE");
  auto missing = [&](const std::string& where, const std::string& what) {
    out.diagnostics.add("RL-SFTP-001", Severity::fatal, Location{where, {}, 0, 0},
                        "set " + where + " to " + what);
  };
  if (s.url.empty()) missing(kUrlSetting, "the agency's folder (sftp://host:port/folder/)");
  if (s.user.empty() && s.url.find('@') == std::string::npos)
    missing("RELANCE_SFTP_USER",
            "the user name on the agency's server (or give it in the URL: sftp://user@host/)");
  if (s.private_key.empty()) missing(kKeySetting, "the private key file (key authentication only)");
  if (s.known_hosts.empty())
    missing(kKnownHostsSetting,
            "a known_hosts file with the server's host key: relance never connects to an unverified host");
  if (out.diagnostics.empty()) out.value = std::move(s);
  return out;
}

struct SftpUploader::Impl {
  SftpSettings settings;
  CURL* curl = nullptr;
  std::string folder_url;   // sftp://host:port/folder/ (percent-encoded as given)
  std::string folder_path;  // /folder/ decoded, for the rename command
  std::string authority;    // host:port, for messages
  HostKeyState host_key;
  char error[CURL_ERROR_SIZE] = {};
  struct curl_slist* postquote = nullptr;

  ~Impl() {
    if (postquote) curl_slist_free_all(postquote);
    if (curl) curl_easy_cleanup(curl);
  }

  void prepare(const std::string& url) {
    if (postquote) {
      curl_slist_free_all(postquote);
      postquote = nullptr;
    }
    curl_easy_reset(curl);  // keeps the live connection
    host_key = {};
    error[0] = '\0';
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "sftp");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, settings.connect_timeout_seconds);
    // A transfer that stalls (under 1 byte/s for a minute) is abandoned.
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, 60L);
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings.user.c_str());
    curl_easy_setopt(curl, CURLOPT_SSH_AUTH_TYPES, static_cast<long>(CURLSSH_AUTH_PUBLICKEY));
    curl_easy_setopt(curl, CURLOPT_SSH_PRIVATE_KEYFILE, settings.private_key.c_str());
    // An empty public key file lets libssh2 derive the public key from the private one.
    curl_easy_setopt(curl, CURLOPT_SSH_PUBLIC_KEYFILE, settings.public_key.c_str());
    if (!settings.key_passphrase.empty())
      curl_easy_setopt(curl, CURLOPT_KEYPASSWD, settings.key_passphrase.c_str());
    curl_easy_setopt(curl, CURLOPT_SSH_KNOWNHOSTS, settings.known_hosts.c_str());
    curl_easy_setopt(curl, CURLOPT_SSH_KEYFUNCTION, host_key_callback);
    curl_easy_setopt(curl, CURLOPT_SSH_KEYDATA, &host_key);
  }

  [[noreturn]] void failed(CURLcode code, const std::string& url, const std::string& what) {
    const std::string detail = error[0] ? std::string(error) : std::string(curl_easy_strerror(code));
    if (host_key.checked && host_key.match != CURLKHMATCH_OK) {
      const std::string file = settings.known_hosts.string();
      if (host_key.match == CURLKHMATCH_MISMATCH)
        fail("RL-SFTP-002", url,
             "refused: the host key of " + authority + " is not the one " + file +
                 " has for it (someone may be impersonating the server, or its key changed: check it with "
                 "the agency before updating the file); nothing was sent");
      fail("RL-SFTP-002", url,
           "refused: " + authority + " is not in " + file +
               " (add its host key, checked with the agency, e.g. from ssh-keyscan); nothing was sent");
    }
    if (code == CURLE_PEER_FAILED_VERIFICATION)
      fail("RL-SFTP-002", url,
           "refused: the host key of " + authority + " could not be verified (" + detail +
               "); nothing was sent");
    if (code == CURLE_LOGIN_DENIED)
      fail("RL-SFTP-001", url,
           what + ": user " + settings.user + " could not log in with the key " +
               settings.private_key.string() +
               ": the server refused it, or the key cannot be opened (wrong RELANCE_SFTP_KEY_PASSPHRASE?) (" +
               detail + ")");
    fail("RL-SFTP-001", url, what + ": " + detail);
  }
};

SftpUploader::SftpUploader(SftpSettings settings) : impl_(std::make_unique<Impl>()) {
  curl_started();  // a failure shows as curl_easy_init failing below
  Impl& s = *impl_;
  s.settings = std::move(settings);
  std::string url = s.settings.url;
  constexpr std::string_view scheme = "sftp://";
  if (url.size() <= scheme.size() || url.compare(0, scheme.size(), scheme) != 0)
    fail("RL-SFTP-001", kUrlSetting, "'" + url + "' is not an sftp:// URL");
  const std::size_t slash = url.find('/', scheme.size());
  s.authority =
      url.substr(scheme.size(), slash == std::string::npos ? std::string::npos : slash - scheme.size());
  if (const auto at = s.authority.rfind('@'); at != std::string::npos) {
    // sftp://user@host/...: the user, never a password (key authentication only, and a URL ends up
    // in messages and the journal).
    const std::string user = s.authority.substr(0, at);
    if (user.find(':') != std::string::npos)
      fail("RL-SFTP-001", kUrlSetting, "the URL must not carry a password: relance authenticates with a key");
    if (s.settings.user.empty()) s.settings.user = user;
    s.authority = s.authority.substr(at + 1);
    url = url.substr(0, scheme.size()) + url.substr(scheme.size() + at + 1);
  }
  if (s.authority.empty()) fail("RL-SFTP-001", kUrlSetting, "'" + url + "' names no host");
  if (s.settings.user.empty())
    fail("RL-SFTP-001", "RELANCE_SFTP_USER", "set RELANCE_SFTP_USER to the user name on the agency's server");
  if (url.find('/', scheme.size()) == std::string::npos) url += "/~/";  // no folder: the user's home
  if (url.back() != '/') url += '/';
  s.folder_url = url;
  for (const auto& [file, variable] : {std::pair{s.settings.private_key, kKeySetting},
                                       std::pair{s.settings.known_hosts, kKnownHostsSetting}}) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec) || ::access(file.c_str(), R_OK) != 0)
      fail("RL-SFTP-001", variable, file.string() + " cannot be read");
  }
  if (s.settings.public_key.empty()) {
    std::error_code ec;
    const std::filesystem::path pub = s.settings.private_key.string() + ".pub";
    if (std::filesystem::exists(pub, ec)) s.settings.public_key = pub;
  }
  s.curl = curl_easy_init();
  if (!s.curl) fail("RL-SFTP-001", url, "libcurl could not start");
  const std::string encoded = url.substr(url.find('/', scheme.size()));
  int length = 0;
  char* decoded = curl_easy_unescape(s.curl, encoded.c_str(), static_cast<int>(encoded.size()), &length);
  if (!decoded) fail("RL-SFTP-001", url, "cannot decode the URL's path");
  s.folder_path.assign(decoded, static_cast<std::size_t>(length));
  curl_free(decoded);
}

SftpUploader::~SftpUploader() = default;

std::string SftpUploader::remote_url(std::string_view name) const {
  return impl_->folder_url + std::string(name);
}

std::optional<std::string> SftpUploader::fetch(std::string_view name) {
  if (!plain_name(name)) fail("RL-SFTP-001", std::string(name), "not a plain file name");
  Impl& s = *impl_;
  const std::string url = remote_url(name);
  s.prepare(url);
  std::string body;
  curl_easy_setopt(s.curl, CURLOPT_WRITEFUNCTION, write_callback);
  curl_easy_setopt(s.curl, CURLOPT_WRITEDATA, &body);
  const CURLcode code = curl_easy_perform(s.curl);
  if (code == CURLE_REMOTE_FILE_NOT_FOUND) return std::nullopt;
  if (code != CURLE_OK) s.failed(code, url, "cannot read " + std::string(name) + " on the server");
  return body;
}

void SftpUploader::upload(std::string_view bytes, std::string_view name) {
  if (!plain_name(name)) fail("RL-SFTP-001", std::string(name), "not a plain file name");
  Impl& s = *impl_;
  const std::string temporary = "." + std::string(name) + ".part";
  const std::string url = remote_url(temporary);
  s.prepare(url);
  CurlUpload reader{bytes, 0};
  curl_easy_setopt(s.curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(s.curl, CURLOPT_READFUNCTION, curl_read_upload);
  curl_easy_setopt(s.curl, CURLOPT_READDATA, &reader);
  curl_easy_setopt(s.curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(bytes.size()));
  curl_easy_setopt(s.curl, CURLOPT_FTP_CREATE_MISSING_DIRS, static_cast<long>(CURLFTP_CREATE_DIR));
  curl_easy_setopt(s.curl, CURLOPT_NEW_FILE_PERMS, 0644L);
  // After the transfer, on the same connection: the complete file takes its name.
  const std::string rename =
      "rename " + quoted(s.folder_path + temporary) + " " + quoted(s.folder_path + std::string(name));
  s.postquote = curl_slist_append(nullptr, rename.c_str());
  if (!s.postquote) fail("RL-SFTP-001", url, "out of memory");
  curl_easy_setopt(s.curl, CURLOPT_POSTQUOTE, s.postquote);
  const CURLcode code = curl_easy_perform(s.curl);
  if (code == CURLE_QUOTE_ERROR)
    s.failed(code, url,
             "uploaded as " + temporary + " but it could not be renamed " + std::string(name) +
                 " (a file of that name already there?)");
  if (code != CURLE_OK) s.failed(code, url, "cannot upload " + std::string(name));
}

}  // namespace relance::pipeline::detail
