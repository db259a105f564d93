#include "pool.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "admission.hpp"
#include "amortization.hpp"
#include "emission.hpp"
#include "fixed_point.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "points.hpp"

namespace cbm {

namespace {

constexpr double kWeiPerWfi = 1e18;  // exact in a double
constexpr Seconds kNever = std::numeric_limits<Seconds>::max();
const AccumulatorY kUnreadY;  // what a model that never reads Y is shown

DoubleDouble nonNegative(DoubleDouble x) {
  return x.hi < 0 ? DoubleDouble() : x;
}

// The c_k = B_2k / 2k of the digamma function's asymptotic series.
const DoubleDouble kDigammaCoefficients[] = {
    DoubleDouble(1.0) / 12.0,   DoubleDouble(-1.0) / 120.0,     DoubleDouble(1.0) / 252.0,
    DoubleDouble(-1.0) / 240.0, DoubleDouble(1.0) / 132.0,      DoubleDouble(-691.0) / 32760.0,
    DoubleDouble(1.0) / 12.0,   DoubleDouble(-3617.0) / 8160.0,
};

// When the series is sampled: every `every` seconds from 0, or at listed seconds; and always at
// the horizon, last.
class SampleClock {
 public:
  SampleClock() = default;
  SampleClock(const PoolScenario& s, Seconds horizon) : horizon_(horizon) {
    if (!s.sampleAt.empty()) {
      if (s.sampleEvery) throw InputError("sampleAt", "give sampleAt or sampleEvery, not both");
      if (s.sampleAt.size() > kMaxSamples)
        throw InputError("sampleAt", "at most " + std::to_string(kMaxSamples) + " samples, got " +
                                         std::to_string(s.sampleAt.size()));
      for (std::size_t i = 0; i < s.sampleAt.size(); ++i) {
        const std::string field = "sampleAt[" + std::to_string(i) + "]";
        requireWhole(s.sampleAt[i], field, i == 0 ? 0 : s.sampleAt[i - 1] + 1, horizon);
      }
      at_ = s.sampleAt;
      if (at_.back() != horizon) at_.push_back(horizon);
      return;
    }
    every_ = s.sampleEvery.value_or(std::max<Seconds>(1, (horizon + 999) / 1000));
    requireWhole(every_, "sampleEvery", 1, horizon);
    const Seconds samples = horizon / every_;
    if (samples > static_cast<Seconds>(kMaxSamples))
      throw InputError("sampleEvery",
                       "gives " + std::to_string(samples) + " samples, more than " +
                           std::to_string(kMaxSamples) + "; use at least " +
                           std::to_string((horizon + kMaxSamples - 1) / kMaxSamples));
  }

  std::size_t count() const {
    return at_.empty() ? static_cast<std::size_t>(horizon_ / every_) + 2 : at_.size();
  }
  Seconds first() const { return at_.empty() ? 0 : at_.front(); }
  /// The sample after the one at t (kNever after the horizon's).
  Seconds after(Seconds t) {
    if (t >= horizon_) return kNever;
    if (at_.empty()) return std::min(t + every_, horizon_);
    return at_[++next_];
  }

