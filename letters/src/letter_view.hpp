#pragma once
// Letters and statements as the templates see them: formatted values, optional ones false.
// The names are documented in templates/README.md.
#include "relance/letters/letter.hpp"
#include "template_engine.hpp"

namespace relance::letters::detail {

ViewData letter_view(const Letter& letter);
ViewData statement_view(const Statement& statement);

}  // namespace relance::letters::detail
