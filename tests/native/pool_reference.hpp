// A brute-force pool simulator, written from SPEC 1-4 and nothing else: it walks every second,
// serves the queue one request at a time, and splits each second's emission among the units in
// 50-digit arithmetic. Slow (seconds x activations) and obviously right; the fast engine is held
// against it.
#pragma once

#include <algorithm>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace reference {

using Float50 = boost::multiprecision::cpp_bin_float_50;
using Wei = __int128;

enum class Model { none, linear, exponential };

struct Rules {
  Wei baseRateWei = Wei(8) * 1'000'000'000'000'000'000;
  long long halvingPeriod = 63'072'000;
  int stages = 4;
  //! When not empty, the emission instead: (wei per second, seconds) stages from t = 0.
  std::vector<std::pair<Wei, long long>> schedule;
  std::optional<Wei> capWei;
  int perSecond = 1;
  Model model = Model::linear;
  std::optional<long long> lifetime = 252'288'000;
  long long halfLife = 63'072'000;
};

struct Request {
  std::string id, owner;
  long long units;        // valid requests only: whole, > 0
  long long requestedAt;  // whole, >= 0
};

struct Sample {
  long long t;
  Wei rateWei, emittedWei;
  Float50 power;
  long long activeUnits;
  Float50 focusRewardWei, focusRateWei;
};

struct Result {
  std::vector<long long> activatedAt;  // -1: not served before the horizon
  std::vector<Float50> rewardWei;      // exact per-second sums, not truncated
  Wei emittedWei = 0, unallocatedWei = 0;
  std::vector<Sample> series;
};

// The rate of second s of a stage list: the stage that second falls in, or 0 after the last.
inline Wei stageRate(const std::vector<std::pair<Wei, long long>>& schedule, long long s) {
  for (const auto& [rate, duration] : schedule) {
    if (s < duration) return rate;
    s -= duration;
  }
  return 0;
}

// SPEC 1: rate(s) = baseRate / 2^k, k = floor(s / halvingPeriod) < stages, or the stage list;
// whole wei; the cap stops emission, its last second emitting the remainder.
inline std::vector<Wei> emissionPerSecond(const Rules& r, long long horizon) {
  std::vector<Wei> rate(static_cast<std::size_t>(horizon) + 1);
  Wei total = 0;
  for (long long s = 0; s <= horizon; ++s) {
    const long long k = s / r.halvingPeriod;
    Wei e = !r.schedule.empty()       ? stageRate(r.schedule, s)
            : k < r.stages && k < 120 ? r.baseRateWei / (Wei(1) << k)
                                      : 0;
    if (r.capWei) e = std::min(e, *r.capWei - total);
    rate[s] = e;
    total += e;
  }
  return rate;
}

inline Result simulate(const Rules& r, long long horizon, const std::vector<Request>& requests,
                       long long sampleEvery, const std::string& focusOwner) {
  const std::size_t n = requests.size();
  Result out;
  out.activatedAt.assign(n, -1);
  out.rewardWei.assign(n, 0);

  // SPEC 2: first in, first out by requestedAt (ties in input order), perSecond each second.
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return requests[a].requestedAt < requests[b].requestedAt;
  });
  std::size_t next = 0;
  for (long long a = 0; a < horizon && next < n; ++a)
    for (int served = 0; served < r.perSecond && next < n && requests[order[next]].requestedAt <= a;
         ++served)
      out.activatedAt[order[next++]] = a;

  // SPEC 3: a unit's efficiency at its age.
  const Float50 halfStep = pow(Float50(0.5), Float50(1) / r.halfLife);  // 0.5^(1/h)
  std::vector<Float50> decay(n, 1);  // exponential: 0.5^(age/h), kept by one factor per second
  auto efficiency = [&](std::size_t i, long long age) -> Float50 {
    if (r.lifetime && age >= *r.lifetime) return 0;
    switch (r.model) {
      case Model::none:
        return 1;
      case Model::linear:
        return Float50(*r.lifetime - age) / *r.lifetime;
      case Model::exponential:
        return decay[i];
    }
    return 0;
  };

  const std::vector<Wei> rate = emissionPerSecond(r, horizon);
  Float50 focusReward = 0;
  // SPEC 4: every second, R(s) split in proportion to effective power.
  for (long long s = 0; s <= horizon; ++s) {
    std::vector<Float50> power(n, 0);
    Float50 total = 0, focusPower = 0;
    long long activeUnits = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const long long start = out.activatedAt[i] + 1;
      if (out.activatedAt[i] < 0 || start > s) continue;
      const long long age = s - start;
      if (r.model == Model::exponential && age > 0) decay[i] *= halfStep;
      power[i] = requests[i].units * efficiency(i, age);
      if (!(r.lifetime && age >= *r.lifetime)) activeUnits += requests[i].units;
      total += power[i];
      if (requests[i].owner == focusOwner) focusPower += power[i];
    }
    if (s % sampleEvery == 0 || s == horizon) {
      const Float50 focusRate = total > 0 ? Float50(rate[s]) * focusPower / total : Float50(0);
      out.series.push_back(
          {s, rate[s], out.emittedWei, total, activeUnits, focusReward, focusRate});
    }
    if (s == horizon) break;
    out.emittedWei += rate[s];
    if (total == 0) {
      out.unallocatedWei += rate[s];
      continue;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (power[i] == 0) continue;
      const Float50 share = Float50(rate[s]) * power[i] / total;
      out.rewardWei[i] += share;
      if (requests[i].owner == focusOwner) focusReward += share;
    }
  }
  return out;
}

}  // namespace reference
