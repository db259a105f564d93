// Every figure explains itself (issue 13): how a result was computed, with the caller's own
// values. An explanation is a formula over named terms, each term's value as the core computed
// it (an exact decimal, a count, a day), and notes on the rule it follows. Formulas and notes
// name their terms in braces, "{aprPercent} = {yearlyRewardUsd} / {contributionUsd} x 100", for
// the caller to fill in with the values formatted its own way: the numbers are the core's only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "apr.hpp"
#include "points.hpp"
#include "projection.hpp"

namespace cbm {

struct Term {
  std::string name;   //!< as the formula names it
  std::string label;  //!< what it is, in words
  //! "wfi", "wfiPerSecond", "usd", "price" (USD a WFI or a unit), "units", "power" (effective
  //! units), "seconds", "percent", "date" (a UTC day, YYYY-MM-DD), "count".
  std::string kind;
  std::string value;  //!< a decimal, a whole number or a day
};

struct Explanation {
  std::string
      figure;  //!< the result's field, as the JS API names it: "aprPercent", "now.blockReward"
  std::string formula;  //!< over the terms, in braces; empty when a note says it all
  std::vector<Term> terms;
  std::vector<std::string> notes;  //!< the rules it follows, naming terms in braces as well
};

/// The APR calculator's figures (SPEC 5): aprPercent, yearlyReward, yearlyRewardUsd,
/// contributionUsd, netGainPercent, netGainUsd (and withReferralsPercent with a referral
/// reward). InputError as apr().
std::vector<Explanation> explainApr(const AprInput& input);

/// A holder's projection now and ahead: now.blockReward, now.wfiPerDay, now.usdPerDay,
/// now.aprPercent (at `at`, if given: the figures of that second, earningsAt()), firstYear.usd,
/// firstYear.returnPercent,
/// breakevenAt, nextHalving. InputError as projectEarnings() and earningsAt().
std::vector<Explanation> explainEarnings(const EarningsInput& input,
                                         std::optional<Seconds> at = std::nullopt);

/// The points section's figures (SPEC 7): weight (and its parts checkin, points, invites) for
/// `weight`, and reward: a session of `elapsedSeconds` at that weight. InputError as
/// pointsWeight() and pointsReward().
std::vector<Explanation> explainPoints(const WeightInput& weight, Seconds elapsedSeconds,
                                       const PointsRules& rules);

/// A pool simulation's totals, as simulatePool gave them, to explain.
struct PoolTotals {
  PoolRules rules;
  Seconds horizon = 1;
  Decimal emitted, distributed, unallocated, dust;
  std::int64_t requests = 0, accepted = 0, rejected = 0;
  Seconds maxWait = 0;
};

/// The pool section's figures (SPEC 2-4): emitted (the schedule's stages over the horizon),
/// distributed, unallocated, dust, accepted (the queue's work) and maxWait. InputError
/// ("horizon") outside 1 .. kMaxSeconds.
std::vector<Explanation> explainPool(const PoolTotals& totals);

}  // namespace cbm
