// Pingen API v2 (https://www.pingen.com): Swiss/EU hybrid mail, simple and registered letters.
//
// Documentation this client follows (written from it; no SDK code is copied):
//   https://api.pingen.com/documentation                        API reference (JSON:API resources)
//   https://api.pingen.com/documentation#section/Authentication/Use-Client-credentials-grant
//   https://api.pingen.com/documentation#section/Authentication/How-to-obtain-a-Client-ID
//   https://github.com/pingencom/pingen2-sdk-python             official SDK: hosts (pingen2sdk/__init__.py:
//       api.pingen.com, identity.pingen.com, the -staging pair), oauth.py, api_resources/file_upload.py,
//       api_resources/letters.py (endpoints and attribute names)
//   https://github.com/pingencom/pingen2-sdk-js                 official SDK: README (upload, PUT, create
//   with
//       auto_send; 429/5xx retried with the same Idempotency-Key), src/common/enums/delivery-product.ts,
//       src/resources/letters/response.ts (letter attributes), src/resources/file-upload.ts
//
// The calls, in order:
//   POST {identity}/auth/access-tokens   form grant_type=client_credentials, client_id, client_secret
//                                         -> {access_token, expires_in, token_type}; cached until expiry
//   GET  {api}/file-upload                -> data.attributes {url, url_signature, expires_at}
//   PUT  {url}                            the PDF bytes, no Authorization (a pre-signed URL)
//   POST {api}/organisations/{org}/letters   Idempotency-Key: <outbox message id>
//        {"data": {"type": "letters", "attributes": {file_original_name, file_url, file_url_signature,
//         address_position, auto_send: true, delivery_product, print_mode, print_spectrum}}}
//                                         -> 201 data.id (the letter id), data.attributes.status
//   GET  {api}/organisations/{org}/letters/{id}   -> data.attributes.status, tracking_number
// API requests carry Authorization: Bearer, Accept and Content-Type application/vnd.api+json; errors
// come back as JSON:API {"errors": [{code, title, detail, source: {pointer}}]}.
//
// Behaviour: TLS peers and host names are always verified, redirects are not followed, plain http is
// refused except to a loopback test server. 429, 5xx, 408, a 409 on a request with an idempotency key,
// timeouts and connection failures are transient (Retry-After passed on); other 4xx are permanent
// with the API's error detail. An upload is reused for the same idempotency key within this process
// for ten minutes, so that a retried creation carries byte-identical attributes.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "curl_support.hpp"
#include "postal_channel.hpp"

namespace relance::pipeline::detail {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kProductionApi = "https://api.pingen.com";
constexpr const char* kProductionIdentity = "https://identity.pingen.com";
constexpr const char* kStagingApi = "https://api-staging.pingen.com";
constexpr const char* kStagingIdentity = "https://identity-staging.pingen.com";
constexpr const char* kJsonApi = "application/vnd.api+json";
// relance's letters put the recipient in the window of a right-window envelope (letters/src/layout.cpp).
constexpr const char* kAddressPosition = "right";
constexpr const char* kSimpleProduct = "cheap";  // economy mail; "fast" would be priority
constexpr const char* kRegisteredProduct = "registered";
constexpr const char* kPrintMode = "simplex";
constexpr const char* kPrintSpectrum = "grayscale";
constexpr std::size_t kMaxBody = 4u << 20;
constexpr std::chrono::minutes kUploadReuse{10};
constexpr std::chrono::seconds kMaxRetryAfter{3600};

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

std::string trim_slashes(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// Printable, one line, at most `limit` bytes: server text going into the journal.
std::string printable(std::string_view text, std::size_t limit = 300) {
  std::string out;
  for (char c : text) {
    if (out.size() >= limit) {
      out += "...";
      break;
    }
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7F) ? ' ' : c;
  }
  return out;
}

// https anywhere; plain http only to this machine (a test server), never to the Internet.
bool acceptable_url(const std::string& url, std::string& why) {
  CURLU* u = curl_url();
  if (!u) {
    why = "out of memory";
    return false;
  }
  bool ok = false;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    why = "'" + printable(url, 200) + "' is not a URL";
  } else {
    char* scheme = nullptr;
    char* host = nullptr;
    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
    curl_url_get(u, CURLUPART_HOST, &host, 0);
    const std::string s = scheme ? scheme : "";
    const std::string h = host ? host : "";
    if (s == "https") {
      ok = true;
    } else if (s == "http" && (h == "127.0.0.1" || h == "localhost" || h == "[::1]")) {
      ok = true;
    } else {
      why = "'" + printable(url, 200) + "' is neither https nor http to 127.0.0.1";
    }
    curl_free(scheme);
    curl_free(host);
  }
  curl_url_cleanup(u);
  return ok;
}

