#include "paths.hpp"

#include <boost/test/unit_test.hpp>

using papersite::display_path;
using papersite::relative_path;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(paths)

BOOST_AUTO_TEST_CASE(relative_path_by_prefix_and_outside_the_root) {
  BOOST_TEST(relative_path("/repo/content/papers/x/a.toml", "/repo") ==
             "content/papers/x/a.toml");
  BOOST_TEST(relative_path("/repo/a.toml", "/repo/") == "a.toml");
  // A sibling folder that shares the root's name as a prefix is outside.
  BOOST_TEST(relative_path("/repo2/a.toml", "/repo") == "../repo2/a.toml");
  BOOST_TEST(relative_path("/other/b.toml", "/repo") == "../other/b.toml");
}

BOOST_AUTO_TEST_CASE(display_path_is_relative_inside_cwd_else_absolute) {
  BOOST_TEST(display_path("/w/list/content/site.toml", "/w/list") ==
             "content/site.toml");
  BOOST_TEST(display_path("/elsewhere/site.toml", "/w/list") ==
             "/elsewhere/site.toml");
  BOOST_TEST(display_path("/w/list/a b/x.toml", "/w/list/") == "a b/x.toml");
}

BOOST_AUTO_TEST_SUITE_END()
