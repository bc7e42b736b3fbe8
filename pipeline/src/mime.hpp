#pragma once
// Internet messages (RFC 5322 + MIME) for the SMTP channel: a text and an HTML body and the
// letter PDFs as attachments, UTF-8 headers as RFC 2047 encoded-words, attachment names per
// RFC 2231 (and RFC 2047 in Content-Type's `name`, for older readers).
//
// No header can be injected through data: CR, LF and other control characters in a display name,
// the subject or a file name are turned into spaces or dropped, and every such text is either a
// quoted string or encoded-words; addresses must be plain ASCII `local@domain` with no space,
// CR, LF, '<', '>', ',', quote, parenthesis, ';', ':', '\\', '[' or ']' (InvalidMessage otherwise).
#include <stdexcept>
#include <string>
#include <string_view>

#include "channel.hpp"

namespace relance::pipeline::detail {

struct MimeHeaders {
  std::string from_address;       // "relances@example.fr"
  std::string from_name;          // "Atelier Dupont — Recouvrement"; empty: address only
  std::string reply_to;           // the collections mailbox; empty: no Reply-To header
  std::string message_id_domain;  // right part of the Message-ID; empty: from_address's domain
  std::string date_rfc5322;       // "Tue, 24 Nov 2026 09:30:00 +0000"; empty: the current time (UTC)
};

// A message that cannot be sent as it is (a bad address, no recipient): a permanent failure.
class InvalidMessage : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// True for an ASCII `local@domain` the builder accepts (see above); a domain has at least one
// character, only letters, digits, '-' and '.', and no empty label.
bool is_valid_email_address(std::string_view address);

// `<ID@DOMAIN>`: a function of the message id and the domain only, so a message sent twice (after
// a crash between the server's acceptance and the journal's commit) carries the same Message-ID.
// Characters of the id outside RFC 5322 atext and '.' are written `=XX` (upper-case hex).
std::string message_id_header(const OutgoingMessage& message, const MimeHeaders& headers);

// The whole message, 7-bit, CRLF line endings, lines of at most 78 characters wherever the syntax
// allows folding (an address or the Message-ID is never split): base64 in 76-column lines, bodies
// quoted-printable. Ready for SMTP DATA (the SMTP client does the dot-stuffing).
// Layout: multipart/mixed [ multipart/alternative [ text/plain, text/html ], attachments... ];
// without attachments the alternative part is the message, without an HTML body the text part is.
// The output is deterministic (boundaries derive from the message id and contents).
// Throws InvalidMessage for a bad From, Reply-To or recipient address or an empty recipient list.
std::string build_mime_message(const OutgoingMessage& message, const MimeHeaders& headers);

// Helpers, exposed for the tests.
std::string rfc5322_date_now();                              // current time, UTC
std::string base64_encode_lines(std::string_view);           // 76-column lines, each ended by CRLF
std::string quoted_printable_encode(std::string_view text);  // line breaks become CRLF
// A header `Name: value` folded at 78 columns, CRLF-terminated: printable-ASCII words as they are,
// otherwise UTF-8 encoded-words (B encoding, at most 75 characters, never splitting a character).
std::string encoded_header(std::string_view name, std::string_view text);

}  // namespace relance::pipeline::detail
