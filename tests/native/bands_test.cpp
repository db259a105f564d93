// earningsBands and its generator: against the projection (a path that does not move is the
// projection), against runs redone one by one with projectEarnings, against the lognormal's
// quantiles, and the generator against values from an independent implementation.
#include "bands.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "input_error.hpp"
#include "random.hpp"
#include "truncated.hpp"

namespace {

cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}

// 1,000 units bought at genesis at $0.25 and 500 more a year on, beside a pool of 200,000 units
// growing 300 a day, valued by month at $0.17: it breaks even in a few weeks.
cbm::BandsInput holder() {
  cbm::BandsInput in;
  in.earnings.rules = cbm::poolRules({});
  in.earnings.genesis = cbm::parseDay("2026-01-01", "genesis");
  in.earnings.holder.now = 90 * cbm::kSecondsPerDay;
  in.earnings.holder.purchases = {{0, 1000, d("0.25")}, {365 * cbm::kSecondsPerDay, 500, d("0.3")}};
  in.earnings.holder.pool = {200'000, 300, {}, {}};
  in.earnings.tokenPrice = d("0.17");
  in.earnings.period = cbm::Period::month;
  in.runs = 20;
  in.seed = 42;
  return in;
}

std::vector<cbm::Decimal> sorted(std::vector<cbm::Decimal> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("the generator is xoshiro256** seeded by splitmix64, as an independent version gives") {
  // Python integers, written from the published algorithms.
  cbm::RandomStream a(42, 0);
  CHECK(a.next() == 1546998764402558742ull);
  CHECK(a.next() == 6990951692964543102ull);
  CHECK(a.next() == 12544586762248559009ull);
  // Far enough on that every word of the state (the rotated one too) has reached the output.
  std::uint64_t tenth = 0, hundredth = 0, thousandth = 0;
  for (int k = 4; k <= 1000; ++k) {
    const std::uint64_t x = a.next();
    if (k == 10) tenth = x;
    if (k == 100) hundredth = x;
    if (k == 1000) thousandth = x;
  }
  CHECK(tenth == 10760895422300929085ull);
  CHECK(hundredth == 1037873480352228813ull);
  CHECK(thousandth == 10224724267483498856ull);
  cbm::RandomStream b(42, 7);
  CHECK(b.next() == 12324983354704563866ull);
  CHECK(b.next() == 327361404529169866ull);
  // The polar method's first pair (Python's libm logarithm: equal to the last bits or so).
  cbm::RandomStream c(42, 0);
  CHECK(c.normal() == doctest::Approx(-0.7262191382447857).epsilon(1e-15));
  CHECK(c.normal() == doctest::Approx(-0.21119691823195985).epsilon(1e-15));
}

TEST_CASE("normal deviates have mean 0 and variance 1") {
  cbm::RandomStream random(7, 3);
  constexpr int n = 200'000;
  double sum = 0, squares = 0;
  int beyond = 0;  // |z| > 1.96: 5%
  for (int i = 0; i < n; ++i) {
    const double z = random.normal();
    sum += z;
    squares += z * z;
    beyond += std::fabs(z) > 1.959964;
  }
  CHECK(std::fabs(sum / n) < 0.01);           // 4.5 standard errors
  CHECK(std::fabs(squares / n - 1) < 0.015);  // about 4.7
  CHECK(std::fabs(beyond / double(n) - 0.05) < 0.0025);
}

TEST_CASE("a price path that does not move gives the projection in every run") {
  cbm::BandsInput in = holder();
  in.runs = 7;
  const cbm::EarningsBands bands = cbm::earningsBands(in);
  const cbm::Earnings e = cbm::projectEarnings(in.earnings);
  REQUIRE(bands.periods.size() == e.periods.size());
  for (std::size_t k = 0; k < e.periods.size(); ++k) {
    const cbm::BandPeriod& b = bands.periods[k];
    CHECK(b.start == e.periods[k].start);
    CHECK(b.end == e.periods[k].end);
    CHECK(b.usd.p10 == e.periods[k].usd);
    CHECK(b.usd.p50 == e.periods[k].usd);
    CHECK(b.usd.p50 == truncatedProduct(e.periods[k].wfi, d("0.17")));  // the period's WFI at $0.17
    CHECK(b.usd.p90 == e.periods[k].usd);
    CHECK(b.cumulativeUsd.p10 == e.periods[k].cumulativeUsd);
    CHECK(b.cumulativeUsd.p90 == e.periods[k].cumulativeUsd);
  }
  REQUIRE(e.breakevenAt);
  CHECK(bands.breakevenP10 == e.breakevenAt);
  CHECK(bands.breakevenP50 == e.breakevenAt);
  CHECK(bands.breakevenP90 == e.breakevenAt);
  CHECK(bands.breakevenRuns == 7);
  CHECK(bands.paidUsd == e.paidUsd);
}

TEST_CASE("the same seed gives the same bands; another seed others; all in order") {
  cbm::BandsInput in = holder();
  in.price = {d("0.3"), d("0.9")};
  in.poolSpread = d("0.5");
  const cbm::EarningsBands a = cbm::earningsBands(in), b = cbm::earningsBands(in);
  in.seed = 43;
  const cbm::EarningsBands c = cbm::earningsBands(in);
  bool differs = false;
  for (std::size_t k = 0; k < a.periods.size(); ++k) {
    const cbm::BandPeriod& p = a.periods[k];
    CHECK(p.usd.p50 == b.periods[k].usd.p50);
    CHECK(p.cumulativeUsd.p90 == b.periods[k].cumulativeUsd.p90);
    differs |= p.usd.p50 != c.periods[k].usd.p50;
    CHECK(p.usd.p10 <= p.usd.p50);
    CHECK(p.usd.p50 <= p.usd.p90);
    CHECK(p.cumulativeUsd.p10 <= p.cumulativeUsd.p50);
    CHECK(p.cumulativeUsd.p50 <= p.cumulativeUsd.p90);
    if (k > 0) CHECK(a.periods[k - 1].cumulativeUsd.p50 <= p.cumulativeUsd.p50);
  }
  CHECK(differs);
  CHECK(a.breakevenP50 == b.breakevenP50);
  REQUIRE(a.breakevenP90);
  CHECK(*a.breakevenP10 <= *a.breakevenP50);
  CHECK(*a.breakevenP50 <= *a.breakevenP90);
}

TEST_CASE("with pools that vary, each percentile is the run redone alone by projectEarnings") {
  // A flat price, so each run is a projection whose pool grows by the guess x its factor:
  // rounded units a day (bands.hpp). Redone here one by one, sorted, ranked.
  struct Ranks {
    std::int64_t runs;
    std::size_t p10, p50, p90;  // nearest rank: the ceil(q n / 100)-th, counted from 0
  };
  for (const Ranks ranks : {Ranks{15, 1, 7, 13}, Ranks{20, 1, 9, 17}}) {
    INFO(ranks.runs << " runs");
    cbm::BandsInput in = holder();
    in.runs = ranks.runs;
    in.poolSpread = d("0.8");
    const cbm::EarningsBands bands = cbm::earningsBands(in);
    std::vector<cbm::Seconds> breakevens;
    std::vector<cbm::Decimal> firstMonths, lastCumulative;
    for (std::int64_t run = 0; run < in.runs; ++run) {
      cbm::RandomStream random(42, static_cast<std::uint64_t>(run));
      // The deviate to the nearest quarter, within +-3.
      const double q = std::max(-3.0, std::min(3.0, std::round(4 * random.normal()) / 4));
      const double factor = std::exp(0.8 * q - 0.32);
      cbm::EarningsInput e = in.earnings;
      // No more than the 200,000 units at now allow over the 90 days before it.
      e.holder.pool.growthPerDay =
          std::min<std::int64_t>(static_cast<std::int64_t>(std::floor(300 * factor + 0.5)), 2222);
      const cbm::Earnings projected = cbm::projectEarnings(e);
      REQUIRE(projected.breakevenAt);
      breakevens.push_back(*projected.breakevenAt);
      firstMonths.push_back(projected.periods[4].usd);
      lastCumulative.push_back(projected.periods.back().cumulativeUsd);
    }
    std::sort(breakevens.begin(), breakevens.end());
    // Nearest rank of 15: the 2nd, 8th and 14th; of 20: the 2nd, 10th and 18th.
    CHECK(bands.breakevenP10 == breakevens[ranks.p10]);
    CHECK(bands.breakevenP50 == breakevens[ranks.p50]);
    CHECK(bands.breakevenP90 == breakevens[ranks.p90]);
    CHECK(bands.periods[4].usd.p10 == sorted(firstMonths)[ranks.p10]);
    CHECK(bands.periods[4].usd.p90 == sorted(firstMonths)[ranks.p90]);
    CHECK(bands.periods.back().cumulativeUsd.p50 == sorted(lastCumulative)[ranks.p50]);
    // The ranks on either side hold other values: a rank off by one would be seen.
    CHECK(sorted(firstMonths)[ranks.p10] != sorted(firstMonths)[ranks.p10 + 1]);
  }
}

TEST_CASE("the percentiles of a period's USD are the lognormal's, over many runs") {
  // In one pool a period's USD is its WFI x its price, so its percentiles are the price's:
  // today's x e^((ln 1.25 - 0.36 / 2) t + 0.6 sqrt(t) z_q), t the years from now to its start.
  cbm::BandsInput in = holder();
  in.runs = 10'000;
  in.price = {d("0.25"), d("0.6")};
  const cbm::EarningsBands bands = cbm::earningsBands(in);
  const cbm::Earnings e = cbm::projectEarnings(in.earnings);
  for (const std::size_t k : {6, 14, 27}) {
    const double wfi = e.periods[k].wfi.toDouble();
    const double t =
        static_cast<double>(e.periods[k].start - in.earnings.holder.now) / cbm::kSecondsPerYear;
    const auto quantile = [&](double z) {
      return wfi * 0.17 * std::exp((std::log(1.25) - 0.18) * t + 0.6 * std::sqrt(t) * z);
    };
    const cbm::BandPeriod& p = bands.periods[k];
    // A quantile's standard error over 10,000 runs is about 1.5% of it here.
    CHECK(p.usd.p10.toDouble() == doctest::Approx(quantile(-1.2815516)).epsilon(0.06));
    CHECK(p.usd.p50.toDouble() == doctest::Approx(quantile(0)).epsilon(0.05));
    CHECK(p.usd.p90.toDouble() == doctest::Approx(quantile(1.2815516)).epsilon(0.06));
  }
}

TEST_CASE("a drift without volatility grows the price by (1 + drift) a year, at 12 digits") {
  cbm::BandsInput in = holder();
  in.runs = 3;
  in.price = {d("0.2"), d("0")};
  const cbm::EarningsBands bands = cbm::earningsBands(in);
  const cbm::Earnings e = cbm::projectEarnings(in.earnings);
  const std::size_t k = 15;
  const double t =
      static_cast<double>(e.periods[k].start - in.earnings.holder.now) / cbm::kSecondsPerYear;
  const double price = 0.17 * std::pow(1.2, t);
  CHECK(bands.periods[k].usd.p10 == bands.periods[k].usd.p90);
  CHECK(bands.periods[k].usd.p50.toDouble() ==
        doctest::Approx(e.periods[k].wfi.toDouble() * price).epsilon(1e-11));
  // The month under way at now (the 4th) is at today's price, exactly.
  CHECK(bands.periods[3].usd.p50 == e.periods[3].usd);
}

TEST_CASE("bands refuse bad models and counts, naming the field") {
  const auto fieldOf = [](cbm::BandsInput in) {
    try {
      cbm::earningsBands(in);
    } catch (const cbm::InputError& error) {
      return error.field();
    }
    return std::string("none");
  };
  cbm::BandsInput in = holder();
  in.price.drift = d("-1");
  CHECK(fieldOf(in) == "priceModel.drift");
  // Said both as a fraction and as the percentage a form takes.
  in.price.drift = d("-1.5");
  CHECK_THROWS_WITH(cbm::earningsBands(in),
                    "priceModel.drift: must be above -1 (-100%): a fall of 100% a year leaves no "
                    "price, got -1.5 (-150%)");
  in.price.drift = d("10.5");
  CHECK_THROWS_WITH(cbm::earningsBands(in),
                    "priceModel.drift: must be at most 10 (1000%), got 10.5 (1050%)");
  in = holder();
  in.price.volatility = d("3.01");
  CHECK(fieldOf(in) == "priceModel.volatility");
  in = holder();
  in.poolSpread = d("-0.1");
  CHECK(fieldOf(in) == "poolModel.spread");
  in = holder();
  in.runs = 0;
  CHECK(fieldOf(in) == "runs");
  in.runs = cbm::kMaxRuns + 1;
  CHECK(fieldOf(in) == "runs");
  in = holder();
  in.seed = -1;
  CHECK(fieldOf(in) == "seed");
  // A price that would pass 10^20 in some run.
  in = holder();
  in.earnings.tokenPrice = d("1000000000");
  in.price = {d("10"), d("0")};
  CHECK(fieldOf(in) == "priceModel");
  // A guess the projection takes, whose higher pool levels (6% a month x e^(q - 0.5)) pass the
  // units' limit: the spread is named, with what it did (the first such level drawn: q = 1.75).
  in = holder();
  in.earnings.holder.pool = {5'000'000, 0, d("6"), {}};
  CHECK(fieldOf(in) == "none");
  in.poolSpread = d("1");
  in.runs = 2000;
  CHECK(fieldOf(in) == "poolModel.spread");
  CHECK_THROWS_WITH(cbm::earningsBands(in), doctest::Contains("growth x 3.49034295746, and then"));
}

TEST_CASE("a breakeven many periods on, with a price that does not move: the projection's") {
  // $50,000 paid at genesis, valued week by week: the WFI of the weeks before it count toward
  // the price, and the week it breaks even in needs only what is left.
  cbm::BandsInput in = holder();
  in.earnings.holder.purchases = {{0, 1000, d("50")}};
  in.earnings.period = cbm::Period::week;
  in.runs = 3;
  const cbm::Earnings e = cbm::projectEarnings(in.earnings);
  REQUIRE(e.breakevenAt);
  CHECK(*e.breakevenAt > e.periods[5].end);  // past several whole weeks
  const cbm::EarningsBands bands = cbm::earningsBands(in);
  CHECK(bands.breakevenP10 == e.breakevenAt);
  CHECK(bands.breakevenP90 == e.breakevenAt);
}

TEST_CASE("the bands' breakeven when what is left to cover falls a hair short of a whole wei") {
  // Alone at 1 wei a second (no amortization), mining from second 1: before second t + 1 it has
  // t wei. It paid 2 x 10^-18 USD at 0.666666666666666667 USD a WFI: 2 x 10^18 (10^-36 USD)
  // over 666,666,666,666,666,667 is 2 and a remainder of the divisor less one, so 3 wei cover
  // it (2.000000000000000001 x 10^-18 USD), 2 do not: it breaks even in second 3.
  cbm::BandsInput in;
  cbm::PoolRuleChoices c;
  c.amortization = cbm::Amortization::none;
  c.schedule = cbm::Schedule{{cbm::Decimal::fromRaw(1), 1000}};
  in.earnings.rules = cbm::poolRules(c);
  in.earnings.holder.purchases = {{0, 1, d("0.000000000000000002")}};
  in.earnings.tokenPrice = d("0.666666666666666667");
  in.earnings.period = cbm::Period::day;
  in.runs = 1;
  CHECK(cbm::projectEarnings(in.earnings).breakevenAt == 3);
  CHECK(cbm::earningsBands(in).breakevenP50 == 3);
}

TEST_CASE("the bands say their progress after each run: 1, 2, ... up to the runs") {
  cbm::BandsInput in = holder();
  in.runs = 5;
  std::vector<std::int64_t> said;
  cbm::earningsBands(in, [&](std::int64_t done) { said.push_back(done); });
  CHECK(said == std::vector<std::int64_t>{1, 2, 3, 4, 5});
}
