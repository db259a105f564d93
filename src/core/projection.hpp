// SPEC 5 for one holder: what my purchases earn, period by period, in a pool that grows around
// them. The rest of the pool is everyone else's units: `pool.units` at `now`, growing by
// `pool.growthPerDay` a day (one activation a day), from the earlier of now and the first
// purchase; before that start it holds what it holds at the start. The holder's purchases join
// the queue like any request. The pool engine runs the whole thing, following the holder, so
// every figure is its exact reward, truncated to the wei; USD figures are WFI x tokenPrice,
// truncated.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "calendar.hpp"
#include "decimal.hpp"
#include "pool.hpp"
#include "rules.hpp"

namespace cbm {

struct HolderPurchase {
  Seconds at;          //!< requested at, seconds since genesis
  std::int64_t units;  //!< 1 to kMaxUnitsPerActivation
  Decimal unitPrice;   //!< USD a unit, >= 0
};

/// Units described by what they are at now and what they add a day.
struct GrowingUnits {
  std::int64_t units = 0;         //!< at now, 0 to kMaxUnitsPerActivation
  std::int64_t growthPerDay = 0;  //!< 0 to kMaxUnitsPerActivation
};

/// A holder among others: everyone else's pool, and the holder's referral lines (SPEC 7b),
/// each mining beside the holder and growing a day.
struct HolderPool {
  Seconds now = 0;                        //!< seconds since genesis
  std::vector<HolderPurchase> purchases;  //!< at least one, each before emission ends
  GrowingUnits pool;                      //!< everyone else (the lines aside)
  std::vector<GrowingUnits> lines;        //!< line 1 first
};

/// The holder's pool as requests, owned by "pool", "line-1", "line-2"... and "you" (ties in the
/// queue go in that order), from `start` (the earlier of now and the first purchase; before it
/// each part holds what it holds then) to the end of emission, `horizon`. InputError naming the
/// field (purchases[i].at, pool.growthPerDay, lines[i].units...) for bad input.
struct HolderScenario {
  PoolScenario scenario;  //!< focused on "you", tracking the lines
  Seconds start = 0, horizon = 0;
};
HolderScenario holderScenario(const PoolRules& rules, const HolderPool& holder);
constexpr const char* kHolderOwner = "you";

struct EarningsInput {
  PoolRules rules;
  Day genesis = 0;                        //!< the pool's first day: second 0 is its midnight (UTC)
  Seconds now = 0;                        //!< seconds since genesis
  std::vector<HolderPurchase> purchases;  //!< at least one, each before emission ends
  GrowingUnits pool;                      //!< everyone else's units
  std::vector<GrowingUnits> lines;        //!< the holder's referral lines, mining beside
  Decimal tokenPrice;                     //!< USD a WFI, >= 0
  Period period = Period::month;
};

/// The seconds start .. end-1 and what the holder mined in them, and from the first purchase
/// to `end`.
struct EarningsPeriod {
  Seconds start, end;
  Decimal wfi, usd;
  Decimal cumulativeWfi, cumulativeUsd;
};

/// What the holder mines at a second: a second of it (the block reward), a day of it, a day's
/// worth in USD.
struct EarningsRate {
  Decimal blockReward, wfiPerDay, usdPerDay;
};

struct Earnings {
  //! From the first purchase to the end of emission, cut at the calendar periods.
  std::vector<EarningsPeriod> periods;
  Decimal totalWfi, totalUsd;  //!< the periods' sums
  Decimal paidUsd;             //!< units x unitPrice over all purchases
  //! The second in which the mined WFI, at tokenPrice, first covers paidUsd (none: never).
  std::optional<Seconds> breakevenAt;
  //! At `now`, counting every purchase mining then, and SPEC 5's APR over what those purchases
  //! cost. A purchase requested by now but still queued (bought today) counts: the figures are
  //! then those of the second it starts mining.
  EarningsRate now;
  Decimal aprPercentNow;
  //! The next stage change after now (a halving), and the rate from its first second.
  std::optional<Seconds> nextHalvingAt;
  EarningsRate afterHalving;
  //! The 30 days from now, and the 365 days from now (each to the end of emission, if sooner);
  //! firstYearReturnPercent = firstYearUsd / paidUsd.
  Decimal next30DaysWfi, next30DaysUsd;
  Decimal firstYearWfi, firstYearUsd, firstYearReturnPercent;
};

/// InputError naming the field as the JS API does (purchases[i].at, pool.growthPerDay, now...).
Earnings projectEarnings(const EarningsInput& input);

}  // namespace cbm
