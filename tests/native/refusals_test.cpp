// Every check of a number's range and sign in the core, at its edge and one past it: a table of
// the ranges (from the SPEC and the headers, not from the code that checks them), each tried
// with min and max (accepted) and min - 1 and max + 1 (refused, naming the field, with the range
// as the problem's parameters); a table of the decimals that must not be negative (0 accepted, a
// wei below refused) or must be positive (a wei accepted, 0 refused). A check loosened or
// tightened by one, a bound swapped for another, or a check dropped fails here, whatever sample
// of the code a mutation run picks.
#include <doctest/doctest.h>

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "apr.hpp"
#include "bands.hpp"
#include "buydate.hpp"
#include "emission.hpp"
#include "explain.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "points.hpp"
#include "pool.hpp"
#include "projection.hpp"
#include "referral.hpp"
#include "reinvest.hpp"
#include "rules.hpp"
#include "session.hpp"
#include "supply.hpp"
#include "valuation.hpp"

namespace {

cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}

constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();

// What a call refused: the field and the problem, or nothing.
struct Refusal {
  std::string field;
  cbm::Problem problem;
};
std::optional<Refusal> refusal(const std::function<void()>& call) {
  try {
    call();
  } catch (const cbm::InputError& e) {
    return Refusal{e.field(), e.problem()};
  }
  return std::nullopt;
}

std::string param(const cbm::Problem& p, const std::string& name) {
  for (const auto& [key, value] : p.params)
    if (key == name) return value;
  return "";
}

struct Range {
  const char* what;
  std::string field;
  std::int64_t min, max;  // max kNone: no upper bound
  std::function<void(std::int64_t)> call;
  // What a call with min or max refuses for, if anything: a check further on (to reach the
  // range check without running what follows it), or "" for nothing.
  std::string acceptedStopsAt = "";
};

// A pool of one request of one unit, over `horizon` seconds.
cbm::PoolScenario onePool(cbm::Seconds horizon) {
  cbm::PoolScenario s;
  s.horizon = horizon;
  s.ids.push("a");
  s.units.values.push_back(1);
  s.requestedAt.values.push_back(0);
  return s;
}

// A holder with 1,000 units bought at genesis, in a pool of 1,000,000, on the default rules.
cbm::HolderPool holder() {
  cbm::HolderPool h;
  h.purchases = {{0, 1000, d("0.25")}};
  h.pool.units = 1'000'000;
  return h;
}

cbm::EarningsInput earnings() {
  cbm::EarningsInput in;
  in.rules = cbm::poolRules({});
  in.holder = holder();
  in.tokenPrice = d("0.17");
  in.breakeven = false;
  return in;
}

void holderWith(const std::function<void(cbm::HolderPool&)>& change,
                const cbm::PoolRules& rules = cbm::poolRules({})) {
  cbm::HolderPool h = holder();
  change(h);
  cbm::holderScenario(rules, h);
}

// Two stages of a wei a second, each as long as allowed: emission ends past kMaxSeconds, so
// that a purchase at kMaxSeconds is still before its end.
cbm::PoolRules longestRules() {
  cbm::PoolRuleChoices c;
  const cbm::Decimal wei = cbm::Decimal::fromRaw(1);
  c.schedule = cbm::Schedule{{wei, cbm::kMaxSeconds}, {wei, cbm::kMaxSeconds}};
  return cbm::poolRules(c);
}

void rulesWith(const std::function<void(cbm::PoolRuleChoices&)>& change) {
  cbm::PoolRuleChoices c;
  change(c);
  cbm::poolRules(c);
}

void pointsRulesWith(const std::function<void(cbm::PointsRules&)>& change) {
  cbm::PointsRules r;
  change(r);
  cbm::checkedPointsRules(r);
}

void projectionWith(const std::function<void(cbm::ProjectionInput&)>& change) {
  cbm::ProjectionInput p;
  p.days = 1;
  change(p);
  cbm::pointsProjection(p, cbm::PointsRules{});
}

void reinvestWith(const std::function<void(cbm::ReinvestInput&)>& change) {
  cbm::ReinvestInput in;
  in.earnings = earnings();
  in.cadences = {};  // holding only: the input's checks, no plan to run
  change(in);
  cbm::reinvest(in);
}