struct HttpResponse {
  CURLcode code = CURLE_OK;
  std::string error;  // libcurl's explanation when code != CURLE_OK
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::string> headers;
  std::string body;
  bool put_upload = false;  // PUT the body as is: no Content-Type added
};

// One libcurl easy handle, reused (connections and TLS sessions stay open across requests).
class Http {
 public:
  explicit Http(long timeout_seconds) : timeout_(timeout_seconds > 0 ? timeout_seconds : 30) {
    curl_started();  // a failure shows as curl_easy_init failing below
    curl_ = curl_easy_init();
  }
  ~Http() {
    if (curl_) curl_easy_cleanup(curl_);
  }
  Http(const Http&) = delete;
  Http& operator=(const Http&) = delete;

  std::string escape(const std::string& text) {
    if (!curl_) return text;
    char* e = curl_easy_escape(curl_, text.c_str(), static_cast<int>(text.size()));
    std::string out = e ? e : "";
    curl_free(e);
    return out;
  }

  HttpResponse perform(const HttpRequest& req) {
    HttpResponse resp;
    if (!curl_) {
      resp.code = CURLE_FAILED_INIT;
      resp.error = "libcurl could not be initialised";
      return resp;
    }
    curl_easy_reset(curl_);
    char error_buffer[CURL_ERROR_SIZE] = {0};
    Sink sink{&resp};
    CurlUpload source{req.body, 0};
    curl_slist* headers = nullptr;
    for (const auto& h : req.headers) headers = curl_slist_append(headers, h.c_str());
    headers = curl_slist_append(headers, "Expect:");

    curl_easy_setopt(curl_, CURLOPT_URL, req.url.c_str());
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, timeout_);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, std::min(timeout_, 15L));
    curl_easy_setopt(curl_, CURLOPT_USERAGENT, "relance/0.1 (postal: pingen)");
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, &Http::on_body);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, &Http::on_header);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &sink);
    if (req.put_upload) {
      curl_easy_setopt(curl_, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt(curl_, CURLOPT_READFUNCTION, curl_read_upload);
      curl_easy_setopt(curl_, CURLOPT_READDATA, &source);
      curl_easy_setopt(curl_, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    } else if (req.method == "POST") {
      curl_easy_setopt(curl_, CURLOPT_POST, 1L);
      curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
      curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, req.body.c_str());
    } else if (req.method != "GET") {
      curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, req.method.c_str());
    }

    resp.code = curl_easy_perform(curl_);
    if (resp.code != CURLE_OK) {
      resp.error = error_buffer[0] ? error_buffer : curl_easy_strerror(resp.code);
    }
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &resp.status);
    curl_slist_free_all(headers);
    // Nothing of this request (the client secret in a token request's body) stays in the handle.
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, nullptr);
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, nullptr);
    return resp;
  }

 private:
  struct Sink {
    HttpResponse* resp;
  };

  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const std::size_t n = size * count;
    if (sink->resp->body.size() + n > kMaxBody) return 0;  // aborts the transfer
    sink->resp->body.append(data, n);
    return n;
  }

  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const std::size_t n = size * count;
    std::string line(data, n);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
    if (line.rfind("HTTP/", 0) == 0) {
      sink->resp->headers.clear();  // a new response (after 100 Continue)
    } else if (auto colon = line.find(':'); colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::string value = line.substr(colon + 1);
      const auto first = value.find_first_not_of(" \t");
      value = first == std::string::npos ? std::string() : value.substr(first);
      sink->resp->headers[name] = value;
    }
    return n;
  }

  CURL* curl_ = nullptr;
  long timeout_;
};

