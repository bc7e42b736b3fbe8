// The walk shared by the UBL and CII syntax rules: compiled path rules, context matching in
// the artefacts' priority order, and reporting with positions computed in one pass.

#include "syntax_rules.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <numeric>
#include <unordered_map>
#include <utility>

#include "relance/formats/validate.hpp"

namespace relance::formats::detail::syntax {
namespace {

constexpr int any_ns = static_cast<int>(Ns::count);

int key_of(Ns ns, int name) {
  return name * 16 + static_cast<int>(ns);
}

Ns ns_of_prefix(std::string_view prefix) {
  if (prefix == "rsm") return Ns::rsm;
  if (prefix == "ram") return Ns::ram;
  if (prefix == "udt") return Ns::udt;
  if (prefix == "qdt") return Ns::qdt;
  if (prefix == "ubl") return Ns::ubl_invoice;
  if (prefix == "cn") return Ns::ubl_credit_note;
  if (prefix == "cac") return Ns::cac;
  if (prefix == "cbc") return Ns::cbc;
  return Ns::other;
}

// Local names are short ASCII words that mostly differ in their first and last characters:
// hashing the length and the first and last eight bytes is enough, and much cheaper than a
// byte-by-byte hash for a lookup that runs once per element.
std::uint32_t hash(std::string_view s) {
  std::uint64_t head = 0, tail = 0;
  if (s.size() >= 8) {
    std::memcpy(&head, s.data(), 8);
    std::memcpy(&tail, s.data() + s.size() - 8, 8);
  } else {
    for (std::size_t i = 0; i < s.size(); ++i) head = head << 8 | static_cast<unsigned char>(s[i]);
  }
  std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ s.size();
  h ^= h >> 29;
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// Equality of short names by machine words, without a call to memcmp.
bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  const std::size_t n = a.size();
  if (n < 8) {
    for (std::size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  std::uint64_t x = 0, y = 0;
  for (std::size_t i = 0; i + 8 <= n; i += 8) {
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) return false;
  }
  std::memcpy(&x, a.data() + n - 8, 8);
  std::memcpy(&y, b.data() + n - 8, 8);
  return x == y;
}

struct Step {
  Ns ns;
  std::string_view local;
};

// "a:B/c:D/@e" -> steps and attribute.
void split_path(std::string_view path, std::vector<Step>& steps, std::string_view& attribute) {
  steps.clear();
  attribute = {};
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view step = path.substr(0, slash);
    if (step.starts_with('@')) {
      attribute = step.substr(1);
    } else {
      const std::size_t colon = step.find(':');
      steps.push_back({ns_of_prefix(step.substr(0, colon)), step.substr(colon + 1)});
    }
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace

struct Ruleset::Impl {
  // Interned local names, by open addressing.
  std::vector<std::string_view> names;
  std::vector<int> slots;

  int find_name(std::string_view s) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = hash(s) & mask;; i = (i + 1) & mask) {
      const int id = slots[i];
      if (id < 0) return -1;
      if (same_name(names[static_cast<std::size_t>(id)], s)) return id;
    }
  }
  void build_slots() {
    std::size_t size = 16;
    while (size < names.size() * 2) size *= 2;
    slots.assign(size, -1);
    for (std::size_t id = 0; id < names.size(); ++id) {
      const std::size_t mask = size - 1;
      std::size_t i = hash(names[id]) & mask;
      while (slots[i] >= 0) i = (i + 1) & mask;
      slots[i] = static_cast<int>(id);
    }
  }

  // Path rule tries, one root per context plus one for "//" paths. Children are sorted by key.
  struct Node {
    std::vector<std::pair<int, int>> children;                 // (key, node)
    std::vector<int> rules;                                    // rules whose path ends at this element
    std::vector<std::pair<std::string_view, int>> attributes;  // (attribute, rule)
  };
  std::vector<Node> nodes;
  int anywhere = -1;
  struct Rule {
    std::string_view id;
    Kind kind;
    std::string_view path;
    int slot = -1;  // counter index within its context, for counted kinds
  };
  std::vector<Rule> rules;
  struct Context {
    int root = -1;
    std::vector<int> counted;   // rules counted per context element, by slot
    std::vector<int> required;  // those of them that need at least one occurrence
  };
  std::vector<Context> contexts;
  // Attributes forbidden anywhere ("//@x"), with their rules (one rule per attribute), by
  // open addressing on the name.
  std::vector<std::pair<std::string_view, int>> anywhere_attributes;
  std::vector<int> attribute_slots;
  int anywhere_attribute(const char* name) const {
    if (attribute_slots.empty()) return -1;
    const std::string_view n(name);
    const std::size_t mask = attribute_slots.size() - 1;
    for (std::size_t i = hash(n) & mask;; i = (i + 1) & mask) {
      const int a = attribute_slots[i];
      if (a < 0) return -1;
      if (anywhere_attributes[static_cast<std::size_t>(a)].first == n)
        return anywhere_attributes[static_cast<std::size_t>(a)].second;
    }
  }

  // Edges of all tries in one open addressing table: one probe per step in the walk.
  struct Edge {
    std::uint64_t from_key = ~0ull;  // node << 32 | key
    int to = -1;
  };
  std::vector<Edge> edges;
  static std::size_t edge_slot(std::uint64_t from_key, std::size_t mask) {
    return static_cast<std::size_t>((from_key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  }
  int child(int node, int key) const {
    const std::uint64_t k = static_cast<std::uint64_t>(node) << 32 | static_cast<std::uint32_t>(key);
    const std::size_t mask = edges.size() - 1;
    for (std::size_t i = edge_slot(k, mask);; i = (i + 1) & mask) {
      if (edges[i].from_key == k) return edges[i].to;
      if (edges[i].to < 0) return -1;
    }
  }
  int built_child(int node, int key) const {
    const auto& c = nodes[static_cast<std::size_t>(node)].children;
    const auto it = std::lower_bound(c.begin(), c.end(), std::pair<int, int>(key, -1));
    return it != c.end() && it->first == key ? it->second : -1;
  }
  void build_edges() {
    std::size_t count = 0;
    for (const Node& n : nodes) count += n.children.size();
    std::size_t size = 16;
    while (size < count * 2) size *= 2;
    edges.assign(size, Edge{});
    for (std::size_t from = 0; from < nodes.size(); ++from)
      for (const auto& [key, to] : nodes[from].children) {
        const std::uint64_t k = static_cast<std::uint64_t>(from) << 32 | static_cast<std::uint32_t>(key);
        std::size_t i = edge_slot(k, size - 1);
        while (edges[i].to >= 0) i = (i + 1) & (size - 1);
        edges[i] = {k, to};
      }
  }
  int add_child(int node, int key) {
    if (const int c = built_child(node, key); c >= 0) return c;
    const int c = static_cast<int>(nodes.size());
    nodes.emplace_back();
    auto& ch = nodes[static_cast<std::size_t>(node)].children;
    ch.insert(std::lower_bound(ch.begin(), ch.end(), std::pair<int, int>(key, -1)), {key, c});
    return c;
  }

  // Contexts: by position from the root, by name (and parent), by name suffix.
  struct Spec {
    int context;
  };
  std::vector<Spec> specs;  // index = priority rank
  struct AbsNode {
    std::vector<std::pair<int, int>> children;
    int spec = -1;
  };
  std::vector<AbsNode> absolute{AbsNode{}};
  struct Named {
    int spec;
    int ns;
    int parent_key;  // -1: any parent
  };
  std::vector<std::vector<Named>> named;  // by name id
  struct Suffix {
    int spec;
    int ns;
    std::string_view suffix;
  };
  std::vector<Suffix> suffixes;
  // Per name id, the contexts it may take (by name or suffix), in priority order.
  std::vector<std::size_t> candidate_begin;
  std::vector<Named> candidates;

  int abs_child(int node, int key) const {
    if (node < 0) return -1;
    for (const auto& [k, c] : absolute[static_cast<std::size_t>(node)].children)
      if (k == key) return c;
    return -1;
  }
};

Ruleset::Ruleset(std::span<const std::string_view> names, std::span<const ContextSpec> contexts,
                 std::span<const PathRule> rules)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  std::unordered_map<std::string_view, int> ids;
  const auto intern = [&](std::string_view s) {
    const auto [it, added] = ids.emplace(s, static_cast<int>(m.names.size()));
    if (added) m.names.push_back(s);
    return it->second;
  };
  for (std::string_view n : names) intern(n);

  std::vector<Step> steps;
  std::string_view attribute;
  int max_context = 0;
  for (const auto& c : contexts) max_context = std::max<int>(max_context, c.context);
  for (const auto& r : rules) max_context = std::max<int>(max_context, r.context);
  m.contexts.resize(static_cast<std::size_t>(max_context) + 1);

  // Contexts.
  for (const auto& c : contexts) {
    const int spec = static_cast<int>(m.specs.size());
    m.specs.push_back({c.context});
    std::string_view p = c.pattern;
    if (p.starts_with('/')) {
      split_path(p.substr(1), steps, attribute);
      int node = 0;
      for (const Step& s : steps) {
        const int key = key_of(s.ns, intern(s.local));
        int next = m.abs_child(node, key);
        if (next < 0) {
          next = static_cast<int>(m.absolute.size());
          m.absolute.emplace_back();
          m.absolute[static_cast<std::size_t>(node)].children.emplace_back(key, next);
        }
        node = next;
      }
      if (m.absolute[static_cast<std::size_t>(node)].spec < 0)
        m.absolute[static_cast<std::size_t>(node)].spec = spec;
    } else if (p.find('*') != std::string_view::npos) {
      const std::size_t colon = p.find(':');
      const std::string_view prefix = p.substr(0, colon);
      m.suffixes.push_back(
          {spec, prefix == "*" ? any_ns : static_cast<int>(ns_of_prefix(prefix)), p.substr(colon + 2)});
    } else {
      split_path(p, steps, attribute);
      const Step last = steps.back();
      const int parent_key = steps.size() > 1 ? key_of(steps[0].ns, intern(steps[0].local)) : -1;
      const int name = intern(last.local);
      if (m.named.size() <= static_cast<std::size_t>(name))
        m.named.resize(static_cast<std::size_t>(name) + 1);
      m.named[static_cast<std::size_t>(name)].push_back({spec, static_cast<int>(last.ns), parent_key});
    }
  }

  // Path rules.
  m.nodes.emplace_back();  // the "//" root
  m.anywhere = 0;
  for (const auto& r : rules) {
    const int index = static_cast<int>(m.rules.size());
    m.rules.push_back({r.id, r.kind, r.path});
    Impl::Context& ctx = m.contexts[r.context];
    if (r.kind != Kind::absent) {
      m.rules.back().slot = static_cast<int>(ctx.counted.size());
      ctx.counted.push_back(index);
      if (r.kind == Kind::exactly_one || r.kind == Kind::present) ctx.required.push_back(index);
    }
    std::string_view path = r.path;
    int node;
    if (path.starts_with("//")) {
      path.remove_prefix(2);
      node = m.anywhere;
    } else {
      if (ctx.root < 0) {
        ctx.root = static_cast<int>(m.nodes.size());
        m.nodes.emplace_back();
      }
      node = ctx.root;
    }
    split_path(path, steps, attribute);
    for (const Step& s : steps) node = m.add_child(node, key_of(s.ns, intern(s.local)));
    if (!attribute.empty()) {
      if (node == m.anywhere)
        m.anywhere_attributes.emplace_back(attribute, index);
      else
        m.nodes[static_cast<std::size_t>(node)].attributes.emplace_back(attribute, index);
    } else {
      m.nodes[static_cast<std::size_t>(node)].rules.push_back(index);
    }
  }
  if (!m.anywhere_attributes.empty()) {
    std::size_t size = 16;
    while (size < m.anywhere_attributes.size() * 4) size *= 2;
    m.attribute_slots.assign(size, -1);
    for (std::size_t a = 0; a < m.anywhere_attributes.size(); ++a) {
      std::size_t i = hash(m.anywhere_attributes[a].first) & (size - 1);
      while (m.attribute_slots[i] >= 0) i = (i + 1) & (size - 1);
      m.attribute_slots[i] = static_cast<int>(a);
    }
  }
  m.build_slots();
  m.build_edges();
  m.named.resize(m.names.size());
  for (std::size_t i = 0; i < m.names.size(); ++i) {
    m.candidate_begin.push_back(m.candidates.size());
    std::vector<Impl::Named> c = m.named[i];
    for (const auto& sfx : m.suffixes)
      if (m.names[i].ends_with(sfx.suffix)) c.push_back({sfx.spec, sfx.ns, -1});
    std::sort(c.begin(), c.end(), [](const Impl::Named& a, const Impl::Named& b) { return a.spec < b.spec; });
    m.candidates.insert(m.candidates.end(), c.begin(), c.end());
  }
  m.candidate_begin.push_back(m.candidates.size());
}

Ruleset::~Ruleset() = default;

// ---------------------------------------------------------------------------------------------

std::string_view trim(std::string_view s) {
  while (!s.empty() && xml_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && xml_space(s.back())) s.remove_suffix(1);
  return s;
}

bool xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool same_normalized(std::string_view a, std::string_view b) {
  a = trim(a);
  b = trim(b);
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (xml_space(a[i]) && xml_space(b[j])) {
      while (i < a.size() && xml_space(a[i])) ++i;
      while (j < b.size() && xml_space(b[j])) ++j;
      continue;
    }
    if (a[i] != b[j]) return false;
    ++i;
    ++j;
  }
  return i == a.size() && j == b.size();
}

std::string_view string_value(pugi::xml_node node, std::string& buffer) {
  pugi::xml_node first = node.first_child();
  if (!first) return {};
  if ((first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata) && !first.next_sibling())
    return first.value();
  buffer.clear();
  // Descendant text in document order, without recursion (elements may nest deeply).
  for (pugi::xml_node n = first; n && n != node;) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) buffer += n.value();
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n != node && !n.next_sibling()) n = n.parent();
    if (n != node) n = n.next_sibling();
  }
  return buffer;
}

