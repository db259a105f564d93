// What a value of each type of the core holds before a caller sets anything: an input's defaults
// are the SPEC's (section numbers beside them), a result's say "nothing yet" the way its header
// documents (-1: never, 0: none). A default changed in a header fails here, not only where a
// test happens to lean on it.
#include <doctest/doctest.h>

#include "amortization.hpp"
#include "bands.hpp"
#include "buydate.hpp"
#include "compare.hpp"
#include "emission.hpp"
#include "explain.hpp"
#include "input_error.hpp"
#include "points.hpp"
#include "pool.hpp"
#include "projection.hpp"
#include "referral.hpp"
#include "reinvest.hpp"
#include "rules.hpp"
#include "session.hpp"
#include "supply.hpp"
#include "valuation.hpp"

namespace {
constexpr cbm::Seconds kDay = 86'400;
}

TEST_CASE("the inputs' defaults are the SPEC's") {
  // SPEC 3: linear amortization over 8 years; the exponential model's half-life of 2 years; one
  // activation a second.
  const cbm::PoolRules pool;
  CHECK((pool.amortization == cbm::Amortization::linear));
  CHECK(pool.lifetime == 8 * 365 * kDay);
  CHECK(pool.halfLife == 2 * 365 * kDay);
  CHECK(pool.activationsPerSecond == 1);
  // SPEC 1: the deployed contract's four stages of 57,471,264 s at 8, 4, 2, 1 WFI a second.
  REQUIRE(pool.emission.schedule.size() == 4);
  CHECK(pool.emission.schedule[0].duration == 57'471'264);
  CHECK(pool.emission.schedule[3].rate.str() == "1");
  // SPEC 1: the referral and staking pool, 127,931,034 WFI over 730 days.
  const cbm::VestingRules vesting;
  CHECK(vesting.total.str() == "127931034");
  CHECK(vesting.duration == 730 * kDay);
  // SPEC 7b: paid weekly, locked a year.
  const cbm::ReferralRules referral;
  CHECK(referral.payEvery == 7 * kDay);
  CHECK(referral.lockFor == 365 * kDay);
  // SPEC 7: 100 x (1 - exp(-0.0001 t)) x weight, t up to a day, a day between starts, cap 5.
  const cbm::PointsRules points;
  CHECK(points.base.str() == "100");
  CHECK(points.decayRate.str() == "0.0001");
  CHECK(points.maxSessionSeconds == kDay);
  CHECK(points.cooldownSeconds == kDay);
  CHECK(points.weightCap.str() == "5");
  // A day's projection from day 0, a full session and a check-in every day, no invites.
  const cbm::ProjectionInput projection;
  CHECK(projection.from == 0);
  CHECK(projection.days == 1);
  CHECK(projection.invites == 0);
  CHECK(projection.sessionSeconds == kDay);
  for (int day = 0; day < 7; ++day) {
    CHECK(projection.checkinWeekdays[day]);
    CHECK(projection.sessionWeekdays[day]);
  }
  const cbm::WeightInput weight;
  CHECK(weight.streakDays == 0);
  CHECK(weight.invites == 0);
  // A holder's projection: now at genesis, by month, no series, with the breakeven search.
  const cbm::EarningsInput earnings;
  CHECK(earnings.genesis == 0);
  CHECK(earnings.holder.now == 0);
  CHECK((earnings.period == cbm::Period::month));
  CHECK(earnings.sampleEvery == 0);
  CHECK(earnings.breakeven);
  CHECK_FALSE(earnings.from.has_value());
  const cbm::GrowingUnits growing;
  CHECK(growing.units == 0);
  CHECK(growing.growthPerDay == 0);
  CHECK(growing.growthPercentPerMonth.isZero());
  CHECK_FALSE(growing.ceiling.has_value());
  // A pool run's scenario: no horizon yet (simulatePool refuses 0), no segments kept.
  const cbm::PoolScenario scenario;
  CHECK(scenario.horizon == 0);
  CHECK_FALSE(scenario.recordSegments);
  CHECK_FALSE(scenario.sampleEvery.has_value());
  // Flat price paths unless asked; the reinvest plans week, month and unit after holding.
  const cbm::BuyDateInput buy;
  CHECK(buy.unitPriceGrowthPercent == 0);
  CHECK(buy.tokenPriceGrowthPercent == 0);
  const cbm::ReinvestInput reinvest;
  CHECK((reinvest.cadences ==
         std::vector<cbm::Cadence>{cbm::Cadence::week, cbm::Cadence::month, cbm::Cadence::unit}));
  CHECK_FALSE(reinvest.until.has_value());
  CHECK_FALSE(reinvest.maxUnits.has_value());
  // The range of outcomes (web/README.md): 1,000 runs of seed 0, a flat price, the pool's guess.
  const cbm::BandsInput bands;
  CHECK(bands.runs == 1000);
  CHECK(bands.seed == 0);
  CHECK(bands.poolSpread.isZero());
  CHECK(bands.price.drift.isZero());
  CHECK(bands.price.volatility.isZero());
  const cbm::PoolTotals totals;
  CHECK(totals.horizon == 1);
  CHECK(totals.requests == 0);
  CHECK(totals.accepted == 0);
  CHECK(totals.rejected == 0);
  CHECK(totals.maxWait == 0);
  // Valued from today = 0 (the origin of the samples' clock), without rows unless asked.
  const cbm::ValuationInput valuation;
  CHECK(valuation.today == 0);
  CHECK_FALSE(valuation.rows);
  // SPEC 6: the Energy price rises 0.10 USD for every full 1,000,000 USD burned.
  const cbm::EnergyPriceInput energy;
  CHECK(energy.step.str() == "0.1");
  CHECK(energy.per.str() == "1000000");
  const cbm::PointsAccount account;
  CHECK(account.revision == 0);
  CHECK(account.totalPoints.isZero());
  CHECK_FALSE(account.activeSince.has_value());
  const cbm::PoolCalibration calibration;
  CHECK(calibration.now == 0);
  const cbm::Problem problem;
  CHECK(problem.kind == "invalid");
}

