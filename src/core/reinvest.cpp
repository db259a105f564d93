#include "reinvest.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "calendar.hpp"
#include "emission.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "pool.hpp"

namespace cbm {

const char* cadenceName(Cadence cadence) {
  switch (cadence) {
    case Cadence::hold:
      return "hold";
    case Cadence::week:
      return "week";
    case Cadence::month:
      return "month";
    case Cadence::unit:
      return "unit";
  }
  return "hold";
}

namespace {

//! The most checks one run answers while none buys (a run costs about as much for 1 as for 256).
constexpr std::size_t kMaxWindow = 256;
//! The stops a plan first tries, evenly spaced over its checks, before narrowing on the best.
constexpr std::size_t kStopGrid = 8;

// The seconds after now at which a plan looks at its WFI: each calendar period start (every
// midnight for `unit`) before emission ends.
std::vector<Seconds> checksOf(Cadence cadence, const EarningsInput& in, Seconds end) {
  if (cadence == Cadence::hold) return {};
  const Period period = cadence == Cadence::week    ? Period::week
                        : cadence == Cadence::month ? Period::month
                                                    : Period::day;
  std::vector<Seconds> out;
  for (Day d = nextPeriodStart(in.genesis + in.holder.now / kSecondsPerDay, period);
       (d - in.genesis) * kSecondsPerDay < end; d = nextPeriodStart(d, period))
    out.push_back((d - in.genesis) * kSecondsPerDay);
  return out;
}

// Whole units that `wei` pays for, at most `most`, and what they cost in wei (rounded up).
struct Affordable {
  std::int64_t units = 0;
  Int128 costWei = 0;
};
Affordable affordable(Int128 wei, Decimal tokenPrice, Decimal unitPrice, std::int64_t most) {
  if (wei <= 0 || tokenPrice.isZero() || most <= 0) return {};
  const BigInt perUnit = unitPrice.big() * Decimal::kScale;  // unitPrice / tokenPrice, in wei x
  const BigInt units = BigInt(wei) * tokenPrice.big() / perUnit;  // x tokenPrice.raw
  const std::int64_t limit = std::min<std::int64_t>(most, kMaxUnitsPerActivation);
  const std::int64_t n = units > limit ? limit : static_cast<std::int64_t>(units);
  if (n == 0) return {};
  const BigInt cost = (BigInt(n) * perUnit + tokenPrice.big() - 1) / tokenPrice.big();
  return {n, static_cast<Int128>(cost)};
}

// The holder's pool with the purchases so far, run to `horizon` (requests after it stay
// queued and change nothing before it).
PoolScenario scenarioTo(const EarningsInput& in, Seconds horizon) {
  PoolScenario s = holderScenario(in.rules, in.holder).scenario;
  s.horizon = std::max<Seconds>(1, horizon);
  return s;
}

// What a plan bought, and the WFI mined before each of its checks that the choices read.
struct Decisions {
  std::vector<Reinvested> bought;
  std::vector<Int128> minedAtChecks;
  Int128 spent = 0;
  std::int64_t units = 0;  // bought so far

  // The choice at a check: buys what is affordable; whether it bought.
  bool buy(Seconds at, Affordable a) {
    if (a.units == 0) return false;
    bought.push_back({at, a.units, Decimal::fromRaw(a.costWei, "paidWfi")});
    spent += a.costWei;
    units += a.units;
    return true;
  }
};

class Planner {
 public:
  Planner(const ReinvestInput& in, Decimal unitPrice, std::int64_t maxUnits,
          const ReinvestProgress& progress, bool rerunsOnly)
      : in_(in.earnings),
        rerunsOnly_(rerunsOnly),
        unitPrice_(unitPrice),
        end_(EmissionSchedule(in.earnings.rules.emission).endsAt()),
        maxUnits_(maxUnits),
        progress_(progress) {
    const Seconds now = std::min(in_.holder.now, end_);
    minedAtNow_ = minedBefore(scenarioTo(in_, now), {now}).front();
  }