int boolean_value(std::string_view s) {
  s = trim(s);
  if (s == "true" || s == "1") return 1;
  if (s == "false" || s == "0") return 0;
  return -1;
}

// ---------------------------------------------------------------------------------------------

void Reporter::fail(std::string_view id, pugi::xml_node at, std::string message) {
  pending_.push_back({id, at, std::move(message)});
}

namespace {

// xpath_of, with each parent's same-name sibling positions counted once: many failures under
// one parent (a thousand lines) must not rescan the siblings each time.
class PathNamer {
 public:
  std::string path(pugi::xml_node node) {
    std::vector<pugi::xml_node> chain;
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) chain.push_back(n);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      out += '/';
      out += it->name();
      const auto [index, count] = position(*it);
      if (count > 1) out += "[" + std::to_string(index) + "]";
    }
    return out;
  }

 private:
  std::pair<int, int> position(pugi::xml_node n) {
    if (const auto it = known_.find(n.internal_object()); it != known_.end()) return it->second;
    std::vector<pugi::xml_node> same;
    for (pugi::xml_node s = n.parent().first_child(); s; s = s.next_sibling())
      if (s.type() == pugi::node_element && std::strcmp(s.name(), n.name()) == 0) same.push_back(s);
    const int count = static_cast<int>(same.size());
    for (int i = 0; i < count; ++i)
      known_[same[static_cast<std::size_t>(i)].internal_object()] = {i + 1, count};
    return known_[n.internal_object()];
  }
  std::unordered_map<const void*, std::pair<int, int>> known_;
};

}  // namespace

