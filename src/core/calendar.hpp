// UTC calendar dates and times: check-in days and session times (SPEC 7).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cbm {

//! Days since 1970-01-01 (UTC).
using Day = std::int64_t;
//! Seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = std::int64_t;

//! The last second that prints with a four-digit year: 9999-12-31T23:59:59Z.
constexpr UnixSeconds kMaxUnixSeconds = 253'402'300'799;

/// Reads "YYYY-MM-DD" (a real date, years 1970-9999); InputError(field) otherwise.
Day parseDay(std::string_view text, const std::string& field);
/// Calendar periods (UTC): days, ISO weeks (from Monday), months, years.
enum class Period { day, week, month, year };
/// The first day of the calendar period after the one holding `day`.
Day nextPeriodStart(Day day, Period period);

/// "2026-11-21".
std::string formatDay(Day day);
/// "2026-11-21T08:00:00Z".
std::string formatUtc(UnixSeconds t);
/// "24 h", "90 min", "45 s": a duration in its largest exact unit.
std::string formatDuration(std::int64_t seconds);

}  // namespace cbm
