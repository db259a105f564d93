#include "projection.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <stdexcept>

#include "apr.hpp"
#include "double_double.hpp"
#include "emission.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "pool.hpp"
#include "referral.hpp"

namespace cbm {

namespace {

//! Points a breakeven search samples in each run: 86,400 s take two runs, a year three.
constexpr std::size_t kSearchPoints = 1024;

void checkPurchases(const std::vector<HolderPurchase>& purchases, Seconds end) {
  if (purchases.empty()) throw InputError("purchases", "must have at least one purchase");
  for (std::size_t i = 0; i < purchases.size(); ++i) {
    const std::string field = indexed("purchases", i);
    const HolderPurchase& p = purchases[i];
    requireWhole(p.at, field + ".at", 0, kMaxSeconds);
    if (p.at >= end)
      throw InputError(
          field + ".at",
          "is after emission ends (second " + std::to_string(end) + " since genesis), got " +
              std::to_string(p.at),
          {"after-emission", {{"end", std::to_string(end)}, {"got", std::to_string(p.at)}}});
    requireWhole(p.units, field + ".units", 1, kMaxUnitsPerActivation);
    requireSign(p.unitPrice, field + ".unitPrice", Sign::nonNegative);
  }
}

// What a part's numbers must satisfy, whatever its growth.
void checkGrowing(const GrowingUnits& g, const std::string& field) {
  requireWhole(g.units, field + ".units", 0, kMaxUnitsPerActivation);
  requireWhole(g.growthPerDay, field + ".growthPerDay", 0, kMaxUnitsPerActivation);
  const Decimal& percent = g.growthPercentPerMonth;
  requireSign(percent, field + ".growthPercentPerMonth", Sign::nonNegative);
  if (percent > Decimal::fromInteger(kMaxGrowthPercentPerMonth))
    throw InputError(
        field + ".growthPercentPerMonth",
        "must be at most " + std::to_string(kMaxGrowthPercentPerMonth) + " (% a month), got " +
            percent.str(),
        {"above-max",
         {{"max", std::to_string(kMaxGrowthPercentPerMonth)}, {"got", percent.str()}}});
  if (g.growthPerDay > 0 && !percent.isZero())
    throw InputError(field + ".growthPercentPerMonth",
                     "cannot go with growthPerDay: the growth is either units a day or a "
                     "percentage a month",
                     {"two-growths", {}});
  if (!percent.isZero() && g.units == 0)
    throw InputError(field + ".units",
                     "must be at least 1 to grow by a percentage (0 grows to 0), got 0",
                     {"nothing-to-grow", {}});
  if (g.ceiling) {
    requireWhole(*g.ceiling, field + ".ceiling", 0, kMaxUnitsPerActivation);
    if (*g.ceiling < g.units)
      throw InputError(field + ".ceiling",
                       "must be at least the " + std::to_string(g.units) + " units at now, got " +
                           std::to_string(*g.ceiling),
                       {"ceiling-below-units",
                        {{"units", std::to_string(g.units)}, {"got", std::to_string(*g.ceiling)}}});
  }
}

// The day's units of a linear growth: a block, then growthPerDay a day up to the ceiling.
std::vector<std::int64_t> linearByDay(const GrowingUnits& g, Seconds start, std::int64_t nowDay,
                                      std::int64_t days, const std::string& field) {
  if (nowDay * g.growthPerDay > g.units)
    throw InputError(field + ".growthPerDay",
                     std::to_string(g.growthPerDay) + " units a day over the " +
                         std::to_string(nowDay) + " days since second " + std::to_string(start) +
                         " is more than the " + std::to_string(g.units) + " units at now",
                     {"growth-exceeds-units",
                      {{"growthPerDay", std::to_string(g.growthPerDay)},
                       {"days", std::to_string(nowDay)},
                       {"since", std::to_string(start)},
                       {"units", std::to_string(g.units)}}});
  std::vector<std::int64_t> out(static_cast<std::size_t>(days));
  const std::int64_t cap = g.ceiling.value_or(std::numeric_limits<std::int64_t>::max());
  std::int64_t units = g.units - nowDay * g.growthPerDay;
  for (std::int64_t& day : out) {
    day = std::min(cap, units);
    units += g.growthPerDay;
  }
  return out;
}

// The day's units of a percentage growth (compound, or logistic under a ceiling): the factor a
// day is g = (1 + p/100)^(12/365), stepped out from now's day both ways, so that day holds
// exactly `units`.
std::vector<std::int64_t> percentByDay(const GrowingUnits& g, Seconds start, std::int64_t nowDay,
                                       std::int64_t days, const std::string& field) {
  if (nowDay >= days)
    throw InputError("now", "must be before emission ends to grow a part by a percentage",
                     {"after-emission", {}});
  const DoubleDouble monthly =
      DoubleDouble::fromInt(g.growthPercentPerMonth.raw()) / 1e20;  // p / 100, p in 10^-18
  const DoubleDouble perDay = DoubleDouble(1) + expm1(log1p(monthly) * 12 / 365);
  const DoubleDouble units = DoubleDouble::fromInt(g.units);
  // The units at power = g^(d - D): compound, or the logistic K / (1 + c / power).
  const auto unitsAt = [&](DoubleDouble power) {
    if (!g.ceiling) return units * power;
    const DoubleDouble k = DoubleDouble::fromInt(*g.ceiling);
    return k / (DoubleDouble(1) + (k / units - DoubleDouble(1)) / power);
  };
  const auto rounded = [&](DoubleDouble x, std::int64_t d) {
    if (!(x.hi < static_cast<double>(kMaxUnitsPerActivation) + 0.5))
      throw InputError(field + ".growthPercentPerMonth",
                       "takes the units past " + std::to_string(kMaxUnitsPerActivation) +
                           " on day " + std::to_string(d) + " after second " +
                           std::to_string(start),
                       {"growth-exceeds-limit",
                        {{"max", std::to_string(kMaxUnitsPerActivation)},
                         {"at", std::to_string(start + d * kSecondsPerDay)}}});
    return static_cast<std::int64_t>((x + DoubleDouble(0.5)).floorToInt());
  };
  std::vector<std::int64_t> out(static_cast<std::size_t>(days));
  DoubleDouble power(1);
  for (std::int64_t d = nowDay; d < days; ++d, power *= perDay)
    out[static_cast<std::size_t>(d)] = d == nowDay ? g.units : rounded(unitsAt(power), d);
  power = DoubleDouble(1) / perDay;
  for (std::int64_t d = nowDay - 1; d >= 0; --d, power = power / perDay)
    out[static_cast<std::size_t>(d)] = rounded(unitsAt(power), d);
  // Rounding could tie a step the other way: keep the days non-decreasing.
  for (std::size_t d = 1; d < out.size(); ++d) out[d] = std::max(out[d], out[d - 1]);
  return out;
}

void checkInput(const EarningsInput& in) {
  requireSign(in.tokenPrice, "tokenPrice", Sign::nonNegative);
}

// What the holder has mined before second t, and mines in second t, at the sampled seconds.
struct Mined {
  Int128 before, in;
  NowTerms terms;  //!< how `in` came about
};
using Samples = std::map<Seconds, Mined>;

struct Run {
  Samples mined;
  std::vector<PurchaseOutcome> purchases;  //!< the holder's, in input order
  PoolResult result;                       //!< all of it, for a series
};

Run run(const PoolScenario& scenario, std::size_t purchases, std::vector<Seconds> at) {
  PoolScenario s = scenario;
  std::sort(at.begin(), at.end());
  at.erase(std::unique(at.begin(), at.end()), at.end());
  s.sampleAt = std::move(at);
  Run out;
  out.result = simulatePool(std::move(s));
  const PoolResult& r = out.result;
  if (!r.rejected.empty())
    throw std::logic_error("projectEarnings: a request was rejected: " + r.rejected[0].reason);
  for (const PoolSample& sample : r.series)
    out.mined[sample.t] = {sample.focusRewardWei,
                           sample.focusRateWei,
                           {sample.t, sample.rateWei, sample.focusPower, sample.power}};
  // The holder's purchases are the last requests (holderScenario).
  for (std::size_t i = r.activatedAt.size() - purchases; i < r.activatedAt.size(); ++i)
    out.purchases.push_back(
        {r.activatedAt[i], miningStartOf(r.activatedAt[i]), r.waitSeconds[i], r.rewardWei[i]});
  return out;
}

// The positions, among n ascending times (timeAt(i)), of the ascending times `wanted`; a wanted
// time that is not among them is skipped.
template <class TimeAt>
std::vector<std::size_t> positionsOf(std::size_t n, TimeAt timeAt,
                                     const std::vector<Seconds>& wanted) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0, next = 0; i < n && next < wanted.size(); ++i) {
    while (next < wanted.size() && wanted[next] < timeAt(i)) ++next;
    if (next < wanted.size() && wanted[next] == timeAt(i)) {
      out.push_back(i);
      ++next;
    }
  }
  return out;
}

