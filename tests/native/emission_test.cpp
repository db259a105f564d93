// SPEC 1: emission totals, halvings and the supply cap, to the wei.
#include "emission.hpp"

#include <doctest/doctest.h>

#include "read.hpp"

using cbm::Decimal;
using cbm::EmissionSchedule;
using cbm::Int128;

namespace {
constexpr Int128 kWei = 1'000'000'000'000'000'000;
Int128 wfi(long long n) {
  return Int128(n) * kWei;
}
Decimal d(const char* text) {
  return Decimal::parse(text, "test");
}
// Stages of (rate, duration).
cbm::Schedule schedule(std::initializer_list<std::pair<const char*, cbm::Seconds>> stages) {
  cbm::Schedule out;
  for (const auto& [rate, duration] : stages) out.push_back({d(rate), duration});
  return out;
}

// The caller's rules as the boundary reads them: a schedule is a list of rows.
using Rows = std::vector<cbm::TextRow>;
cbm::TextRow stage(const char* rate, const char* duration) {
  return {{"rate", rate}, {"duration", duration}};
}
}  // namespace

// The contract's own figures (wefico/wefi-contracts, test/WFIDistributor.t.sol,
// testCalculateMiningRewardsAtVariousTimestamps): emission of the seconds 0 .. t-1 is
// totalUnlockedMiningRewards() at launch + t.
TEST_CASE("default schedule: the deployed contract's 8, 4, 2, 1 WFI/s stages") {
  EmissionSchedule s(cbm::poolRules().emission);
  const cbm::Seconds stage = 57'471'264;
  CHECK(s.emitted(0, 0) == 0);
  CHECK(s.emitted(0, 1'000) == wfi(8'000));
  CHECK(s.emitted(0, stage) == wfi(459'770'112));
  CHECK(s.emitted(0, stage + stage / 2) == wfi(459'770'112 + 114'942'528));
  CHECK(s.emitted(0, 4 * stage + 6) == wfi(862'068'966));
  CHECK(s.total() == wfi(862'068'966));
  CHECK(s.endsAt() == 229'885'062);
  CHECK(s.rateAt(stage - 1) == wfi(8));
  CHECK(s.rateAt(stage) == wfi(4));
  CHECK(s.rateAt(3 * stage) == wfi(1));
  CHECK(s.rateAt(4 * stage + 5) == wfi(1));
  CHECK(s.rateAt(4 * stage + 6) == 0);
  CHECK(s.stageAt(0) == 1);
  CHECK(s.stageAt(2 * stage) == 3);
  CHECK(s.stageAt(4 * stage + 5) == 4);
  CHECK(s.stageAt(4 * stage + 6) == 0);
  CHECK(s.nextHalvingAfter(0) == stage);
  CHECK(s.nextHalvingAfter(stage) == 2 * stage);
  CHECK(s.nextHalvingAfter(3 * stage - 1) == 3 * stage);
  CHECK(s.nextHalvingAfter(3 * stage) == std::nullopt);  // the last stage ends emission
  CHECK(s.nextHalvingAfter(4 * stage + 6) == std::nullopt);
  const auto stages = s.stages();
  REQUIRE(stages.size() == 4);
  CHECK(stages[0].emittedWei == wfi(459'770'112));
  CHECK(stages[1].emittedWei == wfi(229'885'056));
  CHECK(stages[2].emittedWei == wfi(114'942'528));
  CHECK(stages[3].emittedWei == wfi(57'471'270));
  CHECK(stages[3].end == 229'885'062);
  // The contract's cap (MINING_REWARDS_POOL) is exactly its schedule's total: it never bites.
  cbm::PoolRuleChoices cappedChoices;
  cappedChoices.supplyCap = d("862068966");
  auto capped = cbm::poolRules(cappedChoices);
  CHECK(EmissionSchedule(capped.emission).pieces().size() == 4);
  CHECK(EmissionSchedule(capped.emission).endsAt() == 229'885'062);
}

