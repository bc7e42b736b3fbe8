#include "spool_channel.hpp"

#include <exception>
#include <set>

#include "inputs.hpp"
#include "safe_names.hpp"

namespace relance::pipeline::detail {

namespace {

class SpoolChannel final : public Channel {
 public:
  explicit SpoolChannel(SpoolSettings settings) : settings_(std::move(settings)) {}

  std::string name() const override { return "spool"; }

  SendResult send(const OutgoingMessage& message) override {
    const std::string stem = safe_file_stem(message.id);
    const bool email = message.channel == "email";
    if (email && message.to.empty())
      return {SendStatus::permanent, {}, "no email address for customer " + message.customer_id};
    if (!email && message.postal_address.empty())
      return {SendStatus::permanent, {}, "no postal address for customer " + message.customer_id};
    std::string mime;
    if (email) {
      try {
        mime = build_mime_message(message, settings_.headers);
      } catch (const InvalidMessage& e) {
        return {SendStatus::permanent, {}, std::string("not a valid message: ") + e.what()};
      }
    }
    try {
      // Attachments first, the message last: a message whose .eml/.txt exists is complete.
      std::set<std::string> taken;
      std::string listed;
      for (const Attachment& a : message.attachments) {
        std::string file = safe_file_stem(a.filename);
        for (int n = 2; !taken.insert(file).second; ++n)
          file = safe_file_stem(std::to_string(n) + "-" + a.filename);
        write_output(settings_.folder / stem / file, a.bytes);
        listed += "  " + stem + "/" + file + "\n";
      }
      std::filesystem::path target;
      if (email) {
        target = settings_.folder / (stem + ".eml");
        write_output(target, mime);
      } else {
        std::string envelope = "Message-Id: " + message.id + "\nChannel: " + message.channel +
                               "\nCustomer: " + message.customer_id + "\nLevel: " + message.level + "\nTo:\n";
        for (const auto& line : message.postal_address) envelope += "  " + line + "\n";
        envelope += "Country: " + message.country_code + "\nFiles:\n" + listed;
        target = settings_.folder / (stem + ".txt");
        write_output(target, envelope);
      }
      return {SendStatus::sent, target.string(), "written to " + target.string()};
    } catch (const Error& e) {
      return {SendStatus::transient, {}, e.diagnostic.message + ": " + e.diagnostic.where.source};
    } catch (const std::exception& e) {
      return {SendStatus::transient, {}, std::string("cannot write to the spool: ") + e.what()};
    }
  }

 private:
  SpoolSettings settings_;
};

}  // namespace

MimeHeaders email_headers(const Config& config) {
  MimeHeaders h;
  const SmtpConfig& smtp = config.dispatch.smtp;
  h.from_address = !smtp.from.empty()                    ? smtp.from
                   : !config.company.party.email.empty() ? config.company.party.email
                                                         : std::string("relance@localhost");
  h.from_name = !smtp.from_name.empty() ? smtp.from_name : config.company.party.name;
  h.reply_to = smtp.reply_to;
  return h;
}

SpoolSettings spool_settings(const Config& config) {
  SpoolSettings s;
  s.folder = config.dispatch.spool;
  s.headers = email_headers(config);
  return s;
}

std::unique_ptr<Channel> make_spool_channel(const SpoolSettings& settings) {
  return std::make_unique<SpoolChannel>(settings);
}

}  // namespace relance::pipeline::detail
