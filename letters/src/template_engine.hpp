#pragma once
// Mustache templates read from templates/<lang>/ (and <lang>/partials/), rendered with a strict
// context: a name the view does not have is an error naming the template, never a silent blank.
// kainjow Mustache appears only here and in the view builders.
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "relance/letters/language.hpp"

namespace relance::letters::detail {

using ViewData = kainjow::mustache::data;

class TemplateSet {
 public:
  // root holds one folder per language; templates are loaded lazily and parsed once.
  TemplateSet(std::filesystem::path root, Language language);

  // Renders <root>/<lang>/<name>.mustache. Values are escaped for the page markup. Throws
  // relance::Error RL-RENDER-002 for a missing or malformed template or partial, or a name the
  // view lacks.
  std::string render(std::string_view name, const ViewData& view);
  // The same, with no escaping: for plain-text outputs such as an email body.
  std::string render_plain(std::string_view name, const ViewData& view);

  const std::filesystem::path& folder() const { return folder_; }

 private:
  kainjow::mustache::mustache& load(std::string_view name, bool escaped);
  std::string render_with(kainjow::mustache::mustache& tmpl, std::string_view name, const ViewData& view);
  void load_partials();

  std::filesystem::path folder_;
  std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>, std::less<>> cache_;
  std::map<std::string, ViewData, std::less<>> partials_;
  bool partials_loaded_ = false;
};

// Sets key to the text, or to false when it is empty, so templates test it with {{#key}}.
void set_optional(ViewData& view, const std::string& key, const std::string& value);

}  // namespace relance::letters::detail