  // One plan: reinvesting at the checks before `until`, or up to the stop that holds the most
  // WFI at the end of emission. `offset` and `share` place its work in the progress bar.
  ReinvestPlan plan(Cadence cadence, std::optional<Seconds> until, double offset, double share) {
    std::vector<Seconds> checks = checksOf(cadence, in_, end_);
    if (until) {
      checks.erase(std::lower_bound(checks.begin(), checks.end(), *until), checks.end());
      return planOn(cadence, checks);
    }
    // What the plan holds at the end when it reinvests at the first m checks: it rises while a
    // unit bought earns more than its price before emission ends, then falls. A grid of nine
    // stops, then thirds around the best of them.
    const auto first = [&](std::size_t m) {
      return std::vector<Seconds>(checks.begin(), checks.begin() + static_cast<std::ptrdiff_t>(m));
    };
    std::map<std::size_t, Decimal> held;
    const std::size_t n = checks.size();
    const auto heldWith = [&](std::size_t m) {
      if (held.count(m) == 0) {
        held[m] = planOn(cadence, first(m)).heldWfi;
        if (progress_)
          progress_(offset + share * std::min(0.95, static_cast<double>(held.size()) / 30.0));
      }
      return held[m];
    };
    std::size_t best = 0;
    for (std::size_t i = 0; i <= kStopGrid; ++i) {
      const std::size_t m = n * i / kStopGrid;
      if (heldWith(m) > heldWith(best)) best = m;
    }
    std::size_t lo = best < n / kStopGrid ? 0 : best - n / kStopGrid;
    std::size_t hi = std::min(n, best + n / kStopGrid);
    while (hi - lo > 2) {
      const std::size_t m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
      if (heldWith(m1) < heldWith(m2))
        lo = m1;
      else
        hi = m2;
    }
    for (std::size_t m = lo; m <= hi; ++m)
      if (heldWith(m) > heldWith(best)) best = m;
    return planOn(cadence, first(best));
  }

  // A plan that reinvests at `checks`: its purchases, then its periods.
  ReinvestPlan planOn(Cadence cadence, const std::vector<Seconds>& checks) const {
    Decisions d = rerunsOnly_ ? decideByReruns(checks) : decideInOneRun(checks);
    std::vector<Seconds> at = periodBounds(in_);
    at.insert(at.end(), checks.begin(), checks.end());
    std::map<Seconds, Int128> mined = minedAt(with(d.bought), at);
    // The one run held a request at every check, of 0 units where none was bought: it can
    // differ from the plan's own pool (a queue slot taken, a segment cut), and then the
    // choices are made again, each on a run of its own.
    for (std::size_t j = 0; j < checks.size(); ++j)
      if (mined.at(checks[j]) != d.minedAtChecks[j]) {
        d = decideByReruns(checks);
        mined = minedAt(with(d.bought), at);
        break;
      }
    ReinvestPlan out;
    out.cadence = cadence;
    out.bought = std::move(d.bought);
    out.until = checks.empty() ? std::nullopt : std::optional<Seconds>(checks.back() + 1);
    // A plan that reached its cap holds from the purchase that did (the checks after it buy
    // nothing: given back as until, it gives the same plan).
    if (d.units >= maxUnits_ && !out.bought.empty()) out.until = out.bought.back().at + 1;
    value(with(out.bought), mined, out);
    return out;
  }

 private:
  // What a check that has `mined` wei mined before it can buy with what `d` has not spent.
  Affordable affordableAt(Int128 mined, const Decisions& d) const {
    return affordable(mined - minedAtNow_ - d.spent, in_.tokenPrice, unitPrice_,
                      maxUnits_ - d.units);
  }

  EarningsInput with(const std::vector<Reinvested>& bought) const {
    EarningsInput in = in_;
    for (const Reinvested& b : bought) in.holder.purchases.push_back({b.at, b.units, unitPrice_});
    return in;
  }

