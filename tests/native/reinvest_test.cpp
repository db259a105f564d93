// reinvest: a plan's purchases are the choices a holder makes at each check, redone here with
// projectEarnings and integer arithmetic; with a price of zero (or units nobody can afford)
// every plan is holding; the one-run planner gives what runs check by check give; the stop it
// finds holds at least as much as its neighbours and as reinvesting to the end.
#include "reinvest.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <tuple>

#include "input_error.hpp"
#include "rules.hpp"
#include "truncated.hpp"

namespace {

constexpr cbm::Seconds kDay = cbm::kSecondsPerDay;

cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}

// 1,000 units bought on 2026-04-01 (day 90) at $0.25, beside 2,000,001 units growing 3,333
// a day, WFI at $0.17, under the linear amortization's 8-year lifetime.
cbm::ReinvestInput holder() {
  cbm::ReinvestInput in;
  cbm::EarningsInput& e = in.earnings;
  e.rules = cbm::poolRules({});
  e.genesis = cbm::parseDay("2026-01-01", "genesis");
  e.holder.now = 90 * kDay;
  e.holder.purchases = {{90 * kDay, 1000, d("0.25")}};
  e.holder.pool = {2'000'001, 3'333, {}, {}};
  e.tokenPrice = d("0.17");
  e.period = cbm::Period::month;
  return in;
}

const cbm::ReinvestPlan& planOf(const cbm::Reinvesting& r, cbm::Cadence c) {
  for (const cbm::ReinvestPlan& p : r.plans)
    if (p.cadence == c) return p;
  FAIL("no plan " << cbm::cadenceName(c));
  return r.plans.front();
}

// What the holder has mined before midnight `at` (a day's start), read from projectEarnings'
// daily periods.
cbm::Int128 minedBefore(cbm::EarningsInput in, cbm::Seconds at) {
  in.period = cbm::Period::day;
  const cbm::Earnings e = cbm::projectEarnings(in);
  if (e.periods.front().start == at) return 0;
  for (const cbm::EarningsPeriod& p : e.periods)
    if (p.end == at) return p.cumulativeWfi.raw();
  FAIL("no period ends at " << at);
  return 0;
}

void checkSamePlan(const cbm::ReinvestPlan& a, const cbm::ReinvestPlan& b) {
  REQUIRE(a.bought.size() == b.bought.size());
  for (std::size_t i = 0; i < a.bought.size(); ++i) {
    CHECK(a.bought[i].at == b.bought[i].at);
    CHECK(a.bought[i].units == b.bought[i].units);
    CHECK(a.bought[i].paidWfi == b.bought[i].paidWfi);
  }
  REQUIRE(a.periods.size() == b.periods.size());
  for (std::size_t k = 0; k < a.periods.size(); ++k) {
    CHECK(a.periods[k].minedWfi == b.periods[k].minedWfi);
    CHECK(a.periods[k].heldWfi == b.periods[k].heldWfi);
    CHECK(a.periods[k].units == b.periods[k].units);
  }
  CHECK(a.heldWfi == b.heldWfi);
  CHECK(a.until == b.until);
}

}  // namespace

