#include "email_texts.hpp"
#include "html_escape.hpp"

namespace relance::pipeline::detail {

namespace {

using letters::Language;

struct Wording {
  const char* subject;  // followed by " – " and the invoice numbers
  const char* intro;    // the paragraph after the greeting
  const char* ask;      // what we ask
};

// Per level, in fr, en, de.
struct LevelWording {
  std::string_view level;
  Wording fr, en, de;
};

constexpr LevelWording wordings[] = {
    {"pre_reminder",
     {"Rappel amical : échéance prochaine",
      "Nous nous permettons de vous rappeler que les factures ci-dessous arrivent prochainement à échéance.",
      "Pourriez-vous vérifier qu'elles vous sont bien parvenues et qu'elles sont validées pour paiement ?"},
     {"Friendly reminder: invoices falling due soon",
      "This is a courtesy reminder that the invoices below will soon fall due.",
      "Could you check that you have received them and that they are approved for payment?"},
     {"Freundliche Erinnerung: bald fällige Rechnungen",
      "wir möchten Sie freundlich daran erinnern, dass die folgenden Rechnungen bald fällig werden.",
      "Bitte prüfen Sie, ob sie Ihnen vorliegen und zur Zahlung freigegeben sind."}},
    {"reminder_1",
     {"Relance : factures échues",
      "Sauf erreur de notre part, les factures ci-dessous restent impayées alors que leur échéance est "
      "passée.",
      "Nous vous remercions de bien vouloir procéder à leur règlement dans les meilleurs délais."},
     {"Reminder: overdue invoices",
      "According to our records, the invoices below remain unpaid although their due date has passed.",
      "We would be grateful if you could arrange payment as soon as possible."},
     {"Zahlungserinnerung: überfällige Rechnungen",
      "nach unseren Unterlagen sind die folgenden Rechnungen trotz Fälligkeit noch offen.",
      "Bitte begleichen Sie den Betrag möglichst bald."}},
    {"reminder_2",
     {"Deuxième relance : factures impayées",
      "Malgré notre précédente relance, les factures ci-dessous restent impayées.",
      "Nous vous demandons de procéder à leur règlement sans délai."},
     {"Second reminder: unpaid invoices", "Despite our previous reminder, the invoices below remain unpaid.",
      "We ask you to settle them without delay."},
     {"Zweite Mahnung: offene Rechnungen",
      "trotz unserer Erinnerung sind die folgenden Rechnungen noch offen.",
      "Wir bitten Sie, den Betrag umgehend zu begleichen."}},
    {"formal_notice",
     {"Mise en demeure de payer",
      "Nos relances étant restées sans effet, nous vous mettons en demeure de régler les sommes dues.",
      "La mise en demeure ci-jointe, également adressée par lettre recommandée, précise le délai et les "
      "sommes réclamées."},
     {"Formal notice to pay",
      "As our reminders have remained unanswered, we give you formal notice to pay the sums due.",
      "The attached formal notice, also sent by registered letter, states the deadline and the sums "
      "claimed."},
     {"Letzte Mahnung vor rechtlichen Schritten",
      "da unsere Mahnungen ohne Wirkung geblieben sind, fordern wir Sie förmlich zur Zahlung auf.",
      "Das beigefügte Schreiben, das Ihnen auch per Einschreiben zugeht, nennt die Frist und die Beträge."}},
    {"agency",
     {"Transmission de votre dossier au recouvrement",
      "Notre mise en demeure étant restée sans effet, le recouvrement des sommes ci-dessous est confié à "
      "notre partenaire de recouvrement.",
      "Un règlement intégral reçu avant sa prise de contact arrête la procédure."},
     {"Your account handed over for collection",
      "As our formal notice has remained unanswered, the collection of the sums below is handed over to our "
      "collection agency.",
      "Full payment received before the agency contacts you ends the procedure."},
     {"Übergabe Ihres Kontos an ein Inkassounternehmen",
      "da unsere letzte Mahnung ohne Wirkung geblieben ist, übergeben wir die folgenden Forderungen an unser "
      "Inkassounternehmen.",
      "Eine vollständige Zahlung vor dessen Kontaktaufnahme beendet das Verfahren."}},
};

constexpr LevelWording plain_reminder = wordings[1];

struct Common {
  const char* greeting;
  const char* invoices;  // "Invoices:"
  const char* amount;    // "Amount due:"
  const char* attached;
  const char* crossed;
  const char* regards;
};

constexpr Common common_fr{"Madame, Monsieur,",
                           "Factures :",
                           "Montant dû :",
                           "Vous trouverez ci-joint notre courrier et votre relevé de compte.",
                           "Si votre règlement a croisé ce message, merci de ne pas en tenir compte.",
                           "Cordialement,"};
constexpr Common common_en{"Dear Sir or Madam,",
                           "Invoices:",
                           "Amount due:",
                           "Please find attached our letter and your account statement.",
                           "If your payment has crossed this message, please disregard it.",
                           "Kind regards,"};
constexpr Common common_de{
    "Sehr geehrte Damen und Herren,",
    "Rechnungen:",
    "Offener Betrag:",
    "Anbei erhalten Sie unser Schreiben und Ihren Kontoauszug.",
    "Hat sich Ihre Zahlung mit dieser Nachricht überschnitten, betrachten Sie sie bitte als "
    "gegenstandslos.",
    "Mit freundlichen Grüßen"};

// Header text: no control character (the MIME builder encodes the rest).
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  return out;
}

}  // namespace