void Reporter::flush() {
  if (pending_.empty()) return;
  std::vector<std::size_t> order(pending_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return pending_[a].at.offset_debug() < pending_[b].at.offset_debug();
  });
  PathNamer namer;
  std::size_t pos = 0;
  std::uint32_t line = 1, column = 1;
  for (const std::size_t i : order) {
    Pending& p = pending_[i];
    Diagnostic d;
    d.rule_id = std::string(p.id);
    const RuleInfo* info = find_rule(p.id);
    d.severity = info ? info->severity : Severity::fatal;
    if (info) d.business_term = std::string(info->terms.substr(0, info->terms.find(',')));
    d.where.source = std::string(source_name_);
    d.where.path = namer.path(p.at);
    // Line and column as detail::line_column counts them, continuing from the previous failure.
    const std::ptrdiff_t offset = p.at.offset_debug();
    if (offset >= 0) {
      const std::size_t end = std::min(bytes_.size(), static_cast<std::size_t>(offset));
      for (; pos < end; ++pos) {
        if (bytes_[pos] == '\n') {
          ++line;
          column = 1;
        } else if ((static_cast<unsigned char>(bytes_[pos]) & 0xC0) != 0x80) {
          ++column;
        }
      }
      d.where.line = line;
      d.where.column = column;
    }
    d.message = std::move(p.message);
    out_.add(std::move(d));
  }
  pending_.clear();
}

