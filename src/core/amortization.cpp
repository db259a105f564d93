#include "amortization.hpp"

#include <stdexcept>
#include <utility>

#include "pool.hpp"

namespace cbm {

namespace {

DoubleDouble nonNegative(DoubleDouble x) {
  return x.hi < 0 ? DoubleDouble() : x;
}

DoubleDouble perUnit(const Holdings& pool, DoubleDouble rate) {
  return rate * (DoubleDouble(1.0) / DoubleDouble::fromInt(pool.units));  // R / U
}

// Power u: every unit mines alike; reward = u (dX), dX = R n / U.
class NoAmortization final : public AmortizationModel {
 public:
  Growth segment(const Holdings& pool, DoubleDouble rate, Seconds t0, Seconds t1) const override {
    return {perUnit(pool, rate) * static_cast<double>(t1 - t0), {}};
  }
  DoubleDouble earnedOf(const Holdings& owner, const Growth& g) const override {
    return DoubleDouble::fromInt(owner.units) * g.dx;
  }
  DoubleDouble earned(const MinerView& m, const AccumulatorX& x,
                      const AccumulatorY&) const override {
    return DoubleDouble(static_cast<double>(m.units)) * x.minus(m.x0);
  }
  DoubleDouble powerAt(const Holdings& h, Seconds, Seconds) const override {
    return DoubleDouble::fromInt(h.units);
  }
};

// Power u (K - s) / L, K = start + L: reward = u (K dX - dY), dX = R G / U, dY = R (a G - n) / U.
class LinearAmortization final : public AmortizationModel {
 public:
  explicit LinearAmortization(Seconds lifetime) : lifetime_(lifetime) {}
  Int128 lifetimeEnd(Seconds start) const override { return start + lifetime_; }
  bool readsY() const override { return true; }
  Growth segment(const Holdings& pool, DoubleDouble rate, Seconds t0, Seconds t1) const override {
    const DoubleDouble inverseUnits = DoubleDouble(1.0) / DoubleDouble::fromInt(pool.units);
    const DoubleDouble r = rate * inverseUnits;
    // a - s = sum(u (K - s)) / U, exact in its numerator; at the last second it is >= 1.
    const DoubleDouble lastGap =
        DoubleDouble::fromInt(pool.unitsTimesEnd - pool.units * (t1 - 1)) * inverseUnits;
    const detail::GapSums sums = detail::gapSums(lastGap, t0, t1 - t0);
    return {r * sums.g, r * sums.t};
  }
  DoubleDouble earnedOf(const Holdings& owner, const Growth& g) const override {
    return nonNegative(DoubleDouble::fromInt(owner.unitsTimesEnd) * g.dx -
                       DoubleDouble::fromInt(owner.units) * g.dy);
  }
  DoubleDouble earned(const MinerView& m, const AccumulatorX& x,
                      const AccumulatorY& y) const override {
    return DoubleDouble::fromInt(m.units * Int128(m.start + lifetime_)) * x.minus(m.x0) -
           DoubleDouble(static_cast<double>(m.units)) * y.minus(m.y0);
  }
  DoubleDouble powerAt(const Holdings& h, Seconds s, Seconds) const override {
    return DoubleDouble::fromInt(h.unitsTimesEnd - h.units * s) / static_cast<double>(lifetime_);
  }

 private:
  Seconds lifetime_;
};

// Power u 2^-(s - start)/h: reward = w (dX), dX = R n / S, with w = u 2^((start - tau) / h) and
// S = sum(w). The weights themselves (their origin tau, rebases) are ExponentialWeights'.
class ExponentialAmortization final : public AmortizationModel {
 public:
  explicit ExponentialAmortization(Seconds halfLife) : halfLife_(halfLife) {}
  Growth segment(const Holdings& pool, DoubleDouble rate, Seconds t0, Seconds t1) const override {
    // Only the oldest weights are ever dropped as negligible, and they retire first, so a pool
    // with units in it always has weight in it.
    if (!(pool.weight.hi > 0)) throw std::logic_error("pool engine: units without weight");
    return {rate * static_cast<double>(t1 - t0) / pool.weight, {}};
  }
  DoubleDouble earnedOf(const Holdings& owner, const Growth& g) const override {
    return nonNegative(owner.weight * g.dx);
  }
  DoubleDouble earned(const MinerView& m, const AccumulatorX& x,
                      const AccumulatorY&) const override {
    return m.banked + m.weight * x.minus(m.x0);
  }
  DoubleDouble powerAt(const Holdings& h, Seconds s, Seconds tau) const override {
    return h.weight *
           exp2(-(DoubleDouble(static_cast<double>(s - tau)) / static_cast<double>(halfLife_)));
  }
  // The weights' ratio, not the powers', which can underflow to 0 a thousand half-lives after
  // the last start while shares stay what they are.
  DoubleDouble shareAt(const Holdings& owner, const Holdings& pool, DoubleDouble, Seconds,
                       Seconds) const override {
    return pool.weight.hi > 0 ? owner.weight / pool.weight : DoubleDouble();
  }