// The first second t in (lo, hi] at which `covered(mined before t)` holds, given that it holds
// at hi; sampled ever more finely, kSearchPoints a run. The runs stop at hi: what is mined
// before it does not depend on what comes after (requests later than hi stay queued).
Seconds firstCovered(PoolScenario scenario, Seconds lo, Seconds hi,
                     const std::function<bool(Int128)>& covered) {
  scenario.horizon = std::min(scenario.horizon, hi);
  while (hi - lo > 1) {
    std::vector<Seconds> at;
    const Seconds step = std::max<Seconds>(1, (hi - lo) / static_cast<Seconds>(kSearchPoints));
    for (Seconds t = lo + step; t < hi; t += step) at.push_back(t);
    const Samples mined = run(scenario, 0, at).mined;
    Seconds newLo = lo, newHi = hi;
    for (const Seconds t : at) {
      if (covered(mined.at(t).before)) {
        newHi = t;
        break;
      }
      newLo = t;
    }
    lo = newLo;
    hi = newHi;
  }
  return hi;
}

// One projection: the scenario, its main run (sampled at every period boundary, at now and a
// year on), and the figures taken from it.
class Projector {
 public:
  explicit Projector(const EarningsInput& in)
      : in_(in), end_(EmissionSchedule(in.rules.emission).endsAt()) {
    checkInput(in);
    const HolderScenario holder = holderScenario(in.rules, in.holder);
    scenario_ = holder.scenario;
    for (const HolderPurchase& p : in.holder.purchases)
      lastPurchase_ = std::max(lastPurchase_, p.at);
    now_ = std::min(in.from.value_or(in.holder.now), end_);
    yearOn_ = std::min(now_ + kSecondsPerYear, end_);
    monthOn_ = std::min(now_ + 30 * kSecondsPerDay, end_);
    halving_ = EmissionSchedule(in.rules.emission).nextHalvingAfter(now_);
    bounds_ = periodBounds(in);
    std::vector<Seconds> at = bounds_;
    at.push_back(now_);
    at.push_back(monthOn_);
    at.push_back(yearOn_);
    if (halving_) at.push_back(*halving_);
    seriesAt_ = seriesTimes(in.sampleEvery, holder.start, end_);
    at.insert(at.end(), seriesAt_.begin(), seriesAt_.end());
    // The referral income needs the lines' mining at every payout too.
    if (!seriesAt_.empty() && !in.holder.lines.empty()) {
      referralAt_ = seriesAt_;
      for (Seconds t = (holder.start / referralRules_.payEvery + 1) * referralRules_.payEvery;
           t < end_; t += referralRules_.payEvery)
        referralAt_.push_back(t);
      std::sort(referralAt_.begin(), referralAt_.end());
      referralAt_.erase(std::unique(referralAt_.begin(), referralAt_.end()), referralAt_.end());
      at.insert(at.end(), referralAt_.begin(), referralAt_.end());
    }
    main_ = run(scenario_, in.holder.purchases.size(), at);
  }