void weightWith(const std::function<void(cbm::WeightInput&)>& change) {
  cbm::WeightInput w;
  change(w);
  cbm::pointsWeight(w, cbm::PointsRules{});
}

void accountWith(const std::function<void(cbm::PointsAccount&)>& change) {
  cbm::PointsAccount a;
  change(a);
  cbm::checkedAccount(a, cbm::PointsRules{});
}

void bandsWith(const std::function<void(cbm::BandsInput&)>& change) {
  cbm::BandsInput in;
  in.earnings = earnings();
  in.earnings.holder.purchases.clear();  // the bands' own checks come first: then this one
  change(in);
  cbm::earningsBands(in);
}

// A stop with no session running: past its checks of now and session it is refused by the
// rules (RuleError), not for its input.
void stopWithNoSession(cbm::UnixSeconds now, std::optional<cbm::UnixSeconds> session) {
  try {
    cbm::stopSession(cbm::PointsAccount{}, now, cbm::PointsRules{}, session);
  } catch (const cbm::RuleError&) {
  }
}

std::vector<Range> ranges() {
  using cbm::kMaxSeconds;
  using cbm::kMaxUnitsPerActivation;
  const auto at = [](std::int64_t v) { return static_cast<cbm::Seconds>(v); };
  return {
      // The pool (SPEC 2-4).
      {"pool horizon", "horizon", 1, kMaxSeconds,
       [=](auto v) { cbm::simulatePool(onePool(at(v))); }},
      {"pool sampleEvery", "sampleEvery", 1, 1000,
       [](auto v) {
         cbm::PoolScenario s = onePool(1000);
         s.sampleEvery = v;
         cbm::simulatePool(s);
       }},
      {"pool sampleAt[0]", "sampleAt[0]", 0, 1000,
       [](auto v) {
         cbm::PoolScenario s = onePool(1000);
         s.sampleAt = {v};
         cbm::simulatePool(s);
       }},
      {"pool sampleAt[1], after sampleAt[0] = 10", "sampleAt[1]", 11, 1000,
       [](auto v) {
         cbm::PoolScenario s = onePool(1000);
         s.sampleAt = {10, v};
         cbm::simulatePool(s);
       }},
      {"queue ahead", "ahead", 0, cbm::kMaxQueueAhead, [](auto v) { cbm::queueWait(v, 1); }},
      {"queue activationsPerSecond", "activationsPerSecond", 1, cbm::kMaxActivationsPerSecond,
       [](auto v) { cbm::queueWait(0, v); }},
      {"explained pool horizon", "horizon", 1, kMaxSeconds,
       [](auto v) {
         cbm::PoolTotals t;
         t.rules = cbm::poolRules({});
         t.horizon = v;
         cbm::explainPool(t);
       }},
      // The rules (SPEC 1-3).
      {"halvingPeriod", "rules.halvingPeriod", 1, kMaxSeconds,
       [](auto v) { rulesWith([&](auto& c) { c.halvingPeriod = v, c.stages = 1; }); }},
      {"stages", "rules.stages", 1, cbm::kMaxStages,
       [](auto v) { rulesWith([&](auto& c) { c.stages = static_cast<int>(v); }); }},
      {"a stage's duration", "rules.schedule[0].duration", 1, kMaxSeconds,
       [](auto v) { rulesWith([&](auto& c) {
                      c.schedule = cbm::Schedule{{d("1"), v}};
                    }); }},
      {"activationsPerSecond", "rules.activationsPerSecond", 1, cbm::kMaxActivationsPerSecond,
       [](auto v) { rulesWith([&](auto& c) { c.activationsPerSecond = static_cast<int>(v); }); }},
      {"lifetime", "rules.lifetime", 1, kMaxSeconds,
       [](auto v) { rulesWith([&](auto& c) { c.lifetime = std::optional<cbm::Seconds>(v); }); }},
      {"halfLife", "rules.halfLife", 1, kMaxSeconds,
       [](auto v) {
         rulesWith([&](auto& c) {
           c.amortization = cbm::Amortization::exponential;
           c.halfLife = v;
         });
       }},
      {"referral payEvery", "rules.payEvery", 1, kMaxSeconds,
       [](auto v) {
         cbm::ReferralRules r;
         r.payEvery = v;
         cbm::checkedReferralRules(r);
       }},
      {"referral lockFor", "rules.lockFor", 0, kMaxSeconds,
       [](auto v) {
         cbm::ReferralRules r;
         r.lockFor = v;
         cbm::checkedReferralRules(r);
       }},
      {"points maxSessionSeconds", "rules.maxSessionSeconds", 1, kMaxSeconds,
       [](auto v) { pointsRulesWith([&](auto& r) { r.maxSessionSeconds = v; }); }},
      {"points cooldownSeconds", "rules.cooldownSeconds", 0, kMaxSeconds,
       [](auto v) { pointsRulesWith([&](auto& r) { r.cooldownSeconds = v; }); }},
      // Emission and supply (SPEC 8, 6).
      {"emission from", "from", 0, cbm::kMaxEmissionTime,
       [](auto v) { cbm::emissionReport(v, std::nullopt, cbm::poolRules({}).emission); }},
      {"emission to, from 5", "to", 5, cbm::kMaxEmissionTime,
       [](auto v) { cbm::emissionReport(5, v, cbm::poolRules({}).emission); }},
      {"supply t", "series[0].t", 0, cbm::kMaxSupplyTime,
       [](auto v) {
         cbm::supplyControl({{d("0"), d("1")}}, {{v, d("0"), d("1")}});
       }},
      // The holder (SPEC 5).
      {"purchase at", "purchases[0].at", 0, kMaxSeconds,
       [](auto v) { holderWith([&](auto& h) { h.purchases[0].at = v; }, longestRules()); }},
      {"purchase units", "purchases[0].units", 1, kMaxUnitsPerActivation,
       [](auto v) { holderWith([&](auto& h) { h.purchases[0].units = v; }); }},
      {"pool units", "pool.units", 0, kMaxUnitsPerActivation,
       [](auto v) { holderWith([&](auto& h) { h.pool.units = v; }); }},
      {"pool growthPerDay", "pool.growthPerDay", 0, kMaxUnitsPerActivation,
       [](auto v) {
         holderWith([&](auto& h) {
           h.pool.units = 0;
           h.pool.growthPerDay = v;
           h.pool.ceiling = 0;  // the growth is checked; the ceiling keeps the pool at 0
         });
       }},
      {"pool ceiling", "pool.ceiling", 0, kMaxUnitsPerActivation,
       [](auto v) {
         holderWith([&](auto& h) {
           h.pool.units = 0;
           h.pool.ceiling = v;
         });
       }},
      {"a line's units", "lines[0].units", 0, kMaxUnitsPerActivation,
       [](auto v) { holderWith([&](auto& h) { h.lines = {cbm::GrowingUnits{v}}; }); }},
      {"now", "now", 0, kMaxSeconds, [](auto v) { holderWith([&](auto& h) { h.now = v; }); }},
      {"earnings at", "at", 0, kMaxSeconds, [](auto v) { cbm::earningsAt(earnings(), v); }},
      // The decision tools.
      {"bands runs", "runs", 1, cbm::kMaxRuns,
       [](auto v) { bandsWith([&](auto& in) { in.runs = v; }); }, "purchases"},
      {"bands seed", "seed", 0, cbm::kMaxSeed,
       [](auto v) { bandsWith([&](auto& in) { in.seed = v; }); }, "purchases"},
      {"reinvest until", "until", 0, kMaxSeconds,
       [](auto v) { reinvestWith([&](auto& in) { in.until = v; }); }},
      {"reinvest maxUnits", "maxUnits", 0, kNone,
       [](auto v) { reinvestWith([&](auto& in) { in.maxUnits = v; }); }},
      // Points (SPEC 7).
      {"projection days", "days", 1, cbm::kMaxProjectionDays,
       [](auto v) { projectionWith([&](auto& p) { p.days = v; }); }},
      {"projection invites", "invites", 0, cbm::kMaxCount,
       [](auto v) { projectionWith([&](auto& p) { p.invites = v; }); }},
      {"projection sessionSeconds", "sessionSeconds", 0, cbm::kSecondsPerDay,
       [](auto v) { projectionWith([&](auto& p) { p.sessionSeconds = v; }); }},
      {"weight streakDays", "streakDays", 0, cbm::kMaxCount,
       [](auto v) { weightWith([&](auto& w) { w.streakDays = v; }); }},
      {"weight invites", "invites", 0, cbm::kMaxCount,
       [](auto v) { weightWith([&](auto& w) { w.invites = v; }); }},
      {"account revision", "account.revision", 0, cbm::kMaxRevision,
       [](auto v) { accountWith([&](auto& a) { a.revision = v; }); }},
      // A points session's clock (SPEC 7): now, and the session a stop names.
      {"start now", "now", 0, cbm::kMaxUnixSeconds,
       [](auto v) { cbm::startSession(cbm::PointsAccount{}, v, d("1"), cbm::PointsRules{}); }},
      {"stop now", "now", 0, cbm::kMaxUnixSeconds,
       [](auto v) { stopWithNoSession(v, std::nullopt); }},
      {"stop session", "session", 0, cbm::kMaxUnixSeconds,
       [](auto v) { stopWithNoSession(cbm::kMaxUnixSeconds, v); }},
      {"status now", "now", 0, cbm::kMaxUnixSeconds,
       [](auto v) { cbm::sessionStatus(cbm::PointsAccount{}, v, cbm::PointsRules{}); }},
      {"account lastStartedAt", "account.lastStartedAt", 0, cbm::kMaxUnixSeconds,
       [](auto v) { accountWith([&](auto& a) { a.lastStartedAt = v; }); }},
  };
}

}  // namespace