 private:
  Seconds horizon_ = 0, every_ = 0;
  std::vector<Seconds> at_;
  std::size_t next_ = 0;  // the index in at_ of the sample last taken
};

}  // namespace

DoubleDouble detail::wfi(Int128 wei) {
  return DoubleDouble::fromInt(wei) / kWeiPerWfi;
}

// The computed value carries an error far below a wei (about 2^-95 of it, and at least 2^-20
// wei of fixed-point truncations); a value that falls short of a whole wei by less than that is
// taken as that wei. So when the exact amount is a whole number of wei (a lone miner, an even
// split) it is reported as such, not one wei less.
Int128 detail::truncatedWei(DoubleDouble amountWfi) {
  const DoubleDouble wei = amountWfi * kWeiPerWfi;
  if (wei.hi <= 0) return 0;
  const double slack = std::min(0x1p-7, std::max(0x1p-20, wei.hi * 0x1p-95));
  return (wei + slack).floorToInt();
}

detail::GapSums detail::gapSums(DoubleDouble lastGap, Seconds t0, std::int64_t n) {
  // The gaps a - s run from m - (n-1)/2 to m + (n-1)/2 around the middle gap m, at the middle
  // second s = t0 + (n-1)/2. For a segment short beside its gaps (r = n / 2m <= 2^-12, nearly
  // every one), expand 1 / (m + j) in j / m: odd powers cancel, and with the centred power sums
  // S_p = sum of j^p over the n offsets,
  //   G = n/m + S2/m^3 + S4/m^5 + S6/m^7 + S8/m^9,   T = s G + S2/m^2 + S4/m^4 + ...
  // with a relative error below r^10 = 2^-120, and no cancellation anywhere.
  const double half = static_cast<double>(n - 1) / 2;  // exact
  const DoubleDouble middleGap = lastGap + half;
  const double count = static_cast<double>(n);  // n < 2^53: exact
  if (count <= middleGap.hi * 0x1p-11) {
    const DoubleDouble inverse = DoubleDouble(1.0) / middleGap, inverse2 = inverse * inverse;
    const double c2 = count * count, i2 = inverse2.hi;
    // S4, S6, S8 only need double precision: their terms are below 2^-48 of G.
    const double s4 = count * (c2 - 1) * (3 * c2 - 7) / 240;
    const double s6 = count * (c2 - 1) * ((3 * c2 - 18) * c2 + 31) / 1344;
    const double s8 = count * (c2 - 1) * (((5 * c2 - 55) * c2 + 239) * c2 - 381) / 11520;
    const DoubleDouble s2 =
        DoubleDouble(count) * (DoubleDouble::twoProduct(count, count) - 1.0) / 12.0;
    const DoubleDouble q = s2 + inverse2 * (s4 + i2 * (s6 + i2 * s8));
    GapSums sums;
    sums.g = inverse * (DoubleDouble(count) + inverse2 * q);
    sums.t = DoubleDouble(static_cast<double>(t0) + half) * sums.g + inverse2 * q;
    return sums;
  }
  // A long segment: the digamma form, and T = a G - n (a few digits of cancellation at worst,
  // out of 32).
  GapSums sums;
  sums.g = harmonicSum(lastGap, n);
  const DoubleDouble a = lastGap + static_cast<double>(t0 + n - 1);
  sums.t = nonNegative(a * sums.g - count);
  return sums;
}

Int128 detail::conserve(std::vector<Int128>& rewardsWei, Int128 distributedWei) {
  Int128 rewards = 0;
  for (const Int128 reward : rewardsWei) rewards += reward;
  if (rewards <= distributedWei) return rewards;
  repairExcess(rewardsWei, rewards - distributedWei);
  return distributedWei;
}

void detail::repairExcess(std::vector<Int128>& rewardsWei, Int128 excessWei) {
  const auto errorBound = [](Int128 rewardWei) { return (rewardWei >> 95) + 1; };
  Int128 allowed = 0;
  for (const Int128 reward : rewardsWei) allowed += reward > 0 ? errorBound(reward) : 0;
  if (excessWei > allowed)
    throw std::logic_error("pool engine: rewards exceed the distributed emission");
  std::vector<std::size_t> largestFirst(rewardsWei.size());
  for (std::size_t i = 0; i < largestFirst.size(); ++i) largestFirst[i] = i;
  // Stable: among equal rewards the first in input order gives first.
  std::stable_sort(largestFirst.begin(), largestFirst.end(),
                   [&](std::size_t a, std::size_t b) { return rewardsWei[a] > rewardsWei[b]; });
  for (const std::size_t i : largestFirst) {
    if (excessWei == 0) break;
    const Int128 take = std::min(excessWei, errorBound(rewardsWei[i]));
    rewardsWei[i] -= take;
    excessWei -= take;
  }
}

// Direct sums until x >= 64, then psi(x + n) - psi(x) from the asymptotic series of the digamma
// function: ln(1 + n/x) + n / (2 x (x + n)) + sum_k c_k (x^-2k - (x + n)^-2k), whose error
// there is below 1e-33.
DoubleDouble detail::harmonicSum(DoubleDouble x, std::int64_t n) {
  DoubleDouble sum;
  for (; n > 0 && x.hi < 64; --n, x += 1.0) sum += DoubleDouble(1.0) / x;
  if (n == 0) return sum;
  const auto count = DoubleDouble(static_cast<double>(n));  // n < 2^53: exact
  const DoubleDouble end = x + count;
  sum += log1p(count / x) + count / (x * end * 2.0);
  const DoubleDouble xInverse2 = DoubleDouble(1.0) / (x * x),
                     endInverse2 = DoubleDouble(1.0) / (end * end);
  DoubleDouble xPower = xInverse2, endPower = endInverse2;
  for (const DoubleDouble& c : kDigammaCoefficients) {
    const DoubleDouble term = c * (xPower - endPower);
    sum += term;
    if (std::fabs(term.hi) <= 0x1p-110 * std::fabs(sum.hi)) break;
    xPower *= xInverse2;
    endPower *= endInverse2;
  }
  return sum;
}

// --- the engine ----------------------------------------------------------------------------------
//
// Between two events (a start, a retirement, a halving or the cap, a sample, the horizon) the set
// of mining units and the rate R are constant, and every activation's reward over those seconds
// has a closed form in a few pool-wide sums. Two accumulators X and Y gather them, and an
// activation earns a fixed combination of their growth between its start and its end (SPEC 4):
//
//   none         power u;                reward = u (dX),           dX = R n / U
//   linear       power u (K - s) / L,    reward = u (K dX - dY),    dX = R G / U,
//                K = start + L                                        dY = R (a G - n) / U
//   exponential  power u 2^-(s-start)/h, reward = w (dX),           dX = R n / S
//
// with U the active units, a = sum(u K) / U, G = sum over the seconds of 1 / (a - s), and
// w = u 2^((start - tau) / h), S = sum(w): shares are constant between events.

struct PoolSimulation::Engine {
  // A miner is a served request (request, owner, units, mining start), with the accumulators
  // at its start (or at the last rebase) beside it: 88 bytes (56 where the model never reads
  // Y). A million of them are the engine's main memory.
  using Miner = ServedRequest;