  Earnings earnings() const {
    Earnings e;
    for (std::size_t k = 0; k + 1 < bounds_.size(); ++k) {
      const Int128 wei = before(bounds_[k + 1]) - before(bounds_[k]);
      EarningsPeriod p{bounds_[k], bounds_[k + 1], Decimal::fromRaw(wei), usd(wei), {}, {}};
      e.totalWfi = p.cumulativeWfi = e.totalWfi.plus(p.wfi, "totalWfi");
      e.totalUsd = p.cumulativeUsd = e.totalUsd.plus(p.usd, "totalUsd");
      e.periods.push_back(p);
    }
    for (const HolderPurchase& p : in_.holder.purchases)
      e.paidUsd = e.paidUsd.plus(paidFor(p), "paidUsd");
    if (in_.breakeven) e.breakevenAt = breakeven(e.paidUsd);
    takeNow(e);
    const Int128 monthWei = before(monthOn_) - before(now_);
    e.next30DaysWfi = Decimal::fromRaw(monthWei);
    e.next30DaysUsd = usd(monthWei);
    if (halving_) {
      e.nextHalvingAt = halving_;
      e.afterHalving = rateOf(main_.mined.at(*halving_).in);
    }
    const Int128 yearWei = before(yearOn_) - before(now_);
    e.firstYearWfi = Decimal::fromRaw(yearWei);
    e.firstYearUsd = usd(yearWei);
    if (e.paidUsd > Decimal())
      e.firstYearReturnPercent = Decimal::ratio(e.firstYearUsd.big() * 100 * Decimal::kScale,
                                                e.paidUsd.big(), "firstYearReturnPercent");
    e.purchases = main_.purchases;
    e.series = series();
    e.referral = referral();
    return e;
  }

