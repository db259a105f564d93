#include "points.hpp"

#include <algorithm>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <optional>

#include "calendar.hpp"
#include "double_double.hpp"
#include "input_error.hpp"
#include "parse.hpp"

namespace cbm {

namespace {

//! 50 significant digits: the reward needs 21 (3 before the point, 18 after) and the margin
//! keeps truncation exact.
using Float50 = boost::multiprecision::cpp_bin_float_50;

// The exact decimal value of `d`: built from its integer raw value, never from a double.
Float50 toFloat(Decimal d) {
  return Float50(d.big()) / Decimal::kScale;
}

constexpr std::int64_t kMaxCount = 1'000'000'000'000;  // days or friends: any real count fits

}  // namespace

Weight pointsWeight(const WeightInput& in, const PointsRules& rules) {
  const std::int64_t streakDays = parseWhole(in.streakDays, "streakDays", 0, kMaxCount);
  const Decimal totalPoints = parseAmount(in.totalPoints, "totalPoints", Sign::nonNegative);
  const std::int64_t invites = parseWhole(in.invites, "invites", 0, kMaxCount);
  Weight w;
  w.vip = parseAmount(in.vip, "vip", Sign::nonNegative);
  w.extra = parseAmount(in.extra, "extra", Sign::nonNegative);
  w.checkin = tierWeight(rules.checkinTiers, Decimal::fromInteger(streakDays));
  w.points = tierWeight(rules.pointsTiers, totalPoints);
  w.invites = tierWeight(rules.inviteTiers, Decimal::fromInteger(invites));
  const Decimal sum = w.checkin.plus(w.points, "weight")
                          .plus(w.invites, "weight")
                          .plus(w.vip, "weight")
                          .plus(w.extra, "weight");
  w.weight = std::min(sum, rules.weightCap);
  return w;
}

namespace detail {

// Fast path in double-double (relative error below 2^-95 for any rule values): the truncated
// value, unless it lies so close to a multiple of 10^-18 that the error could cross it.
std::optional<Int128> rewardWeiFast(Seconds t, Decimal weight, const PointsRules& rules) {
  constexpr double kScale = 1e18;  // exact in a double
  const DoubleDouble x =
      DoubleDouble::fromInt(rules.decayRate.raw()) * static_cast<double>(t) / kScale;
  const DoubleDouble full =
      DoubleDouble::fromInt(rules.base.raw()) * DoubleDouble::fromInt(weight.raw()) / kScale;
  const DoubleDouble wei = -(full * expm1(-x));
  if (!(wei.hi < 1e38)) return std::nullopt;
  const Int128 whole = wei.floorToInt();
  const double fraction = (wei - DoubleDouble::fromInt(whole)).toDouble();
  const double bound = wei.hi * 0x1p-88 + 0x1p-100;
  if (fraction <= bound || fraction >= 1 - bound) return std::nullopt;
  return whole;
}

// Exact path in 50 digits (about 1e-49 relative). With F = base x weight in 10^-36 units and
// E = F e^-x what the decay keeps back, the reward is floor((F - E) / 10^18) wei.
// - E small (below 10^50 units): F = q 10^18 + r exactly, and floor(F - E) = q + floor((r - E) /
//   10^18), where E's own error (under 10^1 units) cannot reach a wei. This is the case where
//   1 - e^-x rounds to 1 in 50 digits, and the floor must still see E.
// - E large: F (1 - e^-x) by expm1 has its relative accuracy, which is far below a wei.
Int128 rewardWeiExact(Seconds t, Decimal weight, const PointsRules& rules) {
  const BigInt full = rules.base.big() * weight.big();
  const Float50 x = toFloat(rules.decayRate) * t;
  const Float50 kept = Float50(full) * exp(-x);
  BigInt wei;
  if (kept < Float50(1e50)) {
    const BigInt scale = Decimal::kScale;
    const BigInt below =
        static_cast<BigInt>(floor((Float50(full % scale) - kept) / Decimal::kScale));
    wei = full / scale + below;
  } else {
    wei = static_cast<BigInt>(
        floor(Float50(full) * -boost::multiprecision::expm1(-x) / Decimal::kScale));
  }
  return Decimal::ratio(wei, 1, "reward").raw();
}

}  // namespace detail

Decimal pointsReward(Seconds elapsedSeconds, Decimal weight, const PointsRules& rules) {
  const Seconds t = std::min(elapsedSeconds, rules.maxSessionSeconds);
  if (t <= 0 || weight.isZero() || rules.base.isZero()) return Decimal();
  const std::optional<Int128> fast = detail::rewardWeiFast(t, weight, rules);
  return Decimal::fromRaw(fast ? *fast : detail::rewardWeiExact(t, weight, rules), "reward");
}

Decimal parseWeight(const std::string& text, const std::string& field, const PointsRules& rules) {
  const Decimal weight = parseAmount(text, field, Sign::nonNegative);
  if (weight > rules.weightCap)
    throw InputError(field, "must be at most " + rules.weightCap.str() + " (the weight cap), got " +
                                quote(text));
  return weight;
}

Decimal pointsReward(const std::string& elapsedSeconds, const std::string& weight,
                     const PointsRules& rules) {
  const Seconds elapsed = parseWhole(elapsedSeconds, "elapsedSeconds", 0, kMaxSeconds);
  return pointsReward(elapsed, parseWeight(weight, "weight", rules), rules);
}

Streak streak(const std::vector<std::string>& checkins, const std::string& on) {
  const Day day = parseDay(on, "on");
  std::vector<Day> days;
  days.reserve(checkins.size());
  for (std::size_t i = 0; i < checkins.size(); ++i) {
    const Day d = parseDay(checkins[i], "checkins[" + std::to_string(i) + "]");
    if (d <= day) days.push_back(d);
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());

  Streak s{0, !days.empty() && days.back() == day};
  Day expected = s.checkedInOnDay ? day : day - 1;
  for (auto it = days.rbegin(); it != days.rend() && *it == expected; ++it, --expected) ++s.days;
  return s;
}

namespace {

// A 7-character weekday mask, Monday first.
std::string weekdayMask(const std::string& text, const std::string& field) {
  if (text.size() != 7 || text.find_first_not_of("01") != std::string::npos)
    throw InputError(field,
                     "must be 7 characters of 0 and 1, Monday first (\"1111100\": "
                     "weekdays), got " +
                         quote(text));
  return text;
}

// 1970-01-01 was a Thursday: Monday = 0.
int weekday(Day day) {
  return static_cast<int>(((day + 3) % 7 + 7) % 7);
}

}  // namespace

Projection pointsProjection(const ProjectionInput& in, const PointsRules& rules) {
  const Day from = parseDay(in.from, "from");
  const std::int64_t count = parseWhole(in.days, "days", 1, 3650);
  Decimal total = parseAmount(in.totalPoints, "totalPoints", Sign::nonNegative);
  const std::int64_t invitesBefore = parseWhole(in.invites, "invites", 0, kMaxCount);
  const Decimal invitesPerWeek =
      parseAmount(in.invitesPerWeek, "invitesPerWeek", Sign::nonNegative);
  const Seconds session = parseWhole(in.sessionSeconds, "sessionSeconds", 0, kSecondsPerDay);
  const std::string checkinDays = weekdayMask(in.checkinWeekdays, "checkinWeekdays");
  const std::string sessionDays = weekdayMask(in.sessionWeekdays, "sessionWeekdays");
  const Decimal vip = parseAmount(in.vip, "vip", Sign::nonNegative);
  const Decimal extra = parseAmount(in.extra, "extra", Sign::nonNegative);

  std::vector<Day> history;
  for (std::size_t i = 0; i < in.checkins.size(); ++i)
    history.push_back(parseDay(in.checkins[i], "checkins[" + std::to_string(i) + "]"));
  std::sort(history.begin(), history.end());
  const auto inHistory = [&](Day d) {
    return std::binary_search(history.begin(), history.end(), d);
  };

  // Consecutive checked-in days ending the day before `from`.
  std::int64_t run = 0;
  for (Day d = from - 1; inHistory(d); --d) ++run;

  Projection p;
  p.days.reserve(static_cast<std::size_t>(count));
  const BigInt invitesPerWeekRaw = invitesPerWeek.big();
  for (std::int64_t k = 0; k < count; ++k) {
    const Day day = from + k;
    ProjectionDay d{};
    d.date = day;
    d.checkedIn = checkinDays[weekday(day)] == '1' || inHistory(day);
    d.streakDays = d.checkedIn ? run + 1 : run;  // SPEC 7: ending today, else yesterday
    run = d.checkedIn ? run + 1 : 0;
    // Friends so far: the weekly rate accrues daily; whole friends count (any count beyond
    // kMaxCount weighs the same: the top tier is far below it).
    const BigInt friends = invitesBefore + invitesPerWeekRaw * k / (BigInt(Decimal::kScale) * 7);
    d.invites = static_cast<std::int64_t>(std::min(friends, BigInt(kMaxCount)));
    d.weight = pointsWeight({std::to_string(d.streakDays), total.str(), std::to_string(d.invites),
                             vip.str(), extra.str()},
                            rules);
    if (sessionDays[weekday(day)] == '1') d.reward = pointsReward(session, d.weight.weight, rules);
    total = total.plus(d.reward, "totalPoints");
    d.totalPoints = total;

    const ProjectionDay* before = p.days.empty() ? nullptr : &p.days.back();
    const auto mark = [&](const char* factor, Decimal now, Decimal then) {
      if (before && now != then) p.milestones.push_back({day, factor, now});
    };
    if (before) {
      mark("checkin", d.weight.checkin, before->weight.checkin);
      mark("points", d.weight.points, before->weight.points);
      mark("invites", d.weight.invites, before->weight.invites);
      mark("weight", d.weight.weight, before->weight.weight);
    }
    p.days.push_back(d);
  }
  return p;
}

}  // namespace cbm
