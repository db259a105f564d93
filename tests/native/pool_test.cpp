// The pool engine (SPEC 2-4) against the brute-force reference on hand-made and random
// scenarios: queue, halvings, cap, retirements, empty seconds, ties, all three models.
#include "pool.hpp"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <sstream>

#include "admission.hpp"
#include "input_error.hpp"
#include "pool_reference.hpp"
#include "read.hpp"
#include "truncated.hpp"

using reference::Float50;

namespace {

constexpr cbm::Int128 kWei = 1'000'000'000'000'000'000;

cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}
// Stages of (rate, duration).
cbm::Schedule schedule(std::initializer_list<std::pair<const char*, cbm::Seconds>> stages) {
  cbm::Schedule out;
  for (const auto& [rate, duration] : stages) out.push_back({d(rate), duration});
  return out;
}
const std::optional<cbm::Seconds> kNoLifetime;

// Nothing for two seconds, then `rate` WFI in second 2; no amortization, two served a second.
cbm::PoolRules weiInSecondTwo(const char* rate) {
  cbm::PoolRuleChoices choices;
  choices.schedule = schedule({{"0", 2}, {rate, 1}});
  choices.amortization = cbm::Amortization::none;
  choices.activationsPerSecond = 2;
  return cbm::poolRules(choices);
}

// The rules of a scenario, for the message of a failing check.
std::string describe(const cbm::PoolRules& rules) {
  std::ostringstream out;
  out << "schedule=";
  for (const cbm::Stage& stage : rules.emission.schedule)
    out << stage.rate.str() << ":" << stage.duration << ",";
  out << " supplyCap=" << (rules.emission.supplyCap ? rules.emission.supplyCap->str() : "none")
      << " activationsPerSecond=" << rules.activationsPerSecond
      << " amortization=" << cbm::toString(rules.amortization)
      << " lifetime=" << (rules.lifetime ? std::to_string(*rules.lifetime) : "none")
      << " halfLife=" << rules.halfLife << " ";
  return out.str();
}

// A scenario in both forms: the engine's (rules, columns) and the reference's.
struct Scenario {
  cbm::PoolRuleChoices rules;
  reference::Rules ref;
  long long horizon = 0, sampleEvery = 1;
  std::string focus;
  std::vector<std::string> tracked;          // more owners to follow, each checked as a focus owner
  std::vector<reference::Request> requests;  // valid ones, also given to the engine
  std::vector<std::pair<std::size_t, std::string>> invalid;  // position, units text

  cbm::PoolScenario engineInput() const {
    cbm::PoolScenario s;
    s.rules = cbm::poolRules(rules);
    s.horizon = horizon;
    s.sampleEvery = sampleEvery;
    if (!focus.empty()) s.focusOwner = focus;  // "": no focus owner
    s.trackedOwners = tracked;
    std::size_t valid = 0;
    for (std::size_t i = 0; i < requests.size() + invalid.size(); ++i) {
      auto bad =
          std::find_if(invalid.begin(), invalid.end(), [&](auto& p) { return p.first == i; });
      if (bad != invalid.end()) {
        s.ids.push("bad" + std::to_string(i));
        s.owners.push("o0");
        s.units.values.push_back(std::stod(bad->second));
        s.requestedAt.values.push_back(0);
        continue;
      }
      const reference::Request& r = requests[valid++];
      s.ids.push(r.id);
      s.owners.push(r.owner);
      s.units.values.push_back(static_cast<double>(r.units));
      s.requestedAt.values.push_back(static_cast<double>(r.requestedAt));
    }
    return s;
  }
  std::size_t engineIndex(std::size_t validIndex) const {
    std::size_t i = 0, seen = 0;
    for (;; ++i) {
      bool bad = std::any_of(invalid.begin(), invalid.end(), [&](auto& p) { return p.first == i; });
      if (!bad && seen++ == validIndex) return i;
    }
  }
};

