#include "curl_support.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>

namespace relance::pipeline::detail {

bool curl_started() {
  static std::once_flag once;
  static bool started = false;
  std::call_once(once, [] { started = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; });
  return started;
}

std::size_t curl_read_upload(char* buffer, std::size_t size, std::size_t count, void* upload) {
  auto* u = static_cast<CurlUpload*>(upload);
  const std::size_t n = std::min(size * count, u->data.size() - u->offset);
  std::copy_n(u->data.data() + u->offset, n, buffer);
  u->offset += n;
  return n;
}

}  // namespace relance::pipeline::detail
