// SPEC 7: points mining: weight tiers, the reward of a session, check-in streaks.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "decimal.hpp"
#include "rules.hpp"

namespace cbm {

/// The most days or friends a count may have: any real count fits.
constexpr std::int64_t kMaxCount = 1'000'000'000'000;

/// The weight factors (SPEC 7). vip and extra are reserved: 0 unless given.
struct WeightInput {
  std::int64_t streakDays = 0;  //!< whole days, 0 to kMaxCount
  Decimal totalPoints;          //!< >= 0
  std::int64_t invites = 0;     //!< whole friends, 0 to kMaxCount
  Decimal vip;                  //!< >= 0
  Decimal extra;                //!< >= 0
};

/// Each factor's tier weight and their capped sum.
struct Weight {
  Decimal weight;  //!< min(weightCap, checkin + points + invites + vip + extra)
  Decimal checkin, points, invites, vip, extra;
};

Weight pointsWeight(const WeightInput& input, const PointsRules& rules);

/// base x (1 - exp(-decayRate x t)) x weight with t = min(elapsed, maxSessionSeconds) (nothing
/// for elapsed <= 0) and a weight from 0 to the cap (else InputError "weight"),
/// truncated to 18 decimals: every decimal is the exact value's. Double-double decides almost
/// always; when the value sits within its error of a multiple of 10^-18, 50 digits decide (e^-x
/// is never exactly such a multiple for x > 0, so they always can).
Decimal pointsReward(Seconds elapsedSeconds, Decimal weight, const PointsRules& rules);

namespace detail {
// The two ways pointsReward decides, apart, so that tests can hold them against each other:
// nullopt when the fast path cannot be sure.
std::optional<Int128> rewardWeiFast(Seconds t, Decimal weight, const PointsRules& rules);
Int128 rewardWeiExact(Seconds t, Decimal weight, const PointsRules& rules);
}  // namespace detail

/// InputError(field, ...) unless `weight` is a session weight: from 0 to the weight cap.
void requireWeight(Decimal weight, const std::string& field, const PointsRules& rules);

/// The streak on day `on`: consecutive checked-in days ending at `on` if it is checked in, else
/// ending the day before. Check-ins after `on` do not count; their order does not matter.
struct Streak {
  std::int64_t days;
  bool checkedInOnDay;  //!< `on` itself is in the history
};
Streak streak(std::vector<Day> checkins, Day on);

/// A check-in history holds at most this many days (100 years of them): a bound on the total,
/// so that no list of ranges, however short to write, is a million days of work.
constexpr std::size_t kMaxCheckins = 36'600;
/// InputError("checkins", ...) (problem "too-many" {max, got}) above kMaxCheckins days.
void requireCheckinCount(std::size_t count);

/// A weekday mask, Monday first: true where the routine acts that weekday.
using Weekdays = std::array<bool, 7>;
constexpr Weekdays kEveryDay = {true, true, true, true, true, true, true};
/// The longest projection: 10 years.
constexpr std::int64_t kMaxProjectionDays = 3650;

/// SPEC 7's projection: a routine stepped day by day from `from`, with the check-in history
/// before it. On each day: check in (if the routine says so, or the history has the day),
/// take the weight of that day's streak, points and invites, run one session of
/// `sessionSeconds` (one a day is what the 24 h rule allows), add its reward, gain invites.
struct ProjectionInput {
  std::vector<Day> checkins;  //!< days already checked in
  Day from = 0;               //!< the first projected day
  std::int64_t days = 1;      //!< how many days, 1 to kMaxProjectionDays
  Decimal totalPoints;        //!< before `from`, >= 0
  std::int64_t invites = 0;   //!< friends invited before `from`, 0 to kMaxCount
  Decimal invitesPerWeek;     //!< new friends a week (a decimal: 0.5 is one in two weeks)
  Seconds sessionSeconds = kSecondsPerDay;  //!< 0 to a day
  Weekdays checkinWeekdays = kEveryDay;     //!< the weekdays it checks in
  Weekdays sessionWeekdays = kEveryDay;     //!< the weekdays it runs a session
  Decimal vip, extra;                       //!< >= 0
};

struct ProjectionDay {
  Day date;
  bool checkedIn;
  std::int64_t streakDays;
  std::int64_t invites;
  Weight weight;        //!< of the day's session
  Decimal reward;       //!< the day's session (0 without one)
  Decimal totalPoints;  //!< after the day's session
};

/// The first day a factor's weight changes: "checkin", "points", "invites" or "weight" (the
/// total).
struct Milestone {
  Day date;
  std::string factor;
  Decimal weight;
};

struct Projection {
  std::vector<ProjectionDay> days;
  std::vector<Milestone> milestones;
};

Projection pointsProjection(const ProjectionInput& input, const PointsRules& rules);

}  // namespace cbm