// A step of a call that did not work, thrown inside the provider and turned into a result at its
// surface (the provider itself never throws).
struct CallFailed {
  SendStatus status;
  std::string detail;
  std::chrono::seconds retry_after{0};
};

std::chrono::seconds parse_retry_after(const std::string& value) {
  if (value.empty()) return std::chrono::seconds{0};
  std::chrono::seconds wait{0};
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    wait = std::chrono::seconds{value.size() > 6 ? kMaxRetryAfter.count() : std::stol(value)};
  } else {
    const time_t when = curl_getdate(value.c_str(), nullptr);  // an HTTP-date
    if (when == -1) return std::chrono::seconds{0};
    const auto delta = static_cast<long>(std::difftime(when, std::time(nullptr)));
    wait = std::chrono::seconds{std::max(delta, 1L)};
  }
  return std::min(wait, kMaxRetryAfter);
}

std::string pointer_of(const json& error) {
  if (!error.contains("source") || !error["source"].is_object()) return {};
  const auto& src = error["source"];
  if (src.contains("pointer") && src["pointer"].is_string()) return src["pointer"].get<std::string>();
  if (src.contains("parameter") && src["parameter"].is_string()) return src["parameter"].get<std::string>();
  return {};
}

std::string string_field(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return {};
  return object[key].get<std::string>();
}

// What the server said, in a line: JSON:API errors, an OAuth error, or the start of the body.
std::string server_explanation(const std::string& body) {
  const json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return printable(body);
  std::string out;
  if (doc.contains("errors") && doc["errors"].is_array()) {
    for (const auto& e : doc["errors"]) {
      std::string one = string_field(e, "title");
      const std::string detail = string_field(e, "detail");
      if (!detail.empty() && detail != one) one += one.empty() ? detail : ": " + detail;
      const std::string code = string_field(e, "code");
      if (!code.empty() && one.find(code) == std::string::npos) one += " [" + code + "]";
      const std::string pointer = pointer_of(e);
      if (!pointer.empty()) one += " (" + pointer + ")";
      if (!out.empty()) out += "; ";
      out += one;
    }
  }
  for (const char* key : {"error_description", "message", "error"}) {
    if (out.empty()) out = string_field(doc, key);
  }
  return printable(out.empty() ? body : out, 600);
}

bool network_error(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_AGAIN:
      return true;
    default:
      return false;
  }
}

CallFailed failure_of(const HttpResponse& r, const std::string& what, bool idempotent) {
  if (r.code != CURLE_OK) {
    const bool timeout = r.code == CURLE_OPERATION_TIMEDOUT;
    return {network_error(r.code) ? SendStatus::transient : SendStatus::permanent,
            "Pingen " + what + ": " + (timeout ? "timed out: " : "") + printable(r.error)};
  }
  const long s = r.status;
  std::string detail = "Pingen " + what + ": HTTP " + std::to_string(s);
  const std::string said = server_explanation(r.body);
  if (!said.empty()) detail += ": " + said;
  const bool transient = s == 408 || s == 429 || s >= 500 || (s == 409 && idempotent);
  if (!transient) {
    if (s >= 300 && s < 400)
      detail += " (redirect to '" + printable(r.header("location"), 200) + "' not followed)";
    return {SendStatus::permanent, detail};
  }
  const auto wait = parse_retry_after(r.header("retry-after"));
  if (wait.count() > 0) detail += "; retry after " + std::to_string(wait.count()) + " s";
  return {SendStatus::transient, detail, wait};
}

