// Every limit at its edge and one past it: a table of the core's limits, each tried with the
// largest value it allows (accepted) and the next (refused, naming its field), the limits the
// JS API reports (limitsJson) read from there, so that a limit changed in one place and not the
// other, or a check loosened by one, fails here. Inputs refused outright, one per check, are in
// the table of refusals below.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "bands.hpp"
#include "calendar.hpp"
#include "emission.hpp"
#include "input_error.hpp"
#include "points.hpp"
#include "pool.hpp"
#include "projection.hpp"
#include "referral.hpp"
#include "rules.hpp"
#include "session.hpp"
#include "supply.hpp"

namespace {

cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}

// A number of limitsJson's JSON, by name.
std::int64_t reported(const std::string& name) {
  const std::string json = cbm::limitsJson();
  const std::size_t at = json.find("\"" + name + "\":");
  REQUIRE(at != std::string::npos);
  return std::stoll(json.substr(at + name.size() + 3));
}

// The field an InputError names, or "" when the call is accepted.
std::string refusal(const std::function<void()>& call) {
  try {
    call();
  } catch (const cbm::InputError& e) {
    return e.field();
  }
  return "";
}

// A pool of one request, `units` at `requestedAt`, over `horizon` seconds.
cbm::PoolScenario oneRequest(double units, double requestedAt, cbm::Seconds horizon) {
  cbm::PoolScenario s;
  s.horizon = horizon;
  s.ids.push("a");
  s.units.values.push_back(units);
  s.requestedAt.values.push_back(requestedAt);
  return s;
}

struct Edge {
  const char* limit;
  std::int64_t value;  // the largest accepted
  std::string field;   // what the next value's refusal names
  std::function<void(std::int64_t)> call;
};

}  // namespace

TEST_CASE("each limit: its value accepted, the next refused, naming the field") {
  const std::vector<Edge> edges = {
      {"seconds (horizon)", reported("seconds"), "horizon",
       [](std::int64_t v) { cbm::simulatePool(oneRequest(1, 0, v)); }},
      {"trackedOwners", reported("trackedOwners"), "trackOwners",
       [](std::int64_t v) {
         cbm::PoolScenario s = oneRequest(1, 0, 10);
         for (std::int64_t k = 0; k < v; ++k) s.trackedOwners.push_back("o" + std::to_string(k));
         cbm::simulatePool(s);
       }},
      {"samples", reported("samples"), "sampleAt",
       [](std::int64_t v) {
         cbm::PoolScenario s = oneRequest(1, 0, 1'000'000);
         for (std::int64_t k = 0; k < v; ++k) s.sampleAt.push_back(k);
         cbm::simulatePool(s);
       }},
      {"activations", reported("activations"), "activations",
       [](std::int64_t v) { cbm::activationCount(static_cast<double>(v)); }},
      {"queueAhead", reported("queueAhead"), "ahead", [](std::int64_t v) { cbm::queueWait(v, 1); }},
      {"activationsPerSecond", reported("activationsPerSecond"), "rules.activationsPerSecond",
       [](std::int64_t v) {
         cbm::PoolRuleChoices c;
         c.activationsPerSecond = static_cast<int>(v);
         cbm::poolRules(c);
       }},
      {"checkins", reported("checkins"), "checkins",
       [](std::int64_t v) { cbm::requireCheckinCount(static_cast<std::size_t>(v)); }},
      {"stages", cbm::kMaxStages, "rules.stages",
       [](std::int64_t v) {
         cbm::PoolRuleChoices c;
         c.stages = static_cast<int>(v);
         cbm::poolRules(c);
       }},
      {"referral lines", static_cast<std::int64_t>(cbm::kMaxReferralLines), "lines",
       [](std::int64_t v) {
         cbm::HolderPool h;
         h.purchases = {{0, 1, d("1")}};
         h.pool.units = 1;
         h.lines.assign(static_cast<std::size_t>(v), cbm::GrowingUnits{1});
         cbm::holderScenario(cbm::poolRules({}), h);
       }},
      {"streak days", cbm::kMaxCount, "streakDays",
       [](std::int64_t v) {
         cbm::WeightInput w;
         w.streakDays = v;
         cbm::pointsWeight(w, cbm::PointsRules{});
       }},
      {"invites", cbm::kMaxCount, "invites",
       [](std::int64_t v) {
         cbm::WeightInput w;
         w.invites = v;
         cbm::pointsWeight(w, cbm::PointsRules{});
       }},
      {"projection days", cbm::kMaxProjectionDays, "days",
       [](std::int64_t v) {
         cbm::ProjectionInput p;
         p.days = v;
         p.sessionSeconds = 0;
         cbm::pointsProjection(p, cbm::PointsRules{});
       }},
  };
  for (const Edge& edge : edges) {
    INFO(edge.limit << " = " << edge.value);
    CHECK(refusal([&] { edge.call(edge.value); }) == "");
    CHECK(refusal([&] { edge.call(edge.value + 1); }) == edge.field);
  }
}

TEST_CASE("a request's units and time at their limits: accepted, and the next rejected") {
  const std::int64_t units = reported("unitsPerActivation");
  const std::int64_t at = reported("requestedAt");
  CHECK(cbm::simulatePool(oneRequest(static_cast<double>(units), 0, 10)).rejected.empty());
  CHECK(cbm::simulatePool(oneRequest(static_cast<double>(units + 1), 0, 10)).rejected.size() == 1);
  CHECK(cbm::simulatePool(oneRequest(1, static_cast<double>(at), 10)).rejected.empty());
  CHECK(cbm::simulatePool(oneRequest(1, static_cast<double>(at + 1), 10)).rejected.size() == 1);
}

