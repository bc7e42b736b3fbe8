#include "mime.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <vector>

namespace relance::pipeline::detail {

namespace {

constexpr std::size_t kMaxLine = 78;  // RFC 5322 2.1.1: SHOULD be no more than 78 characters
constexpr std::string_view kCrlf = "\r\n";

// --- UTF-8 -----------------------------------------------------------------------------------

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The next code point of `text` from `i` (advanced past it); U+FFFD for a malformed sequence
// (which then covers one byte).
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += length;
  return cp;
}

// Header text made harmless: valid UTF-8, line breaks and tabs (and the Unicode line and
// paragraph separators) as single spaces, every other control character (C0, DEL, C1, bidi) dropped,
// runs of spaces collapsed, no leading or trailing space.
std::string clean_header_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if (cp == U'\r' || cp == U'\n' || cp == U'\t' || cp == U' ' || cp == 0x2028 || cp == 0x2029 ||
        cp == 0x85) {
      pending_space = !out.empty();
      continue;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) continue;
    // bidirectional controls (which can disguise a file name's extension) and the BOM
    if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
        cp == 0xFEFF)
      continue;
    if (pending_space) out += ' ';
    pending_space = false;
    append_utf8(out, cp);
  }
  return out;
}

bool is_printable_ascii(std::string_view text) {
  for (char c : text)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

// The length of the longest prefix of `text` from `from` that is at most `max_bytes` long and
// does not split a UTF-8 sequence (at least one character, whatever its length).
std::size_t utf8_prefix(std::string_view text, std::size_t from, std::size_t max_bytes) {
  std::size_t end = from;
  while (end < text.size()) {
    std::size_t next = end;
    next_code_point(text, next);
    if (next - from > max_bytes && end > from) break;
    end = next;
  }
  return end - from;
}

// --- base64 ----------------------------------------------------------------------------------

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  const auto at = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += kBase64[v & 63];
  }
  if (i < bytes.size()) {
    std::uint32_t v = at(i) << 16;
    if (i + 1 < bytes.size()) v |= at(i + 1) << 8;
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// --- header folding ----------------------------------------------------------------------------

// Builds one header field: tokens separated by single spaces, a line break (CRLF + space) before a
// token that would pass column 78.
class HeaderField {
 public:
  explicit HeaderField(std::string_view name) : text_(name), column_(name.size() + 1) { text_ += ':'; }

  std::size_t column() const { return column_; }

  // A token that cannot be split; `glue` puts it right after the previous one, without a space.
  void token(std::string_view token, bool glue = false) {
    const std::size_t width = token.size() + (glue ? 0 : 1);
    if (!glue && column_ + width > kMaxLine && !first_) line_break();
    if (!glue) text_ += ' ';
    text_ += token;
    column_ += width;
    first_ = false;
  }

  // Text as UTF-8 encoded-words (RFC 2047 B encoding), each at most 75 characters and fitting the
  // line it goes on. Whitespace between adjacent encoded-words is not part of the decoded text.
  void encoded_words(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
      std::size_t room = kMaxLine > column_ + 1 ? kMaxLine - column_ - 1 : 0;
      // A new line when this one is nearly full, or when the rest would fit a new line's word but
      // not this line's: fewer splits (see add_text).
      const std::size_t whole = 12 + (text.size() - i + 2) / 3 * 4;
      if (!first_ && (room < 20 || (whole > room && room < 75))) {
        line_break();
        room = kMaxLine - column_ - 1;
      }
      const std::size_t word_len = std::clamp<std::size_t>(room, 16, 75);
      const std::size_t max_bytes = (word_len - 12) / 4 * 3;  // "=?UTF-8?B?" + "?=" = 12
      std::size_t n = utf8_prefix(text, i, max_bytes);
      if (i + n < text.size()) {
        // end the word after a space when one is near, so that words stay whole
        const std::size_t space = text.substr(i, n).rfind(' ');
        if (space != std::string_view::npos && space + 1 > n / 2) n = space + 1;
      }
      token("=?UTF-8?B?" + base64(text.substr(i, n)) + "?=");
      i += n;
    }
  }

  std::string finish() { return std::move(text_) + std::string(kCrlf); }

 private:
  void line_break() {
    text_ += kCrlf;
    column_ = 0;
  }

  std::string text_;
  std::size_t column_;
  bool first_ = true;
};