  std::map<Seconds, Int128> minedAt(const EarningsInput& in, std::vector<Seconds> at) const {
    std::sort(at.begin(), at.end());
    at.erase(std::unique(at.begin(), at.end()), at.end());
    const std::vector<Int128> mined = minedBefore(scenarioTo(in, end_), at);
    std::map<Seconds, Int128> out;
    for (std::size_t k = 0; k < at.size(); ++k) out[at[k]] = mined[k];
    return out;
  }

  // Every check's purchase as a request of the holder, its units set as the one simulation
  // reaches it (0 until then): one run for the whole plan.
  Decisions decideInOneRun(const std::vector<Seconds>& checks) const {
    Decisions d;
    if (checks.empty()) return d;
    EarningsInput in = in_;
    for (const Seconds t : checks) in.holder.purchases.push_back({t, 1, unitPrice_});
    PoolScenario s = scenarioTo(in, end_);
    s.sampleAt = checks;
    const std::size_t firstSlot = s.ids.size() - checks.size();  // the holder's come last
    PoolSimulation simulation(std::move(s));
    for (std::size_t j = 0; j < checks.size(); ++j) simulation.setUnits(firstSlot + j, 0);
    for (std::size_t j = 0; j < checks.size(); ++j) {
      while (simulation.samples().size() <= j) simulation.step(1);
      const Int128 mined = simulation.samples()[j].focusRewardWei;
      d.minedAtChecks.push_back(mined);
      if (d.buy(checks[j], affordableAt(mined, d)))
        simulation.setUnits(firstSlot + j, d.bought.back().units);
    }
    return d;
  }

  // The same choices, each check read from a run of the pool with the purchases before it:
  // one run for a window of checks until one buys (the purchase changes what comes after it);
  // a window that buys nothing doubles the next one.
  Decisions decideByReruns(const std::vector<Seconds>& checks) const {
    Decisions d;
    std::size_t k = 0, window = 1;
    while (k < checks.size()) {
      const std::size_t to = std::min(checks.size(), k + window);
      const std::vector<Seconds> at(checks.begin() + static_cast<std::ptrdiff_t>(k),
                                    checks.begin() + static_cast<std::ptrdiff_t>(to));
      const std::vector<Int128> mined = minedBefore(scenarioTo(with(d.bought), at.back()), at);
      bool bought = false;
      for (std::size_t j = 0; j < at.size() && !bought; ++j) {
        d.minedAtChecks.push_back(mined[j]);
        bought = d.buy(at[j], affordableAt(mined[j], d));
      }
      k = d.minedAtChecks.size();
      window = bought ? 1 : std::min<std::size_t>(window * 2, kMaxWindow);
    }
    return d;
  }

  // The plan's periods, from the holder's mined WFI at their bounds.
  void value(const EarningsInput& in, const std::map<Seconds, Int128>& mined,
             ReinvestPlan& out) const {
    const std::vector<Seconds> bounds = periodBounds(in);
    std::vector<HolderPurchase> byTime = in.holder.purchases;
    std::stable_sort(byTime.begin(), byTime.end(),
                     [](const HolderPurchase& a, const HolderPurchase& b) { return a.at < b.at; });
    std::size_t nextBought = 0, nextPurchase = 0;
    Int128 spent = 0;
    std::int64_t units = 0;
    for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
      ReinvestPeriod p{bounds[k], bounds[k + 1], {}, {}, {}, {}, {}};  // the figures follow
      const Int128 before = mined.at(p.start), after = mined.at(p.end);
      p.minedWfi = Decimal::fromRaw(after - before, "minedWfi");
      Int128 spentIn = 0;
      for (; nextBought < out.bought.size() && out.bought[nextBought].at < p.end; ++nextBought)
        spentIn += out.bought[nextBought].paidWfi.raw();
      spent += spentIn;
      p.spentWfi = Decimal::fromRaw(spentIn, "spentWfi");
      p.heldWfi = Decimal::fromRaw(after - spent, "heldWfi");
      p.heldUsd = p.heldWfi.times(in.tokenPrice, "heldUsd");
      for (; nextPurchase < byTime.size() && byTime[nextPurchase].at < p.end; ++nextPurchase)
        units += byTime[nextPurchase].units;
      p.units = units;
      out.periods.push_back(p);
    }
    const ReinvestPeriod& last = out.periods.back();
    out.minedWfi = Decimal::fromRaw(mined.at(bounds.back()), "minedWfi");
    out.spentWfi = Decimal::fromRaw(spent, "spentWfi");
    out.heldWfi = last.heldWfi;
    out.heldUsd = last.heldUsd;
    out.units = last.units;
  }