  PoolRules rules;
  std::unique_ptr<AmortizationModel> model;
  EmissionSchedule schedule;
  Seconds horizon = 0;
  SampleClock clock;
  // An owner whose reward the series follows: the focus owner first (if any), then the
  // tracked ones. Its sums mirror the pool's: units, units x K, reward to date (its weights
  // are a group of the exponential weights).
  struct Tracker {
    Int128 units = 0, unitsTimesEnd = 0;
    AccumulatorX reward;
  };
  std::vector<Tracker> trackers;
  std::vector<std::int8_t> trackerOfOwner;  // tracker index of each owner, -1 for none
  bool hasFocus = false;
  PoolResult result;
  std::vector<Miner> miners;  // in mining order
  std::vector<AccumulatorX> x0;
  std::vector<AccumulatorY> y0;               // empty if the model never reads Y
  std::optional<ExponentialWeights> weights;  // the exponential model's
  std::vector<std::uint32_t> ownerOfRequest;
  std::vector<std::uint32_t> minerOfRequest;  // built by the first setUnits

  // Sweep state.
  Seconds t = 0, nextSample = 0;
  std::size_t piece = 0, nextStart = 0, nextRetire = 0;
  Int128 activeUnits = 0, activeUK = 0;
  AccumulatorX x;
  AccumulatorY y;
  Int128 emitted = 0, unallocated = 0;
  std::size_t eventsDone = 0, eventsTotal = 1;
  std::vector<DoubleDouble> rateWfi;  // each emission piece's rate, in WFI
  bool recordSegments = false;
  bool done = false;

  explicit Engine(PoolScenario& scenario)
      : rules(scenario.rules),
        model(amortizationModel(scenario.rules)),
        schedule(scenario.rules.emission) {
    horizon = scenario.horizon;
    requireWhole(horizon, "horizon", 1, kMaxSeconds);
    recordSegments = scenario.recordSegments;
    clock = SampleClock(scenario, horizon);
    nextSample = clock.first();
    for (const auto& p : schedule.pieces()) rateWfi.push_back(detail::wfi(p.rateWei));
    followOwners(scenario);
    Admission admitted = admit(scenario, rules.activationsPerSecond, horizon);
    nameTrackers(admitted, scenario);
    scenario = PoolScenario();  // free the columns before the miners take their room
    take(std::move(admitted));
    eventsTotal =
        miners.size() * (rules.lifetime ? 2 : 1) + schedule.pieces().size() + clock.count();
  }

  void followOwners(const PoolScenario& s) {
    if (s.trackedOwners.size() > kMaxTrackedOwners)
      throw InputError("trackOwners", "at most " + std::to_string(kMaxTrackedOwners) +
                                          " owners, got " + std::to_string(s.trackedOwners.size()));
    for (std::size_t k = 0; k < s.trackedOwners.size(); ++k) {
      const std::string& name = s.trackedOwners[k];
      const bool again = (s.focusOwner && name == *s.focusOwner) ||
                         std::find(s.trackedOwners.begin(), s.trackedOwners.begin() + k, name) !=
                             s.trackedOwners.begin() + k;
      if (again)
        throw InputError(
            "trackOwners[" + std::to_string(k) + "]",
            "is already followed (as the focus owner or earlier in the list): " + quote(name));
    }
    hasFocus = s.focusOwner.has_value();
    trackers.resize((hasFocus ? 1 : 0) + s.trackedOwners.size());
    result.tracked.resize(s.trackedOwners.size());
  }

