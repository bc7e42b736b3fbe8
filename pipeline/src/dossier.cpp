// Recovery-agency dossiers: which formal notices are due for handover, the dossier of each (the
// documents, manifest.json with every file's SHA-256, a ZIP with libzip), and the journal of the
// dossiers sent.
#include "dossier.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "customer_party.hpp"
#include "digest.hpp"
#include "inputs.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/letters/invoice_renderer.hpp"
#include "relance/letters/late_interest.hpp"
#include "relance/letters/letter.hpp"
#include "safe_names.hpp"

namespace relance::pipeline::detail {

namespace {

namespace fs = std::filesystem;
using formats::Date;
using formats::Decimal;
using Json = nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& rule, const std::string& file, const std::string& message) {
  throw Error(Diagnostic{rule, Severity::fatal, Location{file, {}, 0, 0}, message, {}});
}

std::string amount(const Decimal& d) {
  return d.rounded(2).to_string();
}

// ---- Which formal notices are due

// Why one item of a formal notice stops the handover on `as_of`, or empty.
std::string item_blocks(const letters::DunningItem& item, Date notice_date, Date as_of) {
  if (item.disputed) return item.number + " is disputed";
  for (const auto& p : item.payments)
    if (p.value_date >= notice_date)
      return item.number + " was paid (" + amount(p.amount) + " on " + p.value_date.to_iso() +
             ") since the formal notice";
  if (item.promise && item.promise->made_on >= notice_date)
    return item.number + " has a payment promise (made on " + item.promise->made_on.to_iso() +
           ") since the formal notice";
  if (item.last_movement && *item.last_movement >= notice_date)
    return item.number + " moved (dispute opened or closed on " + item.last_movement->to_iso() +
           ") since the formal notice";
  if (item.outstanding_on(as_of).sign() <= 0) return item.number + " is paid";
  return {};
}

std::map<std::string, std::vector<const letters::DunningItem*>> items_by_customer(const DunningState& state) {
  std::map<std::string, std::vector<const letters::DunningItem*>> out;
  for (const auto& item : state.items) out[item.customer_id].push_back(&item);
  return out;
}

// ---- Documents

Json address_json(const formats::Address& a) {
  if (a.empty()) return nullptr;
  return Json{{"line_one", a.line_one},
              {"line_two", a.line_two},
              {"line_three", a.line_three},
              {"post_code", a.post_code},
              {"city", a.city},
              {"country_subdivision", a.country_subdivision},
              {"country_code", a.country_code}};
}

// CSV field: quoted when it holds a separator, a quote or a line break.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::optional<std::string> read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(s).str();
}