PostalStage stage_of(const std::string& state) {
  static const std::map<std::string, PostalStage> stages = {
      {"validating", PostalStage::in_progress},
      {"valid", PostalStage::in_progress},
      {"submitted", PostalStage::in_progress},
      {"accepted", PostalStage::in_progress},
      {"printing", PostalStage::in_progress},
      {"processing", PostalStage::in_progress},
      {"transferring", PostalStage::in_progress},
      {"inspection", PostalStage::in_progress},
      {"fixing", PostalStage::in_progress},
      {"cancelling", PostalStage::in_progress},
      {"action_required", PostalStage::action_required},
      {"awaiting_credits", PostalStage::action_required},
      {"invalid", PostalStage::action_required},
      {"unprintable", PostalStage::action_required},
      {"sent", PostalStage::sent},
      {"delivered", PostalStage::delivered},
      {"undeliverable", PostalStage::failed},
      {"cancelled", PostalStage::failed},
      {"rejected", PostalStage::failed},
      {"expired", PostalStage::failed},
  };
  auto it = stages.find(state);
  return it == stages.end() ? PostalStage::unknown : it->second;
}

class PingenProvider final : public PostalProvider {
 public:
  explicit PingenProvider(const PostalSettings& settings)
      : http_(settings.timeout_seconds),
        client_id_(env("RELANCE_POSTAL_CLIENT_ID")),
        client_secret_(env("RELANCE_POSTAL_CLIENT_SECRET")),
        organisation_(env("RELANCE_POSTAL_ORGANISATION")) {
    api_ = trim_slashes(!settings.base_url.empty() ? settings.base_url : env("RELANCE_POSTAL_URL"));
    if (api_.empty()) api_ = kProductionApi;
    identity_ = trim_slashes(settings.identity_url);
    if (identity_.empty()) {
      if (api_ == kProductionApi) {
        identity_ = kProductionIdentity;
      } else if (api_ == kStagingApi) {
        identity_ = kStagingIdentity;
      } else {
        identity_ = api_;  // a proxy or test server answering both
      }
    }
  }

  std::string name() const override { return "pingen"; }

  PostalResult submit(const PostalLetter& letter) override {
    try {
      ready();
      if (letter.idempotency_key.empty()) {
        throw CallFailed{SendStatus::permanent, "Pingen: a letter needs an idempotency key (the message id)"};
      }
      if (letter.pdf.rfind("%PDF-", 0) != 0) {
        throw CallFailed{SendStatus::permanent, "Pingen: the letter is not a PDF"};
      }
      const Upload upload = upload_for(letter);
      std::string file_name = letter.file_name.empty() ? letter.idempotency_key : letter.file_name;
      if (file_name.size() < 4 || file_name.compare(file_name.size() - 4, 4, ".pdf") != 0)
        file_name += ".pdf";
      const json body = {{"data",
                          {{"type", "letters"},
                           {"attributes",
                            {{"file_original_name", file_name},
                             {"file_url", upload.url},
                             {"file_url_signature", upload.signature},
                             {"address_position", kAddressPosition},
                             {"auto_send", true},
                             {"delivery_product", letter.registered ? kRegisteredProduct : kSimpleProduct},
                             {"print_mode", kPrintMode},
                             {"print_spectrum", kPrintSpectrum}}}}}};
      HttpResponse resp;
      try {
        resp = api("POST", "/organisations/" + http_.escape(organisation_) + "/letters", body.dump(),
                   letter.idempotency_key, "create letter");
      } catch (const CallFailed& f) {
        // In doubt (transient): keep the upload so the retry's body is the same. Refused: forget it.
        if (f.status == SendStatus::permanent) uploads_.erase(letter.idempotency_key);
        throw;
      }
      uploads_.erase(letter.idempotency_key);
      const json doc = json::parse(resp.body, nullptr, false);
      const json data = doc.is_object() && doc.contains("data") ? doc["data"] : json();
      const std::string id = string_field(data, "id");
      if (id.empty()) {
        // Created or not, we cannot tell which letter: retrying with the same key will say.
        throw CallFailed{SendStatus::transient, "Pingen create letter: HTTP " + std::to_string(resp.status) +
                                                    " without a letter id: " + printable(resp.body)};
      }
      const json attributes = data.contains("attributes") ? data["attributes"] : json();
      std::string detail = "Pingen letter " + id + " (" +
                           (letter.registered ? std::string("registered") : std::string("simple")) +
                           ", status " + string_field(attributes, "status") + ")";
      const std::string replay = resp.header("idempotent-replayed");
      if (!replay.empty() && replay != "false") detail += ", already created by an earlier attempt";
      return {{SendStatus::sent, id, detail}, std::chrono::seconds{0}};
    } catch (const CallFailed& f) {
      return {{f.status, "", f.detail}, f.retry_after};
    }
  }

