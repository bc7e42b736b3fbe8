// The layout on its own, without a PDF: every piece of text stays on the page whatever the
// data, wrap_text() never overflows its width, and tables repeat their head on each page.

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fonts.hpp"
#include "layout.hpp"
#include "markup.hpp"
#include "page_content.hpp"
#include "relance/formats/decimal.hpp"
#include "relance/letters/invoice_renderer.hpp"
#include "relance/letters/language.hpp"
#include "sample_invoice.hpp"

namespace {

using relance::formats::Decimal;
using relance::letters::Language;
using namespace relance::letters::detail;

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

const Decimal& huge_amount() {
  static const Decimal d = *Decimal::parse("999999999999.99");
  return d;
}

// Every text of every page lies within the page, measured with the fonts the PDF embeds. One
// failure per call, with the first few texts that leave the page.
void expect_on_page(const std::vector<PageContent>& pages, const std::string& what) {
  const auto& f = fonts();
  ASSERT_FALSE(pages.empty()) << what;
  std::size_t outside = 0, texts = 0;
  std::ostringstream examples;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const auto& t : pages[p].texts) {
      ++texts;
      const double w = f.face(t.style).text_width(t.text, t.size);
      const bool ok = t.x >= 0 && t.x + w <= a4_width + 0.5 && t.baseline > 0 && t.baseline < a4_height;
      if (ok) continue;
      if (++outside <= 5)
        examples << "  page " << p + 1 << ": x " << t.x << ", width " << w << ", baseline " << t.baseline
                 << ": '" << t.text.substr(0, 60) << "'\n";
    }
    for (const auto& l : pages[p].lines) {
      if (std::min(l.x1, l.x2) >= 0 && std::max(l.x1, l.x2) <= a4_width + 0.5 && std::min(l.y1, l.y2) >= 0 &&
          std::max(l.y1, l.y2) <= a4_height)
        continue;
      if (++outside <= 5)
        examples << "  page " << p + 1 << ": a line from y " << l.y1 << " to " << l.y2 << "\n";
    }
  }
  EXPECT_EQ(outside, 0U) << what << ": " << outside << " of " << texts << " texts and lines on "
                         << pages.size() << " page(s) leave the A4 page (0 <= x, x + width <= " << a4_width
                         << ", 0 < baseline < " << a4_height << "), e.g.\n"
                         << examples.str();
}

std::vector<PageContent> lay_out_text(const std::string& markup) {
  return lay_out(parse_markup(markup, "test.mustache"), fonts(), "test.mustache");
}

TEST(Layout, OverlongWordsInEveryBlockStayOnThePage) {
  const std::string word = repeat("W", 300);  // 300 characters, no space: must be cut
  const std::string words = repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 40);
  const std::string amount = relance::letters::format_amount(huge_amount(), "EUR", Language::fr);
  std::string m;
  m += "title | Facture " + word + " | N° " + word + "\n";
  m += "footer | " + word + " " + words + "\n";
  m += "pages | Page {page} / {pages}\n";
  m += "columns\nbox | " + word + "\nbold | " + word + "\nline | " + word + "\nbox | Client\nbold | " + word +
       "\nbox | Livraison\nline | " + word + "\nend\n";
  m += "fields | 4\nfield | " + word + " | " + word + "\nfield | Devise | EUR\nend\n";
  m += "heading | " + word + "\n";
  m += "table | 5 l | 38 l | 10 r | 6 l | 13 r | 8 r | 14 r\n";
  m += "head | N° | Désignation | Qté | Unité | Prix unitaire HT | TVA | Montant HT\n";
  for (int i = 0; i < 30; ++i) {
    m += "row | " + std::to_string(i + 1) + " | " + word + " | " + amount + " | " + word.substr(0, 20) +
         " | " + amount + " | 20 % | " + amount + "\n";
    m += "note | " + words + word + "\n";
  }
  m += "end\n";
  m += "totals\ntotal | " + word + " | " + amount + "\ntotal | TVA | " + amount + "\ngrand | Net à payer | " +
       amount + "\ngrand | " + word + " | " + word + "\nend\n";
  m += "para | " + words + word + "\nbold | " + word + "\nsmall | " + words + "\n";
  m += "qr | BCD\\n002\\n1\\nSCT\\n\\nX\\nFR7630006000011234567890189\\nEUR1.00 | " + word + "\n";
  const auto pages = lay_out_text(m);
  EXPECT_GT(pages.size(), 1U);
  expect_on_page(pages, "hand-written markup");
  // The overlong words are cut, not dropped: every one of their characters is drawn somewhere.
  std::size_t w_count = 0;
  for (const auto& p : pages)
    for (const auto& t : p.texts)
      for (char c : t.text) w_count += c == 'W' ? 1 : 0;
  EXPECT_GE(w_count, 300U * 10);
}

