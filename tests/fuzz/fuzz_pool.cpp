// Pool scenarios from any bytes: malformed ones throw InputError, bad requests are rejected,
// and every run keeps the SPEC's invariants (conservation to the wei, the queue's order and
// pace, non-negative rewards). Tiny scenarios are also held against the brute-force reference.
#include <cmath>
#include <map>

#include "../native/pool_reference.hpp"
#include "check.hpp"
#include "emission.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "pool.hpp"
#include "values.hpp"

namespace {

double number(FuzzedDataProvider& in, double lo, double hi) {
  switch (in.ConsumeIntegralInRange(0, 5)) {
    case 0:
      return in.ConsumeFloatingPoint<double>();  // anything: NaN, -0, 1e300, 2.5
    case 1:
      return std::floor(in.ConsumeFloatingPointInRange<double>(lo, hi)) + 0.5;
    default:
      return std::floor(in.ConsumeFloatingPointInRange<double>(lo, hi));
  }
}

reference::Rules referenceRules(const cbm::PoolRules& r) {
  reference::Rules ref;
  for (const cbm::Stage& stage : r.emission.schedule)
    ref.schedule.emplace_back(stage.rate.raw(), stage.duration);
  if (r.emission.supplyCap) ref.capWei = r.emission.supplyCap->raw();
  ref.perSecond = r.activationsPerSecond;
  ref.model = static_cast<reference::Model>(r.amortization);
  if (r.lifetime)
    ref.lifetime = *r.lifetime;
  else
    ref.lifetime.reset();
  ref.halfLife = r.halfLife;
  return ref;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  cbm::PoolScenario s;
  try {
    s.rules = cbm::readPoolRules(fuzz::ruleOverrides(in, true));
  } catch (const cbm::InputError&) {
    return 0;
  }
  const long long horizonValue = in.ConsumeIntegralInRange<long long>(1, 3000);
  // Now and then a horizon the core must refuse.
  s.horizon =
      in.ConsumeIntegralInRange(0, 15) == 0 ? in.ConsumeIntegral<cbm::Seconds>() : horizonValue;
  if (in.ConsumeBool()) s.sampleEvery = in.ConsumeIntegralInRange<cbm::Seconds>(0, 400);
  const int count = in.ConsumeIntegralInRange(0, 12);
  const bool withText = in.ConsumeBool();
  for (int i = 0; i < count; ++i) {
    s.ids.push(in.ConsumeIntegralInRange(0, 9) == 0 ? in.ConsumeRandomLengthString(4)
                                                    : "a" + std::to_string(i));
    s.owners.push("o" + std::to_string(in.ConsumeIntegralInRange(0, 2)));
    const double units = number(in, 1, in.ConsumeBool() ? 10 : 1e12);
    const double at = number(in, 0, static_cast<double>(horizonValue) + 10);
    const bool asText = withText && in.ConsumeBool();
    s.units.values.push_back(asText ? std::nan("") : units);
    s.requestedAt.values.push_back(at);
    if (withText) s.units.texts.push(asText ? fuzz::value(in) : "");
  }
  s.focusOwner = "o" + std::to_string(in.ConsumeIntegralInRange(0, 3));
  const cbm::PoolScenario input = s;
  if (std::getenv("FUZZ_VERBOSE")) {  // FUZZ_VERBOSE=1 ./fuzz_pool crash-file: see the scenario
    std::fprintf(stderr,
                 "horizon %lld sampleEvery %lld rules:", static_cast<long long>(input.horizon),
                 static_cast<long long>(input.sampleEvery.value_or(0)));
    std::fprintf(
        stderr, " amortization=%s lifetime=%lld halfLife=%lld cap=%s perSecond=%d schedule:",
        cbm::toString(input.rules.amortization),
        static_cast<long long>(input.rules.lifetime.value_or(-1)),
        static_cast<long long>(input.rules.halfLife),
        input.rules.emission.supplyCap ? input.rules.emission.supplyCap->str().c_str() : "none",
        input.rules.activationsPerSecond);
    for (const cbm::Stage& stage : input.rules.emission.schedule)
      std::fprintf(stderr, " %s:%lld", stage.rate.str().c_str(),
                   static_cast<long long>(stage.duration));
    std::fprintf(stderr, "\n");
    for (std::size_t i = 0; i < input.ids.size(); ++i)
      std::fprintf(stderr, "  %s owner %s units %.17g at %.17g\n",
                   std::string(input.ids.at(i)).c_str(), std::string(input.owners.at(i)).c_str(),
                   input.units.values[i], input.requestedAt.values[i]);
  }

  cbm::PoolResult r;
  try {
    r = cbm::simulatePool(std::move(s));
  } catch (const cbm::InputError&) {
    return 0;
  }

  // Conservation, to the wei.
  const cbm::Seconds horizon = input.horizon;
  const cbm::EmissionSchedule schedule(input.rules.emission);
  FUZZ_CHECK(r.emittedWei == schedule.emitted(0, horizon));
  FUZZ_CHECK(r.distributedWei + r.unallocatedWei == r.emittedWei);
  cbm::Int128 sum = 0;
  std::size_t miners = 0;
  for (std::size_t i = 0; i < r.rewardWei.size(); ++i) {
    FUZZ_CHECK(r.rewardWei[i] >= 0);
    sum += r.rewardWei[i];
    miners += r.activatedAt[i] >= 0 && r.activatedAt[i] + 1 < horizon;
  }
  FUZZ_CHECK(sum + r.dustWei == r.distributedWei);
  FUZZ_CHECK(r.dustWei >= 0 && r.dustWei <= static_cast<cbm::Int128>(miners));

  // The queue: never before the request, first in first out, at most k a second.
  std::vector<std::size_t> served;
  for (std::size_t i = 0; i < r.activatedAt.size(); ++i)
    if (r.activatedAt[i] >= 0) {
      FUZZ_CHECK(r.activatedAt[i] >= input.requestedAt.values[i] ||
                 std::isnan(input.requestedAt.values[i]));
      served.push_back(i);
    }
  std::map<cbm::Seconds, int> perSecond;
  for (std::size_t i : served)
    FUZZ_CHECK(++perSecond[r.activatedAt[i]] <= input.rules.activationsPerSecond);
  for (std::size_t i : served)
    for (std::size_t j : served)
      if (input.requestedAt.values[i] < input.requestedAt.values[j])
        FUZZ_CHECK(r.activatedAt[i] <= r.activatedAt[j]);

  // The series: time runs forward, emission accumulates.
  for (std::size_t k = 1; k < r.series.size(); ++k) {
    FUZZ_CHECK(r.series[k].t > r.series[k - 1].t);
    FUZZ_CHECK(r.series[k].emittedWei >= r.series[k - 1].emittedWei);
    FUZZ_CHECK(r.series[k].focusRewardWei >= r.series[k - 1].focusRewardWei);
  }
  if (!r.series.empty()) FUZZ_CHECK(r.series.back().t == horizon);

  // Tiny scenarios, all requests valid: the brute force's exact per-second sums.
  if (horizon <= 400 && r.rejected.empty() && served.size() <= 6 && input.units.texts.size() == 0) {
    std::vector<reference::Request> requests;
    for (std::size_t i = 0; i < input.ids.size(); ++i)
      requests.push_back({std::string(input.ids.at(i)), std::string(input.owners.at(i)),
                          static_cast<long long>(input.units.values[i]),
                          static_cast<long long>(input.requestedAt.values[i])});
    const reference::Result want =
        reference::simulate(referenceRules(input.rules), horizon, requests, horizon, "o0");
    FUZZ_CHECK(want.emittedWei == r.emittedWei && want.unallocatedWei == r.unallocatedWei);
    for (std::size_t i = 0; i < requests.size(); ++i) {
      FUZZ_CHECK(want.activatedAt[i] == r.activatedAt[i]);
      const reference::Float50 diff =
          want.rewardWei[i] - reference::Float50(cbm::toString(r.rewardWei[i]));
      const reference::Float50 slack =
          std::max(reference::Float50(0.01), want.rewardWei[i] * reference::Float50(1e-24));
      FUZZ_CHECK(diff > -slack && diff < 1 + slack);
    }
  }
  return 0;
}
