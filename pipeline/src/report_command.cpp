// relance report aging: the aged balance from the ledger as CSV, one self-contained HTML file
// with inline SVG charts, or a PDF through the letters module.
#include <array>
#include <filesystem>
#include <ostream>
#include <string>

#include "aging_report.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "html_escape.hpp"
#include "inputs.hpp"
#include "ledger.hpp"
#include "relance/letters/report.hpp"

namespace relance::pipeline::detail {

namespace {

using formats::Date;
using formats::Decimal;
using letters::Language;

// Amounts as plain decimal strings with at least the cents: "0.00", "1234.50".
std::string plain(const Decimal& d) {
  return d.to_plain_string(2);
}

// CSV field: quoted when it holds a separator, a quote or a line break.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_amounts(const AgingAmounts& a) {
  std::string out;
  for (auto b : aging_buckets) out += plain(a[b]) + ",";
  return out + plain(a.total) + "," + plain(a.disputed) + "," + std::to_string(a.oldest_days_late);
}

// The words of the HTML report (the PDF's are in templates/<lang>/aging.mustache).
struct Labels {
  const char* title;
  const char* as_of;  // "au" before the date
  const char* intro;
  const char* overview;
  const char* receivables_in;
  const char* customer;
  std::array<const char*, aging_bucket_count> buckets;
  const char* total;
  const char* disputed;
  const char* oldest;
  const char* of_which_disputed;
  const char* dso;
  const char* colon;  // "DSO : " in French, "DSO: " elsewhere
  const char* days;
  const char* dso_formula;
  const char* chase;
  const char* rank;
  const char* over_30;
  const char* overdue;
  const char* chase_note;
  const char* nobody_late;
  const char* cash_in;
  const char* week;
  const char* from;
  const char* expected;
  const char* later;
  const char* overdue_unknown;
  const char* disputed_not_forecast;
  const char* cash_in_note;
  const char* nothing;
};

constexpr Labels labels_fr{
    "Balance âgée",
    "au",
    "Reste dû par client et par devise, réparti selon le retard par rapport à l'échéance (BT-9), paiements "
    "et "
    "avoirs déduits. Les créances en litige restent dans leurs tranches et sont aussi montrées à part.",
    "Répartition par tranche de retard",
    "Créances en",
    "Client",
    {"Non échu", "1–30 j", "31–60 j", "61–90 j", "Plus de 90 j"},
    "Total",
    "En litige",
    "Retard max (j)",
    "dont en litige",
    "DSO",
    " : ",
    "jours",
    "âge moyen des créances ouvertes, pondéré par le reste dû : Σ (reste dû × jours depuis l'émission) / Σ "
    "reste "
    "dû",
    "Clients à relancer en priorité",
    "Rang",
    "Plus de 30 j de retard",
    "Échu",
    "Classés par montant en retard de plus de 30 jours, puis par ancienneté ; créances en litige exclues.",
    "Aucun client en retard, hors litiges.",
    "Encaissements attendus par semaine",
    "Semaine",
    "À partir du",
    "Montant attendu",
    "Plus tard",
    "Échu, date inconnue",
    "En litige (non prévu)",
    "D'après les échéances des créances non échues et les promesses de paiement (la date et le montant "
    "promis "
    "remplacent l'échéance) ; une créance échue sans promesse en cours est comptée en « échu, date inconnue "
    "».",
    "Aucune créance ouverte à cette date.",
};

constexpr Labels labels_en{
    "Aged balance",
    "as of",
    "Outstanding amounts per customer and currency, by days past the due date (BT-9), after payments and "
    "credit "
    "notes. Disputed items stay in their buckets and are also shown apart.",
    "Split by days past due",
    "Receivables in",
    "Customer",
    {"Not due", "1–30 days", "31–60 days", "61–90 days", "Over 90 days"},
    "Total",
    "Disputed",
    "Oldest (days)",
    "of which disputed",
    "DSO",
    ": ",
    "days",
    "average age of the open items weighted by what they still owe: Σ (outstanding × days since issue) / Σ "
    "outstanding",
    "Customers to chase first",
    "Rank",
    "Over 30 days late",
    "Overdue",
    "Ranked by the amount more than 30 days late, then by the oldest item; disputed items left out.",
    "No customer is late, disputes aside.",
    "Expected cash-in per week",
    "Week",
    "From",
    "Expected",
    "Later",
    "Overdue, date unknown",
    "Disputed (not forecast)",
    "From the due dates of items not yet due and from payment promises (a promise's date and amount replace "
    "the "
    "due date); an overdue item without a promise in force counts as \"overdue, date unknown\".",
    "Nothing is outstanding on this date.",
};

constexpr Labels labels_de{
    "Altersstruktur der Forderungen",
    "zum",
    "Offene Beträge je Kunde und Währung, nach Tagen seit Fälligkeit (BT-9), nach Abzug von Zahlungen und "
    "Gutschriften. Strittige Posten bleiben in ihren Spalten und werden zusätzlich gesondert ausgewiesen.",
    "Aufteilung nach Verzug",
    "Forderungen in",
    "Kunde",
    {"Nicht fällig", "1–30 Tage", "31–60 Tage", "61–90 Tage", "Über 90 Tage"},
    "Summe",
    "Strittig",
    "Ältester Verzug (Tage)",
    "davon strittig",
    "DSO",
    ": ",
    "Tage",
    "Durchschnittsalter der offenen Posten, gewichtet mit dem offenen Betrag: Σ (offener Betrag × Tage seit "
    "Rechnungsdatum) / Σ offener Betrag",
    "Zuerst zu mahnende Kunden",
    "Rang",
    "Über 30 Tage überfällig",
    "Überfällig",
    "Geordnet nach dem mehr als 30 Tage überfälligen Betrag, dann nach dem ältesten Posten; strittige Posten "
    "ausgenommen.",
    "Kein Kunde ist im Verzug, strittige Posten ausgenommen.",
    "Erwartete Zahlungseingänge pro Woche",
    "Woche",
    "Ab",
    "Erwartet",
    "Später",
    "Überfällig, Datum unbekannt",
    "Strittig (nicht eingeplant)",
    "Aus den Fälligkeiten der noch nicht fälligen Posten und aus Zahlungszusagen (Datum und Betrag der "
    "Zusage "
    "ersetzen die Fälligkeit); ein überfälliger Posten ohne gültige Zusage zählt als „überfällig, Datum "
    "unbekannt“.",
    "Zu diesem Datum ist nichts offen.",
};

const Labels& labels_for(Language language) {
  switch (language) {
    case Language::en:
      return labels_en;
    case Language::de:
      return labels_de;
    case Language::fr:
      break;
  }
  return labels_fr;
}

// Bucket colours: not due green, then from amber to dark red.
constexpr std::array<const char*, aging_bucket_count> bucket_colours = {"#43a047", "#fdd835", "#fb8c00",
                                                                        "#e53935", "#8e0000"};

std::string customer_label(const std::string& name, const std::string& id) {
  return name == id ? id : name + " (" + id + ")";
}

// Decimal coordinates for SVG: part × length / whole, to the hundredth of a unit.
std::string scaled(const Decimal& part, std::int64_t length, const Decimal& whole) {
  if (whole.sign() <= 0) return "0";
  return Decimal::divide(part * Decimal::from_integer(length), whole, 2).to_plain_string();
}

// One 100 % stacked bar per currency: the share of each bucket.
std::string buckets_svg(const AgingReport& report, const Labels& l, Language language) {
  constexpr std::int64_t bar_x = 70, bar_width = 560, row_height = 34, bar_height = 22;
  const auto rows = static_cast<std::int64_t>(report.currencies.size());
  const std::int64_t legend_y = rows * row_height + 14;
  const std::int64_t height = legend_y + 24;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 860 " +
                    std::to_string(height) + "\" role=\"img\" aria-label=\"" + html_escape(l.overview) +
                    "\">\n";
  for (std::int64_t r = 0; r < rows; ++r) {
    const CurrencyAging& c = report.currencies[static_cast<std::size_t>(r)];
    const std::int64_t y = r * row_height + 6;
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 16) + "\" class=\"label\">" + html_escape(c.currency) +
           "</text>\n";
    Decimal x = Decimal::from_integer(bar_x);
    for (std::size_t b = 0; b < aging_bucket_count; ++b) {
      const Decimal& amount = c.totals.buckets[b];
      if (amount.sign() <= 0) continue;
      const Decimal width = *Decimal::parse(scaled(amount, bar_width, c.totals.total));
      svg += "<rect x=\"" + x.to_plain_string() + "\" y=\"" + std::to_string(y) + "\" width=\"" +
             width.to_plain_string() + "\" height=\"" + std::to_string(bar_height) + "\" fill=\"" +
             bucket_colours[b] + "\"><title>" + html_escape(l.buckets[b]) + ": " +
             html_escape(letters::format_amount(amount, c.currency, language)) + "</title></rect>\n";
      x += width;
    }
    svg += "<text x=\"" + std::to_string(bar_x + bar_width + 10) + "\" y=\"" + std::to_string(y + 16) +
           "\" class=\"value\">" + html_escape(letters::format_amount(c.totals.total, c.currency, language)) +
           "</text>\n";
  }
  std::int64_t lx = 0;
  for (std::size_t b = 0; b < aging_bucket_count; ++b) {
    svg += "<rect x=\"" + std::to_string(lx) + "\" y=\"" + std::to_string(legend_y) +
           "\" width=\"12\" height=\"12\" fill=\"" + bucket_colours[b] + "\"/><text x=\"" +
           std::to_string(lx + 17) + "\" y=\"" + std::to_string(legend_y + 11) + "\" class=\"legend\">" +
           html_escape(l.buckets[b]) + "</text>\n";
    lx += 150;
  }
  return svg + "</svg>\n";
}

