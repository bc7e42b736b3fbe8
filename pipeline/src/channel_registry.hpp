#pragma once
// Channels by transport name: "spool" (built in, the default of every channel), "smtp", "postal",
// "sftp". [dispatch.channels] says which transport carries each channel of the scenario (email,
// postal, registered, agency); `relance dispatch` makes each transport's channel once per run.
//
// A transport is plugged in with one line in ChannelRegistry::builtin() (channel_registry.cpp):
//   registry.add("smtp", [](const Config& c) { return make_smtp_channel(<settings from c.dispatch.smtp>); });
// Its factory reads what it needs from the configuration (config.hpp: DispatchConfig) and its
// secrets from the environment, and throws (relance::Error, or any std::exception) when it cannot
// make the channel: the run reports it and leaves that transport's messages queued.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "channel.hpp"
#include "config.hpp"
#include "postal_channel.hpp"

namespace relance::pipeline::detail {

using ChannelFactory = std::function<std::unique_ptr<Channel>(const Config& config)>;

class ChannelRegistry {
 public:
  ChannelRegistry() = default;  // empty: tests add their own
  // Every transport this build of relance has: spool, and the others as they are linked in.
  static ChannelRegistry builtin();

  // Adds or replaces a transport.
  void add(std::string transport, ChannelFactory factory);
  bool has(std::string_view transport) const;
  std::vector<std::string> transports() const;
  // Throws relance::Error RL-DISPATCH-001 naming the transport when it is unknown or its factory
  // fails (the factory's message included).
  std::unique_ptr<Channel> make(std::string_view transport, const Config& config) const;

 private:
  std::map<std::string, ChannelFactory, std::less<>> factories_;
};

// [dispatch.postal] as the postal channel takes it (also what relance track asks).
PostalSettings postal_settings(const Config& config);

// The channels of one dispatch run: each transport made on first use and kept until the end of
// the run (an SMTP connection is reused across the batch). Options that weaken security
// ([dispatch.smtp] insecure) are said by the channel that honours them, when it is made.
class ChannelSet {
 public:
  ChannelSet(ChannelRegistry registry, Config config);
  ~ChannelSet();
  ChannelSet(const ChannelSet&) = delete;
  ChannelSet& operator=(const ChannelSet&) = delete;

  // The transport of a message channel per [dispatch.channels]: "spool" unless configured.
  std::string transport_for(std::string_view message_channel) const;
  bool available(std::string_view transport) const { return registry_.has(transport); }
  // Throws relance::Error RL-DISPATCH-001 when the channel cannot be made (again on every call:
  // the first failure is remembered).
  Channel& channel(std::string_view transport);
  // The transport refused us (SendStatus::unusable): closed, and channel() throws from now on.
  void disable(std::string_view transport, const std::string& why);

 private:
  ChannelRegistry registry_;
  Config config_;
  std::map<std::string, std::unique_ptr<Channel>, std::less<>> made_;
  std::map<std::string, std::string, std::less<>> failed_;
};

}  // namespace relance::pipeline::detail
