#include "sensitivity.hpp"

#include <algorithm>
#include <functional>

#include "input_error.hpp"

namespace cbm {

namespace {

SwingOutcome outcomeOf(const EarningsInput& in) {
  const Earnings e = projectEarnings(in);
  return {e.firstYearWfi, e.firstYearUsd, e.breakevenAt};
}

// x x factor to the nearest whole number (halves up), for counts.
std::int64_t roundedTimes(std::int64_t x, Decimal factor) {
  const Decimal moved = Decimal::fromInteger(x).times(factor, "step");
  return static_cast<std::int64_t>((moved.raw() + Decimal::kScale / 2) / Decimal::kScale);
}

Decimal absoluteDifference(Decimal a, Decimal b) {
  return a > b ? a.minus(b, "swing") : b.minus(a, "swing");
}

// One assumption: its value in an input, and the input with it moved by a factor.
struct Assumption {
  const char* name;
  std::function<Decimal(const EarningsInput&)> value;
  std::function<void(EarningsInput&, Decimal factor)> move;
};

}  // namespace

SensitivityResult sensitivity(const EarningsInput& in, Decimal step) {
  if (!(step > Decimal()) || !(step < Decimal::fromInteger(1)))
    throw InputError("step",
                     "must be above 0 and below 1 (0.2: 20% down and up), got " + step.str(),
                     {"not-in-range", {{"min", "0"}, {"max", "1"}, {"got", step.str()}}});
  SensitivityResult out;
  out.base = outcomeOf(in);  // also checks the input

  const GrowingUnits& pool = in.holder.pool;
  std::vector<Assumption> assumptions = {
      {"tokenPrice", [](const EarningsInput& e) { return e.tokenPrice; },
       [](EarningsInput& e, Decimal f) { e.tokenPrice = e.tokenPrice.times(f, "tokenPrice"); }},
      {"poolUnits",
       [](const EarningsInput& e) { return Decimal::fromInteger(e.holder.pool.units); },
       [](EarningsInput& e, Decimal f) {
         e.holder.pool.units = roundedTimes(e.holder.pool.units, f);
       }},
      {"unitPrice", [](const EarningsInput& e) { return e.holder.purchases.front().unitPrice; },
       [](EarningsInput& e, Decimal f) {
         for (HolderPurchase& p : e.holder.purchases)
           p.unitPrice = p.unitPrice.times(f, "unitPrice");
       }},
  };
  if (pool.growthPerDay > 0)
    assumptions.push_back(
        {"poolGrowth",
         [](const EarningsInput& e) { return Decimal::fromInteger(e.holder.pool.growthPerDay); },
         [](EarningsInput& e, Decimal f) {
           e.holder.pool.growthPerDay = roundedTimes(e.holder.pool.growthPerDay, f);
         }});
  else if (!pool.growthPercentPerMonth.isZero())
    assumptions.push_back(
        {"poolGrowth", [](const EarningsInput& e) { return e.holder.pool.growthPercentPerMonth; },
         [](EarningsInput& e, Decimal f) {
           e.holder.pool.growthPercentPerMonth =
               e.holder.pool.growthPercentPerMonth.times(f, "pool.growthPercentPerMonth");
         }});
  if (in.rules.lifetime)
    assumptions.push_back(
        {"lifetime", [](const EarningsInput& e) { return Decimal::fromInteger(*e.rules.lifetime); },
         [](EarningsInput& e, Decimal f) {
           e.rules.lifetime = std::max<Seconds>(1, roundedTimes(*e.rules.lifetime, f));
         }});

  const Decimal one = Decimal::fromInteger(1);
  const Decimal down = one.minus(step, "step"), up = one.plus(step, "step");
  for (const Assumption& a : assumptions) {
    EarningsInput low = in, high = in;
    a.move(low, down);
    a.move(high, up);
    out.swings.push_back(
        {a.name, a.value(in), a.value(low), a.value(high), outcomeOf(low), outcomeOf(high)});
  }
  // Largest first; a tie keeps the order above.
  std::stable_sort(out.swings.begin(), out.swings.end(), [](const Swing& a, const Swing& b) {
    return absoluteDifference(a.atHigh.yearUsd, a.atLow.yearUsd) >
           absoluteDifference(b.atHigh.yearUsd, b.atLow.yearUsd);
  });
  return out;
}

}  // namespace cbm
