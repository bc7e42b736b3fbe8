#pragma once
// The postal channel: letters printed and posted by a hybrid-mail provider through its HTTPS API.
// The channel (postal_channel.cpp) knows nothing of any provider; each provider is one
// PostalProvider implementation in its own file (postal_pingen.cpp: Pingen API v2), chosen by
// PostalSettings::provider. A second provider is one new file plus one line in
// make_postal_provider.
//
// Secrets come from the environment only, never from the configuration:
//   RELANCE_POSTAL_CLIENT_ID, RELANCE_POSTAL_CLIENT_SECRET, RELANCE_POSTAL_ORGANISATION
// and the API's base URL from the configuration (PostalSettings::base_url) or RELANCE_POSTAL_URL.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "channel.hpp"

namespace relance::pipeline::detail {

struct PostalSettings {
  std::string provider = "pingen";
  std::string base_url;       // empty: RELANCE_POSTAL_URL, else the provider's production API
  std::string identity_url;   // OAuth token server; empty: derived from base_url
  long timeout_seconds = 30;  // per HTTP request (connect + transfer)
  bool registered = false;    // every letter of this channel registered, not only "registered" messages
};

// One letter as a provider receives it.
struct PostalLetter {
  std::string idempotency_key;       // the outbox message id: the same key never makes a second letter
  std::string file_name;             // shown in the provider's web interface
  std::string pdf;                   // the letter, exactly as printed (the address in the envelope window)
  std::vector<std::string> address;  // recipient's address lines, first the name
  std::string country_code;          // ISO 3166-1 alpha-2
  bool registered = false;           // registered letter rather than a simple one
};

// Where a letter is, in words every provider can be mapped to.
enum class PostalStage {
  unknown,          // the provider's state is not one relance knows
  in_progress,      // received, being validated, printed or handed over
  action_required,  // held at the provider until someone acts (address unreadable, no credit, ...)
  sent,             // handed to the postal operator
  delivered,        // delivered (registered letters: signed for)
  failed,           // will not arrive: cancelled, rejected, undeliverable, expired
};

const char* to_string(PostalStage stage);

struct PostalStatus {
  // Whether the provider could be asked: sent = the fields below are the provider's answer;
  // transient / permanent as for a send (detail says why).
  SendStatus status = SendStatus::permanent;
  std::string provider_reference;
  std::string provider_state;  // the provider's own word ("submitted", "sent", ...)
  PostalStage stage = PostalStage::unknown;
  std::string tracking_number;  // registered letters, once the postal operator assigned one
  std::string detail;
  std::chrono::seconds retry_after{0};  // as in PostalResult
};

// The result of one call to a provider: a SendResult, plus how long the provider asked us to
// wait (HTTP Retry-After on a 429 or 5xx) before trying again; zero when it did not say.
struct PostalResult {
  SendResult result;
  std::chrono::seconds retry_after{0};
};

// One hybrid-mail provider's API. Never throws for a delivery failure: failures are results.
// An instance keeps its OAuth token and connection between calls; use one per thread.
class PostalProvider {
 public:
  virtual ~PostalProvider() = default;
  virtual std::string name() const = 0;
  // Creates and releases one letter. sent: provider_reference is the provider's letter id.
  // Submitting the same idempotency key again (a retry after a timeout or a crash) returns the
  // letter the first submission created instead of creating another.
  virtual PostalResult submit(const PostalLetter& letter) = 0;
  virtual PostalStatus status(const std::string& provider_reference) = 0;
};

// The provider PostalSettings::provider names ("pingen"); throws std::invalid_argument for an
// unknown name.
std::unique_ptr<PostalProvider> make_postal_provider(const PostalSettings& settings);
// Pingen API v2 (postal_pingen.cpp).
std::unique_ptr<PostalProvider> make_pingen_provider(const PostalSettings& settings);

// The "postal" channel: sends messages whose channel is "postal" or "registered" (registered
// letters; every letter when PostalSettings::registered), the first PDF attachment being the
// letter. The message id is the idempotency key. Throws std::invalid_argument for an unknown
// provider.
std::unique_ptr<Channel> make_postal_channel(const PostalSettings& settings);

// Polling: where the letters the provider references name are now.
// Through a channel made by make_postal_channel (its token and connection are reused); any
// other channel gives a permanent status.
PostalStatus postal_status(Channel& postal_channel, const std::string& provider_reference);
// With a provider of its own, one token for the whole list.
std::vector<PostalStatus> postal_status(const PostalSettings& settings,
                                        const std::vector<std::string>& provider_references);

}  // namespace relance::pipeline::detail