  // Which owners the trackers follow, by name.
  void nameTrackers(const Admission& admitted, const PoolScenario& s) {
    if (trackers.empty()) return;
    const TextColumn& names = s.owners.size() != 0 ? s.owners : s.ids;
    for (const PoolResult::Owner& owner : admitted.owners)
      trackerOfOwner.push_back(trackerNamed(s, names.at(owner.firstIndex)));
  }

  // The verified and queued requests become the engine's miners and the result's columns.
  void take(Admission admitted) {
    result.rejected = std::move(admitted.rejected);
    result.owners = std::move(admitted.owners);
    result.activatedAt = std::move(admitted.activatedAt);
    result.waitSeconds = std::move(admitted.waitSeconds);
    result.queue = admitted.queue;
    result.rewardWei.assign(result.activatedAt.size(), 0);
    ownerOfRequest = std::move(admitted.ownerOf);
    miners = std::move(admitted.served);
    x0.resize(miners.size());
    if (model->readsY()) y0.resize(miners.size());
    if (rules.amortization == Amortization::exponential) {
      std::vector<std::int8_t> groupOf(miners.size(), -1);
      for (std::size_t i = 0; i < miners.size() && !trackerOfOwner.empty(); ++i)
        groupOf[i] = trackerOfOwner[miners[i].owner];
      weights.emplace(rules.halfLife, std::move(groupOf), trackers.size());
    }
  }

  Seconds retirementOf(const Miner& m) const { return m.start + *rules.lifetime; }

  Tracker* trackerOf(const Miner& m) {
    if (trackerOfOwner.empty()) return nullptr;  // nobody is followed
    const std::int8_t k = trackerOfOwner[m.owner];
    return k < 0 ? nullptr : &trackers[static_cast<std::size_t>(k)];
  }

  // The tracker following the owner called `name` (the focus owner's or a tracked one's), or -1.
  std::int8_t trackerNamed(const PoolScenario& s, std::string_view name) const {
    if (trackers.empty()) return -1;
    if (s.focusOwner && name == *s.focusOwner) return 0;
    for (std::size_t k = 0; k < s.trackedOwners.size(); ++k)
      if (name == s.trackedOwners[k]) return static_cast<std::int8_t>(k + (hasFocus ? 1 : 0));
    return -1;
  }

  /// What miner i has earned up to now (the accumulators' current values), in WFI.
  DoubleDouble earned(std::size_t i) const {
    const Miner& m = miners[i];
    return model->earned({m.units, m.start, x0[i], y0.empty() ? kUnreadY : y0[i],
                          weights ? weights->weight(i) : DoubleDouble(),
                          weights ? weights->banked(i) : DoubleDouble()},
                         x, y);
  }

  void settle(std::size_t i) {
    result.rewardWei[miners[i].request] = detail::truncatedWei(nonNegative(earned(i)));
  }

  // K = the retirement second, which the linear model's sums weigh units by (0 otherwise).
  Int128 lifetimeEnd(const Miner& m) const { return model->lifetimeEnd(m.start); }

  void start(std::size_t i) {
    const Miner& m = miners[i];
    x0[i] = x;
    if (!y0.empty()) y0[i] = y;
    Tracker* tracker = trackerOf(m);
    activeUnits += m.units;
    activeUK += m.units * lifetimeEnd(m);
    if (tracker) {
      tracker->units += m.units;
      tracker->unitsTimesEnd += m.units * lifetimeEnd(m);
    }
    if (weights)  // a rebase restarts each active miner's accumulator at X now
      weights->add(i, m.units, m.start, nextRetire, [&](std::size_t j) {
        const DoubleDouble grown = x.minus(x0[j]);
        x0[j] = x;
        return grown;
      });
  }

  void retire(std::size_t i) {
    const Miner& m = miners[i];
    settle(i);
    activeUnits -= m.units;
    activeUK -= m.units * lifetimeEnd(m);
    Tracker* tracker = trackerOf(m);
    if (tracker) {
      tracker->units -= m.units;
      tracker->unitsTimesEnd -= m.units * lifetimeEnd(m);
    }
    if (weights) weights->remove(i, nextRetire, nextStart);
  }

