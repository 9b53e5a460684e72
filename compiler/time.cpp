#include "time.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstdint>

namespace papersite {

namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::hh_mm_ss;
using std::chrono::year_month_day;

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr",
                                                 "May", "Jun", "Jul", "Aug",
                                                 "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> kLongMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed",
                                                  "Thu", "Fri", "Sat"};

struct Parts {
  int year;
  unsigned month, day, weekday;
  long hours, minutes, seconds;
};

Parts split(TimePoint t) {
  auto day_point = floor<days>(t);
  year_month_day ymd{day_point};
  hh_mm_ss hms{t - day_point};
  std::chrono::weekday wd{day_point};
  return {static_cast<int>(ymd.year()),
          static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day()),
          wd.c_encoding(),
          static_cast<long>(hms.hours().count()),
          static_cast<long>(hms.minutes().count()),
          static_cast<long>(hms.seconds().count())};
}

bool parse_int(std::string_view text, int& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

std::string format_iso(TimePoint t) {
  Parts p = split(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", p.year, p.month,
                     p.day, p.hours, p.minutes, p.seconds);
}

std::string format_rfc822(TimePoint t) {
  Parts p = split(t);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000",
                     kWeekdays[p.weekday], p.day, kMonths[p.month - 1], p.year,
                     p.hours, p.minutes, p.seconds);
}

std::string format_us_date(TimePoint t) {
  Parts p = split(t);
  return fmt::format("{:02}/{:02}/{:04}", p.month, p.day, p.year);
}

std::string format_long_date(TimePoint t) {
  Parts p = split(t);
  return fmt::format("{} {}, {}", kLongMonths[p.month - 1], p.day, p.year);
}

std::string format_ymd(TimePoint t) {
  Parts p = split(t);
  return fmt::format("{:04}-{:02}-{:02}", p.year, p.month, p.day);
}

std::optional<TimePoint> make_date(int year, unsigned month, unsigned day) {
  year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                     std::chrono::day{day}};
  if (!ymd.ok())
    return std::nullopt;
  return TimePoint{std::chrono::sys_days{ymd}};
}

std::optional<TimePoint> parse_time(std::string_view text) {
  if (!text.empty() &&
      text.find_first_not_of("0123456789") == std::string_view::npos) {
    std::int64_t seconds = 0;
    auto [ptr, ec] =
        std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec != std::errc() || ptr != text.data() + text.size())
      return std::nullopt;
    return TimePoint{std::chrono::seconds{seconds}};
  }
  // YYYY-MM-DD, optionally followed by THH:MM:SSZ.
  int year = 0, month = 0, day = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' ||
      !parse_int(text.substr(0, 4), year) ||
      !parse_int(text.substr(5, 2), month) ||
      !parse_int(text.substr(8, 2), day) || month < 1 || day < 1)
    return std::nullopt;
  auto date =
      make_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (!date)
    return std::nullopt;
  if (text.size() == 10)
    return date;
  int h = 0, m = 0, s = 0;
  if (text.size() != 20 || (text[10] != 'T' && text[10] != ' ') ||
      text[13] != ':' || text[16] != ':' || text[19] != 'Z' ||
      !parse_int(text.substr(11, 2), h) || !parse_int(text.substr(14, 2), m) ||
      !parse_int(text.substr(17, 2), s) || h > 23 || m > 59 || s > 60)
    return std::nullopt;
  return *date + std::chrono::hours{h} + std::chrono::minutes{m} +
         std::chrono::seconds{s};
}

}  // namespace papersite
