// Times as UTC seconds, and the few textual forms the outputs need.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace papersite {

using TimePoint = std::chrono::sys_seconds;

// "2024-05-29T05:50:14Z"
std::string format_iso(TimePoint t);
// "Wed, 29 May 2024 05:50:14 +0000" (RFC 822 with English names)
std::string format_rfc822(TimePoint t);
// "05/29/2024", as the seed's "Paper from" heading
std::string format_us_date(TimePoint t);
// "May 29, 2023", as the seed's updates
std::string format_long_date(TimePoint t);
// "2024-05-29"
std::string format_ymd(TimePoint t);

// Parses a reference time given on the command line or in
// SOURCE_DATE_EPOCH: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SSZ", or a decimal
// count of seconds since the epoch. Returns nullopt when malformed.
std::optional<TimePoint> parse_time(std::string_view text);

// Midnight UTC of a calendar date; nullopt when the date does not exist.
std::optional<TimePoint> make_date(int year, unsigned month, unsigned day);

}  // namespace papersite