  PostalStatus status(const std::string& reference) override {
    PostalStatus out;
    out.provider_reference = reference;
    try {
      ready();
      if (reference.empty()) throw CallFailed{SendStatus::permanent, "Pingen: no letter id to look up"};
      const HttpResponse resp =
          api("GET", "/organisations/" + http_.escape(organisation_) + "/letters/" + http_.escape(reference),
              "", "", "letter status");
      const json doc = json::parse(resp.body, nullptr, false);
      const json data = doc.is_object() && doc.contains("data") ? doc["data"] : json();
      const json attributes = data.is_object() && data.contains("attributes") ? data["attributes"] : json();
      out.provider_state = string_field(attributes, "status");
      if (out.provider_state.empty()) {
        throw CallFailed{SendStatus::transient,
                         "Pingen letter status: no status in the answer: " + printable(resp.body)};
      }
      out.stage = stage_of(out.provider_state);
      out.tracking_number = string_field(attributes, "tracking_number");
      out.status = SendStatus::sent;
      out.detail = "Pingen letter " + reference + ": " + out.provider_state;
      if (!out.tracking_number.empty()) out.detail += " (tracking " + out.tracking_number + ")";
    } catch (const CallFailed& f) {
      out.status = f.status;
      out.detail = f.detail;
      out.retry_after = f.retry_after;
    }
    return out;
  }

 private:
  struct Upload {
    std::string url;
    std::string signature;
    Clock::time_point fetched;
  };

  void ready() {
    std::vector<std::string> missing;
    if (client_id_.empty()) missing.emplace_back("RELANCE_POSTAL_CLIENT_ID");
    if (client_secret_.empty()) missing.emplace_back("RELANCE_POSTAL_CLIENT_SECRET");
    if (organisation_.empty()) missing.emplace_back("RELANCE_POSTAL_ORGANISATION");
    if (!missing.empty()) {
      std::string list;
      for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
      throw CallFailed{
          SendStatus::unusable,
          "Pingen credentials missing: set RELANCE_POSTAL_CLIENT_ID, RELANCE_POSTAL_CLIENT_SECRET "
          "and RELANCE_POSTAL_ORGANISATION in the environment (unset: " +
              list + ")"};
    }
    std::string why;
    if (!acceptable_url(api_, why)) {
      throw CallFailed{SendStatus::unusable, "Pingen API URL (base_url or RELANCE_POSTAL_URL): " + why};
    }
    if (!acceptable_url(identity_, why)) {
      throw CallFailed{SendStatus::unusable, "Pingen identity URL: " + why};
    }
  }