bool is_atext(char c);

// Free text (subject, display name): as words when it is printable ASCII that a reader cannot take
// for encoded-words and whose words fit a line, as encoded-words otherwise.
void add_text(HeaderField& field, std::string_view clean, bool as_phrase) {
  const bool ascii = is_printable_ascii(clean) && clean.find("=?") == std::string_view::npos;
  std::vector<std::string_view> words;
  bool fits = true;
  for (std::size_t i = 0; i < clean.size();) {
    std::size_t end = clean.find(' ', i);
    if (end == std::string_view::npos) end = clean.size();
    words.push_back(clean.substr(i, end - i));
    if (end - i > 70) fits = false;
    i = end + 1;
  }
  if (as_phrase) {
    if (ascii) {
      // One quoted string (so that specials like ',' ';' '<' stay text) when it fits the line.
      std::string quoted = "\"";
      for (char c : clean) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
      }
      quoted += '"';
      if (quoted.size() + 2 <= kMaxLine - field.column()) {
        field.token(quoted);
        return;
      }
    }
    // Words made of atext only stay atoms; each run of other words (with the spaces inside it)
    // becomes encoded-words. Few runs need more than one encoded-word, which matters because
    // some readers (Python's email package among them) keep the whitespace between encoded-words
    // of a display name, against RFC 2047 6.2.
    std::string run;
    const auto flush = [&] {
      if (!run.empty()) field.encoded_words(run);
      run.clear();
    };
    for (std::string_view w : words) {
      const bool atom = w.size() <= 70 && w.find("=?") == std::string_view::npos &&
                        std::all_of(w.begin(), w.end(), [](char c) { return is_atext(c); });
      if (atom) {
        flush();
        field.token(w);
      } else {
        if (!run.empty()) run += ' ';
        run += w;
      }
    }
    flush();
    return;
  }
  if (ascii && fits) {
    for (std::string_view w : words) field.token(w);
    return;
  }
  field.encoded_words(clean);
}

// --- addresses ---------------------------------------------------------------------------------

bool is_atext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool is_valid_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.') {
      if (label == 0 || label > 63) return false;
      label = 0;
      continue;
    }
    const char c = domain[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
    ++label;
  }
  return true;
}

void require_address(std::string_view address, std::string_view what) {
  if (!is_valid_email_address(address)) {
    std::string shown;
    for (char c : address) {
      if (c >= 0x20 && c < 0x7F) {
        shown += c;
      } else {
        static constexpr char hex[] = "0123456789ABCDEF";
        const auto b = static_cast<unsigned char>(c);
        shown += "\\x";
        shown += hex[b >> 4];
        shown += hex[b & 15];
      }
    }
    throw InvalidMessage(std::string(what) + ": invalid email address '" + shown + "'");
  }
}

std::string address_domain(std::string_view address) {
  const std::size_t at = address.rfind('@');
  return at == std::string_view::npos ? std::string() : std::string(address.substr(at + 1));
}

// --- bodies ------------------------------------------------------------------------------------

std::uint64_t fnv1a(std::string_view text, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex64(std::uint64_t v) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = hex[v & 15];
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "type/subtype" made of RFC 2045 token characters, else application/octet-stream.
std::string safe_content_type(std::string_view type) {
  const auto token_char = [](char c) {
    return c > 0x20 && c < 0x7F && std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
  };
  const std::size_t slash = type.find('/');
  bool ok = slash != std::string_view::npos && slash > 0 && slash + 1 < type.size() && type.size() <= 60;
  for (std::size_t i = 0; ok && i < type.size(); ++i)
    if (i != slash && !token_char(type[i])) ok = false;
  return ok ? lower(type) : std::string("application/octet-stream");
}

// RFC 2231 attribute-char: every other byte is written %XX.
std::string percent_encode_2231(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += hex[b >> 4];
      out += hex[b & 15];
    }
  }
  return out;
}

// A file name as the recipient's mail reader will store it: clean text, no path separators.
std::string clean_file_name(std::string_view name, std::size_t index) {
  std::string clean = clean_header_text(name);
  for (char& c : clean)
    if (c == '/' || c == '\\') c = '_';
  while (!clean.empty() && clean.front() == '.') clean.erase(clean.begin());
  if (clean.empty()) clean = "attachment-" + std::to_string(index + 1);
  return clean;
}