// A block taller than a whole page (a description of several pages, a 300-character identifier in
// the narrowest column) must go on over the next pages, not below the bottom edge.
TEST(Layout, BlocksTallerThanAPageStayOnThePage) {
  const std::string word = repeat("W", 300);
  const std::string essay =
      repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 400);  // 23,000 chars
  const std::string table =
      "table | 5 l | 38 l | 10 r | 6 l | 13 r | 8 r | 14 r\nhead | N° | Désignation | Qté | U | P | TVA | "
      "HT\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"table note", table + "row | 1 | Article | 1 | | 1,00 € | 20 % | 1,00 €\nnote | " + essay + "\nend\n"},
      {"table row, long name", table + "row | 1 | " + essay + " | 1 | | 1,00 € | 20 % | 1,00 €\nend\n"},
      {"table row, 300-character id",
       table + "row | " + word + " | Article | 1 | | 1,00 € | 20 % | 1,00 €\nend\n"},
      {"columns", "columns\nbox | Client\nbold | Dupont\nline | " + essay + "\nend\n"},
      {"fields", "fields | 4\nfield | Référence | " + essay + "\nend\n"},
      {"totals", "totals\ntotal | " + essay + " | 1,00 €\ngrand | Net à payer | 1,00 €\nend\n"},
      {"title", "title | " + essay + " | N° 1\n"},
      {"heading", "heading | " + essay + "\n"},
      {"paragraph", "para | " + essay + "\n"},
  };
  for (const auto& [what, markup] : cases)
    expect_on_page(lay_out_text("pages | Page {page} / {pages}\n" + markup), what);
}

TEST(Layout, TheInvoiceTemplateWithOverlongDataStaysOnThePage) {
  auto inv = relance::samples::make_invoice(4, 1);
  const std::string word = repeat("M", 300);
  const std::string text = repeat("Une description très longue avec des mots ordinaires. ", 60);
  inv.number = "F-" + repeat("9", 298);
  inv.seller.name = word;
  inv.seller.trading_name = repeat("T", 300);
  inv.buyer.name = repeat("B", 300);
  inv.buyer.postal_address.line_one = repeat("Rue", 100);
  inv.delivery.deliver_to_name = repeat("D", 300);
  inv.delivery.deliver_to.line_one = repeat("L", 300);
  inv.buyer_reference = repeat("R", 300);
  inv.purchase_order_reference = repeat("P", 300);
  inv.payment_terms = text + word;
  inv.notes.push_back({"", word + " " + text});
  for (auto& l : inv.lines) {
    l.item.name = repeat("N", 300);
    l.item.description = text + repeat("d", 300);
    l.note = repeat("n", 300);
    l.net_amount = huge_amount();
    l.price.net_price = huge_amount();
    l.quantity = huge_amount();
  }
  inv.allowances.front().reason = word;
  auto& t = inv.totals;
  t.sum_of_line_net_amounts = huge_amount();
  t.total_without_vat = huge_amount();
  t.total_vat = huge_amount();
  t.total_with_vat = huge_amount();
  t.payable_amount = huge_amount();
  for (auto& b : inv.vat_breakdown) b.taxable_amount = b.tax_amount = huge_amount();

  for (const Language lang : {Language::fr, Language::en, Language::de}) {
    relance::letters::RenderOptions options;
    options.language = lang;
    relance::letters::InvoiceRenderer renderer(options);
    const auto markup = renderer.markup(inv, "long.xml");
    ASSERT_TRUE(markup.value) << "markup failed";
    const auto pages = lay_out(parse_markup(*markup.value, "invoice.mustache"), fonts(), "invoice.mustache");
    expect_on_page(pages, std::string("template ") + std::string(relance::letters::language_code(lang)));
    // The amount due is drawn whole, on one line, however large.
    const std::string due =
        printable_text(fonts().bold, relance::letters::format_amount(huge_amount(), "EUR", lang));
    bool found = false;
    for (const auto& p : pages)
      for (const auto& op : p.texts) found = found || op.text == due;
    EXPECT_TRUE(found) << "the amount due '" << due << "' is not one text on the page";
  }
}

TEST(Layout, TheInvoiceTemplateWithADescriptionLongerThanAPageStaysOnThePage) {
  auto inv = relance::samples::make_invoice(3, 1);
  inv.lines[1].item.description = repeat("Une description très longue avec des mots ordinaires. ", 400);
  relance::letters::InvoiceRenderer renderer(relance::letters::RenderOptions{});
  const auto markup = renderer.markup(inv, "long.xml");
  ASSERT_TRUE(markup.value) << "markup failed";
  const auto pages = lay_out(parse_markup(*markup.value, "invoice.mustache"), fonts(), "invoice.mustache");
  EXPECT_GT(pages.size(), 1U);
  expect_on_page(pages, "a description of 22,000 characters");
}

