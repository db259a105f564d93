// SPEC 7: points mining: weight tiers, the reward of a session, check-in streaks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "decimal.hpp"
#include "rules.hpp"

namespace cbm {

/// The weight factors as text (SPEC 0). vip and extra are reserved: "0" unless given.
struct WeightInput {
  std::string streakDays;   //!< whole days >= 0
  std::string totalPoints;  //!< >= 0
  std::string invites;      //!< whole friends >= 0
  std::string vip = "0";    //!< >= 0
  std::string extra = "0";  //!< >= 0
};

/// Each factor's tier weight and their capped sum.
struct Weight {
  Decimal weight;  //!< min(weightCap, checkin + points + invites + vip + extra)
  Decimal checkin, points, invites, vip, extra;
};

Weight pointsWeight(const WeightInput& input, const PointsRules& rules);

/// base x (1 - exp(-decayRate x t)) x weight with t = min(elapsed, maxSessionSeconds),
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

/// The same from text: elapsedSeconds a whole number >= 0, weight in [0, weightCap].
Decimal pointsReward(const std::string& elapsedSeconds, const std::string& weight,
                     const PointsRules& rules);

/// Reads a session weight: a decimal from 0 to the weight cap.
Decimal parseWeight(const std::string& text, const std::string& field, const PointsRules& rules);

/// The streak on day `on` (UTC dates "YYYY-MM-DD"): consecutive checked-in days ending at `on`
/// if it is checked in, else ending the day before. Check-ins after `on` do not count.
struct Streak {
  std::int64_t days;
  bool checkedInOnDay;  //!< `on` itself is in the history
};
Streak streak(const std::vector<std::string>& checkins, const std::string& on);

/// SPEC 7's projection: a routine stepped day by day from `from`, with the check-in history
/// before it. On each day: check in (if the routine says so, or the history has the day),
/// take the weight of that day's streak, points and invites, run one session of
/// `sessionSeconds` (one a day is what the 24 h rule allows), add its reward, gain invites.
struct ProjectionInput {
  std::vector<std::string> checkins;  //!< UTC dates "YYYY-MM-DD" already checked in
  std::string from;                   //!< the first projected day
  std::string days;                   //!< how many days, 1 to 3650
  std::string totalPoints = "0";      //!< before `from`
  std::string invites = "0";          //!< friends invited before `from`
  std::string invitesPerWeek = "0";   //!< new friends a week (a decimal: 0.5 is one in two weeks)
  std::string sessionSeconds = "86400";
  std::string checkinWeekdays = "1111111";  //!< Monday first: '1' = checks in that weekday
  std::string sessionWeekdays = "1111111";  //!< '1' = runs a session that weekday
  std::string vip = "0", extra = "0";
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