  const EarningsInput& in_;
  bool rerunsOnly_;
  Decimal unitPrice_;
  Seconds end_;
  Int128 minedAtNow_ = 0;
  std::int64_t maxUnits_;  // what a plan may buy in all
  const ReinvestProgress& progress_;
};

// The price new units cost: the input's, or the latest purchase's.
Decimal unitPriceOf(const ReinvestInput& in) {
  if (in.unitPrice) {
    requireSign(*in.unitPrice, "unitPrice", Sign::positive);
    return *in.unitPrice;
  }
  const std::vector<HolderPurchase>& purchases = in.earnings.holder.purchases;
  const auto latest = std::max_element(
      purchases.begin(), purchases.end(),
      [](const HolderPurchase& a, const HolderPurchase& b) { return a.at < b.at; });
  if (latest == purchases.end() || !(latest->unitPrice > Decimal()))
    throw InputError("unitPrice",
                     "must be given: reinvesting buys units at a price above 0, and the latest "
                     "purchase's is 0",
                     {"below-min", {{"min", "0"}}});
  return latest->unitPrice;
}

// The most units a plan may buy: the input's caps, the USD one at the unit price (whole units).
std::int64_t unitCap(const ReinvestInput& in, Decimal unitPrice) {
  std::int64_t cap = std::numeric_limits<std::int64_t>::max();
  if (in.maxUnits) {
    requireWhole(*in.maxUnits, "maxUnits", 0, std::numeric_limits<std::int64_t>::max());
    cap = *in.maxUnits;
  }
  if (in.maxSpentUsd) {
    requireSign(*in.maxSpentUsd, "maxSpentUsd", Sign::nonNegative);
    const BigInt units = in.maxSpentUsd->big() / unitPrice.big();
    if (units < BigInt(cap)) cap = static_cast<std::int64_t>(units);
  }
  return cap;
}

Reinvesting plans(const ReinvestInput& input, const ReinvestProgress& progress, bool rerunsOnly) {
  projectEarnings(input.earnings);  // checks the holder, the pool and the price
  if (input.until) requireWhole(*input.until, "until", 0, kMaxSeconds);
  Reinvesting out;
  out.unitPrice = unitPriceOf(input);
  std::vector<Cadence> cadences{Cadence::hold};
  for (std::size_t i = 0; i < input.cadences.size(); ++i) {
    const Cadence c = input.cadences[i];
    if (std::find(cadences.begin(), cadences.end(), c) != cadences.end())
      throw InputError(indexed("cadences", i),
                       std::string("is already compared (hold is always the first plan): ") +
                           quote(cadenceName(c)),
                       {"repeated", {{"got", cadenceName(c)}}});
    cadences.push_back(c);
  }
  Planner planner(input, out.unitPrice, unitCap(input, out.unitPrice), progress, rerunsOnly);
  const double share = 1.0 / static_cast<double>(cadences.size());
  std::size_t best = 0;
  for (std::size_t i = 0; i < cadences.size(); ++i) {
    out.plans.push_back(
        planner.plan(cadences[i], input.until, share * static_cast<double>(i), share));
    if (out.plans[i].heldWfi > out.plans[best].heldWfi) best = i;
  }
  out.best = cadences[best];
  return out;
}

}  // namespace

Reinvesting reinvest(const ReinvestInput& input, const ReinvestProgress& progress) {
  return plans(input, progress, false);
}

Reinvesting detail::reinvestByReruns(const ReinvestInput& input) {
  return plans(input, {}, true);
}

}  // namespace cbm
