// The postal channel: an OutgoingMessage becomes a PostalLetter for the configured provider. The
// channel also honours the provider's Retry-After: until the time it named has passed, the channel
// answers "transient" without calling the provider again.
#include "postal_channel.hpp"

#include <stdexcept>

namespace relance::pipeline::detail {

namespace {

using Clock = std::chrono::steady_clock;

std::string waiting_detail(const std::string& provider, Clock::time_point until) {
  const auto left = std::chrono::ceil<std::chrono::seconds>(until - Clock::now());
  return provider + " asked to wait (Retry-After): not contacted, " + std::to_string(left.count()) +
         " s left";
}

class PostalChannel final : public Channel {
 public:
  PostalChannel(const PostalSettings& settings, std::unique_ptr<PostalProvider> provider)
      : settings_(settings), provider_(std::move(provider)) {}

  std::string name() const override { return "postal"; }

  SendResult send(const OutgoingMessage& message) override {
    if (message.channel != "postal" && message.channel != "registered") {
      return {SendStatus::permanent, "",
              "the postal channel cannot send a '" + message.channel + "' message"};
    }
    const Attachment* pdf = nullptr;
    for (const auto& a : message.attachments) {
      if (a.content_type == "application/pdf") {
        pdf = &a;
        break;
      }
    }
    if (!pdf) return {SendStatus::permanent, "", "message " + message.id + " has no PDF letter to post"};
    if (message.postal_address.empty()) {
      return {SendStatus::permanent, "", "message " + message.id + " has no postal address"};
    }
    if (Clock::now() < not_before_)
      return {SendStatus::transient, "", waiting_detail(provider_->name(), not_before_)};

    PostalLetter letter;
    letter.idempotency_key = message.id;
    letter.file_name = pdf->filename;
    letter.pdf = pdf->bytes;
    letter.address = message.postal_address;
    letter.country_code = message.country_code;
    letter.registered = settings_.registered || message.channel == "registered";
    PostalResult r = provider_->submit(letter);
    if (r.retry_after.count() > 0) not_before_ = Clock::now() + r.retry_after;
    return r.result;
  }

  PostalStatus status(const std::string& reference) {
    if (Clock::now() < not_before_) {
      PostalStatus s;
      s.status = SendStatus::transient;
      s.provider_reference = reference;
      s.detail = waiting_detail(provider_->name(), not_before_);
      return s;
    }
    PostalStatus s = provider_->status(reference);
    if (s.retry_after.count() > 0) not_before_ = Clock::now() + s.retry_after;
    return s;
  }

 private:
  PostalSettings settings_;
  std::unique_ptr<PostalProvider> provider_;
  Clock::time_point not_before_{};
};

}  // namespace

const char* to_string(PostalStage stage) {
  switch (stage) {
    case PostalStage::in_progress:
      return "in_progress";
    case PostalStage::action_required:
      return "action_required";
    case PostalStage::sent:
      return "sent";
    case PostalStage::delivered:
      return "delivered";
    case PostalStage::failed:
      return "failed";
    case PostalStage::unknown:
      break;
  }
  return "unknown";
}

std::unique_ptr<PostalProvider> make_postal_provider(const PostalSettings& settings) {
  if (settings.provider.empty() || settings.provider == "pingen") return make_pingen_provider(settings);
  throw std::invalid_argument("unknown postal provider '" + settings.provider + "' (known: pingen)");
}

std::unique_ptr<Channel> make_postal_channel(const PostalSettings& settings) {
  return std::make_unique<PostalChannel>(settings, make_postal_provider(settings));
}

PostalStatus postal_status(Channel& postal_channel, const std::string& provider_reference) {
  if (auto* channel = dynamic_cast<PostalChannel*>(&postal_channel))
    return channel->status(provider_reference);
  PostalStatus s;
  s.provider_reference = provider_reference;
  s.detail = "the '" + postal_channel.name() + "' channel does not track postal letters";
  return s;
}

std::vector<PostalStatus> postal_status(const PostalSettings& settings,
                                        const std::vector<std::string>& provider_references) {
  PostalChannel channel(settings, make_postal_provider(settings));
  std::vector<PostalStatus> out;
  out.reserve(provider_references.size());
  for (const auto& reference : provider_references) out.push_back(channel.status(reference));
  return out;
}

}  // namespace relance::pipeline::detail