TEST_CASE("a growth of 100% a month is allowed, a hair more is not") {
  cbm::PoolRuleChoices
      threeDays;  // a short emission: 100% a month for years would pass 10^12 units
  threeDays.schedule = cbm::Schedule{{d("8"), 3 * cbm::kSecondsPerDay}};
  const cbm::PoolRules rules = cbm::poolRules(threeDays);
  cbm::HolderPool h;
  h.purchases = {{0, 1, d("1")}};
  h.pool.units = 1000;
  h.pool.growthPercentPerMonth = d("100");
  CHECK(refusal([&] { cbm::holderScenario(rules, h); }) == "");
  h.pool.growthPercentPerMonth = d("100.000000000000000001");
  CHECK(refusal([&] { cbm::holderScenario(rules, h); }) == "pool.growthPercentPerMonth");
}

TEST_CASE("earningsBands' limits at their edge, checked before any run") {
  // An input with no purchase passes the bands' own checks and stops at the projection's, so
  // "purchases" means the value at the edge was accepted, without running ten thousand runs.
  const auto fieldWith = [](const std::function<void(cbm::BandsInput&)>& change) {
    cbm::BandsInput in;
    in.earnings.rules = cbm::poolRules({});
    in.earnings.tokenPrice = d("0.17");
    change(in);
    return refusal([&] { cbm::earningsBands(in); });
  };
  const cbm::Decimal hair = cbm::Decimal::fromRaw(1);
  const auto plusHair = [&](std::int64_t n) {
    return cbm::Decimal::fromInteger(n).plus(hair, "test");
  };
  CHECK(fieldWith([](cbm::BandsInput& in) { in.runs = cbm::kMaxRuns; }) == "purchases");
  CHECK(fieldWith([](cbm::BandsInput& in) { in.runs = cbm::kMaxRuns + 1; }) == "runs");
  CHECK(fieldWith([](cbm::BandsInput& in) { in.seed = cbm::kMaxSeed; }) == "purchases");
  CHECK(fieldWith([](cbm::BandsInput& in) { in.seed = cbm::kMaxSeed + 1; }) == "seed");
  CHECK(fieldWith([](cbm::BandsInput& in) {
          in.price.drift = cbm::Decimal::fromInteger(cbm::kMaxDrift);
        }) == "purchases");
  CHECK(fieldWith([&](cbm::BandsInput& in) { in.price.drift = plusHair(cbm::kMaxDrift); }) ==
        "priceModel.drift");
  CHECK(fieldWith([](cbm::BandsInput& in) {
          in.price.volatility = cbm::Decimal::fromInteger(cbm::kMaxVolatility);
        }) == "purchases");
  CHECK(fieldWith([&](cbm::BandsInput& in) {
          in.price.volatility = plusHair(cbm::kMaxVolatility);
        }) == "priceModel.volatility");
  CHECK(fieldWith([](cbm::BandsInput& in) {
          in.poolSpread = cbm::Decimal::fromInteger(cbm::kMaxPoolSpread);
        }) == "purchases");
  CHECK(fieldWith([&](cbm::BandsInput& in) { in.poolSpread = plusHair(cbm::kMaxPoolSpread); }) ==
        "poolModel.spread");
}

TEST_CASE("the limits are the published ones, written out here, not read from the headers") {
  // The JS API's limits() (web/README.md's table), exactly.
  CHECK(cbm::limitsJson() ==
        "{\"unitsPerActivation\":1000000000000,\"activations\":20000000,\"samples\":100000,"
        "\"trackedOwners\":16,\"seconds\":3153600000,\"requestedAt\":9007199254740991,"
        "\"activationsPerSecond\":1000000,\"queueAhead\":1000000000000,\"checkins\":36600}");
  // earningsBands (web/README.md): runs 1 to 10,000, seed 0 to 2^53 - 1, drift at most 10,
  // volatility 0 to 3, spread 0 to 2.
  CHECK(cbm::kMaxRuns == 10'000);
  CHECK(cbm::kMaxSeed == 9'007'199'254'740'991);
  CHECK(cbm::kMaxDrift == 10);
  CHECK(cbm::kMaxVolatility == 3);
  CHECK(cbm::kMaxPoolSpread == 2);
  // The rest of the core's: a pool's 100 years, emission and supply times to 10,000 years, dates
  // to the end of 9999, a revision to 2^53 - 1, counts to 10^12, ten years of points days, 100%
  // growth a month, 50,000 samples of a projection, ten referral lines, 100 stages.
  CHECK(cbm::kMaxSeconds == 3'153'600'000);
  CHECK(cbm::kMaxEmissionTime == 315'360'000'000);
  CHECK(cbm::kMaxSupplyTime == 315'360'000'000);
  CHECK(cbm::kMaxUnixSeconds == 253'402'300'799);
  CHECK(cbm::kMaxRevision == 9'007'199'254'740'991);
  CHECK(cbm::kMaxCount == 1'000'000'000'000);
  CHECK(cbm::kMaxProjectionDays == 3650);
  CHECK(cbm::kMaxGrowthPercentPerMonth == 100);
  CHECK(cbm::kMaxEarningsSamples == 50'000);
  CHECK(cbm::kMaxReferralLines == 10);
  CHECK(cbm::kMaxStages == 100);
}
