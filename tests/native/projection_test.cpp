// projectEarnings: a holder's earnings by calendar period, held against values worked by hand
// from the contract's schedule (8 WFI/s for 57,471,264 s, then 4, 2, 1; 862,068,966 WFI).
#include "projection.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>
#include <random>
#include <utility>
#include <vector>

#include "input_error.hpp"

namespace {

cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}

cbm::PoolRules noAmortization() {
  cbm::PoolRuleChoices choices;
  choices.amortization = cbm::Amortization::none;
  return cbm::poolRules(choices);
}

// One purchase of 1,000 units at $0.25 at genesis, alone in the pool, WFI at $0.17.
cbm::EarningsInput lone(cbm::Period period) {
  cbm::EarningsInput in;
  in.rules = noAmortization();
  in.genesis = cbm::parseDay("2026-01-01", "genesis");
  in.holder.purchases = {{0, 1000, d("0.25")}};
  in.tokenPrice = d("0.17");
  in.period = period;
  return in;
}

}  // namespace

TEST_CASE("a lone miner earns the whole emission from its mining start") {
  const cbm::Earnings e = cbm::projectEarnings(lone(cbm::Period::year));
  // Served in second 0, it mines from second 1: all but the first second's 8 WFI.
  CHECK(e.totalWfi.str() == "862068958");
  CHECK(e.paidUsd.str() == "250");
  // Calendar years from 2026-01-01: 2026 is 365 days of 8 WFI/s less the first second.
  REQUIRE(e.periods.size() == 8);
  CHECK(e.periods[0].start == 0);
  CHECK(e.periods[0].end == 365 * 86400);
  CHECK(e.periods[0].wfi.str() == "252287992");  // (31,536,000 - 1) x 8
  CHECK(e.periods[0].usd.str() == "42888958.64");
  CHECK(e.periods.back().end == 229'885'062);  // emission ends
  cbm::Decimal sum, usd;
  for (const cbm::EarningsPeriod& p : e.periods) {
    sum = sum.plus(p.wfi, "sum");
    usd = usd.plus(p.usd, "usd");
  }
  CHECK(sum == e.totalWfi);
  CHECK(usd == e.totalUsd);
  // Bought at now (second 0), it counts from second 1, where it takes all 8 WFI: APR =
  // 8 x 31,536,000 x 0.17 / 250 x 100. The year from now is the first period.
  CHECK(e.now.blockReward.str() == "8");
  CHECK(e.now.wfiPerDay.str() == "691200");
  CHECK(e.aprPercentNow.str() == "17155584");
  CHECK(e.now.usdPerDay.str() == "117504");  // 691,200 x 0.17
  // The next 30 days: 30 x 86,400 s less the first, at 8 WFI/s.
  CHECK(e.next30DaysWfi.str() == "20735992");
  // The contract's first halving, at second 57,471,264: the lone miner then takes all 4 WFI/s.
  REQUIRE(e.nextHalvingAt);
  CHECK(*e.nextHalvingAt == 57'471'264);
  CHECK(e.afterHalving.blockReward.str() == "4");
  CHECK(e.afterHalving.usdPerDay.str() == "58752");  // 345,600 x 0.17
  CHECK(e.periods[0].cumulativeWfi == e.periods[0].wfi);
  CHECK(e.periods.back().cumulativeWfi == e.totalWfi);
  CHECK(e.periods.back().cumulativeUsd == e.totalUsd);
  CHECK(e.firstYearWfi == e.periods[0].wfi);
  // 42,888,958.64 USD over 250 USD, in percent.
  CHECK(e.firstYearReturnPercent.str() == "17155583.456");
  // 8 t x 0.17 >= 250 first for t = 184 (183 x 1.36 = 248.88): mined before second 185.
  REQUIRE(e.breakevenAt);
  CHECK(*e.breakevenAt == 184);
}