// ---------------------------------------------------------------------------------------------

namespace {

struct State {
  int node;
  int instance;
};

struct Instance {
  int context;
  pugi::xml_node node;
  std::size_t counters;  // first counter in the pool
  std::size_t overs;     // first entry of Walker::overs_ that may be its
  int serial;
};

struct Counter {
  int n = 0;
  pugi::xml_node beyond;  // the occurrence past the allowed count
};

struct Frame {
  Frame(pugi::xml_node node, pugi::xml_attribute first_attribute, const Element* parent)
      : e(node, first_attribute, parent) {}
  Element e;
  std::size_t states_begin = 0, states_end = 0;
  int abs = -1;
  int instance = -1;
  bool scoped_declarations = false;  // this element or an ancestor below the root declares a namespace
};

// Whether an element declares a namespace (xmlns or xmlns:p), given its first attribute.
bool declares_namespace(pugi::xml_attribute first) {
  for (pugi::xml_attribute a = first; a; a = a.next_attribute())
    if (std::strncmp(a.name(), "xmlns", 5) == 0) return true;
  return false;
}

// pugixml's own traversal: it steps through the tree inside the library, where calling
// first_child/next_sibling for every node from here would cost twice as much.
class Walker final : public pugi::xml_tree_walker {
 public:
  Walker(const XmlReader& x, const Ruleset::Impl& m, Hooks& hooks, Reporter& report)
      : x_(x), m_(m), hooks_(hooks), report_(report) {}