TEST_CASE("each whole-number range: both ends accepted, one past each refused with the range") {
  for (const Range& r : ranges()) {
    INFO(std::string(r.what) << ": " << r.min << " to " << r.max);
    for (const std::int64_t v : {r.min, r.max}) {
      INFO("accepted: " << v);
      const auto got = refusal([&] { r.call(v); });
      CHECK((got ? got->field : "") == r.acceptedStopsAt);
    }
    std::vector<std::int64_t> refused = {r.min - 1};
    if (r.max != kNone) refused.push_back(r.max + 1);
    for (const std::int64_t v : refused) {
      INFO("refused: " << v);
      const auto got = refusal([&] { r.call(v); });
      REQUIRE(got.has_value());
      CHECK(got->field == r.field);
      CHECK(got->problem.kind == "not-whole-in-range");
      CHECK(param(got->problem, "got") == std::to_string(v));
      CHECK(param(got->problem, "min") == std::to_string(r.min));
      CHECK(param(got->problem, "max") == (r.max == kNone ? "" : std::to_string(r.max)));
    }
  }
}

TEST_CASE("a projection's series: sampleEvery 0 (none) or 1 to kMaxSeconds, and its sample limit") {
  // Emission of `seconds` at 1 WFI a second, sampled every second from genesis: the seconds
  // 0 .. seconds - 1 and the end make seconds + 1 samples.
  const auto sampledEverySecond = [](cbm::Seconds seconds) {
    cbm::EarningsInput in = earnings();
    cbm::PoolRuleChoices c;
    c.schedule = cbm::Schedule{{d("1"), seconds}};
    in.rules = cbm::poolRules(c);
    in.sampleEvery = 1;
    return refusal([&] { cbm::projectEarnings(in); });
  };
  CHECK_FALSE(sampledEverySecond(cbm::kMaxEarningsSamples - 1).has_value());
  const auto tooMany = sampledEverySecond(cbm::kMaxEarningsSamples);
  REQUIRE(tooMany.has_value());
  CHECK(tooMany->field == "sampleEvery");
  CHECK(tooMany->problem.kind == "below-min");
  CHECK(param(tooMany->problem, "min") == "2");

  const auto every = [](std::int64_t v) {
    cbm::EarningsInput in = earnings();
    in.sampleEvery = v;
    in.period = cbm::Period::year;
    return refusal([&] { cbm::projectEarnings(in); });
  };
  CHECK_FALSE(every(0).has_value());
  CHECK_FALSE(every(cbm::kMaxSeconds).has_value());
  for (const std::int64_t v : {std::int64_t{-1}, cbm::kMaxSeconds + 1}) {
    const auto got = every(v);
    REQUIRE(got.has_value());
    CHECK(got->field == "sampleEvery");
    CHECK(got->problem.kind == "not-whole-in-range");
  }
}

