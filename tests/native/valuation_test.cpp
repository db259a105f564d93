#include "valuation.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "input_error.hpp"
#include "truncated.hpp"

using cbm::Decimal;

namespace {
Decimal d(const char* text) {
  return Decimal::parse(text, "test");
}

// 10 units at $1 mining 1 WFI a second from second 1: mined before t is t - 1 WFI.
cbm::ValuationInput simple() {
  cbm::ValuationInput in;
  for (int t = 0; t <= 40; ++t) {
    in.t.push_back(t);
    in.mined.push_back(Decimal::fromInteger(std::max(0, t - 1)));
    in.rate.push_back(t >= 1 ? d("1") : Decimal());
  }
  // Exactly sized, so that ASan sees a read one past the end.
  in.t.shrink_to_fit();
  in.mined.shrink_to_fit();
  in.rate.shrink_to_fit();
  in.purchases = {{0, 10, 1}};
  in.unitPrice = d("1");
  in.tokenPrice = d("0.5");
  in.today = 0;
  in.monthlyGrowthPercent = {0};
  return in;
}
}  // namespace

TEST_CASE("valuation: contribution, breakeven, APR over time, values at the end") {
  const cbm::Valuation v = cbm::valueEarnings(simple());
  CHECK(v.contributionUsd == d("10"));
  CHECK(v.totalUnits == 10);
  CHECK(v.now == std::size_t{1});  // the first sample the units mine
  CHECK(v.perDayNow == d("86400"));
  CHECK(v.perUnitWfiEnd == d("3.9"));  // 39 WFI over 10 units
  REQUIRE(v.paths.size() == 1);
  const cbm::PathValuation& p = v.paths[0];
  // $10 at $0.5 is 20 WFI, mined before t = 21: reached in second 20.
  REQUIRE(p.breakeven.has_value());
  CHECK(*p.breakeven == 20);
  CHECK(p.usdEnd == d("19.5"));
  CHECK(*p.priceNow == d("0.5"));
  CHECK(std::isnan(p.apr[0]));  // not mining yet
  // 1 WFI/s x 31,536,000 s x $0.5 / (10 units x $1) = 1,576,800 = 157,680,000 %.
  CHECK(p.apr[5] == doctest::Approx(157680000.0).epsilon(1e-15));
  CHECK(p.usd[21] == 10.0);
  CHECK(p.aprWithReferrals.empty());
}

TEST_CASE("valuation: a price that grows, never paid off, referral APR, rows") {
  cbm::ValuationInput in = simple();
  in.tokenPrice = d("0.01");  // 39 WFI x $0.01 never reaches $10
  in.monthlyGrowthPercent = {0, 5};
  in.referralRate.assign(in.t.size(), d("1"));
  in.rows = true;
  const cbm::Valuation v = cbm::valueEarnings(in);
  CHECK_FALSE(v.paths[0].breakeven.has_value());
  CHECK(v.paths[0].aprWithReferrals[5] == doctest::Approx(2 * v.paths[0].apr[5]));
  REQUIRE(v.paths[1].priceRows.size() == in.t.size());
  CHECK(v.paths[1].priceRows[0] == d("0.01"));  // today's price is the typed one
  CHECK(v.paths[1].usdRows[40] == truncatedProduct(in.mined[40], v.paths[1].priceRows[40]));
  CHECK(v.paths[1].priceRows[40] > d("0.01"));
}

TEST_CASE("modelled prices: 12 significant digits of the compounded model, exact otherwise") {
  // 5% a month for 12 months (a year of 365.2425 days): 0.17 x 1.05^12 = 0.305295575423762...
  CHECK(cbm::modelledPrice(d("0.17"), 5, 31556952) == d("0.305295575424"));
  CHECK(cbm::modelledPrice(d("1"), 100, 2629746) == d("2"));  // one month, doubled
  CHECK(cbm::modelledPrice(d("0.17"), 5, 0) == d("0.17"));
  CHECK(cbm::modelledPrice(d("0.17"), 0, 86400) == d("0.17"));
  // Below 10^-6 the 12 digits go past the 18th decimal: truncated there.
  CHECK(cbm::modelledPrice(d("0.000000001"), 100, 2629746) == d("0.000000002"));
  CHECK(cbm::modelledPrice(d("0.000000000123456789"), 10, 2629746) == d("0.000000000135802467"));
}

