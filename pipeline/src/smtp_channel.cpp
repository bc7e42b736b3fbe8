#include "smtp_channel.hpp"

#include <curl/curl.h>

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "curl_support.hpp"

namespace relance::pipeline::detail {

namespace {

struct UrlParts {
  std::string scheme;
  std::string host;
  bool has_credentials = false;
};

UrlParts parse_url(const std::string& url) {
  CURLU* handle = curl_url();
  if (!handle) throw std::runtime_error("out of memory");
  UrlParts parts;
  const auto part = [&](CURLUPart which) {
    char* text = nullptr;
    std::string value;
    if (curl_url_get(handle, which, &text, 0) == CURLUE_OK && text) value = text;
    curl_free(text);
    return value;
  };
  // CURLU_NON_SUPPORT_SCHEME: so that "http://..." reaches our own message below
  const CURLUcode rc = curl_url_set(handle, CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc == CURLUE_OK) {
    parts.scheme = part(CURLUPART_SCHEME);
    parts.host = part(CURLUPART_HOST);
    parts.has_credentials = !part(CURLUPART_USER).empty() || !part(CURLUPART_PASSWORD).empty();
  }
  curl_url_cleanup(handle);
  if (rc != CURLUE_OK)
    throw std::invalid_argument("SMTP URL '" + url + "' is not a URL: " + curl_url_strerror(rc));
  return parts;
}

bool is_loopback(std::string_view host) {
  if (host == "localhost" || host == "[::1]" || host == "::1") return true;
  return host.starts_with("127.") && host.find_first_not_of("0123456789.") == std::string_view::npos;
}

// The server's answers, from libcurl's debug stream. Only CURLINFO_HEADER_IN (what the server
// says) is kept: what the client sends, AUTH included, never is.
struct ServerReplies {
  std::string last;     // the latest reply, its lines joined by " | "
  std::string failure;  // the latest complete 4xx or 5xx reply (a QUIT's 221 may follow it)
  bool complete = true;

