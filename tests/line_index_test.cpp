// Locating a position in a department's file (issue 14, item 7): a line
// index makes line(n) and locate(offset) O(log n), so that a file of 10,000
// 项 is checked in about a second, not in 36 (every value located by
// scanning the file from its start).
#include <catch2/catch.hpp>

#include <chrono>

#include "core/diag.hpp"
#include "support.hpp"

using namespace juesuan;
using namespace juesuan::test;

TEST_CASE("line index: lines and positions, with a BOM, CRLF and multi-byte characters") {
  SourceFile f{"x.yaml", "\xEF\xBB\xBF" "a: 1\r\n部门: 测试局\n\nlast"};
  CHECK(f.line_count() == 4);
  CHECK(f.line(1) == "a: 1");
  CHECK(f.line(2) == "部门: 测试局");
  CHECK(f.line(3).empty());
  CHECK(f.line(4) == "last");
  CHECK(f.line(5).empty());
  CHECK(f.line(0).empty());
  CHECK(f.locate(3) == std::pair{1, 1});              // after the BOM
  CHECK(f.locate(0) == std::pair{1, 1});
  std::size_t ce = f.text.find("测");
  CHECK(f.locate(ce) == std::pair{2, 5});             // 部 门 : space, then 测
  CHECK(f.locate(f.text.find("last") + 2) == std::pair{4, 3});
  CHECK(f.locate(f.text.size() + 10) == std::pair{4, 5});

  // A copy has its own index; text filled in later is indexed as it is.
  SourceFile g = f;
  g.text = "one\ntwo";
  CHECK(g.line(2) == "two");
  CHECK(f.line(2) == "部门: 测试局");
}

TEST_CASE("line index: 100,000 positions in a file of 50,000 lines in well under a second") {
  SourceFile f;
  for (int i = 0; i < 50000; ++i) f.text += "  - code: \"2010301\"  # 第" + std::to_string(i) + "行\n";
  auto start = std::chrono::steady_clock::now();
  long long sum = 0;
  for (std::size_t k = 0; k < 100000; ++k) {
    auto [line, col] = f.locate((k * 7919) % f.text.size());
    sum += line + col + static_cast<long long>(f.line(line).size());
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(sum > 0);
  CHECK(s < 0.5);
}

TEST_CASE("line index: juesuan check of 10,000 项 takes seconds, not minutes") {
  TempDir t("items");
  REQUIRE(shell("python3 " + shell_quote((kSourceDir / "scripts/many_items.py").string()) + " 10000 " +
                shell_quote((t / "items.yaml").string()))
              .status == 0);
  auto start = std::chrono::steady_clock::now();
  Run r = run_juesuan("check " + shell_quote((t / "items.yaml").string()));
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.status == 0);
  // About 1 s alone on one core; 36 s when each position was found by
  // scanning from the start. The bound leaves room for a busy machine.
  CHECK(s < 10);
}