  // The figures of second `at`: what the holder mines in it, how that came about, and SPEC 5's
  // APR over what the purchases mining in it cost (each as one unit at its cost).
  EarningsMoment momentAt(Seconds at) const {
    const std::vector<PurchaseOutcome>& bought = main_.purchases;
    EarningsMoment m;
    m.terms.at = at;
    for (std::size_t i = 0; i < bought.size(); ++i) {
      const Seconds start = bought[i].miningStart;
      const bool retired = in_.rules.lifetime && at >= start + *in_.rules.lifetime;
      if (start >= 0 && start <= at && !retired)
        m.miningPaidUsd = m.miningPaidUsd.plus(paidFor(in_.holder.purchases[i]), "paid");
    }
    if (at < end_) {
      const Mined mined = main_.mined.count(at) ? main_.mined.at(at)
                                                : run(scenario_, bought.size(), {at}).mined.at(at);
      m.rate = rateOf(mined.in);
      m.terms = mined.terms;
    }
    if (m.miningPaidUsd > Decimal())
      m.aprPercent = apr({m.rate.blockReward, in_.tokenPrice, Decimal::fromInteger(1),
                          m.miningPaidUsd, std::nullopt})
                         .aprPercent;
    return m;
  }

 private:
  Int128 before(Seconds t) const { return main_.mined.at(t).before; }
  Decimal usd(Int128 wei) const { return Decimal::fromRaw(wei).times(in_.tokenPrice, "usd"); }
  EarningsRate rateOf(Int128 weiPerSecond) const {
    const Decimal perDay =
        Decimal::fromRaw(weiPerSecond).times(Decimal::fromInteger(kSecondsPerDay), "wfiPerDay");
    return {Decimal::fromRaw(weiPerSecond), perDay, perDay.times(in_.tokenPrice, "usdPerDay")};
  }

  // The second in which the mined WFI first covers what was paid, at or after the last
  // purchase: the first t with (mined before t + 1) x price >= paid.
  std::optional<Seconds> breakeven(Decimal paidUsd) const {
    const BigInt paid = paidUsd.big() * Decimal::kScale;
    const auto covered = [&](Int128 wei) { return BigInt(wei) * in_.tokenPrice.big() >= paid; };
    if (!covered(before(end_))) return std::nullopt;
    Seconds lo = lastPurchase_, hi = end_;  // t + 1 lies in (lo, hi]
    for (const auto& [t, mined] : main_.mined) {
      if (t <= lo) continue;
      if (covered(mined.before)) {
        hi = t;
        break;
      }
      lo = t;
    }
    return firstCovered(scenario_, lo, hi, covered) - 1;
  }