// A letter's PDF as `relance remind --out LETTERS` wrote it: LETTERS/DATE/<customer>-<level>.pdf,
// else any PDF of LETTERS/DATE, as long as its SHA-256 is the one the ledger recorded.
std::optional<std::string> find_letter_pdf(const fs::path& letters, const std::string& customer_id,
                                           const HistoryEntry& h) {
  if (h.pdf_sha256.empty()) return std::nullopt;
  // Where the outbox took it from when it was queued, then where `relance remind --out` puts it.
  if (!h.pdf_path.empty())
    if (auto bytes = read_bytes(h.pdf_path); bytes && sha256_hex(*bytes) == h.pdf_sha256) return bytes;
  const fs::path day = letters / h.as_of.to_iso();
  const fs::path expected = day / (safe_file_stem(customer_id) + "-" + safe_file_stem(h.level) + ".pdf");
  if (auto bytes = read_bytes(expected); bytes && sha256_hex(*bytes) == h.pdf_sha256) return bytes;
  std::error_code ec;
  std::vector<fs::path> pdfs;
  for (fs::directory_iterator it(day, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".pdf" && it->is_regular_file(ec)) pdfs.push_back(it->path());
  std::sort(pdfs.begin(), pdfs.end());
  for (const auto& p : pdfs)
    if (auto bytes = read_bytes(p); bytes && sha256_hex(*bytes) == h.pdf_sha256) return bytes;
  return std::nullopt;
}

// The dossier's files, in the order the ZIP lists them, with names unique within the dossier.
class DossierFiles {
 public:
  // `stem` and `extension` are safe already; a name taken gets -2, -3, ...
  std::string add(const std::string& folder, const std::string& stem, const std::string& extension,
                  std::string bytes) {
    std::string name = folder + stem + extension;
    for (int n = 2; taken_.count(name); ++n) name = folder + stem + "-" + std::to_string(n) + extension;
    taken_.insert(name);
    files_.push_back(ZipEntry{name, std::move(bytes)});
    return name;
  }
  const std::vector<ZipEntry>& files() const { return files_; }
  void put_first(ZipEntry entry) { files_.insert(files_.begin(), std::move(entry)); }

 private:
  std::set<std::string> taken_;
  std::vector<ZipEntry> files_;
};

// MS-DOS date and time of midnight on `date`: the time every entry of the ZIP carries, so that a
// dossier exported twice from the same ledger is the same ZIP, whatever the clock or time zone.
void write_zip(const fs::path& zip, const std::vector<ZipEntry>& files, Date date) {
  fs::create_directories(zip.parent_path());
  int error = 0;
  // libzip writes the archive to a temporary file next to it and renames it on zip_close(): an
  // interrupted export never leaves half a ZIP under the final name.
  zip_t* archive = zip_open(zip.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    const std::string message = zip_error_strerror(&e);
    zip_error_fini(&e);
    fail("RL-OUT-001", zip.string(), "cannot create the ZIP: " + message);
  }
  const int year = std::max(date.year(), 1980);
  const auto dos_date = static_cast<zip_uint16_t>(((year - 1980) << 9) | (date.month() << 5) | date.day());
  for (const auto& f : files) {
    zip_source_t* source = zip_source_buffer(archive, f.bytes.data(), f.bytes.size(), 0);
    zip_int64_t index = source ? zip_file_add(archive, f.name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (source) zip_source_free(source);
      const std::string message = zip_strerror(archive);
      zip_discard(archive);
      fail("RL-OUT-001", zip.string(), "cannot add " + f.name + " to the ZIP: " + message);
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 0) != 0 ||
        zip_file_set_dostime(archive, i, 0, dos_date, 0) != 0) {
      const std::string message = zip_strerror(archive);
      zip_discard(archive);
      fail("RL-OUT-001", zip.string(), "cannot add " + f.name + " to the ZIP: " + message);
    }
  }
  if (zip_close(archive) != 0) {
    const std::string message = zip_strerror(archive);
    zip_discard(archive);
    fail("RL-OUT-001", zip.string(), "cannot write the ZIP: " + message);
  }
}

std::string pdf_date(Date d) {
  return "D:" + d.to_basic() + "000000+00'00'";
}

std::string first_message(const Diagnostics& diagnostics, const std::string& fallback) {
  for (const auto& d : diagnostics.items())
    if (d.severity == Severity::fatal) return d.rule_id + ": " + d.message;
  return fallback;
}

}  // namespace

std::string dossier_name(const std::string& customer_id) {
  std::string stem = safe_file_stem(customer_id);
  if (stem == customer_id) return stem;
  return stem.substr(0, 70) + "-" + sha256_hex(customer_id).substr(0, 8);
}

DossierSelection select_dossiers(const Ledger& ledger, Date as_of) {
  DossierSelection out;
  const DunningState state = ledger.dunning_state(as_of);
  const auto by_customer = items_by_customer(state);
  for (const auto& [customer_id, items] : by_customer) {
    // Only customers some of whose open items had a letter can have a formal notice on them.
    if (std::none_of(items.begin(), items.end(), [](const auto* i) { return !i->last_level.empty(); }))
      continue;
    std::optional<HistoryEntry> notice;
    for (auto& h : ledger.history(customer_id))
      if (h.level == formal_notice_level && h.as_of <= as_of) notice = std::move(h);
    if (!notice) continue;
    const Date deadline = notice->as_of.plus_days(formal_notice_deadline_days);
    if (as_of <= deadline) {
      out.skipped.push_back(
          {customer_id, notice->as_of, "the deadline (" + deadline.to_iso() + ") has not passed"});
      continue;
    }
    DossierCandidate candidate{customer_id, *notice, deadline, {}};
    std::string reason;
    for (const auto& number : notice->item_numbers) {
      bool found = false;
      for (const auto* item : items) {
        if (item->number != number) continue;
        found = true;
        reason = item_blocks(*item, notice->as_of, as_of);
        if (!reason.empty()) break;
        candidate.item_ids.push_back(item->id);
      }
      if (!found) reason = number + " was settled since the formal notice";
      if (!reason.empty()) break;
    }
    if (reason.empty() && candidate.item_ids.empty()) reason = "the formal notice lists no item";
    if (!reason.empty()) {
      out.skipped.push_back({customer_id, notice->as_of, reason});
      continue;
    }
    out.candidates.push_back(std::move(candidate));
  }
  return out;
}

