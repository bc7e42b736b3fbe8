#include "config.hpp"

#include "outbox.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <initializer_list>
#include <set>
#include <utility>

namespace relance::pipeline::detail {
namespace {

void config_error(Result<Config>& r, const std::string& file, const toml::source_region& where,
                  const std::string& message) {
  Location loc{
      file, {}, static_cast<std::uint32_t>(where.begin.line), static_cast<std::uint32_t>(where.begin.column)};
  r.diagnostics.add("RL-CONFIG-001", Severity::fatal, std::move(loc), message);
}

template <class T>
void read_int(Result<Config>& r, const std::string& file, const toml::table& t, const char* key, T& target) {
  const toml::node* n = t.get(key);
  if (!n) return;
  if (auto v = n->value<std::int64_t>(); v && *v >= 0 && *v <= 3650) {
    target = static_cast<T>(*v);
  } else {
    config_error(r, file, n->source(),
                 std::string("[validation] ") + key + " must be a whole number of days (0 to 3650)");
  }
}

void read_validation(Result<Config>& r, const std::string& file, const toml::table& v) {
  formats::ValidationOptions& o = r.value->validation;
  static constexpr std::string_view known[] = {"max_payment_days",           "max_payment_days_end_of_month",
                                               "end_of_month_reading",       "max_days_after_delivery",
                                               "sector_max_payment_days",    "reform_mentions_from",
                                               "seller_opted_vat_on_debits", "rules"};
  for (const auto& [key, node] : v) {
    bool ok = false;
    for (auto k : known) ok = ok || key.str() == k;
    if (!ok) config_error(r, file, node.source(), "unknown key [validation] " + std::string(key.str()));
  }
  read_int(r, file, v, "max_payment_days", o.max_payment_days);
  read_int(r, file, v, "max_payment_days_end_of_month", o.max_payment_days_end_of_month);
  read_int(r, file, v, "max_days_after_delivery", o.max_days_after_delivery);
  if (v.get("sector_max_payment_days")) {
    int days = 0;
    read_int(r, file, v, "sector_max_payment_days", days);
    o.sector_max_payment_days = days;
  }
  if (const toml::node* n = v.get("reform_mentions_from")) {
    const auto text = n->value<std::string>();
    if (text && *text == "never")
      o.reform_mentions_from.reset();
    else if (const auto date = text ? formats::Date::parse_iso(*text) : std::nullopt)
      o.reform_mentions_from = date;
    else
      config_error(r, file, n->source(),
                   "[validation] reform_mentions_from must be a date (YYYY-MM-DD) or \"never\"");
  }
  if (const toml::node* n = v.get("seller_opted_vat_on_debits")) {
    if (const auto b = n->value<bool>())
      o.seller_opted_vat_on_debits = *b;
    else
      config_error(r, file, n->source(), "[validation] seller_opted_vat_on_debits must be true or false");
  }
  if (const toml::node* n = v.get("end_of_month_reading")) {
    const auto s = n->value<std::string>();
    if (s == "stricter")
      o.end_of_month_reading = formats::EndOfMonthReading::stricter;
    else if (s == "end_of_month_then_days")
      o.end_of_month_reading = formats::EndOfMonthReading::end_of_month_then_days;
    else if (s == "days_then_end_of_month")
      o.end_of_month_reading = formats::EndOfMonthReading::days_then_end_of_month;
    else
      config_error(r, file, n->source(),
                   "[validation] end_of_month_reading must be \"stricter\", \"end_of_month_then_days\" or "
                   "\"days_then_end_of_month\"");
  }
  if (const toml::table* rules = v["rules"].as_table()) {
    for (const auto& [key, node] : *rules) {
      const std::string id(key.str());
      if (!formats::find_rule(id)) {
        config_error(r, file, node.source(), "[validation.rules] " + id + " is not a rule relance knows");
        continue;
      }
      const auto text = node.value<std::string>();
      std::optional<Severity> severity;
      if (!text || !parse_severity_setting(*text, severity)) {
        config_error(r, file, node.source(),
                     "[validation.rules] " + id + " must be \"fatal\", \"warning\", \"info\" or \"off\"");
        continue;
      }
      o.overrides[id] = severity;
    }
  }
}

// A decimal written as a string ("50.00"), an integer or a float (12.5; read back exactly as written
// when it has few digits, so strings are better for money).
std::optional<formats::Decimal> decimal_of(const toml::node& n) {
  if (const auto* s = n.as_string()) return formats::Decimal::parse(s->get());
  if (const auto* i = n.as_integer()) return formats::Decimal::from_integer(i->get());
  if (const auto* f = n.as_floating_point()) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, f->get(), std::chars_format::fixed);
    if (res.ec != std::errc{}) return std::nullopt;
    return formats::Decimal::parse(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
  }
  return std::nullopt;
}

std::optional<int> int_in(Result<Config>& r, const std::string& file, const toml::node& n, int lo, int hi,
                          const std::string& what) {
  if (const auto* i = n.as_integer(); i && i->get() >= lo && i->get() <= hi)
    return static_cast<int>(i->get());
  config_error(r, file, n.source(),
               what + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return std::nullopt;
}

std::optional<bool> bool_of(Result<Config>& r, const std::string& file, const toml::node& n,
                            const std::string& what) {
  if (const auto* b = n.as_boolean()) return b->get();
  config_error(r, file, n.source(), what + " must be true or false");
  return std::nullopt;
}

std::optional<std::string> string_of(Result<Config>& r, const std::string& file, const toml::node& n,
                                     const std::string& what, bool may_be_empty = false) {
  if (const auto* s = n.as_string(); s && (may_be_empty || !s->get().empty())) return s->get();
  config_error(r, file, n.source(),
               what + (may_be_empty ? " must be a string" : " must be a non-empty string"));
  return std::nullopt;
}

// Relative paths in the file are relative to its folder.
std::filesystem::path beside(const std::filesystem::path& config_file, const std::string& value) {
  const std::filesystem::path p(value);
  if (p.is_absolute() || config_file.parent_path().empty()) return p;
  return config_file.parent_path() / p;
}

template <std::size_t N>
void reject_unknown(Result<Config>& r, const std::string& file, const toml::table& t,
                    const std::string_view (&known)[N], const std::string& where) {
  for (const auto& [key, node] : t) {
    bool ok = false;
    for (auto k : known) ok = ok || key.str() == k;
    if (!ok) config_error(r, file, node.source(), "unknown key " + where + " " + std::string(key.str()));
  }
}

// The keys of one level, in [[dunning.level]] or, all but the name, in [dunning.profile.P.LEVEL].
void read_level(Result<Config>& r, const std::string& file, const toml::table& t,
                letters::DunningLevel& level, const std::string& where, bool is_override) {
  static constexpr std::string_view known[] = {"name",
                                               "offset_days",
                                               "channels",
                                               "template",
                                               "min_amount",
                                               "min_days_since_previous",
                                               "before_due_only",
                                               "replaces",
                                               "profiles",
                                               "first_late_item_only",
                                               "requires_no_movement",
                                               "claims_interest"};
  reject_unknown(r, file, t, known, where);
  if (const toml::node* n = t.get("name")) {
    if (is_override)
      config_error(r, file, n->source(), where + " cannot rename the level");
    else if (auto v = string_of(r, file, *n, where + " name"))
      level.name = *v;
  }
  if (const toml::node* n = t.get("offset_days")) {
    if (auto v = int_in(r, file, *n, -3650, 3650, where + " offset_days (days from the due date)"))
      level.offset_days = *v;
  }
  if (const toml::node* n = t.get("channels")) {
    const toml::array* a = n->as_array();
    if (!a || a->empty()) {
      config_error(r, file, n->source(),
                   where +
                       " channels must be a non-empty list: \"email\", \"postal\", \"registered\", "
                       "\"phone\", \"agency\"");
    } else {
      level.channels.clear();
      for (const toml::node& c : *a) {
        const auto* s = c.as_string();
        const auto channel = s ? letters::parse_channel(s->get()) : std::nullopt;
        if (!channel) {
          config_error(r, file, c.source(),
                       where + " channels: " + (s ? "'" + s->get() + "'" : std::string("a non-string")) +
                           " is not \"email\", \"postal\", \"registered\", \"phone\" or \"agency\"");
          continue;
        }
        level.channels.push_back(*channel);
      }
    }
  }
  if (const toml::node* n = t.get("template")) {
    if (auto v = string_of(r, file, *n, where + " template")) level.template_name = *v;
  }
  if (const toml::node* n = t.get("min_amount")) {
    const auto v = decimal_of(*n);
    if (v && v->sign() >= 0)
      level.min_amount = *v;
    else
      config_error(r, file, n->source(),
                   where + " min_amount must be an amount of 0 or more, e.g. \"50.00\"");
  }
  if (const toml::node* n = t.get("min_days_since_previous")) {
    if (auto v = int_in(r, file, *n, 0, 3650, where + " min_days_since_previous"))
      level.min_days_since_previous = *v;
  }
  if (const toml::node* n = t.get("before_due_only")) {
    if (auto v = bool_of(r, file, *n, where + " before_due_only")) level.before_due_only = *v;
  }
  if (const toml::node* n = t.get("replaces")) {
    if (auto v = string_of(r, file, *n, where + " replaces", true)) level.replaces = *v;
  }
  if (const toml::node* n = t.get("profiles")) {
    const toml::array* a = n->as_array();
    if (!a) {
      config_error(r, file, n->source(), where + " profiles must be a list of profile names");
    } else {
      level.profiles.clear();
      for (const toml::node& p : *a) {
        if (auto v = string_of(r, file, p, where + " profiles")) level.profiles.push_back(*v);
      }
    }
  }
  if (const toml::node* n = t.get("first_late_item_only")) {
    if (auto v = bool_of(r, file, *n, where + " first_late_item_only")) level.first_late_item_only = *v;
  }
  if (const toml::node* n = t.get("requires_no_movement")) {
    if (auto v = bool_of(r, file, *n, where + " requires_no_movement")) level.requires_no_movement = *v;
  }
  if (const toml::node* n = t.get("claims_interest")) {
    if (auto v = bool_of(r, file, *n, where + " claims_interest")) level.claims_interest = *v;
  }
}

bool has_level(const std::vector<letters::DunningLevel>& levels, const std::string& name) {
  for (const auto& l : levels)
    if (l.name == name) return true;
  return false;
}

void check_replaces(Result<Config>& r, const std::string& file, const toml::table& t,
                    const std::vector<letters::DunningLevel>& levels, const letters::DunningLevel& level,
                    const std::string& where) {
  if (level.replaces.empty()) return;
  if (level.replaces == level.name || !has_level(levels, level.replaces)) {
    const toml::node* n = t.get("replaces");
    config_error(r, file, n ? n->source() : t.source(),
                 where + " replaces '" + level.replaces + "', which is not another level of the scenario");
  }
}

void read_dunning(Result<Config>& r, const std::string& file, const toml::table& d) {
  Config& c = *r.value;
  static constexpr std::string_view known[] = {"penalty_rate_percent", "penalty_margin_points",
                                               "reference_rates", "level", "profile"};
  reject_unknown(r, file, d, known, "[dunning]");
  if (const toml::node* n = d.get("penalty_rate_percent")) {
    const auto v = decimal_of(*n);
    if (v && v->sign() >= 0 && *v <= formats::Decimal::from_integer(100))
      c.penalty.fixed_rate_percent = *v;
    else
      config_error(r, file, n->source(),
                   "[dunning] penalty_rate_percent must be an annual rate in percent (0 to 100), e.g. 12.5");
  }
  if (const toml::node* n = d.get("penalty_margin_points")) {
    const auto v = decimal_of(*n);
    if (v && v->sign() >= 0 && *v <= formats::Decimal::from_integer(100))
      c.penalty.margin_points = *v;
    else
      config_error(r, file, n->source(),
                   "[dunning] penalty_margin_points must be a number of points (0 to 100), e.g. 10");
  }
  if (const toml::node* n = d.get("reference_rates")) {
    if (auto v = string_of(r, file, *n, "[dunning] reference_rates"))
      c.reference_rates = beside(c.source, *v);
  }

  if (const toml::node* n = d.get("level")) {
    const toml::array* a = n->as_array();
    if (!a || a->empty() || !a->is_array_of_tables()) {
      config_error(r, file, n->source(), "[dunning] level must be one or more [[dunning.level]] tables");
    } else {
      std::vector<letters::DunningLevel> levels;
      std::set<std::string> names;
      for (const toml::node& node : *a) {
        const toml::table& t = *node.as_table();
        letters::DunningLevel level;
        level.min_amount = formats::Decimal::from_units(0, 2);
        read_level(r, file, t, level, "[[dunning.level]]", false);
        for (const char* required : {"name", "offset_days", "channels"})
          if (!t.get(required))
            config_error(r, file, t.source(), std::string("[[dunning.level]] needs a ") + required);
        if (level.template_name.empty()) level.template_name = level.name;
        // Unless said otherwise, the levels named as in the default scenario claim what they
        // claim there.
        if (!t.get("claims_interest"))
          level.claims_interest = level.name == "formal_notice" || level.name == "agency";
        if (!level.name.empty() && !names.insert(level.name).second)
          config_error(r, file, t.get("name")->source(),
                       "[[dunning.level]] name '" + level.name + "' is given to two levels");
        levels.push_back(std::move(level));
      }
      for (std::size_t i = 0; i < levels.size(); ++i)
        check_replaces(r, file, *(*a)[i].as_table(), levels, levels[i],
                       "[[dunning.level]] '" + levels[i].name + "'");
      c.scenario.levels = std::move(levels);
    }
  }

  if (const toml::node* n = d.get("profile")) {
    const toml::table* profiles = n->as_table();
    if (!profiles) {
      config_error(r, file, n->source(),
                   "[dunning] profile must be [dunning.profile.<profile>.<level>] tables");
      return;
    }
    for (const auto& [profile_key, profile_node] : *profiles) {
      const std::string profile(profile_key.str());
      const toml::table* per_level = profile_node.as_table();
      if (!per_level) {
        config_error(
            r, file, profile_node.source(),
            "[dunning.profile." + profile + "] must hold [dunning.profile." + profile + ".<level>] tables");
        continue;
      }
      for (const auto& [level_key, level_node] : *per_level) {
        const std::string name(level_key.str());
        const std::string where = "[dunning.profile." + profile + "." + name + "]";
        const toml::table* t = level_node.as_table();
        if (!t) {
          config_error(r, file, level_node.source(), where + " must be a table of the level's keys");
          continue;
        }
        const auto base = std::find_if(c.scenario.levels.begin(), c.scenario.levels.end(),
                                       [&](const letters::DunningLevel& l) { return l.name == name; });
        if (base == c.scenario.levels.end()) {
          config_error(r, file, level_node.source(),
                       where + ": the scenario has no level named '" + name + "'");
          continue;
        }
        letters::DunningLevel level = *base;
        read_level(r, file, *t, level, where, true);
        level.name = name;
        check_replaces(r, file, *t, c.scenario.levels, level, where);
        c.scenario.profile_overrides[profile][name] = std::move(level);
      }
    }
  }
}

void read_ledger(Result<Config>& r, const std::string& file, const toml::table& l) {
  static constexpr std::string_view known[] = {"path"};
  reject_unknown(r, file, l, known, "[ledger]");
  if (const toml::node* n = l.get("path")) {
    if (auto v = string_of(r, file, *n, "[ledger] path"))
      r.value->ledger_path = beside(r.value->source, *v).string();
  }
}

void read_company(Result<Config>& r, const std::string& file, const toml::table& t) {
  CompanyConfig& company = r.value->company;
  formats::Address& a = company.party.address;
  const std::pair<std::string_view, std::string*> fields[] = {{"name", &company.party.name},
                                                              {"line_one", &a.line_one},
                                                              {"line_two", &a.line_two},
                                                              {"line_three", &a.line_three},
                                                              {"city", &a.city},
                                                              {"post_code", &a.post_code},
                                                              {"country_subdivision", &a.country_subdivision},
                                                              {"country_code", &a.country_code},
                                                              {"siren", &company.party.siren},
                                                              {"vat_id", &company.party.vat_id},
                                                              {"email", &company.party.email},
                                                              {"phone", &company.party.phone},
                                                              {"iban", &company.iban},
                                                              {"bic", &company.bic}};
  for (const auto& [key, node] : t) {
    std::string* target = nullptr;
    for (const auto& [k, field] : fields)
      if (key.str() == k) target = field;
    if (!target) {
      config_error(r, file, node.source(), "unknown key [company] " + std::string(key.str()));
      continue;
    }
    if (auto v = string_of(r, file, node, "[company] " + std::string(key.str()), true)) *target = *v;
  }
}

// Keys that would hold a secret: refused with the environment variable to use instead.
bool refuse_secret(Result<Config>& r, const std::string& file, const toml::table& t, const std::string& where,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> secrets) {
  bool refused = false;
  for (const auto& [key, env] : secrets) {
    if (const toml::node* n = t.get(key)) {
      config_error(r, file, n->source(),
                   where + " " + std::string(key) + ": secrets are never read from the configuration; set " +
                       std::string(env) + " in the environment");
      refused = true;
    }
  }
  return refused;
}

void read_smtp(Result<Config>& r, const std::string& file, const toml::table& t) {
  SmtpConfig& smtp = r.value->dispatch.smtp;
  static constexpr std::string_view known[] = {"url",      "from",     "from_name", "reply_to",
                                               "insecure", "starttls", "user",      "password"};
  reject_unknown(r, file, t, known, "[dispatch.smtp]");
  refuse_secret(r, file, t, "[dispatch.smtp]",
                {{"user", "RELANCE_SMTP_USER"}, {"password", "RELANCE_SMTP_PASSWORD"}});
  const std::pair<std::string_view, std::string*> fields[] = {
      {"url", &smtp.url}, {"from", &smtp.from}, {"from_name", &smtp.from_name}, {"reply_to", &smtp.reply_to}};
  for (const auto& [key, target] : fields) {
    if (const toml::node* n = t.get(key))
      if (auto v = string_of(r, file, *n, "[dispatch.smtp] " + std::string(key), true)) *target = *v;
  }
  if (!smtp.url.empty() && smtp.url.rfind("smtp://", 0) != 0 && smtp.url.rfind("smtps://", 0) != 0)
    config_error(r, file, t.get("url")->source(),
                 "[dispatch.smtp] url must start with smtp:// (STARTTLS) or smtps:// (TLS)");
  if (const toml::node* n = t.get("insecure")) {
    if (auto v = bool_of(r, file, *n, "[dispatch.smtp] insecure")) smtp.insecure = *v;
  }
  if (const toml::node* n = t.get("starttls")) {
    if (auto v = bool_of(r, file, *n, "[dispatch.smtp] starttls")) smtp.starttls = *v;
  }
}

void read_postal(Result<Config>& r, const std::string& file, const toml::table& t) {
  PostalConfig& postal = r.value->dispatch.postal;
  static constexpr std::string_view known[] = {"url", "provider", "api_key", "client_id", "client_secret"};
  reject_unknown(r, file, t, known, "[dispatch.postal]");
  refuse_secret(r, file, t, "[dispatch.postal]",
                {{"api_key", "RELANCE_POSTAL_API_KEY"},
                 {"client_id", "RELANCE_POSTAL_CLIENT_ID"},
                 {"client_secret", "RELANCE_POSTAL_CLIENT_SECRET"}});
  if (const toml::node* n = t.get("url"))
    if (auto v = string_of(r, file, *n, "[dispatch.postal] url", true)) postal.url = *v;
  if (const toml::node* n = t.get("provider"))
    if (auto v = string_of(r, file, *n, "[dispatch.postal] provider", true)) postal.provider = *v;
}

void read_sftp(Result<Config>& r, const std::string& file, const toml::table& t) {
  SftpConfig& sftp = r.value->dispatch.sftp;
  static constexpr std::string_view known[] = {"url",        "known_hosts", "private_key",
                                               "public_key", "user",        "password"};
  reject_unknown(r, file, t, known, "[dispatch.sftp]");
  refuse_secret(r, file, t, "[dispatch.sftp]",
                {{"user", "RELANCE_SFTP_USER"}, {"password", "RELANCE_SFTP_KEY_PASSPHRASE"}});
  if (const toml::node* n = t.get("url")) {
    if (auto v = string_of(r, file, *n, "[dispatch.sftp] url", true)) {
      if (!v->empty() && v->rfind("sftp://", 0) != 0)
        config_error(r, file, n->source(), "[dispatch.sftp] url must start with sftp://");
      sftp.url = *v;
    }
  }
  const std::pair<std::string_view, std::filesystem::path*> files[] = {{"known_hosts", &sftp.known_hosts},
                                                                       {"private_key", &sftp.private_key},
                                                                       {"public_key", &sftp.public_key}};
  for (const auto& [key, target] : files) {
    if (const toml::node* n = t.get(key))
      if (auto v = string_of(r, file, *n, "[dispatch.sftp] " + std::string(key)))
        *target = beside(r.value->source, *v);
  }
}

void read_dispatch(Result<Config>& r, const std::string& file, const toml::table& t) {
  DispatchConfig& d = r.value->dispatch;
  static constexpr std::string_view known[] = {
      "spool",  "max_attempts", "backoff_base_seconds", "retry_window_seconds", "channels", "smtp",
      "postal", "sftp"};
  reject_unknown(r, file, t, known, "[dispatch]");
  if (const toml::node* n = t.get("spool"))
    if (auto v = string_of(r, file, *n, "[dispatch] spool")) d.spool = beside(r.value->source, *v);
  if (const toml::node* n = t.get("max_attempts"))
    if (auto v = int_in(r, file, *n, 1, 100, "[dispatch] max_attempts")) d.max_attempts = *v;
  if (const toml::node* n = t.get("backoff_base_seconds"))
    if (auto v = int_in(r, file, *n, 0, 3600, "[dispatch] backoff_base_seconds")) d.backoff_base_seconds = *v;
  if (const toml::node* n = t.get("retry_window_seconds"))
    if (auto v = int_in(r, file, *n, 0, 3600, "[dispatch] retry_window_seconds")) d.retry_window_seconds = *v;
  if (const toml::node* n = t.get("channels")) {
    if (const toml::table* channels = n->as_table()) {
      for (const auto& [key, node] : *channels) {
        const std::string channel(key.str());
        if (std::find(std::begin(message_channels), std::end(message_channels), channel) ==
            std::end(message_channels)) {
          config_error(r, file, node.source(),
                       "[dispatch.channels] " + channel +
                           " is not a channel that sends messages: \"email\", \"postal\", \"registered\" or "
                           "\"agency\"");
          continue;
        }
        const auto* s = node.as_string();
        if (!s || std::find(std::begin(dispatch_transports), std::end(dispatch_transports), s->get()) ==
                      std::end(dispatch_transports)) {
          config_error(
              r, file, node.source(),
              "[dispatch.channels] " + channel + " must be \"spool\", \"smtp\", \"postal\" or \"sftp\"");
          continue;
        }
        d.channels[channel] = s->get();
      }
    } else {
      config_error(r, file, n->source(), "[dispatch.channels] must be a table: email = \"smtp\", ...");
    }
  }
  const std::pair<const char*, void (*)(Result<Config>&, const std::string&, const toml::table&)> subs[] = {
      {"smtp", read_smtp}, {"postal", read_postal}, {"sftp", read_sftp}};
  for (const auto& [name, read] : subs) {
    const toml::node* n = t.get(name);
    if (!n) continue;
    if (const toml::table* sub = n->as_table())
      read(r, file, *sub);
    else
      config_error(r, file, n->source(), "[dispatch." + std::string(name) + "] must be a table");
  }
}

void read_run(Result<Config>& r, const std::string& file, const toml::table& t) {
  static constexpr std::string_view known[] = {"inputs"};
  reject_unknown(r, file, t, known, "[run]");
  if (const toml::node* n = t.get("inputs")) {
    const toml::array* a = n->as_array();
    if (!a) {
      config_error(r, file, n->source(),
                   "[run] inputs must be a list of folders or files: [\"inbox/invoices\", \"inbox/bank\"]");
      return;
    }
    r.value->run.inputs.clear();
    for (const toml::node& item : *a)
      if (auto v = string_of(r, file, item, "[run] inputs"))
        r.value->run.inputs.push_back(beside(r.value->source, *v));
  }
}

}  // namespace

bool parse_severity_setting(std::string_view text, std::optional<Severity>& severity) {
  if (text == "fatal")
    severity = Severity::fatal;
  else if (text == "warning")
    severity = Severity::warning;
  else if (text == "info")
    severity = Severity::info;
  else if (text == "off")
    severity.reset();
  else
    return false;
  return true;
}

Result<Config> load_config(const std::string& explicit_path) {
  Result<Config> r;
  r.value = Config{};
  std::filesystem::path path = explicit_path;
  if (path.empty()) {
    if (const char* env = std::getenv("RELANCE_CONFIG"); env && *env) path = env;
  }
  const bool must_exist = !path.empty();
  if (path.empty() && std::filesystem::exists("relance.toml")) path = "relance.toml";
  if (path.empty()) return r;
  if (must_exist && !std::filesystem::exists(path)) {
    r.diagnostics.add("RL-CONFIG-001", Severity::fatal, Location{path.string(), {}, 0, 0},
                      "the configuration file does not exist");
    r.value.reset();
    return r;
  }
  r.value->source = path;
  const std::string file = path.string();
  toml::table root;
  try {
    root = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    config_error(r, file, e.source(), std::string("not valid TOML: ") + std::string(e.description()));
    r.value.reset();
    return r;
  }
  static constexpr std::string_view sections[] = {"validation", "ledger",  "dunning", "dispatch",
                                                  "render",     "company", "run"};
  for (const auto& [key, node] : root) {
    bool ok = false;
    for (auto s : sections) ok = ok || key.str() == s;
    if (!ok) config_error(r, file, node.source(), "unknown section [" + std::string(key.str()) + "]");
  }
  if (const toml::table* v = root["validation"].as_table()) read_validation(r, file, *v);
  const auto section = [&](const char* name, auto read) {
    const toml::node* n = root.get(name);
    if (!n) return;
    if (const toml::table* t = n->as_table())
      read(r, file, *t);
    else
      config_error(r, file, n->source(), "[" + std::string(name) + "] must be a table");
  };
  section("dunning", read_dunning);
  section("ledger", read_ledger);
  section("company", read_company);
  section("dispatch", read_dispatch);
  section("run", read_run);
  if (r.diagnostics.has_fatal()) r.value.reset();
  return r;
}

}  // namespace relance::pipeline::detail
