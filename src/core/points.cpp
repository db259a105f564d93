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

}  // namespace

Weight pointsWeight(const WeightInput& in, const PointsRules& rules) {
  requireWhole(in.streakDays, "streakDays", 0, kMaxCount);
  requireSign(in.totalPoints, "totalPoints", Sign::nonNegative);
  requireWhole(in.invites, "invites", 0, kMaxCount);
  requireSign(in.vip, "vip", Sign::nonNegative);
  requireSign(in.extra, "extra", Sign::nonNegative);
  Weight w;
  w.vip = in.vip;
  w.extra = in.extra;
  w.checkin = tierWeight(rules.checkinTiers, Decimal::fromInteger(in.streakDays));
  w.points = tierWeight(rules.pointsTiers, in.totalPoints);
  w.invites = tierWeight(rules.inviteTiers, Decimal::fromInteger(in.invites));
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
  requireWeight(weight, "weight", rules);
  const Seconds t = std::min(elapsedSeconds, rules.maxSessionSeconds);
  if (t <= 0 || weight.isZero() || rules.base.isZero()) return Decimal();
  const std::optional<Int128> fast = detail::rewardWeiFast(t, weight, rules);
  return Decimal::fromRaw(fast ? *fast : detail::rewardWeiExact(t, weight, rules), "reward");
}

void requireWeight(Decimal weight, const std::string& field, const PointsRules& rules) {
  requireSign(weight, field, Sign::nonNegative);
  if (weight > rules.weightCap)
    throw InputError(field, "must be at most " + rules.weightCap.str() + " (the weight cap), got " +
                                quote(weight.str()));
}

void requireCheckinCount(std::size_t count) {
  if (count > kMaxCheckins)
    throw InputError(
        "checkins",
        "at most " + std::to_string(kMaxCheckins) + " days, got " + std::to_string(count),
        {"too-many", {{"max", std::to_string(kMaxCheckins)}, {"got", std::to_string(count)}}});
}

Streak streak(std::vector<Day> days, Day day) {
  requireCheckinCount(days.size());
  days.erase(std::remove_if(days.begin(), days.end(), [&](Day d) { return d > day; }), days.end());
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());

  Streak s{0, !days.empty() && days.back() == day};
  Day expected = s.checkedInOnDay ? day : day - 1;
  for (auto it = days.rbegin(); it != days.rend() && *it == expected; ++it, --expected) ++s.days;
  return s;
}

namespace {

// 1970-01-01 was a Thursday: Monday = 0.
int weekday(Day day) {
  return static_cast<int>(((day + 3) % 7 + 7) % 7);
}

}  // namespace

Projection pointsProjection(const ProjectionInput& in, const PointsRules& rules) {
  const Day from = in.from;
  const std::int64_t count = in.days;
  requireWhole(count, "days", 1, kMaxProjectionDays);
  requireCheckinCount(in.checkins.size());
  Decimal total = in.totalPoints;
  requireSign(total, "totalPoints", Sign::nonNegative);
  const std::int64_t invitesBefore = in.invites;
  requireWhole(invitesBefore, "invites", 0, kMaxCount);
  requireSign(in.invitesPerWeek, "invitesPerWeek", Sign::nonNegative);
  const Seconds session = in.sessionSeconds;
  requireWhole(session, "sessionSeconds", 0, kSecondsPerDay);
  requireSign(in.vip, "vip", Sign::nonNegative);
  requireSign(in.extra, "extra", Sign::nonNegative);

  std::vector<Day> history = in.checkins;
  std::sort(history.begin(), history.end());
  const auto inHistory = [&](Day d) {
    return std::binary_search(history.begin(), history.end(), d);
  };

  // Consecutive checked-in days ending the day before `from`.
  std::int64_t run = 0;
  for (Day d = from - 1; inHistory(d); --d) ++run;

  Projection p;
  p.days.reserve(static_cast<std::size_t>(count));
  const BigInt invitesPerWeekRaw = in.invitesPerWeek.big();
  for (std::int64_t k = 0; k < count; ++k) {
    const Day day = from + k;
    ProjectionDay d{};
    d.date = day;
    d.checkedIn = in.checkinWeekdays[weekday(day)] || inHistory(day);
    d.streakDays = d.checkedIn ? run + 1 : run;  // SPEC 7: ending today, else yesterday
    run = d.checkedIn ? run + 1 : 0;
    // Friends so far: the weekly rate accrues daily; whole friends count (any count beyond
    // kMaxCount weighs the same: the top tier is far below it).
    const BigInt friends = invitesBefore + invitesPerWeekRaw * k / (BigInt(Decimal::kScale) * 7);
    d.invites = static_cast<std::int64_t>(std::min(friends, BigInt(kMaxCount)));
    d.weight = pointsWeight({d.streakDays, total, d.invites, in.vip, in.extra}, rules);
    if (in.sessionWeekdays[weekday(day)]) d.reward = pointsReward(session, d.weight.weight, rules);
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