  // The purchases requested by now, each mining, and what they paid. One still in the queue at
  // now (bought today) counts from the second it starts: the figures are that second's.
  void takeNow(Earnings& e) const {
    const std::vector<PurchaseOutcome>& bought = main_.purchases;
    Seconds at = now_;
    for (std::size_t i = 0; i < bought.size(); ++i)
      if (in_.holder.purchases[i].at <= now_ && bought[i].miningStart >= 0)
        at = std::max(at, bought[i].miningStart);
    e.nowMoment = momentAt(std::min(at, end_));
    e.now = e.nowMoment.rate;
    e.aprPercentNow = e.nowMoment.aprPercent;
  }

  // The positions of the main run's samples at `times`.
  std::vector<std::size_t> samplesAt(const std::vector<Seconds>& times) const {
    const std::vector<PoolSample>& samples = main_.result.series;
    return positionsOf(
        samples.size(), [&](std::size_t i) { return samples[i].t; }, times);
  }

  // The main run's samples at seriesAt_, as columns.
  EarningsSeries series() const {
    EarningsSeries out;
    if (seriesAt_.empty()) return out;
    const PoolResult& r = main_.result;
    out.lines.resize(r.tracked.size());
    for (const std::size_t i : samplesAt(seriesAt_)) {
      const PoolSample& s = r.series[i];
      out.t.push_back(s.t);
      out.minedWei.push_back(s.focusRewardWei);
      out.rateWei.push_back(s.focusRateWei);
      out.emissionRateWei.push_back(s.rateWei);
      out.poolPower.push_back(s.power.toDouble());
      for (std::size_t k = 0; k < r.tracked.size(); ++k) {
        out.lines[k].rewardWei.push_back(r.tracked[k].rewardWei[i]);
        out.lines[k].rateWei.push_back(r.tracked[k].rateWei[i]);
      }
    }
    return out;
  }

  // The referral income of the lines' mining at referralAt_, its columns kept at seriesAt_.
  std::optional<ReferralIncome> referral() const {
    if (referralAt_.empty()) return std::nullopt;
    const PoolResult& r = main_.result;
    std::vector<MinedSeries> lines(r.tracked.size());
    for (const std::size_t i : samplesAt(referralAt_))
      for (std::size_t k = 0; k < lines.size(); ++k) {
        lines[k].minedWei.push_back(r.tracked[k].rewardWei[i]);
        lines[k].rateWei.push_back(r.tracked[k].rateWei[i]);
      }
    std::vector<Purchase> bought;
    for (std::size_t i = 0; i < main_.purchases.size(); ++i) {
      const HolderPurchase& p = in_.holder.purchases[i];
      if (main_.purchases[i].activatedAt >= 0)
        bought.push_back(
            {main_.purchases[i].activatedAt, Decimal::fromInteger(p.units), p.unitPrice});
    }
    ReferralIncome income = referralIncome(referralAt_, lines, std::move(bought), referralRules_);
    // The columns at the series' samples only.
    const std::vector<std::size_t> kept = positionsOf(
        referralAt_.size(), [&](std::size_t i) { return referralAt_[i]; }, seriesAt_);
    for (auto* column :
         {&income.paidWei, &income.unlockedWei, &income.lockedWei, &income.rateWei}) {
      std::vector<Int128> atSeries;
      for (const std::size_t i : kept) atSeries.push_back((*column)[i]);
      *column = std::move(atSeries);
    }
    return income;
  }

  // The multiples of `every` from `start` and then the end (none when every is 0).
  static std::vector<Seconds> seriesTimes(Seconds every, Seconds start, Seconds end) {
    if (every == 0) return {};
    requireWhole(every, "sampleEvery", 1, kMaxSeconds);
    const Seconds first = (start + every - 1) / every * every;
    const std::int64_t count = first < end ? (end - 1 - first) / every + 2 : 1;
    if (count > kMaxEarningsSamples) {
      const Seconds least = (end - start + kMaxEarningsSamples - 3) / (kMaxEarningsSamples - 2);
      throw InputError(
          "sampleEvery",
          "gives " + std::to_string(count) + " samples to the end of emission, more than " +
              std::to_string(kMaxEarningsSamples) + "; use at least " + std::to_string(least),
          {"below-min", {{"min", std::to_string(least)}, {"got", std::to_string(every)}}});
    }
    std::vector<Seconds> out;
    for (Seconds t = first; t < end; t += every) out.push_back(t);
    out.push_back(end);
    return out;
  }

