#pragma once
// Recovery-agency dossiers (issue 6, deliver 4): for each formal notice whose deadline passed with
// nothing moving on its items since (no payment, dispute or promise), a folder and a ZIP per debtor
// with everything a collection agency needs to take the claim over, and the journal of the
// dossiers handed over (OUT/dossiers/sent.jsonl) that makes `relance dossier send` deliver each
// one exactly once.
//
// Layout, under OUT/dossiers/AS_OF/:
//   <debtor>/manifest.json        who owes what, every item, every file with its SHA-256
//   <debtor>/formal_notice.pdf    the formal notice as sent (found among the letters by SHA-256)
//   <debtor>/invoices/<N>.pdf     each unpaid invoice as Factur-X, rendered from its source file
//   <debtor>/statement.pdf        the account statement on AS_OF
//   <debtor>/history.csv          every letter: date, level, channels, items, total, provider reference
//   <debtor>/letters/<D>-<L>.pdf  copies of the other letters sent
//   <debtor>.zip                  the same files (what `dossier send` uploads)
// <debtor> is the customer id made safe for a file name (safe_file_stem), with 8 hex digits of its
// SHA-256 appended when that changed it, so that two ids never share a folder.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config.hpp"
#include "ledger.hpp"
#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"
#include "relance/formats/diagnostic.hpp"

namespace relance::pipeline::detail {

// The level whose deadline hands a debtor over, and the days the formal notice gives to pay
// (letters::Letter::deadline_days): the deadline is the letter's date plus 8 days, and it has
// passed on the day after.
inline constexpr std::string_view formal_notice_level = "formal_notice";
inline constexpr int formal_notice_deadline_days = 8;

// A formal notice that is due for handover on the as-of date.
struct DossierCandidate {
  std::string customer_id;
  HistoryEntry notice;  // the latest formal notice of the customer
  formats::Date deadline = formats::Date::from_days(0);
  std::vector<std::int64_t> item_ids;  // its items, still owing on the as-of date
};

// Why a formal notice gives no dossier on the as-of date, for the user.
struct DossierSkip {
  std::string customer_id;
  formats::Date notice_date = formats::Date::from_days(0);
  std::string reason;  // "deadline 2024-05-27 not passed", "FA-1 paid since the formal notice", ...
};

struct DossierSelection {
  std::vector<DossierCandidate> candidates;  // by customer id
  std::vector<DossierSkip> skipped;
};

// The customers' latest formal notices on `as_of`: a candidate when its deadline has passed and
// none of its items moved (a payment or credit note valued, a dispute opened or closed, a promise
// made) on or after the notice's date, none is under an open dispute, and something is still owed.
DossierSelection select_dossiers(const Ledger& ledger, formats::Date as_of);

// An item of a dossier, as its manifest lists it.
struct DossierItemRef {
  std::int64_t id = 0;
  std::string number;
};

// Whether a dossier exported earlier still stands on `as_of` (checked again just before sending):
// empty when it does, else the reason it no longer does ("FA-1 paid since the formal notice").
std::string dossier_still_stands(const Ledger& ledger, const std::string& customer_id,
                                 formats::Date notice_date, const std::vector<DossierItemRef>& items,
                                 formats::Date as_of);

// The debtor's folder name: the customer id through safe_file_stem(), with "-" and 8 hex digits
// of the id's SHA-256 appended when that changed it ("../../etc" -> "_._.._etc-1b2c3d4e").
std::string dossier_name(const std::string& customer_id);

struct DossierExportOptions {
  formats::Date as_of = formats::Date::from_days(0);
  std::filesystem::path output = "out";           // dossiers go to OUTPUT/dossiers/AS_OF/
  std::filesystem::path letters = "out/letters";  // where `relance remind --out` wrote the letters
  std::filesystem::path templates;                // a templates folder instead of the default
};

struct ExportedDossier {
  std::string customer_id;
  std::string customer_name;
  std::string name;  // the debtor's safe folder name
  std::filesystem::path folder;
  std::filesystem::path zip;
  std::string zip_sha256;
  std::string currency;
  formats::Decimal total;
  std::vector<std::string> notes;  // documents missing or not rendered
};

struct DossierExportReport {
  std::vector<ExportedDossier> dossiers;
  std::vector<DossierSkip> skipped;
  std::vector<std::string> already_sent;  // customers whose notice was handed over before
};

// Builds the dossiers of `as_of` (replacing a debtor's folder and ZIP of that date if they exist).
// A formal notice whose dossier the journal shows as sent is not exported again. Throws
// relance::Error for what stops the whole export (the output cannot be written, the reference
// rates cannot be read); a missing document only leaves a note in the manifest.
DossierExportReport export_dossiers(const Ledger& ledger, const Config& config,
                                    const DossierExportOptions& options);

// OUT/dossiers/sent.jsonl: one JSON object per dossier handed over.
std::filesystem::path dossier_journal_path(const std::filesystem::path& output);

struct SentDossier {
  std::string sha256;  // of the ZIP
  std::string customer_id;
  std::string formal_notice;  // the notice's date, YYYY-MM-DD
  std::string as_of;          // the export's date
  std::string zip;            // the local file
  std::string remote;         // where it went
  std::string sent_at;        // UTC, ISO 8601
};

// The journal's entries; a line that is not a complete JSON object (a write cut by a crash) is
// ignored. A missing file is an empty journal.
std::vector<SentDossier> read_dossier_journal(const std::filesystem::path& journal);
// Appends one entry and fsyncs it (and the folder, when the file is new) before returning.
void append_dossier_journal(const std::filesystem::path& journal, const SentDossier& entry);

// A ZIP's entries, in order, with their bytes (RL-DOSSIER-002 when it cannot be read).
struct ZipEntry {
  std::string name;
  std::string bytes;
};
std::vector<ZipEntry> read_zip(const std::filesystem::path& zip);

}  // namespace relance::pipeline::detail