  void run(pugi::xml_node root) {
    frames_.reserve(64);
    enter(root);
    root.traverse(*this);
    while (!frames_.empty()) leave();
    hooks_.finish();
  }

  bool for_each(pugi::xml_node& node) override {
    if (node.type() != pugi::node_element) return true;
    // The root's children are at depth 0 and the root is frame 0.
    const auto parent_frames = static_cast<std::size_t>(depth()) + 1;
    while (frames_.size() > parent_frames) leave();
    enter(node);
    return true;
  }

 private:
  void enter(pugi::xml_node node) {
    // The frame is built in place; Element::parent points into the stack, so growing it
    // (rare: the stack is as deep as the document) repoints every parent first.
    if (frames_.size() == frames_.capacity()) {
      frames_.reserve(frames_.capacity() * 2 + 16);
      for (std::size_t i = 1; i < frames_.size(); ++i) frames_[i].e.parent = &frames_[i - 1].e;
    }
    const Frame* parent = frames_.empty() ? nullptr : &frames_.back();
    Frame& f = frames_.emplace_back(node, node.first_attribute(), parent ? &parent->e : nullptr);
    Element& e = f.e;
    const char* qualified = node.name();
    const std::size_t length = std::strlen(qualified);
    const char* colon = static_cast<const char*>(std::memchr(qualified, ':', length));
    const std::size_t prefix_length = colon ? static_cast<std::size_t>(colon - qualified) : 0;
    e.local =
        colon ? std::string_view(colon + 1, length - prefix_length - 1) : std::string_view(qualified, length);
    e.name = m_.find_name(e.local);
    // The root's declarations are the resolver's; below it they change what a prefix means.
    f.scoped_declarations =
        parent && (parent->scoped_declarations || (e.attributes && declares_namespace(e.attributes)));
    e.ns = f.scoped_declarations ? x_.ns().namespace_of(node)
                                 : namespace_of_prefix(node, std::string_view(qualified, prefix_length));
    const int key = e.name >= 0 ? key_of(e.ns, e.name) : -1;
    f.abs = key < 0 ? -1 : m_.abs_child(parent ? parent->abs : 0, key);
    e.context = match_context(e, f.abs, parent);
    f.states_begin = states_.size();
    if (e.context > 0) {
      f.instance = static_cast<int>(instances_.size());
      const auto& ctx = m_.contexts[static_cast<std::size_t>(e.context)];
      instances_.push_back({e.context, node, counters_.size(), overs_.size(), serial_++});
      counters_.resize(counters_.size() + ctx.counted.size());
    }
    // Rules on "//" paths belong to the root's context, whose instance is the first one.
    if (!parent) anywhere_ = f.instance == 0;
    if (key >= 0) {
      if (parent)
        for (std::size_t i = parent->states_begin; i < parent->states_end; ++i) {
          const State st = states_[i];
          if (const int c = m_.child(st.node, key); c >= 0) arrive(c, st.instance, node, e.attributes);
        }
      if (anywhere_)
        if (const int c = m_.child(m_.anywhere, key); c >= 0) arrive(c, 0, node, e.attributes);
    }
    if (anywhere_ && e.attributes)
      for (pugi::xml_attribute a = e.attributes; a; a = a.next_attribute())
        if (const int r = m_.anywhere_attribute(a.name()); r >= 0) hit(r, 0, node);
    if (e.context > 0)
      if (const int r = m_.contexts[static_cast<std::size_t>(e.context)].root; r >= 0)
        arrive(r, f.instance, node, e.attributes);
    f.states_end = states_.size();
    hooks_.enter(e);
  }

