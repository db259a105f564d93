#include "bands.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "double_double.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "random.hpp"
#include "valuation.hpp"

namespace cbm {

namespace {

// A model's rate as a fraction and as the percentage a form shows: "0.2 (20%)".
std::string rate(Decimal x) {
  return x.str() + " (" + x.times(Decimal::fromInteger(100), "rate").str() + "%)";
}

// min < value (or min <= value, with `minIncluded`) and value <= max.
void requireRate(Decimal value, const std::string& field, std::int64_t min, bool minIncluded,
                 std::int64_t max, const std::string& why = "") {
  const Decimal low = Decimal::fromInteger(min), high = Decimal::fromInteger(max);
  if (minIncluded ? value < low : value <= low)
    throw InputError(field,
                     std::string("must be ") + (minIncluded ? "at least " : "above ") + rate(low) +
                         why + ", got " + rate(value),
                     {"below-min", {{"min", low.str()}, {"got", value.str()}}});
  if (value > high)
    throw InputError(field, "must be at most " + rate(high) + ", got " + rate(value),
                     {"above-max", {{"max", high.str()}, {"got", value.str()}}});
}

void checkInput(const BandsInput& in) {
  requireSign(in.earnings.tokenPrice, "tokenPrice", Sign::nonNegative);
  requireRate(in.price.drift, "priceModel.drift", -1, false, kMaxDrift,
              ": a fall of 100% a year leaves no price");
  requireRate(in.price.volatility, "priceModel.volatility", 0, true, kMaxVolatility);
  requireRate(in.poolSpread, "poolModel.spread", 0, true, kMaxPoolSpread);
  requireWhole(in.runs, "runs", 1, kMaxRuns);
  requireWhole(in.seed, "seed", 0, kMaxSeed);
}

// Where a run's mining is sampled: the period bounds, the last purchase and each midnight after
// it, so that a breakeven is found to the day from the samples, then to the second by a search.
struct Sampling {
  std::vector<Seconds> at;         //!< ascending
  std::vector<std::size_t> bound;  //!< the index in `at` of each period bound
  std::size_t lastPurchase = 0;    //!< the index in `at` of the last purchase
};

Sampling sampling(const std::vector<Seconds>& bounds, Seconds lastPurchase) {
  Sampling s;
  s.at = bounds;
  s.at.push_back(lastPurchase);
  const Seconds end = bounds.back();
  for (Seconds t = (lastPurchase / kSecondsPerDay + 1) * kSecondsPerDay; t < end;
       t += kSecondsPerDay)
    s.at.push_back(t);
  std::sort(s.at.begin(), s.at.end());
  s.at.erase(std::unique(s.at.begin(), s.at.end()), s.at.end());
  const auto indexOf = [&](Seconds t) {
    return static_cast<std::size_t>(std::lower_bound(s.at.begin(), s.at.end(), t) - s.at.begin());
  };
  for (const Seconds b : bounds) s.bound.push_back(indexOf(b));
  s.lastPurchase = indexOf(lastPurchase);
  return s;
}

// A run's pool: everyone else's growth x e^(spread q - spread^2 / 2), q its normal deviate taken
// to the nearest quarter within +-3 (bands.hpp). Its level is 4q, -12 to 12.
int poolLevel(double z) {
  return static_cast<int>(std::max(-12.0, std::min(12.0, std::round(4 * z))));
}

double growthFactor(int level, double spread) {
  return (DoubleDouble(1) + expm1(DoubleDouble(spread * level / 4 - spread * spread / 2)))
      .toDouble();
}

// Everyone else's growth x factor: units a day rounded (and no more than the units at now allow
// over the days before it), or a percentage a month at 12 digits, at most the limit.
HolderPool scaledGrowth(HolderPool holder, double factor, Seconds start) {
  GrowingUnits& g = holder.pool;
  if (g.growthPerDay > 0) {
    const double grown = std::floor(static_cast<double>(g.growthPerDay) * factor + 0.5);
    g.growthPerDay =
        static_cast<std::int64_t>(std::min(grown, static_cast<double>(kMaxUnitsPerActivation)));
    const std::int64_t daysBeforeNow = (holder.now - start) / kSecondsPerDay;
    if (daysBeforeNow > 0) g.growthPerDay = std::min(g.growthPerDay, g.units / daysBeforeNow);
  } else if (!g.growthPercentPerMonth.isZero()) {
    g.growthPercentPerMonth =
        std::min(twelveDigits(g.growthPercentPerMonth.toDouble() * factor, "poolModel.spread"),
                 Decimal::fromInteger(kMaxGrowthPercentPerMonth));
  }
  return holder;
}

// The scenario of a pool level. The guess passed holderScenario's checks: a growth that now
// fails them is the spread's.
PoolScenario scaledScenario(const EarningsInput& e, int level, double spread, Seconds start) {
  const double factor = growthFactor(level, spread);
  try {
    return holderScenario(e.rules, scaledGrowth(e.holder, factor, start)).scenario;
  } catch (const InputError& error) {
    throw InputError("poolModel.spread",
                     "gives a run everyone else's growth x " + twelveDigits(factor, "").str() +
                         ", and then " + error.what() + ": lower the spread",
                     error.problem());
  }
}

// The price of each period along one run's path (see bands.hpp).
std::vector<Decimal> pricePath(const std::vector<Seconds>& bounds, Seconds now, Decimal price,
                               double logDrift, double volatility, RandomStream& random) {
  std::vector<Decimal> out(bounds.size() - 1);
  const double today = price.toDouble();
  double logFactor = 0;
  Seconds at = now;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (bounds[k] > at) {
      const double years = static_cast<double>(bounds[k] - at) / kSecondsPerYear;
      logFactor += (logDrift - volatility * volatility / 2) * years +
                   volatility * std::sqrt(years) * random.normal();
      at = bounds[k];
    }
    if (logFactor == 0) {
      out[k] = price;
      continue;
    }
    const double modelled = today * (DoubleDouble(1) + expm1(DoubleDouble(logFactor))).toDouble();
    if (!(modelled < 1e30))  // also infinite: twelveDigits then says "too large"
      throw InputError("priceModel", "takes a run's price past the amounts' limit",
                       {"too-large", {}});
    out[k] = twelveDigits(modelled, "priceModel");
  }
  return out;
}

// Where a run breaks even: the first sample after the last purchase with `target` wei mined
// before it (the breakeven lies in the second before some t in (at[sample - 1], at[sample]]).
struct Breakeven {
  bool never = true;
  std::size_t sample = 0;
  int level = 0;  //!< the run's pool
  Int128 target = 0;
  std::int64_t run = 0;
};

// Each period's WFI at its price, summed exactly (wei x price in 10^-36 USD), until it covers
// `paid` (in 10^-36 USD): the wei the run must have mined then.
Breakeven breakevenOf(const std::vector<Int128>& mined, const Sampling& s,
                      const std::vector<Decimal>& prices, const BigInt& paid, int level,
                      std::int64_t run) {
  BigInt value = 0;
  for (std::size_t k = 0; k < prices.size(); ++k) {
    const Int128 from = mined[s.bound[k]], to = mined[s.bound[k + 1]];
    const BigInt price = prices[k].big();
    const BigInt next = value + BigInt(to - from) * price;
    if (next < paid) {
      value = next;
      continue;
    }
    Int128 target = from;
    if (paid > value) target += static_cast<Int128>((paid - value + price - 1) / price);
    const auto first = mined.begin() + static_cast<std::ptrdiff_t>(s.lastPurchase + 1);
    const auto reached = std::lower_bound(first, mined.end(), target);
    return {false, static_cast<std::size_t>(reached - mined.begin()), level, target, run};
  }
  return {true, 0, level, 0, run};
}

// The run at the q-th percentile of n, nearest rank.
std::size_t rankOf(int q, std::size_t n) {
  return (static_cast<std::size_t>(q) * n + 99) / 100 - 1;
}

Percentiles percentiles(std::vector<Decimal> column) {
  std::sort(column.begin(), column.end());
  const std::size_t n = column.size();
  return {column[rankOf(10, n)], column[rankOf(50, n)], column[rankOf(90, n)]};
}

}  // namespace

