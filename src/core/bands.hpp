// An honest range for a holder's projection (issue 13): the same purchases and pool as
// projectEarnings, valued along many random price paths, in pools whose growth varies around the
// guess; what the runs give, period by period, at the 10th, 50th and 90th percentile.
//
// A run's price moves at each period start after now by a geometric Brownian motion: over dt
// years, log P grows by (ln(1 + drift) - volatility^2 / 2) dt + volatility sqrt(dt) Z, so that
// the price expected a year on is (1 + drift) x today's. A period is valued at the price of its
// start (today's for a period under way, as the past is not modelled), taken at 12 significant
// digits like every modelled price (valuation.hpp), and exactly today's while the path has not
// moved. Everyone else's growth in a run is the guess x F, F = e^(spread q - spread^2 / 2), q a
// normal deviate Z taken to the nearest quarter within +-3: lognormal in 25 steps (mean 1 to
// within 0.4% for spread <= 1), so that a thousand runs need at most 25 runs of the pool engine.
// Each run r draws from RandomStream(seed, r): F's Z first, then one Z per period start after
// now, so a seed gives the same bands natively and in WASM, bit for bit.
//
// Percentiles are nearest-rank (the value of run ceil(q n) in order): every figure is one run's
// exact figure. With volatility 0, drift 0 and spread 0 every run is projectEarnings' projection.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "decimal.hpp"
#include "projection.hpp"

namespace cbm {

struct PriceModel {
  Decimal drift;       //!< expected growth a year: 0.2 is +20%; above -1, at most kMaxDrift
  Decimal volatility;  //!< standard deviation of the log price over a year, 0 to kMaxVolatility
};
constexpr std::int64_t kMaxDrift = 10, kMaxVolatility = 3, kMaxPoolSpread = 2;
constexpr std::int64_t kMaxRuns = 10'000;
constexpr std::int64_t kMaxSeed = (std::int64_t{1} << 53) - 1;  // a JS number's exact range

struct BandsInput {
  EarningsInput earnings;
  PriceModel price;
  Decimal poolSpread;  //!< spread of everyone else's growth, 0 to kMaxPoolSpread; 0: the guess
  std::int64_t runs = 1000;  //!< 1 to kMaxRuns
  std::int64_t seed = 0;     //!< 0 to kMaxSeed
};

struct Percentiles {
  Decimal p10, p50, p90;
};

struct BandPeriod {
  Seconds start, end;
  Percentiles usd;            //!< what the period's WFI is worth at its price
  Percentiles cumulativeUsd;  //!< the periods' USD from the first purchase to `end`
};

struct EarningsBands {
  std::vector<BandPeriod> periods;
  //! The second in which a run's USD (each period's WFI at its price) first covers paidUsd,
  //! at the percentiles; none: that run never breaks even.
  std::optional<Seconds> breakevenP10, breakevenP50, breakevenP90;
  std::int64_t breakevenRuns = 0;  //!< the runs that break even before emission ends
  Decimal paidUsd;
};

/// Called after each run with the number done, for a progress bar.
using BandsProgress = std::function<void(std::int64_t runsDone)>;

/// InputError naming the field as the JS API does (priceModel.drift, runs, seed, and those of
/// projectEarnings) for bad input, or "priceModel" when a run's prices leave the amounts'
/// range.
EarningsBands earningsBands(const BandsInput& input, const BandsProgress& progress = {});

}  // namespace cbm