TEST_CASE("the whitepaper's halving form: 8 WFI/s halving every 2 years over 4 stages") {
  cbm::PoolRuleChoices whitepaper;
  whitepaper.halvingPeriod = 63'072'000;
  EmissionSchedule s(cbm::poolRules(whitepaper).emission);
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
  cbm::PoolRuleChoices presets;
  presets.halvingPeriod = 62'985'600;
  presets.supplyCap = d("862068966");
  auto rules = cbm::poolRules(presets);
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

TEST_CASE("a schedule as a list of stages, zero rates included") {
  cbm::PoolRuleChoices paused;
  paused.schedule = schedule({{"3", 10}, {"0", 5}, {"1.5", 4}, {"0", 7}});
  auto rules = cbm::poolRules(paused);
  EmissionSchedule s(rules.emission);
  CHECK(s.rateAt(9) == wfi(3));
  CHECK(s.rateAt(10) == 0);  // a pause: stage 2 emits nothing
  CHECK(s.stageAt(12) == 2);
  CHECK(s.rateAt(15) == wfi(3) / 2);
  CHECK(s.endsAt() == 19);  // the last stage emits nothing: emission has ended before it
  CHECK(s.total() == wfi(36));
  CHECK(s.nextHalvingAfter(0) == 10);
  CHECK(s.nextHalvingAfter(10) == 15);
  CHECK(s.nextHalvingAfter(15) == std::nullopt);
  // With a cap inside the third stage.
  cbm::PoolRuleChoices cappedStages;
  cappedStages.schedule = schedule({{"3", 10}, {"0", 5}, {"1.5", 4}});
  cappedStages.supplyCap = d("32.25");
  auto capped = cbm::poolRules(cappedStages);
  EmissionSchedule c(capped.emission);
  CHECK(c.total() == wfi(32) + kWei / 4);
  CHECK(c.rateAt(16) == kWei / 4 * 3);  // 1.5 whole second, then 0.75 of the last
  CHECK(c.endsAt() == 17);
  const auto stages = c.stages();
  REQUIRE(stages.size() == 3);
  CHECK(stages[1].stage == 2);
  CHECK(stages[1].emittedWei == 0);
  CHECK(stages[2].start == 15);
  CHECK(stages[2].end == 17);
  CHECK(stages[2].rateWei == wfi(3) / 2);
  CHECK(stages[2].emittedWei == wfi(2) + kWei / 4);
}

TEST_CASE("the halving form takes the whitepaper's value for a field it is not given") {
  const auto stages = [](const cbm::PoolRuleChoices& choices) {
    return cbm::poolRules(choices).emission.schedule;
  };
  cbm::PoolRuleChoices oneStage, quickHalving, slowRate;
  oneStage.stages = 1;
  quickHalving.halvingPeriod = 50;
  slowRate.baseRate = d("2");
  const auto one = stages(oneStage);
  REQUIRE(one.size() == 1);
  CHECK(one[0].rate == Decimal::fromInteger(8));
  CHECK(one[0].duration == 63'072'000);
  const auto quick = stages(quickHalving);
  REQUIRE(quick.size() == 4);
  CHECK(quick[3].rate == Decimal::fromInteger(1));
  CHECK(quick[3].duration == 50);
  CHECK(stages(slowRate)[1].rate == Decimal::fromInteger(1));
}

TEST_CASE("schedules are checked and name the stage") {
  CHECK_THROWS_WITH(cbm::readPoolRules({{"schedule", Rows{stage("8", "10")}}, {"stages", "2"}}),
                    "rules.schedule: give either a schedule or the halving form (baseRate, "
                    "halvingPeriod, stages), not both");
  CHECK_THROWS_WITH(cbm::readPoolRules({{"schedule", Rows{}}}),
                    "rules.schedule: must have at least one stage");
  CHECK_THROWS_WITH(cbm::readPoolRules({{"schedule", Rows{stage("8", "10"), stage("4", "0")}}}),
                    "rules.schedule[1].duration: must be a whole number from 1 to 3153600000, "
                    "got \"0\"");
  CHECK_THROWS_WITH(cbm::readPoolRules({{"schedule", Rows{stage("8", "-5")}}}),
                    "rules.schedule[0].duration: must be a whole number from 1 to 3153600000, "
                    "got \"-5\"");
  CHECK_THROWS_WITH(cbm::readPoolRules({{"schedule", Rows{stage("8", "10"), stage("-1", "10")}}}),
                    "rules.schedule[1].rate: must not be negative, got \"-1\"");
  // Stages are rows now, not "rate:duration" text: the nearest to the old "8" (no colon) is a row
  // without its duration.
  CHECK_THROWS_WITH(cbm::readPoolRules({{"schedule", Rows{{{"rate", "8"}}}}}),
                    "rules.schedule[0].duration: is required");
  CHECK_THROWS_WITH(cbm::readPoolRules({{"schedule", Rows{stage("1000000000", "3153600000")}}}),
                    "rules.schedule: would emit more than 1000000000000 WFI in all (a thousand "
                    "times the supply)");
  const Rows many(101, stage("1", "1"));
  CHECK_THROWS_WITH(cbm::readPoolRules({{"schedule", many}}),
                    "rules.schedule: must have at most 100 stages");
}

TEST_CASE("a cap that ends emission in the middle of a second emits only the remainder") {
  cbm::PoolRuleChoices choices;
  choices.supplyCap = d("20.5");
  auto rules = cbm::poolRules(choices);
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
  cbm::PoolRuleChoices choices;
  choices.baseRate = d("0.000000000000000003");
  choices.stages = 5;
  auto rules = cbm::poolRules(choices);
  EmissionSchedule s(rules.emission);
  CHECK(s.rateAt(0) == 3);
  CHECK(s.rateAt(63'072'000) == 1);      // 3/2 truncated
  CHECK(s.rateAt(2 * 63'072'000) == 0);  // 3/4 truncated: emission ends
  CHECK(s.endsAt() == 2 * 63'072'000);
}

TEST_CASE("rule overrides are checked and name the rule") {
  // The caller's texts, read at the boundary.
  CHECK_THROWS_WITH(cbm::readPoolRules({{"halvingPeriod", "0"}}),
                    "rules.halvingPeriod: must be a whole number from 1 to 3153600000, got \"0\"");
  CHECK_THROWS_WITH(cbm::readPoolRules({{"stages", "2.5"}}),
                    "rules.stages: must be a whole number from 1 to 100, got \"2.5\"");
  CHECK_THROWS_WITH(cbm::readPoolRules({{"halvingPriod", "5"}}),
                    "rules.halvingPriod: is not a rule of this call");
  CHECK_THROWS_WITH(cbm::readPoolRules({{"supplyCap", "-1"}}),
                    "rules.supplyCap: must be greater than 0, got \"-1\"");
  CHECK_THROWS_WITH(cbm::readPoolRules({{"lifetime", "none"}}),
                    "rules.lifetime: the linear model needs a lifetime, got none");
  CHECK_NOTHROW(cbm::readPoolRules({{"amortization", "none"}, {"lifetime", "none"}}));
  CHECK_THROWS_WITH(cbm::readPoolRules({{"amortization", "quadratic"}}),
                    "rules.amortization: must be \"none\", \"linear\" or \"exponential\", got "
                    "\"quadratic\"");
}

TEST_CASE("the rule set as JSON is the SPEC's, every group of it") {
  // SPEC 1, 2, 3, 6 (illustrative), 7 and 7b, written out from the SPEC.
  CHECK(
      cbm::defaultsJson() ==
      "{\"pool\":{\"schedule\":[{\"rate\":\"8\",\"duration\":57471264},{\"rate\":\"4\","
      "\"duration\":57471264},{\"rate\":\"2\",\"duration\":57471264},{\"rate\":\"1\","
      "\"duration\":57471270}],\"supplyCap\":null,\"activationsPerSecond\":1,\"amortization\":"
      "\"linear\",\"lifetime\":252288000,\"halfLife\":63072000},\"points\":{\"base\":\"100\","
      "\"decayRate\":\"0.0001\",\"maxSessionSeconds\":86400,\"cooldownSeconds\":86400,"
      "\"weightCap\":\"5\",\"checkinTiers\":[{\"min\":\"30\",\"weight\":\"1\"},{\"min\":\"15\","
      "\"weight\":\"0.8\"},{\"min\":\"7\",\"weight\":\"0.5\"},{\"min\":\"0\",\"weight\":\"0.1\"}],"
      "\"pointsTiers\":[{\"min\":\"5000\",\"weight\":\"1\"},{\"min\":\"3000\",\"weight\":\"0.5\"},"
      "{\"min\":\"1000\",\"weight\":\"0.3\"}],\"inviteTiers\":[{\"min\":\"30\",\"weight\":\"1\"},"
      "{\"min\":\"10\",\"weight\":\"0.5\"},{\"min\":\"5\",\"weight\":\"0.2\"}]},\"supplyControl\":"
      "{\"thresholds\":[{\"energy\":\"0\",\"releasedFraction\":\"0\"},{\"energy\":\"1000000\","
      "\"releasedFraction\":\"0.1\"},{\"energy\":\"10000000\",\"releasedFraction\":\"0.25\"},"
      "{\"energy\":\"100000000\",\"releasedFraction\":\"0.5\"},{\"energy\":\"1000000000\","
      "\"releasedFraction\":\"1\"}],\"basePrice\":\"1\",\"priceStep\":\"0.1\",\"burnStep\":"
      "\"1000000\",\"illustrative\":true},\"vesting\":{\"total\":\"127931034\",\"duration\":"
      "63072000},\"referral\":{\"lines\":[{\"share\":\"0.03\",\"thresholdUsd\":\"250\"},{\"share\":"
      "\"0.05\",\"thresholdUsd\":\"500\"},{\"share\":\"0.08\",\"thresholdUsd\":\"1000\"}],"
      "\"payEvery\":604800,\"lockFor\":31536000},\"secondsPerYear\":31536000,"
      "\"summary\":{\"lifetimeYears\":\"8\",\"stageDays\":\"665.18\"}}");
  const std::string presets = cbm::presetsJson();
  CHECK(presets.rfind("{\"contract\":{\"label\":\"WeFi's distribution contract (default)\"", 0) ==
        0);
  CHECK(presets.find("\"rules\":{\"schedule\":[{\"rate\":\"8\",\"duration\":57471264},") !=
        std::string::npos);
  CHECK(presets.find("\"whitepaper\":{\"label\":\"Whitepaper: halving every 2 years\"") !=
        std::string::npos);
  CHECK(presets.find("(\\\"reduces mining rewards by 50% every 2 years\\\")") != std::string::npos);
  CHECK(presets.find("\"rules\":{\"baseRate\":\"8\",\"halvingPeriod\":62985600,\"stages\":4}") !=
        std::string::npos);
}

TEST_CASE("rule limits, at and just beyond") {
  cbm::PoolRuleChoices fastest;
  fastest.baseRate = d("1000000000");
  fastest.stages = 1;
  fastest.halvingPeriod = 1000;
  CHECK_NOTHROW(cbm::poolRules(fastest));
  CHECK_THROWS_WITH(cbm::readPoolRules({{"baseRate", "1000000000.000000000000000001"}}),
                    doctest::Contains("rules.baseRate: must be at most 1000000000 WFI per second"));
  CHECK_THROWS_WITH(
      cbm::readPoolRules({{"schedule", Rows{stage("1000000000.000000000000000001", "1")}}}),
      doctest::Contains("rules.schedule[0].rate: must be at most 1000000000 WFI"));
  CHECK_THROWS_WITH(cbm::readPoolRules({{"amortization", "none"}, {"lifetime", "0"}}),
                    "rules.lifetime: must be a whole number from 1 to 3153600000, got \"0\"");
  cbm::PoolRuleChoices shortLived;
  shortLived.amortization = cbm::Amortization::none;
  shortLived.lifetime = std::optional<cbm::Seconds>(1);
  CHECK(cbm::poolRules(shortLived).lifetime == 1);
  // 10^12 WFI in all is allowed; a wei more is not.
  cbm::PoolRuleChoices most;
  most.schedule = schedule({{"1000", 1'000'000'000}});
  CHECK_NOTHROW(cbm::poolRules(most));
  CHECK_THROWS_WITH(cbm::readPoolRules({{"schedule", Rows{stage("1000", "1000000000"),
                                                          stage("0.000000000000000001", "1")}}}),
                    doctest::Contains("would emit more than 1000000000000 WFI"));
}

TEST_CASE("edges of the schedule: a cap on a 1-wei rate, nothing to emit, from genesis") {
  cbm::PoolRuleChoices tinyChoices;
  tinyChoices.schedule = schedule({{"0.000000000000000001", 100}});
  tinyChoices.supplyCap = d("0.00000000000000001");
  auto tiny = cbm::poolRules(tinyChoices);
  EmissionSchedule capped(tiny.emission);
  CHECK(capped.total() == 10);  // 10 wei: the cap, not the 100 of the schedule
  CHECK(capped.endsAt() == 10);
  // A cap one wei past a whole number of seconds: that wei is the last second's remainder.
  cbm::PoolRuleChoices oneOverChoices;
  oneOverChoices.schedule = schedule({{"2", 100}});
  oneOverChoices.supplyCap = d("10.000000000000000001");
  auto oneOver = cbm::poolRules(oneOverChoices);
  EmissionSchedule remainder(oneOver.emission);
  CHECK(remainder.total() == wfi(10) + 1);
  CHECK(remainder.endsAt() == 6);
  CHECK(remainder.rateAt(5) == 1);
  cbm::PoolRuleChoices silent;
  silent.schedule = schedule({{"0", 10}});
  EmissionSchedule nothing(cbm::poolRules(silent).emission);
  CHECK(nothing.endsAt() == 0);
  CHECK(nothing.total() == 0);
  CHECK(nothing.pieces().empty());
  const cbm::EmissionReport fromGenesis = cbm::emissionReport(0, 10, cbm::poolRules().emission);
  CHECK(fromGenesis.emitted.str() == "80");
  CHECK(fromGenesis.stage == 1);
}