  const EarningsInput& in_;
  Seconds end_, lastPurchase_ = 0, now_ = 0, monthOn_ = 0, yearOn_ = 0;
  std::optional<Seconds> halving_;
  PoolScenario scenario_;
  std::vector<Seconds> bounds_, seriesAt_;
  ReferralRules referralRules_;
  std::vector<Seconds> referralAt_;  //!< the series' samples and every payout after the start
  Run main_;
};

}  // namespace

std::vector<std::int64_t> unitsByDay(const GrowingUnits& g, Seconds start, Seconds now,
                                     Seconds horizon, const std::string& field) {
  checkGrowing(g, field);
  const std::int64_t nowDay = (now - start) / kSecondsPerDay;
  const std::int64_t days =
      horizon > start ? (horizon - start + kSecondsPerDay - 1) / kSecondsPerDay : 0;
  return g.growthPercentPerMonth.isZero() ? linearByDay(g, start, nowDay, days, field)
                                          : percentByDay(g, start, nowDay, days, field);
}

namespace {

// A request of the holder's pool scenario.
void addRequest(PoolScenario& s, const std::string& id, const std::string& owner,
                std::int64_t units, Seconds at) {
  s.ids.push(id);
  s.owners.push(owner);
  s.units.values.push_back(static_cast<double>(units));
  s.requestedAt.values.push_back(static_cast<double>(at));
}

// Everyone but the holder from `start`: the pool, then the lines, each a block at the start and
// one request on each day the part grows.
HolderScenario partsScenario(const PoolRules& rules, const HolderPool& holder, Seconds start) {
  HolderScenario out;
  out.horizon = EmissionSchedule(rules.emission).endsAt();
  requireWhole(holder.now, "now", 0, kMaxSeconds);
  if (holder.lines.size() > kMaxReferralLines)
    throw InputError("lines", "must have at most " + std::to_string(kMaxReferralLines) + " lines");
  out.start = start;
  PoolScenario& s = out.scenario;
  s.rules = rules;
  s.horizon = out.horizon;
  s.focusOwner = kHolderOwner;
  const auto addGrowing = [&](const std::string& owner, const GrowingUnits& g,
                              const std::string& field) {
    const std::vector<std::int64_t> byDay = unitsByDay(g, start, holder.now, out.horizon, field);
    std::int64_t had = 0;
    for (std::size_t d = 0; d < byDay.size(); ++d) {
      if (byDay[d] > had)
        addRequest(s, owner + "-" + std::to_string(d), owner, byDay[d] - had,
                   start + static_cast<Seconds>(d) * kSecondsPerDay);
      had = byDay[d];
    }
  };
  addGrowing("pool", holder.pool, "pool");
  for (std::size_t i = 0; i < holder.lines.size(); ++i) {
    const std::string owner = "line-" + std::to_string(i + 1);
    addGrowing(owner, holder.lines[i], indexed("lines", i));
    s.trackedOwners.push_back(owner);
  }
  return out;
}

}  // namespace

HolderScenario holderScenario(const PoolRules& rules, const HolderPool& holder) {
  const Seconds horizon = EmissionSchedule(rules.emission).endsAt();
  checkPurchases(holder.purchases, horizon);
  Seconds firstPurchase = horizon;
  for (const HolderPurchase& p : holder.purchases) firstPurchase = std::min(firstPurchase, p.at);
  HolderScenario out = partsScenario(rules, holder, std::min(holder.now, firstPurchase));
  for (std::size_t i = 0; i < holder.purchases.size(); ++i)
    addRequest(out.scenario, "you-" + std::to_string(i), kHolderOwner, holder.purchases[i].units,
               holder.purchases[i].at);
  return out;
}

HolderScenario othersScenario(const PoolRules& rules, const HolderPool& holder) {
  return partsScenario(rules, holder, holder.now);
}

Decimal paidFor(const HolderPurchase& p) {
  return Decimal::fromInteger(p.units).times(p.unitPrice, "paidUsd");
}

