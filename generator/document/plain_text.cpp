#include "document/plain_text.hpp"

namespace juesuan::doc {

std::string plain_text(const Table& t) {
  std::string out;
  auto line = [&](const std::string& s) {
    if (!s.empty()) out += s + "\n";
  };
  line(t.title);
  line(t.number);
  line(t.department);
  line(t.year);
  line(t.unit);
  for (const auto* rows : {&t.head, &t.body})
    for (const auto& r : *rows) {
      std::string l;
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (i) l += '\t';
        l += r[i].text;
      }
      out += l + "\n";
    }
  for (const auto& n : t.notes) line(n);
  return out;
}

std::string plain_text(const Document& d) {
  std::string out;
  for (const auto& b : d.blocks) {
    if (const auto* h = std::get_if<Heading>(&b)) out += h->text + "\n";
    else if (const auto* p = std::get_if<Paragraph>(&b)) out += p->text + "\n";
    else if (const auto* l = std::get_if<List>(&b))
      for (const auto& i : l->items) out += i.label + " " + i.text + "\n";
    else if (const auto* t = std::get_if<Table>(&b)) out += plain_text(*t);
    else if (const auto* c = std::get_if<Chart>(&b)) {
      // The title, then one line per bar or slice: group, label, amount, share.
      out += c->title + "\n";
      for (const auto& g : c->groups)
        for (const auto& v : g.values)
          out += (g.label.empty() ? "" : g.label + "\t") + v.label + "\t" + v.text +
                 (v.share.empty() ? "" : "\t" + v.share + "%") + "\n";
    } else if (const auto* toc = std::get_if<Toc>(&b)) {
      out += toc->title + "\n";
      for (const auto& e : toc->entries) out += e.text + "\n";
    }
  }
  return out;
}

}  // namespace juesuan::doc