void compare(const Scenario& sc) {
  const reference::Result want =
      reference::simulate(sc.ref, sc.horizon, sc.requests, sc.sampleEvery, sc.focus);
  const cbm::PoolResult got = cbm::simulatePool(sc.engineInput());

  CHECK(got.emittedWei == want.emittedWei);
  CHECK(got.unallocatedWei == want.unallocatedWei);
  CHECK(got.distributedWei == got.emittedWei - got.unallocatedWei);
  CHECK(got.rejected.size() == sc.invalid.size());
  cbm::Int128 rewards = 0;
  std::size_t miners = 0, served = 0;
  long long maxWait = 0, waitTotal = 0, lastActivatedAt = -1;
  std::map<std::string, std::pair<std::size_t, long long>> owners;  // activations, units
  for (std::size_t v = 0; v < sc.requests.size(); ++v) {
    const std::size_t i = sc.engineIndex(v);
    const reference::Request& request = sc.requests[v];
    INFO("request " << v << " (" << request.id << ")");
    CHECK(got.activatedAt[i] == want.activatedAt[v]);
    const bool queued = want.activatedAt[v] < 0;
    CHECK(cbm::miningStartOf(got.activatedAt[i]) == (queued ? -1 : want.activatedAt[v] + 1));
    CHECK(got.waitSeconds[i] == (queued ? -1 : want.activatedAt[v] - request.requestedAt));
    if (!queued) {
      served += 1;
      maxWait = std::max(maxWait, want.activatedAt[v] - request.requestedAt);
      waitTotal += want.activatedAt[v] - request.requestedAt;
      lastActivatedAt = std::max(lastActivatedAt, want.activatedAt[v]);
    }
    owners[request.owner].first += 1;
    owners[request.owner].second += request.units;
    checkTruncated(got.rewardWei[i], want.rewardWei[v], "reward");
    rewards += got.rewardWei[i];
    miners += want.rewardWei[v] > 0;  // each loses under a wei to truncation
  }
  CHECK(got.queue.served == served);
  CHECK(got.queue.maxWait == maxWait);
  CHECK(got.queue.meanWait == (served ? static_cast<double>(waitTotal) / served : 0.0));
  CHECK(got.queue.lastActivatedAt == lastActivatedAt);
  const cbm::PoolScenario input = sc.engineInput();
  REQUIRE(got.owners.size() == owners.size());
  for (const cbm::PoolResult::Owner& owner : got.owners) {
    const auto& [activations, units] = owners.at(std::string(input.owners.at(owner.firstIndex)));
    CHECK(owner.activations == activations);
    CHECK(owner.units == units);
  }
  CHECK(rewards + got.dustWei == got.distributedWei);
  CHECK(got.dustWei >= 0);
  CHECK(got.dustWei <= static_cast<cbm::Int128>(miners));

  REQUIRE(got.series.size() == want.series.size());
  for (std::size_t k = 0; k < want.series.size(); ++k) {
    const cbm::PoolSample& g = got.series[k];
    const reference::Sample& w = want.series[k];
    INFO("sample at t=" << w.t);
    CHECK(g.t == w.t);
    CHECK(g.rateWei == w.rateWei);
    CHECK(g.emittedWei == w.emittedWei);
    CHECK(static_cast<long long>(g.activeUnits) == w.activeUnits);
    const Float50 power = Float50(g.power.hi) + Float50(g.power.lo);
    CHECK(abs(power - w.power) <= w.power * Float50(1e-25) + Float50(1e-300));
    checkTruncated(g.focusRewardWei, w.focusRewardWei, "focus reward");
    checkTruncated(g.focusRateWei, w.focusRateWei, "focus rate");
  }
  // Each tracked owner's series is what the reference gives with that owner in focus.
  REQUIRE(got.tracked.size() == sc.tracked.size());
  for (std::size_t j = 0; j < sc.tracked.size(); ++j) {
    const reference::Result other =
        reference::simulate(sc.ref, sc.horizon, sc.requests, sc.sampleEvery, sc.tracked[j]);
    REQUIRE(got.tracked[j].rewardWei.size() == other.series.size());
    for (std::size_t k = 0; k < other.series.size(); ++k) {
      INFO("tracked " << sc.tracked[j] << ", sample at t=" << other.series[k].t);
      checkTruncated(got.tracked[j].rewardWei[k], other.series[k].focusRewardWei, "tracked reward");
      checkTruncated(got.tracked[j].rateWei[k], other.series[k].focusRateWei, "tracked rate");
    }
  }
}

Scenario randomScenario(std::mt19937_64& random) {
  auto pick = [&](long long lo, long long hi) {
    return std::uniform_int_distribution<long long>(lo, hi)(random);
  };
  Scenario sc;
  sc.horizon = pick(1, 2500);
  sc.sampleEvery = pick(1, sc.horizon);
  sc.ref.halvingPeriod = pick(1, 700);
  sc.ref.stages = static_cast<int>(pick(1, 6));
  const char* rates[] = {"8", "0.001", "3.123456789012345678", "1000", "0.000000000000000007"};
  const cbm::Decimal rate = d(rates[pick(0, 4)]);
  sc.ref.baseRateWei = rate.raw();
  sc.rules.baseRate = rate;
  sc.rules.halvingPeriod = sc.ref.halvingPeriod;
  sc.rules.stages = sc.ref.stages;
  if (pick(0, 3) == 0) {  // a list of stages instead, of any rates (0 too) and lengths
    cbm::Schedule stages;
    for (long long k = pick(1, 5); k > 0; --k) {
      const cbm::Decimal stageRate = pick(0, 4) == 0 ? cbm::Decimal() : d(rates[pick(0, 4)]);
      const long long duration = pick(1, 900);
      sc.ref.schedule.emplace_back(stageRate.raw(), duration);
      stages.push_back({stageRate, duration});
    }
    sc.rules = {};
    sc.rules.schedule = stages;
  }
  if (pick(0, 3) == 0) {  // a cap that bites, often mid-second
    const cbm::Int128 cap =
        sc.ref.baseRateWei * pick(1, 3000) + pick(0, 999) * (sc.ref.baseRateWei / 1000);
    sc.ref.capWei = cap;
    sc.rules.supplyCap = cbm::Decimal::fromRaw(cap);
  }
  sc.ref.perSecond = static_cast<int>(pick(0, 3) == 0 ? pick(2, 3) : 1);
  sc.rules.activationsPerSecond = sc.ref.perSecond;
  const long long model = pick(0, 2);
  sc.ref.model = static_cast<reference::Model>(model);
  const cbm::Amortization models[] = {cbm::Amortization::none, cbm::Amortization::linear,
                                      cbm::Amortization::exponential};
  sc.rules.amortization = models[model];
  if (model != 1 && pick(0, 1) == 0) {
    sc.ref.lifetime.reset();
    sc.rules.lifetime = kNoLifetime;
  } else {
    sc.ref.lifetime = pick(1, 1500);
    sc.rules.lifetime = std::optional<cbm::Seconds>(*sc.ref.lifetime);
  }
  sc.ref.halfLife = pick(1, 600);
  sc.rules.halfLife = sc.ref.halfLife;

  const long long count = pick(0, 3) == 0 ? pick(20, 60) : pick(0, 12);
  const long long burst = pick(0, sc.horizon);  // many requests at one moment build a backlog
  for (long long i = 0; i < count; ++i) {
    const long long units = pick(1, 10) * static_cast<long long>(std::pow(10, pick(0, 9)));
    const long long at = pick(0, 2) == 0 ? burst : pick(0, sc.horizon + 20);
    sc.requests.push_back({"a" + std::to_string(i), "o" + std::to_string(pick(0, 2)), units, at});
  }
  if (pick(0, 4) == 0) sc.invalid.push_back({static_cast<std::size_t>(pick(0, count)), "0"});
  sc.focus = "o" + std::to_string(pick(0, 2));
  if (pick(0, 2) == 0) {  // follow the other owners too (one of them may own nothing: o3)
    for (int o = 0; o <= 3; ++o)
      if ("o" + std::to_string(o) != sc.focus) sc.tracked.push_back("o" + std::to_string(o));
  }
  return sc;
}

}  // namespace