std::string attachment_part(const Attachment& attachment, std::size_t index) {
  const std::string name = clean_file_name(attachment.filename, index);
  const std::string type = safe_content_type(attachment.content_type);
  std::string out;
  const bool plain =
      is_printable_ascii(name) && name.find_first_of("\"=?%") == std::string::npos && name.size() <= 40;
  if (plain) {
    out += "Content-Type: " + type + ";\r\n name=\"" + name + "\"\r\n";
    out += "Content-Disposition: attachment;\r\n filename=\"" + name + "\"\r\n";
  } else {
    // Content-Type's name as encoded-words inside the quoted string (what most readers expect),
    // Content-Disposition's filename per RFC 2231, split into numbered sections when long.
    std::string words;
    std::size_t column = 7;  // ` name="`
    for (std::size_t i = 0; i < name.size();) {
      const std::size_t max_bytes = (std::min<std::size_t>(75, kMaxLine - 1 - column) - 12) / 4 * 3;
      const std::size_t n = utf8_prefix(name, i, max_bytes);
      if (!words.empty()) words += "\r\n ";
      words += "=?UTF-8?B?" + base64(std::string_view(name).substr(i, n)) + "?=";
      i += n;
      column = 1;
    }
    out += "Content-Type: " + type + ";\r\n name=\"" + words + "\"\r\n";
    const std::string encoded = percent_encode_2231(name);
    const std::string prefix = "UTF-8''";
    if (prefix.size() + encoded.size() + 12 <= kMaxLine - 1) {
      out += "Content-Disposition: attachment;\r\n filename*=" + prefix + encoded + "\r\n";
    } else {
      out += "Content-Disposition: attachment";
      std::size_t section = 0;
      for (std::size_t i = 0; i < encoded.size(); ++section) {
        // ` filename*N*=` + (UTF-8'' in section 0) + chunk + `;` within 78 columns
        const std::size_t overhead =
            13 + std::to_string(section).size() + (section == 0 ? prefix.size() : 0) + 1;
        std::size_t n = std::min<std::size_t>(kMaxLine - overhead, encoded.size() - i);
        // never split a %XX escape
        if (i + n < encoded.size()) {
          if (encoded[i + n - 1] == '%')
            n -= 1;
          else if (n >= 2 && encoded[i + n - 2] == '%')
            n -= 2;
        }
        out += ";\r\n filename*" + std::to_string(section) + "*=" + (section == 0 ? prefix : "") +
               encoded.substr(i, n);
        i += n;
      }
      out += kCrlf;
    }
  }
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  out += base64_encode_lines(attachment.bytes);
  if (out.ends_with(kCrlf)) out.resize(out.size() - 2);  // the delimiter's CRLF follows
  return out;
}

std::string text_part(std::string_view subtype, std::string_view body) {
  std::string out = "Content-Type: text/";
  out += subtype;
  out += "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += quoted_printable_encode(body);
  return out;
}

std::string multipart(std::string_view subtype, const std::string& boundary,
                      const std::vector<std::string>& parts) {
  std::string out = "Content-Type: multipart/";
  out += subtype;
  out += ";\r\n boundary=\"" + boundary + "\"\r\n\r\n";
  for (const std::string& part : parts) {
    out += "--" + boundary + "\r\n";
    out += part;
    out += kCrlf;  // belongs to the next delimiter (RFC 2046 5.1.1): the part keeps its last line break
  }
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace

bool is_valid_email_address(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  const std::size_t at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64 ||
      address.find('@', at + 1) != std::string_view::npos)
    return false;
  const std::string_view local = address.substr(0, at);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
  for (char c : local)
    if (c != '.' && !is_atext(c)) return false;
  return is_valid_domain(address.substr(at + 1));
}

std::string message_id_header(const OutgoingMessage& message, const MimeHeaders& headers) {
  if (message.id.empty()) throw InvalidMessage("the message has no id");
  std::string domain =
      headers.message_id_domain.empty() ? address_domain(headers.from_address) : headers.message_id_domain;
  if (!is_valid_domain(domain)) throw InvalidMessage("invalid Message-ID domain '" + domain + "'");
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string left;
  for (char c : message.id) {
    const auto b = static_cast<unsigned char>(c);
    if ((is_atext(c) && c != '=') || c == '.') {
      left += c;
    } else {
      left += '=';
      left += hex[b >> 4];
      left += hex[b & 15];
    }
  }
  // dot-atom-text: no leading, trailing or doubled dot
  if (left.front() == '.') left.replace(0, 1, "=2E");
  if (left.back() == '.') left.replace(left.size() - 1, 1, "=2E");
  for (std::size_t p; (p = left.find("..")) != std::string::npos;) left.replace(p + 1, 1, "=2E");
  return "<" + left + "@" + lower(domain) + ">";
}

