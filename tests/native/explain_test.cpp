// explain: each explanation's terms are the values that give its figure (seed 003's APR worked
// out, the block reward as rate x power / pool power to the wei, breakeven as the first second
// that covers what was paid), and every name in braces in a formula or note is one of its terms.
#include "explain.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "input_error.hpp"
#include "rules.hpp"

namespace {

cbm::Decimal d(const std::string& text) {
  return cbm::Decimal::parse(text, "test");
}

std::map<std::string, cbm::Explanation> byFigure(const std::vector<cbm::Explanation>& list) {
  std::map<std::string, cbm::Explanation> out;
  for (const cbm::Explanation& e : list) out[e.figure] = e;
  return out;
}

std::string value(const cbm::Explanation& e, const std::string& name) {
  for (const cbm::Term& t : e.terms)
    if (t.name == name) return t.value;
  FAIL(e.figure << " has no term " << name);
  return "";
}

// Every {name} in the formula and the notes is a term of the explanation.
void checkNamesAreTerms(const cbm::Explanation& e) {
  std::set<std::string> names;
  for (const cbm::Term& t : e.terms) names.insert(t.name);
  std::vector<std::string> texts = e.notes;
  texts.push_back(e.formula);
  for (const std::string& text : texts)
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', open + 1)) {
      const std::string name = text.substr(open + 1, text.find('}', open) - open - 1);
      INFO(e.figure << ": " << text);
      CHECK(names.count(name) == 1);
    }
}

cbm::EarningsInput holder() {
  cbm::EarningsInput in;
  in.rules = cbm::poolRules({});
  in.genesis = cbm::parseDay("2026-01-01", "genesis");
  in.holder.now = 90 * cbm::kSecondsPerDay;
  in.holder.purchases = {{30 * cbm::kSecondsPerDay, 400, d("0.3")},
                         {90 * cbm::kSecondsPerDay, 1000, d("0.25")}};
  in.holder.pool = {81'598'347, 50'000, {}, {}};
  in.tokenPrice = d("0.17");
  in.period = cbm::Period::month;
  return in;
}

}  // namespace

TEST_CASE("the APR calculator's figures: seed 003 worked out with its own values") {
  const auto e = byFigure(cbm::explainApr({d("0.00009804"), d("0.17"), d("1000"), d("0.25"), {}}));
  REQUIRE(e.size() == 6);
  const cbm::Explanation& apr = e.at("aprPercent");
  CHECK(apr.formula ==
        "{aprPercent} = {blockReward} × {secondsPerYear} × {tokenPrice} / ({units} × "
        "{unitPrice}) × 100");
  CHECK(value(apr, "aprPercent") == "210.24168192");  // seed 003
  CHECK(value(apr, "blockReward") == "0.00009804");
  CHECK(value(apr, "secondsPerYear") == "31536000");
  CHECK(value(apr, "tokenPrice") == "0.17");
  CHECK(value(apr, "units") == "1000");
  CHECK(value(apr, "unitPrice") == "0.25");
  CHECK(value(e.at("yearlyReward"), "yearlyReward") == "3091.78944");  // 0.00009804 x 31,536,000
  CHECK(value(e.at("yearlyRewardUsd"), "yearlyRewardUsd") == "525.6042048");
  CHECK(value(e.at("contributionUsd"), "contributionUsd") == "250");
  CHECK(value(e.at("netGainPercent"), "netGainPercent") == "110.24168192");
  CHECK(value(e.at("netGainUsd"), "netGainUsd") == "275.6042048");
  for (const auto& [figure, explanation] : e) checkNamesAreTerms(explanation);
}

