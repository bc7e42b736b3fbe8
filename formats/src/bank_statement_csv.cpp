// The payments CSV: a header line naming the columns, then one payment per record. Comma or
// semicolon separated (whichever the header uses), RFC 4180 quoting (fields in double quotes may
// hold separators, line breaks and "" for a quote), CRLF or LF line ends, a UTF-8 BOM ignored.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bank_statement_support.hpp"
#include "relance/formats/bank_statement.hpp"

namespace relance::formats {

namespace {

constexpr std::string_view rule = "RL-BANK-003";

struct Field {
  std::string text;
  std::uint32_t line = 0;    // where the field starts, 1-based
  std::uint32_t column = 0;  // in characters, 1-based
};

struct Record {
  std::vector<Field> fields;
  std::uint32_t line = 0;
};

struct ScanError {
  std::string message;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

std::string_view without_bom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

// The header's separator: ';' when the first line has more semicolons than commas outside quotes.
char detect_separator(std::string_view text) {
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

// Splits the text into records, one at a time, keeping the line and column of every field.
class Scanner {
 public:
  Scanner(std::string_view text, char separator) : text_(text), sep_(separator) {}

  // False at the end of the text. On a malformed record, `error` is set and the record is
  // skipped (an unterminated quote ends the scan: everything after it belongs to the field).
  bool next(Record& record, std::optional<ScanError>& error) {
    record.fields.clear();
    error.reset();
    if (pos_ >= text_.size()) return false;
    record.line = line_;
    for (;;) {
      Field field;
      field.line = line_;
      field.column = column_;
      if (at('"')) {
        advance();
        bool closed = false;
        while (pos_ < text_.size()) {
          if (at('"')) {
            advance();
            if (at('"')) {
              field.text += '"';
              advance();
              continue;
            }
            closed = true;
            break;
          }
          field.text += text_[pos_];
          advance();
        }
        if (!closed) {
          error = ScanError{"quoted field is never closed", field.line, field.column};
          return true;
        }
        if (pos_ < text_.size() && !at(sep_) && !at('\r') && !at('\n')) {
          error = ScanError{"unexpected text after a closing quote (a quote inside a field is written \"\")",
                            line_, column_};
          skip_line();
          return true;
        }
      } else {
        while (pos_ < text_.size() && !at(sep_) && !at('\r') && !at('\n')) {
          field.text += text_[pos_];
          advance();
        }
      }
      record.fields.push_back(std::move(field));
      if (at(sep_)) {
        advance();
        continue;
      }
      end_line();
      return true;
    }
  }

 private:
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  void advance() {
    const char c = text_[pos_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
  }
  // Consumes one line end (CRLF, LF or a lone CR).
  void end_line() {
    if (at('\r')) {
      ++pos_;
      if (at('\n')) ++pos_;
      ++line_;
      column_ = 1;
    } else if (at('\n')) {
      advance();
    }
  }
  void skip_line() {
    while (pos_ < text_.size() && !at('\r') && !at('\n')) advance();
    end_line();
  }

  std::string_view text_;
  char sep_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

std::string trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

enum class Column : std::size_t { date, value_date, amount, currency, reference, payer, iban, remittance };
constexpr std::size_t column_count = 8;
constexpr std::array<std::string_view, column_count> column_names = {
    "date", "value_date", "amount", "currency", "reference", "payer", "iban", "remittance"};
constexpr std::size_t idx(Column c) {
  return static_cast<std::size_t>(c);
}
std::string_view name_of(Column c) {
  return column_names[idx(c)];
}
constexpr std::size_t absent = static_cast<std::size_t>(-1);

// Index of each known column in the header, `absent` when missing; the first of a repeated name wins.
std::array<std::size_t, column_count> map_columns(const std::vector<Field>& header) {
  std::array<std::size_t, column_count> at{};
  at.fill(absent);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = lower(trim(header[i].text));
    for (std::size_t c = 0; c < column_count; ++c)
      if (name == column_names[c] && at[c] == absent) at[c] = i;
  }
  return at;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// YYYY-MM-DD, or DD/MM/YYYY (day and month may have one digit).
std::optional<Date> parse_date(std::string_view t) {
  if (auto d = Date::parse_iso(t)) return d;
  const auto first = t.find('/');
  const auto second = first == std::string_view::npos ? first : t.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::string_view day = t.substr(0, first);
  const std::string_view month = t.substr(first + 1, second - first - 1);
  const std::string_view year = t.substr(second + 1);
  if (day.size() > 2 || month.size() > 2 || year.size() != 4) return std::nullopt;
  if (!all_digits(day) || !all_digits(month) || !all_digits(year)) return std::nullopt;
  return Date::from_ymd(to_int(year), to_int(month), to_int(day));
}

// "1234.56", "1234,56", "-1 234,56", "1 234.56" with spaces, no-break spaces (U+00A0) or thin
// spaces (U+2009, U+202F) grouping thousands. One decimal mark at most, never both '.' and ','.
std::optional<Decimal> parse_amount(std::string_view t) {
  std::string s;
  std::size_t marks = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string_view rest = t.substr(i);
    if (t[i] == ' ' || t[i] == '\t') continue;
    if (rest.substr(0, 2) == "\xC2\xA0") {
      i += 1;
      continue;
    }
    if (rest.substr(0, 3) == "\xE2\x80\x89" || rest.substr(0, 3) == "\xE2\x80\xAF") {
      i += 2;
      continue;
    }
    if (t[i] == ',' || t[i] == '.') {
      ++marks;
      s += '.';
      continue;
    }
    s += t[i];
  }
  if (marks > 1) return std::nullopt;
  return Decimal::parse(s);
}

bool is_currency_code(std::string_view c) {
  if (c.size() != 3) return false;
  for (char ch : c)
    if (ch < 'A' || ch > 'Z') return false;
  return true;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

class CsvReader {
 public:
  CsvReader(std::string_view source, Diagnostics& diags) : source_(source), diags_(diags) {}

  std::optional<std::vector<BankEntry>> read(std::string_view bytes) {
    const std::string_view text = without_bom(bytes);
    Scanner scanner(text, detect_separator(text));
    Record header;
    std::optional<ScanError> scan_error;
    if (!scanner.next(header, scan_error)) {
      error(0, 0, "", "the file is empty: a header line naming the columns is expected");
      return std::nullopt;
    }
    if (scan_error) {
      error(scan_error->line, scan_error->column, "", "header: " + scan_error->message);
      return std::nullopt;
    }
    columns_ = map_columns(header.fields);
    header_size_ = header.fields.size();
    bool usable = true;
    if (columns_[idx(Column::date)] == absent && columns_[idx(Column::value_date)] == absent) {
      error(header.line, 1, "", "the header has no 'date' (or 'value_date') column");
      usable = false;
    }
    if (columns_[idx(Column::amount)] == absent) {
      error(header.line, 1, "", "the header has no 'amount' column");
      usable = false;
    }
    if (!usable) return std::nullopt;

    std::vector<BankEntry> entries;
    Record record;
    while (scanner.next(record, scan_error)) {
      if (scan_error) {
        error(scan_error->line, scan_error->column, "", scan_error->message);
        continue;
      }
      if (auto entry = read_record(record)) entries.push_back(std::move(*entry));
    }
    detail::make_bank_references_unique(entries);
    return entries;
  }

 private:
  void error(std::uint32_t line, std::uint32_t column, std::string_view path, std::string message) {
    Location where;
    where.source = std::string(source_);
    where.path = std::string(path);
    where.line = line;
    where.column = column;
    diags_.add(std::string(rule), Severity::fatal, std::move(where), std::move(message));
  }
  void error(const Field& f, Column column, std::string message) {
    error(f.line, f.column, name_of(column), std::move(message));
  }

  const Field* field(const Record& r, Column c) const {
    const std::size_t i = columns_[idx(c)];
    return i != absent && i < r.fields.size() ? &r.fields[i] : nullptr;
  }
  // Trimmed, with the line breaks of a quoted multi-line field turned into spaces.
  std::string value(const Record& r, Column c) const {
    const Field* f = field(r, c);
    if (!f) return {};
    std::string out;
    for (std::size_t i = 0; i < f->text.size(); ++i) {
      const char ch = f->text[i];
      if (ch == '\r' && i + 1 < f->text.size() && f->text[i + 1] == '\n') continue;
      out += ch == '\r' || ch == '\n' ? ' ' : ch;
    }
    return trim(out);
  }

  std::optional<Date> date_of(const Field& f, Column c, bool& ok) {
    const std::string t = trim(f.text);
    if (auto d = parse_date(t)) return d;
    error(f, c, "'" + t + "' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)");
    ok = false;
    return std::nullopt;
  }

  std::optional<BankEntry> read_record(const Record& r) {
    bool blank = true;
    for (const Field& f : r.fields)
      if (!trim(f.text).empty()) blank = false;
    if (blank) return std::nullopt;
    if (r.fields.size() > header_size_) {
      const Field& extra = r.fields[header_size_];
      error(extra.line, extra.column, "",
            "the line has " + std::to_string(r.fields.size()) + " fields but the header names " +
                std::to_string(header_size_) + " (an unquoted separator inside a value?)");
      return std::nullopt;
    }
    bool ok = true;
    BankEntry e;
    e.location = std::string(source_) + ":" + std::to_string(r.line);

    // With a value_date column, `date` is the booking date (and stands for a value date left
    // empty); without one, `date` is the value date.
    const Field* value_date = field(r, Column::value_date);
    const Field* date = field(r, Column::date);
    const bool has_value_date = value_date && !trim(value_date->text).empty();
    const bool has_date = date && !trim(date->text).empty();
    std::optional<Date> booking;
    if (has_date) booking = date_of(*date, Column::date, ok);
    if (has_value_date) {
      if (auto d = date_of(*value_date, Column::value_date, ok)) e.value_date = *d;
    } else if (booking) {
      e.value_date = *booking;
    } else if (!has_date) {
      const Column c = columns_[idx(Column::value_date)] != absent ? Column::value_date : Column::date;
      error(r.line, 1, name_of(c), "the payment has no date");
      ok = false;
    }
    if (columns_[idx(Column::value_date)] != absent) e.booking_date = booking;

    const Field* amount = field(r, Column::amount);
    const std::string amount_text = amount ? trim(amount->text) : std::string();
    if (amount_text.empty()) {
      error(amount ? amount->line : r.line, amount ? amount->column : 1, "amount",
            "the payment has no amount");
      ok = false;
    } else if (auto a = parse_amount(amount_text)) {
      e.amount = *a;
      e.credit = a->sign() >= 0;
    } else {
      error(*amount, Column::amount,
            "'" + amount_text + "' is not an amount (expected 1234.56 or 1234,56, spaces between thousands)");
      ok = false;
    }

    e.currency = upper(value(r, Column::currency));
    if (e.currency.empty()) e.currency = "EUR";
    if (!is_currency_code(e.currency)) {
      error(*field(r, Column::currency), Column::currency,
            "'" + value(r, Column::currency) + "' is not an ISO 4217 currency code");
      ok = false;
    }
    if (!ok) return std::nullopt;

    e.debtor_name = value(r, Column::payer);
    e.debtor_iban = upper(without_spaces(value(r, Column::iban)));
    e.remittance_unstructured = value(r, Column::remittance);
    e.reference = value(r, Column::reference);
    if (e.reference.empty()) {
      // What the line says, not how it is written (quotes, column order, "1 234,50" or 1234.5),
      // so a later export of the same days gives the same references.
      constexpr char us = '\x1f';
      std::string content = "csv";
      content += us + e.value_date.to_iso();
      content += us + (e.booking_date ? e.booking_date->to_iso() : std::string());
      content += us + e.amount.to_plain_string(2);
      content += us + e.currency;
      content += us + e.debtor_name;
      content += us + e.debtor_iban;
      content += us + e.remittance_unstructured;
      e.reference = detail::bank_hash_reference(content);
    }
    return e;
  }

  std::string_view source_;
  Diagnostics& diags_;
  std::array<std::size_t, column_count> columns_{};
  std::size_t header_size_ = 0;
};

}  // namespace

namespace detail {

bool is_payments_csv_header(std::string_view bytes) {
  // The first line is enough: never scan a large file that is something else.
  std::string_view text = without_bom(bytes);
  text = text.substr(0, std::min(text.size(), text.find_first_of("\r\n")));
  Scanner scanner(text, detect_separator(text));
  Record header;
  std::optional<ScanError> error;
  if (!scanner.next(header, error) || error) return false;
  const auto columns = map_columns(header.fields);
  return (columns[idx(Column::date)] != absent || columns[idx(Column::value_date)] != absent) &&
         columns[idx(Column::amount)] != absent;
}

}  // namespace detail

Result<std::vector<BankEntry>> read_payments_csv(std::string_view csv, std::string_view source_name) {
  Result<std::vector<BankEntry>> result;
  CsvReader reader(source_name, result.diagnostics);
  result.value = reader.read(csv);
  return result;
}

}  // namespace relance::formats
