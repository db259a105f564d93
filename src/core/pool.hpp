// SPEC 2-4: the pool simulation. Activation queue, verification, amortization and the
// per-second distribution of emission, computed event by event (work grows with the number of
// activations, not with seconds x activations) and exact to the wei.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decimal.hpp"
#include "double_double.hpp"
#include "rules.hpp"

namespace cbm {

/// n strings stored end to end: string i is bytes[ends[i-1] .. ends[i]) (UTF-8). The bulk form
/// in which ids and owners arrive: one buffer instead of a million small strings.
struct TextColumn {
  std::string bytes;
  std::vector<std::uint32_t> ends;

  std::size_t size() const { return ends.size(); }
  std::string_view at(std::size_t i) const {
    const std::uint32_t from = i == 0 ? 0 : ends[i - 1];
    return std::string_view(bytes).substr(from, ends[i] - from);
  }
  void push(std::string_view text) {
    bytes.append(text);
    ends.push_back(static_cast<std::uint32_t>(bytes.size()));
  }
};

/// Numbers as they arrive in bulk: values[i], or when values[i] is NaN the text texts.at(i)
/// (a value the caller gave as a decimal string). `texts` is empty when no value was text.
struct NumberColumn {
  std::vector<double> values;
  TextColumn texts;
};

/// What simulatePool is asked (SPEC 8).
struct PoolScenario {
  PoolRules rules;
  Seconds horizon = 0;                 //!< simulate the seconds 0 .. horizon-1; 1 to kMaxSeconds
  std::optional<Seconds> sampleEvery;  //!< seconds between samples; none: about 1,000 samples
  //! Instead of sampleEvery: the seconds to sample (ascending, from 0 to the horizon; at most
  //! kMaxSamples). The horizon is always sampled last.
  std::vector<Seconds> sampleAt;
  std::optional<std::string> focusOwner;
  //! More owners whose reward the series follows (PoolResult::tracked), e.g. referral lines.
  std::vector<std::string> trackedOwners;
  TextColumn ids;
  TextColumn owners;  //!< empty: each request is its own owner (its id is the owner's name)
  NumberColumn units, requestedAt;
  //! Keep the run's segments (PoolResult::segments): what another miner would earn in it.
  bool recordSegments = false;
};

/// The seconds t0 .. t1-1, in which nothing changes: the pool's units mining then (and units x
/// K, K each one's retirement second, for the linear model) and the emission rate. With them
/// and the model (amortization.hpp), what any other miner would earn beside the pool follows.
struct PoolSegment {
  Seconds t0, t1;
  Int128 units, unitsTimesEnd;
  Int128 rateWei;
};

/// One point of the time series, describing second `t` (the horizon for the last point).
struct PoolSample {
  Seconds t;
  Int128 rateWei;             //!< emission of second t
  Int128 emittedWei;          //!< emission of the seconds before t
  DoubleDouble power;         //!< the pool's effective power in second t
  Int128 activeUnits;         //!< units mining in second t
  Int128 focusRewardWei = 0;  //!< the focus owner's reward for the seconds before t
  Int128 focusRateWei = 0;    //!< the focus owner's reward in second t
  DoubleDouble focusPower;    //!< the focus owner's effective power in second t
};

/// Columns with one entry per request, in input order, then the tables and totals.
struct PoolResult {
  struct Rejection {
    std::size_t index;
    std::string reason;  //!< "activations[3].units: must be a whole number from 1 to ..."
  };
  struct Owner {
    std::size_t firstIndex;   //!< the first request of this owner (its name is there)
    Int128 rewardWei;         //!< sum of its activations' truncated rewards
    std::size_t activations;  //!< its accepted requests
    Int128 units;             //!< their units
    double share = 0;         //!< rewardWei / the distributed emission (for display and sorting)
  };
  //! The queue at a glance, over the requests it served before the horizon.
  struct Queue {
    std::size_t served = 0;
    Seconds maxWait = 0;
    double meanWait = 0;
    Seconds lastActivatedAt = -1;  //!< -1 if none was served
  };

  //! The second the queue served the request; -1 if it was rejected, or is still queued at the
  //! horizon.
  std::vector<Seconds> activatedAt;
  //! activatedAt - requestedAt: the seconds it waited in the queue; -1 as activatedAt.
  std::vector<Seconds> waitSeconds;
  Queue queue;
  //! The reward, truncated to the wei.
  std::vector<Int128> rewardWei;
  std::vector<Rejection> rejected;
  std::vector<Owner> owners;  //!< owners of accepted requests, by first appearance
  Int128 emittedWei = 0, distributedWei = 0, unallocatedWei = 0, dustWei = 0;
  std::vector<PoolSample> series;
  //! Per tracked owner (in the order of PoolScenario::trackedOwners), at each sample: its
  //! reward for the seconds before t and its reward in second t, as the focus owner's.
  struct Tracked {
    std::vector<Int128> rewardWei, rateWei;
  };
  std::vector<Tracked> tracked;
  //! With PoolScenario::recordSegments: the seconds 0 .. horizon-1 where emission runs, in
  //! order (also those no one mines in: units 0).
  std::vector<PoolSegment> segments;
};

/// A simulation that can run in slices, so that a caller can report progress and stop it.
/// Construction validates and queues (InputError for a malformed scenario); step() advances.
class PoolSimulation {
 public:
  explicit PoolSimulation(PoolScenario scenario);
  ~PoolSimulation();
  PoolSimulation(PoolSimulation&&) noexcept;
  PoolSimulation& operator=(PoolSimulation&&) noexcept;

