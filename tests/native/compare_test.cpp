// compareEarnings: each side is projectEarnings of its input counted from its own purchases (a
// later purchase's 12 months are the 12 after it), the difference is B's figures less A's, the
// earned series holds both at every period bound of either, and errors say which side.
#include "compare.hpp"

#include <doctest/doctest.h>

#include "input_error.hpp"
#include "rules.hpp"

namespace {

cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}

// 1,000 units bought today (day 90) at $0.25 among 81.6 M units growing 50,000 a day.
cbm::EarningsInput buyNow() {
  cbm::EarningsInput in;
  in.rules = cbm::poolRules({});
  in.genesis = cbm::parseDay("2026-01-01", "genesis");
  in.holder.now = 90 * cbm::kSecondsPerDay;
  in.holder.purchases = {{90 * cbm::kSecondsPerDay, 1000, d("0.25")}};
  in.holder.pool = {81'598'347, 50'000, {}, {}};
  in.tokenPrice = d("0.17");
  in.period = cbm::Period::month;
  return in;
}

}  // namespace

TEST_CASE("buy now or in six months: each side is its projection, the difference B less A") {
  const cbm::EarningsInput a = buyNow();
  cbm::EarningsInput b = a;
  b.holder.purchases[0].at = (90 + 182) * cbm::kSecondsPerDay;
  const cbm::Comparison c = cbm::compareEarnings(a, b);
  const cbm::Earnings ea = cbm::projectEarnings(a), eb = cbm::projectEarnings(b);
  CHECK(c.a.totalWfi == ea.totalWfi);
  CHECK(c.b.totalWfi == eb.totalWfi);
  CHECK(c.a.breakevenAt == ea.breakevenAt);
  CHECK(c.difference.totalWfi.raw() == eb.totalWfi.raw() - ea.totalWfi.raw());
  // A, bought today, counts from today: the projection's 12 months. B counts from its own day:
  // the 12 months after its purchase, summed here from its days.
  constexpr cbm::Seconds kDay = cbm::kSecondsPerDay;
  CHECK(c.a.from == 90 * kDay);
  CHECK(c.b.from == 272 * kDay);
  CHECK(c.difference.from == 182 * kDay);
  CHECK(c.a.firstYearUsd == ea.firstYearUsd);
  cbm::EarningsInput daily = b;
  daily.period = cbm::Period::day;
  cbm::Int128 yearWei = 0;
  for (const cbm::EarningsPeriod& p : cbm::projectEarnings(daily).periods)
    if (p.start >= 272 * kDay && p.end <= (272 + 365) * kDay) yearWei += p.wfi.raw();
  CHECK(c.b.firstYearWfi.raw() == yearWei);
  CHECK(c.b.firstYearWfi > eb.firstYearWfi);  // from today, B's year held six months of nothing
  CHECK(c.difference.firstYearReturnPercent.raw() ==
        c.b.firstYearReturnPercent.raw() - c.a.firstYearReturnPercent.raw());
  // APR on the first full day mining, as the page's headline: the midnight after each purchase.
  CHECK(c.a.aprPercentNow == cbm::earningsAt(a, 91 * kDay).aprPercent);
  CHECK(c.b.aprPercentNow == cbm::earningsAt(b, 273 * kDay).aprPercent);
  CHECK(c.difference.paidUsd == cbm::Decimal());
  REQUIRE(ea.breakevenAt);
  REQUIRE(eb.breakevenAt);
  CHECK(*c.difference.breakevenAt == *eb.breakevenAt - *ea.breakevenAt);
  CHECK(c.difference.totalWfi.isNegative());  // six months less mining, in a bigger pool

  // Every period end of either, once, ascending; each side's USD to date there (B nothing
  // before its purchase).
  std::size_t fromA = 0, fromB = 0;
  for (const cbm::ComparedPoint& p : c.earned) {
    for (const cbm::EarningsPeriod& q : ea.periods)
      if (q.end == p.end) {
        ++fromA;
        CHECK(p.a == q.cumulativeUsd);
      }
    for (const cbm::EarningsPeriod& q : eb.periods)
      if (q.end == p.end) {
        ++fromB;
        CHECK(p.b == q.cumulativeUsd);
      }
    if (p.end <= b.holder.purchases[0].at) CHECK(p.b == cbm::Decimal());
  }
  CHECK(fromA == ea.periods.size());
  CHECK(fromB == eb.periods.size());
  for (std::size_t i = 1; i < c.earned.size(); ++i) CHECK(c.earned[i - 1].end < c.earned[i].end);
}

TEST_CASE("the same scenario twice differs by nothing; a bad side is named") {
  const cbm::Comparison same = cbm::compareEarnings(buyNow(), buyNow());
  CHECK(same.difference.totalUsd == cbm::Decimal());
  CHECK(same.difference.aprPercentNow == cbm::Decimal());
  CHECK(same.difference.breakevenAt == 0);

  cbm::EarningsInput bad = buyNow();
  bad.tokenPrice = d("-1");
  CHECK_THROWS_WITH_AS(cbm::compareEarnings(buyNow(), bad),
                       "b.tokenPrice: must not be negative, got \"-1\"", cbm::InputError);
  try {
    cbm::compareEarnings(buyNow(), bad);
  } catch (const cbm::InputError& e) {
    CHECK(e.field() == "b.tokenPrice");
    CHECK(e.problem().kind == "negative");
  }
  CHECK_THROWS_WITH_AS(cbm::compareEarnings(bad, buyNow()), doctest::Contains("a.tokenPrice: "),
                       cbm::InputError);
  cbm::EarningsInput later = buyNow();
  later.genesis += 1;
  CHECK_THROWS_WITH_AS(cbm::compareEarnings(buyNow(), later), doctest::Contains("b.genesis"),
                       cbm::InputError);
}

TEST_CASE("the APR on the first full day mining, when that day starts at the moment counted from") {
  // Bought on day 30, mining long before today (day 90, a midnight): today's midnight is the
  // first full day, not tomorrow's.
  cbm::EarningsInput a = buyNow();
  a.holder.purchases[0].at = 30 * cbm::kSecondsPerDay;
  const cbm::Comparison c = cbm::compareEarnings(a, a);
  CHECK(c.a.from == 90 * cbm::kSecondsPerDay);
  CHECK(c.a.aprPercentNow == cbm::earningsAt(a, 90 * cbm::kSecondsPerDay).aprPercent);
  CHECK(c.a.aprPercentNow != cbm::earningsAt(a, 91 * cbm::kSecondsPerDay).aprPercent);
}