std::string rfc5322_date_now() {
  static constexpr std::array<const char*, 7> days = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000",
                days[static_cast<std::size_t>(tm.tm_wday) % 7], tm.tm_mday,
                months[static_cast<std::size_t>(tm.tm_mon) % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buffer;
}

std::string base64_encode_lines(std::string_view bytes) {
  const std::string flat = base64(bytes);
  std::string out;
  out.reserve(flat.size() + flat.size() / 76 * 2 + 2);
  for (std::size_t i = 0; i < flat.size(); i += 76) {
    out.append(flat, i, 76);
    out += kCrlf;
  }
  return out;
}

std::string quoted_printable_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t column = 0;
  const auto emit = [&](std::string_view piece) {
    if (column + piece.size() > 75) {  // 76 with the soft break's '='
      out += "=\r\n";
      column = 0;
    }
    out += piece;
    column += piece.size();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += kCrlf;
      column = 0;
      continue;
    }
    const bool at_line_end = i + 1 == text.size() || text[i + 1] == '\r' || text[i + 1] == '\n';
    const auto b = static_cast<unsigned char>(c);
    bool literal = (b >= 33 && b <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_line_end);
    // A line starting with '.' or "From " survives careless relays.
    if (column == 0 && (c == '.' || (c == 'F' && text.substr(i, 5) == "From "))) literal = false;
    if (literal) {
      emit(std::string_view(&text[i], 1));
    } else {
      const char escaped[3] = {'=', hex[b >> 4], hex[b & 15]};
      emit(std::string_view(escaped, 3));
    }
  }
  return out;
}

std::string encoded_header(std::string_view name, std::string_view text) {
  HeaderField field(name);
  add_text(field, clean_header_text(text), false);
  return field.finish();
}

std::string build_mime_message(const OutgoingMessage& message, const MimeHeaders& headers) {
  require_address(headers.from_address, "From");
  if (!headers.reply_to.empty()) require_address(headers.reply_to, "Reply-To");
  if (message.to.empty()) throw InvalidMessage("the message has no recipient");
  for (const std::string& to : message.to) require_address(to, "To");
  const std::string message_id = message_id_header(message, headers);

  std::string out;
  std::string date = clean_header_text(headers.date_rfc5322);
  if (date.empty() || !is_printable_ascii(date)) date = rfc5322_date_now();
  out += "Date: " + date + "\r\n";

  {
    HeaderField from("From");
    const std::string name = clean_header_text(headers.from_name);
    if (!name.empty()) add_text(from, name, true);
    from.token("<" + headers.from_address + ">");
    out += from.finish();
  }
  if (!headers.reply_to.empty()) out += "Reply-To: <" + headers.reply_to + ">\r\n";
  {
    HeaderField to("To");
    const std::string name = clean_header_text(message.to_name);
    for (std::size_t i = 0; i < message.to.size(); ++i) {
      if (i > 0) to.token(",", true);
      if (!name.empty()) add_text(to, name, true);
      to.token("<" + message.to[i] + ">");
    }
    out += to.finish();
  }
  out += encoded_header("Subject", message.subject);
  out += "Message-ID: " + message_id + "\r\n";
  out += "MIME-Version: 1.0\r\n";

  const std::string tag = hex64(fnv1a(message.id));
  std::string body =
      message.html_body.empty()
          ? text_part("plain", message.text_body)
          : multipart("alternative", "=_relance_alt_" + tag,
                      {text_part("plain", message.text_body), text_part("html", message.html_body)});
  if (!message.attachments.empty()) {
    std::vector<std::string> parts{std::move(body)};
    for (std::size_t i = 0; i < message.attachments.size(); ++i)
      parts.push_back(attachment_part(message.attachments[i], i));
    body = multipart("mixed", "=_relance_mix_" + tag, parts);
  }
  out += body;
  return out;
}

}  // namespace relance::pipeline::detail
