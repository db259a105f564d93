// "Buy now or later?": what one budget, spent on each day from now to the end of emission,
// mines by the end. One run of the pool without the purchase serves every day: a purchase
// that delays no one's request changes the pool's seconds only by its own power, and the sums
// over each of the run's segments take that power in (amortization.hpp's segment sums, with
// the purchase's units added to the pool's). So each day's figure is what a run with that
// purchase gives, at any budget. A purchase whose request would delay another (a queue served
// at its limit) gets a run of its own, as does every day under the exponential model, whose
// weights a segment does not carry.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "calendar.hpp"
#include "decimal.hpp"
#include "projection.hpp"
#include "rules.hpp"

namespace cbm {

struct BuyDateInput {
  PoolRules rules;
  HolderPool pool;    //!< now, everyone else's pool and the referral lines (no purchases)
  Decimal budgetUsd;  //!< > 0: spent on whole units at that day's price
  Decimal unitPrice;  //!< USD a unit now, > 0
  //! The unit price's path: compounding by this a month from now (above -100, at most 1000).
  double unitPriceGrowthPercent = 0;
  Decimal tokenPrice;  //!< USD a WFI now, >= 0
  //! The token price's path, as the unit price's: the WFI mined are valued at the end.
  double tokenPriceGrowthPercent = 0;
};

/// One purchase day: now, then a day later each time, while before the end of emission.
struct BuyDay {
  Seconds at = 0;            //!< the purchase's second since genesis
  Decimal unitPrice;         //!< on that day (12 significant digits of the path)
  std::int64_t units = 0;    //!< the budget's whole units (0: it buys none)
  Seconds miningStart = -1;  //!< its first mining second; -1: it never mines
  Decimal wfi;               //!< mined by the end of emission
  Decimal usd;               //!< wfi at the token price at the end
  bool ownRun = false;       //!< computed by a run of its own (see above)
};

struct BuyDates {
  std::vector<BuyDay> days;
  std::size_t best = 0;           //!< the day that mines the most (the first of equals)
  std::vector<Seconds> halvings;  //!< the emission's rate changes after now
  Seconds emissionEnd = 0;
  Decimal endTokenPrice;  //!< the token price at the end of emission
};

/// Called with the share of the days done, 0 to 1, for a progress bar.
using BuyDatesProgress = std::function<void(double done)>;

/// InputError naming the field (budgetUsd, unitPrice, unitPriceGrowthPercent, tokenPrice,
/// tokenPriceGrowthPercent, now, pool..., lines...) for bad input, or a budget that buys more
/// than kMaxUnitsPerActivation units on some day.
BuyDates buyDates(const BuyDateInput& input, const BuyDatesProgress& progress = {});

}  // namespace cbm