namespace {

struct SignCheck {
  const char* what;
  std::string field;
  cbm::Sign sign;  // nonNegative: 0 accepted, a wei below refused; positive: a wei and 0
  std::function<void(cbm::Decimal)> call;
  std::string acceptedStopsAt = "";
};

// Samples of a holder who mined 1 WFI in 10 seconds, one purchase of a unit at second 0.
cbm::ValuationInput valuation() {
  cbm::ValuationInput in;
  in.t = {0, 10};
  in.mined = {d("0"), d("1")};
  in.rate = {d("0.1"), d("0.1")};
  in.purchases = {{0, 1, 0, std::nullopt}};
  in.unitPrice = d("1");
  in.tokenPrice = d("1");
  return in;
}

// Seed 003's APR input, changed by `change`, computed.
void aprWith(const std::function<void(cbm::AprInput&)>& change) {
  cbm::AprInput in{d("0.00009804"), d("0.17"), d("1000"), d("0.25"), std::nullopt};
  change(in);
  cbm::apr(in);
}

std::vector<SignCheck> signs() {
  using cbm::Sign;
  return {
      // SPEC 5: the APR, a share, the implied pool.
      {"apr blockReward", "blockReward", Sign::nonNegative,
       [](auto v) { aprWith([&](auto& in) { in.blockReward = v; }); }},
      {"apr tokenPrice", "tokenPrice", Sign::nonNegative,
       [](auto v) { aprWith([&](auto& in) { in.tokenPrice = v; }); }},
      {"apr units", "units", Sign::positive,
       [](auto v) {
         aprWith([&](auto& in) {
           in.units = v;
           in.blockReward = cbm::Decimal();  // a wei of units earning: an APR past any limit
         });
       }},
      {"apr unitPrice", "unitPrice", Sign::positive,
       [](auto v) { aprWith([&](auto& in) { in.unitPrice = v; }); }},
      {"apr referralReward", "referralReward", Sign::nonNegative,
       [](auto v) { aprWith([&](auto& in) { in.referralReward = v; }); }},
      {"share units", "units", Sign::positive,
       [](auto v) {
         cbm::blockReward({v, d("10"), d("8")});
       }},
      {"share poolPower", "poolPower", Sign::positive,
       [](auto v) {
         cbm::blockReward({cbm::Decimal::fromRaw(1), v, d("8")});
       }},
      {"share rate", "rate", Sign::nonNegative,
       [](auto v) {
         cbm::blockReward({d("1"), d("10"), v});
       }},
      {"pool size units", "units", Sign::positive,
       [](auto v) {
         cbm::impliedPoolPower({v, d("0.0001"), d("8")});
       }},
      {"pool size blockReward", "blockReward", Sign::positive,
       [](auto v) {
         // A billionth of a unit earning a wei: a pool of one unit.
         cbm::impliedPoolPower({d("0.000000001"), v, d("0.000000001")});
       }},
      {"pool size rate", "rate", Sign::positive,
       [](auto v) {
         cbm::impliedPoolPower({d("1000"), d("0.0001"), v});
       }},
      // The holder's projection and what it is worth.
      {"earnings tokenPrice", "tokenPrice", Sign::nonNegative,
       [](auto v) {
         auto in = earnings();
         in.tokenPrice = v;
         cbm::projectEarnings(in);
       }},
      {"a purchase's unitPrice", "purchases[0].unitPrice", Sign::nonNegative,
       [](auto v) { holderWith([&](auto& h) { h.purchases[0].unitPrice = v; }); }},
      {"pool growthPercentPerMonth", "pool.growthPercentPerMonth", Sign::nonNegative,
       [](auto v) { holderWith([&](auto& h) { h.pool.growthPercentPerMonth = v; }); }},
      {"calibration blockReward", "blockReward", Sign::positive,
       [](auto v) {
         cbm::PoolCalibration c;
         c.rules = cbm::poolRules({});
         c.purchases = holder().purchases;
         // A wei is below what the largest pool gives: the edge is tried with the seed's reward.
         c.blockReward = v == cbm::Decimal::fromRaw(1) ? d("0.00009804") : v;
         cbm::calibratePool(c);
       }},
      {"valuation unitPrice", "unitPrice", Sign::positive,
       [](auto v) {
         auto in = valuation();
         in.unitPrice = v;
         cbm::valueEarnings(in);
       }},
      {"valuation tokenPrice", "tokenPrice", Sign::nonNegative,
       [](auto v) {
         auto in = valuation();
         in.tokenPrice = v;
         cbm::valueEarnings(in);
       }},
      {"valuation purchase's unitPrice", "purchases[0].unitPrice", Sign::nonNegative,
       [](auto v) {
         auto in = valuation();
         in.purchases[0].unitPrice = v;
         cbm::valueEarnings(in);
       }},
      // The decision tools (each stops at a later check when accepted: no runs).
      {"bands tokenPrice", "tokenPrice", Sign::nonNegative,
       [](auto v) { bandsWith([&](auto& in) { in.earnings.tokenPrice = v; }); }, "purchases"},
      {"buy dates budgetUsd", "budgetUsd", Sign::positive,
       [](auto v) {
         cbm::BuyDateInput in{cbm::poolRules({}), holder(), v, d("0.25"), -100, d("0.17"), 0};
         cbm::buyDates(in);
       },
       "unitPriceGrowthPercent"},
      {"buy dates unitPrice", "unitPrice", Sign::positive,
       [](auto v) {
         cbm::BuyDateInput in{cbm::poolRules({}), holder(), d("100"), v, -100, d("0.17"), 0};
         cbm::buyDates(in);
       },
       "unitPriceGrowthPercent"},
      {"buy dates tokenPrice", "tokenPrice", Sign::nonNegative,
       [](auto v) {
         cbm::BuyDateInput in{cbm::poolRules({}), holder(), d("100"), d("0.25"), -100, v, 0};
         cbm::buyDates(in);
       },
       "unitPriceGrowthPercent"},
      {"reinvest unitPrice", "unitPrice", Sign::positive,
       [](auto v) { reinvestWith([&](auto& in) { in.unitPrice = v; }); }},
      {"reinvest maxSpentUsd", "maxSpentUsd", Sign::nonNegative,
       [](auto v) { reinvestWith([&](auto& in) { in.maxSpentUsd = v; }); }},
      // The rules.
      {"baseRate", "rules.baseRate", Sign::positive,
       [](auto v) { rulesWith([&](auto& c) { c.baseRate = v; }); }},
      {"a stage's rate", "rules.schedule[0].rate", Sign::nonNegative,
       [](auto v) { rulesWith([&](auto& c) {
                      c.schedule = cbm::Schedule{{v, 100}};
                    }); }},
      {"supplyCap", "rules.supplyCap", Sign::positive,
       [](auto v) { rulesWith([&](auto& c) { c.supplyCap = std::optional<cbm::Decimal>(v); }); }},
      {"points base", "rules.base", Sign::nonNegative,
       [](auto v) { pointsRulesWith([&](auto& r) { r.base = v; }); }},
      {"points decayRate", "rules.decayRate", Sign::positive,
       [](auto v) { pointsRulesWith([&](auto& r) { r.decayRate = v; }); }},
      {"points weightCap", "rules.weightCap", Sign::positive,
       [](auto v) { pointsRulesWith([&](auto& r) { r.weightCap = v; }); }},
      {"a tier's min", "rules.checkinTiers[0].min", Sign::nonNegative,
       [](auto v) { pointsRulesWith([&](auto& r) {
                      r.checkinTiers = {{v, d("1")}};
                    }); }},
      {"a tier's weight", "rules.checkinTiers[0].weight", Sign::nonNegative,
       [](auto v) { pointsRulesWith([&](auto& r) {
                      r.checkinTiers = {{d("0"), v}};
                    }); }},
      {"a referral line's share", "rules.lines[0].share", Sign::nonNegative,
       [](auto v) {
         cbm::ReferralRules r;
         r.lines[0].share = v;
         cbm::checkedReferralRules(r);
       }},
      {"a referral line's threshold", "rules.lines[0].thresholdUsd", Sign::nonNegative,
       [](auto v) {
         cbm::ReferralRules r;
         r.lines[0].thresholdUsd = v;
         cbm::checkedReferralRules(r);
       }},
      // Points (SPEC 7).
      {"weight totalPoints", "totalPoints", Sign::nonNegative,
       [](auto v) { weightWith([&](auto& w) { w.totalPoints = v; }); }},
      {"weight vip", "vip", Sign::nonNegative,
       [](auto v) { weightWith([&](auto& w) { w.vip = v; }); }},
      {"weight extra", "extra", Sign::nonNegative,
       [](auto v) { weightWith([&](auto& w) { w.extra = v; }); }},
      {"a reward's weight", "weight", Sign::nonNegative,
       [](auto v) { cbm::pointsReward(60, v, cbm::PointsRules{}); }},
      {"projection totalPoints", "totalPoints", Sign::nonNegative,
       [](auto v) { projectionWith([&](auto& p) { p.totalPoints = v; }); }},
      {"projection invitesPerWeek", "invitesPerWeek", Sign::nonNegative,
       [](auto v) { projectionWith([&](auto& p) { p.invitesPerWeek = v; }); }},
      {"projection vip", "vip", Sign::nonNegative,
       [](auto v) { projectionWith([&](auto& p) { p.vip = v; }); }},
      {"projection extra", "extra", Sign::nonNegative,
       [](auto v) { projectionWith([&](auto& p) { p.extra = v; }); }},
      {"account totalPoints", "account.totalPoints", Sign::nonNegative,
       [](auto v) { accountWith([&](auto& a) { a.totalPoints = v; }); }},
      {"account lastReward", "account.lastReward", Sign::nonNegative,
       [](auto v) {
         accountWith([&](auto& a) {
           a.lastReward = v;
           a.lastCollectedAt = 0;
         });
       }},
      // Supply (SPEC 6).
      {"a release tier's energy", "thresholds[0].energy", Sign::nonNegative,
       [](auto v) {
         cbm::checkReleaseTable({{v, d("0")}});
       }},
      {"a release tier's fraction", "thresholds[0].releasedFraction", Sign::nonNegative,
       [](auto v) {
         cbm::checkReleaseTable({{d("0"), v}});
       }},
      {"a supply point's energy", "series[0].energy", Sign::nonNegative,
       [](auto v) {
         cbm::supplyControl({{d("0"), d("1")}}, {{0, v, d("1")}});
       }},
      {"a supply point's mined", "series[0].mined", Sign::nonNegative,
       [](auto v) {
         cbm::supplyControl({{d("0"), d("1")}}, {{0, d("1"), v}});
       }},
      {"energy burnedUsd", "burnedUsd", Sign::nonNegative,
       [](auto v) {
         cbm::energyPrice({v, d("1")});
       }},
      {"energy basePrice", "basePrice", Sign::nonNegative,
       [](auto v) {
         cbm::energyPrice({d("1"), v});
       }},
      {"energy step", "step", Sign::nonNegative,
       [](auto v) {
         cbm::energyPrice({d("1"), d("1"), v});
       }},
      {"energy per", "per", Sign::positive,
       [](auto v) {
         cbm::energyPrice({d("1"), d("1"), d("0.1"), v});
       }},
  };
}

}  // namespace

TEST_CASE("each sign check: its edge accepted, a wei past it refused, naming the field") {
  const cbm::Decimal zero, wei = cbm::Decimal::fromRaw(1), minusWei = zero.minus(wei, "test");
  for (const SignCheck& s : signs()) {
    const bool positive = s.sign == cbm::Sign::positive;
    INFO(std::string(s.what) << (positive ? ": > 0" : ": >= 0"));
    const auto accepted = refusal([&] { s.call(positive ? wei : zero); });
    CHECK((accepted ? accepted->field : "") == s.acceptedStopsAt);
    const cbm::Decimal past = positive ? zero : minusWei;
    const auto refused = refusal([&] { s.call(past); });
    REQUIRE(refused.has_value());
    CHECK(refused->field == s.field);
    CHECK(refused->problem.kind == (positive ? "not-positive" : "negative"));
    CHECK(param(refused->problem, "got") == past.str());
  }
}
