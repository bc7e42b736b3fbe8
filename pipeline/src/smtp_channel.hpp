#pragma once
// The `smtp` channel: each message built by build_mime_message() and sent with libcurl (SMTP with
// STARTTLS, or SMTPS), one connection reused for the whole batch.
//
// Security:
// - TLS is required: an smtp:// URL needs the server's STARTTLS (CURLUSESSL_ALL: a server that
//   does not offer it is a permanent failure, nothing is sent in clear), smtps:// is TLS from the
//   first byte. Certificates and host names are verified against the system's CA store.
// - `starttls = false` sends in clear and is accepted only for a loopback host (127.0.0.0/8,
//   ::1, localhost): the tests' local server. make_smtp_channel refuses it for any other host.
// - `insecure = true` skips certificate and host name verification (a test server with a
//   self-signed certificate); make_smtp_channel writes a warning to standard error saying so.
// - AUTH credentials come from the environment only (RELANCE_SMTP_USER, RELANCE_SMTP_PASSWORD):
//   a URL carrying `user:password@` is refused, and neither the password nor the AUTH exchange
//   ever appears in a SendResult or on standard error.
#include <memory>
#include <string>

#include "channel.hpp"
#include "mime.hpp"

namespace relance::pipeline::detail {

struct SmtpSettings {
  std::string url;            // smtp://host[:port] (STARTTLS, default port 25/587) or smtps://host[:port]
  bool starttls = true;       // smtp:// only: false = plain SMTP, loopback hosts only (see above)
  std::string user;           // AUTH; empty: read from RELANCE_SMTP_USER / RELANCE_SMTP_PASSWORD
  std::string password;       // never logged, never in a result
  MimeHeaders headers;        // From, Reply-To, Message-ID domain (and a fixed Date in tests)
  bool insecure = false;      // skips TLS verification; loudly warned about
  long timeout_seconds = 30;  // connection and whole-transfer limit for one message
};

// Fills user and password from RELANCE_SMTP_USER and RELANCE_SMTP_PASSWORD when both are empty in
// `settings` (make_smtp_channel does it too). Unset variables leave them empty: no AUTH.
void read_smtp_credentials_from_environment(SmtpSettings& settings);

// A channel named "smtp". One libcurl easy handle for the channel's life: the SMTP connection
// (and its TLS session) stays open between messages and is reused; after a failure libcurl opens a
// new one. Not thread-safe: one channel per thread.
//
// send():
// - the message is built by build_mime_message(); an invalid address or a message without a
//   recipient is `permanent` and nothing is sent;
// - MAIL FROM is headers.from_address, RCPT TO each address of message.to;
// - `sent`: provider_reference is the Message-ID (`<id@domain>`, the same for every attempt of
//   the message), detail the server's final answer ("250 2.0.0 Ok: queued as ...");
// - `transient`: a 4xx answer (to MAIL, RCPT, DATA or the end of data), a timeout, a refused or
//   dropped connection, a name that does not resolve, a TLS handshake that failed;
// - `permanent`: a 5xx answer, a failed login, a server that does not offer STARTTLS, a
//   certificate that does not verify, and anything else libcurl reports;
// - detail, on failure: the server's last answer (code and text) when there was one, then
//   libcurl's message, e.g. "451 4.3.0 Try again later (curl 8: DATA failed: 451)".
//
// Throws std::invalid_argument for settings that cannot work: a URL that is not smtp:// or
// smtps://, credentials in the URL, plain SMTP to a non-loopback host, an invalid From address.
std::unique_ptr<Channel> make_smtp_channel(const SmtpSettings& settings);

}  // namespace relance::pipeline::detail
