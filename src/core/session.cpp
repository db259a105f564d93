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
  requireWhole(a.revision, "account.revision", 0, kMaxRevision);
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
  try {
    account.totalPoints.plus(pointsReward(rules.maxSessionSeconds, weight, rules), "");
  } catch (const InputError&) {
    throw InputError("account.totalPoints",
                     "is too close to the limit of 10^20 points: a session's reward could not be "
                     "added, so it could never be stopped",
                     {"too-large", {{"got", account.totalPoints.str()}}});
  }
  PointsAccount next = account;
  next.activeSince = now;
  next.activeWeight = weight;
  next.lastStartedAt = now;
  ++next.revision;
  return next;
}

StopResult stopSession(const PointsAccount& account, UnixSeconds now, const PointsRules& rules,
                       std::optional<UnixSeconds> session) {
  requireTime(now, "now");
  if (session) {
    requireTime(*session, "session");
    const bool collected = !account.activeSince && account.lastStartedAt == session &&
                           account.lastCollectedAt && *account.lastCollectedAt >= *session;
    if (collected) return {account, *account.lastReward, true};
    if (account.activeSince && account.activeSince != session)
      throw RuleError("the running session started at " + formatUtc(*account.activeSince) +
                          ", not at " + formatUtc(*session),
                      {"session-mismatch", {{"session", std::to_string(*session)}}});
  }
  if (!account.activeSince)
    throw RuleError("no session is running: there is nothing to stop", {"no-session", {}});
  requireNotBefore(now, account.activeSince, "the session start");
  StopResult r{account, pointsReward(now - *account.activeSince, account.activeWeight, rules)};
  r.account.totalPoints = account.totalPoints.plus(r.reward, "account.totalPoints");
  r.account.activeSince.reset();
  r.account.activeWeight = Decimal();
  r.account.lastReward = r.reward;
  r.account.lastCollectedAt = now;
  ++r.account.revision;
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
