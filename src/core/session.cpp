#include "session.hpp"

#include <algorithm>

#include "input_error.hpp"
#include "parse.hpp"
#include "points.hpp"

namespace cbm {

namespace {

void requireTime(std::optional<UnixSeconds> t, const std::string& field) {
  if (t) requireWhole(*t, field, 0, kMaxUnixSeconds);
}

// The earliest start the cooldown allows.
UnixSeconds allowedStart(const PointsAccount& account, UnixSeconds now, const PointsRules& rules) {
  if (!account.lastStartedAt) return now;
  return std::max(now, *account.lastStartedAt + rules.cooldownSeconds);
}

void requireNotBefore(UnixSeconds now, std::optional<UnixSeconds> earlier, const char* what) {
  if (earlier && now < *earlier)
    throw InputError("now", "is before " + std::string(what) + " (" + formatUtc(*earlier) +
                                "), got " + formatUtc(now));
}

}  // namespace

PointsAccount checkedAccount(PointsAccount a, const PointsRules& rules) {
  requireSign(a.totalPoints, "account.totalPoints", Sign::nonNegative);
  requireTime(a.activeSince, "account.session.startedAt");
  requireTime(a.lastStartedAt, "account.lastStartedAt");
  requireTime(a.lastCollectedAt, "account.lastCollectedAt");
  if (a.lastReward) requireSign(*a.lastReward, "account.lastReward", Sign::nonNegative);
  if (a.activeSince) {
    requireWeight(a.activeWeight, "account.session.weight", rules);
    if (!a.lastStartedAt) a.lastStartedAt = a.activeSince;
    if (*a.lastStartedAt != *a.activeSince)
      throw InputError("account.lastStartedAt",
                       "must equal session.startedAt while a session is active, got " +
                           quote(std::to_string(*a.lastStartedAt)));
  }
  if (a.lastReward.has_value() != a.lastCollectedAt.has_value())
    throw InputError(a.lastReward ? "account.lastCollectedAt" : "account.lastReward",
                     "lastReward and lastCollectedAt go together");
  return a;
}

PointsAccount startSession(const PointsAccount& account, UnixSeconds now, Decimal weight,
                           const PointsRules& rules) {
  requireTime(now, "now");
  requireWeight(weight, "weight", rules);
  if (account.activeSince)
    throw RuleError("a session is already running since " + formatUtc(*account.activeSince) +
                        "; stop it before starting another",
                    {"session-running", {{"since", std::to_string(*account.activeSince)}}});
  requireNotBefore(now, account.lastStartedAt, "the last session start");
  requireNotBefore(now, account.lastCollectedAt, "the last collection");
  const UnixSeconds allowed = allowedStart(account, now, rules);
  if (now < allowed)
    throw RuleError("the last session started at " + formatUtc(*account.lastStartedAt) +
                        ", less than " + formatDuration(rules.cooldownSeconds) +
                        " ago; the next start is allowed at " + formatUtc(allowed),
                    {"cooldown",
                     {{"lastStartedAt", std::to_string(*account.lastStartedAt)},
                      {"allowedAt", std::to_string(allowed)}}});
  PointsAccount next = account;
  next.activeSince = now;
  next.activeWeight = weight;
  next.lastStartedAt = now;
  return next;
}

StopResult stopSession(const PointsAccount& account, UnixSeconds now, const PointsRules& rules) {
  requireTime(now, "now");
  if (!account.activeSince)
    throw RuleError("no session is running: there is nothing to stop", {"no-session", {}});
  requireNotBefore(now, account.activeSince, "the session start");
  StopResult r{account, pointsReward(now - *account.activeSince, account.activeWeight, rules)};
  r.account.totalPoints = account.totalPoints.plus(r.reward, "account.totalPoints");
  r.account.activeSince.reset();
  r.account.activeWeight = Decimal();
  r.account.lastReward = r.reward;
  r.account.lastCollectedAt = now;
  return r;
}

SessionStatus sessionStatus(const PointsAccount& account, UnixSeconds now,
                            const PointsRules& rules) {
  requireTime(now, "now");
  SessionStatus s;
  s.lastReward = account.lastReward;
  s.lastCollectedAt = account.lastCollectedAt;
  if (account.activeSince) {
    requireNotBefore(now, account.activeSince, "the session start");
    s.active = true;
    s.startedAt = *account.activeSince;
    s.elapsedSeconds = now - s.startedAt;
    s.weight = account.activeWeight;
    s.estimatedPoints = pointsReward(s.elapsedSeconds, s.weight, rules);
  }
  // While a session runs, a start also needs it stopped first; this is the cooldown's answer.
  s.nextStartAt = allowedStart(account, now, rules);
  s.secondsToNextStart = std::max<Seconds>(0, s.nextStartAt - now);
  return s;
}

}  // namespace cbm
