#include "buydate.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "amortization.hpp"
#include "emission.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "pool.hpp"
#include "valuation.hpp"

namespace cbm {

namespace {

void checkInput(const BuyDateInput& in) {
  requireSign(in.budgetUsd, "budgetUsd", Sign::positive);
  requireSign(in.unitPrice, "unitPrice", Sign::positive);
  requireSign(in.tokenPrice, "tokenPrice", Sign::nonNegative);
  for (const auto& [growth, field] :
       {std::pair{in.unitPriceGrowthPercent, "unitPriceGrowthPercent"},
        std::pair{in.tokenPriceGrowthPercent, "tokenPriceGrowthPercent"}})
    if (!validGrowth(growth))
      throw InputError(field, "must be a monthly growth above -100% and at most 1000%");
}

// The whole units `budget` buys at `price` (> 0).
std::int64_t unitsFor(Decimal budget, Decimal price, Seconds at) {
  const Int128 units = budget.raw() / price.raw();
  if (units > kMaxUnitsPerActivation)
    throw InputError("budgetUsd", "buys more than " + std::to_string(kMaxUnitsPerActivation) +
                                      " units at the unit price of second " + std::to_string(at) +
                                      " (" + price.str() + " USD)");
  return static_cast<std::int64_t>(units);
}

// The others' queue, from their run: when a request of the holder's made at `at` is served,
// and whether it would delay someone's (a later request served while it waits, or in its
// second with no room left). The holder's request comes after every other made by then (in
// the holder's scenario its requests are the last of their second).
class Queue {
 public:
  Queue(const std::vector<double>& requestedAt, const PoolResult& run, int perSecond)
      : perSecond_(perSecond) {
    for (std::size_t i = 0; i < run.activatedAt.size(); ++i)
      if (run.activatedAt[i] >= 0)
        served_.push_back({run.activatedAt[i], static_cast<Seconds>(requestedAt[i])});
    std::sort(served_.begin(), served_.end());
  }

  struct Turn {
    Seconds activatedAt;
    bool delaysAnother;
  };
  Turn serve(Seconds at) const {
    auto it = std::lower_bound(served_.begin(), served_.end(), Served{at, -1});
    Seconds second = at;
    bool delays = false;
    for (;; ++second) {
      int here = 0;
      bool later = false;  // a request made after the holder's, served in this second
      for (; it != served_.end() && it->activatedAt == second; ++it, ++here)
        later = later || it->requestedAt > at;
      if (here < perSecond_) return {second, delays};
      delays = delays || later;  // a full second: the holder would take a later one's room
    }
  }

 private:
  struct Served {
    Seconds activatedAt, requestedAt;
    bool operator<(const Served& o) const {
      return activatedAt != o.activatedAt ? activatedAt < o.activatedAt
                                          : requestedAt < o.requestedAt;
    }
  };
  std::vector<Served> served_;
  int perSecond_;
};

// What `units` mining from `start` earn to the end beside the run's pool: over each segment,
// the model's sums with the units added to the pool's, and their share of them.
Int128 besidePool(const AmortizationModel& model, const PoolRules& rules,
                  const std::vector<PoolSegment>& segments, std::int64_t units, Seconds start) {
  const Int128 k = model.lifetimeEnd(start);
  const Holdings own{units, Int128(units) * k, {}};
  const Seconds retired = rules.lifetime ? start + *rules.lifetime : kMaxSeconds;
  DoubleDouble earned;
  auto it = std::upper_bound(segments.begin(), segments.end(), start,
                             [](Seconds s, const PoolSegment& seg) { return s < seg.t1; });
  for (; it != segments.end() && it->t0 < retired; ++it) {
    const Seconds t0 = std::max(it->t0, start), t1 = std::min(it->t1, retired);
    const Holdings pool{it->units + units, it->unitsTimesEnd + own.unitsTimesEnd, {}};
    earned = earned + model.earnedOf(own, model.segment(pool, detail::wfi(it->rateWei), t0, t1));
  }
  return detail::truncatedWei(earned);
}

// The same from a run of the holder's scenario with that one purchase.
Int128 ownRun(const BuyDateInput& in, std::int64_t units, Seconds at) {
  HolderPool holder = in.pool;
  holder.purchases = {{at, units, Decimal()}};
  return simulatePool(holderScenario(in.rules, holder).scenario).rewardWei.back();
}

}  // namespace

BuyDates buyDates(const BuyDateInput& in, const BuyDatesProgress& progress) {
  checkInput(in);
  const Seconds now = in.pool.now;
  HolderScenario others = othersScenario(in.rules, in.pool);
  others.scenario.recordSegments = true;
  others.scenario.sampleAt = {others.horizon};  // no series: only the segments are read
  const std::vector<double> requestedAt =
      others.scenario.requestedAt.values;  // the run takes the rest
  const PoolResult run = simulatePool(std::move(others.scenario));
  const Queue queue(requestedAt, run, in.rules.activationsPerSecond);
  const std::unique_ptr<AmortizationModel> model = amortizationModel(in.rules);
  const bool segmentsServe = in.rules.amortization != Amortization::exponential;

  BuyDates out;
  const EmissionSchedule schedule(in.rules.emission);
  out.emissionEnd = schedule.endsAt();
  for (const auto& piece : schedule.pieces())
    if (piece.end > now && piece.end < out.emissionEnd) out.halvings.push_back(piece.end);
  out.endTokenPrice =
      modelledPrice(in.tokenPrice, in.tokenPriceGrowthPercent, out.emissionEnd - now);

  const Seconds days = (out.emissionEnd - now + kSecondsPerDay - 1) / kSecondsPerDay;
  for (Seconds d = 0; d < days; ++d) {
    BuyDay day;
    day.at = now + d * kSecondsPerDay;
    day.unitPrice = modelledPrice(in.unitPrice, in.unitPriceGrowthPercent, day.at - now);
    day.units = unitsFor(in.budgetUsd, day.unitPrice, day.at);
    if (day.units > 0) {
      const Queue::Turn turn = queue.serve(day.at);
      Int128 wei = 0;
      if (turn.activatedAt + 1 < out.emissionEnd) {
        day.miningStart = turn.activatedAt + 1;
        day.ownRun = turn.delaysAnother || !segmentsServe;
        wei = day.ownRun ? ownRun(in, day.units, day.at)
                         : besidePool(*model, in.rules, run.segments, day.units, day.miningStart);
      }
      day.wfi = Decimal::fromRaw(wei, "wfi");
      day.usd = day.wfi.times(out.endTokenPrice, "usd");
    }
    if (out.days.empty() || day.wfi > out.days[out.best].wfi) out.best = out.days.size();
    out.days.push_back(day);
    if (progress) progress(static_cast<double>(d + 1) / static_cast<double>(days));
  }
  return out;
}

}  // namespace cbm
