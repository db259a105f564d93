// SPEC 5 for one holder: what my purchases earn, period by period, in a pool that grows around
// them. The rest of the pool is everyone else's units: `poolUnits` at `now`, growing by
// `poolGrowthPerDay` a day (one activation a day), from the earlier of now and the first
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
#include "rules.hpp"

namespace cbm {

struct HolderPurchase {
  Seconds at;          //!< requested at, seconds since genesis
  std::int64_t units;  //!< 1 to kMaxUnitsPerActivation
  Decimal unitPrice;   //!< USD a unit, >= 0
};

struct EarningsInput {
  PoolRules rules;
  Day genesis = 0;                        //!< the pool's first day: second 0 is its midnight (UTC)
  Seconds now = 0;                        //!< seconds since genesis
  std::vector<HolderPurchase> purchases;  //!< at least one, each before emission ends
  std::int64_t poolUnits = 0;             //!< everyone else's units at now
  std::int64_t poolGrowthPerDay = 0;      //!< units they add a day
  Decimal tokenPrice;                     //!< USD a WFI, >= 0
  Period period = Period::month;
};

/// The seconds start .. end-1 and what the holder mined in them.
struct EarningsPeriod {
  Seconds start, end;
  Decimal wfi, usd;
};

struct Earnings {
  //! From the first purchase to the end of emission, cut at the calendar periods.
  std::vector<EarningsPeriod> periods;
  Decimal totalWfi, totalUsd;  //!< the periods' sums
  Decimal paidUsd;             //!< units x unitPrice over all purchases
  //! The second in which the mined WFI, at tokenPrice, first covers paidUsd (none: never).
  std::optional<Seconds> breakevenAt;
  //! At `now`, counting every purchase mining then: the block reward (WFI a second), a day of
  //! it, and SPEC 5's APR over what those purchases cost. A purchase requested by now but still
  //! queued (bought today) counts: the figures are then those of the second it starts mining.
  Decimal blockRewardNow, wfiPerDayNow, aprPercentNow;
  //! The 365 days from now (to the end of emission, if sooner); returnPercent = usd / paidUsd.
  Decimal firstYearWfi, firstYearUsd, firstYearReturnPercent;
};

/// InputError naming the field as the JS API does (purchases[i].at, pool.growthPerDay, now...).
Earnings projectEarnings(const EarningsInput& input);

}  // namespace cbm
