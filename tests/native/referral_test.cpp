// SPEC 7b: referral income, against cases computed by hand; and SPEC 1's referral pool vesting
// against the contract's own test figures.
#include "referral.hpp"

#include <doctest/doctest.h>

#include "emission.hpp"
#include "input_error.hpp"
#include "read.hpp"

using cbm::Decimal;
using cbm::Int128;
using cbm::Seconds;

namespace {

constexpr Int128 kWei = 1'000'000'000'000'000'000;
constexpr Seconds kWeek = 604'800;

Decimal d(const char* text) {
  return Decimal::parse(text, "test");
}

// The default referral rules with these lines (share, thresholdUsd) and payouts, checked.
cbm::ReferralRules referralRules(std::initializer_list<std::pair<const char*, const char*>> lines,
                                 Seconds payEvery, Seconds lockFor = cbm::kSecondsPerYear) {
  cbm::ReferralRules rules;
  rules.lines.clear();
  for (const auto& [share, thresholdUsd] : lines)
    rules.lines.push_back({d(share), d(thresholdUsd)});
  rules.payEvery = payEvery;
  rules.lockFor = lockFor;
  return cbm::checkedReferralRules(rules);
}

using Rows = std::vector<cbm::TextRow>;
cbm::TextRow line(const char* share, const char* thresholdUsd) {
  return {{"share", share}, {"thresholdUsd", thresholdUsd}};
}

// A line mining `perSecond` WFI every second from t = 0, sampled at `times`.
cbm::MinedSeries steady(const std::vector<Seconds>& times, Int128 perSecondWei) {
  cbm::MinedSeries line;
  for (const Seconds t : times) {
    line.minedWei.push_back(perSecondWei * t);
    line.rateWei.push_back(perSecondWei);
  }
  return line;
}

}  // namespace

TEST_CASE("vesting of the referral and staking pool: the contract's integer division") {
  const cbm::VestingRules pool;
  // test/WFIDistributor.t.sol: REFERRAL_STAKING_POOL / 730 days after 1 s.
  CHECK(cbm::vested(1, pool).raw() == Int128(2'028'333'238'203'957'382));
  CHECK(cbm::vested(0, pool).isZero());
  CHECK(cbm::vested(pool.duration / 4, pool).str() == "31982758.5");
  CHECK(cbm::vested(pool.duration / 2, pool).str() == "63965517");
  CHECK(cbm::vested(pool.duration, pool).str() == "127931034");
  CHECK(cbm::vested(10 * pool.duration, pool).str() == "127931034");
  // floor(127,931,034 x 10^18 x 7 / 63,072,000) = 14,198,332,667,427,701,674 wei.
  CHECK(cbm::vested(7, pool).raw() == Int128(14'198'332'667'427'701'674ULL));
  const cbm::VestingRules small{Decimal::fromInteger(10), 3};
  CHECK(cbm::vested(1, small).str() == "3.333333333333333333");
}

