#pragma once
// The values an email template sees, already formatted for the language. The names are documented
// in templates/README.md.
#include "relance/letters/email.hpp"
#include "template_engine.hpp"

namespace relance::letters::detail {

// How the view's text values are written: as they are (subject, text body) or escaped for HTML.
enum class EmailEscaping { none, html };

ViewData email_view(const EmailFacts& facts, Language language, EmailEscaping escaping);

}  // namespace relance::letters::detail
