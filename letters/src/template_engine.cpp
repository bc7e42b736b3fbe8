#include "template_engine.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "markup.hpp"
#include "relance/formats/diagnostic.hpp"

namespace relance::letters::detail {

namespace {

[[noreturn]] void template_error(const std::filesystem::path& path, const std::string& message) {
  throw Error(Diagnostic{"RL-RENDER-002", Severity::fatal, Location{path.string(), {}, 0, 0}, message, {}});
}

std::string read_template(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) template_error(path, "template not found or unreadable");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// kainjow's context, recording every name it could not find instead of rendering a blank.
class StrictContext : public kainjow::mustache::context<std::string> {
 public:
  StrictContext(const ViewData* view, const std::map<std::string, ViewData, std::less<>>& partials)
      : kainjow::mustache::context<std::string>(view), partials_(partials) {}

  const ViewData* get(const std::string& name) const override {
    const ViewData* found = kainjow::mustache::context<std::string>::get(name);
    if (found == nullptr) missing_.insert(name);
    return found;
  }
  const ViewData* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    if (it == partials_.end()) {
      missing_.insert(">" + name);
      return nullptr;
    }
    return &it->second;
  }
  const std::set<std::string>& missing() const { return missing_; }

 private:
  const std::map<std::string, ViewData, std::less<>>& partials_;
  mutable std::set<std::string> missing_;
};

}  // namespace

TemplateSet::TemplateSet(std::filesystem::path root, Language language)
    : folder_(std::move(root) / std::string(language_code(language))) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder_, ec))
    template_error(folder_, "template folder not found (a templates folder holds fr/, en/ and de/)");
}

void TemplateSet::load_partials() {
  partials_loaded_ = true;
  const auto dir = folder_ / "partials";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") continue;
    const std::string text = read_template(entry.path());
    kainjow::mustache::mustache check(text);
    if (!check.is_valid()) template_error(entry.path(), "malformed partial: " + check.error_message());
    partials_.emplace(entry.path().stem().string(), ViewData(text));
  }
}

kainjow::mustache::mustache& TemplateSet::load(std::string_view name, bool escaped) {
  if (!partials_loaded_) load_partials();
  const std::string key = std::string(name) + (escaped ? "" : "\x01plain");
  auto it = cache_.find(key);
  if (it != cache_.end()) return *it->second;
  const auto path = folder_ / (std::string(name) + ".mustache");
  auto tmpl = std::make_unique<kainjow::mustache::mustache>(read_template(path));
  if (!tmpl->is_valid()) template_error(path, "malformed template: " + tmpl->error_message());
  if (escaped)
    tmpl->set_custom_escape([](const std::string& s) { return markup_escape(s); });
  else
    tmpl->set_custom_escape([](const std::string& s) { return s; });
  return *cache_.emplace(key, std::move(tmpl)).first->second;
}

std::string TemplateSet::render_with(kainjow::mustache::mustache& tmpl, std::string_view name,
                                     const ViewData& view) {
  StrictContext context(&view, partials_);
  std::string out = tmpl.render(context);
  const auto path = folder_ / (std::string(name) + ".mustache");
  if (!tmpl.is_valid()) template_error(path, "cannot be rendered: " + tmpl.error_message());
  if (!context.missing().empty()) {
    std::string names;
    for (const auto& m : context.missing()) names += (names.empty() ? "" : ", ") + m;
    template_error(path, "uses names the view does not have: " + names +
                             " (a partial is written {{>name}} and lives in partials/name.mustache)");
  }
  return out;
}

std::string TemplateSet::render(std::string_view name, const ViewData& view) {
  return render_with(load(name, true), name, view);
}

std::string TemplateSet::render_plain(std::string_view name, const ViewData& view) {
  return render_with(load(name, false), name, view);
}

void set_optional(ViewData& view, const std::string& key, const std::string& value) {
  if (value.empty())
    view.set(key, ViewData(ViewData::type::bool_false));
  else
    view.set(key, ViewData(value));
}

}  // namespace relance::letters::detail
