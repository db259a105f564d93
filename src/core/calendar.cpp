#include "calendar.hpp"

#include <cstdio>

#include "input_error.hpp"

namespace cbm {

namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar, counting years from March
// so that the leap day falls at the end of the year (the classic era-based method).
Day daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yearOfEra = static_cast<unsigned>(y - era * 400);
  const unsigned dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + static_cast<Day>(dayOfEra) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month, day;
};

Civil civilFromDays(Day z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto dayOfEra = static_cast<unsigned>(z - era * 146097);
  const unsigned yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const unsigned mp = (5 * dayOfYear + 2) / 153;
  const unsigned day = dayOfYear - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yearOfEra) + era * 400 + (month <= 2), month, day};
}

bool isLeap(std::int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(std::int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

Day parseDay(std::string_view text, const std::string& field) {
  auto fail = [&]() -> Day {
    throw InputError(field, "must be a date YYYY-MM-DD, got " + quote(std::string(text)),
                     {"not-a-date", {{"got", std::string(text)}}});
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return fail();
  auto number = [&](std::size_t from, std::size_t count) -> int {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      n = n * 10 + (text[i] - '0');
    }
    return n;
  };
  const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (y < 1970 || m < 1 || m > 12 || d < 1) return fail();
  if (static_cast<unsigned>(d) > daysInMonth(y, static_cast<unsigned>(m))) return fail();
  return daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

Day nextPeriodStart(Day day, Period period) {
  const Civil c = civilFromDays(day);
  switch (period) {
    case Period::day:
      return day + 1;
    case Period::week:  // 1970-01-01 was a Thursday: Monday is day 4 of that week
      return day - ((day + 3) % 7 + 7) % 7 + 7;
    case Period::month:
      return c.month == 12 ? daysFromCivil(c.year + 1, 1, 1)
                           : daysFromCivil(c.year, c.month + 1, 1);
    case Period::year:
      return daysFromCivil(c.year + 1, 1, 1);
  }
  return day + 1;
}

std::string formatDay(Day day) {
  const Civil c = civilFromDays(day);
  char text[32];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                c.day);
  return text;
}

std::string formatUtc(UnixSeconds t) {
  const Day day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const auto secondOfDay = static_cast<int>(t - day * 86400);
  char text[32];
  std::snprintf(text, sizeof text, "T%02d:%02d:%02dZ", secondOfDay / 3600, secondOfDay / 60 % 60,
                secondOfDay % 60);
  return formatDay(day) + text;
}

std::string formatDuration(std::int64_t seconds) {
  if (seconds != 0 && seconds % 3600 == 0) return std::to_string(seconds / 3600) + " h";
  if (seconds != 0 && seconds % 60 == 0) return std::to_string(seconds / 60) + " min";
  return std::to_string(seconds) + " s";
}

}  // namespace cbm
