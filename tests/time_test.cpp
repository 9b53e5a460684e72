#include "time.hpp"

#include <boost/test/unit_test.hpp>

using namespace papersite;

BOOST_AUTO_TEST_SUITE(time_format)

BOOST_AUTO_TEST_CASE(formats_a_known_instant) {
  // 2024-05-29T05:50:14Z, a Wednesday.
  TimePoint t{std::chrono::seconds{1716961814}};
  BOOST_TEST(format_iso(t) == "2024-05-29T05:50:14Z");
  BOOST_TEST(format_rfc822(t) == "Wed, 29 May 2024 05:50:14 +0000");
  BOOST_TEST(format_us_date(t) == "05/29/2024");
  BOOST_TEST(format_long_date(t) == "May 29, 2024");
  BOOST_TEST(format_ymd(t) == "2024-05-29");
}

BOOST_AUTO_TEST_CASE(parses_the_three_forms) {
  BOOST_TEST(parse_time("1716961814")->time_since_epoch().count() ==
             1716961814);
  BOOST_TEST(format_iso(*parse_time("2024-05-29")) == "2024-05-29T00:00:00Z");
  BOOST_TEST(format_iso(*parse_time("2024-05-29T05:50:14Z")) ==
             "2024-05-29T05:50:14Z");
}

BOOST_AUTO_TEST_CASE(rejects_malformed_and_impossible_dates) {
  BOOST_TEST(!parse_time(""));
  BOOST_TEST(!parse_time("2024-02-30"));
  BOOST_TEST(!parse_time("2024-13-01"));
  BOOST_TEST(!parse_time("2024-05-29T25:00:00Z"));
  BOOST_TEST(!parse_time("yesterday"));
  BOOST_TEST(!parse_time("-5"));
}

BOOST_AUTO_TEST_CASE(leap_day_and_weekday) {
  BOOST_TEST(format_rfc822(*parse_time("2024-02-29")) ==
             "Thu, 29 Feb 2024 00:00:00 +0000");
  BOOST_TEST(format_rfc822(*parse_time("2000-01-01")) ==
             "Sat, 01 Jan 2000 00:00:00 +0000");
}

BOOST_AUTO_TEST_SUITE_END()