  void add(std::string_view chunk) {
    while (!chunk.empty()) {
      const std::size_t end = chunk.find('\n');
      std::string_view line = chunk.substr(0, end);
      chunk = end == std::string_view::npos ? std::string_view() : chunk.substr(end + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
      if (line.empty()) continue;
      if (complete) last.clear();
      if (!last.empty()) last += " | ";
      if (last.size() < 1000) last.append(line.substr(0, 1000 - last.size()));
      // "250-..." continues, "250 ..." (or a bare code) ends a reply
      complete = line.size() < 4 || line[3] != '-';
      if (complete && (last[0] == '4' || last[0] == '5')) failure = last;
    }
  }
};

int debug_callback(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type == CURLINFO_HEADER_IN) static_cast<ServerReplies*>(user)->add(std::string_view(data, size));
  return 0;
}

bool transient_curl_error(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_PARTIAL_FILE:
    case CURLE_AGAIN:
    case CURLE_OUT_OF_MEMORY:
      return true;
    default:
      return false;
  }
}

// The server refuses us, not the message: authentication (530 required, 534/538 mechanism or
// encryption, 535 credentials), or the TLS that must protect the login failed verification.
bool refuses_us(CURLcode rc, long code) {
  return code == 530 || code == 534 || code == 535 || code == 538 || rc == CURLE_LOGIN_DENIED ||
         rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_USE_SSL_FAILED || rc == CURLE_SSL_CACERT_BADFILE;
}

class SmtpChannel final : public Channel {
 public:
  explicit SmtpChannel(SmtpSettings settings) : settings_(std::move(settings)) {
    if (!curl_started()) throw std::runtime_error("libcurl could not be initialised");
    curl_ = curl_easy_init();
    if (!curl_) throw std::runtime_error("libcurl could not create a handle");
    const bool smtps = parse_url(settings_.url).scheme == "smtps";
    set(CURLOPT_URL, settings_.url.c_str());
    set(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    set(CURLOPT_USE_SSL, static_cast<long>(smtps || settings_.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    set(CURLOPT_SSL_VERIFYPEER, settings_.insecure ? 0L : 1L);
    set(CURLOPT_SSL_VERIFYHOST, settings_.insecure ? 0L : 2L);
    if (!settings_.user.empty()) {
      set(CURLOPT_USERNAME, settings_.user.c_str());
      set(CURLOPT_PASSWORD, settings_.password.c_str());
    }
    set(CURLOPT_MAIL_FROM, ("<" + settings_.headers.from_address + ">").c_str());
    set(CURLOPT_UPLOAD, 1L);
    set(CURLOPT_READFUNCTION, curl_read_upload);
    set(CURLOPT_READDATA, &upload_);
    set(CURLOPT_ERRORBUFFER, error_);
    set(CURLOPT_VERBOSE, 1L);  // feeds debug_callback, which keeps the server's answers only
    set(CURLOPT_DEBUGFUNCTION, debug_callback);
    set(CURLOPT_DEBUGDATA, &replies_);
    set(CURLOPT_TCP_KEEPALIVE, 1L);
    set(CURLOPT_CONNECTTIMEOUT, settings_.timeout_seconds);
    set(CURLOPT_TIMEOUT, settings_.timeout_seconds);
  }

  ~SmtpChannel() override {
    curl_easy_cleanup(curl_);  // QUIT, then close
    curl_slist_free_all(recipients_);
  }

  SmtpChannel(const SmtpChannel&) = delete;
  SmtpChannel& operator=(const SmtpChannel&) = delete;

  std::string name() const override { return "smtp"; }

  SendResult send(const OutgoingMessage& message) override {
    SendResult result;
    std::string data;
    try {
      data = build_mime_message(message, settings_.headers);
      result.provider_reference = message_id_header(message, settings_.headers);
    } catch (const InvalidMessage& e) {
      result.status = SendStatus::permanent;
      result.detail = e.what();
      return result;
    }

    curl_slist_free_all(recipients_);
    recipients_ = nullptr;
    for (const std::string& to : message.to) {
      curl_slist* grown = curl_slist_append(recipients_, ("<" + to + ">").c_str());
      if (!grown) {
        result.status = SendStatus::transient;
        result.detail = "out of memory";
        return result;
      }
      recipients_ = grown;
    }
    set(CURLOPT_MAIL_RCPT, recipients_);
    upload_ = CurlUpload{data, 0};
    set(CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));
    error_[0] = '\0';
    replies_ = ServerReplies{};

    const CURLcode rc = curl_easy_perform(curl_);
    long code = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &code);
    upload_ = CurlUpload{};

    if (rc == CURLE_OK) {
      result.status = SendStatus::sent;
      result.detail = replies_.last.empty() ? std::to_string(code) : replies_.last;
      return result;
    }
    // The server's refusal decides; libcurl's own code only when the server refused nothing.
    if (replies_.failure.size() >= 3 && std::isdigit(static_cast<unsigned char>(replies_.failure[1])) &&
        std::isdigit(static_cast<unsigned char>(replies_.failure[2])))
      code = std::stol(replies_.failure.substr(0, 3));
    if (refuses_us(rc, code))
      result.status = SendStatus::unusable;
    else if (code >= 400 && code < 500)
      result.status = SendStatus::transient;
    else if (code >= 500 && code < 600)
      result.status = SendStatus::permanent;
    else
      result.status = transient_curl_error(rc) ? SendStatus::transient : SendStatus::permanent;

    const std::string curl_text = error_[0] ? error_ : curl_easy_strerror(rc);
    const std::string curl_part = "curl " + std::to_string(static_cast<int>(rc)) + ": " + curl_text;
    result.detail = replies_.failure.empty() ? curl_part : replies_.failure + " (" + curl_part + ")";
    return result;
  }

 private:
  template <class T>
  void set(CURLoption option, T value) {
    const CURLcode rc = curl_easy_setopt(curl_, option, value);
    if (rc != CURLE_OK)
      throw std::runtime_error(std::string("libcurl option refused: ") + curl_easy_strerror(rc));
  }

  SmtpSettings settings_;
  CURL* curl_ = nullptr;
  curl_slist* recipients_ = nullptr;
  CurlUpload upload_;
  ServerReplies replies_;
  char error_[CURL_ERROR_SIZE] = {};
};

}  // namespace

void read_smtp_credentials_from_environment(SmtpSettings& settings) {
  if (!settings.user.empty() || !settings.password.empty()) return;
  if (const char* user = std::getenv("RELANCE_SMTP_USER")) settings.user = user;
  if (const char* password = std::getenv("RELANCE_SMTP_PASSWORD")) settings.password = password;
}

std::unique_ptr<Channel> make_smtp_channel(const SmtpSettings& settings) {
  const UrlParts url = parse_url(settings.url);
  if (url.scheme != "smtp" && url.scheme != "smtps")
    throw std::invalid_argument("SMTP URL '" + settings.url + "' must start with smtp:// or smtps://");
  if (url.has_credentials)
    throw std::invalid_argument(
        "the SMTP URL must not carry credentials: set RELANCE_SMTP_USER and RELANCE_SMTP_PASSWORD");
  if (url.scheme == "smtp" && !settings.starttls && !is_loopback(url.host))
    throw std::invalid_argument("plain SMTP (starttls = false) is allowed only to a loopback host, not '" +
                                url.host + "'");
  if (!is_valid_email_address(settings.headers.from_address))
    throw std::invalid_argument("invalid sender address '" + settings.headers.from_address + "'");
  if (settings.timeout_seconds <= 0) throw std::invalid_argument("the SMTP timeout must be positive");
  SmtpSettings copy = settings;
  read_smtp_credentials_from_environment(copy);
  if (copy.insecure)
    std::cerr << "relance: WARNING: TLS certificate and host name verification is OFF for " << settings.url
              << " (insecure = true): anyone on the network path can read and change these emails. "
                 "Use this only against a test server.\n";
  return std::make_unique<SmtpChannel>(std::move(copy));
}

}  // namespace relance::pipeline::detail