TEST_CASE("a lone activation earns everything after its mining start") {
  Scenario sc;
  sc.horizon = 100;
  sc.sampleEvery = 10;
  sc.focus = "alice";
  sc.rules.halvingPeriod = 50;
  sc.ref.halvingPeriod = 50;
  sc.requests = {{"first", "alice", 1000, 9}};
  compare(sc);
  const cbm::PoolResult r = cbm::simulatePool(sc.engineInput());
  CHECK(r.activatedAt[0] == 9);
  // Seconds 0-9 find no units: 10 x 8 WFI unallocated. Then 40 x 8 + 50 x 4 WFI, linear decay
  // or not, all to the only miner (its share is 1 whatever its efficiency).
  CHECK(r.unallocatedWei == 80 * kWei);
  CHECK(r.rewardWei[0] == 520 * kWei);
  CHECK(r.dustWei == 0);
  CHECK(r.series.back().t == 100);
  CHECK(r.series.back().focusRewardWei == 520 * kWei);
}

TEST_CASE("samples at listed seconds, the horizon always last") {
  Scenario sc;
  sc.horizon = 100;
  sc.focus = "alice";
  sc.rules.halvingPeriod = 50;
  sc.requests = {{"first", "alice", 1000, 9}};
  cbm::PoolScenario s = sc.engineInput();
  s.sampleEvery.reset();
  s.sampleAt = {0, 10, 11, 60};
  const cbm::PoolResult r = cbm::simulatePool(s);
  std::vector<cbm::Seconds> t;
  for (const cbm::PoolSample& sample : r.series) t.push_back(sample.t);
  CHECK(t == std::vector<cbm::Seconds>{0, 10, 11, 60, 100});
  // Mining from second 10 at 8 WFI/s, halving at 50: before 11, 8 WFI; before 60, 40 x 8 +
  // 10 x 4; in second 60, 4.
  CHECK(r.series[2].focusRewardWei == 8 * kWei);
  CHECK(r.series[3].focusRewardWei == 360 * kWei);
  CHECK(r.series[3].focusRateWei == 4 * kWei);
  s.sampleAt = {0, 100};  // the horizon listed: sampled once
  CHECK(cbm::simulatePool(s).series.size() == 2);

  s.sampleAt = {5, 5};
  CHECK_THROWS_WITH(cbm::simulatePool(s),
                    "sampleAt[1]: must be a whole number from 6 to 100, got \"5\"");
  s.sampleAt = {101};
  CHECK_THROWS_WITH(cbm::simulatePool(s),
                    "sampleAt[0]: must be a whole number from 0 to 100, got \"101\"");
  s.sampleAt = {1};
  s.sampleEvery = 10;
  CHECK_THROWS_WITH(cbm::simulatePool(s), "sampleAt: give sampleAt or sampleEvery, not both");
}

TEST_CASE("the queue: one per second, first in first out, ties in input order") {
  Scenario sc;
  sc.horizon = 20;
  sc.focus = "x";
  sc.requests = {
      {"a", "x", 1, 5}, {"b", "x", 2, 3}, {"c", "y", 3, 5}, {"d", "y", 4, 3}, {"e", "x", 5, 18}};
  const cbm::PoolResult r = cbm::simulatePool(sc.engineInput());
  // b and d at 3 (b first), then a and c at 5: b 3, d 4, a 5, c 6; e 18.
  CHECK(r.activatedAt[1] == 3);
  CHECK(r.activatedAt[3] == 4);
  CHECK(r.activatedAt[0] == 5);
  CHECK(r.activatedAt[2] == 6);
  CHECK(r.activatedAt[4] == 18);
  compare(sc);
}

TEST_CASE("a backlog longer than the horizon leaves requests queued") {
  Scenario sc;
  sc.horizon = 5;
  for (int i = 0; i < 8; ++i) sc.requests.push_back({"r" + std::to_string(i), "o", 1, 0});
  const cbm::PoolResult r = cbm::simulatePool(sc.engineInput());
  CHECK(r.activatedAt[4] == 4);  // mines nothing: it starts at the horizon
  CHECK(r.rewardWei[4] == 0);
  CHECK(r.activatedAt[5] == -1);
  compare(sc);
}