  void leave() {
    Frame& f = frames_.back();
    if (f.e.notify_leave) hooks_.leave(f.e);
    if (f.instance >= 0) close(f.instance);
    states_.resize(f.states_begin);
    frames_.pop_back();
  }

  int match_context(const Element& e, int abs, const Frame* parent) {
    int abs_spec = abs >= 0 ? m_.absolute[static_cast<std::size_t>(abs)].spec : -1;
    // The name's candidate contexts, by name and by suffix, in priority order; a name no rule
    // mentions can still end with a suffix.
    const Ruleset::Impl::Named* c = nullptr;
    const Ruleset::Impl::Named* end = nullptr;
    std::array<Ruleset::Impl::Named, 8> unknown;
    if (e.name >= 0) {
      c = m_.candidates.data() + m_.candidate_begin[static_cast<std::size_t>(e.name)];
      end = m_.candidates.data() + m_.candidate_begin[static_cast<std::size_t>(e.name) + 1];
    } else {
      std::size_t n = 0;
      for (const auto& sfx : m_.suffixes)
        if (n < unknown.size() && e.local.ends_with(sfx.suffix)) unknown[n++] = {sfx.spec, sfx.ns, -1};
      c = unknown.data();
      end = c + n;
    }
    if (c == end && abs_spec < 0) return 0;
    const int parent_key = parent && parent->e.name >= 0 ? key_of(parent->e.ns, parent->e.name) : -1;
    const auto try_spec = [&](int spec) {
      const int context = m_.specs[static_cast<std::size_t>(spec)].context;
      return hooks_.accepts(context, e) ? context : 0;
    };
    for (; c != end; ++c) {
      if (c->ns != any_ns && c->ns != static_cast<int>(e.ns)) continue;
      if (c->parent_key >= 0 && c->parent_key != parent_key) continue;
      if (abs_spec >= 0 && abs_spec < c->spec) {
        if (const int context = try_spec(abs_spec)) return context;
        abs_spec = -1;
      }
      if (const int context = try_spec(c->spec)) return context;
    }
    return abs_spec >= 0 ? try_spec(abs_spec) : 0;
  }

  // A rule path reached `node` at trie node `t`, on behalf of context instance `inst`.
  void arrive(int t, int inst, pugi::xml_node node, pugi::xml_attribute attributes) {
    const auto& n = m_.nodes[static_cast<std::size_t>(t)];
    for (const int r : n.rules) hit(r, inst, node);
    if (attributes)
      for (const auto& [attribute, r] : n.attributes)
        for (pugi::xml_attribute a = attributes; a; a = a.next_attribute())
          if (attribute == a.name()) hit(r, inst, node);
    if (!n.children.empty()) states_.push_back({t, inst});
  }

