#pragma once
// Delivery channels behind one interface: the spool folder (default), SMTP email, a hybrid-mail
// postal API, and the agency's SFTP server. libcurl appears only in the channel implementations.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace relance::pipeline::detail {

struct Attachment {
  std::string filename;  // as the recipient sees it: "reminder_1-FA-2026-0042.pdf"
  std::string content_type = "application/pdf";
  std::string bytes;
};

// One message of the outbox, ready to go. `id` is stable from the moment the message is queued
// (the journal's key, the SMTP Message-ID's left part, the postal API's idempotency key), so a
// message sent twice after a crash is recognisably the same message.
struct OutgoingMessage {
  std::string id;
  std::string channel;  // "spool", "email", "postal", "registered", "agency"
  std::string customer_id;
  std::string level;
  // Email
  std::vector<std::string> to;  // addresses only, already validated
  std::string to_name;          // display name (encoded per RFC 2047 when sent)
  std::string subject;
  std::string text_body;
  std::string html_body;
  // Postal: the recipient's postal address lines, first line the name
  std::vector<std::string> postal_address;
  std::string country_code;
  std::vector<Attachment> attachments;  // the letter PDF first, then the statement
};

enum class SendStatus {
  sent,       // the server took it; provider_reference says how to find it
  transient,  // try again later (SMTP 4xx, HTTP 429/5xx, timeout, refused connection)
  permanent,  // will never work as it is (SMTP 5xx, HTTP 4xx): reported, not retried
  // Nothing can go through this channel now, whatever the message: our login or credentials
  // refused, the server's certificate rejected, the channel misconfigured. Nothing was handed
  // over: the message stays queued as it was (no attempt counted) and the run stops using the
  // channel, so that a wrong password does not fail a whole batch for good.
  unusable,
};

struct SendResult {
  SendStatus status = SendStatus::permanent;
  std::string provider_reference;  // SMTP queue id / Message-ID, postal letter id, SFTP path
  std::string detail;              // the server's answer, for the journal and the user
};

class Channel {
 public:
  virtual ~Channel() = default;
  virtual std::string name() const = 0;
  // Sends one message. Never throws for a delivery failure: that is a SendResult.
  virtual SendResult send(const OutgoingMessage& message) = 0;
};

}  // namespace relance::pipeline::detail
