#include <filesystem>
#include <map>

#include "email_view.hpp"
#include "relance/formats/diagnostic.hpp"
#include "relance/letters/email.hpp"
#include "relance/letters/invoice_renderer.hpp"
#include "template_engine.hpp"

namespace relance::letters {

namespace {

// The wording of a level without email templates of its own: a plain reminder.
constexpr std::string_view fallback_level = "reminder_1";

// A level becomes part of a file name: only a plain word may (scenario levels are "reminder_2").
bool is_plain_word(std::string_view level) {
  if (level.empty()) return false;
  for (char c : level) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Header text: no control character, so that no name can add a header (the MIME builder encodes
// the rest), and none of the blanks the template's line breaks leave around it.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

// kainjow keeps the line break after a partial tag, and a comment line renders empty: so that
// templates may be laid out freely, a body has no blank line at either end, never two in a row,
// and ends with one line break.
std::string tidy_body(std::string_view body) {
  std::string out;
  std::size_t empty_lines = 0;
  bool started = false;
  std::size_t from = 0;
  while (from < body.size()) {
    std::size_t to = body.find('\n', from);
    if (to == std::string_view::npos) to = body.size();
    std::string_view line = body.substr(from, to - from);
    from = to + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      ++empty_lines;
      continue;
    }
    if (started && empty_lines > 0) out += '\n';
    out.append(line) += '\n';
    started = true;
    empty_lines = 0;
  }
  return out;
}

[[noreturn]] void renders_nothing(const std::filesystem::path& path) {
  throw Error(Diagnostic{"RL-RENDER-002",
                         Severity::fatal,
                         Location{path.string(), {}, 0, 0},
                         "renders nothing: an email is never sent blank",
                         {}});
}

}  // namespace

struct EmailRenderer::Impl {
  std::filesystem::path root;
  std::map<Language, std::unique_ptr<detail::TemplateSet>> templates;

  detail::TemplateSet& templates_for(Language language) {
    auto& slot = templates[language];
    if (!slot) slot = std::make_unique<detail::TemplateSet>(root, language);
    return *slot;
  }

  // "email_<level>" when the level has any email template of its own (then it needs all three),
  // else the fallback's.
  static std::string stem(const detail::TemplateSet& set, std::string_view level) {
    if (is_plain_word(level)) {
      const std::string own = "email_" + std::string(level);
      for (const char* kind : {".subject", ".txt", ".html"}) {
        std::error_code ec;
        if (std::filesystem::exists(set.folder() / (own + kind + ".mustache"), ec)) return own;
      }
    }
    return "email_" + std::string(fallback_level);
  }

  static std::string checked(std::string rendered, const detail::TemplateSet& set, const std::string& name) {
    if (rendered.empty()) renders_nothing(set.folder() / (name + ".mustache"));
    return rendered;
  }
};

EmailRenderer::EmailRenderer(std::filesystem::path templates_dir) : impl_(std::make_unique<Impl>()) {
  impl_->root = templates_dir.empty() ? default_templates_dir() : std::move(templates_dir);
}
EmailRenderer::~EmailRenderer() = default;

EmailTexts EmailRenderer::render(std::string_view level, Language language, const EmailFacts& facts) {
  detail::TemplateSet& set = impl_->templates_for(language);
  const std::string stem = Impl::stem(set, level);
  EmailTexts out;

  // Values are HTML-escaped in the view of the .html template only; the subject and the text body
  // are not HTML and take them as they are.
  detail::ViewData plain = detail::email_view(facts, language, detail::EmailEscaping::none);
  out.subject = Impl::checked(one_line(set.render_plain(stem + ".subject", plain)), set, stem + ".subject");
  plain.set("subject", out.subject);
  out.text = Impl::checked(tidy_body(set.render_plain(stem + ".txt", plain)), set, stem + ".txt");

  detail::ViewData html = detail::email_view(facts, language, detail::EmailEscaping::html);
  html.set("subject", kainjow::mustache::html_escape(out.subject));
  out.html = Impl::checked(tidy_body(set.render_plain(stem + ".html", html)), set, stem + ".html");
  return out;
}

}  // namespace relance::letters