  /// The pool-wide sums over the seconds t0 .. t1-1, where nothing changes.
  void accumulate(Seconds t0, Seconds t1) {
    const auto& pieces = schedule.pieces();
    const Int128 rateWei = piece < pieces.size() ? pieces[piece].rateWei : 0;
    const Seconds n = t1 - t0;
    emitted += rateWei * n;
    if (rateWei == 0) return;
    if (recordSegments) result.segments.push_back({t0, t1, activeUnits, activeUK, rateWei});
    if (activeUnits == 0) {
      unallocated += rateWei * n;
      return;
    }
    const Growth growth = model->segment(poolHoldings(), rateWfi[piece], t0, t1);
    for (std::size_t k = 0; k < trackers.size(); ++k)
      trackers[k].reward.add(model->earnedOf(holdingsOf(k), growth));
    x.add(growth.dx);
    y.add(growth.dy);
  }

  Holdings poolHoldings() const {
    return {activeUnits, activeUK, weights ? weights->total() : DoubleDouble()};
  }
  Holdings holdingsOf(std::size_t k) const {
    const Tracker& tracker = trackers[k];
    return {tracker.units, tracker.unitsTimesEnd,
            weights ? weights->groupTotal(k) : DoubleDouble()};
  }
  Seconds tau() const { return weights ? weights->origin() : 0; }

  void sample() {
    PoolSample s;
    s.t = t;
    s.rateWei = schedule.rateAt(t);
    s.emittedWei = emitted;
    s.activeUnits = activeUnits;
    s.power = activeUnits == 0 ? DoubleDouble() : model->powerAt(poolHoldings(), t, tau());
    for (std::size_t k = 0; k < trackers.size(); ++k) {
      const Int128 reward = detail::truncatedWei(trackers[k].reward.toDoubleDouble());
      const Int128 rate = trackedRate(k, s);
      if (hasFocus && k == 0) {
        s.focusRewardWei = reward;
        s.focusRateWei = rate;
        if (trackers[0].units != 0) s.focusPower = model->powerAt(holdingsOf(0), t, tau());
      } else {
        PoolResult::Tracked& column = result.tracked[k - (hasFocus ? 1 : 0)];
        column.rewardWei.push_back(reward);
        column.rateWei.push_back(rate);
      }
    }
    result.series.push_back(s);
  }

  // A tracked owner's reward in second s.t: its share of the pool times the rate.
  Int128 trackedRate(std::size_t k, const PoolSample& s) const {
    if (trackers[k].units == 0) return 0;
    const DoubleDouble share = model->shareAt(holdingsOf(k), poolHoldings(), s.power, s.t, tau());
    return detail::truncatedWei(detail::wfi(s.rateWei) * share);
  }

  /// One event: the sums up to the next event time, then what happens at it.
  void advance() {
    const auto& pieces = schedule.pieces();
    Seconds next = std::min(horizon, nextSample);
    if (nextStart < miners.size()) next = std::min(next, miners[nextStart].start);
    if (rules.lifetime && nextRetire < nextStart)
      next = std::min(next, retirementOf(miners[nextRetire]));
    if (piece < pieces.size()) next = std::min(next, pieces[piece].end);

    if (next > t) accumulate(t, next);
    t = next;

    while (piece < pieces.size() && pieces[piece].end <= t) ++piece;
    if (rules.lifetime)
      for (; nextRetire < nextStart && retirementOf(miners[nextRetire]) <= t; ++nextRetire)
        retire(nextRetire);
    for (; nextStart < miners.size() && miners[nextStart].start <= t; ++nextStart)
      start(nextStart);  // before the increment: a rebase must not see this miner yet
    if (t == nextSample) {
      sample();
      nextSample = clock.after(t);
    }
    ++eventsDone;
    if (t >= horizon) finish();
  }

  void setUnits(std::size_t request, std::int64_t units) {
    if (done) throw std::logic_error("pool simulation: units changed after the end");
    if (minerOfRequest.empty()) {  // once: from the miners, in mining order
      minerOfRequest.assign(result.activatedAt.size(), detail::kNoIndex);
      for (std::size_t i = 0; i < miners.size(); ++i)
        minerOfRequest[miners[i].request] = static_cast<std::uint32_t>(i);
    }
    const std::uint32_t i = minerOfRequest.at(request);
    if (i == detail::kNoIndex) return;  // not served before the horizon: it never mines
    if (i < nextStart)
      throw std::logic_error("pool simulation: units changed for a request that has started");
    result.owners[ownerOfRequest[request]].units += units - miners[i].units;
    miners[i].units = units;
  }

