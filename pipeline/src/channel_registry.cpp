#include "channel_registry.hpp"

#include <cstdlib>
#include <exception>

#include "postal_channel.hpp"
#include "smtp_channel.hpp"
#include "spool_channel.hpp"

namespace relance::pipeline::detail {

namespace {

[[noreturn]] void channel_error(std::string_view transport, const std::string& message) {
  throw Error(Diagnostic{"RL-DISPATCH-001",
                         Severity::fatal,
                         Location{"[dispatch] " + std::string(transport), {}, 0, 0},
                         message,
                         {}});
}

}  // namespace

ChannelRegistry ChannelRegistry::builtin() {
  ChannelRegistry registry;
  registry.add("spool", [](const Config& config) { return make_spool_channel(spool_settings(config)); });
  registry.add("smtp", [](const Config& c) {
    SmtpSettings settings;
    settings.url = c.dispatch.smtp.url;
    if (settings.url.empty())
      if (const char* env = std::getenv("RELANCE_SMTP_URL"); env != nullptr) settings.url = env;
    if (settings.url.empty())
      channel_error("smtp", "no SMTP server: set [dispatch.smtp] url or RELANCE_SMTP_URL (smtp://host:587)");
    settings.starttls = c.dispatch.smtp.starttls;
    settings.insecure = c.dispatch.smtp.insecure;
    settings.headers = email_headers(c);  // the same sender as the spool's
    return make_smtp_channel(settings);   // credentials: RELANCE_SMTP_USER / RELANCE_SMTP_PASSWORD
  });
  registry.add("postal", [](const Config& c) { return make_postal_channel(postal_settings(c)); });
  return registry;
}

void ChannelRegistry::add(std::string transport, ChannelFactory factory) {
  factories_[std::move(transport)] = std::move(factory);
}

bool ChannelRegistry::has(std::string_view transport) const {
  return factories_.find(transport) != factories_.end();
}

std::vector<std::string> ChannelRegistry::transports() const {
  std::vector<std::string> out;
  for (const auto& [name, factory] : factories_) out.push_back(name);
  return out;
}

std::unique_ptr<Channel> ChannelRegistry::make(std::string_view transport, const Config& config) const {
  const auto it = factories_.find(transport);
  if (it == factories_.end()) {
    std::string known;
    for (const auto& name : transports()) known += (known.empty() ? "" : ", ") + name;
    channel_error(transport, "the '" + std::string(transport) +
                                 "' transport is not available in this build of relance (available: " +
                                 known + "); change [dispatch.channels]");
  }
  std::unique_ptr<Channel> channel;
  try {
    channel = it->second(config);
  } catch (const Error& e) {
    channel_error(transport,
                  "cannot set up the '" + std::string(transport) + "' channel: " + e.diagnostic.message);
  } catch (const std::exception& e) {
    channel_error(transport, "cannot set up the '" + std::string(transport) + "' channel: " + e.what());
  }
  if (!channel) channel_error(transport, "cannot set up the '" + std::string(transport) + "' channel");
  return channel;
}

PostalSettings postal_settings(const Config& config) {
  PostalSettings settings;
  settings.base_url = config.dispatch.postal.url;  // empty: RELANCE_POSTAL_URL, else the provider's
  if (!config.dispatch.postal.provider.empty()) settings.provider = config.dispatch.postal.provider;
  return settings;
}

ChannelSet::ChannelSet(ChannelRegistry registry, Config config)
    : registry_(std::move(registry)), config_(std::move(config)) {}

ChannelSet::~ChannelSet() = default;

std::string ChannelSet::transport_for(std::string_view message_channel) const {
  const auto it = config_.dispatch.channels.find(std::string(message_channel));
  return it == config_.dispatch.channels.end() ? std::string("spool") : it->second;
}

Channel& ChannelSet::channel(std::string_view transport) {
  if (const auto it = made_.find(transport); it != made_.end()) return *it->second;
  if (const auto it = failed_.find(transport); it != failed_.end()) channel_error(transport, it->second);
  try {
    auto made = registry_.make(transport, config_);
    Channel& ref = *made;
    made_.emplace(std::string(transport), std::move(made));
    return ref;
  } catch (const Error& e) {
    failed_.emplace(std::string(transport), e.diagnostic.message);
    throw;
  }
}

void ChannelSet::disable(std::string_view transport, const std::string& why) {
  if (const auto it = made_.find(transport); it != made_.end()) made_.erase(it);
  failed_.insert_or_assign(std::string(transport), why);
}

}  // namespace relance::pipeline::detail
