// The rule set of SPEC sections 1-3 and 7: every parameter with its default, overridable per call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decimal.hpp"

namespace cbm {

//! Whole seconds since the pool's genesis (or since the Unix epoch for points sessions).
using Seconds = std::int64_t;

constexpr Seconds kSecondsPerDay = 86'400;
//! The SPEC's year: 365 days.
constexpr Seconds kSecondsPerYear = 365 * kSecondsPerDay;
//! The longest span any rule or horizon may have: 100 years. Beyond it the rules mean nothing.
constexpr Seconds kMaxSeconds = 100 * kSecondsPerYear;
constexpr std::int64_t kMaxActivationsPerSecond = 1'000'000;

/// One stage of an emission schedule: `rate` WFI per second for `duration` seconds.
struct Stage {
  Decimal rate;
  Seconds duration;
};
/// Stages in order, the first from genesis (t = 0).
using Schedule = std::vector<Stage>;

/// SPEC 1: what WeFi's deployed distribution contract pays (wefico/wefi-contracts,
/// src/WFIDistributor.sol, `tokensPerSecond` and `intervalDurations`): 8, 4, 2 and 1 WFI per
/// second for 57,471,264 s each, the last stage 57,471,270 s; 862,068,966 WFI in all.
Schedule contractSchedule();

/// The halving form of SPEC 1: `stages` stages of `halvingPeriod` seconds, stage k emitting
/// baseRate / 2^k truncated to the wei. Stops early once a rate truncates to nothing.
Schedule halvingSchedule(Decimal baseRate, Seconds halvingPeriod, int stages);

/// The halving form's defaults, for a caller that gives some of its fields: the whitepaper's
/// "halving every 2 years" at 8 WFI/s over 4 stages.
constexpr Seconds kDefaultHalvingPeriod = 2 * kSecondsPerYear;
constexpr int kDefaultHalvingStages = 4;
inline Decimal defaultBaseRate() {
  return Decimal::fromInteger(8);
}

/// SPEC 1: Systematic Halving.
struct EmissionRules {
  Schedule schedule = contractSchedule();
  std::optional<Decimal> supplyCap;  //!< WFI; none by default
};

/// SPEC 3: how a unit's efficiency falls with age.
enum class Amortization { none, linear, exponential };

/// SPEC 1-3: everything the pool simulation needs.
struct PoolRules {
  EmissionRules emission;
  int activationsPerSecond = 1;
  Amortization amortization = Amortization::linear;
  //! Linear: 8 years by default. None and exponential: no lifetime unless one is given.
  std::optional<Seconds> lifetime = 8 * kSecondsPerYear;
  Seconds halfLife = 2 * kSecondsPerYear;  //!< exponential model only
};

/// One row of a weight table: a value >= `min` earns `weight`.
struct Tier {
  Decimal min;
  Decimal weight;
};

/// SPEC 7: points mining.
struct PointsRules {
  Decimal base = Decimal::fromInteger(100);  //!< points per full session at weight 1
  Decimal decayRate = Decimal::parse("0.0001", "decayRate");  //!< per second, in exp(-rate x t)
  Seconds maxSessionSeconds = kSecondsPerDay;                 //!< t = min(elapsed, this)
  Seconds cooldownSeconds = kSecondsPerDay;                   //!< between two session starts
  Decimal weightCap = Decimal::fromInteger(5);
  std::vector<Tier> checkinTiers;  //!< by streak days
  std::vector<Tier> pointsTiers;   //!< by total points
  std::vector<Tier> inviteTiers;   //!< by invited friends
  PointsRules();
};

/// The pool rules a caller changes; each empty optional keeps its default. The schedule is
/// given either as stages or in the halving form (baseRate, halvingPeriod, stages; the others
/// of the form keep their defaults), never both. `supplyCap` and `lifetime` may be set to none
/// (an empty inner optional); without a lifetime given, only the linear model has one.
struct PoolRuleChoices {
  std::optional<Schedule> schedule;
  std::optional<Decimal> baseRate;
  std::optional<Seconds> halvingPeriod;
  std::optional<int> stages;
  std::optional<std::optional<Decimal>> supplyCap;
  std::optional<int> activationsPerSecond;
  std::optional<Amortization> amortization;
  std::optional<std::optional<Seconds>> lifetime;
  std::optional<Seconds> halfLife;
};

/// The limits of the rules' values, for the boundary that reads them and the checks here.
constexpr int kMaxStages = 100;

/// The defaults with `choices` applied, checked: InputError("rules.<name>", ...) for a value
/// outside what the SPEC accepts.
PoolRules poolRules(const PoolRuleChoices& choices = {});

/// `rules` checked (InputError "rules.<name>") and each weight table sorted by min, largest
/// first; a caller changes the fields of a default PointsRules, then passes it here.
PointsRules checkedPointsRules(PointsRules rules);

/// The weight a table gives to `value`: the tier with the largest min <= value, else 0.
Decimal tierWeight(const std::vector<Tier>& tiers, Decimal value);

/// The schedules the sources give, each with where it comes from, as JSON (the `presets()`
/// call): {contract, whitepaper, stages729}, each {label, source, rules, note}.
std::string presetsJson();

/// The default rule set as JSON (the `defaults()` call of SPEC 8): {pool, points,
/// supplyControl (illustrative), secondsPerYear}, each group shaped as the `rules` of the calls
/// that take it. Amounts are strings.
std::string defaultsJson();

const char* toString(Amortization model);

}  // namespace cbm