TEST(WrapText, BreaksOnSpaces) {
  const auto& face = fonts().regular;
  const double width = face.text_width("alpha beta gamma", 10) + 1;
  const auto lines = wrap_text(face, "alpha beta gamma delta epsilon", 10, width);
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0], "alpha beta gamma");
  EXPECT_EQ(lines[1], "delta epsilon");
  // Wide enough: one line, spaces kept as they are between words.
  EXPECT_EQ(wrap_text(face, "alpha beta gamma", 10, 1000), std::vector<std::string>{"alpha beta gamma"});
}

TEST(WrapText, HonoursLineBreaks) {
  const auto& face = fonts().regular;
  EXPECT_EQ(wrap_text(face, "one\ntwo three", 10, 1000), (std::vector<std::string>{"one", "two three"}));
  EXPECT_EQ(wrap_text(face, "a\n\nb", 10, 1000), (std::vector<std::string>{"a", "", "b"}));
  // A break inside a paragraph that must also wrap.
  const double width = face.text_width("first line", 10) + 1;
  EXPECT_EQ(wrap_text(face, "first line wraps\nsecond", 10, width),
            (std::vector<std::string>{"first line", "wraps", "second"}));
}

TEST(WrapText, CutsAnOverlongWordBetweenCharacters) {
  const auto& face = fonts().regular;
  for (const std::string unit : {"W", "é", "€", "x"}) {
    const std::string word = repeat(unit, 300);
    const auto lines = wrap_text(face, word, 10, 100);
    ASSERT_GT(lines.size(), 1U) << unit;
    std::string joined;
    for (const auto& l : lines) {
      EXPECT_LE(face.text_width(l, 10), 100.0) << unit << ": '" << l << "'";
      EXPECT_EQ(l.size() % unit.size(), 0U) << unit << ": cut inside a UTF-8 sequence";
      joined += l;
    }
    EXPECT_EQ(joined, word) << unit << ": characters lost or added when cutting";
  }
  // An overlong word between ordinary ones.
  const auto lines = wrap_text(face, "before " + repeat("W", 80) + " after", 10, 100);
  ASSERT_GE(lines.size(), 3U);
  EXPECT_EQ(lines.front(), "before");
  EXPECT_EQ(lines.back().substr(lines.back().size() - 5), "after");
}

TEST(WrapText, NeverReturnsALineWiderThanTheWidth) {
  const FontSet& f = fonts();
  const std::vector<std::string> texts = {
      "Paiement à 30 jours. Pénalités de retard : taux BCE + 10 points. Indemnité forfaitaire : 40 €.",
      "IBAN FR76 3000 6000 0112 3456 7890 189 · BIC AGRIFRPP · Atelier Dupont",
      repeat("Œuvre ", 50) + repeat("ß", 120) + " fin",
      "Straße\nMüller Großhandel GmbH\n\n" + repeat("0123456789", 20),
      "  leading and   multiple   spaces  ",
  };
  for (const FontStyle style : {FontStyle::regular, FontStyle::bold}) {
    const auto& face = f.face(style);
    for (const auto& text : texts) {
      for (double size : {7.5, 9.0, 18.0}) {
        for (double width = 30; width <= 520; width += 17) {
          for (const auto& l : wrap_text(face, text, size, width))
            EXPECT_LE(face.text_width(l, size), width + 1e-9)
                << "'" << l << "' at " << size << " pt is wider than " << width;
        }
      }
    }
  }
}

TEST(Layout, ALongTableRepeatsItsHeadOnEveryPage) {
  std::string m =
      "pages | Page {page} / {pages}\ntable | 8 l | 60 l | 20 r\nhead | HeadNo | HeadName | HeadAmount\n";
  constexpr int rows = 300;
  for (int i = 1; i <= rows; ++i)
    m += "row | " + std::to_string(i) + " | Item-" + std::to_string(i) + " | 1,00\n";
  m += "end\npara | after the table\n";
  const auto pages = lay_out_text(m);
  ASSERT_GT(pages.size(), 2U);
  std::map<std::string, int> item_count;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    int heads = 0;
    double head_baseline = 0;
    double highest_row = 0;
    int rows_here = 0;
    for (const auto& t : pages[p].texts) {
      if (t.text == "HeadName") ++heads, head_baseline = t.baseline;
      if (t.text.rfind("Item-", 0) == 0) {
        ++item_count[t.text];
        ++rows_here;
        highest_row = std::max(highest_row, t.baseline);
      }
    }
    if (rows_here == 0) continue;
    EXPECT_EQ(heads, 1) << "page " << p + 1 << " of " << pages.size() << " has table rows but " << heads
                        << " heads";
    EXPECT_GT(head_baseline, highest_row) << "page " << p + 1 << ": the head is not above the rows";
  }
  EXPECT_EQ(item_count.size(), static_cast<std::size_t>(rows));
  for (const auto& [item, n] : item_count) EXPECT_EQ(n, 1) << item;
  expect_on_page(pages, "long table");
}

}  // namespace