TEST_CASE("halvings, a mid-second cap and retirements, against the reference") {
  Scenario sc;
  sc.horizon = 400;
  sc.sampleEvery = 7;
  sc.focus = "o1";
  sc.rules.halvingPeriod = 60;
  sc.rules.supplyCap = d("700.5");
  sc.rules.lifetime = std::optional<cbm::Seconds>(90);
  sc.ref.halvingPeriod = 60;
  sc.ref.capWei = 700 * kWei + kWei / 2;
  sc.ref.lifetime = 90;
  sc.requests = {{"a", "o1", 5, 0},
                 {"b", "o2", 1'000'000'000, 30},
                 {"c", "o1", 7, 30},
                 {"d", "o2", 1, 200},
                 {"e", "o1", 3, 95}};
  compare(sc);
}

TEST_CASE("all three models on random small scenarios agree with the brute force") {
  std::mt19937_64 random(20261121);
  for (int i = 0; i < 600; ++i) {
    const Scenario sc = randomScenario(random);
    INFO("scenario " << i << ": horizon " << sc.horizon << " " << describe(cbm::poolRules(sc.rules))
                     << "requests " << sc.requests.size());
    compare(sc);
  }
}

TEST_CASE("exponential decay over hundreds of half-lives (rebasing the weights)") {
  Scenario sc;
  sc.horizon = 2400;
  sc.sampleEvery = 100;
  sc.focus = "late";
  sc.rules.amortization = cbm::Amortization::exponential;
  sc.rules.lifetime = kNoLifetime;
  sc.rules.halfLife = 1;
  sc.ref.model = reference::Model::exponential;
  sc.ref.lifetime.reset();
  sc.ref.halfLife = 1;
  sc.requests = {{"early", "early", 1'000'000'000'000, 0},
                 {"mid", "mid", 1, 950},
                 {"late", "late", 3, 2000},
                 {"later", "late", 1, 2001}};
  sc.tracked = {"mid", "early", "nobody"};
  compare(sc);
}

TEST_CASE("invalid requests are rejected with their reason and the rest runs") {
  cbm::PoolScenario s;
  s.rules = cbm::poolRules();
  s.horizon = 1000;
  auto add = [&](const std::string& id, double units, double at) {
    s.ids.push(id);
    s.owners.push("o");
    s.units.values.push_back(units);
    s.requestedAt.values.push_back(at);
  };
  add("ok", 10, 0);
  add("", 10, 0);
  add("ok", 10, 0);
  add("neg", -5, 0);
  add("half", 2.5, 0);
  add("late", 1, -1);
  add("text", std::nan(""), 3);
  add("big", 1e13, 0);
  s.units.texts = {};
  for (int i = 0; i < 8; ++i) s.units.texts.push(i == 6 ? "7" : "");
  const cbm::PoolResult r = cbm::simulatePool(std::move(s));
  REQUIRE(r.rejected.size() == 6);
  CHECK(r.rejected[0].reason == "activations[1].id: must not be empty");
  CHECK(r.rejected[1].reason == "activations[2].id: duplicates the id of activations[0]: \"ok\"");
  CHECK(r.rejected[2].reason ==
        "activations[3].units: must be a whole number from 1 to 1000000000000, got \"-5\"");
  CHECK(r.rejected[3].reason ==
        "activations[4].units: must be a whole number from 1 to 1000000000000, got \"2.5\"");
  CHECK(
      r.rejected[4].reason ==
      "activations[5].requestedAt: must be a whole number from 0 to 9007199254740991, got \"-1\"");
  CHECK(r.rejected[5].index == 7);
  CHECK(r.activatedAt[6] == 3);  // units given as text "7"
  CHECK(r.activatedAt[0] == 0);
}

TEST_CASE("the lifetime default is the linear model's; the others keep units unless told") {
  const auto lifetimeOf = [](cbm::Amortization model, std::optional<cbm::Seconds> lifetime) {
    cbm::PoolRuleChoices choices;
    choices.amortization = model;
    if (lifetime) choices.lifetime = lifetime;
    return cbm::poolRules(choices).lifetime;
  };
  CHECK(cbm::poolRules().lifetime == 252'288'000);
  CHECK_FALSE(lifetimeOf(cbm::Amortization::none, std::nullopt));
  CHECK_FALSE(lifetimeOf(cbm::Amortization::exponential, std::nullopt));
  CHECK(lifetimeOf(cbm::Amortization::none, 1000) == 1000);
}

TEST_CASE("malformed scenarios throw, naming the field") {
  // The caller's texts, read at the boundary.
  auto run = [](const char* horizon, const char* sampleEvery) {
    cbm::PoolScenario s;
    s.rules = cbm::poolRules();
    s.horizon = cbm::readHorizon(horizon);
    s.sampleEvery = cbm::readSampleEvery(sampleEvery, s.horizon);
    cbm::simulatePool(std::move(s));
  };
  CHECK_THROWS_WITH_AS(run("0", ""),
                       "horizon: must be a whole number from 1 to 3153600000, got \"0\"",
                       cbm::InputError);
  CHECK_THROWS_WITH(run("3153600001", ""),
                    "horizon: must be a whole number from 1 to 3153600000, got \"3153600001\"");
  CHECK_THROWS_WITH(run("1000000", "1"),
                    "sampleEvery: gives 1000000 samples, more than 100000; use at least 10");
  CHECK_NOTHROW(run("1000000", ""));
  cbm::PoolScenario twice;
  twice.horizon = 10;
  twice.focusOwner = "a";
  twice.trackedOwners = {"b", "a"};
  CHECK_THROWS_WITH(cbm::simulatePool(twice),
                    "trackOwners[1]: is already followed (as the focus owner or earlier in the "
                    "list): \"a\"");
  twice.trackedOwners = std::vector<std::string>(17, "x");
  CHECK_THROWS_WITH(cbm::simulatePool(twice), "trackOwners: at most 16 owners, got 17");
  CHECK_THROWS_WITH(cbm::activationCount(2e7 + 1),
                    "activations: at most 20000000 activations per simulation, got \"20000001\"");
  CHECK(cbm::activationCount(5) == 5);
}

TEST_CASE("harmonic sums against 50 digits") {
  for (double x : {1.0, 1.5, 63.9, 64.0, 1000.25, 2.5e8, 1e15}) {
    for (long long n : {1LL, 2LL, 60LL, 1000LL, 252288000LL}) {
      Float50 want = 0;
      if (n <= 1000) {
        for (long long i = 0; i < n; ++i) want += 1 / (Float50(x) + i);
      } else {
        want = boost::math::digamma(Float50(x) + n) - boost::math::digamma(Float50(x));
      }
      const cbm::DoubleDouble got = cbm::detail::harmonicSum(cbm::DoubleDouble(x), n);
      INFO("x=" << x << " n=" << n);
      CHECK(abs((Float50(got.hi) + Float50(got.lo) - want) / want) < Float50(1e-30));
    }
  }
}

TEST_CASE("the conservation finish takes an excess off the largest rewards, within their bounds") {
  // Rewards 5, 3, 3 wei and 2 wei too many: one wei off each of the two largest (ties: the
  // first in input order first), since a small reward's error bound is one wei.
  std::vector<cbm::Int128> rewards = {3, 5, 3};
  cbm::detail::repairExcess(rewards, 2);
  CHECK(rewards == std::vector<cbm::Int128>{2, 4, 3});
  // Bounds grow with the reward: (r >> 95) + 1 wei. 2^96 wei may give 3, the others 1 each.
  const cbm::Int128 big = cbm::Int128(1) << 96;
  std::vector<cbm::Int128> mixed = {7, big, 0, 9};
  cbm::detail::repairExcess(mixed, 4);
  CHECK(mixed == std::vector<cbm::Int128>{7, big - 3, 0, 8});
  // Nothing to take: unchanged. More than the bounds allow: the engine would be wrong.
  std::vector<cbm::Int128> same = {4, 4};
  cbm::detail::repairExcess(same, 0);
  CHECK(same == std::vector<cbm::Int128>{4, 4});
  std::vector<cbm::Int128> short_ = {5, 0, 3};
  CHECK_THROWS_AS(cbm::detail::repairExcess(short_, 3), std::logic_error);
  CHECK_NOTHROW(cbm::detail::repairExcess(short_, 2));
  CHECK(short_ == std::vector<cbm::Int128>{4, 0, 2});
  // The finish: rewards that fit are left as they are; 2 wei over comes off as above.
  std::vector<cbm::Int128> fits = {3, 5, 3};
  CHECK(cbm::detail::conserve(fits, 20) == 11);
  CHECK(cbm::detail::conserve(fits, 11) == 11);
  CHECK(fits == std::vector<cbm::Int128>{3, 5, 3});
  CHECK(cbm::detail::conserve(fits, 9) == 9);
  CHECK(fits == std::vector<cbm::Int128>{2, 4, 3});
}

TEST_CASE("the linear model's gap sums, on both sides of the series threshold, against 50 digits") {
  // G = sum 1 / (a - s) and T = sum s / (a - s) over s = t0 .. t0+n-1, the last gap a - s being
  // `lastGap`. The series serves n <= middle gap x 2^-11; digamma the longer segments.
  for (const long long n : {2LL, 3LL, 7LL, 40LL, 333LL}) {
    for (const double factor : {1.0, 1.0 + 0x1p-30, 0.999, 3.0, 1e6}) {
      for (const long long t0 : {0LL, 123'456'789LL}) {
        const double middle = 2048.0 * static_cast<double>(n) * factor;
        const double lastGap = std::floor(middle - static_cast<double>(n - 1) / 2);
        Float50 g = 0, t = 0;
        for (long long j = 0; j < n; ++j) {
          const Float50 gap = Float50(lastGap) + (n - 1 - j);  // second t0 + j
          g += 1 / gap;
          t += Float50(t0 + j) / gap;
        }
        const cbm::detail::GapSums got = cbm::detail::gapSums(cbm::DoubleDouble(lastGap), t0, n);
        INFO("n=" << n << " lastGap=" << lastGap << " t0=" << t0);
        CHECK(abs((Float50(got.g.hi) + Float50(got.g.lo) - g) / g) < Float50(1e-30));
        // T is used in K G - T (K >= a): its error counts against a G.
        const Float50 a = Float50(lastGap) + t0 + n - 1;
        CHECK(abs((Float50(got.t.hi) + Float50(got.t.lo) - t) / (a * g)) < Float50(1e-30));
      }
    }
  }
}

TEST_CASE("rewards truncate to the wei: a whole wei stays whole, 0.995 wei is 0") {
  // One wei a second for two seconds: the lone miner mines second 1 only, exactly 1 wei.
  cbm::PoolScenario lone;
  cbm::PoolRuleChoices loneRules;
  loneRules.schedule = schedule({{"0.000000000000000001", 2}});
  loneRules.amortization = cbm::Amortization::none;
  lone.rules = cbm::poolRules(loneRules);
  lone.horizon = 2;
  lone.ids.push("a");
  lone.owners.push("a");
  lone.units.values = {5};
  lone.requestedAt.values = {0};
  const cbm::PoolResult one = cbm::simulatePool(lone);
  CHECK(one.rewardWei[0] == 1);
  CHECK(one.dustWei == 0);
  // 199 and 1 units share one wei: 0.995 and 0.005 wei, both truncated to nothing (0.995 is far
  // from a whole wei: no slack takes it up).
  cbm::PoolScenario split;
  split.rules = weiInSecondTwo("0.000000000000000001");
  split.horizon = 3;
  for (const char* id : {"big", "small"}) {
    split.ids.push(id);
    split.owners.push(id);
  }
  split.units.values = {199, 1};
  split.requestedAt.values = {0, 0};
  const cbm::PoolResult r = cbm::simulatePool(split);
  CHECK(r.rewardWei[0] == 0);
  CHECK(r.rewardWei[1] == 0);
  CHECK(r.distributedWei == 1);
  CHECK(r.dustWei == 1);
}

TEST_CASE("scenario limits, at and just beyond; progress follows the events") {
  auto run = [](cbm::Seconds horizon, std::optional<cbm::Seconds> sampleEvery) {
    cbm::PoolScenario s;
    s.horizon = horizon;
    s.sampleEvery = sampleEvery;
    return cbm::simulatePool(std::move(s));
  };
  CHECK(run(100'000, 1).series.size() == 100'001);  // 100,000 samples and the horizon's
  CHECK_THROWS_WITH(run(100'001, 1), doctest::Contains("sampleEvery: gives 100001 samples"));
  // Without sampleEvery: about 1,000 samples, never less than a second apart.
  CHECK(run(1'000'000, std::nullopt).series.size() == 1001);
  CHECK(run(10, std::nullopt).series.size() == 11);
  CHECK(cbm::activationCount(0) == 0);
  CHECK_THROWS_WITH(cbm::activationCount(0.5), doctest::Contains("activations:"));
  CHECK_THROWS_WITH(cbm::activationCount(-1), doctest::Contains("activations:"));
  cbm::PoolScenario sixteen;
  sixteen.horizon = 10;
  for (int k = 0; k < 16; ++k) sixteen.trackedOwners.push_back("o" + std::to_string(k));
  CHECK(cbm::simulatePool(sixteen).tracked.size() == 16);

  // Progress: the share of the events done, from 0 to 1 as they are.
  cbm::PoolScenario s;
  cbm::PoolRuleChoices halving;
  halving.halvingPeriod = 100;
  s.rules = cbm::poolRules(halving);
  s.horizon = 400;
  s.sampleEvery = 10;
  for (int i = 0; i < 50; ++i) {
    s.ids.push("a" + std::to_string(i));
    s.owners.push("o");
    s.units.values.push_back(1 + i);
    s.requestedAt.values.push_back(3 * i);
  }
  cbm::PoolSimulation counting(s);
  std::size_t events = 0;
  while (!counting.step(1)) ++events;
  cbm::PoolSimulation halfway(s);
  CHECK(halfway.progress() == 0);
  for (std::size_t k = 0; k < events / 2; ++k) halfway.step(1);
  CHECK(halfway.progress() > 0.2);  // an estimate: some events fall together
  CHECK(halfway.progress() < 0.7);
  while (!halfway.step(7)) {
  }
  CHECK(halfway.progress() == 1);

  // Where no two events share a second, the estimate counts every event and one more (the sample
  // at the horizon, when the horizon is not a multiple of sampleEvery): progress moves evenly.
  cbm::PoolScenario apart;
  cbm::PoolRuleChoices apartRules;
  apartRules.halvingPeriod = 1700;
  apartRules.lifetime = std::optional<cbm::Seconds>(333);
  apart.rules = cbm::poolRules(apartRules);
  apart.horizon = 10'000;
  apart.sampleEvery = 1000;
  for (int i = 0; i < 5; ++i) {
    apart.ids.push("a" + std::to_string(i));
    apart.owners.push("o");
    apart.units.values.push_back(1);
    apart.requestedAt.values.push_back(10 + 7 * i);
  }
  std::size_t apartEvents = 0;
  for (cbm::PoolSimulation count(apart); !count.step(1);) ++apartEvents;
  CHECK(apartEvents + 1 == 5 * 2 + 4 + 11);  // starts, retirements, stage ends, samples
  const auto movesEvenly = [](const cbm::PoolScenario& scenario, std::size_t events) {
    cbm::PoolSimulation even(scenario);
    for (std::size_t k = 1; k < events; ++k) {
      even.step(1);
      CHECK(even.progress() == doctest::Approx(static_cast<double>(k) / (events + 1)));
    }
  };
  movesEvenly(apart, apartEvents + 1);
  apartRules.lifetime = kNoLifetime;  // no lifetime: no retirements
  apartRules.amortization = cbm::Amortization::none;
  apart.rules = cbm::poolRules(apartRules);
  movesEvenly(apart, 5 + 4 + 11);
}

TEST_CASE("owners sum their activations' rewards; a run without a focus has no focus series") {
  cbm::PoolScenario s;
  cbm::PoolRuleChoices halving;
  halving.halvingPeriod = 40;
  s.rules = cbm::poolRules(halving);
  s.horizon = 100;
  s.sampleEvery = 25;
  const std::vector<std::pair<const char*, double>> requests = {
      {"x", 3}, {"y", 5}, {"x", 7}, {"z", 1}};
  for (std::size_t i = 0; i < requests.size(); ++i) {
    s.ids.push("r" + std::to_string(i));
    s.owners.push(requests[i].first);
    s.units.values.push_back(requests[i].second);
    s.requestedAt.values.push_back(static_cast<double>(i));
  }
  const cbm::PoolResult r = cbm::simulatePool(s);
  REQUIRE(r.owners.size() == 3);
  CHECK(r.owners[0].rewardWei == r.rewardWei[0] + r.rewardWei[2]);
  CHECK(r.owners[1].rewardWei == r.rewardWei[1]);
  CHECK(r.owners[2].rewardWei == r.rewardWei[3]);
  for (const cbm::PoolSample& sample : r.series) {
    CHECK(sample.focusRewardWei == 0);
    CHECK(sample.focusRateWei == 0);
  }
  s.focusOwner = "x";
  s.trackedOwners = {"y", "x"};
  CHECK_THROWS_WITH(cbm::simulatePool(s), doctest::Contains("trackOwners[1]: is already followed"));
  s.trackedOwners = {"x"};
  CHECK_THROWS_WITH(cbm::simulatePool(s), doctest::Contains("trackOwners[0]: is already followed"));
}

TEST_CASE("a one-unit miner at the end of its life still earns all of a lone pool's rate") {
  Scenario sc;
  sc.horizon = 100;
  sc.sampleEvery = 1;
  sc.focus = "old";
  sc.rules.lifetime = std::optional<cbm::Seconds>(100);
  sc.ref.lifetime = 100;
  sc.requests = {{"a", "old", 1, 0}};
  compare(sc);  // its power falls to 0.01: below 1, its share is still all of it
  sc.focus = "";
  sc.tracked = {"old"};  // followed as a tracked owner (a referral line) instead: the same
  compare(sc);
}

TEST_CASE("exponential rebasing long after genesis keeps the weights of recent miners") {
  Scenario sc;
  sc.horizon = 1100;
  sc.sampleEvery = 50;
  sc.focus = "x";
  sc.rules.amortization = cbm::Amortization::exponential;
  sc.rules.lifetime = kNoLifetime;
  sc.rules.halfLife = 1;
  sc.ref.model = reference::Model::exponential;
  sc.ref.lifetime.reset();
  sc.ref.halfLife = 1;
  // Rebases at 1000 and 1060 (more than 48 half-lives past the last): x, 40 half-lives old at
  // the second one, keeps a share of about 2^-20 of y's.
  sc.requests = {{"a", "a", 1, 0},
                 {"b", "b", 1, 1000},
                 {"x", "x", 1'000'000'000'000, 1040},
                 {"y", "y", 1, 1060}};
  compare(sc);
}

TEST_CASE("the slack of truncation: a millionth of a wei below a whole wei counts as it") {
  // 1,572,864 and 1 units share one wei: the first's exact share is 1 - 1/1,572,865 wei, within
  // 2^-20 of a whole wei: it gets that wei (within the SPEC's 10^-18 WFI), the other nothing.
  cbm::PoolScenario s;
  s.rules = weiInSecondTwo("0.000000000000000001");
  s.horizon = 3;
  for (const char* id : {"big", "small"}) {
    s.ids.push(id);
    s.owners.push(id);
  }
  s.units.values = {1'572'864, 1};
  s.requestedAt.values = {0, 0};
  const cbm::PoolResult r = cbm::simulatePool(s);
  CHECK(r.rewardWei[0] == 1);
  CHECK(r.rewardWei[1] == 0);
  CHECK(r.dustWei == 0);
}

TEST_CASE(
    "tracked owners without a focus owner; columns of different lengths; a NaN without text") {
  Scenario sc;
  sc.horizon = 300;
  sc.sampleEvery = 30;
  sc.rules.halvingPeriod = 100;
  sc.ref.halvingPeriod = 100;
  sc.tracked = {"b", "a"};
  sc.requests = {{"r0", "a", 3, 0}, {"r1", "b", 5, 10}, {"r2", "a", 2, 40}};
  compare(sc);  // each tracked series against the reference with that owner in focus

  cbm::PoolScenario s;
  s.horizon = 10;
  s.ids.push("a");
  s.ids.push("b");
  s.owners.push("a");
  s.units.values = {1, 1};
  s.requestedAt.values = {0, 0};
  CHECK_THROWS_WITH(cbm::simulatePool(s),
                    "activations: the columns of the scenario have different lengths");
  s.owners.push("b");
  s.units.values[0] = std::nan("");  // a NaN with no text column: the request is refused
  const cbm::PoolResult r = cbm::simulatePool(s);
  REQUIRE(r.rejected.size() == 1);
  CHECK(r.rejected[0].index == 0);
  CHECK(r.rejected[0].reason.find("activations[0].units:") == 0);
}

TEST_CASE("a huge reward a hair (within its error bound) below a whole wei counts as that wei") {
  // 199 and 1 units share 200,000,000.000000000000000001 WFI in one second: the first's exact
  // share is 199 x 10^24 + 0.995 wei. At that size the engine's error bound (2^-95 of the
  // reward, about 0.005 wei) reaches it: it is taken as the next wei, and conservation holds.
  cbm::PoolScenario s;
  s.rules = weiInSecondTwo("200000000.000000000000000001");
  s.horizon = 3;
  for (const char* id : {"big", "small"}) {
    s.ids.push(id);
    s.owners.push(id);
  }
  s.units.values = {199, 1};
  s.requestedAt.values = {0, 0};
  const cbm::PoolResult r = cbm::simulatePool(s);
  const cbm::Int128 e24 = cbm::Int128(1'000'000'000'000) * 1'000'000'000'000;
  CHECK(r.rewardWei[0] == 199 * e24 + 1);
  CHECK(r.rewardWei[1] == e24);
  CHECK(r.rewardWei[0] + r.rewardWei[1] + r.dustWei == r.distributedWei);
  CHECK(r.distributedWei == 200 * e24 + 1);
}

TEST_CASE("the queue sorts requests of every size: one far past the horizon does not reorder it") {
  // The sort runs 16 bits a pass up to the largest requestedAt (2^50 here): its passes over the
  // high bits must leave the low ones in order.
  cbm::PoolScenario s;
  s.horizon = 100'000;
  const double requested[] = {0x1p50, 70000, 5000, 65536 + 100};
  for (int i = 0; i < 4; ++i) {
    s.ids.push("a" + std::to_string(i));
    s.owners.push("o");
    s.units.values.push_back(1);
    s.requestedAt.values.push_back(requested[i]);
  }
  const cbm::PoolResult r = cbm::simulatePool(s);
  CHECK(r.activatedAt == std::vector<std::int64_t>{-1, 70000, 5000, 65636});
}

TEST_CASE("without an owner column each request is its own owner, named by its id") {
  cbm::PoolScenario s;
  cbm::PoolRuleChoices keep;
  keep.amortization = cbm::Amortization::none;
  keep.lifetime = kNoLifetime;
  s.rules = cbm::poolRules(keep);
  s.horizon = 10;
  for (const char* id : {"x", "y", "x"}) s.ids.push(id);  // the second x is a duplicate
  s.units.values = {1, 3, 1};
  s.requestedAt.values = {0, 0, 0};
  const cbm::PoolResult r = cbm::simulatePool(s);
  REQUIRE(r.rejected.size() == 1);
  CHECK(r.rejected[0].index == 2);
  REQUIRE(r.owners.size() == 2);
  CHECK(r.owners[0].firstIndex == 0);
  CHECK(r.owners[1].firstIndex == 1);
  CHECK(r.owners[0].activations == 1);
  CHECK(r.owners[1].units == 3);
  // One served a second: x mines second 1 alone (8 WFI), then shares 8 x 8 WFI 1 : 3 with y.
  CHECK(r.owners[0].rewardWei == 24 * kWei);
  CHECK(r.owners[1].rewardWei == 48 * kWei);
}

TEST_CASE("first occurrences: the first index of each string, over many buckets and a subset") {
  // Against a map, on 200,000 strings with repeats (a thousand buckets), and on every third.
  cbm::TextColumn column;
  std::mt19937 random(5);
  for (int i = 0; i < 200000; ++i) column.push("s" + std::to_string(random() % 70000));
  column.push("");
  column.push("");
  for (const std::size_t step : {1, 3}) {
    std::vector<std::uint32_t> among;
    for (std::uint32_t i = 0; i < column.size(); i += static_cast<std::uint32_t>(step))
      among.push_back(i);
    const std::vector<std::uint32_t> first = cbm::detail::firstOccurrences(column, among);
    REQUIRE(first.size() == column.size());
    std::map<std::string_view, std::uint32_t> seen;
    std::size_t wrong = 0;
    for (std::uint32_t i = 0, k = 0; i < column.size(); ++i) {
      if (k < among.size() && among[k] == i) {
        ++k;
        wrong += first[i] != seen.emplace(column.at(i), i).first->second;
      } else {
        wrong += first[i] != cbm::detail::kNoIndex;
      }
    }
    CHECK(wrong == 0);
  }
  CHECK(cbm::detail::firstOccurrences(column, {}) ==
        std::vector<std::uint32_t>(column.size(), cbm::detail::kNoIndex));
}

TEST_CASE("queue wait: floor(ahead / per second), mining the second after") {
  CHECK(cbm::queueWait(0, 1).wait == 0);
  CHECK(cbm::queueWait(0, 1).miningAfter == 1);
  CHECK(cbm::queueWait(7, 3).wait == 2);
  CHECK(cbm::queueWait(1'000'000'000'000, 1).miningAfter == 1'000'000'000'001);
  CHECK_THROWS_WITH(cbm::queueWait(1'000'000'000'001, 1), doctest::Contains("ahead:"));
  CHECK_THROWS_WITH(cbm::queueWait(1, 0), doctest::Contains("activationsPerSecond:"));
  CHECK(cbm::limitsJson().find("\"unitsPerActivation\":1000000000000,") != std::string::npos);
}
