// SPEC 1: emission totals, halvings and the supply cap, to the wei.
#include "emission.hpp"

#include <doctest/doctest.h>

using cbm::Decimal;
using cbm::EmissionSchedule;
using cbm::Int128;

namespace {
constexpr Int128 kWei = 1'000'000'000'000'000'000;
Int128 wfi(long long n) {
  return Int128(n) * kWei;
}
}  // namespace

TEST_CASE("default schedule: 8 WFI/s halving every 2 years over 4 stages") {
  EmissionSchedule s(cbm::poolRules({}).emission);
  const cbm::Seconds halving = 63'072'000;
  CHECK(s.emitted(0, halving) == wfi(504'576'000));
  CHECK(s.total() == wfi(946'080'000));
  CHECK(s.endsAt() == 4 * halving);
  CHECK(s.rateAt(63'071'999) == wfi(8));
  CHECK(s.rateAt(63'072'000) == wfi(4));
  CHECK(s.stageAt(63'071'999) == 1);
  CHECK(s.stageAt(63'072'000) == 2);
  CHECK(s.emitted(63'071'999, 63'072'001) == wfi(12));
  CHECK(s.nextHalvingAfter(0) == halving);
  CHECK(s.nextHalvingAfter(63'071'999) == halving);
  CHECK(s.nextHalvingAfter(63'072'000) == 2 * halving);
  CHECK(s.nextHalvingAfter(3 * halving) == std::nullopt);  // the last stage ends emission
  CHECK(s.rateAt(4 * halving) == 0);
  CHECK(s.stageAt(4 * halving) == 0);
  CHECK(s.emitted(0, 100 * halving) == s.total());
  CHECK(s.emitted(10, 10) == 0);
  CHECK(s.emitted(10, 5) == 0);
}

TEST_CASE("the public presets: 729-day stages and the 862,068,966 WFI cap") {
  auto rules = cbm::poolRules({{"halvingPeriod", "62985600"}, {"supplyCap", "862068966"}});
  EmissionSchedule s(rules.emission);
  CHECK(s.emitted(0, 62'985'600) == wfi(503'884'800));
  CHECK(s.emitted(62'985'600, 2 * 62'985'600) == wfi(251'942'400));
  CHECK(s.emitted(2 * 62'985'600, 3 * 62'985'600) == wfi(106'241'766));  // cap cuts stage 3
  CHECK(s.total() == wfi(862'068'966));
  // Stage 3 emits 2 WFI/s: 53,120,883 whole seconds, and no partial second (an even remainder).
  CHECK(s.endsAt() == 2 * 62'985'600 + 53'120'883);
  CHECK(s.rateAt(s.endsAt() - 1) == wfi(2));
  CHECK(s.nextHalvingAfter(2 * 62'985'600) == std::nullopt);
}

TEST_CASE("a cap that ends emission in the middle of a second emits only the remainder") {
  auto rules = cbm::poolRules({{"supplyCap", "20.5"}});
  EmissionSchedule s(rules.emission);
  CHECK(s.rateAt(0) == wfi(8));
  CHECK(s.rateAt(1) == wfi(8));
  CHECK(s.rateAt(2) == wfi(4) + kWei / 2);
  CHECK(s.rateAt(3) == 0);
  CHECK(s.endsAt() == 3);
  CHECK(s.total() == wfi(20) + kWei / 2);
  CHECK(s.emitted(2, 1000) == wfi(4) + kWei / 2);
  CHECK(s.stageAt(2) == 1);
  CHECK(s.stageAt(3) == 0);
}

TEST_CASE("rates are whole wei: a tiny base rate halves down to nothing") {
  auto rules = cbm::poolRules({{"baseRate", "0.000000000000000003"}, {"stages", "5"}});
  EmissionSchedule s(rules.emission);
  CHECK(s.rateAt(0) == 3);
  CHECK(s.rateAt(63'072'000) == 1);      // 3/2 truncated
  CHECK(s.rateAt(2 * 63'072'000) == 0);  // 3/4 truncated: emission ends
  CHECK(s.endsAt() == 2 * 63'072'000);
}

TEST_CASE("rule overrides are checked and name the rule") {
  CHECK_THROWS_WITH(cbm::poolRules({{"halvingPeriod", "0"}}),
                    "rules.halvingPeriod: must be a whole number from 1 to 3153600000, got \"0\"");
  CHECK_THROWS_WITH(cbm::poolRules({{"stages", "2.5"}}),
                    "rules.stages: must be a whole number from 1 to 100, got \"2.5\"");
  CHECK_THROWS_WITH(cbm::poolRules({{"halvingPriod", "5"}}),
                    "rules.halvingPriod: is not a rule of this call");
  CHECK_THROWS_WITH(cbm::poolRules({{"supplyCap", "-1"}}),
                    "rules.supplyCap: must be greater than 0, got \"-1\"");
  CHECK_THROWS_WITH(cbm::poolRules({{"lifetime", "none"}}),
                    "rules.lifetime: the linear model needs a lifetime, got none");
  CHECK_NOTHROW(cbm::poolRules({{"amortization", "none"}, {"lifetime", "none"}}));
  CHECK_THROWS_WITH(cbm::poolRules({{"amortization", "quadratic"}}),
                    "rules.amortization: must be \"none\", \"linear\" or \"exponential\", got "
                    "\"quadratic\"");
}
