// The event-driven engine against the brute-force reference of the tests (every second, every
// activation, 50 digits), natively, on 200 activations over one day: both times, the ratio
// (target >= 1000x) and the largest difference between their rewards.
#include <chrono>
#include <cstdio>
#include <random>

#include "../tests/native/pool_reference.hpp"
#include "pool.hpp"

using Clock = std::chrono::steady_clock;
using reference::Float50;

int main() {
  constexpr long long kDay = 86'400;
  std::mt19937_64 random(2026);
  std::vector<reference::Request> requests;
  for (int i = 0; i < 200; ++i)
    requests.push_back({"a" + std::to_string(i), "o" + std::to_string(i % 20),
                        static_cast<long long>(1 + random() % 10'000),
                        static_cast<long long>(random() % (kDay / 2))});
  reference::Rules rules;  // the defaults: linear, 8 years, 8 WFI/s
  cbm::PoolScenario scenario;
  scenario.rules = cbm::poolRules({});
  scenario.horizon = kDay;
  scenario.sampleEvery = 3600;
  scenario.focusOwner = "o3";
  for (const auto& r : requests) {
    scenario.ids.push(r.id);
    scenario.owners.push(r.owner);
    scenario.units.values.push_back(static_cast<double>(r.units));
    scenario.requestedAt.values.push_back(static_cast<double>(r.requestedAt));
  }

  auto t0 = Clock::now();
  const cbm::PoolResult fast = cbm::simulatePool(scenario);
  auto t1 = Clock::now();
  const reference::Result slow = reference::simulate(rules, kDay, requests, 3600, "o3");
  auto t2 = Clock::now();

  Float50 worst = 0;
  bool same = fast.emittedWei == slow.emittedWei && fast.unallocatedWei == slow.unallocatedWei;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    same = same && fast.activatedAt[i] == slow.activatedAt[i];
    const Float50 diff = abs(slow.rewardWei[i] - Float50(cbm::toString(fast.rewardWei[i])));
    if (diff > worst) worst = diff;
  }
  const double fastMs = std::chrono::duration<double, std::milli>(t1 - t0).count();
  const double slowMs = std::chrono::duration<double, std::milli>(t2 - t1).count();
  std::printf("\nEngine vs brute force (native, 200 activations over 1 day, linear)\n");
  std::printf("  event-driven engine %10.3f ms\n", fastMs);
  std::printf("  brute force         %10.0f ms  (86,400 s x 200 activations, 50 digits)\n", slowMs);
  std::printf("  ratio               %10.0fx\n", slowMs / fastMs);
  std::printf("  results             %s; largest reward difference %s wei (truncation: < 1)\n",
              same ? "same queue and totals" : "DIFFERENT", worst.str(3).c_str());
  return same && worst < 1 ? 0 : 1;
}