TEST_CASE("monthly reinvesting buys, at each month's start, the whole units the WFI mined pays") {
  cbm::ReinvestInput in = holder();
  in.cadences = {cbm::Cadence::month};
  in.until = 213 * kDay;  // the checks of 2026-05-01, 06-01, 07-01 and 08-01 (days 120 to 212)
  const cbm::Reinvesting r = cbm::reinvest(in);
  CHECK(r.unitPrice == d("0.25"));
  const cbm::ReinvestPlan& plan = planOf(r, cbm::Cadence::month);

  // Redone: at each check, units = floor(wfi x 0.17 / 0.25) = floor(wei x 17 / (25 x 10^18))
  // of the WFI mined since now and not spent, paid with ceil(units x 25 x 10^18 / 17) wei.
  cbm::EarningsInput e = in.earnings;
  const cbm::Int128 scale = cbm::Decimal::kScale;
  const cbm::Int128 atNow = minedBefore(e, 90 * kDay);
  cbm::Int128 spent = 0;
  std::size_t bought = 0;
  for (const cbm::Seconds check : {120 * kDay, 151 * kDay, 181 * kDay, 212 * kDay}) {
    const cbm::Int128 wfi = minedBefore(e, check) - atNow - spent;
    const auto units = static_cast<std::int64_t>(wfi * 17 / (25 * scale));
    if (units == 0) continue;
    const cbm::Int128 cost = (cbm::Int128(units) * 25 * scale + 16) / 17;
    REQUIRE(bought < plan.bought.size());
    CHECK(plan.bought[bought].at == check);
    CHECK(plan.bought[bought].units == units);
    CHECK(plan.bought[bought].paidWfi.raw() == cost);
    ++bought;
    spent += cost;
    e.holder.purchases.push_back({check, units, d("0.25")});
  }
  CHECK(bought == plan.bought.size());
  CHECK(bought >= 3);
  CHECK(plan.until == 212 * kDay + 1);

  // The periods are the projection of every purchase made, less what was spent.
  const cbm::Earnings projected = cbm::projectEarnings(e);
  REQUIRE(plan.periods.size() == projected.periods.size());
  cbm::Int128 spentSoFar = 0;
  for (std::size_t k = 0; k < plan.periods.size(); ++k) {
    const cbm::ReinvestPeriod& p = plan.periods[k];
    CHECK(p.start == projected.periods[k].start);
    CHECK(p.minedWfi == projected.periods[k].wfi);
    spentSoFar += p.spentWfi.raw();
    CHECK(p.heldWfi.raw() == projected.periods[k].cumulativeWfi.raw() - spentSoFar);
    CHECK(p.heldUsd == truncatedProduct(p.heldWfi, d("0.17")));
  }
  CHECK(spentSoFar == spent);
  CHECK(plan.spentWfi.raw() == spent);  // the plan's total: every purchase's price, redone
  CHECK(plan.minedWfi == projected.periods.back().cumulativeWfi);
  CHECK(plan.heldWfi.raw() == plan.minedWfi.raw() - spent);
  CHECK(plan.units == 1000 + [&] {
    std::int64_t n = 0;
    for (const cbm::Reinvested& b : plan.bought) n += b.units;
    return n;
  }());

  // Holding is the projection as it is.
  const cbm::ReinvestPlan& hold = r.plans.front();
  CHECK(hold.cadence == cbm::Cadence::hold);
  CHECK(hold.bought.empty());
  CHECK(hold.heldWfi == cbm::projectEarnings(in.earnings).totalWfi);
  CHECK(hold.units == 1000);
}

TEST_CASE("with a WFI price of zero, or units too dear to afford, every plan is holding") {
  for (const char* price : {"0", "1000000000"}) {
    cbm::ReinvestInput in = holder();
    if (std::string(price) == "0")
      in.earnings.tokenPrice = d("0");
    else
      in.unitPrice = d(price);
    const cbm::Reinvesting r = cbm::reinvest(in);
    REQUIRE(r.plans.size() == 4);
    CHECK(r.best == cbm::Cadence::hold);
    for (const cbm::ReinvestPlan& p : r.plans) {
      CHECK(p.bought.empty());
      CHECK(p.spentWfi == cbm::Decimal());
      CHECK(p.heldWfi == r.plans.front().heldWfi);
      CHECK(p.units == 1000);
    }
  }
}