  void finish() {
    for (std::size_t i = nextRetire; i < nextStart; ++i) settle(i);
    miners = {};
    x0 = {};
    y0 = {};
    weights.reset();
    if (emitted != schedule.emitted(0, horizon))
      throw std::logic_error("pool engine: emitted total does not match the schedule");
    result.emittedWei = emitted;
    result.unallocatedWei = unallocated;
    result.distributedWei = emitted - unallocated;
    result.dustWei =
        result.distributedWei - detail::conserve(result.rewardWei, result.distributedWei);
    // (A rejected request has no owner entry, and no reward.)
    for (std::size_t i = 0; i < result.rewardWei.size(); ++i)
      if (result.rewardWei[i] != 0)
        result.owners[ownerOfRequest[i]].rewardWei += result.rewardWei[i];
    if (result.distributedWei > 0)
      for (PoolResult::Owner& owner : result.owners)
        owner.share =
            static_cast<double>(owner.rewardWei) / static_cast<double>(result.distributedWei);
    ownerOfRequest = {};
    minerOfRequest = {};
    done = true;
  }
};

PoolSimulation::PoolSimulation(PoolScenario scenario)
    : engine_(std::make_unique<Engine>(scenario)) {}
PoolSimulation::~PoolSimulation() = default;
PoolSimulation::PoolSimulation(PoolSimulation&&) noexcept = default;
PoolSimulation& PoolSimulation::operator=(PoolSimulation&&) noexcept = default;

bool PoolSimulation::step(std::size_t maxEvents) {
  try {
    for (std::size_t i = 0; i < maxEvents && !engine_->done; ++i) engine_->advance();
  } catch (const std::overflow_error&) {
    throw InputError("rules",
                     "the rewards per unit of this scenario grow beyond what the engine "
                     "can represent (above 10^31 WFI per unit); lower baseRate or raise "
                     "the units");
  }
  return engine_->done;
}

double PoolSimulation::progress() const {
  if (engine_->done) return 1;
  return std::min(
      0.99, static_cast<double>(engine_->eventsDone) / static_cast<double>(engine_->eventsTotal));
}

const std::vector<PoolSample>& PoolSimulation::samples() const {
  return engine_->result.series;
}

void PoolSimulation::setUnits(std::size_t request, std::int64_t units) {
  engine_->setUnits(request, units);
}

bool PoolSimulation::finished() const {
  return engine_->done;
}

PoolResult PoolSimulation::takeResult() {
  if (!engine_->done) throw std::logic_error("pool simulation: result asked before the end");
  return std::move(engine_->result);
}

QueueWait queueWait(std::int64_t ahead, std::int64_t perSecond) {
  requireWhole(ahead, "ahead", 0, kMaxQueueAhead);
  requireWhole(perSecond, "activationsPerSecond", 1, kMaxActivationsPerSecond);
  const Seconds wait = ahead / perSecond;
  return {wait, miningStartOf(wait)};
}

std::string limitsJson() {
  const auto number = [](auto n) { return std::to_string(n); };
  return "{\"unitsPerActivation\":" + number(kMaxUnitsPerActivation) +
         ",\"activations\":" + number(kMaxActivations) + ",\"samples\":" + number(kMaxSamples) +
         ",\"trackedOwners\":" + number(kMaxTrackedOwners) + ",\"seconds\":" + number(kMaxSeconds) +
         ",\"requestedAt\":" + number(kMaxRequestedAt) +
         ",\"activationsPerSecond\":" + number(kMaxActivationsPerSecond) +
         ",\"queueAhead\":" + number(kMaxQueueAhead) + ",\"checkins\":" + number(kMaxCheckins) +
         "}";
}

std::size_t activationCount(double count) {
  if (!(count >= 0 && count <= static_cast<double>(kMaxActivations) && count == std::floor(count)))
    throw InputError("activations", "at most " + std::to_string(kMaxActivations) +
                                        " activations per simulation, got " +
                                        quote(shortestText(count)));
  return static_cast<std::size_t>(count);
}

PoolResult simulatePool(PoolScenario scenario) {
  PoolSimulation simulation(std::move(scenario));
  while (!simulation.step(1 << 20)) {
  }
  return simulation.takeResult();
}

}  // namespace cbm