TEST_CASE("a result before anything is computed says nothing happened") {
  const cbm::PoolResult pool{};
  CHECK(pool.emittedWei == 0);
  CHECK(pool.distributedWei == 0);
  CHECK(pool.unallocatedWei == 0);
  CHECK(pool.dustWei == 0);
  const cbm::Holdings holdings;  // no miners: no units, no weight
  CHECK(holdings.units == 0);
  CHECK(holdings.unitsTimesEnd == 0);
  CHECK(holdings.weight.hi == 0);
  const cbm::PoolResult::Queue queue;
  CHECK(queue.served == 0);
  CHECK(queue.maxWait == 0);
  CHECK(queue.meanWait == 0);
  CHECK(queue.lastActivatedAt == -1);  // none served
  const cbm::PoolResult::Owner owner{};
  CHECK(owner.share == 0);
  const cbm::PurchaseOutcome purchase;
  CHECK(purchase.activatedAt == -1);  // still queued
  CHECK(purchase.miningStart == -1);
  CHECK(purchase.waitSeconds == -1);
  CHECK(purchase.rewardWei == 0);
  const cbm::NowTerms terms;
  CHECK(terms.at == 0);
  CHECK(terms.rateWei == 0);
  const cbm::PoolSample sample{};
  CHECK(sample.focusRewardWei == 0);
  CHECK(sample.focusRateWei == 0);
  const cbm::HolderScenario holder;
  CHECK(holder.start == 0);
  CHECK(holder.horizon == 0);
  const cbm::PathValuation path;
  CHECK(path.monthlyGrowthPercent == 0);
  CHECK_FALSE(path.breakeven.has_value());
  const cbm::SessionStatus status;  // not running, a start allowed at once
  CHECK_FALSE(status.active);
  CHECK(status.nextStartAt == 0);
  CHECK(status.secondsToNextStart == 0);
  const cbm::BuyDay day;
  CHECK(day.at == 0);
  CHECK(day.units == 0);         // buys none
  CHECK(day.miningStart == -1);  // never mines
  CHECK_FALSE(day.ownRun);
  const cbm::BuyDates days;
  CHECK(days.best == 0);
  CHECK(days.emissionEnd == 0);
  const cbm::ReinvestPlan plan{};
  CHECK(plan.units == 0);
  const cbm::Reinvesting plans;
  CHECK((plans.best == cbm::Cadence::hold));
  const cbm::ScenarioFigures figures;
  CHECK(figures.from == 0);
  CHECK_FALSE(figures.breakevenAt.has_value());
}