EmailTexts email_texts(std::string_view level, Language language, const EmailFacts& facts) {
  const LevelWording* lw = &plain_reminder;
  for (const auto& w : wordings)
    if (w.level == level) lw = &w;
  const Wording& w = language == Language::en ? lw->en : language == Language::de ? lw->de : lw->fr;
  const Common& c = language == Language::en ? common_en : language == Language::de ? common_de : common_fr;

  std::string numbers;
  for (std::size_t i = 0; i < facts.item_numbers.size() && i < 3; ++i)
    numbers += (i ? ", " : "") + facts.item_numbers[i];
  if (facts.item_numbers.size() > 3) numbers += ", …";

  EmailTexts t;
  t.subject = one_line(std::string(w.subject) + (numbers.empty() ? "" : " – " + numbers) +
                       (facts.creditor_name.empty() ? "" : " (" + facts.creditor_name + ")"));
  const std::string amount = facts.currency.empty()
                                 ? facts.total.rounded(2).to_string()
                                 : letters::format_amount(facts.total, facts.currency, language);
  std::string all_numbers;
  for (const auto& n : facts.item_numbers) all_numbers += (all_numbers.empty() ? "" : ", ") + n;
  std::string contact = facts.creditor_email;
  if (!facts.creditor_phone.empty()) contact += (contact.empty() ? "" : " – ") + facts.creditor_phone;

  t.text = std::string(c.greeting) + "\n\n" + w.intro + "\n\n";
  if (!all_numbers.empty()) t.text += std::string(c.invoices) + " " + all_numbers + "\n";
  t.text += std::string(c.amount) + " " + amount + "\n\n" + w.ask + "\n" + c.attached + "\n" + c.crossed +
            "\n\n" + c.regards + "\n" + facts.creditor_name + "\n" + (contact.empty() ? "" : contact + "\n");

  t.html = "<!DOCTYPE html>\n<html lang=\"" + std::string(letters::language_code(language)) +
           "\"><head><meta charset=\"utf-8\"><title>" + html_escape(t.subject) +
           "</title></head><body>\n<p>" + html_escape(c.greeting) + "</p>\n<p>" + html_escape(w.intro) +
           "</p>\n<p>";
  if (!all_numbers.empty()) t.html += html_escape(c.invoices) + " " + html_escape(all_numbers) + "<br>\n";
  t.html += "<strong>" + html_escape(c.amount) + " " + html_escape(amount) + "</strong></p>\n<p>" +
            html_escape(w.ask) + "<br>\n" + html_escape(c.attached) + "<br>\n" + html_escape(c.crossed) +
            "</p>\n<p>" + html_escape(c.regards) + "<br>\n" + html_escape(facts.creditor_name) +
            (contact.empty() ? "" : "<br>\n" + html_escape(contact)) + "</p>\n</body></html>\n";
  return t;
}

}  // namespace relance::pipeline::detail