TEST_CASE("calendar periods: months and ISO weeks from the first purchase") {
  cbm::EarningsInput in = lone(cbm::Period::month);
  in.holder.purchases = {{40 * 86400, 1000, d("0.25")}};  // 2026-02-10
  const cbm::Earnings months = cbm::projectEarnings(in);
  // 2026-02-10 .. 2026-03-01 (19 days, mining from its second 1), then March (31 days).
  CHECK(months.periods[0].start == 40 * 86400);
  CHECK(months.periods[0].end == 59 * 86400);
  CHECK(months.periods[0].wfi.str() == "13132792");  // (19 x 86,400 - 1) x 8
  CHECK(months.periods[1].end == 90 * 86400);
  CHECK(months.periods[1].wfi.str() == "21427200");  // 31 x 86,400 x 8
  in.period = cbm::Period::week;
  const cbm::Earnings weeks = cbm::projectEarnings(in);
  // 2026-02-10 is a Tuesday: the first week ends on Monday 2026-02-16.
  CHECK(weeks.periods[0].end == 46 * 86400);
  CHECK(weeks.periods[1].end == 53 * 86400);
  CHECK(weeks.totalWfi == months.totalWfi);
}

TEST_CASE("two purchases mining now: the block reward is their exact share of the pool") {
  cbm::EarningsInput in = lone(cbm::Period::month);
  in.holder.purchases = {{0, 1000, d("0.25")}, {10 * 86400, 3000, d("0.3")}};
  in.holder.pool.units = 81'599'347;
  in.holder.now = 20 * 86400;
  const cbm::Earnings e = cbm::projectEarnings(in);
  // 8 x 4,000 / 81,603,347, truncated to 18 decimals.
  CHECK(e.now.blockReward.str() == "0.000392140778245284");
  CHECK(e.now.wfiPerDay.str() == "33.8809632403925376");
  // x 31,536,000 x 0.17 / (250 + 900) x 100
  CHECK(e.aprPercentNow.str() == "182.809892962291909398");
  CHECK(e.paidUsd.str() == "1150");
}

TEST_CASE("breakeven false: no breakeven search, every other figure as with it") {
  cbm::EarningsInput in = lone(cbm::Period::month);
  in.holder.purchases = {{0, 1000, d("0.25")}, {10 * 86400, 3000, d("0.3")}};
  in.holder.pool.units = 81'599'347;
  in.holder.pool.growthPerDay = 20'000;
  in.holder.now = 20 * 86400;
  in.sampleEvery = 86400;
  const cbm::Earnings with = cbm::projectEarnings(in);
  in.breakeven = false;
  const cbm::Earnings without = cbm::projectEarnings(in);
  REQUIRE(with.breakevenAt);
  CHECK_FALSE(without.breakevenAt);
  REQUIRE(with.periods.size() == without.periods.size());
  for (std::size_t i = 0; i < with.periods.size(); ++i) {
    CHECK(with.periods[i].wfi == without.periods[i].wfi);
    CHECK(with.periods[i].cumulativeUsd == without.periods[i].cumulativeUsd);
  }
  CHECK(with.now.blockReward == without.now.blockReward);
  CHECK(with.aprPercentNow == without.aprPercentNow);
  CHECK(with.next30DaysWfi == without.next30DaysWfi);
  CHECK(with.firstYearReturnPercent == without.firstYearReturnPercent);
  CHECK(with.afterHalving.blockReward == without.afterHalving.blockReward);
  CHECK(with.series.minedWei == without.series.minedWei);
  CHECK(with.purchases[1].activatedAt == without.purchases[1].activatedAt);
}

TEST_CASE("a growing pool: the pool at now less its growth since the start") {
  cbm::EarningsInput in = lone(cbm::Period::year);
  in.holder.purchases = {{0, 1000, d("0.25")}};
  in.holder.now = 10 * 86400;
  in.holder.pool.units = 10'000;
  in.holder.pool.growthPerDay = 500;
  const cbm::Earnings e = cbm::projectEarnings(in);
  // At now the pool holds 5,000 + 10 x 500 = 10,000 units, the last requested at now and so
  // not yet mining: 9,500 besides the holder's 1,000. 8 x 1,000 / 10,500.
  CHECK(e.now.blockReward.str() == "0.761904761904761904");
  in.holder.pool.growthPerDay = 1001;
  CHECK_THROWS_WITH(cbm::projectEarnings(in),
                    "pool.growthPerDay: 1001 units a day over the 10 days since second 0 is more "
                    "than the 10000 units at now");
}

