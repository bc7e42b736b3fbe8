#pragma once
// The spool channel, the default of every channel: each message written to a folder instead of
// being sent, so that relance runs end to end with no server.
//
//   SPOOL/<id>.eml   an email message (channel email): the complete RFC 5322 / MIME message the
//                    SMTP channel would send (mime.hpp), attachments included
//   SPOOL/<id>.txt   any other message (postal, registered, agency): the envelope, i.e. the
//                    channel, the recipient's address lines and the files to post
//   SPOOL/<id>/      the attachments as files (the letter PDF, the statement)
//
// <id> is the outbox id, made safe as a file name (safe_names.hpp); every file is written
// atomically, the .eml or .txt last, so a message whose .eml/.txt exists is complete. Writing a
// message again (after a crash) writes the same files.
#include <filesystem>
#include <memory>

#include "channel.hpp"
#include "config.hpp"
#include "mime.hpp"

namespace relance::pipeline::detail {

struct SpoolSettings {
  std::filesystem::path folder = "spool";
  MimeHeaders headers;  // From, Reply-To, Message-ID domain of the .eml files
};

// The sender of every email transport (spool and smtp alike): From [dispatch.smtp] from, else
// [company] email, else relance@localhost; its display name [dispatch.smtp] from_name, else
// [company] name; Reply-To [dispatch.smtp] reply_to.
MimeHeaders email_headers(const Config& config);

// [dispatch] spool, and email_headers().
SpoolSettings spool_settings(const Config& config);

std::unique_ptr<Channel> make_spool_channel(const SpoolSettings& settings);

}  // namespace relance::pipeline::detail
