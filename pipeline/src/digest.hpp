#pragma once

#include <string>
#include <string_view>

namespace relance::pipeline::detail {

// SHA-256 of the bytes as 64 lower-case hex digits (OpenSSL's libcrypto, which libcurl already
// brings): what the ledger, the journal and dossier manifests record of each document.
std::string sha256_hex(std::string_view bytes);

}  // namespace relance::pipeline::detail
