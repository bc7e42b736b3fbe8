#include "digest.hpp"

#include <openssl/evp.h>

#include "relance/formats/diagnostic.hpp"

namespace relance::pipeline::detail {

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    Diagnostic d;
    d.rule_id = "RL-OUT-002";
    d.message = "OpenSSL could not compute a SHA-256 digest";
    throw Error(std::move(d));
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace relance::pipeline::detail