TEST_CASE("projectEarnings names the field of bad input") {
  cbm::EarningsInput in = lone(cbm::Period::day);
  in.holder.purchases[0].at = 229'885'062;
  CHECK_THROWS_WITH(cbm::projectEarnings(in),
                    "purchases[0].at: is after emission ends (second 229885062 since genesis), "
                    "got 229885062");
  in.holder.purchases.clear();
  CHECK_THROWS_WITH(cbm::projectEarnings(in), "purchases: must have at least one purchase");
  in = lone(cbm::Period::day);
  in.tokenPrice = d("-1");
  CHECK_THROWS_WITH(cbm::projectEarnings(in), "tokenPrice: must not be negative, got \"-1\"");
  in = lone(cbm::Period::day);
  in.tokenPrice = d("0");
  CHECK_FALSE(cbm::projectEarnings(in).breakevenAt);  // WFI worth nothing never pays back
}

// Reference values: Python's decimal module at 60 digits, g = exp(ln(1 + p/100) x 12 / 365),
// rounded half up.
namespace {

constexpr cbm::Seconds kEmissionEnd = 229'885'062;  // the contract's: 2,661 days

// Each listed day's units, as { day, units }.
void checkDays(const std::vector<std::int64_t>& units,
               std::initializer_list<std::pair<std::size_t, std::int64_t>> expected) {
  // Not a structured binding: clang 14 cannot capture one in INFO.
  for (const std::pair<std::size_t, std::int64_t>& day : expected) {
    INFO("day " << day.first);
    CHECK(units.at(day.first) == day.second);
  }
}

}  // namespace

TEST_CASE("a pool growing by a percentage a month compounds a day, exactly so at now") {
  cbm::GrowingUnits g;
  g.units = 81'599'347;
  g.growthPercentPerMonth = d("2");
  const std::vector<std::int64_t> u = cbm::unitsByDay(g, 0, 10 * 86400 + 5, kEmissionEnd, "pool");
  REQUIRE(u.size() == 2661);
  // Day 0: 81,069,823.890...; day 10, now's, holds the units at now.
  checkDays(u, {{0, 81'069'824},
                {9, 81'546'239},
                {10, 81'599'347},
                {11, 81'652'489},
                {40, 83'208'759},
                {365, 102'816'139},
                {2660, 458'101'719}});
}

TEST_CASE("under a ceiling a percentage growth is the logistic S-curve") {
  cbm::GrowingUnits g;
  g.units = 1'000'000;
  g.growthPercentPerMonth = d("10");
  g.ceiling = 5'000'000;
  checkDays(cbm::unitsByDay(g, 0, 0, kEmissionEnd, "pool"), {{0, 1'000'000},
                                                             {1, 1'002'509},
                                                             {30, 1'077'327},
                                                             {365, 2'198'263},
                                                             {1000, 4'257'991},
                                                             {2660, 4'995'206}});
  // A linear growth stops at the ceiling.
  g.growthPercentPerMonth = cbm::Decimal();
  g.growthPerDay = 3'000;
  checkDays(cbm::unitsByDay(g, 0, 0, kEmissionEnd, "pool"),
            {{1, 1'003'000}, {1333, 4'999'000}, {1334, 5'000'000}, {2660, 5'000'000}});
}

TEST_CASE("growth input errors name the field") {
  cbm::GrowingUnits g;
  g.units = 1'000;
  g.growthPercentPerMonth = d("100.5");
  CHECK_THROWS_WITH(cbm::unitsByDay(g, 0, 0, 86400, "pool"),
                    "pool.growthPercentPerMonth: must be at most 100 (% a month), got 100.5");
  g.growthPercentPerMonth = d("1");
  g.growthPerDay = 5;
  CHECK_THROWS_WITH(cbm::unitsByDay(g, 0, 0, 86400, "pool"),
                    "pool.growthPercentPerMonth: cannot go with growthPerDay: the growth is "
                    "either units a day or a percentage a month");
  g.growthPerDay = 0;
  g.ceiling = 999;
  CHECK_THROWS_WITH(cbm::unitsByDay(g, 0, 0, 86400, "lines[0]"),
                    "lines[0].ceiling: must be at least the 1000 units at now, got 999");
  g.ceiling.reset();
  g.units = 0;
  CHECK_THROWS_WITH(cbm::unitsByDay(g, 0, 0, 86400, "pool"),
                    "pool.units: must be at least 1 to grow by a percentage (0 grows to 0), got 0");
  g.units = 900'000'000'000;
  g.growthPercentPerMonth = d("100");
  CHECK_THROWS_WITH(cbm::unitsByDay(g, 0, 0, kEmissionEnd, "pool"),
                    "pool.growthPercentPerMonth: takes the units past 1000000000000 on day 5 "
                    "after second 0");
}