std::string dossier_still_stands(const Ledger& ledger, const std::string& customer_id, Date notice_date,
                                 const std::vector<DossierItemRef>& refs, Date as_of) {
  const DunningState state = ledger.dunning_state(as_of);
  for (const auto& ref : refs) {
    const auto it = std::find_if(state.items.begin(), state.items.end(), [&](const letters::DunningItem& i) {
      return i.id == ref.id && i.customer_id == customer_id;
    });
    if (it == state.items.end()) return ref.number + " was settled since the formal notice";
    if (auto reason = item_blocks(*it, notice_date, as_of); !reason.empty()) return reason;
  }
  return {};
}

DossierExportReport export_dossiers(const Ledger& ledger, const Config& config,
                                    const DossierExportOptions& options) {
  const Date as_of = options.as_of;
  DossierExportReport report;
  DossierSelection selection = select_dossiers(ledger, as_of);
  report.skipped = std::move(selection.skipped);

  const fs::path root = options.output / "dossiers";
  const fs::path day = root / as_of.to_iso();
  std::set<std::pair<std::string, std::string>> handed_over;  // (customer, notice date)
  for (const auto& s : read_dossier_journal(dossier_journal_path(options.output)))
    handed_over.emplace(s.customer_id, s.formal_notice);

  const DunningState state = ledger.dunning_state(as_of);
  std::map<std::int64_t, const letters::DunningItem*> dunning_items;
  for (const auto& i : state.items) dunning_items.emplace(i.id, &i);

  std::optional<letters::ReferenceRates> rates;
  auto reference_rates = [&]() -> const letters::ReferenceRates& {
    if (!rates) {
      const auto path =
          config.reference_rates.empty() ? letters::default_reference_rates_path() : config.reference_rates;
      auto loaded = letters::ReferenceRates::load(path);
      if (!loaded.value) throw Error(loaded.diagnostics.items().front());
      rates = std::move(*loaded.value);
    }
    return *rates;
  };
  letters::LetterRenderer letter_renderer({options.templates, pdf_date(as_of)});
  std::map<letters::Language, std::unique_ptr<letters::InvoiceRenderer>> invoice_renderers;
  auto invoice_renderer = [&](letters::Language language) -> letters::InvoiceRenderer& {
    auto& r = invoice_renderers[language];
    if (!r)
      r = std::make_unique<letters::InvoiceRenderer>(
          letters::RenderOptions{language, options.templates, true, pdf_date(as_of)});
    return *r;
  };

  for (const auto& candidate : selection.candidates) {
    if (handed_over.count({candidate.customer_id, candidate.notice.as_of.to_iso()})) {
      report.already_sent.push_back(candidate.customer_id);
      continue;
    }
    const auto customer = ledger.customer(candidate.customer_id);
    if (!customer) continue;
    const std::vector<ItemRecord> open = ledger.open_items(customer->id);
    std::map<std::int64_t, const ItemRecord*> records;
    for (const auto& r : open) records.emplace(r.id, &r);

    ExportedDossier dossier;
    dossier.customer_id = customer->id;
    dossier.customer_name = customer->name;
    dossier.name = dossier_name(customer->id);
    dossier.folder = day / dossier.name;
    dossier.zip = day / (dossier.name + ".zip");
    DossierFiles files;
    Json notes = Json::array();
    auto note = [&](const std::string& text) {
      notes.push_back(text);
      dossier.notes.push_back(text);
    };

    // The creditor: the configured [company], else the seller of the invoices claimed.
    letters::LetterParty creditor = config.company.party;
    std::string creditor_iban = config.company.iban, creditor_bic = config.company.bic;
    if (creditor.name.empty()) {
      for (auto id : candidate.item_ids) {
        const auto r = records.find(id);
        if (r == records.end()) continue;
        if (auto seller = ledger.seller(r->second->seller_id)) {
          creditor = seller->party;
          creditor_iban = seller->iban;
          creditor_bic = seller->bic;
          break;
        }
      }
    }
    const letters::PenaltyRatePolicy policy =
        customer->profile == letters::profile_public_sector && !config.penalty.fixed_rate_percent
            ? letters::public_procurement_policy()
            : config.penalty;

    // The formal notice as it was sent.
    Json notice_file = nullptr;
    if (auto pdf = find_letter_pdf(options.letters, customer->id, candidate.notice)) {
      notice_file = files.add("", "formal_notice", ".pdf", std::move(*pdf));
    } else {
      note("the formal notice of " + candidate.notice.as_of.to_iso() + " (SHA-256 " +
           candidate.notice.pdf_sha256 + ") was not found under " + options.letters.string());
    }

    // The unpaid invoices, as Factur-X, with interest and the indemnity on the as-of date.
    Decimal principal, interest, indemnity;
    std::set<std::string> currencies;
    Json items = Json::array();
    for (auto id : candidate.item_ids) {
      const auto d = dunning_items.find(id);
      const auto r = records.find(id);
      if (d == dunning_items.end() || r == records.end()) continue;
      const letters::DunningItem& item = *d->second;
      const ItemRecord& record = *r->second;
      const Decimal outstanding = item.outstanding();
      const int days_late = static_cast<int>(
          std::max<std::int64_t>(0, as_of.days_since_epoch() - item.due_date.days_since_epoch()));
      Decimal item_interest, item_indemnity;
      if (days_late > 0) {
        auto computed = letters::late_interest(item, as_of, policy, reference_rates());
        if (!computed.value) throw Error(computed.diagnostics.items().front());
        item_interest = computed.value->total;
        item_indemnity = letters::recovery_indemnity(customer->profile);
      }
      principal = principal + outstanding;
      interest = interest + item_interest;
      indemnity = indemnity + item_indemnity;
      currencies.insert(item.currency);

      Json file = nullptr;
      std::string item_note;
      const std::string source_name =
          record.source.empty() ? std::string{} : fs::path(record.source).filename().string();
      if (record.source.empty()) {
        item_note = "the ledger records no source file for " + item.number;
      } else if (auto bytes = read_bytes(record.source); !bytes) {
        item_note = "the source file of " + item.number + " (" + record.source + ") is gone";
      } else {
        auto invoice = formats::read_invoice(*bytes, record.source);
        if (!invoice.value) {
          item_note = "the source file of " + item.number +
                      " cannot be read: " + first_message(invoice.diagnostics, "unreadable");
        } else {
          auto pdf = invoice_renderer(customer->language).render(*invoice.value, record.source);
          if (pdf.value) {
            file = files.add("invoices/", safe_file_stem(item.number), ".pdf", std::move(*pdf.value));
          } else {
            // Refused as Factur-X (a fatal EN 16931 error): the agency gets the source as it is.
            const std::string extension = safe_file_stem(fs::path(record.source).extension().string());
            file = files.add("invoices/", safe_file_stem(item.number) + "-source",
                             extension.size() > 1 ? "." + extension.substr(1) : std::string(".bin"),
                             std::move(*bytes));
            item_note = item.number + " could not be rendered as Factur-X (" +
                        first_message(pdf.diagnostics, "render failed") + "): its source file is included";
          }
        }
      }
      if (!item_note.empty()) note(item_note);
      items.push_back({{"id", item.id},
                       {"number", item.number},
                       {"seller_id", record.seller_id},
                       {"issue_date", item.issue_date.to_iso()},
                       {"due_date", item.due_date.to_iso()},
                       {"currency", item.currency},
                       {"amount", amount(item.amount)},
                       {"paid", amount(item.amount - outstanding)},
                       {"outstanding", amount(outstanding)},
                       {"days_late", days_late},
                       {"interest", amount(item_interest)},
                       {"indemnity", amount(item_indemnity)},
                       {"source", source_name},
                       {"file", file},
                       {"note", item_note.empty() ? Json(nullptr) : Json(item_note)}});
    }
    const Decimal total = principal + interest + indemnity;
    dossier.currency = currencies.empty() ? std::string("EUR") : *currencies.begin();
    dossier.total = total;
    if (currencies.size() > 1)
      note("the items are in several currencies: the totals add them up as they are");

    // The account statement.
    {
      auto pdf = letter_renderer.render_statement(account_statement(
          creditor, party_of(*customer), customer->id, customer->language, open, dossier.currency, as_of));
      if (pdf.value)
        files.add("", "statement", ".pdf", std::move(*pdf.value));
      else
        note("the account statement could not be rendered: " +
             first_message(pdf.diagnostics, "render failed"));
    }

    // The reminder history, and a copy of each letter.
    std::string csv = "date,level,channels,items,total,pdf_sha256,file,deliveries\n";
    Json history = Json::array();
    for (const auto& h : ledger.history(customer->id)) {
      if (h.as_of > as_of) continue;
      Json file = nullptr;
      if (h.as_of == candidate.notice.as_of && h.level == candidate.notice.level) {
        file = notice_file;
      } else if (!h.pdf_sha256.empty()) {
        if (auto pdf = find_letter_pdf(options.letters, customer->id, h))
          file = files.add("letters/", h.as_of.to_iso() + "-" + safe_file_stem(h.level), ".pdf",
                           std::move(*pdf));
        else
          note("the letter " + h.level + " of " + h.as_of.to_iso() + " (SHA-256 " + h.pdf_sha256 +
               ") was not found under " + options.letters.string());
      }
      // One "channel:transport:state[:reference[:delivery[:tracking]]]" per delivery, for the CSV; the
      // manifest has them field by field.
      std::vector<std::string> references;
      Json deliveries = Json::array();
      for (const auto& d : h.deliveries) {
        references.push_back(d.channel + ":" + d.transport + ":" + d.state +
                             (d.provider_reference.empty() ? "" : ":" + d.provider_reference) +
                             (d.delivery_stage.empty() ? "" : ":" + d.delivery_stage) +
                             (d.tracking_number.empty() ? "" : ":" + d.tracking_number));
        deliveries.push_back(
            {{"channel", d.channel},
             {"transport", d.transport},
             {"state", d.state},
             {"provider_reference", d.provider_reference},
             {"finished_at", d.finished_at.empty() ? Json(nullptr) : Json(d.finished_at)},
             {"delivery", d.delivery_stage.empty() ? Json(nullptr) : Json(d.delivery_stage)},
             {"tracking_number", d.tracking_number.empty() ? Json(nullptr) : Json(d.tracking_number)}});
      }
      csv += h.as_of.to_iso() + "," + csv_field(h.level) + "," + csv_field(join(h.channels, "+")) + "," +
             csv_field(join(h.item_numbers, " ")) + "," + amount(h.total) + "," + h.pdf_sha256 + "," +
             (file.is_string() ? file.get<std::string>() : std::string{}) + "," +
             csv_field(join(references, " ")) + "\n";
      history.push_back({{"date", h.as_of.to_iso()},
                         {"level", h.level},
                         {"channels", h.channels},
                         {"items", h.item_numbers},
                         {"total", amount(h.total)},
                         {"pdf_sha256", h.pdf_sha256.empty() ? Json(nullptr) : Json(h.pdf_sha256)},
                         {"file", file},
                         {"deliveries", deliveries}});
    }
    files.add("", "history", ".csv", std::move(csv));

    Json file_list = Json::array();
    for (const auto& f : files.files())
      file_list.push_back({{"name", f.name}, {"sha256", sha256_hex(f.bytes)}, {"size", f.bytes.size()}});

    Json manifest{{"format", "relance-dossier/1"},
                  {"as_of", as_of.to_iso()},
                  {"debtor",
                   {{"id", customer->id},
                    {"name", customer->name},
                    {"siren", customer->siren},
                    {"siret", customer->siret},
                    {"vat_id", customer->vat_id},
                    {"emails", customer->emails},
                    {"billing_address", address_json(customer->billing_address)},
                    {"postal_address", address_json(customer->postal_address)},
                    {"language", std::string(letters::language_code(customer->language))},
                    {"profile", customer->profile},
                    {"account_manager", customer->account_manager}}},
                  {"creditor",
                   {{"name", creditor.name},
                    {"siren", creditor.siren},
                    {"vat_id", creditor.vat_id},
                    {"address", address_json(creditor.address)},
                    {"email", creditor.email},
                    {"phone", creditor.phone},
                    {"iban", creditor_iban},
                    {"bic", creditor_bic}}},
                  {"formal_notice",
                   {{"date", candidate.notice.as_of.to_iso()},
                    {"deadline", candidate.deadline.to_iso()},
                    {"level", candidate.notice.level},
                    {"channels", candidate.notice.channels},
                    {"total", amount(candidate.notice.total)},
                    {"pdf_sha256", candidate.notice.pdf_sha256},
                    {"file", notice_file}}},
                  {"currency", dossier.currency},
                  {"principal", amount(principal)},
                  {"interest", amount(interest)},
                  {"indemnity", amount(indemnity)},
                  {"total", amount(total)},
                  {"items", items},
                  {"history", history},
                  {"files", file_list},
                  {"notes", notes}};
    files.put_first(ZipEntry{"manifest.json", manifest.dump(2) + "\n"});

    // The folder, then the ZIP: both replace what an earlier export of the same date left.
    std::error_code ec;
    fs::remove_all(dossier.folder, ec);
    for (const auto& f : files.files()) write_output(dossier.folder / f.name, f.bytes);
    write_zip(dossier.zip, files.files(), as_of);
    const auto zip_bytes = read_bytes(dossier.zip);
    if (!zip_bytes) fail("RL-OUT-001", dossier.zip.string(), "cannot read the ZIP back");
    dossier.zip_sha256 = sha256_hex(*zip_bytes);
    report.dossiers.push_back(std::move(dossier));
  }
  return report;
}