  const std::string& token() {
    if (!token_.empty() && Clock::now() < token_expiry_) return token_;
    token_.clear();
    HttpRequest req;
    req.method = "POST";
    req.url = identity_ + "/auth/access-tokens";
    req.headers = {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"};
    req.body = "grant_type=client_credentials&client_id=" + http_.escape(client_id_) +
               "&client_secret=" + http_.escape(client_secret_);
    const HttpResponse resp = http_.perform(req);
    req.body.assign(req.body.size(), '\0');
    if (resp.code != CURLE_OK || resp.status < 200 || resp.status >= 300) {
      CallFailed f = failure_of(resp, "access token", false);
      if (resp.code == CURLE_OK && (resp.status == 400 || resp.status == 401)) {
        f.status = SendStatus::unusable;
        f.detail += " (check RELANCE_POSTAL_CLIENT_ID and RELANCE_POSTAL_CLIENT_SECRET)";
      }
      throw f;
    }
    const json doc = json::parse(resp.body, nullptr, false);
    const std::string value = string_field(doc, "access_token");
    if (value.empty()) {
      throw CallFailed{SendStatus::transient, "Pingen access token: no access_token in the answer"};
    }
    long lifetime = 3600;
    if (doc.contains("expires_in") && doc["expires_in"].is_number()) {
      lifetime = doc["expires_in"].get<long>();
    } else if (doc.contains("expires_in") && doc["expires_in"].is_string()) {
      lifetime = std::strtol(doc["expires_in"].get<std::string>().c_str(), nullptr, 10);
    }
    // Renewed a minute early, so that a token never expires between our check and the server's.
    const long margin = lifetime > 120 ? 60 : lifetime / 2;
    token_ = value;
    token_expiry_ = Clock::now() + std::chrono::seconds{lifetime - margin};
    return token_;
  }

  // One API request with the bearer token; a 401 renews the token once. Returns a 2xx response or
  // throws CallFailed.
  HttpResponse api(const std::string& method, const std::string& path, const std::string& body,
                   const std::string& idempotency_key, const std::string& what) {
    for (int attempt = 0;; ++attempt) {
      HttpRequest req;
      req.method = method;
      req.url = api_ + path;
      req.headers = {"Authorization: Bearer " + token(), std::string("Accept: ") + kJsonApi};
      if (!body.empty()) req.headers.push_back(std::string("Content-Type: ") + kJsonApi);
      if (!idempotency_key.empty()) req.headers.push_back("Idempotency-Key: " + idempotency_key);
      req.body = body;
      HttpResponse resp = http_.perform(req);
      if (resp.code == CURLE_OK && resp.status >= 200 && resp.status < 300) return resp;
      if (resp.code == CURLE_OK && resp.status == 401 && attempt == 0) {
        token_.clear();  // revoked or expired early: one new token, one more try
        continue;
      }
      CallFailed f = failure_of(resp, what, !idempotency_key.empty());
      if (resp.code == CURLE_OK && resp.status == 401) {
        f.status = SendStatus::unusable;
        f.detail += " (the token was refused twice: check the API client's scopes)";
      }
      throw f;
    }
  }

  Upload upload_for(const PostalLetter& letter) {
    const auto now = Clock::now();
    for (auto it = uploads_.begin(); it != uploads_.end();) {
      it = now - it->second.fetched > kUploadReuse ? uploads_.erase(it) : std::next(it);
    }
    if (auto it = uploads_.find(letter.idempotency_key); it != uploads_.end()) return it->second;

    const HttpResponse resp = api("GET", "/file-upload", "", "", "file upload");
    const json doc = json::parse(resp.body, nullptr, false);
    const json data = doc.is_object() && doc.contains("data") ? doc["data"] : json();
    const json attributes = data.is_object() && data.contains("attributes") ? data["attributes"] : json();
    Upload up{string_field(attributes, "url"), string_field(attributes, "url_signature"), now};
    if (up.url.empty() || up.signature.empty()) {
      throw CallFailed{SendStatus::transient,
                       "Pingen file upload: no url or url_signature in the answer: " + printable(resp.body)};
    }
    std::string why;
    if (!acceptable_url(up.url, why)) throw CallFailed{SendStatus::permanent, "Pingen file upload: " + why};

    HttpRequest put;
    put.method = "PUT";
    put.url = up.url;
    put.body = letter.pdf;
    put.put_upload = true;  // a pre-signed URL: no bearer token, no content type
    const HttpResponse stored = http_.perform(put);
    if (stored.code != CURLE_OK || stored.status < 200 || stored.status >= 300) {
      throw failure_of(stored, "PDF upload", false);
    }
    uploads_[letter.idempotency_key] = up;
    return up;
  }

  Http http_;
  std::string client_id_;
  std::string client_secret_;
  std::string organisation_;
  std::string api_;
  std::string identity_;
  std::string token_;
  Clock::time_point token_expiry_{};
  std::map<std::string, Upload> uploads_;  // by idempotency key
};

}  // namespace

std::unique_ptr<PostalProvider> make_pingen_provider(const PostalSettings& settings) {
  return std::make_unique<PingenProvider>(settings);
}

}  // namespace relance::pipeline::detail