  /// Processes up to `maxEvents` events; true once the simulation has finished.
  bool step(std::size_t maxEvents);
  /// Share of the work done, 0 to 1.
  double progress() const;
  /// The samples taken so far (the result's series while it runs).
  const std::vector<PoolSample>& samples() const;
  /// Request `request`'s units changed while it has not started mining, for a caller that
  /// decides them as the simulation runs (reinvest.hpp). 0: it mines nothing, and keeps its
  /// place in the queue. Nothing changes for a request rejected or not served before the
  /// horizon (it never mines); std::logic_error once it has started, or after the end.
  void setUnits(std::size_t request, std::int64_t units);
  bool finished() const;
  /// The result; call once finished() (it is moved out: call once).
  PoolResult takeResult();

 private:
  struct Engine;
  std::unique_ptr<Engine> engine_;
};

/// SPEC 2: served in second `activatedAt`, a request mines from the next one (-1: not served).
constexpr Seconds miningStartOf(Seconds activatedAt) {
  return activatedAt < 0 ? -1 : activatedAt + 1;
}

/// SPEC 2: the wait of a request with `ahead` requests before it in the queue, served
/// `activationsPerSecond` a second: served floor(ahead / perSecond) s after its request, it
/// mines from the second after that.
struct QueueWait {
  Seconds wait, miningAfter;
};
/// `ahead`: a whole number from 0 to kMaxQueueAhead; `activationsPerSecond`: from 1 to
/// kMaxActivationsPerSecond (InputError naming the field otherwise).
QueueWait queueWait(std::int64_t ahead, std::int64_t activationsPerSecond);

/// The limits of the pool's inputs, as JSON (for callers that check or bound a form):
/// { unitsPerActivation, activations, samples, trackedOwners, seconds, requestedAt,
/// activationsPerSecond, queueAhead }.
std::string limitsJson();

/// The number of requests a scenario may hold, checked before anything is allocated for them:
/// InputError("activations", ...) above kMaxActivations (or for a count that is not a whole
/// number).
std::size_t activationCount(double count);

/// Runs a whole simulation.
PoolResult simulatePool(PoolScenario scenario);

namespace detail {
/// An amount of wei in WFI.
DoubleDouble wfi(Int128 wei);
/// An amount in WFI as truncated wei (a value a hair under a whole wei, within the computation's
/// error, is that wei).
Int128 truncatedWei(DoubleDouble amountWfi);

/// sum_{i=0}^{n-1} 1 / (x + i) for x >= 1 and n >= 0, to about 2^-100 relative.
DoubleDouble harmonicSum(DoubleDouble x, std::int64_t n);

/// The linear model's sums over the seconds s = t0 .. t0+n-1 of a segment, whose gaps a - s
/// end at `lastGap` (>= 1): g = sum 1 / (a - s) and t = sum s / (a - s) (= a g - n).
struct GapSums {
  DoubleDouble g, t;
};
GapSums gapSums(DoubleDouble lastGap, Seconds t0, std::int64_t n);

/// The conservation finish: each reward is within 2^-95 of its exact value, so the truncated
/// rewards can exceed what was distributed only by those errors and the slack of the
/// truncation. `excessWei` comes off the largest rewards (ties: the first first), none by more
/// than its own error bound (reward >> 95) + 1 wei; std::logic_error if the bounds cannot
/// cover it (the engine would be wrong). Reached only by about a million huge rewards.
void repairExcess(std::vector<Int128>& rewardsWei, Int128 excessWei);

/// The rewards' sum made to fit `distributedWei`: any excess repaired (repairExcess). Returns
/// the sum, at most distributedWei (the rest is dust).
Int128 conserve(std::vector<Int128>& rewardsWei, Int128 distributedWei);
}  // namespace detail

//! Upper limits of a scenario: beyond them the numbers mean nothing or would not fit.
constexpr std::int64_t kMaxUnitsPerActivation = 1'000'000'000'000;  // 10^12
constexpr std::size_t kMaxSamples = 100'000;
constexpr std::size_t kMaxActivations = 20'000'000;
constexpr std::size_t kMaxTrackedOwners = 16;
constexpr std::int64_t kMaxRequestedAt = (std::int64_t{1} << 53) - 1;  // seconds, exact in a double
constexpr std::int64_t kMaxQueueAhead = 1'000'000'000'000;             // 10^12 requests

}  // namespace cbm