// Bars of the expected cash-in per week, scaled to the largest week.
std::string cash_in_svg(const AgingReport& report, const CurrencyAging& c, const Labels& l,
                        Language language) {
  constexpr std::int64_t left = 10, width = 840, base_y = 200, bar_max = 160;
  const auto n = static_cast<std::int64_t>(report.weeks.size());
  Decimal max;
  for (const auto& w : c.cash_in.weeks) max = w > max ? w : max;
  const Decimal slot = Decimal::divide(Decimal::from_integer(width), Decimal::from_integer(n), 2);
  const Decimal bar = (slot * *Decimal::parse("0.6")).rounded(2);
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 860 230\" role=\"img\" "
      "aria-label=\"" +
      html_escape(l.cash_in) + " (" + html_escape(c.currency) + ")\">\n";
  svg += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(base_y) + "\" x2=\"" +
         std::to_string(left + width) + "\" y2=\"" + std::to_string(base_y) + "\" class=\"axis\"/>\n";
  for (std::int64_t i = 0; i < n; ++i) {
    const auto index = static_cast<std::size_t>(i);
    const Decimal& amount = c.cash_in.weeks[index];
    const Decimal slot_x = Decimal::from_integer(left) + slot * Decimal::from_integer(i);
    const Decimal centre = slot_x + Decimal::divide(slot, Decimal::from_integer(2), 2);
    const std::string formatted = letters::format_amount(amount, c.currency, language);
    if (amount.sign() > 0) {
      const Decimal h = *Decimal::parse(scaled(amount, bar_max, max));
      const Decimal y = Decimal::from_integer(base_y) - h;
      const Decimal x = centre - Decimal::divide(bar, Decimal::from_integer(2), 2);
      svg += "<rect x=\"" + x.to_plain_string() + "\" y=\"" + y.to_plain_string() + "\" width=\"" +
             bar.to_plain_string() + "\" height=\"" + h.to_plain_string() + "\" fill=\"#1e88e5\"><title>" +
             html_escape(report.weeks[index].label()) + ": " + html_escape(formatted) + "</title></rect>\n";
      if (n <= 12)
        svg += "<text x=\"" + centre.to_plain_string() + "\" y=\"" +
               (y - Decimal::from_integer(4)).to_plain_string() +
               "\" class=\"value\" text-anchor=\"middle\">" + html_escape(formatted) + "</text>\n";
    }
    svg += "<text x=\"" + centre.to_plain_string() + "\" y=\"" + std::to_string(base_y + 16) +
           "\" class=\"legend\" text-anchor=\"middle\">" +
           html_escape("W" + report.weeks[index].label().substr(report.weeks[index].label().size() - 2)) +
           "</text>\n";
  }
  return svg + "</svg>\n";
}

