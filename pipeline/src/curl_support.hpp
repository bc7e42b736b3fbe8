#pragma once
// What the three libcurl users (SMTP, SFTP, the postal provider's HTTPS API) share: libcurl
// started once per process, and uploads read from bytes already in memory.
#include <cstddef>
#include <string_view>

namespace relance::pipeline::detail {

// curl_global_init, once per process (thread-safe); false when libcurl could not start.
bool curl_started();

// The bytes of an upload and how far libcurl has read them; CURLOPT_READDATA for
// curl_read_upload (CURLOPT_READFUNCTION).
struct CurlUpload {
  std::string_view data;
  std::size_t offset = 0;
};
std::size_t curl_read_upload(char* buffer, std::size_t size, std::size_t count, void* upload);

}  // namespace relance::pipeline::detail