TEST_CASE(
    "a holder's figures now: the block reward is the rate times their power over the pool's") {
  const cbm::EarningsInput in = holder();
  const cbm::Earnings projected = cbm::projectEarnings(in);
  const auto e = byFigure(cbm::explainEarnings(in));
  for (const auto& [figure, explanation] : e) checkNamesAreTerms(explanation);

  const cbm::Explanation& block = e.at("now.blockReward");
  CHECK(value(block, "blockReward") == projected.now.blockReward.str());
  CHECK(value(block, "rate") == "8");  // stage 1 of the contract's schedule: 8 WFI a second
  CHECK(value(block, "stage") == "1");
  CHECK(value(block, "atDate") == "2026-04-01");
  // rate x power / pool power, from the terms' own digits, within a wei of the figure.
  const cbm::BigInt rate = d(value(block, "rate")).big(),
                    power = d(value(block, "yourPower")).big(),
                    pool = d(value(block, "poolPower")).big();
  const cbm::BigInt recomputed = rate * power / pool;
  const cbm::BigInt figure = projected.now.blockReward.big();
  CHECK(recomputed - figure <= 1);
  CHECK(figure - recomputed <= 1);
  // The purchase 60 days old has lost 60 / 2,922 of its power (linear, 8 years of 365.25 days);
  // the pool's power is everyone else's and the holder's.
  CHECK(d(value(block, "yourPower")) < d("1400"));
  CHECK(d(value(block, "yourPower")) > d("1391"));

  const cbm::Explanation& perDay = e.at("now.wfiPerDay");
  CHECK(d(value(perDay, "wfiPerDay")) ==
        projected.now.blockReward.times(cbm::Decimal::fromInteger(86400), "test"));
  const cbm::Explanation& apr = e.at("now.aprPercent");
  CHECK(value(apr, "paidUsd") == "370");  // 400 x 0.3 + 1,000 x 0.25: both mining
  CHECK(value(apr, "aprPercent") ==
        cbm::apr({projected.now.blockReward, d("0.17"), d("1"), d("370"), {}}).aprPercent.str());

  const cbm::Explanation& breakeven = e.at("breakevenAt");
  REQUIRE(projected.breakevenAt);
  CHECK(d(value(breakeven, "minedUsd")) >= projected.paidUsd);
  CHECK(d(value(breakeven, "minedUsdBefore")) < projected.paidUsd);
  CHECK(d(value(breakeven, "minedUsd")) ==
        d(value(breakeven, "minedWfi")).times(d("0.17"), "test"));

  const cbm::Explanation& halving = e.at("nextHalving");
  CHECK(value(halving, "stageAfter") == "2");
  CHECK(value(halving, "blockRewardAfter") == projected.afterHalving.blockReward.str());
  CHECK(d(value(halving, "rateAfter")) < d(value(halving, "rate")));
  CHECK(value(e.at("firstYear.usd"), "yearUsd") == projected.firstYearUsd.str());
  CHECK(value(e.at("firstYear.returnPercent"), "returnPercent") ==
        projected.firstYearReturnPercent.str());
  CHECK(value(e.at("firstYear.returnPercent"), "paidUsd") == "370");
}

TEST_CASE("a holder who never breaks even is told why, in their numbers") {
  cbm::EarningsInput in = holder();
  in.tokenPrice = d("0.00001");
  const auto e = byFigure(cbm::explainEarnings(in));
  const cbm::Explanation& breakeven = e.at("breakevenAt");
  CHECK(breakeven.formula.empty());
  CHECK(d(value(breakeven, "totalUsd")) < d(value(breakeven, "paidUsd")));
  checkNamesAreTerms(breakeven);
}

TEST_CASE(
    "explained at another second, the now figures are that second's, as the pool engine has it") {
  const cbm::EarningsInput in = holder();
  const cbm::Seconds tomorrow = 91 * cbm::kSecondsPerDay;
  cbm::PoolScenario s = cbm::holderScenario(in.rules, in.holder).scenario;
  s.sampleAt = {tomorrow};
  const cbm::PoolResult r = cbm::simulatePool(std::move(s));
  const std::string engine = cbm::Decimal::fromRaw(r.series.front().focusRateWei).str();
  const auto e = byFigure(cbm::explainEarnings(in, tomorrow));
  CHECK(value(e.at("now.blockReward"), "blockReward") == engine);
  CHECK(value(e.at("now.blockReward"), "atDate") == "2026-04-02");
  CHECK(d(value(e.at("now.wfiPerDay"), "wfiPerDay")) ==
        d(engine).times(cbm::Decimal::fromInteger(86400), "test"));
  // At the second the projection's now describes (the first of the purchase bought now), the
  // projection's; a second before it, that purchase does not mine yet.
  const cbm::Earnings projected = cbm::projectEarnings(in);
  const cbm::Seconds first = projected.nowMoment.terms.at;
  CHECK(first > 90 * cbm::kSecondsPerDay);
  CHECK(cbm::earningsAt(in, first).rate.blockReward == projected.now.blockReward);
  CHECK(cbm::earningsAt(in, first - 1).rate.blockReward < projected.now.blockReward);
  CHECK_THROWS_AS(cbm::earningsAt(in, -1), cbm::InputError);
}