// ---- The journal

fs::path dossier_journal_path(const fs::path& output) {
  return output / "dossiers" / "sent.jsonl";
}

std::vector<SentDossier> read_dossier_journal(const fs::path& journal) {
  std::vector<SentDossier> out;
  std::ifstream in(journal, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (fs::exists(journal, ec)) fail("RL-DOSSIER-003", journal.string(), "cannot read the journal");
    return out;
  }
  std::string line;
  while (std::getline(in, line)) {
    const Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("sha256") || !j["sha256"].is_string()) continue;
    auto text = [&](const char* key) {
      const auto it = j.find(key);
      return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
    };
    out.push_back(SentDossier{text("sha256"), text("customer_id"), text("formal_notice"), text("as_of"),
                              text("zip"), text("remote"), text("sent_at")});
  }
  return out;
}

void append_dossier_journal(const fs::path& journal, const SentDossier& entry) {
  fs::create_directories(journal.parent_path());
  const std::string where = journal.string();
  const int fd = ::open(journal.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) fail("RL-OUT-001", where, std::string("cannot open the journal: ") + std::strerror(errno));
  struct stat st {};
  std::string line;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    // A line cut by a crash is left as it is (readers skip it); the new entry starts on its own line.
    char last = '\n';
    if (::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n') line = "\n";
  }
  line += Json{{"sha256", entry.sha256},
               {"customer_id", entry.customer_id},
               {"formal_notice", entry.formal_notice},
               {"as_of", entry.as_of},
               {"zip", entry.zip},
               {"remote", entry.remote},
               {"sent_at", entry.sent_at}}
              .dump() +
          "\n";
  std::size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(fd, line.data() + written, line.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int e = errno;
      ::close(fd);
      fail("RL-OUT-001", where, std::string("cannot write the journal: ") + std::strerror(e));
    }
    written += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  const int e = errno;
  ::close(fd);
  if (!synced) fail("RL-OUT-001", where, std::string("cannot sync the journal: ") + std::strerror(e));
  if (st.st_size == 0) {
    // A new file: its folder entry must reach the disk too.
    const int dir = ::open(journal.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
  }
}

// ---- Reading a ZIP

std::vector<ZipEntry> read_zip(const fs::path& zip) {
  int error = 0;
  zip_t* archive = zip_open(zip.c_str(), ZIP_RDONLY, &error);
  if (!archive) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    const std::string message = zip_error_strerror(&e);
    zip_error_fini(&e);
    fail("RL-DOSSIER-002", zip.string(), "cannot open the ZIP: " + message);
  }
  std::vector<ZipEntry> out;
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    zip_stat_init(&st);
    zip_file_t* file = nullptr;
    if (zip_stat_index(archive, index, 0, &st) != 0 || !(file = zip_fopen_index(archive, index, 0))) {
      const std::string message = zip_strerror(archive);
      zip_discard(archive);
      fail("RL-DOSSIER-002", zip.string(), "cannot read an entry of the ZIP: " + message);
    }
    ZipEntry entry{st.name ? st.name : "", {}};
    char buffer[65536];
    zip_int64_t n = 0;
    while ((n = zip_fread(file, buffer, sizeof buffer)) > 0)
      entry.bytes.append(buffer, static_cast<std::size_t>(n));
    zip_fclose(file);
    if (n < 0) {
      zip_discard(archive);
      fail("RL-DOSSIER-002", zip.string(), "cannot read " + entry.name + " in the ZIP");
    }
    out.push_back(std::move(entry));
  }
  zip_discard(archive);
  return out;
}

}  // namespace relance::pipeline::detail