std::vector<Seconds> periodBounds(const EarningsInput& in) {
  const Seconds end = EmissionSchedule(in.rules.emission).endsAt();
  Seconds first = end;
  for (const HolderPurchase& p : in.holder.purchases) first = std::min(first, p.at);
  std::vector<Seconds> bounds{first};
  for (Day d = nextPeriodStart(in.genesis + first / kSecondsPerDay, in.period);
       (d - in.genesis) * kSecondsPerDay < end; d = nextPeriodStart(d, in.period))
    bounds.push_back((d - in.genesis) * kSecondsPerDay);
  bounds.push_back(end);
  return bounds;
}

std::vector<Int128> minedBefore(const PoolScenario& scenario, const std::vector<Seconds>& at) {
  const Samples mined = run(scenario, 0, at).mined;
  std::vector<Int128> out;
  out.reserve(at.size());
  for (const Seconds t : at) out.push_back(mined.at(t).before);
  return out;
}

Seconds firstReaching(const PoolScenario& scenario, Seconds lo, Seconds hi, Int128 target) {
  return firstCovered(scenario, lo, hi, [target](Int128 wei) { return wei >= target; });
}

Earnings projectEarnings(const EarningsInput& input) {
  return Projector(input).earnings();
}

EarningsMoment earningsAt(const EarningsInput& input, Seconds at) {
  requireWhole(at, "at", 0, kMaxSeconds);
  return Projector(input).momentAt(at);
}

std::int64_t calibratePool(const PoolCalibration& c) {
  requireSign(c.blockReward, "blockReward", Sign::positive);
  EarningsInput in;
  in.rules = c.rules;
  in.holder.now = c.now;
  in.holder.purchases = c.purchases;
  in.period = Period::year;
  in.breakeven = false;  // only the reward now is compared
  const auto reward = [&](std::int64_t others) {
    in.holder.pool.units = others;
    return projectEarnings(in).now.blockReward;
  };
  const Decimal target = c.blockReward;
  const Decimal alone = reward(0);
  if (target > alone)
    throw InputError("blockReward",
                     "is more than these purchases earn with no one else in the pool (" +
                         alone.str() + " WFI a second), got " + quote(target.str()),
                     {"above-max", {{"max", alone.str()}, {"got", target.str()}}});
  const Decimal crowded = reward(kMaxUnitsPerActivation);
  if (crowded >= target) {
    if (crowded == target) return kMaxUnitsPerActivation;
    throw InputError("blockReward",
                     "is less than these purchases earn beside " +
                         std::to_string(kMaxUnitsPerActivation) + " other units (" + crowded.str() +
                         " WFI a second), got " + quote(target.str()),
                     {"below-min", {{"min", crowded.str()}, {"got", target.str()}}});
  }
  // reward(lo) >= target > reward(hi), the reward falling as the pool grows. A first guess
  // from a share that goes as 1 / (1 + f x others) (one probe gives f), a bracket around it,
  // then halving: a few dozen projections instead of forty over the whole range.
  std::int64_t lo = 0, hi = kMaxUnitsPerActivation;
  const auto narrow = [&](double at) {
    const auto p =
        static_cast<std::int64_t>(std::clamp(at, 0.0, static_cast<double>(kMaxUnitsPerActivation)));
    if (p <= lo || p >= hi) return;
    (reward(p) >= target ? lo : hi) = p;
  };
  constexpr std::int64_t kProbe = 1'000'000;
  const double full = alone.toDouble(), atProbe = reward(kProbe).toDouble(),
               wanted = target.toDouble();
  const double guess = full > atProbe ? kProbe * (full / wanted - 1) / (full / atProbe - 1) : 0;
  for (double width = std::max(4.0, guess * 1e-6); hi - lo > 1; width *= 16) {
    narrow(guess - width);
    narrow(guess + width);
    const auto lower = static_cast<double>(lo), upper = static_cast<double>(hi);
    if ((lower >= guess - width - 1 && upper <= guess + width + 1) || width > 1e12) break;
  }
  while (hi - lo > 1) narrow(static_cast<double>(lo + (hi - lo) / 2));
  return lo;
}

}  // namespace cbm