TEST_CASE("a points session: 100 x (1 - e^(-0.0001 x 7,200)) x 1, the seeds' 51.32... points") {
  const cbm::PointsRules rules;
  cbm::WeightInput in;
  in.streakDays = 0;
  const auto e = byFigure(cbm::explainPoints(in, 7200, rules));
  for (const auto& [figure, explanation] : e) checkNamesAreTerms(explanation);
  const cbm::Explanation& reward = e.at("reward");
  CHECK(value(reward, "weight") == cbm::pointsWeight(in, rules).weight.str());
  CHECK(value(reward, "reward") ==
        cbm::pointsReward(7200, cbm::pointsWeight(in, rules).weight, rules).str());
  CHECK(value(reward, "t") == "7200");
  CHECK(value(reward, "base") == "100");
  CHECK(value(reward, "decayRate") == "0.0001");
  // 1 - e^-0.72 = 0.51324774404002834994... (50-digit arithmetic), to 18 decimals.
  CHECK(value(reward, "share") == "0.513247744040028349");
  // A longer session counts its first 24 hours only.
  CHECK(value(byFigure(cbm::explainPoints(in, 100'000, rules)).at("reward"), "t") == "86400");
  const cbm::Explanation& weight = e.at("weight");
  CHECK(value(weight, "cap") == "5");
}

TEST_CASE("a pool run's totals: the emission is the stages' rates times their seconds") {
  cbm::PoolScenario s;
  s.rules = cbm::poolRules({});
  s.horizon = 60'000'000;  // into the second stage
  for (const auto& [id, units, at] : {std::tuple{"a", 1000, 0}, {"b", 500, 86400}, {"c", 7, 5}}) {
    s.ids.push(id);
    s.units.values.push_back(units);
    s.requestedAt.values.push_back(at);
  }
  const cbm::PoolResult r = cbm::simulatePool(s);
  cbm::PoolTotals t;
  t.rules = s.rules;
  t.horizon = s.horizon;
  t.emitted = cbm::Decimal::fromRaw(r.emittedWei);
  t.distributed = cbm::Decimal::fromRaw(r.distributedWei);
  t.unallocated = cbm::Decimal::fromRaw(r.unallocatedWei);
  t.dust = cbm::Decimal::fromRaw(r.dustWei);
  t.requests = 3;
  t.accepted = 3;
  t.maxWait = r.queue.maxWait;
  const auto e = byFigure(cbm::explainPool(t));
  for (const auto& [figure, explanation] : e) checkNamesAreTerms(explanation);
  const cbm::Explanation& emitted = e.at("emitted");
  CHECK(emitted.formula == "{emitted} = {rate1} × {seconds1} + {rate2} × {seconds2}");
  const cbm::BigInt sum = d(value(emitted, "rate1")).big() * d(value(emitted, "seconds1")).big() +
                          d(value(emitted, "rate2")).big() * d(value(emitted, "seconds2")).big();
  CHECK(sum == cbm::BigInt(r.emittedWei) * cbm::Decimal::kScale);
  CHECK(value(emitted, "seconds1") == "57471264");  // the contract's first stage (SPEC 1)
  cbm::Int128 rewards = 0;
  for (const cbm::Int128 w : r.rewardWei) rewards += w;
  CHECK(d(value(e.at("dust"), "rewards")).raw() == rewards);
  CHECK(value(e.at("accepted"), "accepted") == "3");
}

TEST_CASE("the note of a purchase still in the queue comes only when one is, at now") {
  const auto queuedNote = [](const cbm::EarningsInput& in) {
    const cbm::Explanation block = byFigure(cbm::explainEarnings(in)).at("now.blockReward");
    return std::any_of(block.notes.begin(), block.notes.end(), [](const std::string& note) {
      return note.find("still in the activation queue") != std::string::npos;
    });
  };
  cbm::EarningsInput in = holder();
  CHECK(queuedNote(in));           // bought at now: served then, it mines from a later second
  in.holder.purchases.pop_back();  // only the purchase of day 30, mining at now
  CHECK_FALSE(queuedNote(in));
}

TEST_CASE("alone with one unit, its power amortized below 1: its share is all of the pool's") {
  cbm::EarningsInput in = holder();
  in.holder.purchases = {{0, 1, d("0.25")}};
  in.holder.pool = {};
  const cbm::Explanation block = byFigure(cbm::explainEarnings(in)).at("now.blockReward");
  CHECK(d(value(block, "poolPower")) < d("1"));  // 90 days of 2,922 lost
  CHECK(d(value(block, "share")) > d("99.999999"));
  CHECK(d(value(block, "share")) <= d("100"));
}