EarningsBands earningsBands(const BandsInput& in, const BandsProgress& progress) {
  checkInput(in);
  const EarningsInput& e = in.earnings;
  const HolderScenario shared = holderScenario(e.rules, e.holder);  // also checks the holder
  const std::vector<Seconds> bounds = periodBounds(e);
  Seconds lastPurchase = 0;
  EarningsBands out;
  for (const HolderPurchase& p : e.holder.purchases) {
    lastPurchase = std::max(lastPurchase, p.at);
    out.paidUsd = out.paidUsd.plus(paidFor(p), "paidUsd");
  }
  const BigInt paid = out.paidUsd.big() * Decimal::kScale;
  const Sampling s = sampling(bounds, lastPurchase);
  const Seconds now = std::min(e.holder.now, bounds.back());
  const double logDrift = log1p(DoubleDouble(in.price.drift.toDouble())).toDouble();
  const double volatility = in.price.volatility.toDouble(), spread = in.poolSpread.toDouble();
  const GrowingUnits& guess = e.holder.pool;
  const bool onePool =
      spread == 0 || (guess.growthPerDay == 0 && guess.growthPercentPerMonth.isZero());

  // Each pool level is run on the engine once, when a run first draws it.
  struct Pool {
    PoolScenario scenario;
    std::vector<Int128> mined;  //!< before each of s.at
  };
  std::map<int, Pool> pools;
  const auto poolOf = [&](int level) -> const Pool& {
    auto found = pools.find(level);
    if (found == pools.end()) {
      PoolScenario scenario =
          onePool ? shared.scenario : scaledScenario(e, level, spread, shared.start);
      std::vector<Int128> mined = minedBefore(scenario, s.at);
      found = pools.emplace(level, Pool{std::move(scenario), std::move(mined)}).first;
    }
    return found->second;
  };

  const std::size_t periods = bounds.size() - 1, runs = static_cast<std::size_t>(in.runs);
  std::vector<std::vector<Decimal>> usd(periods), cumulative(periods);
  std::vector<Breakeven> breakevens;
  try {
    for (std::int64_t run = 0; run < in.runs; ++run) {
      RandomStream random(static_cast<std::uint64_t>(in.seed), static_cast<std::uint64_t>(run));
      const double z = random.normal();  // drawn in every run, so that a path is the same
      const int level = onePool ? 0 : poolLevel(z);
      const std::vector<Int128>& mined = poolOf(level).mined;
      const std::vector<Decimal> prices =
          pricePath(bounds, now, e.tokenPrice, logDrift, volatility, random);
      Decimal total;
      for (std::size_t k = 0; k < periods; ++k) {
        const Int128 wei = mined[s.bound[k + 1]] - mined[s.bound[k]];
        const Decimal value = Decimal::fromRaw(wei).times(prices[k], "usd");
        total = total.plus(value, "usd");
        usd[k].push_back(value);
        cumulative[k].push_back(total);
      }
      breakevens.push_back(breakevenOf(mined, s, prices, paid, level, run));
      if (progress) progress(run + 1);
    }
  } catch (const InputError& error) {
    if (error.problem().kind != "too-large") throw;
    throw InputError("priceModel",
                     "takes a run's price or earnings past the amounts' limit (10^20): lower "
                     "the drift or the volatility",
                     {"too-large", {}});
  }

  for (std::size_t k = 0; k < periods; ++k)
    out.periods.push_back({bounds[k], bounds[k + 1], percentiles(std::move(usd[k])),
                           percentiles(std::move(cumulative[k]))});

  // Breakevens in order: never last, then by day, then by pool and the wei they need (in one
  // pool, the more wei, the later). Runs of different pools within a day are ordered by their
  // exact seconds, found (once for each pool and target).
  const auto key = [](const Breakeven& b) {
    return std::make_tuple(b.never, b.sample, b.level, b.target, b.run);
  };
  std::sort(breakevens.begin(), breakevens.end(),
            [&](const Breakeven& a, const Breakeven& b) { return key(a) < key(b); });
  std::map<std::pair<int, Int128>, Seconds> exact;
  const auto exactOf = [&](const Breakeven& b) {
    const auto at = std::make_pair(b.level, b.target);
    if (!exact.count(at))
      exact[at] =
          firstReaching(poolOf(b.level).scenario, s.at[b.sample - 1], s.at[b.sample], b.target) - 1;
    return exact[at];
  };
  const auto pick = [&](int q) -> std::optional<Seconds> {
    const std::size_t rank = rankOf(q, runs);
    const Breakeven& b = breakevens[rank];
    if (b.never) return std::nullopt;
    std::size_t first = rank, last = rank + 1;
    while (first > 0 && breakevens[first - 1].sample == b.sample) --first;
    while (last < runs && !breakevens[last].never && breakevens[last].sample == b.sample) ++last;
    if (breakevens[first].level == breakevens[last - 1].level) return exactOf(b);
    std::vector<Seconds> day;
    for (std::size_t i = first; i < last; ++i) day.push_back(exactOf(breakevens[i]));
    std::sort(day.begin(), day.end());
    return day[rank - first];
  };
  out.breakevenP10 = pick(10);
  out.breakevenP50 = pick(50);
  out.breakevenP90 = pick(90);
  out.breakevenRuns = std::count_if(breakevens.begin(), breakevens.end(),
                                    [](const Breakeven& b) { return !b.never; });
  return out;
}

}  // namespace cbm