TEST_CASE("valuation input errors name the field") {
  cbm::ValuationInput in = simple();
  in.mined.pop_back();
  CHECK_THROWS_WITH(cbm::valueEarnings(in), doctest::Contains("mined:"));
  in = simple();
  in.purchases = {};
  CHECK_THROWS_WITH(cbm::valueEarnings(in), doctest::Contains("purchases:"));
  in = simple();
  in.unitPrice = Decimal();
  CHECK_THROWS_WITH(cbm::valueEarnings(in), "unitPrice: must be greater than 0, got \"0\"");
  in = simple();
  in.tokenPrice = d("-0.01");
  CHECK_THROWS_WITH(cbm::valueEarnings(in), "tokenPrice: must not be negative, got \"-0.01\"");
  in.tokenPrice = Decimal();
  CHECK_NOTHROW(cbm::valueEarnings(in));  // a token worth nothing is a valid what-if
  in = simple();
  in.monthlyGrowthPercent = {-100};
  CHECK_THROWS_WITH(cbm::valueEarnings(in), doctest::Contains("paths[0]:"));
  in = simple();
  in.t[3] = 2;
  CHECK_THROWS_WITH(cbm::valueEarnings(in), doctest::Contains("t[3]:"));
}

TEST_CASE("valuation: now is today when it mines, each path's own figures, a near miss") {
  cbm::ValuationInput in = simple();
  in.today = 5;  // a sample falls on today, and the units mine by then
  in.monthlyGrowthPercent = {1, 0};
  const cbm::Valuation v = cbm::valueEarnings(in);
  CHECK(v.now == std::size_t{5});
  const cbm::PathValuation& growing = v.paths[0];
  CHECK(growing.monthlyGrowthPercent == 1);
  CHECK(growing.price[0] == 0.5);  // before today: today's price
  CHECK(growing.usd[0] == 0.0);
  CHECK(growing.price[40] > 0.5);  // 1% a month grows it
  CHECK(growing.usdEnd == truncatedProduct(in.mined.back(), cbm::modelledPrice(d("0.5"), 1, 35)));
  CHECK(growing.usdEnd > d("19.5"));
  // Today after every sample: no "now".
  in.today = 100;
  CHECK_FALSE(cbm::valueEarnings(in).now.has_value());
  // Floats that reach the contribution where the exact value does not: not paid off.
  cbm::ValuationInput near = simple();
  for (std::size_t i = 0; i < near.t.size(); ++i)
    near.mined[i] = i + 1 == near.t.size() ? d("19.999999999") : Decimal();
  CHECK_FALSE(cbm::valueEarnings(near).paths[0].breakeven.has_value());
  cbm::ValuationInput none = simple();
  none.purchases[0].units = 0;
  CHECK_THROWS_WITH(cbm::valueEarnings(none), doctest::Contains("purchases[0].units:"));
}

TEST_CASE("modelled prices: one second and one percent already move the 12 digits") {
  CHECK(cbm::modelledPrice(d("0.17"), 5, 1) == d("0.170000003154"));
  CHECK(cbm::modelledPrice(d("0.5"), 1, 2629746) == d("0.505"));
}

TEST_CASE("valuation: one sample is enough; units count from the second they are bought") {
  cbm::ValuationInput in;
  in.t = {100};
  in.mined = {d("5")};
  in.rate = {d("1")};
  in.purchases = {{100, 4, 101}, {90, 6, 91}};
  in.unitPrice = d("1");
  in.tokenPrice = d("0.5");
  in.today = 100;
  in.monthlyGrowthPercent = {0};
  const cbm::Valuation v = cbm::valueEarnings(in);
  CHECK(v.unitsBy == std::vector<std::int64_t>{10});  // bought at 100: counted at 100
  CHECK(v.paths[0].usd[0] == 2.5);                    // 5 WFI at $0.5
  CHECK(v.now == std::size_t{0});
  in.t = {};
  in.mined = {};
  in.rate = {};
  CHECK_THROWS_WITH(cbm::valueEarnings(in), doctest::Contains("t: must have at least one sample"));
}