TEST_CASE("in a pool growing by a percentage, older units lose share") {
  cbm::EarningsInput in = lone(cbm::Period::year);
  in.holder.pool.units = 1'000'000;
  in.holder.pool.growthPercentPerMonth = d("5");
  const cbm::Earnings growing = cbm::projectEarnings(in);
  in.holder.pool.growthPercentPerMonth = cbm::Decimal();
  const cbm::Earnings flat = cbm::projectEarnings(in);
  CHECK(growing.now.blockReward == flat.now.blockReward);  // the same pool at now
  CHECK(growing.periods[1].wfi < flat.periods[1].wfi);
  CHECK(growing.totalWfi < flat.totalWfi);
}

TEST_CASE("calibratePool inverts the block reward now: pool -> block reward -> pool") {
  // Random holders (one or two purchases, of different ages, linear amortization) and pools;
  // the calibrated pool gives the same block reward, and one unit more gives less.
  std::mt19937_64 random(13);
  const auto pick = [&](std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  for (int k = 0; k < 12; ++k) {
    cbm::EarningsInput in;
    in.rules = cbm::poolRules(cbm::PoolRuleChoices());
    in.period = cbm::Period::year;
    in.holder.now = pick(1, 200) * 86'400;
    in.holder.purchases = {{pick(0, in.holder.now), pick(1, 100'000), d("0.25")}};
    if (k % 2) in.holder.purchases.push_back({pick(0, in.holder.now), pick(1, 5'000), d("0.25")});
    const std::int64_t pool = k == 0 ? 0 : pick(1, 1'000'000'000);
    in.holder.pool.units = pool;
    const cbm::Decimal reward = cbm::projectEarnings(in).now.blockReward;

    cbm::PoolCalibration c{in.rules, in.holder.now, in.holder.purchases, reward};
    const std::int64_t found = cbm::calibratePool(c);
    INFO("pool " << pool << ", found " << found);
    in.holder.pool.units = found;
    CHECK(cbm::projectEarnings(in).now.blockReward == reward);
    in.holder.pool.units = found + 1;
    CHECK(cbm::projectEarnings(in).now.blockReward < reward);
    CHECK(found >= pool);  // the largest pool with that reward
  }
}

TEST_CASE("calibratePool refuses a block reward no pool gives") {
  cbm::PoolCalibration c{noAmortization(), 86'400, {{0, 1000, d("0.25")}}, d("9")};
  CHECK_THROWS_WITH_AS(cbm::calibratePool(c),
                       doctest::Contains("blockReward: is more than these purchases earn with no "
                                         "one else in the pool (8 WFI a second)"),
                       cbm::InputError);
  c.blockReward = d("0.000000000000000001");
  CHECK_THROWS_WITH_AS(cbm::calibratePool(c),
                       doctest::Contains("is less than these purchases earn"), cbm::InputError);
  c.blockReward = d("0");
  CHECK_THROWS_AS(cbm::calibratePool(c), cbm::InputError);
}

TEST_CASE("the series: the run behind the figures, sampled a day, and each purchase's outcome") {
  cbm::EarningsInput in = lone(cbm::Period::year);
  in.sampleEvery = 86400;
  const cbm::Earnings e = cbm::projectEarnings(in);
  const cbm::EarningsSeries& s = e.series;
  // Days 0 .. 2,660 of the 229,885,062 s of emission, then its end.
  REQUIRE(s.t.size() == 2662);
  CHECK(s.t[0] == 0);
  CHECK(s.t[1] == 86400);
  CHECK(s.t[2660] == 2660 * 86400);
  CHECK(s.t.back() == 229'885'062);
  // Served in second 0, mining from second 1 at 8 WFI/s alone; 4 after the halving at
  // 57,471,264 (day 665.18).
  CHECK(s.minedWei[0] == 0);
  CHECK(s.rateWei[0] == 0);
  CHECK(cbm::Decimal::fromRaw(s.minedWei[1]).str() == "691192");  // (86,400 - 1) x 8
  CHECK(cbm::Decimal::fromRaw(s.rateWei[1]).str() == "8");
  CHECK(cbm::Decimal::fromRaw(s.emissionRateWei[665]).str() == "8");
  CHECK(cbm::Decimal::fromRaw(s.emissionRateWei[666]).str() == "4");
  CHECK(cbm::Decimal::fromRaw(s.rateWei[666]).str() == "4");
  CHECK(s.poolPower[1] == 1000);
  CHECK(cbm::Decimal::fromRaw(s.minedWei.back()) == e.totalWfi);
  CHECK(s.lines.empty());
  REQUIRE(e.purchases.size() == 1);
  CHECK(e.purchases[0].activatedAt == 0);
  CHECK(e.purchases[0].miningStart == 1);
  CHECK(e.purchases[0].waitSeconds == 0);
  CHECK(cbm::Decimal::fromRaw(e.purchases[0].rewardWei) == e.totalWfi);
  // Without sampleEvery, no series; the figures are the same.
  in.sampleEvery = 0;
  const cbm::Earnings plain = cbm::projectEarnings(in);
  CHECK(plain.series.t.empty());
  CHECK(plain.totalWfi == e.totalWfi);
  CHECK(plain.breakevenAt == e.breakevenAt);
}

TEST_CASE("the series starts at the earlier of now and the first purchase, and tracks the lines") {
  cbm::EarningsInput in = lone(cbm::Period::month);
  in.holder.now = 10 * 86400 + 7;  // a sample falls on the multiples of a day only
  in.holder.purchases = {{20 * 86400, 1000, d("0.25")}, {20 * 86400, 500, d("0.25")}};
  in.holder.pool.units = 3000;
  in.holder.lines = {{1000, 0, {}, {}}};
  in.sampleEvery = 86400;
  const cbm::Earnings e = cbm::projectEarnings(in);
  const cbm::EarningsSeries& s = e.series;
  CHECK(s.t[0] == 11 * 86400);
  REQUIRE(s.lines.size() == 1);
  CHECK(s.lines[0].rewardWei.size() == s.t.size());
  // Day 30: the pool's 3,000, line 1's 1,000 and the holder's 1,500 all mine; 8 WFI/s split
  // 3,000 : 1,000 : 1,500.
  const std::size_t day30 = 19;
  REQUIRE(s.t[day30] == 30 * 86400);
  CHECK(cbm::Decimal::fromRaw(s.rateWei[day30]).str() == "2.181818181818181818");
  CHECK(cbm::Decimal::fromRaw(s.lines[0].rateWei[day30]).str() == "1.454545454545454545");
  // Both purchases requested in second 1,728,000 of a queue serving one a second: the second
  // waits a second.
  REQUIRE(e.purchases.size() == 2);
  CHECK(e.purchases[0].waitSeconds == 0);
  CHECK(e.purchases[1].activatedAt == 20 * 86400 + 1);
  CHECK(e.purchases[1].waitSeconds == 1);
  CHECK(e.purchases[1].miningStart == 20 * 86400 + 2);
}

TEST_CASE("sampleEvery: at most kMaxEarningsSamples samples, and the least interval said") {
  cbm::EarningsInput in = lone(cbm::Period::year);
  // 229,885,062 s from second 0: 4,598 s give 49,998 samples (49,997 multiples and the end),
  // 4,597 give 50,009.
  in.sampleEvery = 4598;
  CHECK(cbm::projectEarnings(in).series.t.size() == 49'998);
  in.sampleEvery = 4597;
  CHECK_THROWS_WITH(cbm::projectEarnings(in),
                    "sampleEvery: gives 50009 samples to the end of emission, more than 50000; "
                    "use at least 4598");
  in.sampleEvery = -1;
  CHECK_THROWS_WITH(cbm::projectEarnings(in),
                    doctest::Contains("sampleEvery: must be a whole number from 1"));
}

TEST_CASE("referral income from the run: weekly payouts of the line's share, however sampled") {
  cbm::EarningsInput in = lone(cbm::Period::month);
  in.holder.lines = {{1000, 0, {}, {}}};
  for (const cbm::Seconds every : {86400, 5000}) {
    in.sampleEvery = every;
    const cbm::Earnings e = cbm::projectEarnings(in);
    REQUIRE(e.referral);
    const cbm::ReferralIncome& r = *e.referral;
    // Line 1 is served in second 0 and mines 8 WFI in second 1 alone; the holder, served in
    // second 1, mines from second 2 and splits the 8 WFI/s with it. The holder's $250 unlock
    // line 1 (3%) from second 1; lines 2 and 3 need $500 and $1,000.
    CHECK(r.unlockedAt[0] == std::optional<cbm::Seconds>(1));
    CHECK(!r.unlockedAt[1]);
    REQUIRE(!r.payouts.empty());
    CHECK(r.payouts[0].at == 604800);
    CHECK(r.payouts[0].unlocksAt == 604800 + 31'536'000);
    // 3% of 8 + 4 x (604,800 - 2) WFI.
    CHECK(cbm::Decimal::fromRaw(r.payouts[0].amountWei).str() == "72576");
    CHECK(r.paidWei.size() == e.series.t.size());
    CHECK(r.rateWei.size() == e.series.t.size());
  }
  in.holder.lines.clear();
  CHECK(!cbm::projectEarnings(in).referral);
}

TEST_CASE("referral income: a purchase served in second 0 unlocks its line from second 0") {
  // Two activations a second: line 1 and the holder are both served in second 0, so the
  // holder's $250 unlock line 1 then.
  cbm::EarningsInput in = lone(cbm::Period::month);
  cbm::PoolRuleChoices c;
  c.amortization = cbm::Amortization::none;
  c.activationsPerSecond = 2;
  in.rules = cbm::poolRules(c);
  in.holder.lines = {{1000, 0, {}, {}}};
  in.sampleEvery = 86400;
  const cbm::Earnings e = cbm::projectEarnings(in);
  REQUIRE(e.referral);
  CHECK(e.referral->unlockedAt[0] == std::optional<cbm::Seconds>(0));
  REQUIRE(!e.referral->payouts.empty());
  // 3% of line 1's half of 8 WFI a second over the week's seconds 1 .. 604,799.
  CHECK(cbm::Decimal::fromRaw(e.referral->payouts[0].amountWei).str() == "72575.88");
}

TEST_CASE("the breakeven search at its first and last candidates") {
  // Alone at 8 WFI a second for 10,000,000 s, mining from second 1 at $1 a WFI: before second
  // t + 1 it has mined 8t WFI, so paying P breaks even in the first t with 8t >= P.
  cbm::EarningsInput in = lone(cbm::Period::year);
  cbm::PoolRuleChoices c;
  c.amortization = cbm::Amortization::none;
  c.schedule = cbm::Schedule{{d("8"), 10'000'000}};
  in.rules = cbm::poolRules(c);
  in.tokenPrice = d("1");
  const auto breakevenPaying = [&](const char* usd) {
    in.holder.purchases = {{0, 1, d(usd)}};
    return cbm::projectEarnings(in).breakevenAt;
  };
  CHECK(breakevenPaying("0") == 0);  // nothing to cover: at the purchase
  CHECK(breakevenPaying("8") == 1);  // the first second mining covers it exactly
  CHECK(breakevenPaying("8.000000000000000001") == 2);
  CHECK(breakevenPaying("16") == 2);
  // The last second of emission, 9,999,999: all of the 79,999,992 WFI mined.
  CHECK(breakevenPaying("79999984") == 9'999'998);
  CHECK(breakevenPaying("79999984.000000000000000001") == 9'999'999);
  CHECK(breakevenPaying("79999992") == 9'999'999);
  CHECK_FALSE(breakevenPaying("79999992.000000000000000001").has_value());
}

TEST_CASE("calibratePool at its first and last candidates: no one else, and 10^12 units") {
  // 10^12 units of the holder, mining alone at 8 WFI a second (no amortization): beside N other
  // units they earn 8 x 10^12 / (10^12 + N) a second, truncated to 18 decimals.
  const std::int64_t most = 1'000'000'000'000;
  const std::vector<cbm::HolderPurchase> purchases = {{0, most, d("0.25")}};
  const auto calibrated = [&](const char* reward) {
    return cbm::calibratePool({noAmortization(), 86'400, purchases, d(reward)});
  };
  CHECK(calibrated("8") == 0);
  CHECK(calibrated("7.999999999992000000") == 1);  // 8 x 10^12 / (10^12 + 1), truncated
  CHECK(calibrated("7.999999999992000001") == 0);
  CHECK(calibrated("4") == most);                         // 8 x 10^12 / (2 x 10^12)
  CHECK(calibrated("4.000000000002") == most - 1);        // 8 x 10^12 / (2 x 10^12 - 1), truncated
  CHECK(calibrated("4.000000000001999999") == most - 1);  // the largest pool giving at least it
  const auto below = [&] { calibrated("3.999999999999999999"); };
  CHECK_THROWS_AS(below(), cbm::InputError);
}
