// SPEC 7: the points-mining session rules (start, stop, status), as pure functions on a state.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "calendar.hpp"
#include "decimal.hpp"
#include "input_error.hpp"
#include "rules.hpp"

namespace cbm {

/// A request the rules refuse at this moment (a second start within 24 h, a stop with no
/// session). Not bad input: the same call can succeed later. `problem` says which rule, with its
/// times as Unix seconds, so that a page can say it in the user's words and time zone:
/// "session-running" {since}, "cooldown" {lastStartedAt, allowedAt}, "no-session",
/// "session-mismatch" {session}.
class RuleError : public std::runtime_error {
 public:
  RuleError(const std::string& message, Problem problem)
      : std::runtime_error(message), problem_(std::move(problem)) {}

  const Problem& problem() const noexcept { return problem_; }

 private:
  Problem problem_;
};

/// The highest account revision: every one a JS number holds exactly.
constexpr std::int64_t kMaxRevision = 9'007'199'254'740'991;  // 2^53 - 1

/// Everything the rules need to know about one user's mining. Times are Unix seconds (UTC).
struct PointsAccount {
  Decimal totalPoints;
  std::optional<UnixSeconds> activeSince;    //!< start of the running session
  Decimal activeWeight;                      //!< its weight, fixed at start
  std::optional<UnixSeconds> lastStartedAt;  //!< the most recent start, running or not
  std::optional<Decimal> lastReward;         //!< points of the last stopped session
  std::optional<UnixSeconds> lastCollectedAt;
  //! Starts and stops so far: a store keeps an account only over the revision it was read at
  //! (compare and set), so an older copy never overwrites a newer one.
  std::int64_t revision = 0;
};

/// `account` checked (times from 0 to kMaxUnixSeconds, points >= 0, the session's weight
/// within the cap, the last start that of the running session, lastReward and lastCollectedAt
/// together): InputError("account.<field>") otherwise, the fields named as the JS API shows
/// them (account.session.startedAt, account.session.weight). A running session without a
/// lastStartedAt gets its start as one.
PointsAccount checkedAccount(PointsAccount account, const PointsRules& rules);

/// Starts a session at `now` with `weight`. RuleError if one is running or the last one started
/// less than cooldownSeconds ago (the message says when a start is allowed); InputError
/// ("account.totalPoints", problem "too-large") if the session's reward could not be added to
/// the total, since it could then never be stopped.
PointsAccount startSession(const PointsAccount& account, UnixSeconds now, Decimal weight,
                           const PointsRules& rules);

/// Stops the running session at `now` and adds its reward to the total. RuleError if none runs.
/// With `session` (the start of the session the caller means, its key) the stop is idempotent:
/// given the account after that session was collected, it answers the same reward again and
/// changes nothing (`alreadyCollected`); a different running session is a RuleError
/// ("session-mismatch" {session}).
struct StopResult {
  PointsAccount account;
  Decimal reward;
  bool alreadyCollected = false;
};
StopResult stopSession(const PointsAccount& account, UnixSeconds now, const PointsRules& rules,
                       std::optional<UnixSeconds> session = std::nullopt);

/// What the status screen shows at `now`.
struct SessionStatus {
  bool active = false;
  UnixSeconds startedAt = 0;   //!< active only
  Seconds elapsedSeconds = 0;  //!< active only
  Decimal estimatedPoints;     //!< active only: the reward if stopped now
  Decimal weight;              //!< active only
  std::optional<Decimal> lastReward;
  std::optional<UnixSeconds> lastCollectedAt;
  UnixSeconds nextStartAt = 0;     //!< the first second a start is allowed (now, if already)
  Seconds secondsToNextStart = 0;  //!< nextStartAt - now, 0 once a start is allowed
};
SessionStatus sessionStatus(const PointsAccount& account, UnixSeconds now,
                            const PointsRules& rules);

}  // namespace cbm