constexpr const char* css =
    R"(body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;color:#222;margin:2em auto;max-width:1100px;padding:0 1em;font-size:14px}
h1{font-size:1.7em;margin:0}h2{font-size:1.3em;margin-top:1.8em;border-bottom:2px solid #1e88e5;padding-bottom:.2em}
h3{font-size:1.05em;margin-top:1.4em}.sub{color:#555;margin:.2em 0 1em}.note{color:#555;font-size:.9em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{padding:.3em .5em;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left;white-space:normal}thead th{background:#f2f5f9;font-size:.9em}
tfoot th,tfoot td{font-weight:bold;border-top:2px solid #888}.dso{font-size:1.05em}.formula{color:#555;font-size:.9em}
svg.chart{width:100%;height:auto;max-width:860px;display:block;margin:.5em 0}svg .label{font:bold 13px sans-serif}
svg .value{font:12px sans-serif;fill:#333}svg .legend{font:12px sans-serif;fill:#333}svg .axis{stroke:#888;stroke-width:1}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table{break-inside:auto}})";

}  // namespace

std::string aging_csv(const AgingReport& report) {
  std::string out = "customer_id,customer,currency";
  for (auto b : aging_buckets) out += "," + std::string(aging_bucket_key(b));
  out += ",total,disputed,oldest_days_late\n";
  for (const auto& c : report.currencies)
    for (const auto& row : c.customers)
      out += csv_field(row.customer_id) + "," + csv_field(row.name) + "," + csv_field(c.currency) + "," +
             csv_amounts(row.amounts) + "\n";
  for (const auto& c : report.currencies)
    out += "TOTAL,," + csv_field(c.currency) + "," + csv_amounts(c.totals) + "\n";
  return out;
}

std::string aging_html(const AgingReport& report, Language language, const std::string& company) {
  const Labels& l = labels_for(language);
  const std::string date = letters::format_date(report.as_of, language);
  auto money = [&](const Decimal& d, const std::string& currency) {
    return html_escape(letters::format_amount(d, currency, language));
  };
  // Zero amounts of a customer's row stay blank, so that what is owed stands out.
  auto cell = [&](const Decimal& d, const std::string& currency) {
    return d.is_zero() ? std::string("<td></td>") : "<td>" + money(d, currency) + "</td>";
  };
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + std::string(letters::language_code(language)) +
                  "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" +
                  html_escape(std::string(l.title) + " " + l.as_of + " " + date) +
                  (company.empty() ? std::string{} : " – " + html_escape(company)) + "</title>\n<style>\n" +
                  css + "\n</style>\n</head>\n<body>\n";
  h += "<header>\n<h1>" + html_escape(l.title) + "</h1>\n<p class=\"sub\">" +
       (company.empty() ? std::string{} : "<strong>" + html_escape(company) + "</strong> · ") +
       html_escape(std::string(l.as_of) + " " + date) + "</p>\n</header>\n";
  h += "<p class=\"note\">" + html_escape(l.intro) + "</p>\n";
  if (report.currencies.empty()) return h + "<p>" + html_escape(l.nothing) + "</p>\n</body>\n</html>\n";

  h += "<section>\n<h2>" + html_escape(l.overview) + "</h2>\n" + buckets_svg(report, l, language) +
       "</section>\n";
  for (const auto& c : report.currencies) {
    const std::string cur = html_escape(c.currency);
    h += "<section>\n<h2>" + html_escape(l.receivables_in) + " " + cur + "</h2>\n<table>\n<thead>\n<tr><th>" +
         html_escape(l.customer) + "</th>";
    for (const char* b : l.buckets) h += "<th>" + html_escape(b) + "</th>";
    h += "<th>" + html_escape(l.total) + "</th><th>" + html_escape(l.disputed) + "</th><th>" +
         html_escape(l.oldest) + "</th></tr>\n</thead>\n<tbody>\n";
    for (const auto& row : c.customers) {
      h += "<tr><td>" + html_escape(customer_label(row.name, row.customer_id)) + "</td>";
      for (auto b : aging_buckets) h += cell(row.amounts[b], c.currency);
      h += "<td>" + money(row.amounts.total, c.currency) + "</td>" + cell(row.amounts.disputed, c.currency) +
           "<td>" + (row.amounts.oldest_days_late > 0 ? std::to_string(row.amounts.oldest_days_late) : "") +
           "</td></tr>\n";
    }
    h += "</tbody>\n<tfoot>\n<tr><th>" + html_escape(l.total) + " " + cur + "</th>";
    for (auto b : aging_buckets) h += "<td>" + money(c.totals[b], c.currency) + "</td>";
    h += "<td>" + money(c.totals.total, c.currency) + "</td><td>" + money(c.totals.disputed, c.currency) +
         "</td><td>" + (c.totals.oldest_days_late > 0 ? std::to_string(c.totals.oldest_days_late) : "") +
         "</td></tr>\n</tfoot>\n</table>\n";
    h += "<p class=\"dso\"><strong>" + html_escape(l.dso) + "</strong>" + html_escape(l.colon) +
         html_escape(letters::format_number(c.dso_days, language)) + " " + html_escape(l.days) +
         " <span class=\"formula\">(" + html_escape(l.dso_formula) + ")</span></p>\n";

    h += "<h3>" + html_escape(l.chase) + "</h3>\n";
    if (c.chase_first.empty()) {
      h += "<p>" + html_escape(l.nobody_late) + "</p>\n";
    } else {
      h += "<table>\n<thead>\n<tr><th>" + html_escape(l.rank) + "</th><th>" + html_escape(l.customer) +
           "</th><th>" + html_escape(l.over_30) + "</th><th>" + html_escape(l.overdue) + "</th><th>" +
           html_escape(l.oldest) + "</th></tr>\n</thead>\n<tbody>\n";
      std::size_t rank = 0;
      for (const auto& e : c.chase_first)
        h += "<tr><td>" + std::to_string(++rank) + "</td><td>" +
             html_escape(customer_label(e.name, e.customer_id)) + "</td><td>" + money(e.over_30, c.currency) +
             "</td><td>" + money(e.overdue, c.currency) + "</td><td>" + std::to_string(e.oldest_days_late) +
             "</td></tr>\n";
      h += "</tbody>\n</table>\n<p class=\"note\">" + html_escape(l.chase_note) + "</p>\n";
    }

    h += "<h3>" + html_escape(l.cash_in) + "</h3>\n" + cash_in_svg(report, c, l, language);
    h += "<table>\n<thead>\n<tr><th>" + html_escape(l.week) + "</th><th>" + html_escape(l.from) +
         "</th><th>" + html_escape(l.expected) + "</th></tr>\n</thead>\n<tbody>\n";
    for (std::size_t i = 0; i < report.weeks.size(); ++i)
      h += "<tr><td>" + html_escape(report.weeks[i].label()) + "</td><td>" +
           html_escape(letters::format_date(report.weeks[i].monday, language)) + "</td><td>" +
           money(c.cash_in.weeks[i], c.currency) + "</td></tr>\n";
    h += "<tr><td>" + html_escape(l.later) + "</td><td></td><td>" + money(c.cash_in.later, c.currency) +
         "</td></tr>\n<tr><td>" + html_escape(l.overdue_unknown) + "</td><td></td><td>" +
         money(c.cash_in.overdue_unknown, c.currency) + "</td></tr>\n<tr><td>" +
         html_escape(l.disputed_not_forecast) + "</td><td></td><td>" + money(c.cash_in.disputed, c.currency) +
         "</td></tr>\n</tbody>\n</table>\n<p class=\"note\">" + html_escape(l.cash_in_note) +
         "</p>\n</section>\n";
  }
  return h + "</body>\n</html>\n";
}

letters::AgingReportDocument aging_document(const AgingReport& report, Language language,
                                            const std::string& company) {
  const Labels& l = labels_for(language);
  letters::AgingReportDocument doc;
  doc.company = company;
  doc.as_of = letters::format_date(report.as_of, language);
  for (const auto& c : report.currencies) {
    auto money = [&](const Decimal& d) { return letters::format_amount(d, c.currency, language); };
    auto blank_zero = [&](const Decimal& d) { return d.is_zero() ? std::string{} : money(d); };
    auto days = [](int n) { return n > 0 ? std::to_string(n) : std::string{}; };
    letters::AgingCurrencySection s;
    s.currency = c.currency;
    for (const auto& row : c.customers) {
      const AgingAmounts& a = row.amounts;
      s.rows.push_back(letters::AgingReportRow{
          customer_label(row.name, row.customer_id), blank_zero(a[AgingBucket::not_due]),
          blank_zero(a[AgingBucket::days_1_30]), blank_zero(a[AgingBucket::days_31_60]),
          blank_zero(a[AgingBucket::days_61_90]), blank_zero(a[AgingBucket::over_90]), money(a.total),
          blank_zero(a.disputed), days(a.oldest_days_late)});
    }
    const AgingAmounts& t = c.totals;
    s.totals = letters::AgingReportRow{std::string(l.total) + " " + c.currency,
                                       money(t[AgingBucket::not_due]),
                                       money(t[AgingBucket::days_1_30]),
                                       money(t[AgingBucket::days_31_60]),
                                       money(t[AgingBucket::days_61_90]),
                                       money(t[AgingBucket::over_90]),
                                       money(t.total),
                                       blank_zero(t.disputed),
                                       days(t.oldest_days_late)};
    s.dso_days = letters::format_number(c.dso_days, language);
    std::size_t rank = 0;
    for (const auto& e : c.chase_first)
      s.chase_first.push_back(letters::AgingChaseRow{std::to_string(++rank),
                                                     customer_label(e.name, e.customer_id), money(e.over_30),
                                                     money(e.overdue), std::to_string(e.oldest_days_late)});
    for (std::size_t i = 0; i < report.weeks.size(); ++i)
      s.cash_in.push_back(letters::AgingCashInWeek{report.weeks[i].label(),
                                                   letters::format_date(report.weeks[i].monday, language),
                                                   money(c.cash_in.weeks[i])});
    s.overdue_unknown = money(c.cash_in.overdue_unknown);
    s.later = money(c.cash_in.later);
    s.disputed = money(c.cash_in.disputed);
    doc.currencies.push_back(std::move(s));
  }
  return doc;
}

ExitCode run_report_aging(const ReportAgingOptions& options, std::ostream& out, std::ostream& err) {
  const auto as_of = Date::parse_iso(options.as_of);
  if (!as_of) {
    err << "relance report aging: --as-of must be a date YYYY-MM-DD, not '" << options.as_of << "'\n";
    return ExitCode::failure;
  }
  const auto language = letters::parse_language(options.language);
  if (!language) {
    err << "relance report aging: --lang must be fr, en or de, not '" << options.language << "'\n";
    return ExitCode::failure;
  }
  if (options.format != "csv" && options.format != "html" && options.format != "pdf") {
    err << "relance report aging: --format must be csv, html or pdf, not '" << options.format << "'\n";
    return ExitCode::failure;
  }
  if (options.weeks < 1 || options.weeks > 104) {
    err << "relance report aging: --weeks must be between 1 and 104, not " << options.weeks << "\n";
    return ExitCode::failure;
  }
  auto config = load_config(options.config);
  for (const auto& d : config.diagnostics.items()) err << format_diagnostic(d) << '\n';
  if (!config.value) return ExitCode::failure;
  try {
    // A report reads the ledger: a missing file is an error, not a new empty ledger.
    const auto ledger = Ledger::open(ledger_path(options.db.empty() ? config.value->ledger_path : options.db),
                                     /*create=*/false);
    const AgingReport report = build_aging_report(ledger->dunning_state(*as_of), *as_of, options.weeks);
    const std::string& company = config.value->company.party.name;

    std::string bytes;
    if (options.format == "csv") {
      bytes = aging_csv(report);
    } else if (options.format == "html") {
      bytes = aging_html(report, *language, company);
    } else {
      auto pdf =
          letters::render_aging_pdf(aging_document(report, *language, company), *language, options.templates);
      for (const auto& d : pdf.diagnostics.items()) err << format_diagnostic(d) << '\n';
      if (!pdf.value) return ExitCode::failure;
      bytes = std::move(*pdf.value);
    }
    // A PDF is not for a terminal: without -o it goes to aging-YYYY-MM-DD.pdf.
    std::string target = options.output;
    if (target.empty() && options.format == "pdf") target = "aging-" + as_of->to_iso() + ".pdf";
    if (target.empty() || target == "-") {
      out << bytes;
    } else {
      write_output(target, bytes);
      if (options.format == "pdf" && options.output.empty()) out << target << '\n';
    }
    return ExitCode::success;
  } catch (const Error& e) {
    err << format_diagnostic(e.diagnostic) << '\n';
  } catch (const std::filesystem::filesystem_error& e) {
    err << "fatal: " << e.path1().string() << ": RL-OUT-001: " << e.what() << '\n';
  }
  return ExitCode::failure;
}

}  // namespace relance::pipeline::detail