  void hit(int r, int inst, pugi::xml_node node) {
    const auto& rule = m_.rules[static_cast<std::size_t>(r)];
    const Instance& i = instances_[static_cast<std::size_t>(inst)];
    if (rule.kind == Kind::absent) {
      if (fired_.empty()) fired_.assign(m_.rules.size(), -1);
      if (fired_[static_cast<std::size_t>(r)] == i.serial) return;
      fired_[static_cast<std::size_t>(r)] = i.serial;
      const RuleInfo* info = find_rule(rule.id);
      const bool fatal = !info || info->severity == Severity::fatal;
      report_.fail(rule.id, node,
                   "'" + std::string(rule.path) + "' is not used by EN 16931" +
                       (fatal ? " and must not be present" : " and should be left out"));
      return;
    }
    Counter& c = counters_[i.counters + static_cast<std::size_t>(rule.slot)];
    ++c.n;
    const int allowed = rule.kind == Kind::at_most_two ? 2 : 1;
    if (c.n == allowed + 1 && rule.kind != Kind::present) {
      c.beyond = node;
      overs_.push_back({inst, r});
    }
  }

  // Counts are judged when the context element ends: the required rules of its context, and
  // the rules whose count went past the limit (noted as they did, so passing contexts cost
  // nothing more).
  void close(int inst) {
    const Instance i = instances_[static_cast<std::size_t>(inst)];
    const auto& ctx = m_.contexts[static_cast<std::size_t>(i.context)];
    const auto count_of = [&](const Ruleset::Impl::Rule& rule) {
      return counters_[i.counters + static_cast<std::size_t>(rule.slot)];
    };
    for (const int r : ctx.required) {
      const auto& rule = m_.rules[static_cast<std::size_t>(r)];
      if (count_of(rule).n == 0) report_.fail(rule.id, i.node, "'" + std::string(rule.path) + "' is missing");
    }
    std::size_t kept = i.overs;
    for (std::size_t o = i.overs; o < overs_.size(); ++o) {
      if (overs_[o].first != inst) {
        overs_[kept++] = overs_[o];
        continue;
      }
      const auto& rule = m_.rules[static_cast<std::size_t>(overs_[o].second)];
      const Counter c = count_of(rule);
      report_.fail(rule.id, c.beyond,
                   "'" + std::string(rule.path) + "' occurs " + std::to_string(c.n) + " times; " +
                       (rule.kind == Kind::at_most_two   ? "at most twice is allowed"
                        : rule.kind == Kind::exactly_one ? "exactly once is required"
                                                         : "at most once is allowed"));
    }
    overs_.resize(kept);
    counters_.resize(i.counters);
    instances_.pop_back();
  }

  // Where no element below the root declares a namespace, a prefix means the same everywhere:
  // each prefix is resolved once per document.
  Ns namespace_of_prefix(pugi::xml_node node, std::string_view prefix) {
    // Prefixes of up to seven characters, packed with their length, compare as one integer.
    if (prefix.size() > 7) return x_.ns().namespace_of(node);
    std::uint64_t packed = prefix.size();
    for (char c : prefix) packed = packed << 8 | static_cast<unsigned char>(c);
    for (std::size_t i = 0; i < prefixes_used_; ++i)
      if (prefixes_[i].first == packed) return prefixes_[i].second;
    const Ns ns = x_.ns().namespace_of(node);
    if (prefixes_used_ < prefixes_.size()) prefixes_[prefixes_used_++] = {packed, ns};
    return ns;
  }

  const XmlReader& x_;
  const Ruleset::Impl& m_;
  std::array<std::pair<std::uint64_t, Ns>, 8> prefixes_{};
  std::size_t prefixes_used_ = 0;
  Hooks& hooks_;
  Reporter& report_;
  std::vector<Frame> frames_;
  std::vector<State> states_;
  std::vector<Instance> instances_;
  std::vector<Counter> counters_;
  std::vector<std::pair<int, int>> overs_;  // (instance, rule) whose count went past the limit
  std::vector<int> fired_;                  // by rule: serial of the context element it last failed in
  int serial_ = 0;
  bool anywhere_ = false;
};

}  // namespace

void walk(const XmlReader& x, pugi::xml_node root, const Ruleset& rules, Hooks& hooks, Reporter& report) {
  Walker(x, rules.impl(), hooks, report).run(root);
}

}  // namespace relance::formats::detail::syntax
