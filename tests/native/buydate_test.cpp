// "Buy now or later?" (buydate.hpp): each purchase day's figure held against the brute-force
// reference (every second, 50 digits) with that purchase in the pool, on an emission short
// enough to walk; and against the engine's own run with the purchase, on the contract's
// schedule, at a budget of a few units' share and at one far larger than the pool.
#include "buydate.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "input_error.hpp"
#include "pool.hpp"
#include "pool_reference.hpp"
#include "truncated.hpp"

namespace {

cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}

constexpr cbm::Seconds kDay = 86'400;
const cbm::Int128 kWfi = cbm::Decimal::kScale;

// Three days of emission (8 WFI/s for two, then 4) and units that decay over four: a pool of
// 5,000 units an hour in, 500 more a day.
cbm::BuyDateInput shortInput(const char* budget) {
  cbm::PoolRuleChoices choices;
  choices.schedule = cbm::Schedule{{d("8"), 2 * kDay}, {d("4"), kDay}};
  choices.lifetime = std::optional<cbm::Seconds>(4 * kDay);
  cbm::BuyDateInput in;
  in.rules = cbm::poolRules(choices);
  in.pool.now = 3600;
  in.pool.pool.units = 5000;
  in.pool.pool.growthPerDay = 500;
  in.budgetUsd = d(budget);
  in.unitPrice = d("0.25");
  in.tokenPrice = d("0.17");
  return in;
}

// The same pool and purchase for the reference: the others' requests, then the purchase.
reference::Float50 referenceReward(const cbm::BuyDateInput& in, const cbm::BuyDay& day) {
  reference::Rules ref;
  ref.schedule = {{8 * kWfi, 2 * kDay}, {4 * kWfi, kDay}};
  ref.lifetime = 4 * kDay;
  const cbm::PoolScenario others = cbm::othersScenario(in.rules, in.pool).scenario;
  std::vector<reference::Request> requests;
  for (std::size_t i = 0; i < others.ids.size(); ++i)
    requests.push_back({std::string(others.ids.at(i)), std::string(others.owners.at(i)),
                        static_cast<long long>(others.units.values[i]),
                        static_cast<long long>(others.requestedAt.values[i])});
  requests.push_back({"you-0", "you", day.units, day.at});
  const reference::Result exact = reference::simulate(ref, 3 * kDay, requests, 3 * kDay, "you");
  CHECK(exact.activatedAt.back() + 1 == day.miningStart);
  return exact.rewardWei.back();
}

// The engine's run of the holder's scenario with that one purchase.
cbm::Int128 runWith(const cbm::BuyDateInput& in, const cbm::BuyDay& day) {
  cbm::HolderPool holder = in.pool;
  holder.purchases = {{day.at, day.units, day.unitPrice}};
  return cbm::simulatePool(cbm::holderScenario(in.rules, holder).scenario).rewardWei.back();
}

}  // namespace