 private:
  Seconds halfLife_;
};

}  // namespace

Int128 AmortizationModel::lifetimeEnd(Seconds) const {
  return 0;
}

DoubleDouble AmortizationModel::shareAt(const Holdings& owner, const Holdings&,
                                        DoubleDouble poolPower, Seconds s, Seconds tau) const {
  return poolPower.hi > 0 ? powerAt(owner, s, tau) / poolPower : DoubleDouble();
}

namespace {
//! A weight below 2^-128 of the pool's (a share under 3e-39) is dropped at a rebase.
constexpr double kNegligibleShare = 0x1p-128;
}  // namespace

ExponentialWeights::ExponentialWeights(Seconds halfLife, std::vector<std::int8_t> groupOf,
                                       std::size_t groups)
    : halfLife_(halfLife),
      miners_(groupOf.size()),
      groupOf_(std::move(groupOf)),
      groupTotals_(groups) {}

void ExponentialWeights::addToTotals(std::size_t i, DoubleDouble weight) {
  total_ += weight;
  if (groupOf_[i] >= 0) groupTotals_[static_cast<std::size_t>(groupOf_[i])] += weight;
}

void ExponentialWeights::remove(std::size_t i, std::size_t activeFrom, std::size_t activeTo) {
  // Subtracting a weight much larger than what remains would leave the remainder with the
  // large one's rounding error: sum the remaining weights afresh when that could matter.
  const DoubleDouble weight = std::exchange(miners_[i].weight, DoubleDouble());  // it is out
  addToTotals(i, -weight);
  removed_ += weight.hi;
  if (removed_ > total_.hi * 0x1p20) sum(std::max(firstWeighted_, activeFrom), activeTo);
}

void ExponentialWeights::sum(std::size_t activeFrom, std::size_t activeTo) {
  total_ = DoubleDouble();
  for (DoubleDouble& group : groupTotals_) group = DoubleDouble();
  for (std::size_t i = activeFrom; i < activeTo; ++i) addToTotals(i, miners_[i].weight);
  removed_ = 0;
}

DoubleDouble ExponentialWeights::rebaseFactor(Seconds newTau) const {
  const double halvings = static_cast<double>(newTau - tau_) / static_cast<double>(halfLife_);
  return halvings > 2000 ? DoubleDouble()
                         : exp2(-(DoubleDouble(static_cast<double>(newTau - tau_)) /
                                  static_cast<double>(halfLife_)));
}

// Keeps each rebase's work to the miners of the last ~180 half-lives.
void ExponentialWeights::dropNegligible(std::size_t activeTo) {
  for (; firstWeighted_ < activeTo &&
         miners_[firstWeighted_].weight.hi < total_.hi * kNegligibleShare;
       ++firstWeighted_) {
    addToTotals(firstWeighted_, -miners_[firstWeighted_].weight);
    miners_[firstWeighted_].weight = DoubleDouble();
  }
}

std::unique_ptr<AmortizationModel> amortizationModel(const PoolRules& rules) {
  switch (rules.amortization) {
    case Amortization::linear:
      return std::make_unique<LinearAmortization>(*rules.lifetime);
    case Amortization::exponential:
      return std::make_unique<ExponentialAmortization>(rules.halfLife);
    case Amortization::none:
      break;
  }
  return std::make_unique<NoAmortization>();
}

}  // namespace cbm
