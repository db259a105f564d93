// SPEC 3-4: the three amortization models behind one interface. Each says how a miner's power
// falls with age, and so what the pool's per-second sums over a segment are and what a miner or
// an owner earns from them. The engine keeps the events and the accumulators; a model only
// computes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "double_double.hpp"
#include "fixed_point.hpp"
#include "rules.hpp"

namespace cbm {

// The accumulators. X <= R x horizon <= 10^9 WFI/s x 100 years < 2^65 (the newest weight is at
// least its units, so S >= 1), and Y <= K X < 2^103. Each added double is truncated at the
// resolution, so a reward, a combination c1 (dX) - c2 (dY) with c1 <= u K or u 2^48 and c2 <= u,
// is off by at most (c1 2^-190 + c2 2^-152) per event: below 10^-25 WFI for 10^12 units over
// 2 x 10^7 events, far inside the SPEC's 10^-18.
using AccumulatorX = Fixed256<190>;
using AccumulatorY = Fixed256<152>;

/// The units of a set of miners (the pool, or one owner's), with what the models weigh them by:
/// units x K (linear; K the retirement second) and their exponential weights.
struct Holdings {
  Int128 units = 0, unitsTimesEnd = 0;
  DoubleDouble weight;
};

/// How X and Y grow over a segment of seconds.
struct Growth {
  DoubleDouble dx, dy;
};

/// One miner as a model sees it: its units from `start`, the accumulators when it started (or
/// at the last rebase), and in the exponential model its weight and the reward banked then.
struct MinerView {
  std::int64_t units;
  Seconds start;
  const AccumulatorX& x0;
  const AccumulatorY& y0;
  DoubleDouble weight, banked;
};

class AmortizationModel {
 public:
  virtual ~AmortizationModel() = default;
  /// K, by which the linear sums weigh a miner's units; 0 in the other models.
  virtual Int128 lifetimeEnd(Seconds start) const;
  /// Whether earned() reads Y (only the linear model's does): else no miner keeps a Y.
  virtual bool readsY() const { return false; }
  /// X and Y's growth over the seconds t0 .. t1-1 while `pool` mines `rate` WFI a second.
  virtual Growth segment(const Holdings& pool, DoubleDouble rate, Seconds t0, Seconds t1) const = 0;
  /// What `owner` earns of that growth.
  virtual DoubleDouble earnedOf(const Holdings& owner, const Growth& growth) const = 0;
  /// What a miner has earned, the accumulators now at x and y.
  virtual DoubleDouble earned(const MinerView& m, const AccumulatorX& x,
                              const AccumulatorY& y) const = 0;
  /// The power of `h` in second s (tau: the origin of the exponential weights).
  virtual DoubleDouble powerAt(const Holdings& h, Seconds s, Seconds tau) const = 0;
  /// The share of the pool's emission that `owner` receives in second s, the pool's power there
  /// being `poolPower`.
  virtual DoubleDouble shareAt(const Holdings& owner, const Holdings& pool, DoubleDouble poolPower,
                               Seconds s, Seconds tau) const;
};

/// The model the rules name (SPEC 3).
std::unique_ptr<AmortizationModel> amortizationModel(const PoolRules& rules);

/// The exponential model's weights: miner i weighs units x 2^((start - tau) / halfLife) from
/// its start, so shares stay constant between events. Their origin tau moves forward (a rebase)
/// before a weight would pass 2^48 x its units; miners whose weight then becomes negligible
/// drop out, the oldest first (they retire first, so what remains always holds weight). Miners
/// are the engine's, by index in mining order; each belongs to a group (a followed owner) or to
/// none (-1), and each group's weights are summed too.
class ExponentialWeights {
 public:
  ExponentialWeights(Seconds halfLife, std::vector<std::int8_t> groupOf, std::size_t groups);

  Seconds origin() const { return tau_; }
  DoubleDouble total() const { return total_; }
  DoubleDouble groupTotal(std::size_t g) const { return groupTotals_[g]; }
  DoubleDouble weight(std::size_t i) const { return miners_[i].weight; }
  /// What miner i earned before the last rebase, in WFI.
  DoubleDouble banked(std::size_t i) const { return miners_[i].banked; }

  /// Miner i (`units` from `start`) joins, the miners from `activeFrom` to i mining. If its
  /// weight would be out of range, a rebase first: `elapsed(j)` gives each active miner's
  /// accumulator growth since its start or the last rebase, and restarts it there.
  template <class Elapsed>
  void add(std::size_t i, std::int64_t units, Seconds start, std::size_t activeFrom,
           Elapsed&& elapsed);
  /// Miner i retires, the miners from activeFrom to activeTo mining.
  void remove(std::size_t i, std::size_t activeFrom, std::size_t activeTo);

 private:
  struct Miner {
    DoubleDouble weight;  // units x 2^((start - tau) / halfLife); 0 once out
    DoubleDouble banked;  // reward earned before the last rebase, WFI
  };
  void addToTotals(std::size_t i, DoubleDouble weight);
  void sum(std::size_t activeFrom, std::size_t activeTo);
  DoubleDouble rebaseFactor(Seconds newTau) const;
  void dropNegligible(std::size_t activeTo);

  Seconds halfLife_, tau_ = 0;
  std::vector<Miner> miners_;
  std::vector<std::int8_t> groupOf_;
  std::vector<DoubleDouble> groupTotals_;
  DoubleDouble total_;
  double removed_ = 0;             // weight subtracted from total_ since it was last summed
  std::size_t firstWeighted_ = 0;  // miners before it are out
};

namespace detail {
//! Weights stay below 2^48 times the units: a rebase when the newest start is that many
//! half-lives past the origin.
constexpr double kMaxWeightExponent = 48;
}  // namespace detail

template <class Elapsed>
void ExponentialWeights::add(std::size_t i, std::int64_t units, Seconds start,
                             std::size_t activeFrom, Elapsed&& elapsed) {
  firstWeighted_ = std::max(firstWeighted_, activeFrom);
  if (static_cast<double>(start - tau_) >
      detail::kMaxWeightExponent * static_cast<double>(halfLife_)) {
    const DoubleDouble factor = rebaseFactor(start);
    for (std::size_t j = firstWeighted_; j < i; ++j) {
      miners_[j].banked += miners_[j].weight * elapsed(j);
      miners_[j].weight *= factor;
    }
    sum(firstWeighted_, i);
    tau_ = start;
    dropNegligible(i);
  }
  miners_[i].weight =
      DoubleDouble(static_cast<double>(units)) *
      exp2(DoubleDouble(static_cast<double>(start - tau_)) / static_cast<double>(halfLife_));
  addToTotals(i, miners_[i].weight);
}

}  // namespace cbm
