// compose on its own: it reads the Model only (Model::written for what the
// department wrote), never the Source the model was computed from.
#include <catch2/catch.hpp>

#include "compose/compose.hpp"
#include "document/plain_text.hpp"
#include "support.hpp"
#include "support_build.hpp"

using namespace juesuan;

namespace {

const TemplateSet& templates_for(const Source& s) {
  const TemplateSet* t = test::shared_resources().templates.find(s.profile.present ? s.profile.value : s.format.value);
  REQUIRE(t);
  return *t;
}

}  // namespace

TEST_CASE("compose: a model whose source is gone composes the same document", "[compose]") {
  for (const char* name : {"2021-jiaozuo-gongxinju.yaml", "2022-jiaozuo-zhengwu-dashuju.yaml"}) {
    INFO(name);
    auto built = build_document(test::shared_resources(), test::kSourceDir / "data/examples" / name);
    const TemplateSet& t = templates_for(built->source);
    const std::string expected = doc::plain_text(built->document);
    // A Source changed after compute: compose must not see it.
    built->source.department.value = "X";
    built->source.attachments.clear();
    built->source.three_public.abroad_groups.value = 99;
    built->source.item_glossary.value = !built->source.item_glossary.value;
    doc::Document again = compose(built->model, t);
    CHECK(doc::plain_text(again) == expected);
    CHECK(again.author == built->model.written.department.value);
  }
}

TEST_CASE("compose: a model outlives its source", "[compose]") {
  for (const char* name : {"2021-jiaozuo-gongxinju.yaml", "2022-jiaozuo-zhengwu-dashuju.yaml"}) {
    INFO(name);
    auto built = build_document(test::shared_resources(), test::kSourceDir / "data/examples" / name);
    const TemplateSet& t = templates_for(built->source);
    const std::string expected = doc::plain_text(built->document);
    const std::string department = built->source.department.value;
    // The Model alone, the Source (and the Document) destroyed: anything
    // the model still pointed into would be read after free (ASan).
    Model model = std::move(built->model);
    built.reset();
    // What the 项 wrote (code, name, reason) is the model's own copy.
    bool any_reason = false;
    for (const ClassRow& r : model.rows) any_reason = any_reason || !r.reason.value.empty();
    CHECK(any_reason);
    const doc::Document again = compose(model, t);
    CHECK(doc::plain_text(again) == expected);
    CHECK(again.author == department);
  }
}

TEST_CASE("compose: the department's own words come from Model::written", "[compose]") {
  auto built = build_document(test::shared_resources(),
                              test::kSourceDir / "data/examples/2022-jiaozuo-zhengwu-dashuju.yaml");
  const TemplateSet& t = templates_for(built->source);
  Written& w = built->model.written;
  REQUIRE(w.department.value == built->source.department.value);
  REQUIRE(w.attachments.size() == built->source.attachments.size());
  const std::string before = doc::plain_text(compose(built->model, t));
  REQUIRE(test::contains(before, w.department.value));
  // The 2022 example states the vehicles it held (九): a changed count in
  // the model is the count printed.
  const std::string held = std::to_string(w.three_public.vehicles_held.value) + "辆";
  REQUIRE(test::contains(before, held));
  w.department.value = "某测试局";
  w.three_public.vehicles_held.value += 7;
  const doc::Document d = compose(built->model, t);
  CHECK(d.author == "某测试局");
  CHECK(test::contains(d.title, "某测试局"));
  CHECK_FALSE(test::contains(d.title, built->source.department.value));
  CHECK(test::contains(doc::plain_text(d), std::to_string(w.three_public.vehicles_held.value) + "辆"));
}