TEST_CASE("the one run with a request at each check gives what runs check by check give") {
  // Weekly and daily plans to a fixed stop, then a pool where the requests at a check crowd a
  // queue of one activation a second: the pool, a referral line and the check's request all
  // at midnight, and purchases of the holder's a second later, which an empty request ahead
  // of them would delay.
  cbm::ReinvestInput in = holder();
  in.until = 400 * kDay;
  checkSamePlan(planOf(cbm::reinvest(in), cbm::Cadence::week),
                planOf(cbm::detail::reinvestByReruns(in), cbm::Cadence::week));
  in.cadences = {cbm::Cadence::unit};
  checkSamePlan(planOf(cbm::reinvest(in), cbm::Cadence::unit),
                planOf(cbm::detail::reinvestByReruns(in), cbm::Cadence::unit));

  cbm::ReinvestInput crowded = holder();
  crowded.earnings.holder.lines = {{50'000, 100, {}, {}}};
  for (cbm::Seconds day = 91; day < 100; ++day)
    crowded.earnings.holder.purchases.push_back({day * kDay + 1, 10, d("0.25")});
  crowded.unitPrice = d("100");  // a unit every few days: most checks buy nothing
  crowded.cadences = {cbm::Cadence::unit};
  crowded.until = 120 * kDay;
  const cbm::Reinvesting fast = cbm::reinvest(crowded);
  const cbm::Reinvesting reference = cbm::detail::reinvestByReruns(crowded);
  checkSamePlan(planOf(fast, cbm::Cadence::unit), planOf(reference, cbm::Cadence::unit));
  CHECK(!planOf(fast, cbm::Cadence::unit).bought.empty());
}

TEST_CASE("the stop found holds at least as much as stopping a check earlier or later") {
  cbm::ReinvestInput in = holder();
  in.cadences = {cbm::Cadence::month};
  const cbm::Reinvesting r = cbm::reinvest(in);
  const cbm::ReinvestPlan& best = planOf(r, cbm::Cadence::month);
  REQUIRE(best.until);
  CHECK(r.best == cbm::Cadence::month);
  CHECK(best.heldWfi > r.plans.front().heldWfi);

  // Given back as until, the stop gives the same plan.
  in.until = best.until;
  checkSamePlan(planOf(cbm::reinvest(in), cbm::Cadence::month), best);
  const auto heldUntil = [&](cbm::Seconds until) {
    in.until = until;
    return planOf(cbm::reinvest(in), cbm::Cadence::month).heldWfi;
  };
  const cbm::Seconds month = 30 * kDay;
  CHECK(heldUntil(*best.until - month) <= best.heldWfi);
  CHECK(heldUntil(*best.until + month + 3 * kDay) <= best.heldWfi);
  CHECK(heldUntil(cbm::kMaxSeconds) < best.heldWfi);  // reinvesting to the end spends too much
}

TEST_CASE("a cap on the units or the USD a plan spends: it buys up to it, then holds") {
  cbm::ReinvestInput in = holder();
  in.cadences = {cbm::Cadence::month};
  in.until = 213 * kDay;
  const cbm::ReinvestPlan free = planOf(cbm::reinvest(in), cbm::Cadence::month);
  REQUIRE(free.bought.size() >= 2);
  const std::int64_t first = free.bought[0].units;
  REQUIRE(free.bought[1].units > 1);

  // At most first + 1 units: the first check buys as before, the second one unit, then none.
  in.maxUnits = first + 1;
  const cbm::ReinvestPlan capped = planOf(cbm::reinvest(in), cbm::Cadence::month);
  REQUIRE(capped.bought.size() == 2);
  CHECK(capped.bought[0].units == first);
  CHECK(capped.bought[0].paidWfi == free.bought[0].paidWfi);
  CHECK(capped.bought[1].at == free.bought[1].at);
  CHECK(capped.bought[1].units == 1);
  // One unit at $0.25 paid in WFI at $0.17: ceil(0.25 / 0.17 x 10^18) wei.
  CHECK(capped.bought[1].paidWfi.raw() == (cbm::Int128(25) * cbm::Decimal::kScale + 16) / 17);
  CHECK(capped.units == 1000 + first + 1);
  // It reinvests until the purchase that reaches the cap, then holds.
  CHECK(capped.until == capped.bought[1].at + 1);

  // The same cap in USD: (first + 1) units at $0.25, and less than a unit more.
  in.maxUnits.reset();
  in.maxSpentUsd =
      cbm::Decimal::fromInteger(first + 1).times(d("0.25"), "test").plus(d("0.2"), "t");
  const cbm::ReinvestPlan usd = planOf(cbm::reinvest(in), cbm::Cadence::month);
  checkSamePlan(usd, capped);

  // Both: the tighter one. None at all: holding.
  in.maxUnits = first;
  CHECK(planOf(cbm::reinvest(in), cbm::Cadence::month).units == 1000 + first);
  in.maxUnits = 0;
  const cbm::Reinvesting none = cbm::reinvest(in);
  CHECK(planOf(none, cbm::Cadence::month).bought.empty());
  CHECK(planOf(none, cbm::Cadence::month).heldWfi == none.plans.front().heldWfi);

  in = holder();
  in.maxUnits = -1;
  CHECK_THROWS_WITH_AS(cbm::reinvest(in), doctest::Contains("maxUnits"), cbm::InputError);
  in = holder();
  in.maxSpentUsd = d("-1");
  CHECK_THROWS_WITH_AS(cbm::reinvest(in), doctest::Contains("maxSpentUsd"), cbm::InputError);
}

TEST_CASE("reinvesting names its bad inputs") {
  cbm::ReinvestInput in = holder();
  in.unitPrice = d("0");
  CHECK_THROWS_WITH_AS(cbm::reinvest(in), doctest::Contains("unitPrice"), cbm::InputError);
  in = holder();
  in.earnings.holder.purchases[0].unitPrice = d("0");
  CHECK_THROWS_WITH_AS(cbm::reinvest(in), doctest::Contains("unitPrice: must be given"),
                       cbm::InputError);
  in = holder();
  in.cadences = {cbm::Cadence::week, cbm::Cadence::week};
  CHECK_THROWS_WITH_AS(cbm::reinvest(in), doctest::Contains("cadences[1]"), cbm::InputError);
  in = holder();
  in.cadences = {cbm::Cadence::hold};
  CHECK_THROWS_WITH_AS(cbm::reinvest(in), doctest::Contains("cadences[0]"), cbm::InputError);
  in = holder();
  in.until = -1;
  CHECK_THROWS_WITH_AS(cbm::reinvest(in), doctest::Contains("until"), cbm::InputError);
  in = holder();
  in.earnings.tokenPrice = d("-1");
  CHECK_THROWS_WITH_AS(cbm::reinvest(in), doctest::Contains("tokenPrice"), cbm::InputError);
}

TEST_CASE(
    "units set as the run goes: the run is the pool with those units; a request the queue never "
    "serves is left be") {
  // One activation a second: of two requests in the last second, the second is never served.
  const auto scenario = [](std::int64_t units) {
    cbm::PoolScenario s;
    s.rules = cbm::poolRules({});
    s.horizon = 1000;
    s.sampleAt = {500};
    for (const auto& [id, u, at] : {std::tuple{"a", std::int64_t{10}, 0},
                                    {"b", units, 400},
                                    {"c", std::int64_t{5}, 999},
                                    {"d", std::int64_t{5}, 999}}) {
      s.ids.push(id);
      s.units.values.push_back(static_cast<double>(u));
      s.requestedAt.values.push_back(static_cast<double>(at));
    }
    return s;
  };
  cbm::PoolSimulation simulation(scenario(1));
  simulation.setUnits(3, 7);  // "d": not served by the horizon, nothing to change
  while (simulation.samples().empty()) simulation.step(1);
  CHECK_THROWS_AS(simulation.setUnits(1, 3), std::logic_error);  // "b" mines since 401
  simulation.setUnits(2, 9);                                     // "c" starts at 1000: not yet
  while (!simulation.step(1 << 10)) {
  }
  const cbm::PoolResult changed = simulation.takeResult();
  cbm::PoolScenario by = scenario(1);
  by.units.values[2] = 9;
  const cbm::PoolResult reference = cbm::simulatePool(std::move(by));
  CHECK(changed.rewardWei == reference.rewardWei);
  CHECK(changed.activatedAt == reference.activatedAt);
  CHECK(changed.activatedAt[3] == -1);
}

TEST_CASE("units set as the run goes mine with those units from their start") {
  const auto scenario = [](std::int64_t units) {
    cbm::PoolScenario s;
    s.rules = cbm::poolRules({});
    s.horizon = 1000;
    s.sampleAt = {500};
    for (const auto& [id, u, at] : {std::tuple{"a", std::int64_t{10}, 0}, {"b", units, 600}}) {
      s.ids.push(id);
      s.units.values.push_back(static_cast<double>(u));
      s.requestedAt.values.push_back(static_cast<double>(at));
    }
    return s;
  };
  cbm::PoolSimulation simulation(scenario(1));
  while (simulation.samples().empty()) simulation.step(1);
  simulation.setUnits(1, 9);  // "b" mines from 601: 9 units beside a's 10
  while (!simulation.step(1 << 10)) {
  }
  const cbm::PoolResult changed = simulation.takeResult();
  const cbm::PoolResult reference = cbm::simulatePool(scenario(9));
  CHECK(changed.rewardWei == reference.rewardWei);
  CHECK(changed.rewardWei[1] > 0);
  REQUIRE(changed.owners.size() == 2);
  CHECK(changed.owners[1].units == 9);
  CHECK(changed.owners[1].rewardWei == reference.owners[1].rewardWei);
}
