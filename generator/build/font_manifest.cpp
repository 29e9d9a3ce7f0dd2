#include "build/font_manifest.hpp"

#include <set>

#include "core/file.hpp"
#include "core/messages.hpp"
#include "yaml/yaml_tree.hpp"

namespace juesuan {

namespace {

[[noreturn]] void fail(const Loc& loc, std::string what) { throw Error(Failure::Setup, loc, std::move(what)); }

// The roles the PDF writer sets text in (its default styles); a manifest
// written before the level-2 heading had a role of its own sets those in
// the body's faces (pdf FontSet::chain).
std::set<std::string> roles_used() {
  const pdf::PdfOptions o;
  std::set<std::string> used;
  for (const pdf::TextStyle* s : {&o.cover_title, &o.cover_line, &o.part, &o.section, &o.subsection, &o.body, &o.note,
                                  &o.toc_title, &o.toc_part, &o.toc_entry, &o.table_title, &o.table_caption,
                                  &o.table_cell, &o.table_note, &o.page_number})
    used.insert(s->role);
  return used;
}

std::string text_of(const yaml::Node& n, const char* what) {
  if (!n.is_scalar()) fail(n.loc, msg::font_manifest_not_text(what));
  return n.text;
}

// `ranges:` — hexadecimal code points, one or a range: [0020-007E, 00A0-017F, 2030]
std::vector<std::pair<char32_t, char32_t>> code_ranges(const yaml::Node& ranges, const std::string& face) {
  if (!ranges.is_seq() || ranges.items.empty()) fail(ranges.loc, msg::font_bad_range(face, ""));
  std::vector<std::pair<char32_t, char32_t>> out;
  for (const yaml::Node& r : ranges.items) {
    const std::string text = text_of(r, "ranges");
    auto hex = [&](const std::string& h) -> char32_t {
      if (h.empty() || h.size() > 6 || h.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        fail(r.loc, msg::font_bad_range(face, text));
      const unsigned long v = std::stoul(h, nullptr, 16);
      if (v > 0x10FFFF) fail(r.loc, msg::font_bad_range(face, text));
      return static_cast<char32_t>(v);
    };
    const auto dash = text.find('-');
    const char32_t lo = hex(text.substr(0, dash));
    const char32_t hi = dash == std::string::npos ? lo : hex(text.substr(dash + 1));
    if (hi < lo) fail(r.loc, msg::font_bad_range(face, text));
    out.emplace_back(lo, hi);
  }
  return out;
}

pdf::FontFaceSpec face(const yaml::Node& f, const std::filesystem::path& dir) {
  if (!f.is_map()) fail(f.loc, msg::font_needs_name_and_file());
  const yaml::Node* name = f.find("name");
  const yaml::Node* file = f.find("file");
  if (!name || !file) fail(f.loc, msg::font_needs_name_and_file());
  pdf::FontFaceSpec e;
  e.name = text_of(*name, "name");
  if (const yaml::Node* p = f.find("package")) e.package = text_of(*p, "package");
  e.file = text_of(*file, "file");
  if (e.file.is_relative()) e.file = dir / e.file;
  if (const yaml::Node* i = f.find("index")) {
    const std::string t = text_of(*i, "index");
    if (t.empty() || t.size() > 4 || t.find_first_not_of("0123456789") != std::string::npos)
      fail(i->loc, msg::font_index_not_number(e.name));
    e.index = static_cast<unsigned>(std::stoul(t));
  }
  const yaml::Node* licence = f.find("licence");
  if (!licence) fail(f.loc, msg::font_needs_licence(e.name));
  e.licence = dir / text_of(*licence, "licence");
  std::error_code ec;
  if (!std::filesystem::exists(e.licence, ec)) fail(licence->loc, msg::font_licence_missing(e.name, e.licence.string()));
  if (!std::filesystem::exists(e.file, ec)) fail(file->loc, msg::font_file_missing(e.file.string(), e.package));
  if (const yaml::Node* ranges = f.find("ranges")) e.ranges = code_ranges(*ranges, e.name);
  return e;
}

}  // namespace

pdf::FontManifest read_font_manifest(const std::filesystem::path& path) {
  yaml::Node root;
  try {
    root = yaml::parse(read_source_file(path));
  } catch (const Error& e) {
    throw Error(Failure::Setup, e.loc(), e.message());
  }
  const Loc whole{root.loc.file, 1, 1};
  if (!root.is_map()) fail(root.loc.file ? root.loc : whole, msg::font_manifest_not_mapping());
  pdf::FontManifest m;
  const yaml::Node* fonts = root.find("fonts");
  if (!fonts || !fonts->is_seq()) fail(fonts ? fonts->loc : whole, msg::font_manifest_no_fonts());
  std::set<std::string> names;
  for (const yaml::Node& f : fonts->items) {
    pdf::FontFaceSpec e = face(f, path.parent_path());
    if (!names.insert(e.name).second) fail(f.find("name")->loc, msg::font_defined_twice(e.name));
    m.faces.push_back(std::move(e));
  }
  const yaml::Node* roles = root.find("roles");
  if (!roles || !roles->is_map()) fail(roles ? roles->loc : whole, msg::font_manifest_no_roles());
  for (const auto& [key, chain] : roles->entries) {
    const std::string role = text_of(key, "roles");
    if (!chain.is_seq() || chain.items.empty()) fail(chain.loc, msg::font_role_not_list(role));
    std::vector<std::string>& out = m.roles[role];
    for (const yaml::Node& n : chain.items) {
      const std::string name = text_of(n, "roles");
      if (!names.count(name)) fail(n.loc, msg::font_role_unknown_font(role, name));
      out.push_back(name);
    }
  }
  for (const std::string& role : roles_used())
    if (!m.roles.count(role) && !(role == "heading2" && m.roles.count("body")))
      fail(roles->loc, msg::font_no_role(role));
  return m;
}

pdf::FontLibrary load_fonts(const std::filesystem::path& manifest) {
  return pdf::FontLibrary::load(read_font_manifest(manifest));
}

}  // namespace juesuan
