#include "relance/letters/language.hpp"

namespace relance::letters {

std::optional<Language> parse_language(std::string_view code) {
  if (code == "fr") return Language::fr;
  if (code == "en") return Language::en;
  if (code == "de") return Language::de;
  return std::nullopt;
}

std::string_view language_code(Language language) {
  switch (language) {
    case Language::fr:
      return "fr";
    case Language::en:
      return "en";
    case Language::de:
      return "de";
  }
  return "en";
}

}  // namespace relance::letters
