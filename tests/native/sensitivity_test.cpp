// sensitivity: each swing is the projection redone with that one assumption moved by hand (the
// moved values written out here), an assumption that cannot matter moves nothing, and the rows
// come largest first.
#include "sensitivity.hpp"

#include <doctest/doctest.h>

#include <string>

#include "input_error.hpp"
#include "rules.hpp"

namespace {

cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}

// 1,000 units bought 90 days after genesis at $0.25 beside 200,001 units growing 333 a day,
// at $0.17, under the linear amortization's 8-year lifetime.
cbm::EarningsInput holder() {
  cbm::EarningsInput in;
  in.rules = cbm::poolRules({});
  in.genesis = cbm::parseDay("2026-01-01", "genesis");
  in.holder.now = 90 * cbm::kSecondsPerDay;
  in.holder.purchases = {{90 * cbm::kSecondsPerDay, 1000, d("0.25")}};
  in.holder.pool = {200'001, 333, {}, {}};
  in.tokenPrice = d("0.17");
  in.period = cbm::Period::month;
  return in;
}

const cbm::Swing& swingOf(const cbm::SensitivityResult& r, const std::string& input) {
  for (const cbm::Swing& s : r.swings)
    if (s.input == input) return s;
  FAIL("no swing for " << input);
  return r.swings.front();
}

void checkOutcome(const cbm::SwingOutcome& got, const cbm::EarningsInput& redone) {
  const cbm::Earnings e = cbm::projectEarnings(redone);
  CHECK(got.yearWfi == e.firstYearWfi);
  CHECK(got.yearUsd == e.firstYearUsd);
  CHECK(got.breakevenAt == e.breakevenAt);
}

}  // namespace

TEST_CASE("each swing is the projection with that assumption moved 20% down and up") {
  const cbm::EarningsInput in = holder();
  const cbm::SensitivityResult r = cbm::sensitivity(in, d("0.2"));
  checkOutcome(r.base, in);
  REQUIRE(r.swings.size() == 5);

  cbm::EarningsInput low = in, high = in;
  low.tokenPrice = d("0.136");
  high.tokenPrice = d("0.204");
  checkOutcome(swingOf(r, "tokenPrice").atLow, low);
  checkOutcome(swingOf(r, "tokenPrice").atHigh, high);

  // 200,001 x 0.8 = 160,000.8 and x 1.2 = 240,001.2: to the nearest unit.
  low = in, high = in;
  low.holder.pool.units = 160'001;
  high.holder.pool.units = 240'001;
  CHECK(swingOf(r, "poolUnits").low == d("160001"));
  checkOutcome(swingOf(r, "poolUnits").atLow, low);
  checkOutcome(swingOf(r, "poolUnits").atHigh, high);

  // 333 x 0.8 = 266.4 and x 1.2 = 399.6 units a day.
  low = in, high = in;
  low.holder.pool.growthPerDay = 266;
  high.holder.pool.growthPerDay = 400;
  checkOutcome(swingOf(r, "poolGrowth").atLow, low);
  checkOutcome(swingOf(r, "poolGrowth").atHigh, high);

  // 8 years of 365 days: 252,288,000 s; x 0.8 and x 1.2.
  low = in, high = in;
  low.rules.lifetime = 201'830'400;
  high.rules.lifetime = 302'745'600;
  CHECK(swingOf(r, "lifetime").base == d("252288000"));
  checkOutcome(swingOf(r, "lifetime").atLow, low);
  checkOutcome(swingOf(r, "lifetime").atHigh, high);

  low = in, high = in;
  low.holder.purchases[0].unitPrice = d("0.2");
  high.holder.purchases[0].unitPrice = d("0.3");
  checkOutcome(swingOf(r, "unitPrice").atLow, low);
  checkOutcome(swingOf(r, "unitPrice").atHigh, high);
}

TEST_CASE("an assumption that cannot matter moves nothing; the largest swing comes first") {
  const cbm::SensitivityResult r = cbm::sensitivity(holder(), d("0.2"));
  // The unit price changes what was paid, never what is mined or what it is worth...
  const cbm::Swing& unitPrice = swingOf(r, "unitPrice");
  for (const cbm::SwingOutcome* o : {&unitPrice.atLow, &unitPrice.atHigh}) {
    CHECK(o->yearWfi == r.base.yearWfi);
    CHECK(o->yearUsd == r.base.yearUsd);
  }
  // ...but a cheaper unit breaks even sooner.
  REQUIRE(unitPrice.atLow.breakevenAt);
  REQUIRE(r.base.breakevenAt);
  CHECK(*unitPrice.atLow.breakevenAt < *r.base.breakevenAt);
  // The WFI price moves the USD, not the WFI.
  CHECK(swingOf(r, "tokenPrice").atHigh.yearWfi == r.base.yearWfi);
  CHECK(swingOf(r, "tokenPrice").atHigh.yearUsd > r.base.yearUsd);
  CHECK(r.swings.back().input == "unitPrice");
  const auto usdSwing = [](const cbm::Swing& s) {
    return (s.atHigh.yearUsd > s.atLow.yearUsd ? s.atHigh.yearUsd.minus(s.atLow.yearUsd, "")
                                               : s.atLow.yearUsd.minus(s.atHigh.yearUsd, ""))
        .toDouble();
  };
  for (std::size_t i = 1; i < r.swings.size(); ++i)
    CHECK(usdSwing(r.swings[i - 1]) >= usdSwing(r.swings[i]));
}

TEST_CASE("without growth or lifetime those rows are left out; the step is checked") {
  cbm::EarningsInput in = holder();
  in.holder.pool.growthPerDay = 0;
  cbm::PoolRuleChoices none;
  none.amortization = cbm::Amortization::none;
  in.rules = cbm::poolRules(none);
  const cbm::SensitivityResult r = cbm::sensitivity(in, d("0.1"));
  CHECK(r.swings.size() == 3);
  for (const char* step : {"0", "1", "-0.1", "1.5"}) {
    try {
      cbm::sensitivity(holder(), d(step));
      FAIL("step " << step << " was taken");
    } catch (const cbm::InputError& e) {
      CHECK(e.field() == "step");
    }
  }
}
