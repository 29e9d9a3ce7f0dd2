// Force-included (-include) in the clang fuzz build only. With libstdc++ 12
// in C++20 mode, clang (14 and 16 alike) rejects yaml::Node (and FreeNode likewise), whose member
// std::vector<std::pair<Node, Node>> makes std::pair<Node, Node>'s
// conditionally explicit default constructor ask whether Node is
// default-constructible while Node's destructor needs that very pair
// complete. GCC accepts it. This tells libstdc++ the answer up front; remove
// it once yaml_tree.hpp declares Node's special members (defaulted in
// yaml_tree.cpp) or stores its entries in a struct of its own.
#pragma once
#include <type_traits>
namespace juesuan {
struct FreeNode;   // source/source.hpp: std::vector<std::pair<std::string, FreeNode>>
namespace yaml {
struct Node;       // source/yaml_tree.hpp: std::vector<std::pair<Node, Node>>
}
}  // namespace juesuan
template <>
struct std::__is_implicitly_default_constructible<juesuan::yaml::Node> : std::true_type {};
template <>
struct std::__is_implicitly_default_constructible<juesuan::FreeNode> : std::true_type {};
