#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>

#include "commands.hpp"
#include "config.hpp"
#include "customer_party.hpp"
#include "digest.hpp"
#include "inputs.hpp"
#include "ledger.hpp"
#include "outbox.hpp"
#include "relance/letters/dunning.hpp"
#include "relance/letters/email.hpp"
#include "relance/letters/late_interest.hpp"
#include "relance/letters/letter.hpp"
#include "safe_names.hpp"

namespace relance::pipeline::detail {

namespace {

using formats::Date;
using formats::Decimal;
using Json = nlohmann::ordered_json;

bool has_channel(const letters::DunningLevel& level, letters::Channel channel) {
  return std::find(level.channels.begin(), level.channels.end(), channel) != level.channels.end();
}

std::string channels_text(const letters::DunningLevel& level) {
  std::string out;
  for (auto c : level.channels) out += (out.empty() ? "" : "+") + std::string(letters::channel_name(c));
  return out;
}

struct Totals {
  std::map<std::string, std::size_t> letters_per_level;
  std::map<std::string, Decimal> at_stake_per_currency;
  std::size_t customers = 0;
  std::size_t phone_tasks = 0;
  std::size_t messages = 0;  // queued in the outbox
};

// The postal address lines of a letter's recipient: the name first, then the address as a
// letter's window shows it.
std::vector<std::string> postal_lines(const letters::LetterParty& party) {
  std::vector<std::string> lines{party.name};
  const formats::Address& a = party.address;
  for (const std::string* line : {&a.line_one, &a.line_two, &a.line_three})
    if (!line->empty()) lines.push_back(*line);
  std::string city = a.post_code;
  if (!a.city.empty()) city += (city.empty() ? "" : " ") + a.city;
  if (!city.empty()) lines.push_back(city);
  if (!a.country_subdivision.empty()) lines.push_back(a.country_subdivision);
  return lines;
}

// The letter as the recipient's mail program names it: "reminder_1-FA-2026-0042".
std::string attachment_name(const letters::Letter& letter) {
  return safe_file_stem(letter.level +
                        (letter.items.empty() ? std::string() : "-" + letter.items.front().number));
}

// The messages that carry one letter: one per channel of its level (phone calls are tasks).
std::vector<QueuedMessage> messages_for(const letters::Letter& letter, const letters::DunningLevel& level,
                                        const CustomerRecord& customer,
                                        const std::vector<std::int64_t>& item_ids,
                                        const std::vector<QueuedAttachment>& attachments,
                                        letters::EmailRenderer& emails) {
  std::vector<QueuedMessage> out;
  for (const letters::Channel c : level.channels) {
    if (c == letters::Channel::phone) continue;
    QueuedMessage m;
    m.channel = std::string(letters::channel_name(c));
    m.id = outbox_message_id(letter.as_of, customer.id, letter.level, m.channel);
    m.as_of = letter.as_of;
    m.customer_id = customer.id;
    m.level = letter.level;
    m.language = std::string(letters::language_code(letter.language));
    m.recipient_name = customer.name;
    m.attachments = attachments;
    m.item_ids = item_ids;
    if (c == letters::Channel::email) {
      m.emails = customer.emails;
      letters::EmailFacts facts;
      facts.debtor_name = customer.name;
      facts.creditor_name = letter.creditor.name;
      facts.creditor_email = letter.creditor.email;
      facts.creditor_phone = letter.creditor.phone;
      for (const auto& item : letter.items) facts.item_numbers.push_back(item.number);
      facts.total = letter.total;
      facts.currency = letter.currency;
      facts.as_of = letter.as_of;
      letters::EmailTexts texts = emails.render(letter.level, letter.language, facts);
      m.subject = std::move(texts.subject);
      m.text_body = std::move(texts.text);
      m.html_body = std::move(texts.html);
    } else {
      m.postal_address = postal_lines(letter.debtor);
      m.country_code = letter.debtor.address.country_code;
    }
    out.push_back(std::move(m));
  }
  return out;
}

// CSV field: quoted when it holds a separator, a quote or a line break.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

ExitCode run_remind(const RemindOptions& options, std::ostream& out, std::ostream& err) {
  const auto as_of = Date::parse_iso(options.as_of);
  if (!as_of) {
    err << "relance remind: --as-of must be a date YYYY-MM-DD, not '" << options.as_of << "'\n";
    return ExitCode::failure;
  }
  auto config = load_config(options.config);
  for (const auto& d : config.diagnostics.items()) err << format_diagnostic(d) << '\n';
  if (!config.value) return ExitCode::failure;
  try {
    auto ledger = Ledger::open(ledger_path(options.db.empty() ? config.value->ledger_path : options.db));
    if (!options.dry_run && ledger->batch_recorded(*as_of)) {
      out << "relance remind: the batch of " << as_of->to_iso()
          << " is already recorded: nothing new to send (use --dry-run to see it again)\n";
      return ExitCode::success;
    }
    const DunningState state = ledger->dunning_state(*as_of);
    const letters::BatchPlan plan =
        letters::plan_batch(config.value->scenario, state.customers, state.items, *as_of);

    std::map<std::int64_t, const letters::DunningItem*> items_by_id;
    for (const auto& item : state.items) items_by_id.emplace(item.id, &item);
    std::optional<letters::ReferenceRates> rates;
    auto reference_rates = [&]() -> const letters::ReferenceRates& {
      if (!rates) {
        const auto path = config.value->reference_rates.empty() ? letters::default_reference_rates_path()
                                                                : config.value->reference_rates;
        auto loaded = letters::ReferenceRates::load(path);
        if (!loaded.value) throw Error(loaded.diagnostics.items().front());
        rates = std::move(*loaded.value);
      }
      return *rates;
    };

    const std::filesystem::path folder = std::filesystem::path(options.output) / as_of->to_iso();
    letters::LetterRenderer renderer({options.templates, {}});
    letters::EmailRenderer emails(options.templates);
    Json json_letters = Json::array();
    Json json_tasks = Json::array();
    std::vector<RecordedLetter> recorded;
    std::vector<QueuedMessage> messages;  // queued with the batch
    std::string phone_csv = "customer,name,account_manager,phone,items,outstanding,currency,days_late\n";
    Totals totals;
    bool failed = false;
    std::map<std::string, bool> customers_seen;

    for (const auto& planned : plan.letters) {
      const auto customer = ledger->customer(planned.customer_id);
      if (!customer) continue;
      customers_seen[planned.customer_id] = true;
      letters::Letter letter;
      letter.level = planned.level.name;
      letter.template_name = planned.level.template_name;
      letter.profile = customer->profile;
      letter.language = customer->language;
      letter.as_of = *as_of;
      letter.reference = as_of->to_basic() + "-" + planned.customer_id + "-" + planned.level.name;
      // The statement and the creditor need the customer's open items; a dry run renders nothing.
      const std::vector<ItemRecord> open_items =
          options.dry_run ? std::vector<ItemRecord>{} : ledger->open_items(customer->id);
      // The creditor is the configured [company], else the seller of the invoices being claimed.
      letter.creditor = config.value->company.party;
      letter.creditor_iban = config.value->company.iban;
      letter.creditor_bic = config.value->company.bic;
      if (letter.creditor.name.empty()) {
        for (const auto& open : open_items) {
          if (std::find(planned.item_ids.begin(), planned.item_ids.end(), open.id) == planned.item_ids.end())
            continue;
          if (auto seller = ledger->seller(open.seller_id)) {
            letter.creditor = seller->party;
            letter.creditor_iban = seller->iban;
            letter.creditor_bic = seller->bic;
          }
          break;
        }
      }
      letter.debtor = party_of(*customer);
      letter.customer_id = customer->id;
      letter.account_manager = customer->account_manager;
      const bool claims = planned.level.claims_interest;
      // Public buyers owe default interest under the public procurement code unless the
      // configuration fixes a rate for everyone.
      const letters::PenaltyRatePolicy policy =
          customer->profile == letters::profile_public_sector && !config.value->penalty.fixed_rate_percent
              ? letters::public_procurement_policy()
              : config.value->penalty;
      Json json_items = Json::array();
      for (auto id : planned.item_ids) {
        const auto it = items_by_id.find(id);
        if (it == items_by_id.end()) continue;
        const letters::DunningItem& item = *it->second;
        letters::LetterItem li;
        li.number = item.number;
        li.issue_date = item.issue_date;
        li.due_date = item.due_date;
        li.amount = item.amount;
        li.outstanding = item.outstanding();
        li.paid = item.amount - li.outstanding;
        li.days_late = static_cast<int>(
            std::max<std::int64_t>(0, as_of->days_since_epoch() - item.due_date.days_since_epoch()));
        letter.currency = item.currency;
        if (claims && li.days_late > 0) {
          auto interest = letters::late_interest(item, *as_of, policy, reference_rates());
          if (!interest.value) throw Error(interest.diagnostics.items().front());
          li.interest = *interest.value;
          letter.interest = letter.interest + li.interest.total;
          letter.indemnity = letter.indemnity + letters::recovery_indemnity(customer->profile);
        }
        letter.principal = letter.principal + li.outstanding;
        json_items.push_back({{"number", li.number},
                              {"due_date", li.due_date.to_iso()},
                              {"outstanding", li.outstanding.to_string()},
                              {"days_late", li.days_late},
                              {"interest", li.interest.total.rounded(2).to_string()}});
        letter.items.push_back(std::move(li));
      }
      letter.total = letter.principal + letter.interest + letter.indemnity;
      if (claims) {
        // The rate the letter states: the one its computation used (for public buyers, the rate
        // fixed when the delay began), else the rate in force today.
        std::optional<Decimal> rate;
        for (const auto& li : letter.items)
          if (!li.interest.lines.empty()) rate = li.interest.lines.back().rate_percent;
        if (!rate) rate = letters::penalty_rate_on(*as_of, policy, reference_rates());
        if (rate) letter.penalty_rate_text = letters::format_percent(*rate, letter.language);
      }
      totals.letters_per_level[letter.level]++;
      auto& stake = totals.at_stake_per_currency[letter.currency];
      stake = stake + letter.total;

      if (has_channel(planned.level, letters::Channel::phone)) {
        ++totals.phone_tasks;
        std::string numbers;
        int most_late = 0;
        for (const auto& li : letter.items) {
          numbers += (numbers.empty() ? "" : " ") + li.number;
          most_late = std::max(most_late, li.days_late);
        }
        phone_csv += csv_field(customer->id) + "," + csv_field(customer->name) + "," +
                     csv_field(customer->account_manager) + ",," + csv_field(numbers) + "," +
                     letter.principal.to_string() + "," + letter.currency + "," + std::to_string(most_late) +
                     "\n";
        json_tasks.push_back({{"customer", customer->id},
                              {"account_manager", customer->account_manager},
                              {"items", json_items},
                              {"outstanding", letter.principal.to_string()}});
        continue;
      }

      std::string pdf_path;
      std::string sha;
      std::vector<QueuedAttachment> attachments;
      if (!options.dry_run) {
        auto pdf = renderer.render_letter(letter);
        for (const auto& d : pdf.diagnostics.items()) err << format_diagnostic(d) << '\n';
        if (!pdf.value) {
          failed = true;
          continue;
        }
        const std::string stem = safe_file_stem(customer->id) + "-" + safe_file_stem(letter.level);
        const auto letter_file = folder / (stem + ".pdf");
        write_output(letter_file, *pdf.value);
        // Every letter travels with the customer's account statement.
        auto statement_pdf = renderer.render_statement(
            account_statement(letter.creditor, letter.debtor, customer->id, letter.language, open_items,
                              letter.currency, *as_of));
        for (const auto& d : statement_pdf.diagnostics.items()) err << format_diagnostic(d) << '\n';
        pdf_path = letter_file.string();
        sha = sha256_hex(*pdf.value);
        // The messages carry the files by absolute path: dispatch may run from another folder.
        attachments.push_back(QueuedAttachment{attachment_name(letter) + ".pdf", "application/pdf",
                                               std::filesystem::absolute(letter_file).string(), sha});
        if (statement_pdf.value) {
          const auto statement_file = folder / (stem + "-statement.pdf");
          write_output(statement_file, *statement_pdf.value);
          attachments.push_back(QueuedAttachment{"statement.pdf", "application/pdf",
                                                 std::filesystem::absolute(statement_file).string(),
                                                 sha256_hex(*statement_pdf.value)});
        }
      }
      json_letters.push_back({{"customer", customer->id},
                              {"level", letter.level},
                              {"channel", channels_text(planned.level)},
                              {"items", json_items},
                              {"principal", letter.principal.to_string()},
                              {"interest", letter.interest.rounded(2).to_string()},
                              {"indemnity", letter.indemnity.rounded(2).to_string()},
                              {"total", letter.total.rounded(2).to_string()},
                              {"pdf", pdf_path.empty() ? Json(nullptr) : Json(pdf_path)}});
      RecordedLetter r;
      r.customer_id = customer->id;
      r.level = letter.level;
      for (auto c : planned.level.channels) r.channels.emplace_back(letters::channel_name(c));
      r.item_ids = planned.item_ids;
      r.principal = letter.principal;
      r.interest = letter.interest;
      r.indemnity = letter.indemnity;
      r.total = letter.total;
      r.currency = letter.currency;
      r.pdf_path = pdf_path;
      r.pdf_sha256 = sha;
      if (!options.dry_run) {
        for (auto& m : messages_for(letter, planned.level, *customer, planned.item_ids, attachments, emails))
          messages.push_back(std::move(m));
      }
      recorded.push_back(std::move(r));
    }
    if (!options.dry_run) {
      if (totals.phone_tasks > 0) write_output(folder / "phone_tasks.csv", phone_csv);
      // Phone tasks are part of the batch too: the next level waits until after the call.
      for (const auto& planned : plan.letters) {
        if (!has_channel(planned.level, letters::Channel::phone)) continue;
        RecordedLetter r;
        r.customer_id = planned.customer_id;
        r.level = planned.level.name;
        r.channels = {"phone"};
        r.item_ids = planned.item_ids;
        recorded.push_back(std::move(r));
      }
      ledger->record_batch(*as_of, recorded, messages);
      totals.messages = messages.size();
    }
    totals.customers = customers_seen.size();

    if (options.json) {
      Json j{{"as_of", as_of->to_iso()}, {"letters", json_letters}, {"phone_tasks", json_tasks}};
      out << j.dump(2) << '\n';
    } else {
      out << "relance remind " << as_of->to_iso()
          << (options.dry_run ? " (dry run: nothing rendered or recorded)" : "") << ": " << totals.customers
          << " customer(s)\n";
      for (const auto& [level, n] : totals.letters_per_level) out << "  " << level << ": " << n << '\n';
      for (const auto& [currency, amount] : totals.at_stake_per_currency)
        out << "  at stake: " << amount.rounded(2).to_string() << ' ' << currency << '\n';
      out << "  items skipped (paid, disputed, promised, not due, ...): " << plan.skipped.size() << '\n';
      if (!options.dry_run) {
        out << "  letters and statements in " << folder.string() << '\n';
        out << "  messages queued: " << totals.messages << " (relance dispatch sends them)\n";
      }
    }
    return failed ? ExitCode::rejected : ExitCode::success;
  } catch (const Error& e) {
    err << format_diagnostic(e.diagnostic) << '\n';
    return ExitCode::failure;
  }
}

}  // namespace relance::pipeline::detail