TEST_CASE("a line pays its share weekly once the holder's purchases reach its threshold") {
  // Samples every day for three weeks; line 1 mines 1 WFI/s, line 2 2 WFI/s, line 3 4 WFI/s.
  std::vector<Seconds> t;
  for (Seconds day = 0; day <= 21; ++day) t.push_back(day * 86'400);
  const std::vector<cbm::MinedSeries> lines = {steady(t, kWei), steady(t, 2 * kWei),
                                               steady(t, 4 * kWei)};
  // $300 at day 3 unlocks line 1; $300 more at day 10 unlocks line 2; line 3 ($1,000) never.
  const std::vector<cbm::Purchase> purchases = {{3 * 86'400, d("1200"), d("0.25")},
                                                {10 * 86'400, d("1000"), d("0.3")}};
  const cbm::ReferralIncome r = cbm::referralIncome(t, lines, purchases, cbm::ReferralRules());
  REQUIRE(r.unlockedAt.size() == 3);
  CHECK(r.unlockedAt[0] == 3 * 86'400);
  CHECK(r.unlockedAt[1] == 10 * 86'400);
  CHECK_FALSE(r.unlockedAt[2]);
  REQUIRE(r.payouts.size() == 3);
  // Week 1 (paid at its end, day 7): line 1 is unlocked by then: 3% of 604,800 WFI.
  CHECK(r.payouts[0].at == kWeek);
  CHECK(r.payouts[0].unlocksAt == kWeek + 31'536'000);
  CHECK(r.payouts[0].lineWei[0] == 18'144 * kWei);
  CHECK(r.payouts[0].lineWei[1] == 0);
  CHECK(r.payouts[0].amountWei == 18'144 * kWei);
  // Week 2: line 1 again, and line 2 (unlocked on day 10): 5% of 1,209,600 WFI = 60,480.
  CHECK(r.payouts[1].lineWei[1] == 60'480 * kWei);
  CHECK(r.payouts[1].amountWei == 78'624 * kWei);
  CHECK(r.payouts[2].at == 3 * kWeek);
  CHECK(r.totalWei == (18'144 + 2 * 78'624) * kWei);
  // The series: paid on the payout days, none of it unlocked within the year.
  CHECK(r.paidWei[6] == 0);
  CHECK(r.paidWei[7] == 18'144 * kWei);
  CHECK(r.paidWei[21] == r.totalWei);
  CHECK(r.unlockedWei[21] == 0);
  CHECK(r.lockedWei[21] == r.totalWei);
  // Accruing now: 3% of 1 WFI/s from day 3, plus 5% of 2 WFI/s from day 10.
  CHECK(r.rateWei[2] == 0);
  CHECK(r.rateWei[3] == 3 * kWei / 100);
  CHECK(r.rateWei[10] == 13 * kWei / 100);
}

TEST_CASE("a year after each payout it unlocks; the last partial week is paid at its end") {
  // Weekly samples for 60 weeks, then one last sample 3 days into week 61.
  std::vector<Seconds> t;
  for (Seconds w = 0; w <= 60; ++w) t.push_back(w * kWeek);
  t.push_back(60 * kWeek + 3 * 86'400);
  const std::vector<cbm::MinedSeries> lines = {steady(t, kWei)};
  const cbm::ReferralIncome r =
      cbm::referralIncome(t, lines, {{0, d("250"), d("1")}}, cbm::ReferralRules());
  REQUIRE(r.payouts.size() == 61);
  const Int128 weekly = 18'144 * kWei;  // 3% of 604,800 WFI
  CHECK(r.payouts[0].amountWei == weekly);
  // The 3 days after week 60 are paid at the end of week 61, after the last sample.
  CHECK(r.payouts[60].at == 61 * kWeek);
  CHECK(r.payouts[60].amountWei == 3 * 86'400 * kWei * 3 / 100);
  CHECK(r.paidWei.back() == 60 * weekly);
  // 31,536,000 s is 52 weeks and a day: the payout at week 1 unlocks a day after week 53.
  CHECK(r.unlockedWei[53] == 0);
  CHECK(r.unlockedWei[54] == weekly);
  CHECK(r.unlockedWei[60] == 7 * weekly);
  CHECK(r.lockedWei[60] == 53 * weekly);
}

TEST_CASE("below the threshold a line earns nothing; shares are truncated to the wei") {
  std::vector<Seconds> t = {0, kWeek};
  cbm::MinedSeries odd;
  odd.minedWei = {0, 33};  // 3% of 33 wei = 0.99 wei: nothing
  odd.rateWei = {1, 1};
  const auto r = cbm::referralIncome(t, {odd}, {{0, d("249.99"), d("1")}}, cbm::ReferralRules());
  CHECK(r.payouts.empty());
  CHECK(r.totalWei == 0);
  const auto paid = cbm::referralIncome(t, {odd}, {{0, d("250"), d("1")}}, cbm::ReferralRules());
  CHECK(paid.payouts.empty());  // unlocked, but 0.99 wei truncates to nothing
  cbm::MinedSeries more = odd;
  more.minedWei = {0, 34};
  const auto one = cbm::referralIncome(t, {more}, {{0, d("250"), d("1")}}, cbm::ReferralRules());
  REQUIRE(one.payouts.size() == 1);
  CHECK(one.payouts[0].amountWei == 1);
}

TEST_CASE("referral rules and inputs are checked, naming the field") {
  // The caller's texts, read at the boundary.
  CHECK_THROWS_WITH(
      cbm::readReferralRules({{"lines", Rows{line("0.03", "250"), line("2", "500")}}}),
      "rules.lines[1].share: must be at most 1 (all of what the line mines), got "
      "\"2\"");
  CHECK_THROWS_WITH(cbm::readReferralRules({{"payEvery", "0"}}),
                    "rules.payEvery: must be a whole number from 1 to 3153600000, got \"0\"");
  CHECK_THROWS_WITH(cbm::readReferralRules({{"speed", "1"}}),
                    "rules.speed: is not a rule of this call");
  const auto rules = referralRules({{"0.5", "0"}}, 10, 0);
  REQUIRE(rules.lines.size() == 1);
  CHECK(rules.lines[0].share == d("0.5"));
  CHECK(rules.payEvery == 10);

  const std::vector<Seconds> t = {0, 10, 20};
  cbm::MinedSeries line;
  line.minedWei = {0, 10, 30};
  line.rateWei = {1, 2, 0};
  const auto r = cbm::referralIncome(t, {line}, {}, rules);  // a threshold of 0 needs no purchase
  REQUIRE(r.payouts.size() == 2);
  CHECK(r.payouts[1].amountWei == 10);
  CHECK(r.unlockedWei[1] == 5);  // lockFor 0: unlocked when paid

  CHECK_THROWS_WITH(cbm::referralIncome({0, 20}, {line}, {}, rules),
                    "lines[0]: must have one mined and one rate value for each of the 2 times");
  CHECK_THROWS_WITH(cbm::referralIncome({0, 5, 20}, {line}, {}, rules),
                    "t: must hold every payout time (each multiple of 10 s) between its first and "
                    "last value; 10 is missing");
  CHECK_THROWS_WITH(cbm::referralIncome({0, 10, 10}, {line}, {}, rules),
                    "t[2]: must be later than the time before it");
  cbm::MinedSeries falling = line;
  falling.minedWei = {0, 10, 9};
  CHECK_THROWS_WITH(cbm::referralIncome(t, {falling}, {}, rules),
                    "lines[0].mined[2]: must not be negative or less than the value before it "
                    "(mined to date)");
  CHECK_THROWS_WITH(cbm::referralIncome(t, {line, line}, {}, rules),
                    "lines: has 2 lines; the rules have 1");
}

TEST_CASE("referral edge cases: a threshold of 0, flat mining, a share of all of it") {
  const auto rules = referralRules({{"1", "0"}}, 10);
  CHECK(rules.lines[0].share == Decimal::fromInteger(1));  // all of what the line mines
  cbm::MinedSeries flat;
  flat.minedWei = {5, 5, 9};  // nothing mined in the first ten seconds: allowed
  flat.rateWei = {0, 0, 0};
  const auto r = cbm::referralIncome({0, 10, 20}, {flat}, {}, rules);
  REQUIRE(r.unlockedAt[0]);
  CHECK(*r.unlockedAt[0] == 0);  // no purchase needed: unlocked from genesis
  REQUIRE(r.payouts.size() == 1);
  CHECK(r.payouts[0].at == 20);
  CHECK(r.payouts[0].amountWei == 4);
  cbm::MinedSeries falling;
  falling.minedWei = {5, 3, 9};
  falling.rateWei = {0, 0, 0};
  CHECK_THROWS_WITH(cbm::referralIncome({0, 10, 20}, {falling}, {}, rules),
                    doctest::Contains("lines[0].mined[1]:"));
  // A purchase at second 7 unlocks a $1 line then: the payout at 10 counts, the rate from 7.
  const auto paid = referralRules({{"0.5", "1"}}, 10);
  cbm::MinedSeries steadyLine;
  steadyLine.minedWei = {0, 70, 80, 100};
  steadyLine.rateWei = {2, 2, 2, 2};
  const auto p = cbm::referralIncome({0, 6, 7, 10}, {steadyLine}, {{7, d("1"), d("1")}}, paid);
  CHECK(p.unlockedAt[0] == 7);
  CHECK(p.rateWei[1] == 0);
  CHECK(p.rateWei[2] == 1);
  REQUIRE(p.payouts.size() == 1);
  CHECK(p.payouts[0].amountWei == 50);  // half of all 100 wei mined by the payout time
}