TEST_CASE("each day's figure is the reference's reward for that purchase, small or huge") {
  for (const char* budget : {"250", "2500000000"}) {  // 1,000 units; 10^10, 2 x 10^6 the pool
    INFO("budget " << budget);
    const cbm::BuyDateInput in = shortInput(budget);
    const cbm::BuyDates dates = cbm::buyDates(in);
    REQUIRE(dates.days.size() == 3);  // now, a day on, two days on: the third day ends it
    for (const cbm::BuyDay& day : dates.days) {
      INFO("day at " << day.at);
      CHECK(day.at == 3600 + static_cast<cbm::Seconds>(&day - dates.days.data()) * kDay);
      CHECK(day.units == (std::string(budget) == "250" ? 1000 : 10'000'000'000));
      CHECK_FALSE(day.ownRun);
      checkTruncated(day.wfi.raw(), referenceReward(in, day), "wfi");
      CHECK(day.usd == truncatedProduct(day.wfi, d("0.17")));
    }
    CHECK(dates.best == 0);  // the same units, and the pool and the decay only take away
    CHECK(dates.halvings == std::vector<cbm::Seconds>{2 * kDay});
    CHECK(dates.emissionEnd == 3 * kDay);
  }
}

// Stage 2 of the contract's schedule (4 WFI a second), the pool of seed 003's block reward
// growing 2% a month, $1,000 at $0.25 a unit.
cbm::BuyDateInput contractInput(double unitPriceGrowth) {
  cbm::BuyDateInput in;
  in.rules = cbm::poolRules({});
  in.pool.now = 60'000'000;  // stage 2: 4 WFI a second
  in.pool.pool.units = 40'799'674;
  in.pool.pool.growthPercentPerMonth = d("2");
  in.budgetUsd = d("1000");
  in.unitPrice = d("0.25");
  in.unitPriceGrowthPercent = unitPriceGrowth;
  in.tokenPrice = d("0.17");
  in.tokenPriceGrowthPercent = 1;
  return in;
}

TEST_CASE("on the contract's schedule each day is the engine's run with that purchase") {
  const cbm::BuyDateInput in = contractInput(3);
  const cbm::BuyDates dates = cbm::buyDates(in);
  const cbm::Seconds end = 4 * cbm::Seconds{57'471'264} + 6;  // the last stage 6 s longer
  CHECK(dates.emissionEnd == end);
  CHECK(dates.halvings == std::vector<cbm::Seconds>{2 * 57'471'264, 3 * 57'471'264});
  REQUIRE(dates.days.size() == static_cast<std::size_t>((end - in.pool.now + kDay - 1) / kDay));
  CHECK(dates.days[0].units == 4000);
  CHECK(dates.days[0].unitPrice == d("0.25"));
  for (const std::size_t k : {std::size_t{0}, std::size_t{1}, std::size_t{100}, std::size_t{700},
                              dates.days.size() - 1}) {
    const cbm::BuyDay& day = dates.days[k];
    INFO("day " << k);
    CHECK(day.units == static_cast<std::int64_t>(in.budgetUsd.raw() / day.unitPrice.raw()));
    const cbm::Int128 run = runWith(in, day);
    CHECK(day.wfi.raw() - run <= 1);
    CHECK(run - day.wfi.raw() <= 1);
    CHECK(day.usd == truncatedProduct(day.wfi, dates.endTokenPrice));
  }
  CHECK(dates.best == 0);  // a rising unit price and a falling emission: now is best
  for (std::size_t k = 1; k < dates.days.size(); ++k) CHECK(dates.days[k].wfi <= dates.days[0].wfi);
}

TEST_CASE("a unit price falling fast enough makes a later day the best") {
  const cbm::BuyDateInput in = contractInput(-20);  // the budget buys 25% more units a month on
  const cbm::BuyDates dates = cbm::buyDates(in);
  CHECK(dates.days[30].units > dates.days[0].units);
  CHECK(dates.best > 30);
  for (const cbm::BuyDay& day : dates.days) CHECK(day.wfi <= dates.days[dates.best].wfi);
  CHECK(dates.days[dates.best].wfi.raw() == runWith(in, dates.days[dates.best]));
}

TEST_CASE("under the exponential model each day has a run of its own, and the same figure") {
  cbm::BuyDateInput in = shortInput("250");
  cbm::PoolRuleChoices choices;
  choices.schedule = cbm::Schedule{{d("8"), 2 * kDay}, {d("4"), kDay}};
  choices.amortization = cbm::Amortization::exponential;
  in.rules = cbm::poolRules(choices);
  for (const cbm::BuyDay& day : cbm::buyDates(in).days) {
    CHECK(day.ownRun);
    CHECK(day.wfi.raw() == runWith(in, day));
  }
}

TEST_CASE("bad input names its field") {
  const auto fieldOf = [](const cbm::BuyDateInput& in) {
    try {
      cbm::buyDates(in);
    } catch (const cbm::InputError& e) {
      return e.field();
    }
    return std::string("none");
  };
  cbm::BuyDateInput in = shortInput("0");
  CHECK(fieldOf(in) == "budgetUsd");
  in = shortInput("250");
  in.unitPrice = d("0");
  CHECK(fieldOf(in) == "unitPrice");
  in = shortInput("250");
  in.unitPriceGrowthPercent = -100;
  CHECK(fieldOf(in) == "unitPriceGrowthPercent");
  in = shortInput("250");
  in.tokenPriceGrowthPercent = 1001;
  CHECK(fieldOf(in) == "tokenPriceGrowthPercent");
  in = shortInput("250000000000000");  // 10^15 units at $0.25
  CHECK(fieldOf(in) == "budgetUsd");
  in = shortInput("250000000000");  // 10^12 units at $0.25, a request's most: each day buys them
  CHECK(fieldOf(in) == "none");
  CHECK(cbm::buyDates(in).days[0].units == 1'000'000'000'000);
  in = shortInput("250000000000.25");  // a unit more
  CHECK(fieldOf(in) == "budgetUsd");
  in = shortInput("250");
  in.pool.pool.units = -1;
  CHECK(fieldOf(in) == "pool.units");
}

TEST_CASE("a budget below the unit price buys nothing on any day, and says so") {
  const cbm::BuyDates dates = cbm::buyDates(shortInput("0.1"));  // $0.10 at $0.25 a unit
  for (const cbm::BuyDay& day : dates.days) {
    CHECK(day.units == 0);
    CHECK(day.miningStart == -1);
    CHECK(day.wfi == cbm::Decimal());
    CHECK_FALSE(day.ownRun);
  }
  CHECK(dates.best == 0);
}