TEST_CASE("valuation: now counts a purchase made today, from the sample where it mines") {
  cbm::ValuationInput in = simple();
  // An old purchase mining from second 1, and one made today (second 20), mining from 22.
  in.purchases = {{0, 10, 1}, {20, 10, 22}};
  in.today = 20;
  const cbm::Valuation v = cbm::valueEarnings(in);
  REQUIRE(v.now);
  CHECK(in.t[*v.now] == 22);  // not 20, where only the old one mines
  CHECK(v.unitsBy[*v.now] == 20);
  in.purchases = {{0, 10, 1}, {30, 10, 32}};  // bought after today: now stays today
  CHECK(in.t[*cbm::valueEarnings(in).now] == 20);
}

TEST_CASE("valuation: each purchase at its own price, the APR over what was paid by then") {
  cbm::ValuationInput in = simple();
  // 10 units at $1 from second 0, 10 more at $3 from second 10 (both mine 1 WFI/s in all).
  in.purchases = {{0, 10, 1, std::nullopt}, {10, 10, 11, d("3")}};
  in.today = 12;
  in.rows = true;
  const cbm::Valuation v = cbm::valueEarnings(in);
  CHECK(v.contributionUsd == d("40"));  // 10 x $1 + 10 x $3
  const cbm::PathValuation& p = v.paths[0];
  // 1 WFI/s x 31,536,000 s x $0.5 = $15,768,000 a year: over $10 paid, then over $40.
  CHECK(p.apr[5] == doctest::Approx(157680000.0).epsilon(1e-15));
  CHECK(p.apr[15] == doctest::Approx(39420000.0).epsilon(1e-15));
  CHECK(*p.aprRows[5] == d("157680000"));
  CHECK(*p.aprRows[15] == d("39420000"));
  // $40 at $0.5 is 80 WFI: never mined in these 40 seconds.
  CHECK_FALSE(p.breakeven.has_value());
  // Now is today, both mining: the APR over both, exact.
  REQUIRE(v.now == std::size_t{12});
  REQUIRE(p.aprNow.has_value());
  CHECK(p.aprNow->aprPercent == d("39420000"));
  CHECK(p.aprNow->contributionUsd == d("40"));
  CHECK_FALSE(p.aprNow->withReferralsPercent.has_value());

  // One price for all: the same APR as SPEC 5 gives for units x unit price.
  const cbm::Valuation same = cbm::valueEarnings(simple());
  const cbm::AprResult spec = cbm::apr({d("1"), d("0.5"), d("10"), d("1"), std::nullopt});
  CHECK(same.paths[0].aprNow->aprPercent == spec.aprPercent);
  CHECK(same.paths[0].aprNow->netGainUsd == spec.netGainUsd);

  // Units given away: nothing paid, no APR, paid back at once.
  in.purchases = {{0, 10, 1, d("0")}};
  in.today = 0;
  const cbm::Valuation free = cbm::valueEarnings(in);
  CHECK(free.contributionUsd == Decimal());
  CHECK_FALSE(free.paths[0].aprNow.has_value());
  CHECK(std::isnan(free.paths[0].apr[5]));
  CHECK(free.paths[0].breakeven == std::optional<cbm::UnixSeconds>{0});

  in.purchases = {{0, 10, 1, d("-1")}};
  CHECK_THROWS_WITH(cbm::valueEarnings(in),
                    "purchases[0].unitPrice: must not be negative, got \"-1\"");
}

TEST_CASE("a model's value below a wei is 0, at a wei a wei: truncated at the 18th decimal") {
  CHECK(cbm::twelveDigits(1.2e-19, "x").str() == "0");
  CHECK(cbm::twelveDigits(1.23e-20, "x").str() == "0");
  CHECK(cbm::twelveDigits(1.5e-18, "x").str() == "0.000000000000000001");
  CHECK(cbm::twelveDigits(2.5e-17, "x").str() == "0.000000000000000025");
}
